import type { IncomingHttpHeaders } from 'node:http';
import type { CheckOutcome } from '../../check.js';
import { type HttpResponse, headerValue, httpRequest } from './http-request.js';
import { joinBase } from './http-target.js';

export const FOREIGN_ORIGIN = 'https://evil.example';

interface CorsProbe {
  label: string;
  allowOrigin?: string;
  allowCredentials: boolean;
}

function corsOf(label: string, headers: IncomingHttpHeaders): CorsProbe {
  return {
    label,
    allowOrigin: headerValue(headers, 'access-control-allow-origin')?.trim(),
    allowCredentials:
      headerValue(headers, 'access-control-allow-credentials')?.trim().toLowerCase() === 'true',
  };
}

function corsProblem(probe: CorsProbe, origin: string): string | undefined {
  if (probe.allowOrigin === origin) return `${probe.label} reflects Origin ${origin}`;
  if (probe.allowOrigin === '*' && probe.allowCredentials) return `${probe.label} allows * with credentials`;
  if (probe.allowOrigin === 'null' && probe.allowCredentials)
    return `${probe.label} allows Origin null with credentials`;
  return undefined;
}

/** A GET and a preflight from a foreign Origin must not be granted (no reflection, no `*` + credentials). */
export async function evaluateCors(url: URL, timeoutMs: number, signal: AbortSignal): Promise<CheckOutcome> {
  const origin = FOREIGN_ORIGIN;
  const get = await httpRequest(url, { headers: { origin }, timeoutMs, signal });
  const preflight = await httpRequest(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
    timeoutMs,
    signal,
  });
  const probes = [corsOf('GET', get.headers), corsOf(`preflight (${preflight.status})`, preflight.headers)];
  const details = probes
    .map(
      (p) =>
        `${p.label}: Access-Control-Allow-Origin ${p.allowOrigin ?? '(none)'}${p.allowCredentials ? ', credentials' : ''}`,
    )
    .join('\n');
  const problems = probes.map((p) => corsProblem(p, origin)).filter((p): p is string => p !== undefined);
  if (problems.length > 0)
    return { status: 'fail', summary: `CORS too open: ${problems.join('; ')}`, details };
  const wildcard = probes.some((p) => p.allowOrigin === '*') ? ' (public * without credentials)' : '';
  return {
    status: 'pass',
    summary: `foreign Origin ${origin} not granted on GET or preflight${wildcard}`,
    details,
  };
}

/** One cookie the app set: its name, where it came from, and whether it has SameSite=Lax/Strict (values never reported). */
interface SeenCookie {
  name: string;
  strict: boolean;
  /** `GET /login`, `POST /login`: the probe whose response set it. */
  from: string;
  /** `name=value`, only to send it back on the foreign-origin POST; never reported. */
  pair: string;
}

function cookiesOf(res: HttpResponse, from: string): SeenCookie[] {
  return (res.headers['set-cookie'] ?? []).map((cookie) => {
    const pair = cookie.split(';', 1)[0]?.trim() ?? '';
    return {
      name: pair.split('=', 1)[0]?.trim() || '?',
      strict: /;\s*samesite\s*=\s*(lax|strict)\b/i.test(cookie),
      from,
      pair,
    };
  });
}

const REJECTED = new Set([400, 401, 403, 419]);

/** Routes where apps set their session cookie, probed when the page itself sets none. */
const SESSION_PATHS = ['/login', '/signin', '/auth/login', '/users/sign_in', '/session', '/api/session'];
const SESSION_WORDS = /log-?in|sign-?in|session|auth/i;
const MAX_GETS = 6;

interface FormInfo {
  action: URL;
  fields: string[];
}

