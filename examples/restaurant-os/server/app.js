import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { handleApi, sendJson } from './api.js';
import { attachLiveUpdates } from './live.js';
import { createMetrics } from './metrics.js';
import { RateLimiter, setRateLimitHeaders } from './rate-limit.js';
import { csrfAllowed, handleCors, parseAllowList, setSecurityHeaders } from './security.js';
import { loadStaticFiles, serveStatic } from './static.js';
import { OrderStore } from './store.js';

/**
 * Rate limits apply to /api/* only, per client IP and per route (method + path): reads get 60 requests
 * refilled at 30/s, writes 20 refilled at 5/s. Static files and /health are not limited, so a load test
 * of `/` from one IP measures the server, and a burst on one route (e.g. 120 × GET /api/orders meets 429
 * after ~60) does not starve the others (the page's GET /api/menu, the CSRF probe's POST).
 */
export const LIMITS = {
  read: { capacity: 60, refillPerSec: 30 },
  write: { capacity: 20, refillPerSec: 5 },
};

/** `POST /api/orders/17/advance` → `POST /api/orders/:id/advance`, so ids do not create new buckets. */
function routeKey(method, pathname) {
  return `${method} ${pathname.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
}

/** A share of requests (0–1) answered 500, from env `FAIL_RATE`; with `CHAOS=1`, `POST /chaos?failRate=0.2` changes it. */
function parseFailRate(value) {
  const rate = Number(value ?? 0);
  return Number.isFinite(rate) && rate >= 0 && rate <= 1 ? rate : 0;
}

/** Added latency (ms) for /api/* requests, from env `LATENCY_MS`; with `CHAOS=1`, `POST /chaos?latencyMs=150` changes it. Default 0. */
function parseLatency(value) {
  const ms = Number(value ?? 0);
  return Number.isFinite(ms) && ms >= 0 && ms <= 10_000 ? ms : 0;
}

/** Builds the HTTP server (not listening yet). */
export function createApp({ distDir, env = process.env, limits = LIMITS, version = '6.0.3' }) {
  const store = new OrderStore();
  const files = loadStaticFiles(distDir);
  const allowList = parseAllowList(env.CORS_ORIGINS);
  // Per-process token for non-browser clients (see csrfAllowed); it is never logged.
  const csrfToken = randomBytes(24).toString('base64url');
  const limiters = { read: new RateLimiter(limits.read), write: new RateLimiter(limits.write) };
  const startedAt = Date.now();
  const metrics = createMetrics({ version: env.APP_VERSION ?? version });
  let failRate = parseFailRate(env.FAIL_RATE);
  let failCounter = 0;
  let latencyMs = parseLatency(env.LATENCY_MS);

  const server = http.createServer({ keepAlive: true }, async (req, res) => {
    setSecurityHeaders(req, res, env);
    const [pathname, search = ''] = (req.url ?? '/').split('?');
    if (pathname === '/metrics' && metrics) return metrics.serve(res);
    if (pathname === '/chaos' && env.CHAOS === '1' && req.method === 'POST') {
      const query = new URLSearchParams(search);
      if (query.has('failRate')) failRate = parseFailRate(query.get('failRate'));
      if (query.has('latencyMs')) latencyMs = parseLatency(query.get('latencyMs'));
      return sendJson(res, 200, { failRate, latencyMs });
    }
    metrics?.observe(req, res, pathname);
    // Injected failures (FAIL_RATE / POST /chaos): every n-th request, so the share is exact.
    if (failRate > 0 && pathname !== '/health') {
      failCounter += failRate;
      if (failCounter >= 1) {
        failCounter -= 1;
        return sendJson(res, 500, { error: 'injected failure' });
      }
    }
    if (pathname === '/health') {
      return sendJson(res, 200, { status: 'ok', uptimeSec: Math.round((Date.now() - startedAt) / 1000) });
    }
    if (pathname.startsWith('/api/')) {
      // Injected latency (LATENCY_MS / POST /chaos): a slow canary for the baseline comparison.
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if (handleCors(req, res, allowList)) return;
      const isWrite = req.method !== 'GET' && req.method !== 'HEAD';
      const limiter = isWrite ? limiters.write : limiters.read;
      const verdict = limiter.take(
        `${req.socket.remoteAddress ?? 'unknown'} ${routeKey(req.method, pathname)}`,
      );
      setRateLimitHeaders(res, limiter, verdict);
      if (!verdict.allowed) return sendJson(res, 429, { error: 'too many requests' });
      if (isWrite && !csrfAllowed(req, allowList, csrfToken)) {
        return sendJson(res, 403, { error: 'cross-site request refused (CSRF)' });
      }
      if (await handleApi(req, res, { store, csrfToken })) return;
      return sendJson(res, 404, { error: 'not found' });
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(req, res, files)) return;
    if (files.size === 0)
      return sendJson(res, 503, { error: 'front-end not built: run node scripts/build.mjs' });
    sendJson(res, 404, { error: 'not found' });
  });
  const live = attachLiveUpdates(server, store);
  return {
    server,
    store,
    csrfToken,
    async close() {
      await live.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
