/** Signed GitHub Actions ID tokens for core tests: a key pair of our own stands in for the issuer. */
import crypto from 'node:crypto';
import type { ActionsClaims, TokenCheck } from '../../src/core/evidence/provenance.js';

export const ISSUER = 'https://token.actions.githubusercontent.com';
const issuerKeys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
export const JWKS = [{ ...issuerKeys.publicKey.export({ format: 'jwk' }), kid: 'k1' }];

export function signToken(
  claims: Record<string, unknown>,
  key: crypto.KeyObject = issuerKeys.privateKey,
  header: Record<string, unknown> = { alg: 'RS256', kid: 'k1' },
): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${part(header)}.${part(claims)}`;
  return `${head}.${crypto.sign('RSA-SHA256', Buffer.from(head), key).toString('base64url')}`;
}

/** Claims of a `pull_request` run of `.github/workflows/ci.yml` in acme/web for PR 42. */
export function runClaims(audience: string, overrides: Partial<ActionsClaims> = {}): ActionsClaims {
  return {
    iss: ISSUER,
    aud: audience,
    iat: Math.floor(Date.parse('2026-11-25T12:00:00Z') / 1000),
    repository: 'acme/web',
    repository_id: '1',
    ref: 'refs/pull/42/merge',
    sha: 'f'.repeat(40),
    run_id: '77',
    event_name: 'pull_request',
    workflow_ref: 'acme/web/.github/workflows/ci.yml@refs/pull/42/merge',
    ...overrides,
  };
}

/** The verified token the bot would hand to judgeEvidence (the adapter verifies with jose). */
export function verified(audience: string, overrides: Partial<ActionsClaims> = {}): TokenCheck {
  return { ok: true, claims: runClaims(audience, overrides) };
}
