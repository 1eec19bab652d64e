import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// checks/lib/detect/repo-files.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
var SKIP_DIRS = /* @__PURE__ */ new Set([
  "node_modules",
  ".git",
  "dist",
  "build",
  "out",
  "coverage",
  ".next",
  ".nuxt",
  ".output",
  ".svelte-kit",
  ".vercel",
  ".astro",
  ".turbo",
  ".cache",
  "vendor",
  // Python virtualenvs and caches, Java/Gradle output: dependencies and build products, not sources.
  "venv",
  ".venv",
  "__pycache__",
  "site-packages",
  "target",
  ".gradle"
]);
var SOURCE_FILE = /\.(?:[cm]?[jt]sx?|svelte|vue|astro)$/i;
var MAX_FILES = 5e3;
var MAX_BYTES = 512 * 1024;
function listSourceFiles(repoDir, pattern = SOURCE_FILE) {
  return walkRepo(repoDir, { skipDirs: SKIP_DIRS, pattern, maxFiles: MAX_FILES });
}
function walkRepo(repoDir, options) {
  const files = [];
  const pending = [repoDir];
  while (pending.length > 0 && files.length < options.maxFiles) {
    const dir = pending.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!options.skipDirs.has(entry.name)) pending.push(join(dir, entry.name));
      } else if (entry.isFile() && (!options.pattern || options.pattern.test(entry.name))) {
        files.push(relative(repoDir, join(dir, entry.name)).split(sep).join("/"));
        if (files.length >= options.maxFiles) break;
      }
    }
  }
  return files.sort();
}
function readSmallFile(file) {
  try {
    if (statSync(file).size > MAX_BYTES) return "";
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
function readPackage(dir) {
  const text = readSmallFile(join(dir, "package.json"));
  if (!text) return void 0;
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return void 0;
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return void 0;
  const record = raw;
  const deps = /* @__PURE__ */ new Set();
  const runtimeDeps = new Set(
    record.dependencies && typeof record.dependencies === "object" ? Object.keys(record.dependencies) : []
  );
  for (const key of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
    const value = record[key];
    if (value && typeof value === "object") for (const name of Object.keys(value)) deps.add(name);
  }
  const scripts = {};
  if (record.scripts && typeof record.scripts === "object") {
    for (const [key, value] of Object.entries(record.scripts))
      if (typeof value === "string") scripts[key] = value;
  }
  return {
    name: typeof record.name === "string" ? record.name : void 0,
    scripts,
    deps,
    runtimeDeps,
    raw: record
  };
}

export {
  listSourceFiles,
  walkRepo,
  readSmallFile,
  readPackage
};
