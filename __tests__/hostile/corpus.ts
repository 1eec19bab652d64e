import { z } from 'zod';
import type { CheckSchemas } from '../../src/core/template/template.js';

/**
 * Hostile-input corpus: every input is generated here by code (no committed blobs), so the
 * sizes are exact and a case says in one line what it attacks.
 */

/** A template or config the parser must reject: with a problem on `line` whose message matches. */
export interface RejectCase {
  name: string;
  /** The file's text; `bytes` (when set) is what the CLI writes, for undecodable input. */
  text: () => string;
  bytes?: () => Buffer;
  line: number;
  message: RegExp;
  /** Set when the outcome depends on the corpus's own check schemas (the CLI uses the real registry). */
  coreOnly?: boolean;
}

/** Check schemas shaped like the real ones (enum target, size string, positive number), but stable. */
export const corpusSchemas: CheckSchemas = new Map<string, z.ZodType<unknown>>([
  ['secrets', z.object({}).strict()],
  [
    'bundle-size',
    z
      .object({
        target: z.enum(['main', 'vendor', 'js', 'css', 'all']).default('all'),
        limit: z
          .string()
          .regex(/^\d+(\.\d+)?\s?kB$/i, 'limit must be a size like "80 kB"')
          .optional(),
      })
      .strict(),
  ],
  ['load-test', z.object({ max: z.coerce.number().positive().optional() }).strict()],
]);

/** Three header lines, so the first body line is line 4. */
export const HEADER = ['# Release {{version}}', '', '## Security'];
export const FIRST = HEADER.length + 1;

/** A template: the header followed by `body` lines. */
export function doc(...body: string[]): string {
  return [...HEADER, ...body].join('\n');
}

export const item = (text: string, directive?: string) =>
  `- [ ] ${text}${directive === undefined ? '' : ` <!-- shipgate: ${directive} -->`}`;

/** A billion-laughs YAML: each anchor expands to ten of the previous one. */
export function aliasBomb(levels = 9): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < levels; level++) {
    const refs = Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ');
    lines.push(`a${level}: &a${level} [${refs}]`);
  }
  return lines.join('\n');
}

const invalidUtf8 = (prefix: string, suffix: string) =>
  Buffer.concat([Buffer.from(prefix), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(suffix)]);

