/**
 * Finds migrations and their rollbacks. A migration has a rollback when there is a down file
 * (`X.down.sql`, `X_down.sql`, `down.sql` in its folder), a non-empty down section
 * (`-- +migrate Down`, `-- migrate:down`, `-- +goose Down`, `-- down`), a `down` export in a JS/TS
 * migration, or a counterpart with the same name under `rollback/`.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const DEFAULT_MIGRATION_DIRS = [
  'migrations',
  'db/migrations',
  'supabase/migrations',
  'prisma/migrations',
];

export interface MigrationStatus {
  /** Path relative to the checked directory. */
  file: string;
  /** How the rollback is provided, or undefined when there is none. */
  rollback?: string;
  /** Why there is no usable rollback. */
  problem?: string;
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
    return SCRIPT_DOWN_RE.test(await read(full)) ? { file: name, rollback: 'down export' } : { file: name };
  }
  const stem = stemOf(name);
  for (const down of [`${stem}.down.sql`, `${stem}_down.sql`, `${stem}-down.sql`]) {
    if (!names.has(down)) continue;
    return hasStatements(await read(path.join(dir, down)))
      ? { file: name, rollback: down }
      : { file: name, problem: `${down} is empty` };
  }
  if (rollbacks.has(name)) return { file: name, rollback: `rollback/${name}` };
  return hasDownSection(await read(full)) ? { file: name, rollback: 'down section' } : { file: name };
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
  const down = sqlFiles.find((n) => DOWN_FILE_RE.test(n));
  if (down) {
    return hasStatements(await read(path.join(dir, folder, down)))
      ? { file, rollback: `${folder}/${down}` }
      : { file, problem: `${folder}/${down} is empty` };
  }
  for (const candidate of [folder, `${folder}.sql`]) {
    if (rollbacks.has(candidate)) return { file, rollback: `rollback/${candidate}` };
  }
  for (const up of ups)
    if (hasDownSection(await read(path.join(dir, folder, up)))) return { file, rollback: 'down section' };
  return { file };
}

/** Every migration in `dir` (absolute), with paths relative to `dir`, sorted by name. */
export async function inspectMigrations(dir: string): Promise<MigrationStatus[]> {
  const entries = await entriesOf(dir);
  const rollbackDir = entries.find((e) => e.isDirectory() && ROLLBACK_DIRS.has(e.name));
  const rollbacks = new Set(
    rollbackDir ? (await entriesOf(path.join(dir, rollbackDir.name))).map((e) => e.name) : [],
  );
  const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  const statuses: MigrationStatus[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && !ROLLBACK_DIRS.has(entry.name) && !entry.name.startsWith('.')) {
      const status = await folderStatus(dir, entry.name, rollbacks);
      if (status) statuses.push(status);
    } else if (
      entry.isFile() &&
      !DOWN_FILE_RE.test(entry.name) &&
      (SQL_RE.test(entry.name) || SCRIPT_RE.test(entry.name))
    ) {
      statuses.push(await fileStatus(dir, entry.name, names, rollbacks));
    }
  }
  return statuses;
}
