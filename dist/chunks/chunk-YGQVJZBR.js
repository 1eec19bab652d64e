import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/migrations.ts
var ParamsSchema = external_exports.object({
  /** Migrations directory relative to the checked directory (several: comma-separated, e.g. one per Django app); auto-detected when absent. */
  dir: external_exports.string().min(1).optional()
}).strict();
var migrationsContract = defineContract({
  id: "migrations",
  measures: "repository",
  title: "Every database migration has a rollback",
  proves: "Every migration in `dir` (or the usual folders) has a non-empty rollback, read from files: up/down files and sections, golang-migrate `.up.sql`/`.down.sql`, postgrator `NNN.do`/`NNN.undo` pairs (one migration), Flyway `V`/`U` pairs, Knex/Sequelize `down` exports, Prisma/Drizzle folders with a `down.sql` (neither tool writes one), Django (no `RunPython` without `reverse_code`, no `RunSQL` without `reverse_sql`), Alembic `downgrade()` that is not `pass`, Rails `down` not raising IrreversibleMigration or `change` without irreversible operations, Liquibase changeSets with a `rollback` or auto-reversible changes. Does not run migrations: it cannot prove a rollback restores the schema or the data.",
  params: ParamsSchema,
  applicability: {
    needs: [
      { trait: "database", otherwise: "dropped", reason: "no database client and no migrations folder" },
      {
        trait: "migrations-folder",
        otherwise: "manual",
        reason: "{database.why} but no migrations folder was found: confirm the rollback by hand"
      }
    ],
    bind: [{ params: { dir: "{migrations-folder}" }, reason: "migrations folder {migrations-folder}" }]
  }
});

export {
  migrationsContract
};
