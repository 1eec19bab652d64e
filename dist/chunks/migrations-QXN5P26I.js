import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DEFAULT_MIGRATION_DIRS,
  inspectMigrations
} from "./chunk-WVU573PS.js";
import {
  migrationsContract
} from "./chunk-YGQVJZBR.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/migrations.ts
import { stat } from "node:fs/promises";
import path from "node:path";
async function isDir(file) {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false
  );
}
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
function advice(status) {
  if (status.problem) return `${status.file}: ${status.problem}`;
  const name = path.posix.basename(status.file);
  const stem = name.replace(/(?:[._-]up)?\.[^.]+$/i, "");
  switch (status.tool) {
    case "postgrator": {
      const undo = name.replace(/^(\d+)\.do\./i, "$1.undo.");
      return `${status.file} has no rollback: add ${undo} (postgrator undo)`;
    }
    case "flyway":
      return `${status.file} has no rollback: add ${name.replace(/^V/, "U")} (Flyway undo migration; applying it needs Flyway Teams or a manual run)`;
    case "prisma":
      return `${status.file} has no rollback: Prisma Migrate writes no down migrations; add ${path.posix.dirname(status.file)}/down.sql (prisma migrate diff --from-schema-datamodel \u2026 --to-schema-datamodel \u2026 --script)`;
    case "drizzle":
      return `${status.file} has no rollback: drizzle-kit generates no down migrations; add ${stem}.down.sql`;
    case "golang-migrate":
      return `${status.file} has no rollback: add ${name.replace(/\.up\.sql$/i, ".down.sql")} (golang-migrate down migration)`;
    case "django":
      return `${status.file} has no rollback: give RunPython a reverse_code (migrations.RunPython.noop if nothing to undo) and RunSQL a reverse_sql`;
    case "alembic":
      return `${status.file} has no rollback: write downgrade() (Alembic runs it on downgrade)`;
    case "rails":
      return `${status.file} has no rollback: write def down, or use reversible operations in change`;
    case "liquibase":
      return `${status.file} has no rollback: add a <rollback> (or --rollback) to the changeSet`;
    case "script":
      return `${status.file} has no rollback: export a down() migration (Knex exports.down, Sequelize/umzug down)`;
    default:
      return `${status.file} has no rollback: add ${stem}.down.sql, a "-- migrate:down" section, or rollback/${name}`;
  }
}
function provenNote(statuses) {
  const tools = [...new Set(statuses.map((s) => s.tool ?? "sql"))].sort();
  const per = {
    postgrator: "postgrator: each NNN.do has a non-empty NNN.undo of the same version",
    flyway: "Flyway: each V<version> has a non-empty U<version> (R__ repeatables need none)",
    prisma: "Prisma: each migration folder has a non-empty down.sql (Prisma itself has no down)",
    drizzle: "Drizzle: each migration has a non-empty .down.sql (drizzle-kit itself has no down)",
    script: "Knex/Sequelize/umzug: each script exports a non-empty down()",
    sql: "SQL: each migration has a non-empty down file or down section",
    "golang-migrate": "golang-migrate: each N_x.up.sql has a non-empty N_x.down.sql",
    django: "Django: no RunPython without reverse_code and no RunSQL without reverse_sql (Django reverses schema operations itself)",
    alembic: "Alembic: each revision has a downgrade() that is not empty (pass)",
    rails: "Rails: each migration has a non-empty down that does not raise IrreversibleMigration, or a change without operations Rails cannot reverse (execute, change_column, remove_column without type, drop_table without columns)",
    liquibase: "Liquibase: each changeSet has a rollback tag or only changes Liquibase reverses itself"
  };
  return [
    ...tools.map((tool) => `Proven \u2014 ${per[tool] ?? tool}.`),
    "Not proven: that a rollback reverses its migration or keeps data; run down then up on a staging copy."
  ].join("\n");
}
var migrationsCheck = defineCheck({
  ...migrationsContract,
  async run(params, ctx) {
    const named = params.dir?.split(",").map((dir) => dir.trim()).filter(Boolean);
    const candidates = named ?? DEFAULT_MIGRATION_DIRS;
    const dirs = [];
    for (const dir of candidates) if (await isDir(path.join(ctx.repoDir, dir))) dirs.push(dir);
    if (dirs.length === 0) {
      return {
        status: "skipped",
        summary: params.dir ? `no migrations directory at ${params.dir}` : `no migrations directory (looked for ${DEFAULT_MIGRATION_DIRS.join(", ")})`
      };
    }
    const statuses = [];
    for (const dir of dirs) {
      for (const status of await inspectMigrations(path.join(ctx.repoDir, dir))) {
        statuses.push({ ...status, file: path.posix.join(dir.split(path.sep).join("/"), status.file) });
      }
    }
    const where = dirs.join(", ");
    if (statuses.length === 0) return { status: "skipped", summary: `no migrations in ${where}` };
    const missing = statuses.filter((s) => !s.rollback);
    const findings = missing.map((s) => ({ file: s.file, line: 1, message: advice(s) }));
    const metrics = { migrations: statuses.length, withoutRollback: missing.length };
    if (missing.length === 0) {
      return {
        status: "pass",
        summary: `${plural(statuses.length, "migration")} in ${where}, all with a rollback`,
        details: provenNote(statuses),
        metrics
      };
    }
    return {
      status: "fail",
      summary: `${missing.length} of ${plural(statuses.length, "migration")} in ${where} without a rollback`,
      details: [...missing.map((s) => `- ${advice(s)}`), provenNote(statuses)].join("\n"),
      findings,
      metrics
    };
  }
});
export {
  migrationsCheck
};
