/** Pure text inspections of built JS/CSS files, used by the build-output check. */

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

/** Every match of `pattern` (must be global) with its 1-based line/column, at most `limit` of them. */
export function findAll(text: string, pattern: RegExp, limit = 100): Array<Position & { match: string }> {
  const hits: Array<Position & { match: string }> = [];
  let line = 1;
  let lineStart = 0;
  let newline = text.indexOf('\n');
  for (const match of text.matchAll(pattern)) {
    while (newline !== -1 && newline < match.index) {
      line++;
      lineStart = newline + 1;
      newline = text.indexOf('\n', newline + 1);
    }
    hits.push({ line, column: match.index - lineStart + 1, match: match[0] });
    if (hits.length >= limit) break;
  }
  return hits;
}

/**
 * Minification heuristic (documented in the check summary too). A JS/CSS file over 1 kB counts as
 * minified when BOTH hold:
 *  - long lines: average line length > 200 characters (≈ fewer than 5 lines per kB) — minifiers emit
 *    one or a few very long lines, hand-written/formatted code averages 20–60;
 *  - little whitespace: spaces/tabs/newlines are < 20 % of the characters — formatted code with
 *    indentation is typically 20–35 %, minified code 1–10 %.
 */
export const MINIFIED_MIN_AVG_LINE = 200;
export const MINIFIED_MAX_WHITESPACE = 0.2;
export const MINIFIED_MIN_BYTES = 1000;

export interface TextShape {
  averageLineLength: number;
  whitespaceRatio: number;
  /** Characters of code once string contents are set aside: too little code says nothing. */
  codeLength: number;
  minified: boolean;
}

/**
 * String and template-literal contents are data a minifier keeps verbatim (SvelteKit's error page
 * is a formatted HTML template literal inside a minified chunk), so they are measured as empty.
 */
const STRING_LITERAL = /`(?:[^`\\]|\\[\s\S])*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;

export function textShape(text: string): TextShape {
  // The trailing source-map comment is added after minification; it says nothing about the code.
  const withoutMap = text.replace(/\n?\/[/*][#@] sourceMappingURL=[^\n]*\s*$/, '');
  const code = withoutMap.replace(STRING_LITERAL, (literal) => `${literal[0]}${literal[0]}`);
  const lines = code.split('\n').length;
  const averageLineLength = code.length / lines;
  const whitespace = code.match(/\s/g)?.length ?? 0;
  const whitespaceRatio = code.length === 0 ? 0 : whitespace / code.length;
  return {
    averageLineLength,
    whitespaceRatio,
    codeLength: code.length,
    minified: averageLineLength > MINIFIED_MIN_AVG_LINE && whitespaceRatio < MINIFIED_MAX_WHITESPACE,
  };
}

export type SourceMapRef = { kind: 'none' } | { kind: 'inline' } | { kind: 'url'; url: string };

/** The last `//# sourceMappingURL=` (JS) or `/*# sourceMappingURL= *\/` (CSS) annotation of a file. */
export function sourceMapRef(text: string): SourceMapRef {
  const refs = [...text.matchAll(/\/[/*][#@]\s*sourceMappingURL=([^\s*]+)/g)];
  const url = refs.at(-1)?.[1];
  if (url === undefined) return { kind: 'none' };
  if (/^data:/i.test(url)) return { kind: 'inline' };
  return { kind: 'url', url };
}
