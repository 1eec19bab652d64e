import type { CheckStatus } from '../core/template/model.js';

/** The terminal colour of each status: pass green, fail and error red, skipped yellow. */
const STATUS_SGR: Record<CheckStatus, string> = { pass: '32', fail: '31', error: '31;1', skipped: '33' };

/**
 * Whether to colour a stream: `FORCE_COLOR` (other than 0/false) turns it on and wins, as in Node;
 * a non-empty `NO_COLOR` turns it off (https://no-color.org); otherwise only on a TTY, so pipes,
 * files and CI logs stay plain.
 */
export function colorEnabled(env: Record<string, string | undefined>, stream: { isTTY?: boolean }): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !/^(?:0|false)$/i.test(force);
  if (env.NO_COLOR) return false;
  return stream.isTTY === true;
}

/** `text` in the status's colour when `on`; unchanged otherwise. */
export function paint(status: CheckStatus, text: string, on: boolean): string {
  return on ? `\x1b[${STATUS_SGR[status]}m${text}\x1b[0m` : text;
}
