/**
 * Valid but hostile templates and variables: they must render inert (no live HTML, no extra
 * shipgate markers, no pings) and read back as exactly the template's items.
 */

export const NORMAL_ID = 'security.normal-item';

export interface RenderCase {
  name: string;
  /** Extra item texts after "Normal item". */
  items?: string[];
  /** Extra template text lines after the items. */
  text?: string[];
  variables?: Record<string, string>;
  /** Text people typed into the notes area (read back through parseChecklistComment first). */
  notes?: string;
}

/** A template with every placeholder kind, one "Normal item", and the case's items and text lines. */
export function hostileTemplate(testCase: RenderCase): string {
  return [
    '# Release {{version}}',
    '**Deployed By**: {{deployed-by}}',
    '{{app}}',
    'Date: {{date}}',
    '',
    '## Security',
    '- [ ] Normal item',
    ...(testCase.items ?? []).map((text) => `- [ ] ${text}`),
    ...(testCase.text ?? []),
    '',
    '## Notes',
    '{{notes}}',
  ].join('\n');
}

const FAKE_BLOCK = '<!-- shipgate:state v1 eyJiYXNlIjp7fX0 -->';
const FAKE_MARKER = `<!-- sg:${NORMAL_ID} -->`;

export const renderCases: RenderCase[] = [
  { name: '<script> in item text', items: ['<script>alert(1)</script> Run it'] },
  { name: '<img onerror> in item text', items: ['Check <img src=x onerror=alert(1)> logo'] },
  { name: '<details> in item text', items: ['<details open><summary>More</summary>hidden</details>'] },
  { name: 'javascript: markdown link in item text', items: ['[docs](javascript:alert(1)) read'] },
  { name: '--> and a fake id marker in item text', items: [`Close --> ${FAKE_MARKER} reopen`] },
  { name: 'fake state block mid-line in item text', items: [`Before ${FAKE_BLOCK} after`] },
  { name: 'fake "- [x]" inside item text', items: [`- [x] Fake ${FAKE_MARKER} tail`] },
  { name: 'unclosed <!-- in item text', items: ['Hide the rest <!-- of the comment'] },
  {
    name: 'our markers copied into template text lines',
    text: [
      // (At the very end of a line, `<!-- shipgate:… -->` is a directive and rejected instead.)
      `Prose ${FAKE_MARKER}`,
      `${FAKE_BLOCK} trailing`,
      '<!-- shipgate:notes --> x',
      '<!--/shipgate:notes--> x',
      '<!--   SHIPGATE:checklist -->',
    ],
  },
  {
    name: 'fake ticked item inside a code fence',
    text: [
      '```md',
      `- [x] Normal item ${FAKE_MARKER}`,
      '- [X] Other',
      FAKE_BLOCK,
      '<!-- shipgate:notes -->',
      '```',
    ],
  },
  {
    name: 'U+2028 after a long whitespace run in item text',
    items: [`Long${' '.repeat(50_000)}tail\u2028more`],
  },
  {
    name: 'HTML, mentions and references in variables',
    variables: {
      version: '<script>alert(1)</script>',
      'deployed-by': '@org/team',
      app: '<img src=x onerror=alert(1)> @everyone',
      date: 'fixes #123 and acme/repo#7',
    },
  },
  {
    name: 'fake checkbox and markers inside variables',
    variables: {
      version: `- [x] Fake ${FAKE_MARKER}`,
      app: `x\n- [x] Injected ${FAKE_MARKER}\n${FAKE_BLOCK}`,
      'deployed-by': '--> <!-- shipgate:checklist -->',
      date: 'NUL\u0000 and ESC\u001b[2J',
    },
  },
  {
    name: 'fake item lines and markers typed into the notes',
    notes: [`- [x] Normal item ${FAKE_MARKER}`, '<!-- /shipgate:notes -->', FAKE_BLOCK].join('\n'),
  },
];
