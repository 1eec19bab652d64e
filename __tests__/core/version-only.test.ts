import { describe, expect, it } from '@jest/globals';
import {
  isVersionOnlyChange,
  MAX_VERSION_FILE_CHARS,
  versionBump,
} from '../../src/core/release/version-only.js';

const pkg = (version: string, extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ name: 'web', version, scripts: { build: 'tsc' }, ...extra }, null, 2)}\n`;
const lock = (own: string, dep = '1.2.3') =>
  [
    '{',
    '  "name": "web",',
    `  "version": "${own}",`,
    '  "packages": {',
    `    "": { "name": "web", "version": "${own}" },`,
    `    "node_modules/left-pad": { "version": "${dep}" }`,
    '  }',
    '}',
    '',
  ].join('\n');

describe('versionBump', () => {
  it.each([
    ['package.json', pkg('6.0.2'), pkg('6.0.3'), { from: '6.0.2', to: '6.0.3' }],
    ['apps/api/package.json', pkg('1.0.0'), pkg('1.1.0-rc.1'), { from: '1.0.0', to: '1.1.0-rc.1' }],
    // key order and formatting are not changes
    [
      'package.json',
      '{"version":"1.0.0","name":"web"}',
      '{\n  "name": "web",\n  "version": "1.0.1"\n}\n',
      { from: '1.0.0', to: '1.0.1' },
    ],
    ['package-lock.json', lock('6.0.2'), lock('6.0.3'), { from: '6.0.2', to: '6.0.3' }],
    ['VERSION', '6.0.2\n', '6.0.3\n', { from: '6.0.2', to: '6.0.3' }],
    [
      'Chart.yaml',
      'name: web\nversion: v6.0.2\n',
      'name: web\nversion: v6.0.3\n',
      { from: 'v6.0.2', to: 'v6.0.3' },
    ],
  ])('%s (case %#) is a version bump only', (path, before, after, expected) => {
    expect(versionBump(path, before, after)).toEqual(expected);
    expect(isVersionOnlyChange(path, before, after)).toBe(true);
  });

  it.each([
    ['package.json: a dependency changed too', pkg('6.0.2'), pkg('6.0.3', { dependencies: { a: '1' } })],
    ['package.json: only a script changed', pkg('6.0.2'), pkg('6.0.2', { scripts: { build: 'x' } })],
    ['package.json: version unchanged (reformat)', pkg('6.0.2'), JSON.stringify(JSON.parse(pkg('6.0.2')))],
    ['package.json: version removed', pkg('6.0.2'), '{"name":"web","scripts":{"build":"tsc"}}'],
    ['package.json: version not a string', '{"version":1}', '{"version":2}'],
    ['package.json: unparsable after', pkg('6.0.2'), '{"version": "6.0.3",'],
    ['package.json: an array', '["6.0.2"]', '["6.0.3"]'],
    ['package-lock.json: a dependency moved as well', lock('6.0.2'), lock('6.0.3', '1.2.4')],
    ['package-lock.json: a line added', lock('6.0.2'), `${lock('6.0.3')}\n`],
    ['CHANGELOG.md: text around the version changed', '## 6.0.2\nfix\n', '## 6.0.3\nfeature\n'],
    ['VERSION: a word changed next to it', 'release 6.0.2\n', 'build 6.0.3\n'],
    ['VERSION: identical', '6.0.2\n', '6.0.2\n'],
  ])('%s → not version-only', (name, before, after) => {
    const path = name.split(':')[0] ?? '';
    expect(versionBump(path, before, after)).toBeUndefined();
  });

  it('an added or deleted file is not version-only', () => {
    expect(isVersionOnlyChange('package.json', undefined, pkg('1.0.0'))).toBe(false);
    expect(isVersionOnlyChange('package.json', pkg('1.0.0'), undefined)).toBe(false);
  });

  it('does not diff huge files (a reset is the safe answer)', () => {
    const huge = `${'x'.repeat(MAX_VERSION_FILE_CHARS)}\n`;
    expect(isVersionOnlyChange('VERSION', `6.0.2\n${huge}`, `6.0.3\n${huge}`)).toBe(false);
  });
});
