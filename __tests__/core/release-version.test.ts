import { describe, expect, it } from '@jest/globals';
import {
  compareVersions,
  isValidSemver,
  parseSemver,
  readReleaseVersion,
  versionFromBranch,
  versionFromTitle,
} from '../../src/core/release/release-version.js';

describe('parseSemver', () => {
  it.each([
    '0.0.0',
    '1.2.3',
    '10.20.30',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-0.3.7',
    '1.0.0-x.7.z.92',
    '1.0.0+20130313144700',
    '1.0.0-beta+exp.sha.5114f85',
  ])('accepts %s', (version) => expect(isValidSemver(version)).toBe(true));

  it.each([
    '',
    '1',
    '1.2',
    'v1.2.3',
    '01.2.3',
    '1.02.3',
    '1.2.3-',
    '1.2.3-01',
    '1.2.3+',
    '1.2.3 ',
    '1.2.3-a..b',
    '99999999999999999.0.0',
  ])('rejects %j', (version) => expect(isValidSemver(version)).toBe(false));

  it('splits pre-release and build identifiers', () => {
    expect(parseSemver('1.2.3-rc.1+build.7')).toEqual({
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: ['rc', '1'],
      build: ['build', '7'],
    });
  });
});

describe('compareVersions', () => {
  it('orders by SemVer precedence (the semver.org example chain)', () => {
    const chain = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.1.0',
      '2.0.0',
      '10.0.0',
    ];
    for (let i = 1; i < chain.length; i++) {
      expect(compareVersions(chain[i - 1] ?? '', chain[i] ?? '')).toBe(-1);
      expect(compareVersions(chain[i] ?? '', chain[i - 1] ?? '')).toBe(1);
    }
  });

  it('ignores build metadata and reports invalid input', () => {
    expect(compareVersions('1.0.0+a', '1.0.0+b')).toBe(0);
    expect(compareVersions('1.0', '1.0.0')).toBeUndefined();
  });
});

describe('release version sources', () => {
  it.each([
    ['release/6.0.3', '6.0.3'],
    ['release-v6.0.3', '6.0.3'],
    ['refs/heads/hotfix/6.0.4', '6.0.4'],
    ['v7.0.0-rc.1', '7.0.0-rc.1'],
    ['feature/react-18.2.0', undefined],
    ['main', undefined],
    [undefined, undefined],
  ])('branch %j → %j', (branch, expected) => expect(versionFromBranch(branch)).toBe(expected));

  it.each([
    ['Release v6.0.3', '6.0.3'],
    ['chore(main): release 6.0.3', '6.0.3'],
    ['Bump version to 2.1.0.', '2.1.0'],
    ['v6.0.3', '6.0.3'],
    ['Bump lodash from 4.17.20 to 4.17.21', undefined],
    ['Fix checkout', undefined],
  ])('title %j → %j', (title, expected) => expect(versionFromTitle(title)).toBe(expected));

  const file = (version?: string) => ({ name: 'package.json', version });
  it.each([
    [
      'the branch over all',
      { branch: 'release/6.0.3', title: 'Release 6.0.4', releaseBotVersion: '6.0.5', file: file('6.0.2') },
      { version: '6.0.3', source: 'branch' },
    ],
    [
      'the title when the branch names none',
      { branch: 'main', title: 'Release 6.0.4', releaseBotVersion: '6.0.5', file: file('6.0.2') },
      { version: '6.0.4', source: 'PR title' },
    ],
    ['the title alone', { title: 'chore(main): release 6.0.4' }, { version: '6.0.4', source: 'PR title' }],
    [
      "a release bot's body when the names carry none",
      {
        branch: 'changeset-release/main',
        title: 'Version Packages',
        releaseBotVersion: '6.0.5',
        file: file('6.0.2'),
      },
      { version: '6.0.5', source: 'release PR body' },
    ],
    [
      'the file last',
      { branch: 'main', title: 'Fix', file: file('6.0.2') },
      { version: '6.0.2', source: 'package.json' },
    ],
    [
      'the file by its own name',
      { file: { name: 'pyproject.toml', version: '1.4.0' } },
      { version: '1.4.0', source: 'pyproject.toml' },
    ],
    ['nothing from an empty file version', { branch: 'main', file: file('') }, undefined],
    ['nothing from a file without a version', { file: file(undefined) }, undefined],
    ['nothing from nothing', {}, undefined],
    [
      'a dependabot title is no release',
      { title: 'Bump lodash from 4.17.20 to 4.17.21', file: file('1.0.0') },
      { version: '1.0.0', source: 'package.json' },
    ],
  ] as const)('reads %s', (_name, input, expected) => expect(readReleaseVersion(input)).toEqual(expected));
});
