import { afterAll, describe, expect, it } from '@jest/globals';
import { hasDownSection } from '../../checks/lib/migrations/migration-pairs.js';
import { migrationsCheck } from '../../checks/migrations.js';
import { removeDirs, repoContext, tempDir, writeFiles } from '../helpers/repo-temp.js';

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

function project(files: Record<string, string>): string {
  const dir = tempDir('shipgate-migrations-');
  dirs.push(dir);
  writeFiles(dir, files);
  return dir;
}

const run = (dir: string, params: Record<string, unknown> = {}) =>
  migrationsCheck.run(migrationsCheck.params.parse(params), repoContext(dir));

const UP = 'CREATE TABLE orders (id int);\n';
const DOWN = 'DROP TABLE orders;\n';

describe('migrations check', () => {
  it.each([
    [`-- +migrate Up\n${UP}-- +migrate Down\n${DOWN}`, true],
    [`-- migrate:up\n${UP}-- migrate:down\n${DOWN}`, true],
    [`-- +goose Up\n${UP}-- +goose Down\n${DOWN}`, true],
    [`${UP}-- down\n${DOWN}`, true],
    [`-- migrate:up\n${UP}-- migrate:down\n\n-- nothing here\n`, false],
    [UP, false],
  ])('recognises down sections (%#)', (sql, expected) => expect(hasDownSection(sql)).toBe(expected));

  it('passes when every migration has a rollback, in every supported layout', async () => {
    const dir = project({
      'db/migrations/001_orders.up.sql': UP,
      'db/migrations/001_orders.down.sql': DOWN,
      'db/migrations/002_items.sql': UP,
      'db/migrations/002_items_down.sql': DOWN,
      'db/migrations/003_dbmate.sql': `-- migrate:up\n${UP}-- migrate:down\n${DOWN}`,
      'db/migrations/004_external.sql': UP,
      'db/migrations/rollback/004_external.sql': DOWN,
      'db/migrations/2024-01-01-000000_diesel/up.sql': UP,
      'db/migrations/2024-01-01-000000_diesel/down.sql': DOWN,
      'db/migrations/20240102_knex.js': 'exports.up = (k) => k;\nexports.down = (k) => k;\n',
      'db/migrations/README.md': '# notes\n',
    });
    expect(await run(dir)).toEqual({
      status: 'pass',
      summary: '6 migrations in db/migrations, all with a rollback',
      details: expect.stringContaining('Not proven: that a rollback reverses its migration'),
      metrics: { migrations: 6, withoutRollback: 0 },
    });
  });

  it('fails naming each migration without a rollback', async () => {
    const dir = project({
      'supabase/migrations/20240101000000_init.sql': `${UP}-- down\n${DOWN}`,
      'supabase/migrations/20240201000000_orders.sql': UP,
      'prisma/migrations/20240301_add_items/migration.sql': UP,
      'prisma/migrations/20240302_add_tips/migration.sql': UP,
      'prisma/migrations/20240302_add_tips/down.sql': '-- TODO\n',
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    });
    const outcome = await run(dir);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(
      '3 of 4 migrations in supabase/migrations, prisma/migrations without a rollback',
    );
    expect(outcome.findings).toEqual([
      {
        file: 'supabase/migrations/20240201000000_orders.sql',
        line: 1,
        message:
          'supabase/migrations/20240201000000_orders.sql has no rollback: add 20240201000000_orders.down.sql, a "-- migrate:down" section, or rollback/20240201000000_orders.sql',
      },
      {
        file: 'prisma/migrations/20240301_add_items/migration.sql',
        line: 1,
        message: expect.stringContaining('has no rollback'),
      },
      {
        file: 'prisma/migrations/20240302_add_tips/migration.sql',
        line: 1,
        message: 'prisma/migrations/20240302_add_tips/migration.sql: 20240302_add_tips/down.sql is empty',
      },
    ]);
  });

  it('uses the dir parameter', async () => {
    const dir = project({ 'sql/schema/1_a.sql': UP });
    expect((await run(dir, { dir: 'sql/schema' })).summary).toBe(
      '1 of 1 migration in sql/schema without a rollback',
    );
  });

  it('is skipped without a migrations directory or migrations', async () => {
    expect((await run(project({ 'README.md': '#' }))).summary).toBe(
      'no migrations directory (looked for migrations, db/migrations, supabase/migrations, prisma/migrations, drizzle, src/migrations, src/db/migrations, database/migrations, src/main/resources/db/migration, src/main/resources/db/changelog, db/migrate, alembic)',
    );
    expect(await run(project({ 'migrations/.gitkeep': '' }))).toEqual({
      status: 'skipped',
      summary: 'no migrations in migrations',
    });
    expect((await run(project({}), { dir: 'nope' })).summary).toBe('no migrations directory at nope');
  });
});
