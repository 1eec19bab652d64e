/**
 * The checksum GitHub and npm tokens carry: CRC32 of the random part, base62-encoded in the last six
 * characters. https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/ and
 * https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/
 */

/** GMP-order base62, the alphabet both providers use for the checksum. */
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_LENGTH = 6;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE) of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++)
    crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Base62 of `value`, left-padded with `0` to six characters. */
export function base62Checksum(value: number): string {
  let out = '';
  for (let n = value; n > 0; n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
  return out.padStart(CHECKSUM_LENGTH, '0');
}

/**
 * True when the last six characters of `body` (the token without its `ghp_`/`npm_` prefix) are
 * the base62 CRC32 of the characters before them.
 * @example hasValidChecksum(token.slice(4))
 */
export function hasValidChecksum(body: string): boolean {
  if (body.length <= CHECKSUM_LENGTH) return false;
  const random = body.slice(0, -CHECKSUM_LENGTH);
  return base62Checksum(crc32(random)) === body.slice(-CHECKSUM_LENGTH);
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

/**
 * True when `text` (`hrp` + `1` + data, any one case) carries a valid Bech32 checksum (BIP-173), as
 * age secret keys do (https://age-encryption.org/v1: `AGE-SECRET-KEY-1…`).
 */
export function hasValidBech32(text: string): boolean {
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || lower.length - separator < 7) return false;
  const hrp = lower.slice(0, separator);
  const values: number[] = [];
  for (const c of hrp) values.push(c.charCodeAt(0) >> 5);
  values.push(0);
  for (const c of hrp) values.push(c.charCodeAt(0) & 31);
  for (const c of lower.slice(separator + 1)) {
    const value = BECH32.indexOf(c);
    if (value === -1) return false;
    values.push(value);
  }
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) checksum ^= BECH32_GENERATORS[i] ?? 0;
  }
  return checksum === 1;
}
