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
