/**
 * Control characters: the one definition for everything shipgate reads from people (config,
 * template, reasons) and writes for them (the checklist comment, messages).
 *
 * - C0, U+0000–U+001F: NUL, ESC (terminal escapes: `\x1b[2J` clears a screen), BEL, backspace…
 * - DEL, U+007F.
 * - C1, U+0080–U+009F: U+009B (CSI) starts a terminal escape on its own in 8-bit terminals; none
 *   belongs in text a person typed (they appear when Windows-1252 bytes are misread as Latin-1).
 *
 * Tab and the line breaks (CR, LF, NEL U+0085) are control characters too: a reader that keeps them
 * names them (`allowed`); `oneLine` turns them, and the Unicode line and paragraph separators
 * U+2028/U+2029 (which break lines in Markdown and in JavaScript sources), into spaces.
 * Bidi controls and zero-width characters are not included: none of the rules this replaces
 * refused them, and `escapeInline` itself inserts U+200B to defuse mentions.
 *
 * What to do with one is the caller's: a config or template that holds one is refused with its line
 * (src/core/config/config-file.ts, src/core/template/template.ts), untrusted text shown in the
 * comment drops it (src/core/escape.ts), a stored reason turns it into a space
 * (src/core/decide/not-applicable.ts).
 */

/** C0, DEL and C1, as a character-class body the patterns below share. */
const CONTROL_RANGES = '\\u0000-\\u001f\\u007f-\\u009f';
const CONTROL = new RegExp(`[${CONTROL_RANGES}]`, 'g');
/** Tab, CR, LF, NEL and the Unicode line/paragraph separators: where text breaks into lines. */
const LINE_BREAK_OR_TAB = /[\t\n\r\u0085\u2028\u2029]+/g;
const CONTROL_OR_SEPARATOR_RUN = new RegExp(`[${CONTROL_RANGES}\\u2028\\u2029]+`, 'g');

/** `U+001B`: how messages name a character. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first control character in `text` other than those in `allowed` (e.g. '\t\n\r'), and where. */
export function findControlCharacter(
  text: string,
  allowed = '',
): { char: string; index: number } | undefined {
  const pattern = new RegExp(CONTROL.source, 'g');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!allowed.includes(match[0])) return { char: match[0], index: match.index };
  }
  return undefined;
}

/** Each run of line breaks and tabs becomes one space; every other control character is dropped. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAK_OR_TAB, ' ').replace(CONTROL, '');
}

/** Each run of control characters and line/paragraph separators becomes one space. */
export function controlCharactersAsSpaces(text: string): string {
  return text.replace(CONTROL_OR_SEPARATOR_RUN, ' ');
}
