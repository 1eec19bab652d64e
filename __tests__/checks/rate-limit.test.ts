import { rateLimitCheck } from '../../checks/rate-limit.js';
import { runtimeContext } from '../helpers/runtime-context.js';
import { type RunningServer, refusedUrl, startHttpServer } from '../helpers/runtime-servers.js';

const run = (params: Record<string, unknown>, targetUrl?: string) =>
  rateLimitCheck.run(rateLimitCheck.params.parse(params), runtimeContext({ targetUrl }));

describe('rate-limit check', () => {
  let server: RunningServer;
  let served = 0;
  beforeAll(async () => {
    // /limited allows 50 requests in total, then answers 429; /headers announces a policy but never
    // limits within the burst; /open has no limiter at all.
    let limitedCount = 0;
    server = await startHttpServer((req, res) => {
      served += 1;
      if (req.url === '/limited') {
        limitedCount += 1;
        if (limitedCount > 50) return res.writeHead(429, { 'retry-after': '1' }).end();
        return res.end('ok');
      }
      if (req.url === '/headers') {
        return res
          .writeHead(200, { 'RateLimit-Policy': '1000;w=60', RateLimit: 'limit=1000, remaining=999' })
          .end();
      }
      res.end('ok');
    });
  });
  afterAll(() => server.close());

  test('skips without a target URL', async () => {
    expect((await run({})).status).toBe('skipped');
  });

  test('passes when the burst meets a 429, and stops the burst there', async () => {
    const before = served;
    const outcome = await run({ path: '/limited', requests: 120, concurrency: 5 }, server.url);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/^429 after \d+ of 120 GET \/limited requests$/);
    expect(served - before).toBeLessThan(120);
  });

  test('passes on RateLimit headers without a 429', async () => {
    const outcome = await run({ path: '/headers', requests: 20 }, server.url);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe(
      'rate-limit headers on GET /headers (ratelimit: limit=1000, remaining=999); no 429 within 20 requests',
    );
  });

  test('fails when nothing limits the burst', async () => {
    const outcome = await run({ path: '/open' }, server.url);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('no 429 and no RateLimit headers after 120 GET /open requests');
    expect(outcome.details).toBe('statuses: 200: 120');
  });

  test('an error, not a verdict, when nothing listens', async () => {
    const outcome = await run({ requests: 5, concurrency: 2 }, await refusedUrl());
    expect(outcome.status).toBe('error');
    expect(outcome.summary).toMatch(/^no responses from GET \/: .*ECONNREFUSED/);
  });
});
