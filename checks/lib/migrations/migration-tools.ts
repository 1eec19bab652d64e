/**
 * Migrations written in a language rather than SQL: Django, Alembic, Rails (ActiveRecord) and
 * Liquibase changelogs. Each tool reverses differently, so "has a rollback" means what the tool
 * itself would do on `migrate <previous>` / `downgrade -1` / `db:rollback` / `rollback-count 1`:
 *
 * - Django reverses schema operations by itself; `RunPython` without `reverse_code` and `RunSQL`
 *   without `reverse_sql` make the migration irreversible (Django raises IrreversibleError).
 * - Alembic runs `downgrade()`: one whose body is only `pass` (or comments) undoes nothing.
 * - Rails reverses `change` except for operations it cannot invert (`execute`, `change_column`,
 *   `remove_column` without a type, `drop_table` without its columns); `down` raising
 *   `ActiveRecord::IrreversibleMigration` is irreversible by declaration; `up` without `down` too.
 * - Liquibase rolls back a changeSet with its `rollback` tag, or by itself for changes it knows
 *   how to invert (createTable, addColumn, renameColumn, createIndex, …); `sql`, `dropTable`,
 *   `dropColumn`, `insert`, `update`, `delete` need a `rollback` tag.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export type ScriptMigrationTool = 'django' | 'alembic' | 'rails' | 'liquibase';

export interface ToolMigrationStatus {
  file: string;
  tool: ScriptMigrationTool;
  rollback?: string;
  problem?: string;
}

async function read(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => '');
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
}

/** The text between the `(` at `open` and its matching `)`, strings skipped; undefined when unbalanced. */
export function callArguments(text: string, open: number): string | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return undefined;
}

