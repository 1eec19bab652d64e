/** The bot verifies GitHub Actions ID tokens with jose (issue 20): algorithm pinned, issuer, audience. */
import crypto from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createLocalJWKSet } from 'jose';
import { verifyIdToken } from '../../src/bot/pr/id-token.js';
import { ISSUER, JWKS, runClaims, signToken } from '../helpers/oidc-tokens.js';

const keys = createLocalJWKSet({ keys: JWKS });
const AUDIENCE = 'shipgate-evidence:abc';
const expected = { issuer: ISSUER, audience: AUDIENCE };
const claims = runClaims(AUDIENCE);

describe('verifyIdToken', () => {
  it('accepts a token signed by the issuer for this audience, judged at its issue time', async () => {
    // issued long ago and expired since: the token is evidence signed during the run
    const token = signToken({
      ...claims,
      exp: claims.iat + 300,
      job_workflow_ref: 'acme/shipgate/.github/workflows/shipgate.yml@v1',
    });
    expect(await verifyIdToken(token, keys, expected)).toEqual({
      ok: true,
      claims: expect.objectContaining({
        repository: 'acme/web',
        job_workflow_ref: 'acme/shipgate/.github/workflows/shipgate.yml@v1',
      }),
    });
  });
  const attacker = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const hmac = (() => {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const head = `${part({ alg: 'HS256', kid: 'k1' })}.${part(claims)}`;
    return `${head}.${crypto.createHmac('sha256', 'secret').update(head).digest('base64url')}`;
  })();
  it.each([
    ['another audience', signToken({ ...claims, aud: 'shipgate-evidence:other' }), 'audience does not match'],
    ['another issuer', signToken({ ...claims, iss: 'https://evil.example' }), 'was not issued by'],
    ['an attacker key', signToken(claims, attacker), 'is not signed by'],
    ['HS256 (algorithm confusion)', hmac, 'is not signed with RS256'],
    [
      'a token expired when issued',
      signToken({ ...claims, exp: claims.iat - 3600 }),
      'had expired when it was issued',
    ],
    ['missing claims', signToken({ iss: ISSUER, aud: AUDIENCE, iat: claims.iat }), 'lacks claims'],
    ['not a JWT', 'not-a-token', 'is not a JWT'],
  ])('refuses %s', async (_name, token, reason) => {
    const check = await verifyIdToken(token, keys, expected);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toContain(reason);
  });
});
