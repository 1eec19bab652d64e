/**
 * The generic rule: a high-entropy literal assigned to a secret-named identifier, in the assignment
 * syntaxes of the languages and config formats we scan (see ASSIGN), or an XML element body.
 */
import { createHash } from 'node:crypto';
import { shannonEntropy } from './entropy.js';
import { ASSIGN, type RuleCandidate, type SecretRule } from './rule.js';

/** Minimum entropy for generic assignments (bits per character), relaxed for short values. */
export const GENERIC_MIN_ENTROPY = 3.5;
export const GENERIC_MIN_LENGTH = 10;

// Longest first: the regex alternation takes the first that fits.
const KEY_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'credentials',
  'credential',
  'secret',
  'token',
  'apikey',
  'creds',
  'auth',
  'pass',
  'pwd',
  'key',
];
const KEY_SOURCE = KEY_WORDS.join('|');
// `key` alone names too many non-secrets (`cacheKey`, `sortKey`): only these qualifiers make it one.
const KEY_QUALIFIER_RE =
  /(?:api|access|secret|private|client|master|encryption|signing|license|licence|app|auth|service|account|admin|server|shared|consumer|session|subscription|write|deploy|x[_-]?api)[_.-]?$/i;
// Identifiers naming something about a secret rather than holding one (`token_url`, `secretName`).
const DESCRIPTIVE_KEY_RE =
  /(?:url|uri|path|file|dir|name|type|length|size|expiry|expires|ttl|header|field|endpoint|label|prefix|suffix|count|limit|id|ids|ref|policy|hash|digest|format|pattern|regex|env|var|mode|version|provider|method|scheme|mask|placeholder|hint|help|message|description|error)$/i;
// Public or test values by name: `publicToken`, `NEXT_PUBLIC_…`, `publishableKey`, `testPassword`.
const PUBLIC_KEY_RE =
  /(?:^|[_.-]|[a-z])(?:public|publishable|pub|fake|mock|dummy|sample|example)(?=[_.-]|[A-Z]|$)/i;
// A value wearing a provider's prefix is judged by that provider's rule: if it did not match there,
// it is a malformed or hand-made token (`xoxb-xoxb-my-bot-token`, `sk-` without OpenAI's marker).
const PROVIDER_PREFIX_RE =
  /^(?:xox[a-z]\.?|xapp-|gh[pousr]_|github_pat_|gl[a-z]{2,6}-|sk-|[sr]k_|pk_|npm_|AKIA|ASIA|AIza|SG\.|hf_|do[opr]_v1_|shp[a-z]{2}_|EAAA|sq0[a-z]{3}-|dapi|hv[sbr]\.|pypi-|lin_api_|PMAK-|dp\.[a-z]+\.|pul-|NR[A-Z]{2}-|sntry[su]_|AGE-SECRET|AC[a-f0-9]{32}$)/;
/**
 * SHA-256 of values that are public by design and shipped in widely installed tools: the Algolia
 * search-only key yarn embeds for package search (github.com/yarnpkg/berry/issues/6201). Hashes, so
 * no key-shaped value is committed here.
 */
const PUBLIC_VALUES: ReadonlySet<string> = new Set([
  '2f21fd9c81678e396751af8b2472e2bd209ff5ce38da144052fb6c024485982f',
]);
const PUBLIC_VALUE_RE = /^(?:pk_|pk\.)|(?:^|[_-])(?:test|fake|mock|dummy|sample|example)(?:[_-]|$)/i;
// Source files, where an unquoted value after `=` is an identifier or expression, not a literal.
const CODE_FILE_RE =
  /\.(?:[cm]?[jt]sx?|py|go|java|kts?|scala|groovy|php|rb|cs|swift|rs|c|cc|cpp|h|hpp|m|dart|lua|pl|r|vue|svelte)$/i;
