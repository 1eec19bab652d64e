/**
 * Verifies a GitHub Actions ID token with `jose` (the maintained JOSE implementation): RS256 only,
 * issuer and audience checked, keys from the issuer's JWKS through `createRemoteJWKSet`, which
 * caches them, looks again once for an unknown key id (rotation) and not more often than its
 * cooldown — so a stream of tokens with bad signatures cannot make the bot fetch the JWKS each time.
 *
 * Expiry is judged at the token's own issue time (`currentDate` = `iat`): the token is evidence
 * signed during the run, not a credential, and the bot may read it again later (a restart, the
 * merge queue); replaying it vouches for the same evidence of the same commit only, and the
 * newest run wins (judge-evidence.ts).
 */
import { createRemoteJWKSet, decodeJwt, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { ActionsClaims, type TokenCheck } from '../../core/evidence/provenance.js';

/**
 * The issuer's key set (`<issuer>/.well-known/jwks`), one per issuer in `keySets` (the bot's
 * memory): jose keeps the cache and the cooldown in it.
 */
export function issuerKeySet(keySets: Map<string, JWTVerifyGetKey>, issuer: string): JWTVerifyGetKey {
  const base = issuer.replace(/\/+$/, '');
  let keys = keySets.get(base);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${base}/.well-known/jwks`), {
      timeoutDuration: 10_000,
      cooldownDuration: 30_000,
      cacheMaxAge: 3600_000,
    });
    keySets.set(base, keys);
  }
  return keys;
}

export async function verifyIdToken(
  token: string,
  keys: JWTVerifyGetKey,
  expected: { issuer: string; audience: string },
): Promise<TokenCheck> {
  let issuedAt: number | undefined;
  try {
    issuedAt = decodeJwt(token).iat;
  } catch {
    return { ok: false, reason: 'the provenance token is not a JWT' };
  }
  if (typeof issuedAt !== 'number') return { ok: false, reason: 'the provenance token lacks claims: iat' };
  try {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: ['RS256'],
      issuer: expected.issuer,
      audience: expected.audience,
      currentDate: new Date(issuedAt * 1000),
      clockTolerance: 60,
    });
    const claims = ActionsClaims.safeParse(payload);
    if (!claims.success)
      return {
        ok: false,
        reason: `the provenance token lacks claims: ${claims.error.issues[0]?.path.join('.')}`,
      };
    return { ok: true, claims: claims.data };
  } catch (error) {
    return { ok: false, reason: refusal(error, expected) };
  }
}

function refusal(error: unknown, expected: { issuer: string }): string {
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return 'the provenance token was issued for other results (audience does not match)';
    if (error.claim === 'iss') return `the provenance token was not issued by ${expected.issuer}`;
    return `the provenance token's ${error.claim} claim is invalid (${error.message})`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the provenance token is not signed with RS256';
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  )
    return `the provenance token is not signed by ${expected.issuer}`;
  if (error instanceof errors.JWTExpired) return 'the provenance token had expired when it was issued';
  if (error instanceof errors.JOSEError) return `the provenance token cannot be verified (${error.code})`;
  // the key set could not be fetched: not the token's fault, and not a reason to trust it
  return `the issuer's keys could not be read (${(error as Error).message ?? String(error)})`;
}
