/**
 * Finds migrations and their rollbacks. A migration has a rollback when there is a down file
 * (`X.down.sql`, `X_down.sql`, `down.sql` in its folder), a postgrator undo (`001.do.x.sql` +
 * `001.undo.x.sql` are ONE migration), a Flyway undo (`V3__x.sql` + `U3__x.sql`), a non-empty down
 * section (`-- +migrate Down`, `-- migrate:down`, `-- +goose Down`, `-- down`), a non-empty `down`
 * export in a JS/TS migration (Knex, Sequelize, umzug), or a counterpart under `rollback/`.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inspectScriptMigrations, type ScriptMigrationTool, scriptToolOf } from './migration-tools.js';

export const DEFAULT_MIGRATION_DIRS = [
  'migrations',
  'db/migrations',
  'supabase/migrations',
  'prisma/migrations',
  'drizzle',
  'src/migrations',
  'src/db/migrations',
  'database/migrations',
  'src/main/resources/db/migration',
  'src/main/resources/db/changelog',
  'db/migrate',
  'alembic',
];

/** The migration tool a file's shape belongs to; what shipgate can prove differs per tool. */
export type MigrationTool =
  | 'postgrator'
  | 'flyway'
  | 'prisma'
  | 'drizzle'
  | 'script'
  | 'sql'
  | 'golang-migrate'
  | ScriptMigrationTool;

export interface MigrationStatus {
  /** Path relative to the checked directory. */
  file: string;
  /** How the rollback is provided, or undefined when there is none. */
  rollback?: string;
  /** Why there is no usable rollback. */
  problem?: string;
  tool?: MigrationTool;
}

/** postgrator: `001.do.sql`, `001.do.create-users.sql`, `001.undo.create-users.sql` (also `.js`). */
const POSTGRATOR_RE = /^(\d+)\.(do|undo)(?:\.[^/]*)?\.(?:sql|[cm]?js)$/i;
/** Flyway: versioned `V1_2__desc.sql`, undo `U1_2__desc.sql`; repeatable `R__` and baseline `B` are not versions. */
const FLYWAY_RE = /^([VUBR])(\d+(?:[._]\d+)*)?__.+\.sql$/;
/** A `down` whose body is empty: `exports.down = () => {}`, `async down() {}`. */
const DOWN_START_RE =
  /\bdown\s*(?:[:=]\s*)?(?:async\s*)?(?:function\s*\w*\s*)?\([^)]*\)\s*(?::\s*Promise<\w+>\s*)?(?:=>\s*)?/g;

/** A body that undoes nothing: nothing, comments, `return`, `return Promise.resolve()`, `return null`. */
function emptyBody(body: string): boolean {
  const code = body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/;$/, '')
    .trim();
  return /^(?:|return|return (?:null|undefined|Promise\.resolve\(\s*\))|Promise\.resolve\(\s*\))$/.test(code);
}

/**
 * Whether the script's `down` undoes nothing (`exports.down = function (knex) {}`, a body of only
 * comments or `return Promise.resolve()`, `down: () => Promise.resolve()`): Knex and umzug run it
 * and report success while the schema stays as `up` left it.
 */
export function emptyDown(text: string): boolean {
  for (const match of text.matchAll(DOWN_START_RE)) {
    const start = (match.index ?? 0) + match[0].length;
    if (text[start] === '{') {
      let depth = 0;
      for (let i = start; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) {
          if (emptyBody(text.slice(start + 1, i))) return true;
          break;
        }
      }
    } else if (match[0].includes('=>')) {
      // concise arrow body: up to the end of the statement
      const body = /^[^;\n]*/.exec(text.slice(start))?.[0] ?? '';
      if (emptyBody(body)) return true;
    }
  }
  return false;
}

const ROLLBACK_DIRS = new Set(['rollback', 'rollbacks']);
const DOWN_FILE_RE = /(?:^|[._-])down\.sql$/i;
const SQL_RE = /\.sql$/i;
const SCRIPT_RE = /^(?!.*\.d\.ts$).*\.(?:[cm]?js|[cm]?ts)$/i;
const DOWN_MARKER_RE = /^[ \t]*--[ \t]*(?:\+migrate[ \t]+down|migrate:down|\+goose[ \t]+down|down)\b.*$/im;
const SCRIPT_DOWN_RE =
  /\bexports\.down\b|\bexport\s+(?:async\s+)?function\s+down\b|\bexport\s+const\s+down\b|\bdown\s*(?::|\()/;

/** SQL with at least one statement line (not blank, not a comment). */
function hasStatements(sql: string): boolean {
  return sql.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--'));
}

/** Non-empty down section inside an up migration. */
export function hasDownSection(sql: string): boolean {
  const marker = DOWN_MARKER_RE.exec(sql);
  return marker !== null && hasStatements(sql.slice(marker.index + marker[0].length));
}

const stemOf = (name: string) => name.replace(/(?:[._-]up)?\.sql$/i, '');

async function read(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => '');
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
}

