import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli-io.js';

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-contract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const firstLine = (text: string) => text.split('\n')[0];

describe('shipgate check: usage errors exit 2 with a one-line reason, before any check runs', () => {
  test.each([
    [['check', 'nonexistent'], 'shipgate: nonexistent: no such directory'],
    [['check', 'file.txt'], 'shipgate: file.txt: not a directory'],
    [
      ['check', '--only', 'nosuchcheck', '.'],
      'shipgate: --only: unknown check or item "nosuchcheck" (checks: ',
    ],
    [['check', '--bogus', '.'], "shipgate: Unknown option '--bogus'."],
    [['check', '--format', 'xml', '.'], 'shipgate: --format must be text or json'],
  ])('%j', async (argv, reason) => {
    writeFileSync(join(tmp, 'file.txt'), 'x');
    const { code, stdout, stderr } = await runCli(argv, { cwd: tmp });
    expect(code).toBe(2);
    expect(firstLine(stderr)).toContain(reason);
    expect(stdout).toBe('');
  });

  test('an invalid config is exit 2 with file:line', async () => {
    const repo = mkdtempSync(join(tmp, 'repo-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(repo, '.github'));
    writeFileSync(join(repo, '.github/shipgate.yml'), 'checks:\n  coverage:\n    min: 800\n');
    const { code, stderr } = await runCli(['check', repo], { cwd: tmp });
    expect(code).toBe(2);
    expect(stderr).toContain(
      '.github/shipgate.yml:3: checks.coverage.min: Too big: expected number to be <=100 (got 800)',
    );
  });
});

describe('shipgate validate: check settings and directive parameters against the checks’ schemas', () => {
  test('config: out-of-range value, unknown check, unknown parameter, target.start without url — each with its line', async () => {
    writeFileSync(
      join(tmp, 'bad-checks.yml'),
      [
        'checks:',
        '  coverage:',
        '    min: 800',
        '  nosuch: {}',
        '  health:',
        '    timeout: 5',
        '    enabled: false',
        'target:',
        '  start: npm start',
        '',
      ].join('\n'),
    );
    const { code, stderr } = await runCli(['validate', 'bad-checks.yml'], { cwd: tmp });
    expect(code).toBe(1);
    expect(stderr.split('\n').slice(0, 4)).toEqual([
      'bad-checks.yml:3: checks.coverage.min: Too big: expected number to be <=100 (got 800)',
      expect.stringMatching(/^bad-checks\.yml:4: checks\.nosuch: unknown check; known checks: secrets, /),
      'bad-checks.yml:6: checks.health.timeout: unknown parameter; known: path, timeoutMs, expect',
      'bad-checks.yml:9: target.start needs target.url: the URL shipgate waits for and checks (e.g. http://127.0.0.1:3000/)',
    ]);
  });

  test('config: items.<id>.na needs a reason of 10+ characters', async () => {
    writeFileSync(join(tmp, 'na.yml'), 'items:\n  ops.health:\n    na: short\n');
    const { code, stderr } = await runCli(['validate', 'na.yml'], { cwd: tmp });
    expect(code).toBe(1);
    expect(stderr).toContain('na.yml:3: items.ops.health.na: the N/A reason needs at least 10 characters');
  });

  test('template: timeout=5 on health is an unknown parameter, with the line', async () => {
    writeFileSync(join(tmp, 't.md'), '# T\n\n- [ ] Health <!-- shipgate: check=health timeout=5 -->\n');
    const { code, stderr } = await runCli(['validate', 't.md'], { cwd: tmp });
    expect(code).toBe(1);
    expect(firstLine(stderr)).toBe(
      't.md:3: check "health": parameter timeout: unknown parameter; known: path, timeoutMs, expect',
    );
  });
});
