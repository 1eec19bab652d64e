import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// src/action/inputs.ts
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
var InputError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "InputError";
  }
};
var MIN_LEDGER_SECRET = 16;
var optionalText = external_exports.string().trim().transform((value) => value || void 0);
var InputsSchema = external_exports.object({
  template: optionalText,
  config: optionalText,
  url: optionalText.refine((value) => value === void 0 || URL.canParse(value), "is not a URL"),
  base: optionalText,
  only: external_exports.string().transform(
    (value) => value.split(/[,\n]/).map((part) => part.trim()).filter(Boolean)
  ),
  "github-token": optionalText,
  "fail-on": external_exports.enum(["failure", "never"], 'must be "failure" or "never"'),
  mode: external_exports.enum(["check", "bot"], 'must be "check" or "bot"'),
  "working-directory": external_exports.string().trim().min(1, "must not be empty"),
  phase: external_exports.enum(["pre-merge", "post-deploy"], 'must be "pre-merge" or "post-deploy"'),
  "ledger-secret": optionalText.refine(
    (value) => value === void 0 || value.length >= MIN_LEDGER_SECRET,
    `must be at least ${MIN_LEDGER_SECRET} characters (a random repository secret)`
  ),
  "members-token": optionalText,
  "run-checks": external_exports.enum(["true", "false"], 'must be "true" or "false"').transform((value) => value === "true"),
  job: external_exports.enum(["single", "measure", "attest"], 'must be "single", "measure" or "attest"'),
  secrets: external_exports.string().trim().transform((value, ctx) => {
    if (!value) return {};
    try {
      const parsed = external_exports.record(external_exports.string(), external_exports.string()).safeParse(JSON.parse(value));
      if (parsed.success) return parsed.data;
    } catch {
    }
    ctx.addIssue({
      code: "custom",
      message: "must be a JSON object of names to values (toJSON(secrets) in a workflow)"
    });
    return external_exports.NEVER;
  }),
  report: external_exports.string().trim().min(1, "must not be empty")
});
var SECRET_INPUTS = /* @__PURE__ */ new Set(["github-token", "ledger-secret", "members-token", "secrets"]);
var INPUT_NAMES = Object.keys(InputsSchema.shape);
var DEFAULTS = {
  "fail-on": "failure",
  mode: "check",
  "working-directory": ".",
  phase: "pre-merge",
  "run-checks": "false",
  job: "single",
  report: "shipgate-measure.json"
};
function parseInputs(raw, workspace) {
  const values = Object.fromEntries(INPUT_NAMES.map((name) => [name, raw(name) || DEFAULTS[name] || ""]));
  const parsed = InputsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "inputs");
    const given = SECRET_INPUTS.has(name) ? void 0 : values[name];
    throw new InputError(
      `input "${name}" ${issue?.message ?? "is invalid"}${given ? ` (got "${given.slice(0, 100)}")` : ""}`
    );
  }
  const data = parsed.data;
  if (data.mode === "bot" && data.job !== "single")
    throw new InputError(
      'input "job" applies to check mode only: bot mode runs in one job (docs/security.md)'
    );
  if (data.mode === "bot" && !data["ledger-secret"]) {
    throw new InputError(
      `input "ledger-secret" is required when mode is "bot": create a repository secret of at least ${MIN_LEDGER_SECRET} random characters (e.g. SHIPGATE_LEDGER_SECRET) and set the step's ledger-secret input to secrets.SHIPGATE_LEDGER_SECRET (docs/action-bot-mode.md)`
    );
  }
  const workingDirectory = resolve(workspace, data["working-directory"]);
  if (!existsSync(workingDirectory) || !statSync(workingDirectory).isDirectory()) {
    throw new InputError(`input "working-directory": no directory at ${data["working-directory"]}`);
  }
  const inDir = (path, name) => {
    if (path === void 0) return void 0;
    const full = resolve(workingDirectory, path);
    if (!existsSync(full))
      throw new InputError(`input "${name}": no file at ${path} (in ${workingDirectory})`);
    return full;
  };
  return {
    template: inDir(data.template, "template"),
    config: inDir(data.config, "config"),
    url: data.url,
    base: data.base,
    only: data.only,
    githubToken: data["github-token"],
    failOn: data["fail-on"],
    mode: data.mode,
    workingDirectory,
    phase: data.phase,
    ...data["ledger-secret"] ? { ledgerSecret: data["ledger-secret"] } : {},
    ...data["members-token"] ? { membersToken: data["members-token"] } : {},
    runChecks: data["run-checks"],
    job: data.job,
    report: resolve(workspace, data.report),
    secrets: data.secrets
  };
}

export {
  InputError,
  INPUT_NAMES,
  parseInputs
};
