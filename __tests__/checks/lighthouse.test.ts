import { get } from 'node:http';
import {
  chromeFlagsFor,
  LOOPBACK_ONLY_RULE,
  measureLighthouse,
} from '../../checks/lib/lighthouse/lighthouse-run.js';
import { type StaticServer, startStaticServer } from '../../checks/lib/lighthouse/static-server.js';
import { createLighthouseCheck, lighthouseCheck } from '../../checks/lighthouse.js';
import { buildTestContext, makeRepo, removeRepo } from '../helpers/build-fixtures.js';
import { requireTool } from '../helpers/system-tools.js';

// Real Chromium + Lighthouse 12.8.2 (~8 s per measurement here): one shared measurement per page, runs=1.
const LIGHTHOUSE_TIMEOUT = 90_000;
const chrome = requireTool('chromium');
const CHROME = chrome.path ?? '';

const head = '<meta name="viewport" content="width=device-width"><link rel="icon" href="data:,">';
const cleanPage = `<!doctype html><html lang="en"><head>${head}<title>Menu</title></head>
<body><h1>Restaurant OS</h1><p>Today's menu.</p></body></html>`;
/** 300 ms after load a 500 px block pushes all content down (CLS ≈ 0.5) and an error is logged. */
const brokenPage = `<!doctype html><html lang="en"><head>${head}<title>Shift</title></head>
<body><div id="ad"></div><main><h1>Restaurant OS</h1>${'<p>Dish of the day, freshly made.</p>'.repeat(30)}</main>
<script>setTimeout(function () {
  document.getElementById('ad').style.height = '500px';
  console.error('boom: menu failed to load');
}, 300);</script></body></html>`;

let cleanRepo: string;
let brokenRepo: string;
let brokenServer: StaticServer;
beforeAll(async () => {
  cleanRepo = makeRepo({ 'dist/index.html': cleanPage });
  brokenRepo = makeRepo({ 'site/index.html': brokenPage });
  brokenServer = await startStaticServer(`${brokenRepo}/site`);
});
afterAll(async () => {
  await brokenServer.close();
  removeRepo(cleanRepo);
  removeRepo(brokenRepo);
});

function item(params: Record<string, unknown>, ctx: Parameters<typeof lighthouseCheck.run>[1]) {
  return lighthouseCheck.run(lighthouseCheck.params.parse({ runs: 1, ...params }), ctx);
}

describe('lighthouse: helpers', () => {
  test('the static server serves the build with content types, uncompressed, and nothing outside it', async () => {
    const site = makeRepo({ 'dist/index.html': cleanPage, 'dist/app.js': 'export {};', 'secret.txt': 'no' });
    const server = await startStaticServer(`${site}/dist`);
    try {
      const index = await fetch(server.url, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(index.headers.get('content-encoding')).toBeNull();
      expect(await index.text()).toBe(cleanPage);
      const script = await fetch(`${server.url}app.js`);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      await script.text();
      // Raw request: fetch() would normalise the dot segments away before sending.
      const outside = await new Promise<number | undefined>((resolve, reject) => {
        get(`${server.url}x`, { path: '/../secret.txt' }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject);
      });
      expect(outside).toBe(404);
    } finally {
      await server.close();
      removeRepo(site);
    }
  });

  test('DNS is restricted to loopback only for loopback targets', () => {
    expect(chromeFlagsFor('http://127.0.0.1:8080/')).toContain(LOOPBACK_ONLY_RULE);
    expect(chromeFlagsFor('http://localhost:3000/')).toContain(LOOPBACK_ONLY_RULE);
    expect(chromeFlagsFor('https://staging.example.com/')).not.toContain(LOOPBACK_ONLY_RULE);
    expect(chromeFlagsFor('http://127.0.0.1/')).toEqual(
      expect.arrayContaining(['--headless=new', '--no-sandbox']),
    );
  });
});

describe('lighthouse: skipped', () => {
  test('no Chromium: CHROME_PATH unset and no candidate exists', async () => {
    const check = createLighthouseCheck({ chromeCandidates: [] });
    const { ctx } = buildTestContext({ repoDir: cleanRepo, env: {} });
    expect(await check.run(check.params.parse({}), ctx)).toEqual({
      status: 'skipped',
      summary: 'no Chromium found: set CHROME_PATH or install chromium',
    });
  });

  test('a CHROME_PATH that is not executable is an error, never replaced by the system Chromium', async () => {
    const check = createLighthouseCheck();
    const { ctx } = buildTestContext({ repoDir: cleanRepo, env: { CHROME_PATH: '/nonexistent/chrome' } });
    expect(await check.run(check.params.parse({}), ctx)).toEqual({
      status: 'error',
      summary:
        'CHROME_PATH=/nonexistent/chrome is not an executable file (unset it to use the system Chromium)',
    });
  });

  chrome.test('no target URL and no build directory', async () => {
    const empty = makeRepo({ 'README.md': '# app' });
    try {
      const { ctx } = buildTestContext({ repoDir: empty, env: { CHROME_PATH: CHROME } });
      expect(await item({}, ctx)).toEqual({
        status: 'skipped',
        summary:
          'no target URL and no build directory (looked for dist/, build/, out/ and the client output of SvelteKit, Next.js, Nuxt, Vercel, Astro, Remix)',
      });
    } finally {
      removeRepo(empty);
    }
  });
});

chrome.describe('lighthouse: clean static build served locally (one shared measurement)', () => {
  const { ctx, counter } = buildTestContext({ repoDir: '', env: { CHROME_PATH: CHROME } });
  // The one shared measurement is taken here, with Lighthouse's time: the tests run in any order
  // (--randomize), and whichever came first used to measure within the default test timeout.
  beforeAll(async () => {
    ctx.repoDir = cleanRepo;
    await item({ metric: 'performance' }, ctx);
  }, LIGHTHOUSE_TIMEOUT);

  test(
    'performance score ≥ 90',
    async () => {
      const outcome = await item({ metric: 'performance' }, ctx);
      expect(outcome.status).toBe('pass');
      expect(outcome.summary).toMatch(/^Lighthouse performance \d+ ≥ 90 \(median of 1 run\)$/);
      expect(outcome.details).toContain('Lighthouse 12.8.2');
    },
    LIGHTHOUSE_TIMEOUT,
  );

  test('LCP, CLS, TTFB and console errors within the seed thresholds, from the same measurement', async () => {
    const lcp = await item({ metric: 'lcp' }, ctx);
    expect(lcp).toMatchObject({
      status: 'pass',
      summary: expect.stringMatching(/^LCP .* ≤ 2.5 s \(median of 1 run\)$/),
    });
    expect((await item({ metric: 'cls' }, ctx)).summary).toBe('CLS 0 ≤ 0.1 (median of 1 run)');
    const ttfb = await item({ metric: 'ttfb' }, ctx);
    expect(ttfb).toMatchObject({
      status: 'pass',
      summary: expect.stringMatching(/^TTFB \(server-response-time\) \d+ ms ≤ 600 ms/),
    });
    const errors = await item({ metric: 'console-errors' }, ctx);
    expect(errors).toMatchObject({ status: 'pass', findings: [] });
    expect(counter.memoCalls).toBe(1);
  });

  test('FID is reported through its lab proxy (max-potential-FID)', async () => {
    // mpfid is noisy on 2 cores (16–270 ms): assert the wording, and the pass with a roomy ceiling.
    const outcome = await item({ metric: 'fid', max: 5000 }, ctx);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(
      /^max-potential-FID \(lab proxy for FID\) \d+ ms ≤ 5 s \(median of 1 run\)$/,
    );
  });

  test('an impossible threshold fails', async () => {
    const outcome = await item({ metric: 'lcp', max: 1 }, ctx);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/^LCP .* > 1 ms \(median of 1 run\)$/);
  });
});

