import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/git-history.ts
var gitHistoryContract = defineContract({
  id: "git-history",
  measures: "repository",
  proves: "No commit reachable from HEAD adds a secret (the same rules as `secrets`). Does not prove a removed secret was rotated.",
  title: "No secrets in any commit reachable from HEAD",
  params: external_exports.object({}).strict()
});

export {
  gitHistoryContract
};
