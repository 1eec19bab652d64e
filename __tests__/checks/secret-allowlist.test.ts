import { afterAll, describe, expect, it } from '@jest/globals';
import { parseGitleaksConfig } from '../../checks/lib/secrets/gitleaks-config.js';
import { parseToml, TomlError } from '../../checks/lib/secrets/toml.js';
import { secretsCheck } from '../../checks/secrets.js';
import { FakeSecrets } from '../helpers/repo-fake-secrets.js';
import { removeDirs, repoContext, tempDir, writeFiles } from '../helpers/repo-temp.js';

const fake = new FakeSecrets(15);
const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

const run = (files: Record<string, string>) => {
  const dir = tempDir('shipgate-secret-allow-');
  dirs.push(dir);
  writeFiles(dir, files);
  return secretsCheck.run(secretsCheck.params.parse({ engine: 'builtin' }), repoContext(dir));
};

describe('TOML subset for .gitleaks.toml', () => {
  it('reads tables, arrays of tables, literal and multi-line strings, arrays with comments', () => {
    const text = [
      'title = "cfg"',
      '[extend]',
      'useDefault = true',
      '[allowlist]',
      "regexes = ['''^test-.*''', 'x\\d+', # trailing comment",
      '  "b\\\\c",',
      ']',
      '[[rules]]',
      'id = "r1"',
      '[[rules.allowlists]]',
      'stopwords = ["s"]',
      '[[rules]]',
      'id = "r2"',
      'entropy = 3.5',
    ].join('\n');
    expect(parseToml(text, 'g.toml')).toEqual({
      title: 'cfg',
      extend: { useDefault: true },
      allowlist: { regexes: ['^test-.*', 'x\\d+', 'b\\c'] },
      rules: [
        { id: 'r1', allowlists: [{ stopwords: ['s'] }] },
        { id: 'r2', entropy: 3.5 },
      ],
    });
  });

  it.each([
    ['[allowlist]\npaths = ["a"', 'g.toml:2: expected "," or "]" in an array, found "end of file"'],
    [
      '[allowlist]\nregexes = ["\\d"]',
      'g.toml:2: bad escape "\\d" (in a basic string; use \'…\' for a regex)',
    ],
    ['a = 1\na = 2', 'g.toml:2: duplicate key "a"'],
    ['[allowlist\npaths = []', 'g.toml:1: expected "]"'],
    ["[allowlist]\nregexes = ['''(unclosed''']", 'g.toml:2: invalid regex "(unclosed"'],
  ])('rejects %j with file and line', (text, message) => {
    expect(() => parseGitleaksConfig(text, 'g.toml')).toThrow(TomlError);
    expect(() => parseGitleaksConfig(text, 'g.toml')).toThrow(message);
  });
});

describe('allow-lists honoured by the built-in engine', () => {
  it('fails closed on a .gitleaks.toml it cannot read', async () => {
    const outcome = await run({ '.gitleaks.toml': '[allowlist]\npaths = [\n', 'a.txt': 'hello\n' });
    expect(outcome.status).toBe('error');
    expect(outcome.summary).toMatch(/^\.gitleaks\.toml:\d+: /);
  });

  it('honours [allowlist] paths, [[allowlists]] regexes with regexTarget, stopwords and targetRules', async () => {
    const token = fake.githubToken();
    const outcome = await run({
      '.gitleaks.toml': [
        '[allowlist]',
        "paths = ['''^docs/''']",
        '[[allowlists]]',
        'regexTarget = "line"',
        "regexes = ['''ALLOWED_BY_LINE''']",
        '[[allowlists]]',
        'stopwords = ["kitchen"]',
        '[[allowlists]]',
        'targetRules = ["slack-bot-token"]',
        "regexes = ['''.*''']",
      ].join('\n'),
      'docs/guide.md': `token ${token}\n`,
      'src/a.ts': `const t = '${token}'; // ALLOWED_BY_LINE\n`,
      'src/b.env': `PASSWORD=kitchen${fake.alnum(16)}\n`,
      'src/c.ts': `const s = '${fake.slackToken()}';\n`,
      'src/d.ts': `const t = '${fake.githubToken()}';\n`,
    });
    expect(outcome.findings?.map((f) => f.file)).toEqual(['src/d.ts']);
  });

  it('honours .gitleaksignore fingerprints written with gitleaks rule ids', async () => {
    const outcome = await run({
      'a.ts': `\nt = '${fake.githubToken()}'\n`,
      '.gitleaksignore': 'a.ts:github-pat:2\n',
    });
    expect(outcome.status).toBe('pass');
  });

  it('runs custom [[rules]] from .gitleaks.toml', async () => {
    const outcome = await run({
      '.gitleaks.toml':
        "[[rules]]\nid = 'acme-key'\nregex = '''acme_(?P<k>[a-z0-9]{24})'''\nsecretGroup = 1\nkeywords = ['acme_']\n",
      'a.ts': `k = 'acme_${fake.chars('abcdefghij0123456789', 24)}'\n`,
    });
    expect(outcome.findings?.map((f) => f.message.split(':')[0])).toEqual(['acme-key']);
  });

  it.each([
    ['shipgate:allow', `t = '${fake.githubToken()}' // shipgate:allow`],
    ['gitleaks:allow', `t = '${fake.githubToken()}' # gitleaks:allow`],
  ])('honours inline %s', async (_name, line) => {
    expect((await run({ 'a.py': `${line}\n` })).status).toBe('pass');
  });
});
