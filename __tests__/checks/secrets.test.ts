import { afterAll, describe, expect, it } from '@jest/globals';
import { secretsCheck } from '../../checks/secrets.js';
import { FakeSecrets } from '../helpers/repo-fake-secrets.js';
import { commitAll, gitInit, removeDirs, repoContext, tempDir, writeFiles } from '../helpers/repo-temp.js';

const fake = new FakeSecrets(7);
const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

function newDir(): string {
  const dir = tempDir('shipgate-secrets-');
  dirs.push(dir);
  return dir;
}

const run = (dir: string, engine: 'auto' | 'builtin' | 'gitleaks' = 'builtin') =>
  secretsCheck.run(secretsCheck.params.parse({ engine }), repoContext(dir));

describe('secrets check (built-in rules)', () => {
  it('passes on a clean repository and counts the files it read', async () => {
    const dir = newDir();
    gitInit(dir);
    writeFiles(dir, {
      'src/index.ts': 'export const apiKey = process.env.API_KEY;\n',
      '.env.example': 'API_KEY=changeme\nSESSION_SECRET=\n',
      'README.md': '# app\n',
    });
    commitAll(dir, 'init');
    const outcome = await run(dir);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('0 secrets in 3 files (built-in rules)');
  });

  it('fails on tracked and untracked files, with file, line and a redacted match', async () => {
    const dir = newDir();
    gitInit(dir);
    const token = fake.githubToken();
    const stripe = fake.stripeKey();
    const untracked = fake.openaiProjectKey();
    writeFiles(dir, {
      'src/github.ts': `// client\nexport const token = '${token}';\n`,
      'src/pay.ts': `export const stripe = '${stripe}';\n`,
      '.gitignore': 'ignored.txt\n',
    });
    commitAll(dir, 'init');
    writeFiles(dir, {
      'scratch.ts': `const k = '${untracked}';\n`,
      'ignored.txt': `x=${fake.githubToken()}\n`,
    });
    const outcome = await run(dir);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('3 possible secrets in 3 files (built-in rules)');
    expect(outcome.findings?.map((f) => [f.file, f.line])).toEqual([
      ['scratch.ts', 1],
      ['src/github.ts', 2],
      ['src/pay.ts', 1],
    ]);
    const printed = JSON.stringify(outcome);
    for (const secret of [token, stripe, untracked]) expect(printed).not.toContain(secret);
    expect(outcome.findings?.[1]?.message).toBe(
      'github-token: ghp_…[redacted]; checksum valid: likely live (fingerprint src/github.ts:github-token:2)',
    );
  });

  it('skips node_modules, binaries, files over 1 MB and marked fixture directories', async () => {
    const dir = newDir();
    gitInit(dir);
    const secret = fake.githubToken();
    writeFiles(dir, {
      'node_modules/pkg/index.js': `t = '${secret}'`,
      'assets/blob.bin': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`t=${secret}`)]),
      'big.txt': `t=${secret}\n${'a'.repeat(1024 * 1024)}`,
      'test/fixtures/.shipgate-fixture': '',
      'test/fixtures/leaky.env': `GH=${secret}\n`,
      'test/other/fixtures/leaky.env': `GH=${secret}\n`,
    });
    const outcome = await run(dir);
    expect(outcome.status).toBe('fail');
    expect(outcome.findings?.map((f) => f.file)).toEqual(['test/other/fixtures/leaky.env']);
    expect(outcome.metrics).toMatchObject({ skippedBinary: 1, skippedLarge: 1 });
  });

  it('honours .shipgate-allowlist fingerprints and path globs', async () => {
    const dir = newDir();
    gitInit(dir);
    writeFiles(dir, {
      'src/a.ts': `\nconst t = '${fake.githubToken()}';\n`,
      'docs/guide.md': `token ${fake.slackToken()}\n`,
      '.shipgate-allowlist': '# reviewed false positives\nsrc/a.ts:github-token:2\ndocs/**\n',
    });
    const outcome = await run(dir);
    expect(outcome.status).toBe('pass');
    expect(outcome.metrics?.allowlisted).toBe(2);
  });

  it('scans a plain directory that is not a git repository', async () => {
    const dir = newDir();
    writeFiles(dir, {
      'config.yml': `password: ${fake.password()}\n`,
      'node_modules/x.yml': `password: ${fake.password()}\n`,
    });
    const outcome = await run(dir);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('1 possible secret in 1 file (built-in rules)');
    expect(outcome.findings?.[0]).toMatchObject({ file: 'config.yml', line: 1 });
  });

  it('uses the built-in rules when gitleaks is not on PATH, and skips when gitleaks is required', async () => {
    const dir = newDir();
    writeFiles(dir, { 'a.txt': 'hello\n' });
    expect((await run(dir, 'auto')).summary).toBe('0 secrets in 1 file (built-in rules)');
    expect(await run(dir, 'gitleaks')).toEqual({
      status: 'skipped',
      summary: 'gitleaks not found on PATH (engine=gitleaks)',
    });
  });

  it('is skipped when there is nothing to scan', async () => {
    const dir = newDir();
    writeFiles(dir, { 'node_modules/x/index.js': 'x\n', 'logo.png': Buffer.from([0, 1, 2, 3]) });
    expect(await run(dir)).toEqual({
      status: 'skipped',
      summary: 'no text files to scan (all ignored, binary or over 1 MB)',
    });
  });

  it('rejects unknown parameters', () => {
    expect(secretsCheck.params.safeParse({ engin: 'x' }).success).toBe(false);
  });
});
