import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { envFilesCheck, isSecretEnvFile } from '../../checks/env-files.js';
import {
  commitAll,
  gitInit,
  removeDirs,
  repoContext,
  runGit,
  tempDir,
  writeFiles,
} from '../helpers/repo-temp.js';

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

function newRepo(): string {
  const dir = tempDir('shipgate-envfiles-');
  dirs.push(dir);
  gitInit(dir);
  return dir;
}

const run = (dir: string, allow = '') => envFilesCheck.run({ allow }, repoContext(dir));

describe('env-files check', () => {
  it('tells env files from templates', () => {
    expect(['.env', '.env.local', 'app/.env.production', '.envrc'].map((f) => isSecretEnvFile(f))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      [
        '.env.example',
        '.env.sample',
        'x/.env.template',
        '.env.production.example',
        'env.ts',
        '.environment',
      ].map((f) => isSecretEnvFile(f)),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('passes with only templates committed and .env.production ignored', async () => {
    const dir = newRepo();
    writeFiles(dir, {
      '.gitignore': '.env*\n!.env.example\n',
      '.env.example': 'API_KEY=\n',
      '.env.production': 'X=1\n',
    });
    commitAll(dir, 'init');
    expect(await run(dir)).toMatchObject({
      status: 'pass',
      summary: '0 env files committed in 1 commit; .env.production is git-ignored',
    });
  });

  it('fails on an env file committed in history, naming the commit', async () => {
    const dir = newRepo();
    writeFiles(dir, { '.env.production': 'DB_PASSWORD=x\n' });
    const first = commitAll(dir, 'oops');
    runGit(dir, ['rm', '--quiet', '--cached', '.env.production']);
    writeFiles(dir, { '.gitignore': '.env*\n!.env.example\n' });
    commitAll(dir, 'remove env');
    const outcome = await run(dir);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('1 env file problem: .env.production');
    expect(outcome.findings).toEqual([
      {
        file: '.env.production',
        commit: first.slice(0, 7),
        message: `.env.production was committed in ${first.slice(0, 7)}: rotate every value it held`,
      },
    ]);
  });

  it('fails on a tracked .env, an unignored .env.local and a .gitignore without .env.production', async () => {
    const dir = newRepo();
    writeFiles(dir, { '.env': 'A=1\n' });
    commitAll(dir, 'init');
    writeFiles(dir, { '.env.local': 'B=2\n' });
    const outcome = await run(dir);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('3 env file problems: .env, .env.local, .env.production not ignored');
    expect(outcome.findings?.[0]?.message).toMatch(/^\.env is tracked by git \(added in [0-9a-f]{7}\)/);
  });

  it('scopes to a subdirectory and accepts allowed names', async () => {
    const dir = newRepo();
    writeFiles(dir, {
      'other/.env': 'A=1\n',
      'app/.gitignore': '.env.production\n',
      'app/.env.test': 'DEBUG=1\n',
    });
    commitAll(dir, 'init');
    const app = path.join(dir, 'app');
    expect((await run(app)).summary).toBe('1 env file problem: .env.test');
    expect((await run(app, '.env.test')).status).toBe('pass');
  });

  it('is skipped outside a git repository', async () => {
    const plain = tempDir('shipgate-plain-');
    dirs.push(plain);
    expect(await run(plain)).toEqual({
      status: 'skipped',
      summary: 'not a git repository: cannot tell which env files are committed',
    });
  });
});
