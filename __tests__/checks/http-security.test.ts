import type http from 'node:http';
import https from 'node:https';
import { httpSecurityCheck } from '../../checks/http-security.js';
import { createTestPki, type TestPki } from '../helpers/runtime-certs.js';
import { runtimeContext } from '../helpers/runtime-context.js';
import { type RunningServer, startHttpServer, startHttpsServer } from '../helpers/runtime-servers.js';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; object-src 'none'";

/** Headers of a well-configured app; CORS allow-list without the probe origin; CSRF via Origin check. */
const hardened: http.RequestListener = (req, res) => {
  const headers: Record<string, string> = {
    'content-security-policy': STRICT_CSP,
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'set-cookie': 'sid=abc; Path=/; HttpOnly; SameSite=Lax',
  };
  if (req.headers.origin === 'https://app.example')
    headers['access-control-allow-origin'] = 'https://app.example';
  if (req.method === 'POST') return res.writeHead(req.headers.origin ? 403 : 201, headers).end();
  res.writeHead(req.method === 'OPTIONS' ? 204 : 200, headers).end('<html></html>');
};

/** Typical mistakes: permissive CSP, reflected CORS with credentials, short HSTS, cookies without SameSite. */
const careless: http.RequestListener = (req, res) => {
  res.writeHead(req.method === 'POST' ? 201 : 200, {
    'content-security-policy': "default-src *; script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    'strict-transport-security': 'max-age=300',
    'x-content-type-options': 'sniff',
    'x-frame-options': 'ALLOW-FROM https://x.example',
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-credentials': 'true',
    'set-cookie': ['sid=abc; Path=/; HttpOnly', 'theme=dark; SameSite=Strict'],
  });
  res.end('{}');
};

describe('http-security check', () => {
  let good: RunningServer;
  let bad: RunningServer;
  let bare: RunningServer;
  let pki: TestPki;
  beforeAll(async () => {
    good = await startHttpServer(hardened);
    bad = await startHttpServer(careless);
    bare = await startHttpServer((_req, res) => res.end('plain'));
    pki = createTestPki();
  });
  afterAll(async () => {
    await Promise.all([good.close(), bad.close(), bare.close()]);
    pki.cleanup();
  });

  const run = (params: Record<string, unknown>, targetUrl?: string) =>
    httpSecurityCheck.run(httpSecurityCheck.params.parse(params), runtimeContext({ targetUrl }));

  test('skips without a target URL', async () => {
    expect((await run({ header: 'csp' })).status).toBe('skipped');
  });

  test('a hardened server passes every header item', async () => {
    const headers = ['csp', 'hsts', 'cors', 'nosniff', 'frame', 'xss', 'csrf'];
    const outcomes = await Promise.all(
      headers.map((header) => run({ header, postPath: '/api/orders' }, good.url)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(headers.map(() => 'pass'));
    const [csp, hsts, cors, , frame, xss, csrf] = outcomes;
    expect(csp?.summary).toBe('CSP restricts scripts and styles (no unsafe-inline/unsafe-eval/wildcards)');
    expect(hsts?.summary).toBe('HSTS max-age 31536000 ≥ 15552000 s, includeSubDomains');
    expect(cors?.summary).toBe('foreign Origin https://evil.example not granted on GET or preflight');
    expect(frame?.summary).toBe("CSP frame-ancestors 'none', X-Frame-Options DENY");
    expect(xss?.details).toContain('X-XSS-Protection is deprecated');
    expect(csrf?.summary).toBe('cross-origin POST /api/orders without a CSRF token → 403 (rejected)');
  });

  test('one GET is shared between the header items of a run', async () => {
    let gets = 0;
    const counting = await startHttpServer((req, res) => {
      if (req.method === 'GET') gets += 1;
      hardened(req, res);
    });
    try {
      const ctx = runtimeContext({ targetUrl: counting.url });
      for (const header of ['csp', 'nosniff', 'frame', 'xss']) {
        await httpSecurityCheck.run(httpSecurityCheck.params.parse({ header }), ctx);
      }
      expect(gets).toBe(1);
    } finally {
      await counting.close();
    }
  });

  test('a careless server fails every header item', async () => {
    const get = (header: string) => run({ header, postPath: '/api/orders' }, bad.url);
    expect(await get('csp')).toMatchObject({
      status: 'fail',
      summary: "CSP weak: script-src allows 'unsafe-inline'; script-src allows 'unsafe-eval'",
    });
    expect(await get('xss')).toMatchObject({ status: 'fail' });
    expect(await get('hsts')).toMatchObject({ status: 'fail', summary: 'HSTS max-age 300 < 15552000 s' });
    expect((await get('cors')).summary).toBe(
      'CORS too open: GET reflects Origin https://evil.example; preflight (200) reflects Origin https://evil.example',
    );
    expect(await get('nosniff')).toMatchObject({ summary: 'X-Content-Type-Options is "sniff", not nosniff' });
    expect(await get('frame')).toMatchObject({ status: 'fail' });
    const csrf = await get('csrf');
    expect(csrf.status).toBe('fail');
    expect(csrf.summary).toBe(
      'cross-origin POST /api/orders without a CSRF token → 201 (not rejected); cookies without SameSite=Lax/Strict: sid',
    );
    expect(JSON.stringify(csrf)).not.toContain('abc');
  });

  test('a server without any headers: fails CSP, skips HSTS over http and CSRF without postPath', async () => {
    expect(await run({ header: 'csp' }, bare.url)).toMatchObject({
      status: 'fail',
      summary: 'no Content-Security-Policy header',
    });
    expect(await run({ header: 'hsts' }, bare.url)).toEqual({
      status: 'skipped',
      summary: 'HSTS applies to HTTPS only (target is plain http)',
    });
    expect((await run({ header: 'csrf' }, bare.url)).status).toBe('skipped');
    expect((await run({ header: 'frame' }, bare.url)).summary).toBe(
      'no X-Frame-Options and no frame-ancestors',
    );
  });

  test('HSTS is required over HTTPS', async () => {
    const server = await startHttpsServer(pki.leaf(30), (_req, res) => res.end('tls'));
    // Trust the throwaway test CA for this request only (in real use: NODE_EXTRA_CA_CERTS).
    const previousCa = https.globalAgent.options.ca;
    https.globalAgent.options.ca = pki.ca;
    try {
      const outcome = await run({ header: 'hsts' }, server.url);
      expect(outcome).toMatchObject({ status: 'fail', summary: 'no Strict-Transport-Security header' });
    } finally {
      https.globalAgent.options.ca = previousCa;
      await server.close();
    }
  });

  test('CSP with a nonce tolerates the unsafe-inline fallback; a missing script policy fails', async () => {
    const server = await startHttpServer((req, res) => {
      const csp =
        req.url === '/nonce'
          ? "script-src 'nonce-r4nd0m' 'unsafe-inline' 'strict-dynamic'; style-src 'self'"
          : "img-src 'self'";
      res.writeHead(200, { 'content-security-policy': csp }).end();
    });
    try {
      expect((await run({ header: 'csp', path: '/nonce' }, server.url)).status).toBe('pass');
      expect(await run({ header: 'xss', path: '/none' }, server.url)).toMatchObject({
        status: 'fail',
        summary: 'CSP does not block injected scripts: no script-src or default-src directive',
      });
    } finally {
      await server.close();
    }
  });
});
