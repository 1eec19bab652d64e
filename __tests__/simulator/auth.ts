/** Authorization header → identity: app JWTs (RS256, verified when a key is known) or registered tokens. */
import crypto from 'node:crypto';
import type { Identity } from './http.js';
import type { SimState } from './state.js';

export type AuthResult = { ok: true; identity: Identity } | { ok: false; message: string };

function b64urlJson(part: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function verifyAppJwt(jwt: string, publicKey: crypto.KeyObject | undefined): AuthResult {
  const [h = '', p = '', s = ''] = jwt.split('.');
  const header = b64urlJson(h);
  const payload = b64urlJson(p);
  if (!header || !payload || header.alg !== 'RS256')
    return { ok: false, message: 'A JSON web token could not be decoded' };
  if (
    publicKey &&
    !crypto.verify('RSA-SHA256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))
  ) {
    return { ok: false, message: 'A JSON web token could not be decoded' };
  }
  const nowSec = Math.floor(Date.now() / 1000);
  const exp = Number(payload.exp);
  if (!Number.isFinite(exp) || exp < nowSec) {
    return {
      ok: false,
      message:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    };
  }
  const appId = Number(payload.iss);
  if (!Number.isInteger(appId)) return { ok: false, message: "'Issuer' claim ('iss') must be an Integer" };
  return { ok: true, identity: { kind: 'app', appId } };
}

export function identify(
  header: string | undefined,
  state: SimState,
  publicKey: crypto.KeyObject | undefined,
): AuthResult {
  if (!header) return { ok: true, identity: { kind: 'anonymous' } };
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  if (!m?.[1]) return { ok: false, message: 'Bad credentials' };
  const credential = m[1];
  if (credential.split('.').length === 3 && credential.startsWith('eyJ')) {
    const res = verifyAppJwt(credential, publicKey);
    if (res.ok && res.identity.kind === 'app' && !state.apps.has(res.identity.appId)) {
      return { ok: false, message: 'Integration not found' };
    }
    return res;
  }
  const token = state.tokens.get(credential);
  if (!token || Date.parse(token.expires_at) < Date.now()) return { ok: false, message: 'Bad credentials' };
  const { expires_at: _e, ...identity } = token;
  return { ok: true, identity };
}

/** Short printable description of an identity for the request log. */
export function describeIdentity(identity: Identity): string {
  switch (identity.kind) {
    case 'app':
      return `app:${identity.appId}`;
    case 'installation':
      return `installation:${identity.installationId}`;
    case 'actions':
      return `actions:${identity.repo}`;
    case 'user':
      return `user:${identity.login}`;
    default:
      return 'anonymous';
  }
}
