import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/version.ts
var versionContract = defineContract({
  id: "version",
  measures: "repository",
  proves: "The release version is higher than the version on the base ref, read from the same manifest (package.json, pyproject.toml, setup.cfg, Cargo.toml, pom.xml, build.gradle, VERSION) or, when the base has none, its newest tag. Skipped when there is no release version or the base is the head itself.",
  title: "Release version is valid SemVer, bumped from the base branch, and consistent",
  params: external_exports.object({}).strict()
});

export {
  versionContract
};