const DOTTED_IDENTIFIER_RE = /^(?!eyJ)[A-Za-z_$][\w$-]{0,40}(?:\.[A-Za-z_$][\w$-]{0,40})+$/;
// Regex sources and code fragments (`\\d+`, `(?:`, several brackets) are not credentials.
const CODE_LIKE_RE = /\\[dwsbnrtDWS.]|\(\?|[()[\]{}][\s\S]*[()[\]{}]/;
// Identifiers made of words (`PrivateStateTokenIssuance`, `change_phone_number`): enum values, not secrets.
// PowerShell's verb-noun cmdlets (`New-Object`, `Get-Content`) in .cmd/.ps1 scripts are words too.
const WORDLIKE_RE =
  /^(?:[A-Z]?[a-z]+)+\d{0,2}$|^[a-z]+(?:[_-][a-z]+)+$|^[A-Z]+(?:[_-][A-Z]+)+$|^[A-Z][a-z]+(?:-[A-Z][a-z]+)+$/;

/** The identifier around the keyword at `start`: the regex starts at the keyword, so read back. */
function identifierAt(text: string, start: number, matched: string): string {
  let i = start;
  while (i > 0 && /[\w.$-]/.test(text[i - 1] ?? ' ')) i--;
  return text.slice(i, start) + matched;
}

/** The keyword sits at a word boundary of the identifier (`db_password`, `apiToken`; not `tokenizer`, `author`). */
function keywordAtWordBoundary(key: string, word: string, offset: number): boolean {
  const before = key[offset - 1];
  const first = key[offset] ?? '';
  const after = key[offset + word.length];
  const boundaryBefore =
    before === undefined ||
    /[^A-Za-z0-9]/.test(before) ||
    /\d/.test(before) ||
    (/[a-z]/.test(before) && /[A-Z]/.test(first)) ||
    /[A-Z]/.test(before);
  const boundaryAfter =
    after === undefined ||
    /[^A-Za-z]/.test(after) ||
    /[A-Z]/.test(after) ||
    (after === 's' && !/[a-z]/.test(key[offset + word.length + 1] ?? ''));
  return boundaryBefore && boundaryAfter;
}

function keyNamesASecret(key: string): boolean {
  // anti-CSRF tokens are per-session values a page carries in the open
  if (/csrf|xsrf/i.test(key)) return false;
  if (DESCRIPTIVE_KEY_RE.test(key) || PUBLIC_KEY_RE.test(key)) return false;
  const lower = key.toLowerCase();
  for (const word of KEY_WORDS) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
      if (!keywordAtWordBoundary(key, word, at)) continue;
      if (word === 'key' && !KEY_QUALIFIER_RE.test(key.slice(0, at)) && lower !== 'key') continue;
      return true;
    }
  }
  return false;
}

/** Entropy floor for a value of `length`: the ceiling for short strings is log2(length). */
function minEntropyFor(length: number): number {
  return Math.min(GENERIC_MIN_ENTROPY, Math.log2(length) - 0.3);
}

