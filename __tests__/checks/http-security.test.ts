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
    expect(csrf?.summary).toBe(
      'cross-origin POST /api/orders with the session cookie without a CSRF token → 403 (rejected)',
    );
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
      summary:
        "CSP weak: script-src allows 'unsafe-inline'; script-src allows 'unsafe-eval'; default-src allows any plugin source (*)",
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
      'cross-origin POST /api/orders with the session cookie without a CSRF token → 201 (not rejected); cookies without SameSite=Lax/Strict: sid',
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
          ? "script-src 'nonce-r4nd0m' 'unsafe-inline' 'strict-dynamic' https:; object-src 'none'; style-src 'self'"
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

  // Issue 22: an SSR app whose backend is unreachable answers every page with 500.
  describe('a page that answers 500', () => {
    let down: RunningServer;
    let downOpen: RunningServer;
    beforeAll(async () => {
      down = await startHttpServer((_req, res) =>
        res
          .writeHead(500, { 'content-type': 'text/html', 'set-cookie': 'sid=s3cr3t; Path=/; HttpOnly' })
          .end('<h1>Internal Server Error</h1>'),
      );
      // The same failure behind helmet and a CORS allow-list that reflects any Origin.
      downOpen = await startHttpServer((req, res) =>
        res
          .writeHead(500, {
            'content-security-policy': STRICT_CSP,
            'access-control-allow-origin': req.headers.origin ?? '*',
            'access-control-allow-credentials': 'true',
          })
          .end('error'),
      );
    });
    afterAll(async () => {
      await Promise.all([down.close(), downOpen.close()]);
    });

    test('headers it lacks are not judged (error with the cause), HSTS over http is not applicable', async () => {
      for (const header of ['csp', 'xss', 'nosniff', 'frame']) {
        const outcome = await run({ header }, down.url);
        expect(outcome.status).toBe('error');
        expect(outcome.summary).toMatch(
          /^GET \/ → 500: the page failed on the server and its answer carries no .*; not judged/,
        );
      }
      expect(await run({ header: 'hsts' }, down.url)).toEqual({
        status: 'skipped',
        summary: 'HSTS applies to HTTPS only (target is plain http)',
      });
    });

    test('CORS and CSRF are behaviour, judged on the 500 answer; headers it carries are judged', async () => {
      expect(await run({ header: 'cors' }, down.url)).toMatchObject({
        status: 'pass',
        summary:
          'foreign Origin https://evil.example not granted on GET or preflight (judged on the 500 answer of the page)',
      });
      expect(await run({ header: 'csrf' }, down.url)).toMatchObject({
        status: 'fail',
        summary: 'cookies without SameSite=Lax/Strict: sid (judged on the 500 answer of the page)',
      });
      expect((await run({ header: 'cors' }, downOpen.url)).status).toBe('fail');
      expect(await run({ header: 'csp' }, downOpen.url)).toMatchObject({
        status: 'pass',
        summary: expect.stringContaining('(judged on the 500 answer of the page)'),
      });
    });
  });

  // Graded as Mozilla HTTP Observatory's published scoring does.
  test.each([
    [
      "helmet's default (unsafe-inline in style-src only) passes and says so",
      "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
      'pass',
      "CSP restricts scripts and plugins; style-src allows 'unsafe-inline', which Mozilla HTTP Observatory grades as implemented (csp-implemented-with-unsafe-inline-in-style-src-only, modifier 0)",
    ],
    [
      'unsafe-inline in script-src fails',
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'",
      'fail',
      "CSP weak: script-src allows 'unsafe-inline'",
    ],
    [
      'unsafe-inline in default-src without script-src fails',
      "default-src 'self' 'unsafe-inline'",
      'fail',
      "CSP weak: default-src allows 'unsafe-inline'",
    ],
    [
      'script-src without object-src or default-src fails (object-src unrestricted)',
      "script-src 'self'; style-src 'self'",
      'fail',
      "CSP weak: object-src is not restricted (no object-src or default-src; set object-src 'none')",
    ],
    [
      'scripts over plain http fail',
      "default-src 'self'; script-src 'self' http://cdn.example.com",
      'fail',
      'CSP weak: script-src loads scripts over plain http (http://cdn.example.com)',
    ],
  ])('CSP: %s', async (_name, policy, status, summary) => {
    const server = await startHttpServer((_req, res) =>
      res.writeHead(200, { 'content-security-policy': policy }).end('<html></html>'),
    );
    try {
      expect(await run({ header: 'csp' }, server.url)).toMatchObject({ status, summary });
    } finally {
      await server.close();
    }
  });

  // Issue 22: the page sets no cookie; its login route does, and that cookie lets a foreign POST create data.
  test('CSRF finds the login cookie and fails an app that accepts a foreign-origin POST with it', async () => {
    const notes: string[] = [];
    const app = await startHttpServer((req, res) => {
      const url = req.url ?? '/';
      if (req.method === 'GET' && url === '/') {
        return res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<a href="/account/login">Sign in</a>');
      }
      if (req.method === 'GET' && url === '/account/login') {
        return res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<form method="post" action="/account/login"><input name="email"><input name="password" type="password"></form>',
          );
      }
      if (req.method === 'POST' && url === '/account/login') {
        // A failed login still stores a flash message in a new session (express-session + connect-flash).
        return res
          .writeHead(302, {
            location: '/account/login',
            'set-cookie': 'connect.sid=s%3Aabc; Path=/; HttpOnly',
          })
          .end();
      }
      if (req.method === 'POST' && url === '/notes') {
        if (!/connect\.sid=/.test(req.headers.cookie ?? '')) return res.writeHead(401).end();
        notes.push('created');
        return res.writeHead(201).end('{}');
      }
      res.writeHead(404).end();
    });
    try {
      expect(await run({ header: 'csrf' }, app.url)).toMatchObject({
        status: 'fail',
        summary: 'cookies without SameSite=Lax/Strict: connect.sid (set by POST /account/login)',
      });
      const withPost = await run({ header: 'csrf', postPath: '/notes' }, app.url);
      expect(withPost).toMatchObject({
        status: 'fail',
        summary:
          'cross-origin POST /notes with the session cookie without a CSRF token → 201 (not rejected); cookies without SameSite=Lax/Strict: connect.sid (set by POST /account/login)',
      });
      expect(notes).toEqual(['created']);
      expect(JSON.stringify(withPost)).not.toContain('abc');
    } finally {
      await app.close();
    }
  });
});
