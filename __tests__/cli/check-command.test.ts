import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultsReport } from '../../src/core/template/model.js';
import { runCli } from '../helpers/cli-io.js';

function makeRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-check-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'release/6.0.3');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
  return dir;
}

const healthy = {
  'package.json': '{"name":"shop","version":"6.0.3"}\n',
  'CHANGELOG.md': '# Changelog\n\n## [6.0.3] - 2026-11-25\n- Faster checkout\n',
  'migrations/001_init.up.sql': 'create table menu (id int);\n',
  'migrations/001_init.down.sql': 'drop table menu;\n',
};

describe('shipgate check', () => {
  it('--format json prints exactly one JSON document, progress on stderr, exit 0 when nothing fails', async () => {
    const dir = makeRepo(healthy);
    const { code, stdout, stderr } = await runCli([
      'check',
      dir,
      '--only',
      'changelog,migrations',
      '--format',
      'json',
    ]);
    const report = JSON.parse(stdout) as ResultsReport;
    expect(report.version).toBe(1);
    expect(report.passed).toBe(true);
    expect(report.results.map((r) => [r.check, r.status])).toEqual([
      ['migrations', 'pass'],
      ['changelog', 'pass'],
    ]);
    for (const result of report.results) {
      expect(Object.keys(result)).toEqual(
        expect.arrayContaining(['item', 'text', 'check', 'status', 'summary', 'findings']),
      );
    }
    expect(stderr).toContain('✓ changelog');
    expect(code).toBe(0);
  });

  it('exits 1 and names the failing item when a check fails', async () => {
    const dir = makeRepo({ ...healthy, 'CHANGELOG.md': '# Changelog\n\n## [6.0.2]\n- old\n' });
    const { code, stdout } = await runCli(['check', dir, '--only', 'changelog', '--format', 'json']);
    const report = JSON.parse(stdout) as ResultsReport;
    expect(report.passed).toBe(false);
    expect(report.results[0]).toMatchObject({
      check: 'changelog',
      status: 'fail',
      text: 'CHANGELOG.md updated',
    });
    expect(report.results[0]?.summary).toContain('6.0.3');
    expect(code).toBe(1);
  });

  it('text mode ends with a table and the gate line', async () => {
    const dir = makeRepo(healthy);
    const { code, stdout } = await runCli(['check', dir, '--only', 'changelog,migrations']);
    expect(stdout).toMatch(/STATUS\s+CHECK\s+ITEM\s+RESULT/);
    expect(stdout).toMatch(
      /PASS\s+changelog\s+CHANGELOG\.md updated\s+CHANGELOG\.md has an entry for 6\.0\.3/,
    );
    expect(stdout).toContain('2 checks: 2 pass, 0 fail, 0 skipped, 0 error');
    expect(stdout).toMatch(/gate: automated checks OK · \d+ of 99 required items done/);
    expect(code).toBe(0);
  });

  it('runs post-deploy items with --phase post-deploy', async () => {
    const dir = makeRepo(healthy);
    const { stdout } = await runCli([
      'check',
      dir,
      '--phase',
      'post-deploy',
      '--only',
      'health',
      '--format',
      'json',
    ]);
    const report = JSON.parse(stdout) as ResultsReport;
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.every((r) => r.check === 'health' && r.status === 'skipped')).toBe(true);
  });

  it('rejects a bad --format with exit 2', async () => {
    const { code, stderr } = await runCli(['check', '--format', 'xml']);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be text or json');
  });
});
