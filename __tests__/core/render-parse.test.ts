import { readFileSync } from 'node:fs';
import { buildChecklistComment, GITHUB_COMMENT_LIMIT } from '../../src/core/comment/checklist-comment.js';
import { diffChecklistBodies, parseChecklistComment } from '../../src/core/comment/parse.js';
import { renderComment } from '../../src/core/comment/render.js';
import { decodeStateBlock } from '../../src/core/comment/state-block.js';
import { evaluateGate } from '../../src/core/gate/gate.js';
import {
  appendEvents,
  emptyLedger,
  foldLedger,
  type ItemStates,
  type LedgerEvent,
  verifyLedger,
} from '../../src/core/ledger/ledger.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas } from '../../src/load/load-checklist.js';
import { HEAD, NOW, SECRET, TEMPLATE_PATH, template } from '../helpers/core-builders.js';
import { expectGolden } from '../helpers/golden.js';

const seed = parseTemplate(
  readFileSync(TEMPLATE_PATH, 'utf8'),
  'templates/production-deployment.md',
  checkSchemas,
);
const variables = {
  date: '2026-11-25',
  version: '6.0.3',
  'deployed-by': '@rita',
  environment: 'production',
  app: 'Restaurant OS',
};
const idOf = (text: string) => seed.items.find((item) => item.text === text)?.id ?? '';

function render(states: ItemStates, extra: { notes?: string } = {}): string {
  const gate = evaluateGate({ checklist: seed, states, headSha: HEAD, phase: 'pre-merge' });
  return renderComment({ checklist: seed, states, headSha: HEAD, variables, gate, ...extra });
}

const sampleStates: ItemStates = {
  [idOf('Main bundle < 80KB')]: {
    checked: true,
    status: 'pass',
    summary: 'main 61.2 kB gzip ≤ 80 kB',
    sha: HEAD,
    by: 'shipgate',
  },
  [idOf('Lighthouse score > 90')]: {
    checked: false,
    status: 'fail',
    summary: 'performance 84 < 90 (median of 3)',
    sha: HEAD,
  },
  [idOf('Customer flow: Browse → Order → Pay')]: { checked: true, by: 'erin', at: NOW },
  [idOf('QA Lead: _______________ Date: ___________')]: { checked: true, by: 'quinn', at: NOW },
  [idOf('Indexes created')]: {
    checked: true,
    waived: { by: 'lead', reason: 'no schema change in <b>this</b> release @everyone' },
  },
};

