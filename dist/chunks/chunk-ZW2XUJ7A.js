import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/changelog.ts
var ParamsSchema = external_exports.object({
  /** Changelog path relative to the checked directory (matched case-insensitively). */
  file: external_exports.string().min(1).default("CHANGELOG.md")
}).strict();
var changelogContract = defineContract({
  id: "changelog",
  measures: "repository",
  proves: "CHANGELOG.md has an entry for the release version. Does not prove the entry is complete.",
  title: "CHANGELOG.md has an entry for the release version",
  params: ParamsSchema
});

export {
  changelogContract
};
