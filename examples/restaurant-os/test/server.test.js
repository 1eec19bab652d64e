import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startApp } from './helpers.js';

describe('HTTP server', () => {
  let app;
  before(async () => {
    app = await startApp({ env: { CORS_ORIGINS: 'https://partner.example' } });
  });
  after(() => app.close());

  test('GET /health answers 200 with JSON', async () => {
    const res = await fetch(`${app.base}/health`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'ok');
  });

  test('serves index.html with security headers and no HSTS over plain http', async () => {
    const res = await fetch(`${app.base}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /text\/html/);
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.match(res.headers.get('content-security-policy'), /script-src 'self'/);
    assert.doesNotMatch(res.headers.get('content-security-policy'), /unsafe/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('strict-transport-security'), null);
  });

  test('serves hashed assets as immutable, gzip-compressed on request', async () => {
    const res = await fetch(`${app.base}/assets/main-TEST.js`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.match(res.headers.get('cache-control'), /immutable/);
    assert.match(await res.text(), /answer = 42/);
  });

  test('unknown paths are 404', async () => {
    assert.equal((await fetch(`${app.base}/nope`)).status, 404);
    assert.equal((await fetch(`${app.base}/api/nope`)).status, 404);
  });

  test('GET /api/menu lists dishes with RateLimit headers', async () => {
    const res = await fetch(`${app.base}/api/menu`);
    assert.equal(res.status, 200);
    assert.ok((await res.json()).items.length >= 3);
    assert.match(res.headers.get('ratelimit-policy'), /^\d+;w=\d+$/);
    assert.match(res.headers.get('ratelimit'), /^limit=\d+, remaining=\d+, reset=\d+$/);
  });

  test('POST /api/orders from the same origin creates an order', async () => {
    const res = await fetch(`${app.base}/api/orders`, {
      method: 'POST',
      headers: { origin: app.base, 'content-type': 'application/json' },
      body: JSON.stringify({ table: 4, items: [{ id: 'margherita', quantity: 2 }] }),
    });
    assert.equal(res.status, 201);
    const { order } = await res.json();
    assert.equal(order.totalCents, 2300);
    const list = await (await fetch(`${app.base}/api/orders`)).json();
    assert.ok(list.orders.some((o) => o.id === order.id));
  });

  test('POST /api/orders from a foreign origin or without a token is refused (CSRF)', async () => {
    const body = JSON.stringify({ table: 1, items: [{ id: 'caesar', quantity: 1 }] });
    const foreign = await fetch(`${app.base}/api/orders`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body,
    });
    assert.equal(foreign.status, 403);
    // fetch always sends an Origin for POST, so use a non-browser style request without one
    const http = await import('node:http');
    const status = await new Promise((resolve, reject) => {
      const req = http.request(`${app.base}/api/orders`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end(body);
    });
    assert.equal(status, 403);
  });

  test('a non-browser client with the session token may POST', async () => {
    const { csrfToken } = await (await fetch(`${app.base}/api/session`)).json();
    const http = await import('node:http');
    const status = await new Promise((resolve, reject) => {
      const req = http.request(
        `${app.base}/api/orders`,
        { method: 'POST', headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ table: 2, items: [{ id: 'tiramisu', quantity: 1 }] }));
    });
    assert.equal(status, 201);
  });

  test('invalid orders are 400 with a reason', async () => {
    const post = (body) =>
      fetch(`${app.base}/api/orders`, { method: 'POST', headers: { origin: app.base }, body });
    assert.equal((await post('not json')).status, 400);
    const res = await post(JSON.stringify({ table: 0, items: [] }));
    assert.equal(res.status, 400);
    assert.match((await res.json()).error, /table/);
    const big = await post('x'.repeat(20_000));
    assert.equal((await big.json()).error, 'body too large');
  });

  test('orders advance through their states, unknown ids are 404', async () => {
    const created = await fetch(`${app.base}/api/orders`, {
      method: 'POST',
      headers: { origin: app.base },
      body: JSON.stringify({ table: 9, items: [{ id: 'lemonade', quantity: 1 }] }),
    });
    const { order } = await created.json();
    const advance = (id) =>
      fetch(`${app.base}/api/orders/${id}/advance`, { method: 'POST', headers: { origin: app.base } });
    assert.equal((await (await advance(order.id)).json()).order.status, 'preparing');
    assert.equal((await advance(99999)).status, 404);
  });

  test('CORS: the allow-listed origin is granted, a foreign one is not reflected', async () => {
    const partner = await fetch(`${app.base}/api/menu`, { headers: { origin: 'https://partner.example' } });
    assert.equal(partner.headers.get('access-control-allow-origin'), 'https://partner.example');
    const evil = await fetch(`${app.base}/api/menu`, { headers: { origin: 'https://evil.example' } });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${app.base}/api/orders`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-methods'), /POST/);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
  });
});

describe('rate limiting and special modes', () => {
  test('a burst on one route meets 429 with Retry-After; other routes keep working', async () => {
    const app = await startApp({
      limits: { read: { capacity: 5, refillPerSec: 1 }, write: { capacity: 2, refillPerSec: 1 } },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await fetch(`${app.base}/api/orders`)).status);
      assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
      assert.ok(statuses.includes(429));
      const limited = await fetch(`${app.base}/api/orders`);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      assert.equal((await fetch(`${app.base}/api/menu`)).status, 200);
      assert.equal((await fetch(`${app.base}/health`)).status, 200);
    } finally {
      await app.close();
    }
  });

  test('HSTS is sent in production behind a trusted TLS proxy', async () => {
    const app = await startApp({ env: { NODE_ENV: 'production', TRUST_PROXY: '1' } });
    try {
      const res = await fetch(`${app.base}/health`, { headers: { 'x-forwarded-proto': 'https' } });
      assert.match(res.headers.get('strict-transport-security'), /max-age=31536000/);
      const plain = await fetch(`${app.base}/health`);
      assert.equal(plain.headers.get('strict-transport-security'), null);
    } finally {
      await app.close();
    }
  });

  test('without a built front-end, pages answer 503 with the fix', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'restaurant-os-empty-'));
    fs.rmSync(empty, { recursive: true });
    const app = await startApp({ distDir: empty });
    try {
      const res = await fetch(`${app.base}/`);
      assert.equal(res.status, 503);
      assert.match((await res.json()).error, /scripts\/build\.mjs/);
    } finally {
      await app.close();
    }
  });
});
