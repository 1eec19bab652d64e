import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  envFilesContract
} from "./chunk-EHWXHNJJ.js";
import {
  listSourceFiles,
  readSmallFile
} from "./chunk-AA4V3XL4.js";
import {
  defineContract,
  external_exports
} from "./chunk-PZ57HXUH.js";

// checks/contracts/env-secrets.ts
var VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var SECRET_FORMATS = ["square", "supabase-url", "supabase-service-role", "openai", "jwt"];
var DEFAULT_MIN_ENTROPY = 3;
var ParamsSchema = external_exports.object({
  /** One environment variable, e.g. `JWT_SECRET`. */
  name: external_exports.string().regex(VAR_NAME, "an environment variable name").optional(),
  /** Several variables, comma-separated, each checked with the same rule. */
  names: external_exports.string().optional(),
  minLength: external_exports.coerce.number().int().positive().optional(),
  /** Provider format; inferred for well-known names (SQUARE_ACCESS_TOKEN, OPENAI_API_KEY…). */
  format: external_exports.enum(SECRET_FORMATS).optional(),
  /** Shannon entropy floor in bits per character. */
  minEntropy: external_exports.coerce.number().min(0).max(8).default(DEFAULT_MIN_ENTROPY),
  /** `present`: the value is set and strong. `rotated`: the GitHub secret was updated recently. */
  mode: external_exports.enum(["present", "rotated"]).default("present"),
  maxAgeDays: external_exports.coerce.number().positive().default(90),
  /** For `rotated`: read an environment secret (e.g. `production`) instead of a repository secret. */
  environment: external_exports.string().min(1).optional()
}).strict().refine((p) => p.name !== void 0 || p.names !== void 0, { message: "name (or names) is required" }).refine((p) => (p.names ?? "").split(",").every((n) => n.trim() === "" || VAR_NAME.test(n.trim())), {
  message: "names must be comma-separated environment variable names"
});
var envSecretsContract = defineContract({
  id: "env-secrets",
  measures: "environment",
  proves: "The named variables are set in the environment of the run and strong (length, entropy, provider format; a connection URL on localhost is a CI or development value and fails); with `mode=rotated`, the GitHub secret was updated within `maxAgeDays`. Skipped (not applicable) when the app neither lists the variable in its `.env.example` nor reads it in its sources. Values are never printed.",
  title: "Required secrets are set, well-formed and strong (values never printed)",
  params: ParamsSchema,
  applicability: {
    // a template's example secrets (Restaurant OS's Square token) are not every app's
    params: [
      {
        param: "name",
        notAmong: "env",
        becomes: "dropped",
        reason: "the app neither documents nor reads {value}"
      }
    ],
    adds: [
      {
        after: { last: [envFilesContract.id] },
        trait: "secrets",
        unlessParam: "name",
        text: "`{each}` set for production",
        params: { name: "{each}" },
        // Secrets the team generates (signing keys, peppers) must be long; provider keys have their own shapes.
        paramsFor: [
          {
            matches: "(?:SECRET|PEPPER|SALT|SECRET_KEY|SECRET_KEY_BASE)$",
            unless: "API_SECRET$|CLIENT_SECRET$",
            params: { minLength: 32 }
          }
        ],
        reason: "the app documents or reads it"
      }
    ]
  }
});

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
  envSecretsContract,
  envNames
};
