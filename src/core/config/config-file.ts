import { type Document, isNode, LineCounter, parseDocument, visit } from 'yaml';
import { codePointLabel, findControlCharacter } from '../control-characters.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { type Config, ConfigSchema } from './config.js';

const MAX_CONFIG_BYTES = 64 * 1024;

/** A shipgate config is a few levels deep; anything far deeper is hostile or broken. */
const MAX_NESTING = 32;

/**
 * Rejects nesting deeper than MAX_NESTING before the YAML parser recurses into it (so the limit
 * is ours, with a line, rather than the stack size): flow brackets across lines, repeated `- `
 * sequence markers, and indentation.
 */
function nestingProblem(text: string, file: string): Problem | undefined {
  let flowDepth = 0;
  const lines = text.split(/\r\n?|\n/);
  for (const [index, line] of lines.entries()) {
    const tooDeep = (): Problem => ({
      file,
      line: index + 1,
      message: `config nests deeper than ${MAX_NESTING} levels`,
    });
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (indent > MAX_NESTING * 2) return tooDeep();
    if ((/^(?:\s*(?:[\w.-]+:\s+)?)((?:-\s+)+)/.exec(line)?.[1]?.match(/-/g)?.length ?? 0) > MAX_NESTING) {
      return tooDeep();
    }
    let quote: string | undefined;
    for (const char of line) {
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '#') break;
      else if (char === '[' || char === '{') {
        if (++flowDepth > MAX_NESTING) return tooDeep();
      } else if (char === ']' || char === '}') flowDepth = Math.max(0, flowDepth - 1);
    }
  }
  return undefined;
}

/** Parses `.github/shipgate.yml` text; every problem names the file, line and key. */
export function parseConfig(text: string, file: string): Config {
  // Checked before any parsing; length first so a huge string is never encoded.
  if (text.length > MAX_CONFIG_BYTES || new TextEncoder().encode(text).length > MAX_CONFIG_BYTES) {
    throw new InvalidInputError([
      { file, line: 1, message: `config is larger than ${MAX_CONFIG_BYTES} bytes` },
    ]);
  }
  const characterProblem = badCharacter(text, file) ?? nestingProblem(text, file);
  if (characterProblem) throw new InvalidInputError([characterProblem]);
  const lineCounter = new LineCounter();
  // A parse error at the very end (unclosed bracket) points at the last line that has content.
  const lastLine = text.trimEnd().split(/\r\n?|\n/).length;
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : Math.max(1, Math.min(lineCounter.linePos(offset).line, lastLine));
  // yaml throws (rather than reports) on nesting deep enough to exhaust the stack and on alias bombs.
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    throw new InvalidInputError([{ file, line: 1, message: `YAML: ${(error as Error).message}` }]);
  }
  if (doc.errors.length > 0) {
    throw new InvalidInputError(
      doc.errors.map((error) => ({
        file,
        line: lineOf(error.pos[0]),
        message: `YAML: ${error.message.split('\n')[0]}`,
      })),
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    const line = lineOf(firstAliasOffset(doc));
    throw new InvalidInputError([{ file, line, message: `YAML: ${(error as Error).message}` }]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidInputError([{ file, line: 1, message: 'config must be a mapping of keys to values' }]);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems: Problem[] = parsed.error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const keys =
      issue.code === 'unrecognized_keys' && 'keys' in issue
        ? (issue.keys as string[]).map((key) => [...path, key])
        : [path];
    const node = doc.getIn(keys[0] ?? path, true);
    const pair = isNode(node) ? node : doc.getIn(path.slice(0, -1), true);
    const offset = isNode(pair) ? pair.range?.[0] : undefined;
    const line =
      keys[0] && issue.code === 'unrecognized_keys' ? findKeyLine(doc, keys[0], lineOf) : lineOf(offset);
    const where = path.length > 0 ? path.join('.') : '(top level)';
    return { file, line, message: `${where}: ${issue.message}` };
  });
  throw new InvalidInputError(problems);
}

/** The line of a key (not its value), for "unknown key" errors. */
function findKeyLine(
  doc: Document.Parsed,
  path: (string | number)[],
  lineOf: (offset: number | undefined) => number,
): number {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const last = path.at(-1);
  if (parent && typeof parent === 'object' && 'items' in parent && Array.isArray(parent.items)) {
    for (const pair of parent.items as { key?: unknown }[]) {
      const key = pair.key;
      if (isNode(key) && 'value' in key && key.value === last) return lineOf(key.range?.[0]);
    }
  }
  return 1;
}

/** Control characters (but tab and line breaks) are refused; U+FFFD means the file was not UTF-8. */
function badCharacter(
  text: string,
  file: string,
): { file: string; line: number; message: string } | undefined {
  const control = findControlCharacter(text, '\t\n\r');
  const undecoded = text.indexOf('\uFFFD');
  // whichever comes first is the line reported
  const index = undecoded !== -1 && (!control || undecoded < control.index) ? undecoded : control?.index;
  if (index === undefined) return undefined;
  const line = text.slice(0, index).split(/\r\n?|\n/).length;
  const message =
    index === undecoded
      ? 'config is not valid UTF-8 (contains U+FFFD)'
      : `config contains control character ${codePointLabel(text.charAt(index))}`;
  return { file, line, message };
}

/** Offset of the first `*alias`: where an alias bomb starts expanding. */
function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
