import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli-io.js';
import { seedItems } from '../helpers/core-builders.js';

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-cli-'));
const write = (name: string, text: string) => {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};

describe('shipgate render', () => {
  it('prints all 146 seed items as task-list items with their exact texts, in order', async () => {
    const { code, stdout } = await runCli(['render'], { cwd: tmp });
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter((line) => /^\s*(?:-|\d+\.) \[ \] /.test(line));
    expect(lines).toHaveLength(146);
    seedItems().forEach((item, index) => {
      expect(lines[index]).toMatch(
        new RegExp(`\\[ \\] ${item.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( —| <!--)`),
      );
    });
  });

  it('fills --var values and config contacts', async () => {
    write(
      'repo/.github/shipgate.yml',
      'contacts:\n  devops-lead: { name: Dana, contact: dana@example.com }\n',
    );
    const { stdout } = await runCli(
      ['render', 'repo', '--var', 'version=9.9.9', '--var', 'deployed-by=@rita'],
      { cwd: tmp },
    );
    expect(stdout).toContain('**Deployment Version**: 9.9.9');
    expect(stdout).toContain('**Deployed By**: @\u200brita');
    expect(stdout).toContain('| DevOps Lead | Dana | dana@example.com |');
  });

  it('rejects a malformed --var with exit 2', async () => {
    const { code, stderr } = await runCli(['render', '--var', 'novalue'], { cwd: tmp });
    expect(code).toBe(2);
    expect(stderr).toContain('--var expects key=value');
  });
});

describe('shipgate validate', () => {
  it('accepts the built-in template', async () => {
    const { code, stdout } = await runCli(['validate'], { cwd: tmp });
    expect(code).toBe(0);
    expect(stdout).toContain('ok');
  });

  it('names the file and line of every template problem', async () => {
    write(
      'bad.md',
      [
        '## S',
        '- [ ] A <!-- shipgate: check=no-such-check -->',
        '- [ ] B <!-- shipgate: id=dup -->',
        '- [ ] C <!-- shipgate: id=dup -->',
        '- [ ] D <!-- shipgate: check=bundle-size target=nonsense -->',
      ].join('\n'),
    );
    const { code, stderr } = await runCli(['validate', 'bad.md'], { cwd: tmp });
    expect(code).toBe(1);
    expect(stderr).toContain('bad.md:2: unknown check "no-such-check"');
    expect(stderr).toContain('bad.md:4: duplicate item id "dup" (first used on line 3)');
    expect(stderr).toMatch(/bad\.md:5: check "bundle-size": parameter target/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names the key and line of a config problem', async () => {
    write('bad.yml', 'release:\n  labels: release\nconcurrency: "four"\n');
    const { code, stderr } = await runCli(['validate', 'bad.yml'], { cwd: tmp });
    expect(code).toBe(1);
    expect(stderr).toContain('bad.yml:2: release.labels:');
    expect(stderr).toContain('bad.yml:3: concurrency:');
  });
});

describe('shipgate (top level)', () => {
  it('prints --version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect((await runCli(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('prints help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('check [DIR]');
    expect((await runCli(['check', '--help'])).stdout).toContain('--format F');
  });

  it('exits 2 on unknown commands and flags, without a stack trace', async () => {
    const unknown = await runCli(['deploy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "deploy"');
    const badFlag = await runCli(['check', '--frobnicate']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an invalid config, naming file and line', async () => {
    write('broken/.github/shipgate.yml', 'roles: 3\n');
    const { code, stderr } = await runCli(['check', 'broken'], { cwd: tmp });
    expect(code).toBe(2);
    expect(stderr).toContain('broken/.github/shipgate.yml:1: roles:');
  });

  it('runs as the installed bin (dist/cli.js)', () => {
    const out = execFileSync('node', ['bin/shipgate.js', '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
