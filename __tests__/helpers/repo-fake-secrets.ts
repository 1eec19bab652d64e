import { base62Checksum, crc32 } from '../../checks/lib/secrets/checksum.js';

/**
 * Fake credentials in each provider's documented shape, generated at run time from a seeded PRNG
 * so that no secret-looking literal is ever committed in this repository.
 */

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
const BASE32 = `${UPPER}234567`;
const URL_SAFE = `${ALNUM}-_`;
const BASE64 = `${ALNUM}+/`;
const HEX = '0123456789abcdef';

/** mulberry32: tiny deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FakeSecrets {
  private readonly random: () => number;
  constructor(seed = 20261125) {
    this.random = seededRandom(seed);
  }

  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.random() * alphabet.length)];
    return out;
  }

  alnum(length: number): string {
    return this.chars(ALNUM, length);
  }

  awsAccessKeyId(): string {
    return `AK${'IA'}${this.chars(BASE32, 16)}`;
  }
  awsSecretAccessKey(): string {
    return this.chars(BASE64, 40);
  }
  /** With the base62 CRC32 GitHub appends, so it passes as a real token. */
  githubToken(kind: 'p' | 'o' | 'u' | 's' | 'r' = 'p'): string {
    const body = this.alnum(30);
    return `gh${kind}_${body}${base62Checksum(crc32(body))}`;
  }
  githubFineGrainedPat(): string {
    return `github_pat_${this.alnum(22)}_${this.alnum(59)}`;
  }
  slackToken(kind = 'b'): string {
    if (kind === 'p')
      return `xoxp-${this.chars(DIGITS, 11)}-${this.chars(DIGITS, 12)}-${this.chars(DIGITS, 12)}-${this.chars(HEX, 32)}`;
    return `xox${kind}-${this.chars(DIGITS, 11)}-${this.chars(DIGITS, 12)}-${this.alnum(24)}`;
  }
  slackWebhook(): string {
    return `https://hooks.slack.com/services/T${this.chars(UPPER + DIGITS, 8)}/B${this.chars(UPPER + DIGITS, 8)}/${this.alnum(24)}`;
  }
  stripeKey(kind: 'sk' | 'rk' = 'sk'): string {
    return `${kind}_${'live'}_${this.alnum(24)}`;
  }
  squareAccessToken(): string {
    return `EA${'AA'}${this.chars(URL_SAFE, 60)}`;
  }
  squareApplicationSecret(): string {
    return `sq0${'csp'}-${this.chars(URL_SAFE, 43)}`;
  }
  jwt(payload: Record<string, unknown>): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${this.chars(URL_SAFE, 43)}`;
  }
  supabaseJwt(role: 'service_role' | 'anon'): string {
    return this.jwt({ iss: 'supabase', ref: this.chars(LOWER, 20), role, iat: 1700000000, exp: 2000000000 });
  }
  supabaseAccessToken(): string {
    return `sb${'p'}_${this.chars(HEX, 40)}`;
  }
  supabaseSecretKey(): string {
    return `sb_${'secret'}_${this.chars(URL_SAFE, 31)}`;
  }
  openaiProjectKey(): string {
    return `sk-${'proj'}-${this.chars(URL_SAFE, 74)}${'T3Blbk'}FJ${this.chars(URL_SAFE, 74)}`;
  }
  openaiLegacyKey(): string {
    return `sk-${this.alnum(20)}${'T3Blbk'}FJ${this.alnum(20)}`;
  }
  openaiPlainKey(): string {
    return `sk-${this.alnum(48)}`;
  }
  /** A PEM block of random base64; `inject` is spliced into the body (e.g. DER-like `AAAAAA` runs). */
  privateKeyPem(label = 'RSA PRIVATE KEY', inject = ''): string {
    const dashes = '-'.repeat(5);
    const body = Array.from({ length: 6 }, () => this.chars(BASE64, 64)).join('\n');
    const injected = `${body.slice(0, 70)}${inject}${body.slice(70)}`;
    return `${dashes}BEGIN ${label}${dashes}\n${injected}\n${dashes}END ${label}${dashes}`;
  }
  password(length = 24): string {
    return this.alnum(length);
  }
}
