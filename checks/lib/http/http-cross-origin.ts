import type { IncomingHttpHeaders } from 'node:http';
import type { CheckOutcome } from '../../check.js';
import { type HttpResponse, headerValue, httpRequest } from './http-request.js';

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

/** Cookie names and whether each has SameSite=Lax/Strict (values are never reported). */
function cookieSameSite(responses: HttpResponse[]): { name: string; strict: boolean }[] {
  return responses.flatMap((res) =>
    (res.headers['set-cookie'] ?? []).map((cookie) => ({
      name: cookie.split('=', 1)[0]?.trim() ?? '?',
      strict: /;\s*samesite\s*=\s*(lax|strict)\b/i.test(cookie),
    })),
  );
}

const REJECTED = new Set([400, 401, 403, 419]);

/**
 * CSRF heuristic (documented in the check): a state-changing POST from a foreign Origin without any CSRF
 * token must be rejected (400/401/403/419); otherwise every cookie the app sets must be SameSite=Lax or
 * Strict, so browsers would not attach them to a cross-site POST. Nothing to probe → skipped.
 */
export async function evaluateCsrf(
  page: HttpResponse,
  postUrl: URL | undefined,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<CheckOutcome> {
  const responses = [page];
  let postNote = '';
  if (postUrl) {
    const post = await httpRequest(postUrl, {
      method: 'POST',
      headers: { origin: FOREIGN_ORIGIN, 'content-type': 'application/json' },
      body: '{}',
      timeoutMs,
      signal,
    });
    const what = `cross-origin POST ${postUrl.pathname} without a CSRF token → ${post.status}`;
    if (REJECTED.has(post.status)) return { status: 'pass', summary: `${what} (rejected)` };
    if (post.status === 404 || post.status === 405) {
      return { status: 'error', summary: `${what}: set postPath to a state-changing endpoint` };
    }
    responses.push(post);
    postNote = `${what} (not rejected)`;
  }
  const cookies = cookieSameSite(responses);
  if (cookies.length === 0) {
    if (postNote) return { status: 'fail', summary: `${postNote}, and no SameSite session cookies` };
    return {
      status: 'skipped',
      summary: 'no cookies set and no postPath param: set postPath to a state-changing endpoint',
    };
  }
  const loose = [...new Set(cookies.filter((c) => !c.strict).map((c) => c.name))];
  const prefix = postNote ? `${postNote}; ` : '';
  if (loose.length > 0) {
    return { status: 'fail', summary: `${prefix}cookies without SameSite=Lax/Strict: ${loose.join(', ')}` };
  }
  return { status: 'pass', summary: `${prefix}all ${cookies.length} cookies are SameSite=Lax/Strict` };
}
