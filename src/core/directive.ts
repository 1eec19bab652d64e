import type { CheckParams } from './model.js';

/** `<!-- shipgate: check=bundle-size target=main limit="80 kB" -->` at the end of a line. */
const DIRECTIVE = /<!--\s*shipgate:(.*?)-->\s*$/;
const PAIR = /([A-Za-z][\w.-]*)(?:=("(?:[^"\\]|\\.)*"|[^\s"]+))?/y;

export interface Directive {
  /** The line with the directive removed (trailing spaces trimmed). */
  rest: string;
  values: CheckParams;
}

/** Splits a directive off a line. Returns undefined when the line has none. Throws with a reason on bad syntax. */
export function splitDirective(line: string): Directive | undefined {
  const match = DIRECTIVE.exec(line);
  if (!match) return undefined;
  const body = match[1] ?? '';
  return { rest: line.slice(0, match.index).trimEnd(), values: parseDirectiveBody(body) };
}

export function parseDirectiveBody(body: string): CheckParams {
  const values: CheckParams = {};
  let index = 0;
  while (index < body.length) {
    if (/\s/.test(body[index] ?? '')) {
      index++;
      continue;
    }
    PAIR.lastIndex = index;
    const pair = PAIR.exec(body);
    if (!pair) throw new Error(`cannot read directive near "${body.slice(index, index + 20)}"`);
    const key = pair[1] ?? '';
    if (key in values) throw new Error(`"${key}" is given twice`);
    values[key] = pair[2] === undefined ? true : coerce(pair[2]);
    index = PAIR.lastIndex;
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