/** Same-origin links and POST forms of an HTML page (bounded regexes, no DOM). */
function linksAndForms(page: HttpResponse, base: URL): { links: URL[]; forms: FormInfo[] } {
  const html = page.body.slice(0, 256 * 1024);
  const sameOrigin = (href: string) => {
    try {
      const url = new URL(href, base);
      return url.origin === base.origin ? url : undefined;
    } catch {
      return undefined;
    }
  };
  const links = [...html.matchAll(/<a\b[^>]*\bhref\s*=\s*["']([^"'#]+)["']/gi)]
    .map((m) => sameOrigin(m[1] ?? ''))
    .filter((url): url is URL => url !== undefined);
  const forms: FormInfo[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = match[1] ?? '';
    if (!/\bmethod\s*=\s*["']?post\b/i.test(attrs)) continue;
    const action = sameOrigin(/\baction\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1] ?? base.pathname);
    if (!action) continue;
    const fields = [
      ...(match[2] ?? '').matchAll(/<(?:input|textarea|select)\b[^>]*\bname\s*=\s*["']([^"']+)["']/gi),
    ].map((m) => m[1] ?? '');
    forms.push({ action, fields });
  }
  return { links, forms };
}

/** A form body with placeholder values, as a visitor who typed nothing real would send it. */
function placeholderBody(fields: readonly string[]): string {
  const names = fields.length > 0 ? fields : ['username', 'email', 'password'];
  return new URLSearchParams(
    names.map((name) => [name, /mail/i.test(name) ? 'probe@shipgate.invalid' : 'shipgate-probe']),
  ).toString();
}

/**
 * Finds the cookies an app sets on its way to a session, the way a visitor gets them: the page's own
 * Set-Cookie, then GETs of its login/session links (and the usual login routes), then one POST of its
 * login form with placeholder values (many apps start a session, or a flash message, on a failed login).
 */
async function discoverCookies(
  page: HttpResponse,
  pageUrl: URL,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ cookies: SeenCookie[]; forms: FormInfo[]; probed: string[] }> {
  const cookies = cookiesOf(page, `GET ${pageUrl.pathname}`);
  const { links, forms } = linksAndForms(page, pageUrl);
  const probed: string[] = [];
  if (cookies.length > 0) return { cookies, forms, probed };
  const candidates = new Map<string, URL>();
  for (const url of [
    ...links.filter((l) => SESSION_WORDS.test(l.pathname)),
    // Relative to the target's base path, as every check path is (`/app/` + `/login` → `/app/login`).
    ...SESSION_PATHS.map((p) => joinBase(pageUrl, p)),
  ]) {
    if (url.pathname !== pageUrl.pathname) candidates.set(url.pathname, url);
  }
  for (const url of [...candidates.values()].slice(0, MAX_GETS)) {
    const res = await httpRequest(url, { timeoutMs, signal }).catch(() => undefined);
    if (!res) continue;
    probed.push(`GET ${url.pathname} → ${res.status}`);
    cookies.push(...cookiesOf(res, `GET ${url.pathname}`));
    if (res.status < 300) forms.push(...linksAndForms(res, url).forms);
    if (cookies.length > 0) return { cookies, forms, probed };
  }
  const login = forms.find((form) => SESSION_WORDS.test(form.action.pathname));
  if (login) {
    const res = await httpRequest(login.action, {
      method: 'POST',
      headers: { origin: pageUrl.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: placeholderBody(login.fields),
      timeoutMs,
      signal,
    }).catch(() => undefined);
    if (res) {
      probed.push(`POST ${login.action.pathname} → ${res.status}`);
      cookies.push(...cookiesOf(res, `POST ${login.action.pathname}`));
    }
  }
  return { cookies, forms, probed };
}

/**
 * CSRF heuristic (documented in the check): a state-changing POST from a foreign Origin without any CSRF
 * token, carrying the session cookie the app set, must be rejected (400/401/403/419); otherwise every
 * cookie the app sets — on the page, its login/session routes or a login POST — must be SameSite=Lax or
 * Strict, so browsers would not attach them to a cross-site POST. Judged from the page's response
 * whatever its status (a 500 still sets cookies and answers POSTs). Nothing to probe → skipped.
 */
export async function evaluateCsrf(
  page: HttpResponse,
  pageUrl: URL,
  postUrl: URL | undefined,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<CheckOutcome> {
  const found = await discoverCookies(page, pageUrl, timeoutMs, signal);
  const { cookies } = found;
  const where = (c: SeenCookie) =>
    c.from === `GET ${pageUrl.pathname}` ? c.name : `${c.name} (set by ${c.from})`;
  const probedNote = found.probed.length > 0 ? `probed: ${found.probed.join(', ')}` : undefined;
  let postNote = '';
  if (postUrl) {
    const cookieHeader = cookies.map((c) => c.pair).join('; ');
    const post = await httpRequest(postUrl, {
      method: 'POST',
      headers: {
        origin: FOREIGN_ORIGIN,
        'content-type': 'application/json',
        ...(cookieHeader ? { cookie: cookieHeader } : {}),
      },
      body: '{}',
      timeoutMs,
      signal,
    });
    const withCookie = cookieHeader ? ' with the session cookie' : '';
    const what = `cross-origin POST ${postUrl.pathname}${withCookie} without a CSRF token → ${post.status}`;
    if (REJECTED.has(post.status))
      return { status: 'pass', summary: `${what} (rejected)`, details: probedNote };
    if (post.status === 404 || post.status === 405) {
      return { status: 'error', summary: `${what}: set postPath to a state-changing endpoint` };
    }
    cookies.push(...cookiesOf(post, `POST ${postUrl.pathname}`));
    postNote = `${what} (not rejected)`;
  }
  if (cookies.length === 0) {
    if (postNote) return { status: 'fail', summary: `${postNote}, and no SameSite session cookies` };
    const looked =
      found.probed.length > 0 ? ` (nor by ${found.probed.map((p) => p.split(' →')[0]).join(', ')})` : '';
    return {
      status: 'skipped',
      summary: `no cookies set by ${pageUrl.pathname}${looked} and no postPath param: set postPath to a state-changing endpoint`,
    };
  }
  // The first probe that set a cookie names it (a cookie set again by the POST is the same cookie).
  const firstSeen = new Map<string, string>();
  for (const c of cookies) if (!c.strict && !firstSeen.has(c.name)) firstSeen.set(c.name, where(c));
  const loose = [...firstSeen.values()];
  const prefix = postNote ? `${postNote}; ` : '';
  if (loose.length > 0) {
    return {
      status: 'fail',
      summary: `${prefix}cookies without SameSite=Lax/Strict: ${loose.join(', ')}`,
      details: probedNote,
    };
  }
  return {
    status: 'pass',
    summary: `${prefix}all ${cookies.length} cookies are SameSite=Lax/Strict`,
    details: probedNote,
  };
}
