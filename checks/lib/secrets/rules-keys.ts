/** Key material, JWTs, connection strings and authorization headers. */
import { hasValidBech32 } from './checksum.js';
import { decodeJwt, isServiceRoleJwt } from './jwt.js';
import { prefixedPattern, type SecretRule } from './rule.js';

const DASHES = '-'.repeat(5);
const PEM_TAIL = `PRIVATE KEY(?: BLOCK)?${DASHES}`;
const LOCALHOST_RE = /@(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(?:[:/]|$)/i;
const JWT = String.raw`eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}`;

/**
 * A real key body is base64 (optionally after `Proc-Type:`/`DEK-Info:`/`Version:` headers, possibly
 * with JSON-escaped newlines); code that merely mentions both markers, or a `MIIE...` stub, is not.
 */
function isPemBody(body: string): boolean {
  const lines = body.replace(/\\r|\\n/g, '\n').split(/\r?\n/);
  const base64 = lines
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/\s+|\\/g, '');
  return base64.length >= 40 && /^[A-Za-z0-9+/=]+$/.test(base64);
}

/** A JWT whose header decodes to JSON naming an algorithm (not `none`: an unsigned token grants nothing). */
function isSignedJwt(token: string): boolean {
  const alg = decodeJwt(token)?.header.alg;
  return typeof alg === 'string' && alg.toLowerCase() !== 'none';
}

