/**
 * shipgate's built-in secret rules, written from each provider's documented token format.
 * Every rule names lowercase keywords: the engine runs a rule's regex only on text containing one
 * of them (the prefilter that keeps scanning fast on ordinary source files).
 */
import { shannonEntropy } from './entropy.js';
import { isServiceRoleJwt } from './jwt.js';

export interface SecretRule {
  id: string;
  description: string;
  /** Lowercase substrings; the regex runs only when the text contains at least one. */
  keywords: readonly string[];
  /** Global regex; the named group `secret` (or the whole match) is the sensitive part. */
  pattern: RegExp;
  /** Leading characters of the secret that may be shown (a public prefix such as `ghp_`). */
  visible: number;
  /** Minimum Shannon entropy (bits/char) of the secret, against low-effort fakes. */
  minEntropy?: number;
  /** Context-dependent rules run after the specific ones and yield to them on the same line. */
  generic?: boolean;
  /** Key material (PEM bodies) legitimately contains runs like `AAAAAA`: skip the placeholder filter. */
  binaryBody?: boolean;
  /** Extra validation of a candidate (decode a JWT, inspect the file type…). */
  verify?(candidate: RuleCandidate): boolean;
}

export interface RuleCandidate {
  secret: string;
  match: RegExpExecArray;
  /** Path of the scanned file (relative), for rules that depend on the file type. */
  path: string;
}

/** Minimum entropy for generic `password = "…"` assignments (bits per character). */
export const GENERIC_MIN_ENTROPY = 3.5;
export const GENERIC_MIN_LENGTH = 12;

// Token boundaries: the character before/after is not part of a token alphabet.
const L = '(?<![A-Za-z0-9_-])';
const R = '(?![A-Za-z0-9_-])';
const DASHES = '-'.repeat(5);
const PEM_TAIL = `PRIVATE KEY(?: BLOCK)?${DASHES}`;

const SECRET_KEY_NAMES =
  'password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|credential';
// Keys that name something about a secret rather than hold one (`token_url`, `secretName`).
const DESCRIPTIVE_KEY_RE =
  /(?:url|uri|path|file|dir|name|type|length|size|expiry|expires|ttl|header|field|endpoint|label|prefix|count|limit|id|ref|policy)$/i;
