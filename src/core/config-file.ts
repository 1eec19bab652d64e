import { isNode, LineCounter, parseDocument } from 'yaml';
import { type Config, ConfigSchema } from './config.js';
import { InvalidInputError, type Problem } from './errors.js';

const MAX_CONFIG_BYTES = 64 * 1024;

/** Parses `.github/shipgate.yml` text; every problem names the file, line and key. */
export function parseConfig(text: string, file: string): Config {
  if (text.length > MAX_CONFIG_BYTES) {
    throw new InvalidInputError([
      { file, line: 1, message: `config is larger than ${MAX_CONFIG_BYTES} bytes` },
    ]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    throw new InvalidInputError(
      doc.errors.map((error) => ({
        file,
        line: lineOf(error.pos[0]),
        message: `YAML: ${error.message.split('\n')[0]}`,
      })),
    );
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 50 }) ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
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
  doc: ReturnType<typeof parseDocument>,
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
