import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/secrets.ts
var ParamsSchema = external_exports.object({
  /** `auto`: gitleaks when on PATH, else the built-in rules. */
  engine: external_exports.enum(["auto", "builtin", "gitleaks"]).default("auto")
}).strict();
var secretsContract = defineContract({
  id: "secrets",
  measures: "repository",
  proves: 'No file of the working tree (git-tracked or untracked and not ignored; node_modules, marked fixture dirs, binaries and files over 1 MB skipped) holds a token of a documented provider shape (GitHub, GitLab, npm, Slack, AWS, GCP, Stripe, OpenAI, Anthropic\u2026 \u2014 42 families, widened to the shapes gitleaks 8.28 and secretlint 13 test), a private key, a password in a connection string or URL, or a high-entropy literal under a secret-like name. Every token of a documented shape is reported; for formats with a checksum (GitHub, npm CRC32, age Bech32) the finding says "checksum valid: likely live" or "checksum invalid: likely a test value" instead of dropping it. Values are never printed (prefix and fingerprint only). Does not prove: that a reported token is live (nothing is sent to a provider), that secrets in unrecognised shapes under neutral names are absent (the generic rule needs a secret-like name and entropy), that history is clean (see `git-history`), or anything about files over 1 MB, binaries, archives or images. With `engine=auto` a gitleaks on PATH replaces the built-in rules.',
  title: "No hardcoded credentials in the working tree",
  params: ParamsSchema
});

export {
  secretsContract
};
