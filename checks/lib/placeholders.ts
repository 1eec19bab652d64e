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

/** `changeme`, `your-key-here`, `xxx`, `<token>`, `example`, empty, one repeated character… */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v.length === 0) return true;
  if (/^(.)\1*$/.test(v)) return true; // "xxx", "000000", "********"
  // six equal characters in a row: `ghp_PersonalAccessToken0124567890000000` (p ≈ 1e-7 for random base62)
  if (/(.)\1{5,}/.test(v)) return true;
  if (/^(?:x+|todo|tbd|none|null|undefined|secret|password|pass|token|test|string|value|key)$/.test(v))
    return true;
  if (/<[^<>]*>/.test(v)) return true; // <your-token>
  return PLACEHOLDER_WORDS.some((word) => v.includes(word));
}

/** `process.env.X`, `import.meta.env.X`, `${VAR}`, `$VAR`, `{{ secrets.X }}`, `os.environ[...]`, `env("X")`. */
export function isReference(value: string): boolean {
  const v = value.trim();
  return (
    /^\$\{?[A-Za-z_]/.test(v) ||
    v.includes('${') ||
    v.includes('{{') ||
    /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|env\(|ENV\[|System\.getenv|Deno\.env)/.test(v)
  );
}
