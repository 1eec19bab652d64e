/**
 * Browser items on a JSON API (issue 22): a target that serves no page is not applicable (`skipped`
 * with the reason), never `error NOT_HTML`. Decided from one GET before Chromium starts.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createLighthouseCheck, notAPage } from '../../checks/lighthouse.js';
import { runtimeContext } from '../helpers/runtime-context.js';
import { type RunningServer, startHttpServer } from '../helpers/runtime-servers.js';
import { requireTool } from '../helpers/system-tools.js';

const chrome = requireTool('chromium');
const CHROME = chrome.path ?? '';
const NO_PAGE = ': there is no page to audit; point the item at a page or mark it N/A';

chrome.describe('lighthouse on a target that serves no page', () => {
  let api: RunningServer;
  let gets = 0;
  beforeAll(async () => {
    api = await startHttpServer((req, res) => {
      gets += 1;
      if (req.url === '/health') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      if (req.url === '/') {
        return res
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          .end('{"name":"api","version":"1.0.0"}');
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    });
  });
  afterAll(() => api.close());

  // Chromium is never launched for these, so a missing binary would not change the verdicts either.
  const check = createLighthouseCheck();

  test('every browser item of the template is skipped with the reason, from one shared GET', async () => {
    gets = 0; // the other test's requests are not this one's (the order is random under --randomize)
    const ctx = runtimeContext({ targetUrl: api.url, env: { CHROME_PATH: CHROME } });
    const metrics = ['performance', 'lcp', 'fid', 'cls', 'ttfb', 'console-errors'];
    const outcomes = [];
    for (const metric of metrics) outcomes.push(await check.run(check.params.parse({ metric }), ctx));
    for (const outcome of outcomes) {
      expect(outcome).toEqual({ status: 'skipped', summary: `GET / is application/json${NO_PAGE}` });
    }
    expect(gets).toBe(1);
  });

  test('path= points the item elsewhere: an API route answering 404 JSON or plain text is no page either', async () => {
    const ctx = runtimeContext({ targetUrl: api.url, env: { CHROME_PATH: CHROME } });
    expect(await check.run(check.params.parse({ metric: 'lcp', path: '/v1/' }), ctx)).toEqual({
      status: 'skipped',
      summary: `GET /v1/ is application/json${NO_PAGE}`,
    });
    expect(await check.run(check.params.parse({ metric: 'lcp', path: '/health' }), ctx)).toEqual({
      status: 'skipped',
      summary: `GET /health is text/plain${NO_PAGE}`,
    });
  });

  test.each([
    [{ hops: [{ url: 'u', status: 200 }], contentType: 'text/html; charset=utf-8' }, undefined],
    [{ hops: [{ url: 'u', status: 200 }], contentType: 'application/xhtml+xml' }, undefined],
    [{ hops: [{ url: 'u', status: 200 }] }, undefined],
    [{ hops: [{ url: 'u', status: 500 }], contentType: 'application/json' }, undefined],
    [{ hops: [{ url: 'u', status: 302, location: 'https://sso.example' }] }, undefined],
    [{ hops: [], error: 'ECONNREFUSED' }, undefined],
    [{ hops: [{ url: 'u', status: 200 }], contentType: 'application/json' }, 'application/json'],
    [
      { hops: [{ url: 'u', status: 401 }], contentType: 'application/problem+json' },
      'application/problem+json',
    ],
  ])("notAPage(%j) → %s (a page, a failure or a redirect is Lighthouse's to meet)", (probe, expected) => {
    expect(notAPage(probe)).toBe(expected);
  });
});
