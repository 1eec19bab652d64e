import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  listSourceFiles,
  readSmallFile
} from "./chunk-AA4V3XL4.js";

// checks/lib/detect/env-names.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
var ENV_SOURCE = /\.(?:[cm]?[jt]sx?|svelte|vue|astro|py|go|rb|java|kt|erb|ya?ml|properties)$/i;
var ENV_EXAMPLE_FILES = [".env.example", ".env.sample", ".env.template", ".env.dist", "example.env"];
var READ_RE = /\b(?:process\.env|import\.meta\.env|Deno\.env\.get\(|\$env\/(?:static|dynamic)\/(?:private|public)['"][^;]*?\b)(?:\.|\[\s*['"]|\(\s*['"])?([A-Z][A-Z0-9_]{1,})/g;
var OTHER_READ_RE = /\b(?:os\.environ(?:\.get)?\s*[[(]|os\.getenv\s*\(|os\.Getenv\s*\(|os\.LookupEnv\s*\(|ENV(?:\.fetch)?\s*[[(]|System\.getenv\s*\(|\benv(?:\.(?:str|bool|int|db|url))?\s*\()\s*['"]([A-Z][A-Z0-9_]{1,})['"]/g;
var PLACEHOLDER_RE = /\$\{([A-Z][A-Z0-9_]{1,})(?::[^}]*)?\}/g;
var DESTRUCTURE_RE = /\{([^}]{1,400})\}\s*=\s*process\.env\b/g;
function envNames(repoDir) {
  const documented = /* @__PURE__ */ new Set();
  let exampleFile;
  for (const name of ENV_EXAMPLE_FILES) {
    if (!existsSync(join(repoDir, name))) continue;
    exampleFile = name;
    for (const line of readSmallFile(join(repoDir, name)).split(/\r?\n/)) {
      const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
      if (match?.[1]) documented.add(match[1]);
    }
    break;
  }
  const read = /* @__PURE__ */ new Set();
  for (const file of listSourceFiles(repoDir, ENV_SOURCE)) {
    const text = readSmallFile(join(repoDir, file));
    if (/\.(?:ya?ml|properties)$/i.test(file)) {
      if (/(?:^|\/)application[\w-]*\.(?:ya?ml|properties)$/.test(file)) {
        for (const match of text.matchAll(PLACEHOLDER_RE)) if (match[1]) read.add(match[1]);
      }
      if (/(?:^|\/)config\/[\w-]+\.ya?ml$/.test(file)) {
        for (const match of text.matchAll(OTHER_READ_RE)) if (match[1]) read.add(match[1]);
      }
      continue;
    }
    if (!/env|ENV|Getenv|getenv/.test(text)) continue;
    for (const match of text.matchAll(READ_RE)) if (match[1]) read.add(match[1]);
    for (const match of text.matchAll(OTHER_READ_RE)) if (match[1]) read.add(match[1]);
    for (const match of text.matchAll(DESTRUCTURE_RE)) {
      for (const part of (match[1] ?? "").split(",")) {
        const name = /^\s*([A-Z][A-Z0-9_]*)/.exec(part)?.[1];
        if (name) read.add(name);
      }
    }
  }
  return { documented, exampleFile, read };
}

export {
  envNames
};
