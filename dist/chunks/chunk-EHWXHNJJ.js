import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract,
  external_exports
} from "./chunk-PZ57HXUH.js";

// checks/contracts/env-files.ts
var ParamsSchema = external_exports.object({
  /** Extra env file names that may be committed (comma-separated), e.g. `.env.test`. */
  allow: external_exports.string().default("")
}).strict();
var envFilesContract = defineContract({
  id: "env-files",
  measures: "repository",
  proves: "No `.env*` file with values is committed, now or in history, and `.env.production` is git-ignored. Does not prove secrets are absent from other files (see `secrets`).",
  title: "No .env files committed, now or in history; .env.production is git-ignored",
  params: ParamsSchema
});

export {
  envFilesContract
};