/** The value tests shared by the assignment and XML forms. */
export function genericValueLooksSecret(value: string): boolean {
  if (value.length < GENERIC_MIN_LENGTH || value.length > 300) return false;
  if (/\s/.test(value) || value.includes('://') || /^\.{0,2}\//.test(value)) return false;
  if (DOTTED_IDENTIFIER_RE.test(value) || CODE_LIKE_RE.test(value) || WORDLIKE_RE.test(value)) return false;
  if (PUBLIC_VALUE_RE.test(value) || PROVIDER_PREFIX_RE.test(value)) return false;
  if (PUBLIC_VALUES.has(createHash('sha256').update(value).digest('hex'))) return false;
  // short values must mix classes: `Sunshine2024` is a password, `abcdefghijkl` a word list
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  if (classes < (value.length < 16 ? 3 : 2)) return false;
  return shannonEntropy(value) >= minEntropyFor(value.length);
}

/**
 * A bare word no identifier would be: long, letters and digits interleaved (`Zf3D0LXCM3EIMbgJ…`),
 * random-looking. `hashedPassword2`, `config_value` and `API_TOKEN_V2` are names; this is not.
 */
function looksRandomBare(value: string): boolean {
  if (value.length < 20 || !/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  const digitRuns = value.match(/\d+/g)?.length ?? 0;
  return digitRuns >= 3 && shannonEntropy(value) >= 4;
}

/** `KEY = value` alone on its line (config syntax pasted into a source file), not `f(token: value)`. */
function isWholeLineAssignment(text: string, start: number, end: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, lineEnd === -1 ? undefined : lineEnd);
  return /^\s*(?:export\s+)?$/.test(before) && /^\s*;?\s*$/.test(after);
}

/** An odd number of quotes between the line start and `offset`: the offset is inside a string literal. */
function insideString(text: string, offset: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  const quotes = before.match(/(?<!\\)["'\x60]/g)?.length ?? 0;
  return quotes % 2 === 1;
}

function verifyAssignment({ match, path, text, secret }: RuleCandidate): boolean {
  const groups = match.groups ?? {};
  const key = identifierAt(text, match.index, groups.gkey ?? '');
  if (!keyNamesASecret(key)) return false;
  const bare = groups.baresecret !== undefined;
  // `f("api_token", value)`: after a comma only a quoted literal is a value, a bare word is an argument
  if (bare && /,\s*$/.test(match[0].slice(0, match[0].length - secret.length))) return false;
  // in source code an unquoted value is a literal only inside a string (`"X_TOKEN=…\n"`, `"--password=…"`)
  const keyStart = match.index - (key.length - (groups.gkey ?? '').length);
  if (
    bare &&
    CODE_FILE_RE.test(path) &&
    !insideString(text, keyStart) &&
    !(looksRandomBare(secret) && isWholeLineAssignment(text, keyStart, match.index + match[0].length))
  )
    return false;
  return genericValueLooksSecret(secret);
}

function verifyXml({ match, secret }: RuleCandidate): boolean {
  const key = match.groups?.xkey ?? '';
  return keyNamesASecret(key) && genericValueLooksSecret(secret);
}

const KEYWORDS = [
  'password',
  'passwd',
  'pwd',
  'pass',
  'secret',
  'token',
  'key',
  'credential',
  'creds',
  'auth',
];

export const GENERIC_RULES: readonly SecretRule[] = [
  {
    id: 'generic-secret-assignment',
    family: 'generic',
    description: `High-entropy literal (≥ ${GENERIC_MIN_LENGTH} chars) assigned to a secret-named identifier`,
    keywords: KEYWORDS,
    pattern: new RegExp(
      String.raw`(?<gkey>(?:${KEY_SOURCE})[\w.-]{0,40}?)${ASSIGN}` +
        String.raw`(?:(?:[bru@]|new String\()(?=["'\x60]))?(?:"(?<dqsecret>[^"\n]{1,300})"|'(?<sqsecret>[^'\n]{1,300})'|\x60(?<bqsecret>[^\x60\n]{1,300})\x60|\\"(?<esecret>[^"\\\n]{1,300})\\"|(?<baresecret>[^\s"'\x60,;#\\<>(){}[\]|&]{1,300}))`,
      'gi',
    ),
    anchors: KEYWORDS,
    visible: 0,
    generic: true,
    verify: verifyAssignment,
  },
  {
    id: 'generic-secret-xml',
    family: 'generic',
    description: 'High-entropy body of an XML element named like a secret (<apiToken>…</apiToken>)',
    keywords: KEYWORDS,
    pattern: new RegExp(
      String.raw`<(?<xkey>[\w.:-]{0,40}?(?:${KEY_SOURCE})[\w.:-]{0,40})(?:\s[^<>]{0,200})?>\s*(?<xsecret>[^<>\s]{1,300})\s*<\/`,
      'gi',
    ),
    requires: '</',
    visible: 0,
    generic: true,
    verify: verifyXml,
  },
];
