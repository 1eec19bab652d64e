/**
 * Redaction for anything that might be a secret. shipgate never prints secret values: at most the
 * first few characters (usually a public, documented prefix such as `ghp_` or `sk-p`) survive.
 */

const MARK = '…[redacted]';

/**
 * Keeps `visible` leading characters (default 4) and replaces the rest. Short values keep nothing,
 * so a redacted 8-character password never reveals half of itself.
 */
export function redact(value: string, visible = 4): string {
  const keep = value.length >= 16 ? Math.min(visible, Math.floor(value.length / 4)) : 0;
  return `${value.slice(0, keep)}${MARK}`;
}

/** Replaces every occurrence of `secret` inside `text` with its redacted form and shortens the result. */
export function redactWithin(text: string, secret: string, visible = 4, maxLength = 100): string {
  const shown = secret.length > 0 ? text.split(secret).join(redact(secret, visible)) : text;
  return shown.length > maxLength ? `${shown.slice(0, maxLength - 1)}…` : shown;
}
