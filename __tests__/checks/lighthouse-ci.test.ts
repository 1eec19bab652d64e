import { explicitAssertion, lhciVerdict } from '../../checks/lib/lighthouse/lhci-assert.js';
import { collectPath, type LhciConfig, loadLhciConfig } from '../../checks/lib/lighthouse/lhci-config.js';
import { lighthouseCheck } from '../../checks/lighthouse.js';
import { buildTestContext, makeRepo, removeRepo } from '../helpers/build-fixtures.js';
import { requireTool } from '../helpers/system-tools.js';

// Real Chromium + Lighthouse: one run per page (runs from the config), ~10 s each on 2 cores.
const LIGHTHOUSE_TIMEOUT = 120_000;
const chrome = requireTool('chromium');
const CHROME = chrome.path ?? '';
const repos: string[] = [];
afterAll(() => {
  for (const repo of repos) removeRepo(repo);
});
function repo(files: Record<string, string>): string {
  const dir = makeRepo(files);
  repos.push(dir);
  return dir;
}

/** An LHR as Lighthouse 12 writes it, reduced to what lhci's engine reads. Built by code, real field names. */
function lhr(
  url: string,
  figures: { performance?: number; lcp?: number; cls?: number; consoleErrors?: number; fcp?: number },
) {
  type Audit = Record<string, unknown>;
  const audits: Record<string, Audit> = {};
  const numeric = (id: string, value: number | undefined, score: number) => {
    if (value !== undefined)
      audits[id] = {
        id,
        title: id,
        score,
        scoreDisplayMode: 'numeric',
        numericValue: value,
        numericUnit: 'millisecond',
      };
  };
  numeric(
    'largest-contentful-paint',
    figures.lcp,
    figures.lcp !== undefined && figures.lcp <= 2500 ? 0.9 : 0.4,
  );
  numeric('cumulative-layout-shift', figures.cls, figures.cls !== undefined && figures.cls <= 0.1 ? 1 : 0.3);
  numeric('first-contentful-paint', figures.fcp ?? 900, 1);
  numeric('interactive', 1500, 1);
  const errors = figures.consoleErrors ?? 0;
  audits['errors-in-console'] = {
    id: 'errors-in-console',
    title: 'No browser errors logged to the console',
    score: errors === 0 ? 1 : 0,
    scoreDisplayMode: 'binary',
    details: { type: 'table', items: Array.from({ length: errors }, () => ({})) },
  };
  return {
    lighthouseVersion: '12.8.2',
    requestedUrl: url,
    finalUrl: url,
    finalDisplayedUrl: url,
    audits,
    categories: { performance: { id: 'performance', score: figures.performance ?? 0.95 } },
  };
}

// Test tables are `as const` (readonly); the engine reads plain data, as lhci's rc reader returns it.
const config = (assert: object): LhciConfig => ({
  file: 'lighthouserc.json',
  paths: [],
  flags: {},
  chromeFlags: [],
  assert: structuredClone(assert) as LhciConfig['assert'],
  ignored: [],
});

