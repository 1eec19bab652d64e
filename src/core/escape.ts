import { oneLine } from './control-characters.js';

/**
 * Makes untrusted text (PR titles, reasons, check summaries, config values) safe inside the
 * checklist comment: one line, no HTML (so it cannot open or close our hidden blocks), no
 * @mentions or #references that would ping people, bounded length.
 */
export function escapeInline(text: string, max = 300): string {
  // Line breaks become spaces; other control characters (NUL, terminal escapes) are dropped, not shown.
  const line = oneLine(text).trim();
  const bounded = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  return bounded
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(^|[^\w])@(?=\w)/g, '$1@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/\[([ xX])\]/g, '[\u200b$1]');
}

/** GitHub logins: letters, digits, single hyphens; bots end in [bot]. Anything else is shown escaped. */
export function mention(login: string): string {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\[bot\])?$/.test(login) ? `@${login}` : escapeInline(login, 40);
}