export const KEY_RULES: readonly SecretRule[] = [
  {
    // RFC 7468 (PEM), RFC 4880 §6.2 (PGP armor), https://man.openbsd.org/ssh-keygen (OPENSSH PRIVATE KEY)
    id: 'private-key',
    family: 'private-key',
    description: 'PEM, OpenSSH or PGP private key block',
    keywords: ['private key'],
    pattern: new RegExp(
      `${DASHES}BEGIN(?<label>[ A-Z0-9]{0,40})${PEM_TAIL}(?<secret>[\\s\\S]{40,16000}?)${DASHES}END\\k<label>${PEM_TAIL}`,
      'g',
    ),
    visible: 0,
    binaryBody: true,
    verify: ({ secret }) => isPemBody(secret),
  },
  {
    // https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html (PPK files)
    id: 'putty-private-key',
    family: 'private-key',
    description: 'PuTTY private key file (PuTTY-User-Key-File-…)',
    keywords: ['private-lines:'],
    pattern: /Private-Lines: \d+\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{40,8000})/g,
    visible: 0,
    binaryBody: true,
    verify: ({ text }) => text.includes('PuTTY-User-Key-File-'),
  },
  {
    // https://age-encryption.org/v1 (Bech32 AGE-SECRET-KEY-1 + 58 characters)
    id: 'age-secret-key',
    family: 'private-key',
    description: 'age secret key (AGE-SECRET-KEY-1…)',
    keywords: ['age-secret-key-1'],
    pattern: prefixedPattern('AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'),
    visible: 15,
    // the shape is exact (Bech32 alphabet, fixed length): reported whatever its body, annotated with
    // what its Bech32 checksum says
    exactShape: true,
    checksum: hasValidBech32,
  },
  {
    // https://supabase.com/docs/guides/api/api-keys (service_role JWTs bypass row-level security)
    id: 'supabase-service-role-key',
    family: 'supabase',
    description: 'Supabase service-role key (a JWT whose payload has "role":"service_role")',
    keywords: ['eyj'],
    pattern: prefixedPattern(JWT),
    visible: 0,
    verify: ({ secret }) => isServiceRoleJwt(secret),
  },
  {
    // RFC 7519; any signed JWT in source is a bearer credential until it expires (Supabase anon keys too:
    // they are meant for browsers, not for repositories that outlive a key rotation)
    id: 'jwt',
    family: 'jwt',
    description: 'JSON Web Token (signed, header names an algorithm)',
    keywords: ['eyj'],
    pattern: prefixedPattern(`${JWT}={0,2}`),
    visible: 0,
    verify: ({ secret }) => isSignedJwt(secret) && !isServiceRoleJwt(secret),
  },
  {
    // A JWT that was base64-encoded once more (`ZXlK…` is base64 of `eyJ`), as in Kubernetes secrets
    id: 'jwt-base64',
    family: 'jwt',
    description: 'base64-encoded JSON Web Token',
    keywords: ['zxlk'],
    pattern: prefixedPattern('ZXlK[A-Za-z0-9+/]{40,4000}={0,2}'),
    visible: 0,
    verify: ({ secret }) => isSignedJwt(Buffer.from(secret, 'base64').toString('utf8').trim()),
  },
  {
    // https://supabase.com/docs/guides/platform/access-control (sbp_ + 40 hex)
    id: 'supabase-access-token',
    family: 'supabase',
    description: 'Supabase personal access token (sbp_)',
    keywords: ['sbp_'],
    pattern: prefixedPattern('sbp_[a-f0-9]{40}'),
    visible: 4,
    minEntropy: 3,
  },
  {
    // https://supabase.com/docs/guides/api/api-keys (sb_secret_…; sb_publishable_ keys are public)
    id: 'supabase-secret-key',
    family: 'supabase',
    description: 'Supabase secret API key (sb_secret_)',
    keywords: ['sb_secret_'],
    pattern: prefixedPattern('sb_secret_[A-Za-z0-9_-]{20,120}'),
    visible: 10,
    minEntropy: 3,
  },
  {
    // RFC 3986 userinfo in database/broker URLs
    id: 'connection-string-password',
    family: 'connection-string',
    description: 'Database/broker connection string with an inline password',
    keywords: ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'cockroach'],
    pattern:
      /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb):\/\/(?<user>[^\s:/@'"`]*):(?<secret>[^\s@'"`/]+)@[^\s'"`]+/g,
    visible: 0,
    // a local development database is not a leaked production credential
    verify: ({ match, secret }) => !LOCALHOST_RE.test(match[0]) && secret !== match.groups?.user,
  },
  {
    // RFC 3986 §3.2.1 userinfo in http(s)/ftp(s) URLs (`https://user:password@host`), which RFC 3986
    // deprecates precisely because the password travels with the link
    id: 'basic-auth-url',
    family: 'basic-auth',
    description: 'Password in the userinfo of an http(s) or ftp(s) URL',
    keywords: ['http://', 'https://', 'ftp://', 'ftps://'],
    pattern:
      /(?<![A-Za-z0-9+.-])(?:https?|ftps?):\/\/(?<user>[A-Za-z0-9._~%!$&'*+,;=-]{1,64}):(?<secret>[^\s:/?#@'"`<>()[\]{}]{4,128})@(?<host>[A-Za-z0-9.-]+\.[A-Za-z]{2,}|[A-Za-z0-9-]{2,}(?=[:/]))/g,
    visible: 0,
    // `user:pass@host` is a credential too: only templates, repeats and spelled-out placeholders are not
    exactShape: true,
    verify: ({ match, secret }) => {
      const lower = secret.toLowerCase();
      return (
        !LOCALHOST_RE.test(`@${match.groups?.host ?? ''}`) &&
        secret !== match.groups?.user &&
        !/^(.)\1*$/.test(secret) &&
        !/password|passwd|your_|your-|replace|xxxx|changeme|secret$|^\$|^%|\*\*\*/.test(lower)
      );
    },
  },
  {
    // RFC 6750 (Bearer) and RFC 7617 (Basic) credentials written into code or config
    id: 'authorization-header',
    family: 'generic',
    description: 'Bearer or Basic credentials in an Authorization header',
    keywords: ['bearer ', 'basic '],
    pattern:
      /\b(?:Bearer\s+(?<secret>[A-Za-z0-9._~+/-]{20,500}=*)|Basic\s+(?<bsecret>[A-Za-z0-9+/]{16,400}={0,2}))(?![\w+/=.-])/gi,
    visible: 0,
    minEntropy: 3.5,
    generic: true,
    verify: ({ secret, match }) =>
      match.groups?.bsecret === undefined || Buffer.from(secret, 'base64').toString('latin1').includes(':'),
  },
];