describe('lhci assertions judged by lhci’s own engine (stored LHRs)', () => {
  const url = 'http://127.0.0.1:4173/';
  const runs = [
    lhr(url, { performance: 0.85, lcp: 3000 }),
    lhr(url, { performance: 0.95, lcp: 2400 }),
    lhr(url, { performance: 0.92, lcp: 2600 }),
  ];
  test.each([
    // [name, assertions, aggregationMethod, only, status, summary fragment]
    [
      'minScore, default aggregation (optimistic: best run)',
      { 'categories:performance': ['error', { minScore: 0.9 }] },
      undefined,
      'performance',
      'pass',
      'categories.performance minScore 0.95 >= 0.9 (error)',
    ],
    [
      'minScore, pessimistic (worst run)',
      { 'categories:performance': ['error', { minScore: 0.9 }] },
      'pessimistic',
      'performance',
      'fail',
      'categories.performance minScore 0.85 < 0.9 (error)',
    ],
    [
      'dotted key, as written in YAML',
      { 'categories.performance': ['error', { minScore: 0.9 }] },
      'pessimistic',
      'performance',
      'fail',
      'minScore 0.85 < 0.9',
    ],
    [
      'maxNumericValue, median',
      { 'largest-contentful-paint': ['error', { maxNumericValue: 2500 }] },
      'median',
      'lcp',
      'fail',
      'largest-contentful-paint maxNumericValue 2600 > 2500 (error)',
    ],
    [
      'maxNumericValue, optimistic',
      { 'largest-contentful-paint': ['error', { maxNumericValue: 2500 }] },
      'optimistic',
      'lcp',
      'pass',
      'maxNumericValue 2400 <= 2500',
    ],
    [
      'a failing warn is not a failure (lhci assert exits 0)',
      { 'largest-contentful-paint': ['warn', { maxNumericValue: 1000 }] },
      'median',
      'lcp',
      'pass',
      'a warning: lhci assert passes it',
    ],
    [
      'per-assertion aggregation wins over the global one',
      { 'largest-contentful-paint': ['error', { maxNumericValue: 2500, aggregationMethod: 'pessimistic' }] },
      'optimistic',
      'lcp',
      'fail',
      'maxNumericValue 3000 > 2500',
    ],
  ] as const)('%s', (_name, assertions, aggregationMethod, only, status, fragment) => {
    const verdict = lhciVerdict(config({ assertions, aggregationMethod }), runs, only);
    expect(verdict.status).toBe(status);
    expect(verdict.summary).toContain(fragment);
    expect(verdict.summary).toContain('(limit from lighthouserc.json)');
  });

  test('an asserted audit that did not run, or gave no value, fails as in lhci (never a pass)', () => {
    const missing = lhciVerdict(
      config({ assertions: { 'server-response-time': ['error', { maxNumericValue: 600 }] } }),
      runs,
      'ttfb',
    );
    expect([missing.status, missing.summary]).toEqual([
      'fail',
      'server-response-time auditRan 0 < 1 (error) (limit from lighthouserc.json)',
    ]);
    const errored = structuredClone(runs);
    for (const run of errored)
      run.audits['largest-contentful-paint'] = {
        id: 'largest-contentful-paint',
        score: null,
        scoreDisplayMode: 'error',
      };
    const noValue = lhciVerdict(
      config({ assertions: { 'largest-contentful-paint': ['error', { maxNumericValue: 2500 }] } }),
      errored,
      'lcp',
    );
    expect([noValue.status, noValue.summary]).toEqual([
      'fail',
      'largest-contentful-paint maxNumericValue no value > 2500 (error) (limit from lighthouserc.json)',
    ]);
  });

  test('metric=lhci: every assertion, failing exactly on error-level failures, warnings listed', () => {
    const assertions = {
      'categories:performance': ['error', { minScore: 0.8 }],
      'largest-contentful-paint': ['warn', { maxNumericValue: 2000 }],
      'errors-in-console': 'error',
    } as const;
    const ok = lhciVerdict(config({ assertions }), runs);
    expect(ok.status).toBe('pass');
    expect(ok.summary).toBe(
      'lhci assert passes: 0 errors, 1 warning of 3 assertion results (lighthouserc.json)',
    );
    expect(ok.findings).toEqual([
      { message: 'largest-contentful-paint maxNumericValue 2400 > 2000 (warn) at /' },
    ]);
    const broken = lhciVerdict(config({ assertions }), [
      lhr(url, { performance: 0.95, lcp: 1000, consoleErrors: 2 }),
    ]);
    expect(broken.status).toBe('fail');
    expect(broken.summary).toMatch(
      /^lhci assert fails: 1 error, 0 warnings of 3 assertion results .*first: errors-in-console minScore 0 < 0\.9 \(error\)$/,
    );
  });

  test('preset lighthouse:recommended: its levels apply (console errors are an error, LCP a warning)', () => {
    const verdict = lhciVerdict(config({ preset: 'lighthouse:recommended' }), [
      lhr(url, { performance: 0.95, lcp: 9000, consoleErrors: 0 }),
    ]);
    const lcp = verdict.results.find((r) => r.auditId === 'largest-contentful-paint');
    const errors = verdict.results.find((r) => r.auditId === 'errors-in-console');
    expect([lcp?.level, lcp?.passed, errors?.level, errors?.passed]).toEqual(['warn', false, 'error', true]);
    expect(verdict.summary).toContain('preset lighthouse:recommended');
  });

  test('which items the config judges: its own assertions only, not its preset; off is named', () => {
    const rc = config({
      preset: 'lighthouse:recommended',
      assertions: {
        'categories.performance': 'off',
        'cumulative-layout-shift': ['error', { maxNumericValue: 0.2 }],
      },
    });
    expect(explicitAssertion(rc, 'performance')).toEqual({ key: 'categories.performance', level: 'off' });
    expect(explicitAssertion(rc, 'cls')).toEqual({ key: 'cumulative-layout-shift', level: 'error' });
    expect(explicitAssertion(rc, 'lcp')).toBeUndefined(); // the preset's warn is not a limit the team set
  });
});

