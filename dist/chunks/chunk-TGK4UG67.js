import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract,
  external_exports
} from "./chunk-PZ57HXUH.js";

// checks/contracts/ci-status.ts
var ParamsSchema = external_exports.object({
  /** More check run names to ignore (comma-separated), e.g. the workflow job that runs shipgate. */
  ignore: external_exports.string().default("")
}).strict();
var ciStatusContract = defineContract({
  id: "ci-status",
  measures: "environment",
  title: "Every other check run on the head commit succeeded",
  params: ParamsSchema
});

export {
  ciStatusContract
};
