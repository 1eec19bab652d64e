/**
 * Security headers for every response. The CSP allows only same-origin scripts and styles (the
 * front-end has no inline script or style), WebSocket connections to the same host, and no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** 1 year, the HSTS preload minimum. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * HSTS only makes sense on HTTPS: sent when the socket is TLS, or when running in production behind a
 * TLS-terminating proxy (`TRUST_PROXY=1`) that says `X-Forwarded-Proto: https`.
 */
export function isHttps(req, env) {
  if (req.socket.encrypted) return true;
  return (
    env.NODE_ENV === 'production' && env.TRUST_PROXY === '1' && req.headers['x-forwarded-proto'] === 'https'
  );
}

export function setSecurityHeaders(req, res, env) {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  if (isHttps(req, env)) res.setHeader('Strict-Transport-Security', HSTS);
}

/** `CORS_ORIGINS=https://a.example,https://b.example` → a Set; exact matches only, never reflected. */
export function parseAllowList(value) {
  return new Set(
    (value ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  );
}

/**
 * CORS for /api/*: an allowed Origin gets itself back (from the allow-list, not from the request);
 * anything else gets no CORS headers, so browsers block it. No credentials are ever allowed.
 * Returns true when the request was a preflight and has been answered.
 */
export function handleCors(req, res, allowList) {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  const allowed = typeof origin === 'string' && allowList.has(origin);
  if (allowed) res.setHeader('Access-Control-Allow-Origin', origin);
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-CSRF-Token');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.writeHead(204).end();
  return true;
}

/**
 * CSRF for state-changing requests: browsers always send `Origin` on cross-site POSTs, so a present
 * Origin must be this host or on the allow-list. Without Origin (non-browser clients) the request must
 * carry the per-process token from `GET /api/session` in `X-CSRF-Token`.
 */
export function csrfAllowed(req, allowList, csrfToken) {
  const origin = req.headers.origin;
  if (typeof origin === 'string') {
    if (allowList.has(origin)) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }
  return req.headers['x-csrf-token'] === csrfToken;
}