describe('reading Lighthouse CI configs with lhci’s reader', () => {
  const json = JSON.stringify({
    ci: {
      collect: {
        url: ['http://localhost:3000/', 'http://localhost:3000/about?tab=1'],
        numberOfRuns: 2,
        settings: {
          preset: 'desktop',
          onlyCategories: ['performance'],
          chromeFlags: '--no-sandbox --lang=de',
        },
      },
      assert: {
        preset: 'lighthouse:no-pwa',
        assertions: { 'categories.performance': ['error', { minScore: 0.9 }] },
      },
    },
  });
  test.each([
    ['lighthouserc.json', json],
    ['.lighthouserc.json', json],
    ['lighthouserc.cjs', `module.exports = ${json};`],
    ['lighthouserc.js', `module.exports = ${json};`],
    [
      'lighthouserc.yml',
      [
        'ci:',
        '  collect:',
        '    url: [http://localhost:3000/, "http://localhost:3000/about?tab=1"]',
        '    numberOfRuns: 2',
        '    settings: { preset: desktop, onlyCategories: [performance], chromeFlags: "--no-sandbox --lang=de" }',
        '  assert:',
        '    preset: lighthouse:no-pwa',
        '    assertions:',
        '      categories.performance: [error, { minScore: 0.9 }]',
        '',
      ].join('\n'),
    ],
  ])('%s', (file, text) => {
    const dir = repo({ [file]: text });
    const rc = loadLhciConfig(dir, file);
    expect(rc).toMatchObject({
      file,
      paths: ['', 'about?tab=1'],
      numberOfRuns: 2,
      preset: 'desktop',
      flags: { onlyCategories: ['performance'] },
      chromeFlags: ['--no-sandbox', '--lang=de'],
      assert: {
        preset: 'lighthouse:no-pwa',
        assertions: { 'categories:performance': ['error', { minScore: 0.9 }] },
      },
    });
  });

  test('a config lhci cannot read is an error naming the file; an unknown preset is refused', () => {
    expect(() => loadLhciConfig(repo({ 'lighthouserc.json': '{ nope' }), 'lighthouserc.json')).toThrow(
      /^lighthouserc\.json: cannot read it as lhci would/,
    );
    const bad = repo({
      'lighthouserc.json': JSON.stringify({ ci: { assert: { preset: 'lighthouse:fast' } } }),
    });
    expect(() => loadLhciConfig(bad, 'lighthouserc.json')).toThrow(/^lighthouserc\.json: /);
  });

  test.each([
    ['http://localhost:3000/', ''],
    ['http://localhost/about.html', 'about.html'],
    ['/blog/?page=2', 'blog/?page=2'],
  ])('collect URL %s → path %s (relative to the target)', (url, path) => {
    expect(collectPath(url)).toBe(path);
  });
});

