import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { gitHistoryCheck } from '../../checks/git-history.js';
import { FakeSecrets } from '../helpers/repo-fake-secrets.js';
import {
  commitAll,
  gitInit,
  removeDirs,
  repoContext,
  runGit,
  tempDir,
  writeFiles,
} from '../helpers/repo-temp.js';

const fake = new FakeSecrets(11);
const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

function newRepo(): string {
  const dir = tempDir('shipgate-history-');
  dirs.push(dir);
  gitInit(dir);
  return dir;
}

const run = (dir: string) => gitHistoryCheck.run({}, repoContext(dir));

describe('git-history check', () => {
  it('fails naming the commit that added a secret later removed', async () => {
    const dir = newRepo();
    const token = fake.githubToken();
    writeFiles(dir, { 'src/config.ts': `export const a = 1;\nexport const token = '${token}';\n` });
    const first = commitAll(dir, 'add config');
    writeFiles(dir, { 'src/config.ts': 'export const a = 1;\nexport const token = process.env.GH_TOKEN;\n' });
    commitAll(dir, 'use env');
    const outcome = await run(dir);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('1 possible secret in 1 commit of 2 (built-in rules)');
    const short = first.slice(0, 7);
    expect(outcome.findings).toEqual([
      {
        file: 'src/config.ts',
        line: 2,
        commit: short,
        message: `github-token added in ${short}: ghp_…[redacted]; checksum valid: likely live (fingerprint ${short}:src/config.ts:github-token:2)`,
      },
    ]);
    expect(JSON.stringify(outcome)).not.toContain(token);
  });

  it('reports a secret once, at the commit that introduced it', async () => {
    const dir = newRepo();
    const key = fake.stripeKey();
    writeFiles(dir, { 'a.ts': `const k = '${key}';\n` });
    const first = commitAll(dir, 'one');
    fs.renameSync(path.join(dir, 'a.ts'), path.join(dir, 'b.ts'));
    writeFiles(dir, { 'a.ts': `// moved\nconst k = '${key}';\n` });
    commitAll(dir, 'two');
    const outcome = await run(dir);
    const forA = outcome.findings?.filter((f) => f.file === 'a.ts') ?? [];
    expect(forA.map((f) => f.commit)).toEqual([first.slice(0, 7)]);
  });

  it('passes on a clean history', async () => {
    const dir = newRepo();
    writeFiles(dir, { 'README.md': '# app\n', '.env.example': 'API_KEY=changeme\n' });
    commitAll(dir, 'one');
    writeFiles(dir, { 'src/index.ts': 'export {};\n' });
    commitAll(dir, 'two');
    expect(await run(dir)).toMatchObject({
      status: 'pass',
      summary: '0 secrets in 2 commits (built-in rules)',
    });
  });

  it('scans only the checked subdirectory and reports paths relative to it', async () => {
    const dir = newRepo();
    writeFiles(dir, {
      'other/leak.ts': `t = '${fake.githubToken()}'`,
      'examples/app/src/x.ts': 'export const x = 1;\n',
    });
    commitAll(dir, 'one');
    const app = path.join(dir, 'examples/app');
    expect(await run(app)).toMatchObject({
      status: 'pass',
      summary: '0 secrets in 1 commit (built-in rules)',
    });
    writeFiles(dir, { 'examples/app/src/y.ts': `t = '${fake.slackToken()}'` });
    commitAll(dir, 'two');
    const outcome = await run(app);
    expect(outcome.status).toBe('fail');
    expect(outcome.findings?.map((f) => f.file)).toEqual(['src/y.ts']);
  });

  it('honours commit fingerprints in .shipgate-allowlist', async () => {
    const dir = newRepo();
    writeFiles(dir, { 'a.ts': `t = '${fake.githubToken()}'\n` });
    const sha = commitAll(dir, 'one');
    writeFiles(dir, { '.shipgate-allowlist': `${sha.slice(0, 9)}:a.ts:github-token:1\n` });
    commitAll(dir, 'allow');
    expect(await run(dir)).toMatchObject({ status: 'pass', metrics: { allowlisted: 1 } });
  });

  it('is skipped on a shallow clone without findings', async () => {
    const origin = newRepo();
    writeFiles(origin, { 'a.txt': 'one\n' });
    commitAll(origin, 'one');
    writeFiles(origin, { 'a.txt': 'two\n' });
    commitAll(origin, 'two');
    const clone = tempDir('shipgate-shallow-');
    dirs.push(clone);
    runGit(clone, ['clone', '--quiet', '--depth', '1', `file://${origin}`, '.']);
    expect(await run(clone)).toMatchObject({
      status: 'skipped',
      summary: 'shallow clone: only 1 commit of history available (check out with fetch-depth: 0)',
    });
  });

  it('is skipped outside a git repository and before the first commit', async () => {
    const plain = tempDir('shipgate-plain-');
    dirs.push(plain);
    expect(await run(plain)).toEqual({
      status: 'skipped',
      summary: 'not a git repository: there is no history to scan',
    });
    expect((await run(newRepo())).summary).toBe('no commits yet: there is no history to scan');
    const repo = newRepo();
    writeFiles(repo, { '.gitignore': 'vendor/\n', 'vendor/lib/x.js': 'x\n' });
    commitAll(repo, 'one');
    expect((await run(path.join(repo, 'vendor/lib'))).summary).toBe(
      'no commit reachable from HEAD touches this directory',
    );
  });
});
