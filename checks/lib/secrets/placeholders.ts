/**
 * Values that look like secrets but are not: documentation placeholders and references to
 * variables that are resolved elsewhere (the secret lives in the environment, not in the file).
 */

const PLACEHOLDER_WORDS = [
  'changeme',
  'change_me',
  'change-me',
  'your-',
  'your_',
  'yourkey',
  'yoursecret',
  'yourtoken',
  'yourpassword',
  'example',
  'placeholder',
  'dummy',
  'redacted',
  'replace',
  'insert',
  'xxxx',
  '****',
  '....',
  // counting sequences of documentation examples (`1234567890abcdef…`, `abc123`)
  '123456',
  'abcdef',
  'abc123',
];

/**
 * `changeme`, `your-key-here`, `xxx`, `<token>`, `example`, empty, one repeated character…
 * Pass only the random part of a structured token: a run of equal digits in a Slack id segment
 * (`xoxa-2-511111111-…`) is data, while the same run in a random body means a hand-made fake.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v.length === 0) return true;
  if (/^(.)\1*$/.test(v)) return true; // "xxx", "000000", "********"
  // six equal characters in a row: `…0124567890000000` (p ≈ 1e-7 per position for random base62)
  if (/(.)\1{5,}/.test(v)) return true;
  if (/^(?:x+|todo|tbd|none|null|undefined|secret|password|pass|token|test|string|value|key)$/.test(v))
    return true;
  if (/<[^<>]*>/.test(v)) return true; // <your-token>
  return PLACEHOLDER_WORDS.some((word) => v.includes(word));
}

// Template syntaxes whose value is filled in elsewhere: `${VAR}` `$(VAR)` `{{var}}` `{var}`
// `%VAR%` `#{var}` `<%= var %>` `@VAR@`.
const TEMPLATE_RE = /\$\{|\$\(|\{\{|\{[A-Za-z_][\w.-]*\}|%[A-Za-z_][\w]*%|#\{[^}]*\}|<%|@[A-Z_][A-Z0-9_]*@/;
const LOOKUP_RE =
  /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\(|env\(|ENV\[|System\.getenv|Deno\.env|secrets\.|vars\.)/;

/** `process.env.X`, `${VAR}`, `$VAR`, `$(VAR)`, `{var}`, `{{ secrets.X }}`, `%VAR%`, `os.environ[...]`. */
export function isReference(value: string): boolean {
  const v = value.trim();
  return /^\$[A-Za-z_]/.test(v) || TEMPLATE_RE.test(v) || LOOKUP_RE.test(v);
}

/**
 * Share of `value` made of dictionary-like words (`PersonalAccessToken`, `my_bot_token`): high for
 * hand-written fakes, low for random bodies. Runs of hex letters (`deadbeef`) do not count.
 */
export function wordiness(value: string): number {
  let covered = 0;
  for (const m of value.matchAll(/[A-Z]?[a-z]{3,}/g)) if (/[g-z]/.test(m[0])) covered += m[0].length;
  return value.length === 0 ? 0 : covered / value.length;
}

/**
 * Share of `value` written as words by a person: Capitalised words (`PersonalAccessToken`) and
 * lowercase words between separators (`my_bot_token`). A random body drawn from lowercase letters
 * and digits (`roj9gvyyy9cxmrr…`, as gitleaks' samples and many real tokens are) has letter runs,
 * but they are cut by digits, not by separators, so they do not count.
 */
export function handWrittenShare(value: string): number {
  let covered = 0;
  for (const m of value.matchAll(/[A-Z][a-z]{2,}|(?<![A-Za-z0-9])[a-z]{3,}(?![A-Za-z0-9])/g))
    if (/[g-z]/.test(m[0])) covered += m[0].length;
  return value.length === 0 ? 0 : covered / value.length;
}

/**
 * Only the degenerate placeholders (`xxxx…`, `****`, `<your-key>`), for formats so
 * specific (fixed length and suffix) that any other body of that shape is reported.
 */
export function isDegenerate(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v.length === 0 || /^[x*.]+$/.test(v) || /x{4}|\*{4}|\.{4}/.test(v) || /<[^<>]*>/.test(v);
}
