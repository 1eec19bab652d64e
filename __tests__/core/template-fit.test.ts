import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../../src/core/errors.js';
import { APP_TRAITS, TRAIT_NAMES } from '../../src/core/fit/app-traits.js';
import { withoutDirectiveKeys } from '../../src/core/template/directive.js';
import { FIT_KEYS } from '../../src/core/template/item-fit.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas, loadChecklist } from '../../src/load/load-checklist.js';

/** The directive keys that tell `shipgate init` how to fit an item: `needs=…` and `example`. */
const parse = (source: string) => parseTemplate(source, 'team.md', checkSchemas);

function problemsOf(source: string): string[] {
  try {
    parse(source);
  } catch (error) {
    if (error instanceof InvalidInputError)
      return error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('needs= and example in the directive grammar', () => {
  test('an item’s needs, those of the headings above it, and example with or without a replacement', () => {
    const { items } = parse(
      [
        '# T',
        '## Data <!-- shipgate: needs=database -->',
        '### Live <!-- shipgate: needs="websocket,database" phase=post-deploy -->',
        '- [ ] Fan-out <!-- shipgate: needs=static-assets,pages -->',
        '## Demo',
        '- [ ] Checkout works <!-- shipgate: example="Your main flow works" -->',
        '- [ ] Loyalty <!-- shipgate: example -->',
        '- [ ] Rollback scripts <!-- shipgate: check=migrations needs=database -->',
      ].join('\n'),
    );
    expect(
      items.map(({ text, needs, example, params, phase }) => ({ text, needs, example, params, phase })),
    ).toEqual([
      {
        text: 'Fan-out',
        needs: ['database', 'websocket', 'static-assets', 'pages'],
        example: undefined,
        params: {},
        phase: 'post-deploy',
      },
      {
        text: 'Checkout works',
        needs: undefined,
        example: { replacement: 'Your main flow works' },
        params: {},
        phase: 'pre-merge',
      },
      { text: 'Loyalty', needs: undefined, example: {}, params: {}, phase: 'pre-merge' },
      // not check parameters: the check's schema never sees them
      { text: 'Rollback scripts', needs: ['database'], example: undefined, params: {}, phase: 'pre-merge' },
    ]);
  });

  test.each([
    [
      '- [ ] A <!-- shipgate: needs -->',
      'team.md:1: needs takes app traits, e.g. needs=websocket; known: pages,',
    ],
    ['- [ ] A <!-- shipgate: needs="" -->', 'team.md:1: needs takes app traits'],
    [
      '- [ ] A <!-- shipgate: needs=gpu,pages,kafka -->',
      'team.md:1: needs: unknown traits "gpu", "kafka"; known: pages,',
    ],
    ['# T\n## S <!-- shipgate: needs=Pages -->\n- [ ] A', 'team.md:2: needs: unknown trait "Pages"'],
    ['- [ ] A <!-- shipgate: example="" -->', 'team.md:1: example takes the text that replaces the item'],
    ['- [ ] A <!-- shipgate: example=false -->', 'team.md:1: example takes the text that replaces the item'],
    [
      '## S <!-- shipgate: example -->\n- [ ] A',
      'team.md:1: heading directives take only "phase", "optional" and "needs", not "example"',
    ],
  ])('%s → %s', (source, expected) => {
    expect(problemsOf(source).join('\n')).toContain(expected);
  });

  test('the built-in template marks the example app’s 18 items and what the others need', () => {
    const { items } = loadChecklist();
    const examples = items.filter((item) => item.example);
    expect(examples).toHaveLength(18);
    expect(examples.flatMap((item) => item.example?.replacement ?? [])).toEqual([
      'Critical user flows verified (list yours here)',
      'Core functions work (list yours here)',
      'Key business metrics normal (list yours here)',
    ]);
    const needing = (trait: string) =>
      items.filter((item) => item.needs?.includes(trait as never)).map((item) => item.text);
    expect(needing('websocket')).toEqual([
      'WebSocket real-time updates working',
      'Redis configured for WebSocket scaling',
    ]);
    expect(needing('static-assets')).toEqual([
      'CDN configured for static assets',
      'Static assets uploaded to CDN',
    ]);
    // the database section's 13 items, and 4 elsewhere
    expect(needing('database')).toHaveLength(17);
  });
});

describe('withoutDirectiveKeys: what init writes keeps the rest of a directive as written', () => {
  const keys = new Set<string>(FIT_KEYS);
  test.each([
    ['- [ ] A <!-- shipgate: needs=websocket -->', '- [ ] A'],
    [
      '## Data <!-- shipgate: needs=database phase=post-deploy -->',
      '## Data <!-- shipgate: phase=post-deploy -->',
    ],
    [
      '- [ ] M <!-- shipgate: check=cutover-window metrics="error-rate<=1,p95<=200" example="x y" -->',
      '- [ ] M <!-- shipgate: check=cutover-window metrics="error-rate<=1,p95<=200" -->',
    ],
    [
      '- [ ] B <!-- shipgate: check=tls   minDays=14 -->  ',
      '- [ ] B <!-- shipgate: check=tls   minDays=14 -->  ',
    ],
    ['- [ ] C', '- [ ] C'],
  ])('%s', (line, expected) => {
    expect(withoutDirectiveKeys(line, keys)).toBe(expected);
  });
});

test('docs/templates.md lists every app trait with the reason init prints without it', () => {
  const docs = readFileSync(join(process.cwd(), 'docs/templates.md'), 'utf8');
  const missing = TRAIT_NAMES.filter(
    (trait) => !docs.includes(`| \`${trait}\` | ${APP_TRAITS[trait].means} | ${APP_TRAITS[trait].missing} |`),
  );
  expect(missing).toEqual([]);
});