describe('renderComment', () => {
  it('renders the empty seed checklist (golden)', () => {
    expectGolden('seed-comment-empty.md', render({}));
  });

  it('renders state inline: results, attribution, sign-off, waiver (golden)', () => {
    const body = render(sampleStates);
    expect(body).toContain('- [x] Main bundle < 80KB — ✅ main 61.2 kB gzip ≤ 80 kB');
    expect(body).toContain('- [ ] Lighthouse score > 90 — ❌ performance 84 &lt; 90 (median of 3)');
    expect(body).toContain('- [x] Customer flow: Browse → Order → Pay — ✔️ @erin · 2026-11-25');
    expect(body).toContain('- [x] QA Lead: @quinn Date: 2026-11-25');
    expect(body).toContain(
      'waived by @lead: no schema change in &lt;b&gt;this&lt;/b&gt; release @\u200beveryone',
    );
    expect(body.split('\n')[1]).toBe(
      '> ❌ **shipgate** · 4 of 99 required items done — waiting on: 1 failing check, Engineering Lead, Product Owner, Operations, 47 manual items, 44 pending checks',
    );
    expectGolden('seed-comment-state.md', body);
  });

  it('prints every seed item as a task-list item with its exact text', () => {
    const lines = render({}).split('\n');
    for (const item of seed.items) {
      expect(
        lines.some((line) => /^\s*(?:-|\d+\.) \[ \] /.test(line) && line.includes(`[ ] ${item.text}`)),
      ).toBe(true);
    }
  });

  it('fills header variables and escapes hostile ones', () => {
    const gate = evaluateGate({ checklist: seed, states: {}, headSha: HEAD, phase: 'pre-merge' });
    const body = renderComment({
      checklist: seed,
      states: {},
      headSha: HEAD,
      variables: { version: '6.0.3 <!-- x --> @team', environment: 'staging' },
      gate,
    });
    expect(body).toContain('**Deployment Version**: 6.0.3 &lt;!-- x --&gt; @\u200bteam');
    expect(body).toContain('**Environment**: [x] Staging [ ] Production');
    expect(body).toContain('**Deployed By**: _______________');
  });

  it('stays under GitHub’s limit with a long history, and the ledger still verifies', () => {
    const events: LedgerEvent[] = [];
    for (let i = 0; i < 3000; i++) {
      const item = seed.items[i % seed.items.length]?.id ?? '';
      events.push({ t: i % 3 ? 'tick' : 'untick', item, by: `user-${i % 40}`, at: NOW, sha: HEAD });
    }
    const ledger = appendEvents(emptyLedger(SECRET), events, SECRET);
    const states = foldLedger(ledger);
    const gate = evaluateGate({ checklist: seed, states, headSha: HEAD, phase: 'pre-merge' });
    const built = buildChecklistComment(
      { checklist: seed, states, headSha: HEAD, variables, gate },
      ledger,
      SECRET,
    );
    expect(built.body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(built.ledger.events.length).toBeLessThan(3000);
    const decoded = decodeStateBlock(built.body);
    expect(decoded.found && 'ledger' in decoded && verifyLedger(decoded.ledger, SECRET)).toBe(true);
    expect(foldLedger(built.ledger)).toEqual(states);
  });
});

describe('parseChecklistComment', () => {
  const body = render(sampleStates, { notes: 'Deploy window 14:00 UTC' });

  it('round-trips rendered state', () => {
    const parsed = parseChecklistComment(body, seed);
    expect(parsed.items.size).toBe(146);
    const checked = [...parsed.items.values()].filter((item) => item.checked).map((item) => item.id);
    expect(checked.sort()).toEqual(
      Object.keys(sampleStates)
        .filter((id) => id !== idOf('Lighthouse score > 90'))
        .sort(),
    );
    expect(parsed.notes).toBe('Deploy window 14:00 UTC');
  });

  const id = idOf('Backup verified restorable');
  const line = (text: string) => text.split('\n').find((l) => l.includes(`sg:${id} `)) ?? '';
  it.each<[string, (b: string) => string, boolean]>([
    ['[x]', (b) => b.replace(line(b), line(b).replace('[ ]', '[x]')), true],
    ['[X]', (b) => b.replace(line(b), line(b).replace('[ ]', '[X]')), true],
    [
      'CRLF line endings',
      (b) => b.replace(line(b), line(b).replace('[ ]', '[x]')).replace(/\n/g, '\r\n'),
      true,
    ],
    [
      'edited item text',
      (b) =>
        b.replace(line(b), line(b).replace('[ ] Backup verified restorable', '[x] Backup verified (edited)')),
      true,
    ],
    ['moved line', (b) => `${line(b).replace('[ ]', '[x]')}\n${b.replace(`${line(b)}\n`, '')}`, true],
    ['hidden id marker removed', (b) => b.replace(line(b), '- [x] Backup verified restorable'), true],
    ['state block removed', (b) => b.replace(/<!-- shipgate:state.*-->/, ''), false],
  ])('reads %s', (_name, edit, expected) => {
    expect(parseChecklistComment(edit(body), seed).items.get(id)?.checked).toBe(expected);
  });

  it('neutralises shipgate markers people type into the notes', () => {
    const hostile = body.replace('Deploy window 14:00 UTC', '<!-- shipgate:state v1 AAAA -->');
    expect(parseChecklistComment(hostile, seed).notes).toBe('&lt;!-- shipgate:state v1 AAAA -->');
  });
});

describe('diffChecklistBodies', () => {
  const small = template(
    '## S\n- [ ] A <!-- shipgate: id=a -->\n- [ ] B <!-- shipgate: id=b -->\n- [ ] C <!-- shipgate: id=c -->',
  );
  const renderSmall = (states: ItemStates) =>
    renderComment({
      checklist: small,
      states,
      headSha: HEAD,
      variables: {},
      gate: evaluateGate({ checklist: small, states, headSha: HEAD, phase: 'pre-merge' }),
    });
  const v1 = renderSmall({});
  const tickLine = (body: string, item: string) =>
    body.replace(new RegExp(`- \\[ \\] (.*sg:${item} -->)`), '- [x] $1');

  it('lists the item changes between two bodies', () => {
    expect(diffChecklistBodies(v1, tickLine(tickLine(v1, 'a'), 'c'), small)).toEqual([
      expect.objectContaining({ id: 'a', before: false, after: true, deliberate: true }),
      expect.objectContaining({ id: 'c', before: false, after: true, deliberate: true }),
    ]);
  });

  it('tells a deliberate toggle from a stale copy saved over a newer version', () => {
    // Alice's tick of A was accepted and re-rendered with attribution (v2). Bob, still on v1,
    // ticks B and saves: his body carries A's old line, which looks like an untick of A.
    const v2 = renderSmall({ a: { checked: true, by: 'alice', at: NOW } });
    const bobsSave = tickLine(v1, 'b');
    const changes = diffChecklistBodies(v2, bobsSave, small);
    expect(changes).toEqual([
      expect.objectContaining({ id: 'a', before: true, after: false, deliberate: false }),
      expect.objectContaining({ id: 'b', before: false, after: true, deliberate: true }),
    ]);
  });

  it('ignores lines that disappeared', () => {
    const removed = v1.replace(/.*sg:b -->\n/, '');
    expect(diffChecklistBodies(v1, removed, small)).toEqual([]);
  });
});