chrome.describe('lighthouse with a Lighthouse CI config (real Lighthouse on a loopback static build)', () => {
  const page = (title: string) =>
    `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>${title}</title></head><body><h1>${title}</h1><p>Static page.</p></body></html>`;
  const dir = repo({
    'dist/index.html': page('Home'),
    'dist/about.html': page('About'),
    'lighthouserc.json': JSON.stringify({
      ci: {
        collect: { url: ['http://localhost/', 'http://localhost/about.html'], numberOfRuns: 1 },
        assert: {
          assertions: {
            'categories:performance': ['error', { minScore: 0.5 }],
            'largest-contentful-paint': ['error', { maxNumericValue: 1 }],
            'errors-in-console': 'warn',
          },
        },
      },
    }),
  });
  const { ctx, counter } = buildTestContext({ repoDir: dir, env: { CHROME_PATH: CHROME } });
  const run = (params: Record<string, unknown>) =>
    lighthouseCheck.run(lighthouseCheck.params.parse(params), ctx);
  // The one shared measurement is taken here, with Lighthouse's time: the tests run in any order
  // (--randomize), and whichever came first used to measure within the default test timeout.
  beforeAll(() => run({ metric: 'lcp' }), LIGHTHOUSE_TIMEOUT);

  test(
    'an audit the config asserts is judged by its limit, on both URLs, naming the config',
    async () => {
      const lcp = await run({ metric: 'lcp' });
      expect(lcp.status).toBe('fail');
      expect(lcp.summary).toMatch(
        /^largest-contentful-paint maxNumericValue \d+(\.\d)? > 1 \(error\) \(limit from lighthouserc\.json\)$/,
      );
      expect(lcp.findings?.map((f) => f.message.replace(/.* at /, ''))).toEqual(['/', '/about.html']);
      const performance = await run({ metric: 'performance' });
      expect(performance.status).toBe('pass');
      expect(performance.summary).toMatch(
        /^categories\.performance minScore [\d.]+ >= 0\.5 \(error\) \(limit from lighthouserc\.json\)$/,
      );
      expect(counter.memoCalls).toBe(1); // one measurement (two URLs, one run each) for every item
    },
    LIGHTHOUSE_TIMEOUT,
  );

  test('an audit the config does not assert keeps the template limit, and says so', async () => {
    const cls = await run({ metric: 'cls' });
    expect(cls.status).toBe('pass');
    expect(cls.summary).toBe(
      'CLS 0 ≤ 0.1 (median of 1 run) [2 URLs] — template limit: lighthouserc.json does not assert cumulative-layout-shift',
    );
  });

  test('metric=lhci fails exactly as lhci assert would (one error-level failure per URL)', async () => {
    const all = await run({ metric: 'lhci' });
    expect(all.status).toBe('fail');
    expect(all.summary).toMatch(
      /^lhci assert fails: 2 errors, 0 warnings of 6 assertion results \(lighthouserc\.json\)/,
    );
  });
});

chrome.describe('lighthouse: the likely cause of a page Lighthouse cannot load (real run)', () => {
  test(
    'NO_FCP on a SPA whose only script is on another host: the cause names the host',
    async () => {
      const dir = repo({
        'dist/index.html':
          '<!doctype html><html lang="en"><head><title>App</title><script type="module" src="https://cdn.example.com/app.js"></script></head><body><div id="root"></div></body></html>',
      });
      const { ctx } = buildTestContext({ repoDir: dir, env: { CHROME_PATH: CHROME } });
      const outcome = await lighthouseCheck.run(lighthouseCheck.params.parse({ runs: 1 }), ctx);
      expect(outcome.status).toBe('error');
      expect(outcome.summary).toBe(
        "Lighthouse could not measure the page: NO_FCP — likely cause: the page's scripts or styles load from cdn.example.com, which this runner cannot reach (loopback-only DNS), and the HTML has no content of its own: measure a staging URL, or serve those assets from the app",
      );
    },
    LIGHTHOUSE_TIMEOUT,
  );
});