chrome.describe('lighthouse: page with a layout shift and a console error (ctx.targetUrl)', () => {
  const { ctx } = buildTestContext({ repoDir: '', env: { CHROME_PATH: CHROME } });
  beforeAll(() => {
    ctx.repoDir = brokenRepo;
    ctx.targetUrl = brokenServer.url;
  });

  test(
    'CLS over 0.1 fails',
    async () => {
      const outcome = await item({ metric: 'cls' }, ctx);
      expect(outcome.status).toBe('fail');
      expect(outcome.summary).toMatch(/^CLS 0\.\d+ > 0\.1 \(median of 1 run\)$/);
    },
    LIGHTHOUSE_TIMEOUT,
  );

  test('the layout shift costs the performance score (CLS weighs 25 %)', async () => {
    const outcome = await item({ metric: 'performance' }, ctx);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/^Lighthouse performance \d+ < 90 \(median of 1 run\)$/);
  });

  test('console errors fail and are listed as findings', async () => {
    const outcome = await item({ metric: 'console-errors' }, ctx);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('1 console error(s)');
    expect(outcome.findings).toEqual([{ message: expect.stringContaining('boom: menu failed to load') }]);
  });
});

chrome.test(
  "an unreachable target is an error carrying Lighthouse's runtime error",
  async () => {
    const closed = await startStaticServer(brokenRepo);
    await closed.close();
    const { ctx } = buildTestContext({
      repoDir: brokenRepo,
      env: { CHROME_PATH: CHROME },
      targetUrl: closed.url,
    });
    const outcome = await item({ metric: 'lcp' }, ctx);
    expect(outcome.status).toBe('error');
    expect(outcome.summary).toMatch(/^Lighthouse could not measure the page: [A-Z_]+ /);
  },
  LIGHTHOUSE_TIMEOUT,
);

chrome.test(
  'aborting kills Chromium and rejects the measurement',
  async () => {
    const controller = new AbortController();
    let chromePid = 0;
    const measuring = measureLighthouse({
      url: brokenServer.url,
      runs: 1,
      chromePath: CHROME,
      signal: controller.signal,
      log: (line) => {
        const pid = /Chromium pid (\d+)/.exec(line)?.[1];
        if (pid) {
          chromePid = Number(pid);
          controller.abort(new Error('test abort'));
        }
      },
    });
    await expect(measuring).rejects.toThrow('test abort');
    expect(chromePid).toBeGreaterThan(0);
    // SIGKILL is immediate, reaping may take a moment: poll (bounded) until the pid is gone.
    let alive = true;
    for (let attempt = 0; attempt < 50 && alive; attempt++) {
      try {
        process.kill(chromePid, 0);
        await new Promise((resolve) => setTimeout(resolve, 100));
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  },
  LIGHTHOUSE_TIMEOUT,
);
