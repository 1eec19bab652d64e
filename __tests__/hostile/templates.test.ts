import { buildChecklistComment } from '../../src/core/comment/checklist-comment.js';
import { diffChecklistBodies, parseChecklistComment } from '../../src/core/comment/parse.js';
import { COMMENT_MARKER, NOTES_END, NOTES_START, renderComment } from '../../src/core/comment/render.js';
import { decodeStateBlock } from '../../src/core/comment/state-block.js';
import { evaluateGate } from '../../src/core/gate/gate.js';
import { emptyLedger, verifyLedger } from '../../src/core/ledger/ledger.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { corpusSchemas, templateRejects } from './corpus.js';
import { hostileTemplate, NORMAL_ID, type RenderCase, renderCases } from './corpus-render.js';
import {
  CONTROL_CHARACTER,
  expectGateFailsClosed,
  expectLocated,
  rejectionOf,
  validateThroughCli,
} from './expectations.js';

const FILE = 'hostile.md';
const HEAD = 'd'.repeat(40);
const SECRET = 'hostile-corpus-secret';

describe('hostile templates are rejected with file:line: message', () => {
  it.each(templateRejects.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const text = testCase.text();
    const error = rejectionOf(() => parseTemplate(text, FILE, corpusSchemas));
    expectLocated(error.problems, FILE, text, testCase);
    // One problem per cause, not one per line of a flood.
    expect(error.problems.length).toBeLessThan(10);
    expectGateFailsClosed(error.problems);
  });
});

describe('hostile templates through `shipgate validate`', () => {
  const cliCases = templateRejects.filter((testCase) => !testCase.coreOnly);
  it.each(cliCases.map((testCase, index) => [testCase.name, testCase, index] as const))(
    '%s → exit 1, file:line: message, no stack trace',
    async (_name, testCase, index) => {
      await validateThroughCli(testCase, `case-${index}.md`);
    },
  );
});

/** Renders the case the way the bot does: checklist comment with a signed state block. */
function renderCase(testCase: RenderCase) {
  const checklist = parseTemplate(hostileTemplate(testCase), FILE, corpusSchemas);
  const variables = testCase.variables ?? { version: '1.2.3' };
  const gate = evaluateGate({ checklist, states: {}, headSha: HEAD, phase: 'pre-merge' });
  let notes: string | undefined;
  if (testCase.notes !== undefined) {
    // The notes arrive the way the bot gets them: read back from a comment someone edited.
    const plain = renderComment({ checklist, states: {}, headSha: HEAD, variables, gate });
    const start = plain.indexOf(NOTES_START) + NOTES_START.length;
    const edited = `${plain.slice(0, start)}\n${testCase.notes}\n${plain.slice(plain.indexOf(NOTES_END))}`;
    notes = parseChecklistComment(edited, checklist).notes;
  }
  const input = { checklist, states: {}, headSha: HEAD, variables, gate, notes };
  const { body } = buildChecklistComment(input, emptyLedger(SECRET), SECRET);
  return { checklist, body };
}

