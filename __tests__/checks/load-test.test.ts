import { nearestRank } from '../../checks/lib/load/load-percentile.js';
import { secondHalfTrend } from '../../checks/lib/load/load-rss.js';
import { loadTestCheck } from '../../checks/load-test.js';
import { type ChildServer, startChildServer } from '../helpers/runtime-child.js';
import { runtimeContext } from '../helpers/runtime-context.js';
import { type RunningServer, startHttpServer } from '../helpers/runtime-servers.js';

// Short, small runs: these tests check the verdict logic against real servers, not the machine's speed.
const quick = { connections: 10, duration: 1 };

const CHILD_SERVER = (leakBytes: number) => `
import http from 'node:http';
const kept = [];
let keptBytes = 0;
const server = http.createServer((req, res) => {
  // Retain (and touch) a buffer per request, capped so the test box is never at risk.
  if (${leakBytes} > 0 && keptBytes < 300 * 1024 * 1024) { kept.push(Buffer.alloc(${leakBytes}, 1)); keptBytes += ${leakBytes}; }
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
`;

describe('load-test check', () => {
  let fast: RunningServer;
  let broken: RunningServer;
  beforeAll(async () => {
    fast = await startHttpServer((_req, res) => res.end('{"ok":true}'));
    // Slow and failing: every response waits 250 ms and half of them are 500s.
    let n = 0;
    broken = await startHttpServer((_req, res) => {
      n += 1;
      const status = n % 2 === 0 ? 500 : 200;
      setTimeout(() => res.writeHead(status).end('x'), 250);
    });
  });
  afterAll(async () => {
    await fast.close();
    await broken.close();
  });

  test('skips without a target URL', async () => {
    const outcome = await loadTestCheck.run(loadTestCheck.params.parse({ metric: 'p95' }), runtimeContext());
    expect(outcome.status).toBe('skipped');
    expect(outcome.summary).toContain('no target URL');
  });

  test('a fast server passes users, p95 and error-rate from ONE shared run', async () => {
    const ctx = runtimeContext({ targetUrl: fast.url });
    const run = (p: Record<string, unknown>) => loadTestCheck.run(loadTestCheck.params.parse(p), ctx);
    const [users, p95, errors] = await Promise.all([
      run({ ...quick, metric: 'users' }),
      run({ ...quick, metric: 'p95', max: 200 }),
      run({ ...quick, metric: 'error-rate', max: 1 }),
    ]);
    expect(users.status).toBe('pass');
    expect(users.summary).toMatch(/^10\/10 concurrent connections/);
    expect(p95.status).toBe('pass');
    expect(p95.summary).toMatch(/^p95 [\d.]+ ms ≤ 200 ms/);
    expect(errors.status).toBe('pass');
    expect(errors.summary).toMatch(/^error rate 0\.00% < 1%/);
    expect(ctx.logs.filter((line) => line.startsWith('load test:'))).toHaveLength(1);
    expect(p95.metrics?.requests).toBeGreaterThan(0);
  });

  test('a slow server returning 500s fails p95 and error-rate', async () => {
    const ctx = runtimeContext({ targetUrl: broken.url });
    const p95 = await loadTestCheck.run(loadTestCheck.params.parse({ ...quick, metric: 'p95' }), ctx);
    const errors = await loadTestCheck.run(
      loadTestCheck.params.parse({ ...quick, metric: 'error-rate' }),
      ctx,
    );
    expect(p95.status).toBe('fail');
    expect(p95.summary).toMatch(/^p95 \d+ ms > 200 ms/);
    expect(p95.metrics?.p95Ms).toBeGreaterThanOrEqual(250);
    expect(errors.status).toBe('fail');
    expect(errors.summary).toMatch(/^error rate [\d.]+% ≥ 1%/);
    expect(errors.details).toContain('500:');
  });

  test('a refused connection is a fail with no responses', async () => {
    const ctx = runtimeContext({ targetUrl: 'http://127.0.0.1:9/' });
    const outcome = await loadTestCheck.run(loadTestCheck.params.parse({ ...quick, metric: 'p95' }), ctx);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/^no responses at all \(\d+ connection errors\)$/);
  });

  describe('memory-leak', () => {
    let children: ChildServer[] = [];
    afterAll(async () => {
      await Promise.all(children.map((child) => child.stop()));
      children = [];
    });

    test('is skipped unless shipgate started the target', async () => {
      const ctx = runtimeContext({ targetUrl: fast.url });
      const outcome = await loadTestCheck.run(loadTestCheck.params.parse({ metric: 'memory-leak' }), ctx);
      expect(outcome).toEqual({
        status: 'skipped',
        summary: 'memory-leak heuristic needs a target started by shipgate (target.start)',
      });
    });

    test('flags a server that retains memory per request', async () => {
      const child = await startChildServer(CHILD_SERVER(2048));
      children.push(child);
      const ctx = runtimeContext({ targetUrl: child.url, targetPid: child.pid });
      const params = loadTestCheck.params.parse({ metric: 'memory-leak', connections: 10, duration: 2 });
      const outcome = await loadTestCheck.run(params, ctx);
      expect(outcome.status).toBe('fail');
      expect(outcome.summary).toMatch(/trend [\d.]+ MB\/min > 20 MB\/min/);
    });

    test('passes a server whose RSS stays flat', async () => {
      const child = await startChildServer(CHILD_SERVER(0));
      children.push(child);
      const ctx = runtimeContext({ targetUrl: child.url, targetPid: child.pid });
      // A 2 s run is noisy (allocator/GC steps of a few MB), so the threshold here is loose; the leaking
      // server above grows by hundreds of MB/min.
      const params = loadTestCheck.params.parse({
        metric: 'memory-leak',
        connections: 10,
        duration: 2,
        leakMbPerMin: 100,
      });
      const outcome = await loadTestCheck.run(params, ctx);
      expect(outcome.status).toBe('pass');
      expect(outcome.metrics?.rssStartBytes).toBeGreaterThan(0);
    });
  });

  describe('pure helpers', () => {
    test('nearest-rank p95 over the sorted sample', () => {
      const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
      expect(nearestRank(values, 95)).toBe(95);
      expect(nearestRank([7], 95)).toBe(7);
      expect(nearestRank([], 95)).toBeNaN();
    });

    test('RSS trend ignores a one-off heap step but sees steady growth', () => {
      const MB = 1024 * 1024;
      const at = (i: number) => i * 200;
      // 10 s: a 20 MB step at 6 s, flat otherwise (what V8 heap growth looks like)
      const step = Array.from({ length: 51 }, (_, i) => ({ atMs: at(i), bytes: (i >= 30 ? 80 : 60) * MB }));
      // 10 s: +1 MB per second, i.e. 60 MB/min
      const leak = Array.from({ length: 51 }, (_, i) => ({
        atMs: at(i),
        bytes: 60 * MB + (at(i) / 1000) * MB,
      }));
      expect(secondHalfTrend(step)?.mbPerMin).toBeLessThan(5);
      expect(secondHalfTrend(leak)?.mbPerMin).toBeCloseTo(60, 5);
      expect(secondHalfTrend(step.slice(0, 2))).toBeUndefined();
    });
  });
});
