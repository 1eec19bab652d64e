import { afterAll, describe, expect, it } from '@jest/globals';
import { changelogCheck, headingNamesVersion } from '../../checks/changelog.js';
import type { CheckContext } from '../../checks/check.js';
import { removeDirs, repoContext, tempDir, writeFiles } from '../helpers/repo-temp.js';

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

function project(files: Record<string, string>): string {
  const dir = tempDir('shipgate-changelog-');
  dirs.push(dir);
  writeFiles(dir, files);
  return dir;
}

const pkg = (version: string) => JSON.stringify({ name: 'app', version });
const CHANGELOG = [
  '# Changelog',
  '',
  '```md',
  '## [9.9.9] - not a heading inside a fence',
  '```',
  '',
  '## [6.0.3] - 2026-11-20',
  '',
  '### Fixed',
  '- checkout rounding',
  '',
  '## 6.0.2',
  '- earlier',
].join('\n');

const run = (dir: string, ctx: Partial<CheckContext> = {}) =>
  changelogCheck.run(changelogCheck.params.parse({}), repoContext(dir, ctx));

describe('changelog check', () => {
  it.each([
    ['## [6.0.3]', true],
    ['## 6.0.3', true],
    ['## v6.0.3 - 2026-11-20', true],
    ['## [6.0.3](https://github.com/o/r/compare/v6.0.2...v6.0.3) (2026-11-20)', true],
    ['## 6.0.30', false],
    ['## 16.0.3', false],
    ['## 6.0.3-rc.1', false],
  ])('heading %j names 6.0.3: %s', (heading, expected) => {
    expect(headingNamesVersion(heading, '6.0.3')).toBe(expected);
  });

  it('passes when the package version has an entry', async () => {
    const dir = project({ 'package.json': pkg('6.0.3'), 'CHANGELOG.md': CHANGELOG });
    expect(await run(dir)).toMatchObject({
      status: 'pass',
      summary: 'CHANGELOG.md has an entry for 6.0.3 (line 7)',
    });
  });

  it('uses the branch version over package.json, and ctx.releaseVersion over both', async () => {
    const dir = project({ 'package.json': pkg('6.0.2'), 'changelog.md': CHANGELOG });
    expect((await run(dir, { branch: 'release/6.0.3' })).summary).toBe(
      'changelog.md has an entry for 6.0.3 (line 7)',
    );
    expect((await run(dir, { branch: 'release/6.0.3', releaseVersion: '6.0.2' })).summary).toBe(
      'changelog.md has an entry for 6.0.2 (line 12)',
    );
  });

  it('fails when the release version has no entry, naming the newest one', async () => {
    const dir = project({ 'package.json': pkg('6.0.4'), 'CHANGELOG.md': CHANGELOG });
    expect(await run(dir)).toMatchObject({
      status: 'fail',
      summary: 'CHANGELOG.md has no entry for 6.0.4 (newest entry: 6.0.3)',
      findings: [{ file: 'CHANGELOG.md', line: 1 }],
    });
  });

  it('fails on an empty entry', async () => {
    const dir = project({
      'package.json': pkg('7.0.0'),
      'CHANGELOG.md': `## 7.0.0\n\n### Added\n\n${CHANGELOG}`,
    });
    expect(await run(dir)).toMatchObject({
      status: 'fail',
      summary: 'CHANGELOG.md has an empty entry for 7.0.0',
      findings: [{ file: 'CHANGELOG.md', line: 1 }],
    });
  });

  it('fails without a changelog', async () => {
    const dir = project({ 'package.json': pkg('1.0.0') });
    expect(await run(dir)).toMatchObject({ status: 'fail', summary: 'no CHANGELOG.md' });
  });

  it('is skipped when no release version is known', async () => {
    const dir = project({ 'CHANGELOG.md': CHANGELOG });
    expect(await run(dir, { branch: 'main' })).toEqual({
      status: 'skipped',
      summary: 'no release version: package.json has no version and the branch/PR title name none',
    });
  });
});
