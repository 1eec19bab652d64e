import { healthCheck } from '../../checks/health.js';
import { runtimeContext } from '../helpers/runtime-context.js';
import { type RunningServer, refusedUrl, startHttpServer } from '../helpers/runtime-servers.js';

const run = (params: Record<string, unknown>, targetUrl?: string) =>
  healthCheck.run(healthCheck.params.parse(params), runtimeContext({ targetUrl }));

describe('health check', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startHttpServer((req, res) => {
      if (req.url === '/health' || req.url === '/app/health') return res.end('{"status":"ok"}');
      if (req.url === '/down') return res.writeHead(503).end('{"status":"db down"}');
      if (req.url === '/hang') return setTimeout(() => res.end('late'), 1000);
      res.writeHead(404).end();
    });
  });
  afterAll(() => server.close());

  test('skips without a target URL', async () => {
    expect((await run({})).summary).toBe(
      'no target URL: pass --url or set target.url / target.start in .github/shipgate.yml',
    );
  });

  test('passes on 2xx from /health', async () => {
    const outcome = await run({}, server.url);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(
      /^GET \/health → 200 in [\d.]+ ms \(limit 5000 ms\) \(no content type\)$/,
    );
  });

  test('joins the path onto a target with a base path', async () => {
    const outcome = await run({ path: 'health' }, `${server.url}app/`);
    expect(outcome.status).toBe('pass');
  });

  test('fails on a 503 and shows the body', async () => {
    const outcome = await run({ path: '/down' }, server.url);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/^GET \/down → 503 in/);
    expect(outcome.details).toContain('db down');
  });

  test('fails when the answer takes longer than timeoutMs', async () => {
    const outcome = await run({ path: '/hang', timeoutMs: 200 }, server.url);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('GET /hang failed: no response within 200 ms');
  });

  test('fails when nothing listens', async () => {
    const outcome = await run({}, await refusedUrl());
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('ECONNREFUSED');
  });
});