describe('valid but hostile templates and variables render inert', () => {
  it.each(renderCases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const { checklist, body } = renderCase(testCase);
    expect(checklist.items.map((item) => item.id)).toHaveLength(1 + (testCase.items?.length ?? 0));
    expect(checklist.items[0]?.id).toBe(NORMAL_ID);

    // No live HTML from item text or variables.
    expect(body).not.toMatch(/<(script|img|details|summary|iframe)/i);
    // Exactly our markers: the comment marker, the notes pair, the head it was rendered for, the
    // state block, one id per item.
    const [headMarker, stateBlock] = body.trimEnd().split('\n').slice(-2);
    expect(headMarker).toMatch(/^<!-- shipgate:head [0-9a-f]+ -->$/);
    expect(body.match(/<!--\s*\/?\s*shipgate\s*:[^>]*>/gi)).toEqual([
      COMMENT_MARKER,
      NOTES_START,
      NOTES_END,
      headMarker,
      stateBlock,
    ]);
    expect(body.match(/<!--\s*sg\s*:[^>]*>/gi)).toEqual(
      checklist.items.map((item) => `<!-- sg:${item.id} -->`),
    );
    const decoded = decodeStateBlock(body);
    expect(decoded.found && 'ledger' in decoded && verifyLedger(decoded.ledger, SECRET)).toBe(true);
    // No pings, no issue references, no control characters.
    expect(body).not.toMatch(/(^|[^\w])@\w/m);
    expect(body).not.toMatch(/#\d/);
    expect(body).not.toMatch(CONTROL_CHARACTER);

    // Reads back exactly the template's items, none ticked.
    const parsed = parseChecklistComment(body, checklist);
    expect([...parsed.items.keys()].sort()).toEqual(checklist.items.map((item) => item.id).sort());
    expect([...parsed.items.values()].filter((item) => item.checked)).toEqual([]);
    // Ticking the real line is seen as exactly that, whatever fakes sit elsewhere.
    const realLine = `- [ ] Normal item <!-- sg:${NORMAL_ID} -->`;
    expect(body).toContain(realLine);
    const ticked = body.replace(realLine, `- [x] Normal item <!-- sg:${NORMAL_ID} -->`);
    expect(diffChecklistBodies(body, ticked, checklist)).toEqual([
      expect.objectContaining({ id: NORMAL_ID, before: false, after: true, deliberate: true }),
    ]);
  });

  it('keeps comparisons like "< 80KB" as written while escaping tags', () => {
    const { body } = renderCase({ name: 'plain', items: ['Main bundle < 80KB', 'Use <b>bold</b>'] });
    expect(body).toContain('- [ ] Main bundle < 80KB <!-- sg:');
    expect(body).toContain('- [ ] Use &lt;b>bold&lt;/b> <!-- sg:');
  });
});

// Each input below made an old regex backtrack quadratically (tens of seconds at this size);
// they must now finish as fast as any other case. Sizes stay under MAX_TEMPLATE_BYTES.
describe('pathological lines finish (no regex backtracking blow-up)', () => {
  it('a heading with a 200,000-space run', () => {
    const checklist = parseTemplate(`# a${' '.repeat(200_000)}b\n## S\n- [ ] x`, FILE, corpusSchemas);
    expect(checklist.title).toBe(`a${' '.repeat(200_000)}b`);
  });

  it('an item with a long space run before a U+2028', () => {
    const checklist = parseTemplate(`## S\n- [ ]${' '.repeat(200_000)}x\u2028y`, FILE, corpusSchemas);
    expect(checklist.items.map((item) => item.text)).toEqual(['x\u2028y']);
  });

  it('an item line of 13,000 "<!-- shipgate: -->x" repeats', () => {
    const text = `${'<!-- shipgate: -->x'.repeat(13_000)}`;
    const checklist = parseTemplate(`## S\n- [ ] ${text}`, FILE, corpusSchemas);
    expect(checklist.items[0]?.text).toBe(text);
  });

  it('a text line of 60,000 unclosed "{{a|" placeholders', () => {
    const checklist = parseTemplate(`${'{{a|'.repeat(60_000)}\n## S\n- [ ] x`, FILE, corpusSchemas);
    const gate = evaluateGate({ checklist, states: {}, headSha: HEAD, phase: 'pre-merge' });
    const body = renderComment({ checklist, states: {}, headSha: HEAD, variables: { a: 'A' }, gate });
    expect(body).toContain('{{a|{{a|');
  });

  it('a comment line of 16,000 unclosed "<!--" (read back by parseChecklistComment)', () => {
    const checklist = parseTemplate('## S\n- [ ] x', FILE, corpusSchemas);
    const parsed = parseChecklistComment(`- [x] ${'<!--'.repeat(16_000)}`, checklist);
    expect(parsed.items.size).toBe(0);
  });
});
