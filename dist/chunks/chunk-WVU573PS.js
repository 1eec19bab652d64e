import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// checks/lib/migrations/migration-pairs.ts
import { readdir as readdir2, readFile as readFile2 } from "node:fs/promises";
import path2 from "node:path";

// checks/lib/migrations/migration-tools.ts
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
async function read(file) {
  return readFile(file, "utf8").catch(() => "");
}
async function entriesOf(dir) {
  return readdir(dir, { withFileTypes: true }).catch(() => []);
}
function callArguments(text, open) {
  let depth = 0;
  let quote;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = void 0;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === ")" || char === "]" || char === "}") {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return void 0;
}
function splitArguments(args) {
  const parts = [];
  let depth = 0;
  let quote;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const char = args[i];
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = void 0;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if ("([{".includes(char ?? "")) depth++;
    else if (")]}".includes(char ?? "")) depth--;
    else if (char === "," && depth === 0) {
      parts.push(args.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(args.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}
function djangoIrreversible(text) {
  const problems = [];
  for (const [op, keyword] of [
    ["RunPython", "reverse_code"],
    ["RunSQL", "reverse_sql"]
  ]) {
    for (const match of text.matchAll(new RegExp(`\\b${op}\\s*\\(`, "g"))) {
      const args = callArguments(text, (match.index ?? 0) + match[0].length - 1);
      if (args === void 0) continue;
      const parts = splitArguments(args);
      const positional = parts.filter((part) => !/^\w+\s*=/.test(part));
      const reverse = parts.find((part) => new RegExp(`^${keyword}\\s*=`).test(part));
      if (positional.length >= 2 || reverse && !/=\s*None$/.test(reverse)) continue;
      const line = text.slice(0, match.index).split("\n").length;
      problems.push(`${op} without ${keyword} (line ${line})`);
    }
  }
  return problems.length > 0 ? `irreversible: ${problems.join(", ")}` : void 0;
}
function pythonBody(text, name) {
  const def = new RegExp(`^([ \\t]*)def\\s+${name}\\s*\\([^)]*\\)[^:\\n]*:[ \\t]*(.*)$`, "m").exec(text);
  if (!def) return void 0;
  if (def[2]?.trim() && !def[2].trim().startsWith("#")) return def[2];
  const indent = def[1]?.length ?? 0;
  const lines = [];
  for (const line of text.slice((def.index ?? 0) + def[0].length).split("\n").slice(1)) {
    if (line.trim() === "") {
      lines.push(line);
      continue;
    }
    if ((/^[ \t]*/.exec(line)?.[0].length ?? 0) <= indent) break;
    lines.push(line);
  }
  return lines.join("\n");
}
function alembicDowngrade(text) {
  const body = pythonBody(text, "downgrade");
  if (body === void 0) return {};
  const code = body.replace(/("""|''')[\s\S]*?\1/g, "").split("\n").map((line) => line.replace(/#.*$/, "").trim()).filter((line) => line !== "" && line !== "pass" && line !== "...");
  return code.length > 0 ? { rollback: "downgrade()" } : { problem: "downgrade() is empty (pass)" };
}
function rubyBody(text, name) {
  const def = new RegExp(`^([ \\t]*)def\\s+(?:self\\.)?${name}\\b.*$`, "m").exec(text);
  if (!def) return void 0;
  const indent = def[1] ?? "";
  const rest = text.slice((def.index ?? 0) + def[0].length);
  const end = new RegExp(`^${indent}end\\b`, "m").exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}
function railsIrreversibleOps(change) {
  const outside = change.replace(/\b(?:reversible|up_only)\b[\s\S]*?^\s*end\b/gm, "");
  const found = [];
  for (const line of outside.split("\n")) {
    const code = line.replace(/#.*$/, "").trim();
    const op = /^(execute|change_column|remove_column|drop_table|remove_columns|change_column_default|remove_index)\b(.*)$/.exec(
      code
    );
    if (!op?.[1]) continue;
    const args = splitArguments((op[2] ?? "").replace(/^\s*\(|\)\s*$/g, ""));
    const irreversible = op[1] === "execute" || op[1] === "change_column" || op[1] === "remove_column" && args.length < 3 || op[1] === "remove_columns" && !args.some((arg) => arg.startsWith("type:")) || op[1] === "drop_table" && !/\bdo\b|\{/.test(op[2] ?? "") || op[1] === "change_column_default" && !/\bfrom:/.test(op[2] ?? "") || op[1] === "remove_index" && !/\bcolumn:|\[/.test(op[2] ?? "") && args.length < 2;
    if (irreversible) found.push(op[1]);
  }
  return [...new Set(found)];
}
function railsRollback(text) {
  const down = rubyBody(text, "down");
  if (down !== void 0) {
    if (/raise\s+(?:::)?ActiveRecord::IrreversibleMigration/.test(down))
      return { problem: "down raises ActiveRecord::IrreversibleMigration" };
    const code = down.split("\n").filter((line) => line.replace(/#.*$/, "").trim() !== "");
    return code.length > 0 ? { rollback: "def down" } : { problem: "down is empty" };
  }
  const change = rubyBody(text, "change");
  if (change !== void 0) {
    const ops = railsIrreversibleOps(change);
    return ops.length > 0 ? { problem: `change uses ${ops.join(", ")}, which Rails cannot reverse (add reversible/up+down)` } : { rollback: "change (Rails reverses it)" };
  }
  return {};
}
var LIQUIBASE_AUTO = /* @__PURE__ */ new Set([
  "addColumn",
  "addDefaultValue",
  "addForeignKeyConstraint",
  "addLookupTable",
  "addNotNullConstraint",
  "addPrimaryKey",
  "addUniqueConstraint",
  "createIndex",
  "createSequence",
  "createTable",
  "createView",
  "dropNotNullConstraint",
  "renameColumn",
  "renameSequence",
  "renameTable",
  "renameView",
  "tagDatabase",
  "addAutoIncrement",
  "createProcedure"
]);
function liquibaseChangeSets(file, text) {
  const out = [];
  const status = (id, line, changes, rollback) => {
    const manual = changes.filter((change) => !LIQUIBASE_AUTO.has(change));
    const where = `${file}#${id} (line ${line})`;
    if (rollback) out.push({ file: where, tool: "liquibase", rollback: "rollback tag" });
    else if (changes.length > 0 && manual.length === 0)
      out.push({ file: where, tool: "liquibase", rollback: "Liquibase reverses it" });
    else
      out.push({
        file: where,
        tool: "liquibase",
        problem: `no rollback tag for ${manual.join(", ") || "its changes"}`
      });
  };
  const lineOf = (index) => text.slice(0, index).split("\n").length;
  if (/\.sql$/i.test(file)) {
    const sets2 = [...text.matchAll(/^--\s*changeset\s+(\S+)/gim)];
    sets2.forEach((set, n) => {
      const body = text.slice(set.index, sets2[n + 1]?.index ?? text.length);
      const rollback = /^--\s*rollback\s+\S/im.test(body);
      status(set[1] ?? "?", lineOf(set.index ?? 0), ["sql"], rollback);
    });
    return out;
  }
  if (/\.xml$/i.test(file)) {
    for (const set of text.matchAll(/<changeSet\b([^>]*)>([\s\S]*?)<\/changeSet>/g)) {
      const id = /\bid\s*=\s*"([^"]*)"/.exec(set[1] ?? "")?.[1] ?? "?";
      const body = set[2] ?? "";
      const rollback = /<rollback\b[^/]*?(?:\/>|>[\s\S]*?<\/rollback>)/.test(body);
      const withoutRollback = body.replace(/<rollback\b[\s\S]*?(?:\/>|<\/rollback>)/g, "");
      const changes = [...withoutRollback.matchAll(/<(\w+)\b/g)].map((match) => match[1] ?? "").filter(
        (tag) => ![
          "column",
          "constraints",
          "comment",
          "preConditions",
          "validCheckSum",
          "where",
          "param"
        ].includes(tag)
      );
      status(id, lineOf(set.index ?? 0), [...new Set(changes)], rollback);
    }
    return out;
  }
  const sets = [...text.matchAll(/^(\s*)-\s*changeSet\s*:/gm)];
  sets.forEach((set, n) => {
    const body = text.slice(set.index, sets[n + 1]?.index ?? text.length);
    const id = /\bid\s*:\s*['"]?([^'"\n]+)/.exec(body)?.[1]?.trim() ?? "?";
    const rollbackAt = body.search(/^\s*rollback\s*:/m);
    const changesPart = rollbackAt === -1 ? body : body.slice(0, rollbackAt);
    const changes = [...changesPart.matchAll(/^\s*-\s*(\w+)\s*:\s*$/gm)].map((match) => match[1] ?? "").filter((name) => name !== "changeSet" && name !== "column");
    status(id, lineOf(set.index ?? 0), [...new Set(changes)], rollbackAt !== -1);
  });
  return out;
}
async function scriptToolOf(dir) {
  const entries = await entriesOf(dir);
  const names = new Set(entries.map((entry) => entry.name));
  if (entries.some((e) => e.isDirectory() && e.name === "versions") && (names.has("env.py") || names.has("alembic.ini") || names.has("script.py.mako")))
    return "alembic";
  const py = entries.filter((e) => e.isFile() && /\.py$/.test(e.name) && e.name !== "__init__.py");
  for (const entry of py.slice(0, 5)) {
    const text = await read(path.join(dir, entry.name));
    if (/\bmigrations\.Migration\b/.test(text)) return "django";
    if (/^def\s+upgrade\s*\(/m.test(text) && /\brevision\s*=/.test(text)) return "alembic";
  }
  if (entries.some((e) => e.isFile() && /^\d+_\w+\.rb$/.test(e.name))) return "rails";
  for (const entry of entries.filter((e) => e.isFile() && /\.(?:xml|ya?ml|json|sql)$/i.test(e.name)).slice(0, 20)) {
    const text = await read(path.join(dir, entry.name));
    if (/databaseChangeLog|^--\s*liquibase formatted sql/im.test(text)) return "liquibase";
  }
  return void 0;
}
async function inspectScriptMigrations(dir, tool) {
  const out = [];
  const sorted = async (folder) => (await entriesOf(folder)).filter((e) => e.isFile()).map((e) => e.name).sort();
  if (tool === "django") {
    for (const name of (await sorted(dir)).filter((n) => /^\d{4}_\w+\.py$/.test(n))) {
      const problem = djangoIrreversible(await read(path.join(dir, name)));
      out.push(
        problem ? { file: name, tool, problem } : { file: name, tool, rollback: "Django reverses its operations" }
      );
    }
  } else if (tool === "alembic") {
    const versions = (await entriesOf(path.join(dir, "versions"))).length > 0 ? "versions" : "";
    for (const name of (await sorted(path.join(dir, versions))).filter(
      (n) => /\.py$/.test(n) && n !== "__init__.py"
    )) {
      const text = await read(path.join(dir, versions, name));
      if (!/^def\s+upgrade\s*\(/m.test(text)) continue;
      out.push({ file: path.posix.join(versions, name), tool, ...alembicDowngrade(text) });
    }
  } else if (tool === "rails") {
    for (const name of (await sorted(dir)).filter((n) => /^\d+_\w+\.rb$/.test(n)))
      out.push({ file: name, tool, ...railsRollback(await read(path.join(dir, name))) });
  } else {
    const files = (await readdir(dir, { recursive: true }).catch(() => [])).map((name) => name.split(path.sep).join("/")).filter((name) => /\.(?:xml|ya?ml|json|sql)$/i.test(name)).sort().slice(0, 2e3);
    for (const name of files) {
      const text = await read(path.join(dir, name));
      if (!/changeSet|^--\s*changeset/im.test(text)) continue;
      out.push(...liquibaseChangeSets(name, text));
    }
  }
  return out;
}

// checks/lib/migrations/migration-pairs.ts
var DEFAULT_MIGRATION_DIRS = [
  "migrations",
  "db/migrations",
  "supabase/migrations",
  "prisma/migrations",
  "drizzle",
  "src/migrations",
  "src/db/migrations",
  "database/migrations",
  "src/main/resources/db/migration",
  "src/main/resources/db/changelog",
  "db/migrate",
  "alembic"
];
var POSTGRATOR_RE = /^(\d+)\.(do|undo)(?:\.[^/]*)?\.(?:sql|[cm]?js)$/i;
var FLYWAY_RE = /^([VUBR])(\d+(?:[._]\d+)*)?__.+\.sql$/;
var DOWN_START_RE = /\bdown\s*(?:[:=]\s*)?(?:async\s*)?(?:function\s*\w*\s*)?\([^)]*\)\s*(?::\s*Promise<\w+>\s*)?(?:=>\s*)?/g;
function emptyBody(body) {
  const code = body.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "").replace(/\s+/g, " ").trim().replace(/;$/, "").trim();
  return /^(?:|return|return (?:null|undefined|Promise\.resolve\(\s*\))|Promise\.resolve\(\s*\))$/.test(code);
}
function emptyDown(text) {
  for (const match of text.matchAll(DOWN_START_RE)) {
    const start = (match.index ?? 0) + match[0].length;
    if (text[start] === "{") {
      let depth = 0;
      for (let i = start; i < text.length; i++) {
        if (text[i] === "{") depth++;
        else if (text[i] === "}" && --depth === 0) {
          if (emptyBody(text.slice(start + 1, i))) return true;
          break;
        }
      }
    } else if (match[0].includes("=>")) {
      const body = /^[^;\n]*/.exec(text.slice(start))?.[0] ?? "";
      if (emptyBody(body)) return true;
    }
  }
  return false;
}
var ROLLBACK_DIRS = /* @__PURE__ */ new Set(["rollback", "rollbacks"]);
var DOWN_FILE_RE = /(?:^|[._-])down\.sql$/i;
var SQL_RE = /\.sql$/i;
var SCRIPT_RE = /^(?!.*\.d\.ts$).*\.(?:[cm]?js|[cm]?ts)$/i;
var DOWN_MARKER_RE = /^[ \t]*--[ \t]*(?:\+migrate[ \t]+down|migrate:down|\+goose[ \t]+down|down)\b.*$/im;
var SCRIPT_DOWN_RE = /\bexports\.down\b|\bexport\s+(?:async\s+)?function\s+down\b|\bexport\s+const\s+down\b|\bdown\s*(?::|\()/;
function hasStatements(sql) {
  return sql.split("\n").some((line) => line.trim() !== "" && !line.trim().startsWith("--"));
}
function hasDownSection(sql) {
  const marker = DOWN_MARKER_RE.exec(sql);
  return marker !== null && hasStatements(sql.slice(marker.index + marker[0].length));
}
var stemOf = (name) => name.replace(/(?:[._-]up)?\.sql$/i, "");
async function read2(file) {
  return readFile2(file, "utf8").catch(() => "");
}
async function entriesOf2(dir) {
  return readdir2(dir, { withFileTypes: true }).catch(() => []);
}
async function fileStatus(dir, name, names, rollbacks) {
  const full = path2.join(dir, name);
  if (SCRIPT_RE.test(name)) {
    const text = await read2(full);
    if (!SCRIPT_DOWN_RE.test(text)) return { file: name, tool: "script" };
    if (emptyDown(text)) return { file: name, tool: "script", problem: "down() is empty" };
    return { file: name, rollback: "down export", tool: "script" };
  }
  const stem = stemOf(name);
  const tool = /^\d+_.+\.up\.sql$/i.test(name) ? "golang-migrate" : void 0;
  for (const down of [`${stem}.down.sql`, `${stem}_down.sql`, `${stem}-down.sql`]) {
    if (!names.has(down)) continue;
    return hasStatements(await read2(path2.join(dir, down))) ? { file: name, rollback: down, ...tool ? { tool } : {} } : { file: name, problem: `${down} is empty`, ...tool ? { tool } : {} };
  }
  if (tool) return { file: name, tool };
  if (rollbacks.has(name)) return { file: name, rollback: `rollback/${name}` };
  return hasDownSection(await read2(full)) ? { file: name, rollback: "down section", tool: "sql" } : { file: name, tool: "sql" };
}
async function versionedStatuses(dir, names) {
  const undoByVersion = /* @__PURE__ */ new Map();
  const dos = [];
  for (const name of names) {
    const postgrator = POSTGRATOR_RE.exec(name);
    if (postgrator?.[1] && postgrator[2]) {
      const version = `p:${Number(postgrator[1])}`;
      if (postgrator[2].toLowerCase() === "undo") undoByVersion.set(version, name);
      else dos.push({ name, version, tool: "postgrator" });
      continue;
    }
    const flyway = FLYWAY_RE.exec(name);
    if (flyway?.[1] && flyway[2]) {
      const version = `f:${flyway[2].replace(/_/g, ".")}`;
      if (flyway[1] === "U") undoByVersion.set(version, name);
      else if (flyway[1] === "V") dos.push({ name, version, tool: "flyway" });
    }
  }
  const statuses = [];
  for (const migration of dos) {
    const undo = undoByVersion.get(migration.version);
    if (!undo) statuses.push({ file: migration.name, tool: migration.tool });
    else if (!hasStatements(await read2(path2.join(dir, undo))))
      statuses.push({ file: migration.name, tool: migration.tool, problem: `${undo} is empty` });
    else statuses.push({ file: migration.name, tool: migration.tool, rollback: undo });
  }
  return statuses;
}
function isVersionedName(name) {
  return POSTGRATOR_RE.test(name) || FLYWAY_RE.test(name);
}
async function folderStatus(dir, folder, rollbacks) {
  const sqlFiles = (await entriesOf2(path2.join(dir, folder))).filter((e) => e.isFile() && SQL_RE.test(e.name)).map((e) => e.name).sort();
  const ups = sqlFiles.filter((n) => !DOWN_FILE_RE.test(n));
  const main = ups.find((n) => /^(?:up|migration)\.sql$/i.test(n)) ?? ups[0];
  if (!main) return void 0;
  const file = `${folder}/${main}`;
  const tool = main === "migration.sql" ? "prisma" : "sql";
  const down = sqlFiles.find((n) => DOWN_FILE_RE.test(n));
  if (down) {
    return hasStatements(await read2(path2.join(dir, folder, down))) ? { file, tool, rollback: `${folder}/${down}` } : { file, tool, problem: `${folder}/${down} is empty` };
  }
  for (const candidate of [folder, `${folder}.sql`]) {
    if (rollbacks.has(candidate)) return { file, tool, rollback: `rollback/${candidate}` };
  }
  for (const up of ups)
    if (hasDownSection(await read2(path2.join(dir, folder, up))))
      return { file, tool, rollback: "down section" };
  return { file, tool };
}
async function inspectMigrations(dir) {
  const scriptTool = await scriptToolOf(dir);
  if (scriptTool) return inspectScriptMigrations(dir, scriptTool);
  const entries = await entriesOf2(dir);
  const rollbackDir = entries.find((e) => e.isDirectory() && ROLLBACK_DIRS.has(e.name));
  const rollbacks = new Set(
    rollbackDir ? (await entriesOf2(path2.join(dir, rollbackDir.name))).map((e) => e.name) : []
  );
  const fileNames = entries.filter((e) => e.isFile()).map((e) => e.name);
  const names = new Set(fileNames);
  const drizzle = entries.some((e) => e.isDirectory() && e.name === "meta") && names.size > 0;
  const statuses = await versionedStatuses(dir, fileNames.filter(isVersionedName));
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && !ROLLBACK_DIRS.has(entry.name) && !entry.name.startsWith(".")) {
      const status = await folderStatus(dir, entry.name, rollbacks);
      if (status) statuses.push(status);
    } else if (entry.isFile() && !isVersionedName(entry.name) && !DOWN_FILE_RE.test(entry.name) && (SQL_RE.test(entry.name) || SCRIPT_RE.test(entry.name))) {
      const status = await fileStatus(dir, entry.name, names, rollbacks);
      statuses.push(drizzle && status.tool === "sql" ? { ...status, tool: "drizzle" } : status);
    }
  }
  return statuses.sort((a, b) => a.file.localeCompare(b.file));
}

export {
  DEFAULT_MIGRATION_DIRS,
  inspectMigrations
};