// Files where `key=value` / `key: value` without quotes is the normal way to write a literal.
const CONFIG_FILE_RE = /(?:^|\/)(?:\.env[^/]*|[^/]*\.(?:env|ya?ml|properties|ini|toml|conf|cfg|tfvars|sh))$/i;
const DOTTED_IDENTIFIER_RE = /^(?!eyJ)[A-Za-z_$][\w$-]{0,40}(?:\.[A-Za-z_$][\w$-]{0,40})+$/;
// Regex sources and code fragments (`\\d+`, `(?:`, several brackets) are not credentials.
const CODE_LIKE_RE = /\\[dwsbnrtDWS.]|\(\?|[()[\]{}][\s\S]*[()[\]{}]/;
// Identifiers made of words (`PrivateStateTokenIssuance`, `change_phone_number`): enum values, not secrets.
const WORDLIKE_RE = /^(?:[A-Z]?[a-z]+)+$|^[a-z]+(?:[_-][a-z]+)+$|^[A-Z]+(?:[_-][A-Z]+)+$/;
const LOCALHOST_RE = /@(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(?:[:/]|$)/i;

/**
 * A real key body is base64 (optionally after `Proc-Type:`/`DEK-Info:` headers, possibly with
 * JSON-escaped newlines); code that merely mentions both markers, or a `MIIE...` stub, is not.
 */
function isPemBody(body: string): boolean {
  const lines = body.replace(/\\r|\\n/g, '\n').split(/\r?\n/);
  const base64 = lines
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/\s+/g, '');
  return base64.length >= 40 && /^[A-Za-z0-9+/=]+$/.test(base64);
}

function genericValueLooksSecret({ match, path }: RuleCandidate): boolean {
  const groups = match.groups ?? {};
  const key = groups.key ?? '';
  const value = groups.dq ?? groups.sq ?? groups.bq ?? groups.bare ?? '';
  if (DESCRIPTIVE_KEY_RE.test(key)) return false;
  if (groups.bare !== undefined && (!CONFIG_FILE_RE.test(path) || value.includes('('))) return false;
  if (value.length < GENERIC_MIN_LENGTH || value.length > 200) return false;
  if (/\s/.test(value) || value.includes('://') || /^\.{0,2}\//.test(value)) return false;
  if (DOTTED_IDENTIFIER_RE.test(value) || CODE_LIKE_RE.test(value)) return false;
  if (WORDLIKE_RE.test(value)) return false;
  return shannonEntropy(value) >= GENERIC_MIN_ENTROPY;
}

export const SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'aws-access-key-id',
    description: 'AWS access key id (AKIA/ASIA…, 20 base32 characters)',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/g,
    visible: 4,
    minEntropy: 2.5,
  },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key (40 base64 characters assigned to an AWS secret key name)',
    keywords: ['secret_access_key', 'secretaccesskey', 'aws_secret', 'awssecret'],
    pattern:
      /(?:secret_?access_?key|aws_?secret(?:_?key)?)[\w-]*["']?\s*(?::=|=>|[:=])\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    visible: 0,
    minEntropy: 3.5,
  },
  {
    id: 'github-token',
    description: 'GitHub token (ghp_, gho_, ghu_, ghs_, ghr_)',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: new RegExp(`${L}(?<secret>gh[pousr]_[A-Za-z0-9]{36,251})${R}`, 'g'),
    visible: 4,
    minEntropy: 3,
  },
  {
    id: 'github-fine-grained-pat',
    description: 'GitHub fine-grained personal access token (github_pat_)',
    keywords: ['github_pat_'],
    pattern: new RegExp(`${L}(?<secret>github_pat_[A-Za-z0-9_]{70,255})${R}`, 'g'),
    visible: 11,
    minEntropy: 3,
  },
  {
    id: 'slack-token',
    description: 'Slack token (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-)',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-'],
    pattern: new RegExp(`${L}(?<secret>xox[baprs]-[A-Za-z0-9-]{10,250})${R}`, 'g'),
    visible: 5,
    minEntropy: 3,
  },
  {
    id: 'slack-webhook',
    description: 'Slack incoming webhook URL',
    keywords: ['hooks.slack.com'],
    pattern:
      /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9_/+-]{20,250})/g,
    visible: 0,
  },
  {
    id: 'stripe-live-key',
    description: 'Stripe live secret or restricted key (sk_live_, rk_live_)',
    keywords: ['sk_live_', 'rk_live_'],
    pattern: new RegExp(`${L}(?<secret>[sr]k_live_[A-Za-z0-9]{20,247})${R}`, 'g'),
    visible: 8,
    minEntropy: 3,
  },
  {
    id: 'square-access-token',
    description: 'Square access token (EAAA…, legacy sq0atp-)',
    keywords: ['eaaa', 'sq0atp-'],
    pattern: new RegExp(`${L}(?<secret>EAAA[A-Za-z0-9_-]{56,124}|sq0atp-[A-Za-z0-9_-]{22,60})${R}`, 'g'),
    visible: 4,
    minEntropy: 3.5,
  },
  {
    id: 'square-application-secret',
    description: 'Square OAuth application secret (sq0csp-)',
    keywords: ['sq0csp-'],
    pattern: new RegExp(`${L}(?<secret>sq0csp-[A-Za-z0-9_-]{40,60})${R}`, 'g'),
    visible: 7,
    minEntropy: 3.5,
  },
  {
    id: 'supabase-service-role-key',
    description: 'Supabase service-role key (a JWT whose payload has "role":"service_role")',
    keywords: ['eyj'],
    pattern: new RegExp(
      `${L}(?<secret>eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})${R}`,
      'g',
    ),
    visible: 0,
    verify: ({ secret }) => isServiceRoleJwt(secret),
  },
  {
    id: 'supabase-access-token',
    description: 'Supabase personal access token (sbp_)',
    keywords: ['sbp_'],
    pattern: new RegExp(`${L}(?<secret>sbp_[a-f0-9]{40})${R}`, 'g'),
    visible: 4,
    minEntropy: 3,
  },
  {
    id: 'supabase-secret-key',
    description: 'Supabase secret API key (sb_secret_)',
    keywords: ['sb_secret_'],
    pattern: new RegExp(`${L}(?<secret>sb_secret_[A-Za-z0-9_-]{20,120})${R}`, 'g'),
    visible: 10,
    minEntropy: 3,
  },
  {
    id: 'openai-api-key',
    description:
      'OpenAI API key (sk-proj-, sk-svcacct-, sk-admin-, legacy sk- with T3BlbkFJ or 48 characters)',
    keywords: ['sk-'],
    pattern: new RegExp(
      `${L}(?<secret>sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48})|sk-[A-Za-z0-9_-]{8,200}T3BlbkFJ[A-Za-z0-9_-]{8,200})${R}`,
      'g',
    ),
    visible: 4,
    minEntropy: 3.5,
  },
  {
    id: 'private-key',
    description: 'PEM private key block',
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
    id: 'connection-string-password',
    description: 'Database/broker connection string with an inline password',
    keywords: ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'cockroach'],
    pattern:
      /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb):\/\/(?<user>[^\s:/@'"`]*):(?<secret>[^\s@'"`/]+)@[^\s'"`]+/g,
    visible: 0,
    // a local development database is not a leaked production credential
    verify: ({ match, secret }) => !LOCALHOST_RE.test(match[0]) && secret !== match.groups?.user,
  },
  {
    id: 'generic-secret-assignment',
    description: `High-entropy value (≥ ${GENERIC_MIN_ENTROPY} bits/char, ≥ ${GENERIC_MIN_LENGTH} chars) assigned to a secret-named key`,
    keywords: [
      'password',
      'passwd',
      'pwd',
      'secret',
      'token',
      'api_key',
      'api-key',
      'apikey',
      'access_key',
      'access-key',
      'accesskey',
      'private_key',
      'privatekey',
      'auth_key',
      'authkey',
      'credential',
    ],
    pattern: new RegExp(
      `(?<key>(?:${SECRET_KEY_NAMES})[A-Za-z0-9_.-]*)["']?[ \\t]*(?::=|=>|[:=])[ \\t]*(?:"(?<dq>[^"\\n]*)"|'(?<sq>[^'\\n]*)'|\`(?<bq>[^\`\\n]*)\`|(?<bare>[^\\s"'\`,;#]+))`,
      'gi',
    ),
    visible: 0,
    generic: true,
    verify: genericValueLooksSecret,
  },
];

/** The secret part of a match: the `secret` group, else the generic rule's value group, else all. */
export function secretOf(match: RegExpExecArray): string {
  const g = match.groups ?? {};
  return g.secret ?? g.dq ?? g.sq ?? g.bq ?? g.bare ?? match[0];
}

export function entropyOk(rule: SecretRule, secret: string): boolean {
  return rule.minEntropy === undefined || shannonEntropy(secret) >= rule.minEntropy;
}
