/**
 * The TOML subset `.gitleaks.toml` files use: `[table]`, `[[array.of.tables]]`, `key = value` with
 * basic/literal (multi-line) strings, integers, floats, booleans and (nested, multi-line) arrays.
 * Anything else is an error with its line: a config we cannot read must not silently allow less.
 */

export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

export class TomlError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = TomlError.name;
  }
}

const BARE_KEY_RE = /^[A-Za-z0-9_-]+/;
const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };

class Reader {
  pos = 0;
  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  get line(): number {
    let n = 1;
    for (let i = this.text.indexOf('\n'); i !== -1 && i < this.pos; i = this.text.indexOf('\n', i + 1)) n++;
    return n;
  }
  fail(detail: string): never {
    throw new TomlError(this.file, this.line, detail);
  }
  peek(n = 1): string {
    return this.text.slice(this.pos, this.pos + n);
  }
  done(): boolean {
    return this.pos >= this.text.length;
  }
  /** Spaces and tabs (and, inside arrays, newlines and comments). */
  skip(newlines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) this.pos++;
      else if (c === '#') while (!this.done() && this.peek() !== '\n') this.pos++;
      else return;
    }
  }
  endOfLine(): void {
    this.skip(false);
    if (this.peek() === '\r') this.pos++;
    if (!this.done() && this.peek() !== '\n') this.fail(`unexpected "${this.peek()}" after a value`);
    this.pos++;
  }

  key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skip(false);
      const c = this.peek();
      if (c === '"' || c === "'") parts.push(this.string());
      else {
        const m = BARE_KEY_RE.exec(this.text.slice(this.pos));
        if (!m) this.fail(`expected a key, found "${c || 'end of file'}"`);
        parts.push(m[0]);
        this.pos += m[0].length;
      }
      this.skip(false);
      if (this.peek() !== '.') return parts;
      this.pos++;
    }
  }

  string(): string {
    const multi = this.peek(3);
    if (multi === '"""' || multi === "'''") return this.multilineString(multi);
    const quote = this.peek();
    this.pos++;
    let out = '';
    for (;;) {
      if (this.done() || this.peek() === '\n') this.fail('unterminated string');
      const c = this.text[this.pos++] ?? '';
      if (c === quote) return out;
      if (c === '\\' && quote === '"') out += this.escape();
      else out += c;
    }
  }
  private escape(): string {
    const c = this.text[this.pos++] ?? '';
    if (c in ESCAPES) return ESCAPES[c] ?? '';
    if (c === 'u' || c === 'U') {
      const hex = this.text.slice(this.pos, this.pos + (c === 'u' ? 4 : 8));
      if (!/^[0-9a-fA-F]+$/.test(hex)) this.fail(`bad unicode escape "\\${c}${hex}"`);
      this.pos += hex.length;
      return String.fromCodePoint(Number.parseInt(hex, 16));
    }
    return this.fail(`bad escape "\\${c}" (in a basic string; use '…' for a regex)`);
  }
  private multilineString(delimiter: string): string {
    this.pos += 3;
    if (this.peek() === '\n') this.pos++;
    else if (this.peek(2) === '\r\n') this.pos += 2;
    let out = '';
    for (;;) {
      if (this.done()) this.fail(`unterminated ${delimiter} string`);
      if (this.peek(3) === delimiter) {
        this.pos += 3;
        return out;
      }
      const c = this.text[this.pos++] ?? '';
      if (c === '\\' && delimiter === '"""') {
        if (/^[ \t]*\r?\n/.test(this.text.slice(this.pos))) {
          while (/\s/.test(this.peek())) this.pos++;
        } else out += this.escape();
      } else out += c;
    }
  }

  value(): TomlValue {
    this.skip(false);
    const c = this.peek();
    if (c === '"' || c === "'") return this.string();
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    const m = /^(?:true|false|[+-]?(?:\d[\d_]*)(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)(?=[\s,\]}#]|$)/.exec(
      this.text.slice(this.pos),
    );
    if (!m) this.fail(`unsupported value starting "${this.text.slice(this.pos, this.pos + 12)}"`);
    this.pos += m[0].length;
    if (m[0] === 'true' || m[0] === 'false') return m[0] === 'true';
    return Number(m[0].replace(/_/g, ''));
  }
  private array(): TomlValue[] {
    this.pos++;
    const items: TomlValue[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek() === ']') {
        this.pos++;
        return items;
      }
      items.push(this.value());
      this.skip(true);
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== ']')
        this.fail(`expected "," or "]" in an array, found "${this.peek() || 'end of file'}"`);
    }
  }
  private inlineTable(): TomlTable {
    this.pos++;
    const table: TomlTable = {};
    this.skip(false);
    if (this.peek() === '}') {
      this.pos++;
      return table;
    }
    for (;;) {
      const key = this.key();
      if (this.peek() !== '=') this.fail('expected "=" after a key');
      this.pos++;
      assign(table, key, this.value(), this);
      this.skip(false);
      if (this.peek() === '}') {
        this.pos++;
        return table;
      }
      if (this.peek() !== ',') this.fail('expected "," or "}" in an inline table');
      this.pos++;
    }
  }
}

function isTable(value: TomlValue | undefined): value is TomlTable {
  return typeof value === 'object' && !Array.isArray(value);
}

function descend(root: TomlTable, path: string[], reader: Reader): TomlTable {
  let table = root;
  for (const part of path) {
    let next = table[part];
    if (next === undefined) {
      next = {};
      table[part] = next;
    }
    if (Array.isArray(next)) next = next[next.length - 1];
    if (!isTable(next)) reader.fail(`"${path.join('.')}" is not a table`);
    table = next;
  }
  return table;
}

function assign(table: TomlTable, key: string[], value: TomlValue, reader: Reader): void {
  const last = key[key.length - 1] ?? '';
  const parent = descend(table, key.slice(0, -1), reader);
  if (last in parent) reader.fail(`duplicate key "${key.join('.')}"`);
  parent[last] = value;
}

/** Parses `text` (named `file` in errors). */
export function parseToml(text: string, file: string): TomlTable {
  const reader = new Reader(text, file);
  const root: TomlTable = {};
  let current = root;
  for (;;) {
    reader.skip(true);
    if (reader.done()) return root;
    if (reader.peek(2) === '[[') {
      reader.pos += 2;
      const path = reader.key();
      if (reader.peek(2) !== ']]') reader.fail('expected "]]"');
      reader.pos += 2;
      const parent = descend(root, path.slice(0, -1), reader);
      const name = path[path.length - 1] ?? '';
      const existing = parent[name];
      const list: TomlValue[] =
        existing === undefined
          ? []
          : Array.isArray(existing)
            ? existing
            : reader.fail(`"${path.join('.')}" is not an array of tables`);
      current = {};
      list.push(current);
      parent[name] = list;
    } else if (reader.peek() === '[') {
      reader.pos++;
      const path = reader.key();
      if (reader.peek() !== ']') reader.fail('expected "]"');
      reader.pos++;
      current = descend(root, path, reader);
    } else {
      const key = reader.key();
      if (reader.peek() !== '=') reader.fail(`expected "=" after "${key.join('.')}"`);
      reader.pos++;
      assign(current, key, reader.value(), reader);
    }
    reader.endOfLine();
  }
}
