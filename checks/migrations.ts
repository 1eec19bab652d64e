import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Finding } from '../src/core/template/model.js';
import { type CheckOutcome, defineCheck } from './check.js';
import {
  DEFAULT_MIGRATION_DIRS,
  inspectMigrations,
  type MigrationStatus,
} from './lib/migrations/migration-pairs.js';

const ParamsSchema = z
  .object({
    /** Migrations directory relative to the checked directory; auto-detected when absent. */
    dir: z.string().min(1).optional(),
  })
  .strict();

async function isDir(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function advice(status: MigrationStatus): string {
  if (status.problem) return `${status.file}: ${status.problem}`;
  const name = path.posix.basename(status.file);
  const stem = name.replace(/(?:[._-]up)?\.[^.]+$/i, '');
  return /\.sql$/i.test(name)
    ? `${status.file} has no rollback: add ${stem}.down.sql, a "-- migrate:down" section, or rollback/${name}`
    : `${status.file} has no rollback: export a down() migration`;
}

export const migrationsCheck = defineCheck({
  id: 'migrations',
  title: 'Every database migration has a rollback',
  params: ParamsSchema,
  async run(params, ctx): Promise<CheckOutcome> {
    const candidates = params.dir ? [params.dir] : DEFAULT_MIGRATION_DIRS;
    const dirs: string[] = [];
    for (const dir of candidates) if (await isDir(path.join(ctx.repoDir, dir))) dirs.push(dir);
    if (dirs.length === 0) {
      return {
        status: 'skipped',
        summary: params.dir
          ? `no migrations directory at ${params.dir}`
          : `no migrations directory (looked for ${DEFAULT_MIGRATION_DIRS.join(', ')})`,
      };
    }
    const statuses: MigrationStatus[] = [];
    for (const dir of dirs) {
      for (const status of await inspectMigrations(path.join(ctx.repoDir, dir))) {
        statuses.push({ ...status, file: path.posix.join(dir.split(path.sep).join('/'), status.file) });
      }
    }
    const where = dirs.join(', ');
    if (statuses.length === 0) return { status: 'skipped', summary: `no migrations in ${where}` };
    const missing = statuses.filter((s) => !s.rollback);
    const findings: Finding[] = missing.map((s) => ({ file: s.file, line: 1, message: advice(s) }));
    const metrics = { migrations: statuses.length, withoutRollback: missing.length };
    if (missing.length === 0) {
      return {
        status: 'pass',
        summary: `${plural(statuses.length, 'migration')} in ${where}, all with a rollback`,
        metrics,
      };
    }
    return {
      status: 'fail',
      summary: `${missing.length} of ${plural(statuses.length, 'migration')} in ${where} without a rollback`,
      details: missing.map((s) => `- ${advice(s)}`).join('\n'),
      findings,
      metrics,
    };
  },
});
