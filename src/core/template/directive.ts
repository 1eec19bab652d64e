import type { CheckParams } from './model.js';

/** `<!-- shipgate: check=bundle-size target=main limit="80 kB" -->` at the end of a line. */
const DIRECTIVE_START = /<!--\s*shipgate:/;
const DIRECTIVE_END = '-->';
const PAIR = /([A-Za-z][\w.-]*)(?:=("(?:[^"\\]|\\.)*"|[^\s"]+))?/y;

export interface Directive {
  /** The line with the directive removed (trailing spaces trimmed). */
  rest: string;
  values: CheckParams;
}

/** Splits a directive off a line. Returns undefined when the line has none. Throws with a reason on bad syntax. */
export function splitDirective(line: string): Directive | undefined {
  // Found with a plain search plus an end check rather than one `<!--…(.*?)-->\s*$` regex, which
  // backtracks quadratically on a long line of repeated `<!-- shipgate: -->x`.
  const trimmed = line.trimEnd();
  if (!trimmed.endsWith(DIRECTIVE_END)) return undefined;
  const match = DIRECTIVE_START.exec(trimmed);
  if (!match) return undefined;
  const bodyStart = match.index + match[0].length;
  const bodyEnd = trimmed.length - DIRECTIVE_END.length;
  if (bodyEnd < bodyStart) return undefined;
  const body = trimmed.slice(bodyStart, bodyEnd);
  return { rest: line.slice(0, match.index).trimEnd(), values: parseDirectiveBody(body) };
}

/** The `key` / `key=value` pairs of a directive's body in order, each as written; throws on bad syntax. */
function* directivePairs(body: string): Generator<{ key: string; value?: string; written: string }> {
  let index = 0;
  while (index < body.length) {
    if (/\s/.test(body[index] ?? '')) {
      index++;
      continue;
    }
    PAIR.lastIndex = index;
    const pair = PAIR.exec(body);
    if (!pair) throw new Error(`cannot read directive near "${body.slice(index, index + 20)}"`);
    index = PAIR.lastIndex;
    yield { key: pair[1] ?? '', ...(pair[2] === undefined ? {} : { value: pair[2] }), written: pair[0] };
  }
}

export function parseDirectiveBody(body: string): CheckParams {
  const values: CheckParams = {};
  for (const { key, value } of directivePairs(body)) {
    if (key in values) throw new Error(`"${key}" is given twice`);
    values[key] = value === undefined ? true : coerce(value);
  }
  return values;
}

function coerce(raw: string): string | number | boolean {
  if (raw.startsWith('"')) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

/**
 * The inverse of `splitDirective`'s parse: ` <!-- shipgate: … -->` for `values`, `key=value`, quoted
 * (with `"` and `\` escaped) when the value is empty or has spaces or quotes, `true` as the bare key.
 */
export function renderDirective(values: CheckParams): string {
  const pairs = Object.entries(values).map(([key, value]) => {
    if (value === true) return key;
    const text = String(value);
    return /^[^\s"]+$/.test(text) ? `${key}=${text}` : `${key}="${text.replace(/["\\]/g, '\\$&')}"`;
  });
  return pairs.length === 0 ? '' : ` <!-- shipgate: ${pairs.join(' ')} -->`;
}

/**
 * The line with these keys taken out of its directive, the other pairs kept as written (the whole
 * directive goes when none is left); the line itself when its directive has none of them.
 */
export function withoutDirectiveKeys(line: string, keys: ReadonlySet<string>): string {
  const directive = splitDirective(line);
  if (!directive || !Object.keys(directive.values).some((key) => keys.has(key))) return line;
  const trimmed = line.trimEnd();
  const start = DIRECTIVE_START.exec(trimmed);
  const body = trimmed.slice(
    (start?.index ?? 0) + (start?.[0].length ?? 0),
    trimmed.length - DIRECTIVE_END.length,
  );
  // splitDirective has read the body, so its pairs read again without error
  const kept = [...directivePairs(body)].filter(({ key }) => !keys.has(key)).map(({ written }) => written);
  return kept.length === 0 ? directive.rest : `${directive.rest} <!-- shipgate: ${kept.join(' ')} -->`;
}