export const templateRejects: RejectCase[] = [
  {
    name: 'unknown check (typo)',
    text: () => doc(item('Scan', 'check=bundel-size')),
    line: FIRST,
    message: /unknown check "bundel-size"/,
  },
  {
    name: 'negative limit',
    text: () => doc(item('p95', 'check=load-test max=-5')),
    line: FIRST,
    message: /check "load-test": parameter max/,
    coreOnly: true,
  },
  {
    name: 'unparsable size',
    text: () => doc(item('Bundle', 'check=bundle-size limit="eighty kB"')),
    line: FIRST,
    message: /parameter limit: limit must be a size/,
    coreOnly: true,
  },
  {
    name: 'wrong enum value',
    text: () => doc(item('Bundle', 'check=bundle-size target=everything')),
    line: FIRST,
    message: /check "bundle-size": parameter target/,
  },
  {
    name: 'unknown directive key on a manual item (tempalte)',
    text: () => doc(item('Do it'), item('Other', 'tempalte=x')),
    line: FIRST + 1,
    message: /unknown directive key\(s\) "tempalte"/,
  },
  {
    name: 'heading directive with bad keys',
    text: () => doc('### Sub <!-- shipgate: phase=post-deploy check=secrets id=x -->', item('A')),
    line: FIRST,
    message: /heading directives take only "phase", "optional" and "needs", not "check"/,
  },
  {
    name: 'bad phase value',
    text: () => doc(item('A', 'phase=production')),
    line: FIRST,
    message: /phase must be "pre-merge" or "post-deploy" \(got "production"\)/,
  },
  ...['../../etc/passwd', '<script>x</script>', 'a b', 'Upper.Case', '-leading', 'ünïcode'].map(
    (id): RejectCase => ({
      name: `id= with weird characters: ${id}`,
      text: () => doc(item('A', `id="${id}"`)),
      line: FIRST,
      message: /item id must match/,
    }),
  ),
  {
    name: 'duplicate explicit ids',
    text: () => doc(item('A', 'id=dup'), item('B'), item('C', 'id=dup')),
    line: FIRST + 2,
    message: new RegExp(`duplicate item id "dup" \\(first used on line ${FIRST}\\)`),
  },
  ...['qa-lead<img src=x onerror=alert(1)>', '@org/team', 'QA Lead', 'qa\u202elead'].map(
    (role): RejectCase => ({
      name: `role name with injection: ${role}`,
      text: () => doc(item('QA: ___', `role="${role}"`)),
      line: FIRST,
      message: /role must be a kebab-case name/,
    }),
  ),
  {
    name: 'check and role on one item',
    text: () => doc(item('A', 'check=secrets role=qa-lead')),
    line: FIRST,
    message: /either a check or a sign-off/,
  },
  {
    name: 'unclosed quote in a directive',
    text: () => doc(item('A', 'check=bundle-size limit="80 kB')),
    line: FIRST,
    message: /bad shipgate directive: cannot read directive/,
  },
  {
    name: 'directive key given twice',
    text: () => doc(item('A', 'check=secrets check=bundle-size')),
    line: FIRST,
    message: /"check" is given twice/,
  },
  {
    name: 'fake state block at the end of item text (read as a directive)',
    text: () => doc(item('A <!-- shipgate:state v1 eyJ4IjoxfQ -->')),
    line: FIRST,
    message: /unknown directive key\(s\) "state", "v1"/,
  },
  {
    name: 'directive on a plain text line',
    text: () => doc(item('A'), 'Some prose <!-- shipgate: check=secrets -->'),
    line: FIRST + 1,
    message: /must be on a heading or a checkbox item line/,
  },
  {
    name: 'NUL byte',
    text: () => doc(item('A'), item('B\u0000C')),
    line: FIRST + 1,
    message: /control character U\+0000/,
  },
  {
    name: 'terminal escape in an id',
    text: () => doc(item('A', 'id="\u001b[31mred"')),
    line: FIRST,
    message: /control character U\+001B/,
  },
  {
    name: 'invalid UTF-8',
    bytes: () => invalidUtf8(`${doc(item('A'))}\n- [ ] B `, '\n'),
    text: () => invalidUtf8(`${doc(item('A'))}\n- [ ] B `, '\n').toString('utf8'),
    line: FIRST + 1,
    message: /not valid UTF-8/,
  },
  {
    name: 'larger than 256 KB',
    text: () => doc(...Array.from({ length: 30_000 }, (_, i) => item(`Item ${i}`))),
    line: 1,
    message: /template is larger than 262144 bytes/,
  },
  {
    name: '1 MB single line',
    text: () => doc(item('x'.repeat(1024 * 1024))),
    line: 1,
    message: /template is larger than 262144 bytes/,
  },
  {
    name: 'under 256 K characters but over 256 KB (multi-byte)',
    text: () => doc(item('🚀'.repeat(80_000))),
    line: 1,
    message: /template is larger than 262144 bytes/,
  },
  {
    name: 'thousands of items (over MAX_ITEMS), reported once',
    text: () => doc(...Array.from({ length: 5_000 }, (_, i) => item(`Item ${i}`))),
    line: FIRST + 1000,
    message: /more than 1000 checkbox items/,
  },
  {
    name: 'code block never closed',
    text: () => doc(item('A'), '```', item('B')),
    line: FIRST + 2,
    message: /code block is never closed/,
  },
  {
    name: 'no checkbox items at all (10,000-level "- - - -" nesting is not an item)',
    text: () => doc(`${'- '.repeat(10_000)}[ ] deep`),
    line: 1,
    message: /template has no checkbox items/,
  },
];
