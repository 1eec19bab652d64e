import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { CheckContext } from '../../checks/check.js';
import { versionCheck } from '../../checks/version.js';
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

const pkg = (version: string) => `{\n  "name": "app",\n  "version": "${version}"\n}\n`;

/** A repo whose `main` has package.json at `baseVersion` (or none) and HEAD on a branch at `headVersion`. */
function repo(baseVersion: string | undefined, headVersion: string, sub = ''): string {
  const dir = tempDir('shipgate-version-');
  dirs.push(dir);
  gitInit(dir);
  writeFiles(
    dir,
    baseVersion ? { [path.join(sub, 'package.json')]: pkg(baseVersion) } : { 'README.md': '#\n' },
  );
  commitAll(dir, 'base');
  runGit(dir, ['checkout', '--quiet', '-b', 'release']);
  writeFiles(dir, { [path.join(sub, 'package.json')]: pkg(headVersion) });
  commitAll(dir, 'bump');
  return path.join(dir, sub);
}

const run = (dir: string, ctx: Partial<CheckContext> = {}) =>
  versionCheck.run({}, repoContext(dir, { baseRef: 'main', ...ctx }));

describe('version check', () => {
  it('passes when the version is bumped from the base branch', async () => {
    expect(await run(repo('6.0.2', '6.0.3'))).toEqual({ status: 'pass', summary: '6.0.3 > 6.0.2 on main' });
  });

  it('compares package.json inside a subdirectory of the repository', async () => {
    expect((await run(repo('1.0.0', '1.1.0-rc.1', 'examples/app'))).summary).toBe(
      '1.1.0-rc.1 > 1.0.0 on main',
    );
  });

  it('fails when the version is not bumped or goes backwards, annotating package.json', async () => {
    expect(await run(repo('6.0.3', '6.0.3'))).toMatchObject({
      status: 'fail',
      summary: 'version not bumped: 6.0.3 = 6.0.3 on main',
      findings: [{ file: 'package.json', line: 3 }],
    });
    expect((await run(repo('6.1.0', '6.0.9'))).summary).toBe('version goes backwards: 6.0.9 < 6.1.0 on main');
  });

  it('fails on invalid SemVer and on a branch/title that disagrees with package.json', async () => {
    const dir = repo('1.0.0', '1.1');
    expect((await run(dir)).summary).toBe('1.1 (from the package.json) is not valid SemVer');
    const bumped = repo('6.0.2', '6.0.3');
    expect((await run(bumped, { branch: 'release/6.0.4' })).summary).toBe(
      'package.json says 6.0.3 but the branch says 6.0.4',
    );
    expect((await run(bumped, { branch: 'release/6.0.3', prTitle: 'Release 6.0.5' })).summary).toBe(
      'branch says 6.0.3 but PR title says 6.0.5',
    );
    expect((await run(bumped, { branch: 'release/6.0.3', prTitle: 'Release v6.0.3' })).status).toBe('pass');
  });

  it('passes a new package that has no package.json on the base branch', async () => {
    expect(await run(repo(undefined, '0.1.0'))).toEqual({
      status: 'pass',
      summary: '0.1.0: new package (no manifest version and no tag on main)',
    });
  });

  it('is skipped when the base is HEAD, missing or unknown', async () => {
    const dir = repo('1.0.0', '1.0.1');
    expect(await run(dir, { baseRef: 'HEAD' })).toEqual({
      status: 'skipped',
      summary: 'base ref is HEAD: nothing to compare',
    });
    expect((await run(dir, { baseRef: undefined })).summary).toBe(
      'no base ref: nothing to compare 1.0.1 with',
    );
    expect((await run(dir, { baseRef: 'origin/nope' })).summary).toBe(
      'base ref origin/nope not found (shallow clone? check out with fetch-depth: 0)',
    );
  });
});