/** Status of a single-file migration (`001_init.sql`, `001_init.up.sql`, `20240101_x.ts`). */
async function fileStatus(
  dir: string,
  name: string,
  names: Set<string>,
  rollbacks: Set<string>,
): Promise<MigrationStatus> {
  const full = path.join(dir, name);
  if (SCRIPT_RE.test(name)) {
    const text = await read(full);
    if (!SCRIPT_DOWN_RE.test(text)) return { file: name, tool: 'script' };
    if (emptyDown(text)) return { file: name, tool: 'script', problem: 'down() is empty' };
    return { file: name, rollback: 'down export', tool: 'script' };
  }
  const stem = stemOf(name);
  // golang-migrate: `1_create_users.up.sql` beside `1_create_users.down.sql`.
  const tool: MigrationTool | undefined = /^\d+_.+\.up\.sql$/i.test(name) ? 'golang-migrate' : undefined;
  for (const down of [`${stem}.down.sql`, `${stem}_down.sql`, `${stem}-down.sql`]) {
    if (!names.has(down)) continue;
    return hasStatements(await read(path.join(dir, down)))
      ? { file: name, rollback: down, ...(tool ? { tool } : {}) }
      : { file: name, problem: `${down} is empty`, ...(tool ? { tool } : {}) };
  }
  if (tool) return { file: name, tool };
  if (rollbacks.has(name)) return { file: name, rollback: `rollback/${name}` };
  return hasDownSection(await read(full))
    ? { file: name, rollback: 'down section', tool: 'sql' }
    : { file: name, tool: 'sql' };
}

/** postgrator and Flyway pair a migration with its undo by version: the undo is not a migration. */
async function versionedStatuses(dir: string, names: readonly string[]): Promise<MigrationStatus[]> {
  const undoByVersion = new Map<string, string>();
  const dos: { name: string; version: string; tool: MigrationTool }[] = [];
  for (const name of names) {
    const postgrator = POSTGRATOR_RE.exec(name);
    if (postgrator?.[1] && postgrator[2]) {
      const version = `p:${Number(postgrator[1])}`;
      if (postgrator[2].toLowerCase() === 'undo') undoByVersion.set(version, name);
      else dos.push({ name, version, tool: 'postgrator' });
      continue;
    }
    const flyway = FLYWAY_RE.exec(name);
    if (flyway?.[1] && flyway[2]) {
      const version = `f:${flyway[2].replace(/_/g, '.')}`;
      if (flyway[1] === 'U') undoByVersion.set(version, name);
      else if (flyway[1] === 'V') dos.push({ name, version, tool: 'flyway' });
    }
  }
  const statuses: MigrationStatus[] = [];
  for (const migration of dos) {
    const undo = undoByVersion.get(migration.version);
    if (!undo) statuses.push({ file: migration.name, tool: migration.tool });
    else if (!hasStatements(await read(path.join(dir, undo))))
      statuses.push({ file: migration.name, tool: migration.tool, problem: `${undo} is empty` });
    else statuses.push({ file: migration.name, tool: migration.tool, rollback: undo });
  }
  return statuses;
}

/** Whether a file name belongs to postgrator's or Flyway's naming (handled by version, not by stem). */
function isVersionedName(name: string): boolean {
  return POSTGRATOR_RE.test(name) || FLYWAY_RE.test(name);
}

/** Status of a folder migration (`20240101_init/migration.sql`, diesel's `up.sql` + `down.sql`). */
async function folderStatus(
  dir: string,
  folder: string,
  rollbacks: Set<string>,
): Promise<MigrationStatus | undefined> {
  const sqlFiles = (await entriesOf(path.join(dir, folder)))
    .filter((e) => e.isFile() && SQL_RE.test(e.name))
    .map((e) => e.name)
    .sort();
  const ups = sqlFiles.filter((n) => !DOWN_FILE_RE.test(n));
  const main = ups.find((n) => /^(?:up|migration)\.sql$/i.test(n)) ?? ups[0];
  if (!main) return undefined;
  const file = `${folder}/${main}`;
  const tool: MigrationTool = main === 'migration.sql' ? 'prisma' : 'sql';
  const down = sqlFiles.find((n) => DOWN_FILE_RE.test(n));
  if (down) {
    return hasStatements(await read(path.join(dir, folder, down)))
      ? { file, tool, rollback: `${folder}/${down}` }
      : { file, tool, problem: `${folder}/${down} is empty` };
  }
  for (const candidate of [folder, `${folder}.sql`]) {
    if (rollbacks.has(candidate)) return { file, tool, rollback: `rollback/${candidate}` };
  }
  for (const up of ups)
    if (hasDownSection(await read(path.join(dir, folder, up))))
      return { file, tool, rollback: 'down section' };
  return { file, tool };
}

/** Every migration in `dir` (absolute), with paths relative to `dir`, sorted by name. */
export async function inspectMigrations(dir: string): Promise<MigrationStatus[]> {
  const scriptTool = await scriptToolOf(dir);
  if (scriptTool) return inspectScriptMigrations(dir, scriptTool);
  const entries = await entriesOf(dir);
  const rollbackDir = entries.find((e) => e.isDirectory() && ROLLBACK_DIRS.has(e.name));
  const rollbacks = new Set(
    rollbackDir ? (await entriesOf(path.join(dir, rollbackDir.name))).map((e) => e.name) : [],
  );
  const fileNames = entries.filter((e) => e.isFile()).map((e) => e.name);
  const names = new Set(fileNames);
  const drizzle = entries.some((e) => e.isDirectory() && e.name === 'meta') && names.size > 0;
  const statuses: MigrationStatus[] = await versionedStatuses(dir, fileNames.filter(isVersionedName));
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && !ROLLBACK_DIRS.has(entry.name) && !entry.name.startsWith('.')) {
      const status = await folderStatus(dir, entry.name, rollbacks);
      if (status) statuses.push(status);
    } else if (
      entry.isFile() &&
      !isVersionedName(entry.name) &&
      !DOWN_FILE_RE.test(entry.name) &&
      (SQL_RE.test(entry.name) || SCRIPT_RE.test(entry.name))
    ) {
      const status = await fileStatus(dir, entry.name, names, rollbacks);
      statuses.push(drizzle && status.tool === 'sql' ? { ...status, tool: 'drizzle' } : status);
    }
  }
  return statuses.sort((a, b) => a.file.localeCompare(b.file));
}
