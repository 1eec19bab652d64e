import type { ItemResult } from '../../src/core/template/model.js';
import { colorEnabled, paint } from '../../src/report/color.js';
import { progressLine, resultsTable } from '../../src/report/report-text.js';
import { runCli } from '../helpers/cli-io.js';
import { removeDirs, tempDir, writeFiles } from '../helpers/repo-temp.js';

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

describe('colour: when', () => {
  test.each([
    ['a TTY', {}, true, true],
    ['a pipe', {}, false, false],
    ['NO_COLOR on a TTY', { NO_COLOR: '1' }, true, false],
    ['an empty NO_COLOR is not set (no-color.org)', { NO_COLOR: '' }, true, true],
    ['FORCE_COLOR on a pipe', { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR wins over NO_COLOR', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['FORCE_COLOR=0 on a TTY', { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false on a TTY', { FORCE_COLOR: 'false' }, true, false],
  ])('%s', (_name, env: Record<string, string>, isTTY, expected) => {
    expect(colorEnabled(env, { isTTY })).toBe(expected);
  });
});

const result = (status: ItemResult['status'], item: string): ItemResult => ({
  item,
  text: item,
  check: 'changelog',
  status,
  summary: `${status} summary`,
  findings: [],
});

describe('colour: what', () => {
  test.each([
    ['pass', '\x1b[32m'],
    ['fail', '\x1b[31m'],
    ['skipped', '\x1b[33m'],
    ['error', '\x1b[31;1m'],
  ] as const)('%s', (status, sgr) => {
    expect(paint(status, 'x', true)).toBe(`${sgr}x\x1b[0m`);
    expect(progressLine(result(status, 'a'), true).startsWith(sgr)).toBe(true);
  });

  test('the table colours the status cell only, after fitting: columns line up as without colour', () => {
    const results = [result('pass', 'a'), result('fail', 'b'), result('skipped', 'c')];
    const plain = resultsTable(results, 100, false);
    const colored = resultsTable(results, 100, true);
    expect(colored).not.toBe(plain);
    expect(colored.replaceAll(/\[[\d;]*m/g, '').replaceAll('\x1b', '')).toBe(plain);
    expect(colored.split('\n')[3]?.startsWith('\x1b[31mFAIL   \x1b[0m  changelog')).toBe(true);
  });
});

describe('colour: the CLI', () => {
  const repo = () => {
    const dir = tempDir('shipgate-color-');
    dirs.push(dir);
    writeFiles(dir, { 'package.json': '{"name":"x","version":"1.0.0"}' });
    return dir;
  };
  const ESC = '\x1b[';

  test.each([
    ['a TTY', { tty: true, env: {} }, true],
    ['not a TTY', { tty: false, env: {} }, false],
    ['NO_COLOR on a TTY', { tty: true, env: { NO_COLOR: '1' } }, false],
    ['FORCE_COLOR on a pipe', { tty: false, env: { FORCE_COLOR: '1' } }, true],
  ])('check on %s', async (_name, options, colored) => {
    const { stdout, stderr } = await runCli(['check', repo(), '--only', 'changelog'], options);
    expect(stdout.includes(ESC)).toBe(colored);
    // stderr: the live line (TTY only) uses escapes of its own; the progress line's icon is coloured.
    expect(stderr.includes(`${ESC}31m✗`)).toBe(colored);
  });

  test('--format json is never coloured', async () => {
    const { stdout } = await runCli(['check', repo(), '--only', 'changelog', '--format', 'json'], {
      tty: true,
      env: { FORCE_COLOR: '1' },
    });
    expect(stdout.includes(ESC)).toBe(false);
    expect(JSON.parse(stdout).version).toBe(1);
  });
});