/** Top-level comma-separated arguments of a call's argument text. */
export function splitArguments(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const char = args[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char ?? '')) depth++;
    else if (')]}'.includes(char ?? '')) depth--;
    else if (char === ',' && depth === 0) {
      parts.push(args.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(args.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Why a Django migration cannot be reversed, or undefined when Django reverses it. */
export function djangoIrreversible(text: string): string | undefined {
  const problems: string[] = [];
  for (const [op, keyword] of [
    ['RunPython', 'reverse_code'],
    ['RunSQL', 'reverse_sql'],
  ] as const) {
    for (const match of text.matchAll(new RegExp(`\\b${op}\\s*\\(`, 'g'))) {
      const args = callArguments(text, (match.index ?? 0) + match[0].length - 1);
      if (args === undefined) continue;
      const parts = splitArguments(args);
      const positional = parts.filter((part) => !/^\w+\s*=/.test(part));
      const reverse = parts.find((part) => new RegExp(`^${keyword}\\s*=`).test(part));
      if (positional.length >= 2 || (reverse && !/=\s*None$/.test(reverse))) continue;
      const line = text.slice(0, match.index).split('\n').length;
      problems.push(`${op} without ${keyword} (line ${line})`);
    }
  }
  return problems.length > 0 ? `irreversible: ${problems.join(', ')}` : undefined;
}

/** A Python function's body (the indented lines after `def name(...):`), or undefined. */
function pythonBody(text: string, name: string): string | undefined {
  const def = new RegExp(`^([ \\t]*)def\\s+${name}\\s*\\([^)]*\\)[^:\\n]*:[ \\t]*(.*)$`, 'm').exec(text);
  if (!def) return undefined;
  if (def[2]?.trim() && !def[2].trim().startsWith('#')) return def[2];
  const indent = def[1]?.length ?? 0;
  const lines: string[] = [];
  for (const line of text
    .slice((def.index ?? 0) + def[0].length)
    .split('\n')
    .slice(1)) {
    if (line.trim() === '') {
      lines.push(line);
      continue;
    }
    if ((/^[ \t]*/.exec(line)?.[0].length ?? 0) <= indent) break;
    lines.push(line);
  }
  return lines.join('\n');
}

/** Alembic: `downgrade()` with statements (not only `pass`, comments and a docstring). */
export function alembicDowngrade(text: string): { rollback?: string; problem?: string } {
  const body = pythonBody(text, 'downgrade');
  if (body === undefined) return {};
  const code = body
    .replace(/("""|''')[\s\S]*?\1/g, '')
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '' && line !== 'pass' && line !== '...');
  return code.length > 0 ? { rollback: 'downgrade()' } : { problem: 'downgrade() is empty (pass)' };
}

/** A Ruby method's body from `def name` to its `end` (by indentation, as Rails generates them). */
function rubyBody(text: string, name: string): string | undefined {
  const def = new RegExp(`^([ \\t]*)def\\s+(?:self\\.)?${name}\\b.*$`, 'm').exec(text);
  if (!def) return undefined;
  const indent = def[1] ?? '';
  const rest = text.slice((def.index ?? 0) + def[0].length);
  const end = new RegExp(`^${indent}end\\b`, 'm').exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

/** Operations Rails cannot invert inside `change` (outside `reversible`/`up_only` blocks). */
function railsIrreversibleOps(change: string): string[] {
  const outside = change.replace(/\b(?:reversible|up_only)\b[\s\S]*?^\s*end\b/gm, '');
  const found: string[] = [];
  for (const line of outside.split('\n')) {
    const code = line.replace(/#.*$/, '').trim();
    const op =
      /^(execute|change_column|remove_column|drop_table|remove_columns|change_column_default|remove_index)\b(.*)$/.exec(
        code,
      );
    if (!op?.[1]) continue;
    const args = splitArguments((op[2] ?? '').replace(/^\s*\(|\)\s*$/g, ''));
    const irreversible =
      op[1] === 'execute' ||
      op[1] === 'change_column' ||
      (op[1] === 'remove_column' && args.length < 3) ||
      (op[1] === 'remove_columns' && !args.some((arg) => arg.startsWith('type:'))) ||
      (op[1] === 'drop_table' && !/\bdo\b|\{/.test(op[2] ?? '')) ||
      (op[1] === 'change_column_default' && !/\bfrom:/.test(op[2] ?? '')) ||
      (op[1] === 'remove_index' && !/\bcolumn:|\[/.test(op[2] ?? '') && args.length < 2);
    if (irreversible) found.push(op[1]);
  }
  return [...new Set(found)];
}

/** Rails (ActiveRecord): what `db:rollback` would do with this migration. */
export function railsRollback(text: string): { rollback?: string; problem?: string } {
  const down = rubyBody(text, 'down');
  if (down !== undefined) {
    if (/raise\s+(?:::)?ActiveRecord::IrreversibleMigration/.test(down))
      return { problem: 'down raises ActiveRecord::IrreversibleMigration' };
    const code = down.split('\n').filter((line) => line.replace(/#.*$/, '').trim() !== '');
    return code.length > 0 ? { rollback: 'def down' } : { problem: 'down is empty' };
  }
  const change = rubyBody(text, 'change');
  if (change !== undefined) {
    const ops = railsIrreversibleOps(change);
    return ops.length > 0
      ? { problem: `change uses ${ops.join(', ')}, which Rails cannot reverse (add reversible/up+down)` }
      : { rollback: 'change (Rails reverses it)' };
  }
  return {};
}

/** Liquibase changes it rolls back by itself (docs: "Automatic rollback"). */
const LIQUIBASE_AUTO = new Set([
  'addColumn',
  'addDefaultValue',
  'addForeignKeyConstraint',
  'addLookupTable',
  'addNotNullConstraint',
  'addPrimaryKey',
  'addUniqueConstraint',
  'createIndex',
  'createSequence',
  'createTable',
  'createView',
  'dropNotNullConstraint',
  'renameColumn',
  'renameSequence',
  'renameTable',
  'renameView',
  'tagDatabase',
  'addAutoIncrement',
  'createProcedure',
]);

/** Liquibase changeSets of an XML, YAML or formatted-SQL changelog, each with its rollback status. */
export function liquibaseChangeSets(file: string, text: string): ToolMigrationStatus[] {
  const out: ToolMigrationStatus[] = [];
  const status = (id: string, line: number, changes: string[], rollback: boolean) => {
    const manual = changes.filter((change) => !LIQUIBASE_AUTO.has(change));
    const where = `${file}#${id} (line ${line})`;
    if (rollback) out.push({ file: where, tool: 'liquibase', rollback: 'rollback tag' });
    else if (changes.length > 0 && manual.length === 0)
      out.push({ file: where, tool: 'liquibase', rollback: 'Liquibase reverses it' });
    else
      out.push({
        file: where,
        tool: 'liquibase',
        problem: `no rollback tag for ${manual.join(', ') || 'its changes'}`,
      });
  };
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  if (/\.sql$/i.test(file)) {
    const sets = [...text.matchAll(/^--\s*changeset\s+(\S+)/gim)];
    sets.forEach((set, n) => {
      const body = text.slice(set.index, sets[n + 1]?.index ?? text.length);
      const rollback = /^--\s*rollback\s+\S/im.test(body);
      status(set[1] ?? '?', lineOf(set.index ?? 0), ['sql'], rollback);
    });
    return out;
  }
  if (/\.xml$/i.test(file)) {
    for (const set of text.matchAll(/<changeSet\b([^>]*)>([\s\S]*?)<\/changeSet>/g)) {
      const id = /\bid\s*=\s*"([^"]*)"/.exec(set[1] ?? '')?.[1] ?? '?';
      const body = set[2] ?? '';
      const rollback = /<rollback\b[^/]*?(?:\/>|>[\s\S]*?<\/rollback>)/.test(body);
      const withoutRollback = body.replace(/<rollback\b[\s\S]*?(?:\/>|<\/rollback>)/g, '');
      const changes = [...withoutRollback.matchAll(/<(\w+)\b/g)]
        .map((match) => match[1] ?? '')
        .filter(
          (tag) =>
            ![
              'column',
              'constraints',
              'comment',
              'preConditions',
              'validCheckSum',
              'where',
              'param',
            ].includes(tag),
        );
      status(id, lineOf(set.index ?? 0), [...new Set(changes)], rollback);
    }
    return out;
  }
  // YAML / JSON: `- changeSet:` blocks; their `changes:` list items name the change types.
  const sets = [...text.matchAll(/^(\s*)-\s*changeSet\s*:/gm)];
  sets.forEach((set, n) => {
    const body = text.slice(set.index, sets[n + 1]?.index ?? text.length);
    const id = /\bid\s*:\s*['"]?([^'"\n]+)/.exec(body)?.[1]?.trim() ?? '?';
    const rollbackAt = body.search(/^\s*rollback\s*:/m);
    const changesPart = rollbackAt === -1 ? body : body.slice(0, rollbackAt);
    const changes = [...changesPart.matchAll(/^\s*-\s*(\w+)\s*:\s*$/gm)]
      .map((match) => match[1] ?? '')
      .filter((name) => name !== 'changeSet' && name !== 'column');
    status(id, lineOf(set.index ?? 0), [...new Set(changes)], rollbackAt !== -1);
  });
  return out;
}

/** Which script tool a migrations folder belongs to, from its files; undefined for SQL/JS folders. */
export async function scriptToolOf(dir: string): Promise<ScriptMigrationTool | undefined> {
  const entries = await entriesOf(dir);
  const names = new Set(entries.map((entry) => entry.name));
  if (
    entries.some((e) => e.isDirectory() && e.name === 'versions') &&
    (names.has('env.py') || names.has('alembic.ini') || names.has('script.py.mako'))
  )
    return 'alembic';
  const py = entries.filter((e) => e.isFile() && /\.py$/.test(e.name) && e.name !== '__init__.py');
  for (const entry of py.slice(0, 5)) {
    const text = await read(path.join(dir, entry.name));
    if (/\bmigrations\.Migration\b/.test(text)) return 'django';
    if (/^def\s+upgrade\s*\(/m.test(text) && /\brevision\s*=/.test(text)) return 'alembic';
  }
  if (entries.some((e) => e.isFile() && /^\d+_\w+\.rb$/.test(e.name))) return 'rails';
  for (const entry of entries
    .filter((e) => e.isFile() && /\.(?:xml|ya?ml|json|sql)$/i.test(e.name))
    .slice(0, 20)) {
    const text = await read(path.join(dir, entry.name));
    if (/databaseChangeLog|^--\s*liquibase formatted sql/im.test(text)) return 'liquibase';
  }
  return undefined;
}

/** Every migration of a Django, Alembic, Rails or Liquibase folder (paths relative to `dir`). */
export async function inspectScriptMigrations(
  dir: string,
  tool: ScriptMigrationTool,
): Promise<ToolMigrationStatus[]> {
  const out: ToolMigrationStatus[] = [];
  const sorted = async (folder: string) =>
    (await entriesOf(folder))
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  if (tool === 'django') {
    for (const name of (await sorted(dir)).filter((n) => /^\d{4}_\w+\.py$/.test(n))) {
      const problem = djangoIrreversible(await read(path.join(dir, name)));
      out.push(
        problem
          ? { file: name, tool, problem }
          : { file: name, tool, rollback: 'Django reverses its operations' },
      );
    }
  } else if (tool === 'alembic') {
    const versions = (await entriesOf(path.join(dir, 'versions'))).length > 0 ? 'versions' : '';
    for (const name of (await sorted(path.join(dir, versions))).filter(
      (n) => /\.py$/.test(n) && n !== '__init__.py',
    )) {
      const text = await read(path.join(dir, versions, name));
      if (!/^def\s+upgrade\s*\(/m.test(text)) continue;
      out.push({ file: path.posix.join(versions, name), tool, ...alembicDowngrade(text) });
    }
  } else if (tool === 'rails') {
    for (const name of (await sorted(dir)).filter((n) => /^\d+_\w+\.rb$/.test(n)))
      out.push({ file: name, tool, ...railsRollback(await read(path.join(dir, name))) });
  } else {
    // A master changelog includes the others, usually from subfolders (`changes/001-init.xml`).
    const files = (await readdir(dir, { recursive: true }).catch(() => [] as string[]))
      .map((name) => name.split(path.sep).join('/'))
      .filter((name) => /\.(?:xml|ya?ml|json|sql)$/i.test(name))
      .sort()
      .slice(0, 2000);
    for (const name of files) {
      const text = await read(path.join(dir, name));
      if (!/changeSet|^--\s*changeset/im.test(text)) continue;
      out.push(...liquibaseChangeSets(name, text));
    }
  }
  return out;
}
