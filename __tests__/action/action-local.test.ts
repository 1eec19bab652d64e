/** The built Action without GitHub: bad inputs, no token, the example app, a checkout without node_modules. */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ResultsReport } from '../../src/core/template/model.js';
import { removeDirs, tempDir } from '../helpers/repo-temp.js';
import { requireTool } from '../helpers/system-tools.js';
import { buildDist, ROOT, runAction } from './action-harness.js';
import { buildFixtureRepo } from './fixture-repo.js';

const dirs: string[] = [];
beforeAll(() => buildDist());
afterAll(() => removeDirs(dirs));

describe('input validation', () => {
  it.each([
    [{ 'fail-on': 'sometimes' }, 'input "fail-on" must be "failure" or "never" (got "sometimes")'],
    [{ phase: 'staging' }, 'input "phase" must be "pre-merge" or "post-deploy" (got "staging")'],
    [{ url: 'not a url' }, 'input "url" is not a URL (got "not a url")'],
    [
      { mode: 'bot' },
      'input "ledger-secret" is required when mode is "bot": create a repository secret of at least 16 random characters (e.g. SHIPGATE_LEDGER_SECRET) and set the step\'s ledger-secret input to secrets.SHIPGATE_LEDGER_SECRET (docs/action-bot-mode.md)',
    ],
    [{ 'working-directory': 'no/such/dir' }, 'input "working-directory": no directory at no/such/dir'],
    [{ template: 'missing.md' }, 'input "template": no file at missing.md'],
  ])('rejects %j with a message naming the input', async (inputs, message) => {
    const run = await runAction({ inputs, env: { GITHUB_WORKSPACE: ROOT } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::${message}`);
    expect(run.outputs).toEqual({});
  });

  it('names the config file and line of a bad config', async () => {
    const dir = tempDir('shipgate-action-badcfg-');
    dirs.push(dir);
    writeFileSync(join(dir, 'bad.yml'), 'concurrency: "four"\n');
    const run = await runAction({ inputs: { config: 'bad.yml' }, env: { GITHUB_WORKSPACE: dir }, cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::bad\.yml:1: concurrency:/);
  });
});

describe('no token, not a pull request', () => {
  it('runs the checks on examples/restaurant-os, writes the summary and outputs, publishes nothing', async () => {
    const run = await runAction({
      inputs: { 'working-directory': 'examples/restaurant-os', only: 'changelog,bundle-size,migrations' },
      env: { GITHUB_WORKSPACE: ROOT, GITHUB_REPOSITORY: 'acme/restaurant-os' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::notice::shipgate: no github-token, so the results are not published');
    const report = JSON.parse(run.outputs.results ?? '') as ResultsReport;
    expect(report.passed).toBe(true);
    expect(run.outputs.passed).toBe('true');
    expect(report.results.map((r) => r.check).sort()).toEqual([
      'bundle-size',
      'bundle-size',
      'bundle-size',
      'bundle-size',
      'bundle-size',
      'changelog',
      'migrations',
    ]);
    expect(run.summary).toContain('### shipgate: pre-merge checks');
    expect(run.summary).toMatch(
      /\| ✅ pass \| Main bundle &lt; 80KB \| `bundle-size` \| main [\d.]+ kB gzip ≤ 80 kB \| main [\d.]+ kB \/ 80\.0 kB \|/,
    );
    expect(run.summary).toMatch(
      /\| ✅ pass \| CHANGELOG.md updated \| `changelog` \| CHANGELOG.md has an entry for 6\.0\.3/,
    );
  });

  it('says so when a token is given outside a pull request', async () => {
    const repo = buildFixtureRepo(tempDir('shipgate-action-push-'), { bigBundle: false, leak: false });
    dirs.push(repo.dir);
    const run = await runAction({
      inputs: { template: 'shipgate.md', only: 'changelog', 'github-token': 'ghs_notused0123456789' },
      env: {
        GITHUB_WORKSPACE: repo.dir,
        GITHUB_REPOSITORY: 'acme/web',
        GITHUB_API_URL: 'http://127.0.0.1:9',
      },
      cwd: repo.dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '::notice::shipgate: not a pull_request, workflow_dispatch (sha input), deployment_status or merge_group event, so the results are not published',
    );
  });
});

/** a Chromium is found, so the Lighthouse items reach the install of Lighthouse */
const chrome = requireTool('chromium');

chrome.describe('an Action checkout without node_modules (as on a GitHub runner)', () => {
  it('runs the bundled tools; Lighthouse that cannot be installed is skipped with the reason and the fix', async () => {
    const checkout = tempDir('shipgate-action-checkout-');
    dirs.push(checkout);
    // the bundle and its chunks (each check's implementation, the Lighthouse worker), as committed
    cpSync(join(ROOT, 'dist'), join(checkout, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'templates'), join(checkout, 'templates'), { recursive: true });
    writeFileSync(join(checkout, 'package.json'), '{"type":"module"}\n');
    const repo = buildFixtureRepo(tempDir('shipgate-action-nomods-'), { bigBundle: false, leak: false });
    dirs.push(repo.dir);
    const npmCache = tempDir('shipgate-action-npm-cache-');
    const toolCache = tempDir('shipgate-action-tool-cache-');
    dirs.push(npmCache, toolCache);
    const run = await runAction({
      dist: join(checkout, 'dist/index.js'),
      inputs: { only: 'lighthouse,bundle-size', url: 'http://127.0.0.1:9/' },
      // npm offline with an empty cache: the install of the pinned Lighthouse fails at once
      env: {
        GITHUB_WORKSPACE: repo.dir,
        RUNNER_TOOL_CACHE: toolCache,
        npm_config_offline: 'true',
        npm_config_cache: npmCache,
        CHROME_PATH: chrome.path ?? '',
      },
      cwd: repo.dir,
    });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.outputs.results ?? '') as ResultsReport;
    const lighthouse = report.results.filter((r) => r.check === 'lighthouse');
    expect(lighthouse.length).toBeGreaterThan(0);
    for (const result of lighthouse) {
      expect(result.status).toBe('skipped');
      expect(result.summary).toMatch(
        /^lighthouse@\d+\.\d+\.\d+ could not be installed \(.*ENOTCACHED.*\): fix: let the runner reach the npm registry \(set npm_config_registry for a mirror\) or run `npm ci --omit=dev` in the Action's directory \(docs\/action\.md\)$/,
      );
    }
    // size-limit is bundled: it measures even here.
    const bundle = report.results.find((r) => r.item.endsWith('main-bundle-80kb'));
    expect([bundle?.status, bundle?.summary]).toEqual([
      'pass',
      expect.stringMatching(/^main \d+ B gzip ≤ 80 kB$/),
    ]);
  });
});
