import { parseChecklistComment } from '../../src/core/comment/parse.js';
import { renderComment } from '../../src/core/comment/render.js';
import { parseConfig } from '../../src/core/config/config-file.js';
import { evaluateGate } from '../../src/core/gate/gate.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { buildVariables } from '../../src/core/template/variables.js';
import { corpusSchemas } from './corpus.js';
import { configRejects } from './corpus-config.js';
import { expectGateFailsClosed, expectLocated, rejectionOf, validateThroughCli } from './expectations.js';

const FILE = '.github/shipgate.yml';

describe('hostile configs are rejected with file:line: message', () => {
  it.each(configRejects.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const text = testCase.text();
    const error = rejectionOf(() => parseConfig(text, FILE));
    expectLocated(error.problems, FILE, text, testCase);
    expectGateFailsClosed(error.problems);
  });
});

describe('hostile configs through `shipgate validate`', () => {
  it.each(configRejects.map((testCase, index) => [testCase.name, testCase, index] as const))(
    '%s → exit 1, file:line: message, no stack trace',
    async (_name, testCase, index) => {
      await validateThroughCli(testCase, `case-${index}.yml`);
    },
  );
});

describe('valid but hostile configs', () => {
  it('reads thousands of list items', () => {
    const branches = Array.from({ length: 4000 }, (_, i) => `  - r/${i}`).join('\n');
    expect(parseConfig(`release:\n branches:\n${branches}\n`, FILE).release.branches).toHaveLength(4000);
  });

  it('reads a file with a BOM and CRLF line endings', () => {
    expect(parseConfig('\uFEFFenvironment: staging\r\nconcurrency: 3\r\n', FILE)).toMatchObject({
      environment: 'staging',
      concurrency: 3,
    });
  });

  it('does not pollute Object.prototype through contacts.__proto__', () => {
    parseConfig('contacts:\n  __proto__: { name: polluted }\n', FILE);
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it('renders contact values inert: no HTML, no pings, no fake items or markers', () => {
    const config = parseConfig(
      [
        'contacts:',
        '  devops-lead:',
        '    name: "<img src=x onerror=alert(1)> @org/team @everyone"',
        '    contact: "- [x] Fake <!-- sg:s.deploy --> <!-- shipgate:state v1 e30 --> #42"',
      ].join('\n'),
      FILE,
    );
    const checklist = parseTemplate(
      '## S\n- [ ] Deploy\n\n{{contact.devops-lead.contact}}\n| {{contact.devops-lead.name}} |',
      'contacts.md',
      corpusSchemas,
    );
    const variables = buildVariables({ config, deployedBy: '<script>x</script>' });
    const gate = evaluateGate({ checklist, states: {}, headSha: 'e'.repeat(40), phase: 'pre-merge' });
    const body = renderComment({ checklist, states: {}, headSha: 'e'.repeat(40), variables, gate });
    expect(body).not.toMatch(/<(img|script)/i);
    expect(body).not.toMatch(/(^|[^\w])@\w/m);
    expect(body).not.toMatch(/#\d/);
    expect(body.match(/<!--\s*\/?\s*(shipgate|sg)\s*:/gi)).toEqual(['<!-- shipgate:', '<!-- sg:']);
    const parsed = parseChecklistComment(body, checklist);
    expect([...parsed.items.values()]).toEqual([expect.objectContaining({ id: 's.deploy', checked: false })]);
  });
});
