import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract,
  external_exports
} from "./chunk-PZ57HXUH.js";

// checks/contracts/health.ts
var Params = external_exports.object({
  path: external_exports.string().default("/health").describe("health endpoint, relative to target.url"),
  timeoutMs: external_exports.coerce.number().int().positive().max(6e4).default(5e3).describe("the answer must arrive within this many ms"),
  expect: external_exports.string().min(1).optional().describe('text the body must contain (e.g. `"status":"ok"`); default: any non-HTML body')
}).strict();
var healthContract = defineContract({
  id: "health",
  measures: "app",
  usesTarget: true,
  title: "Health endpoint answers 2xx in time with a health response",
  proves: "GET `path` answers 2xx within `timeoutMs` (redirects are not followed) with a body that is not an HTML page (a SPA fallback answers every path with index.html and 200) and does not report itself down; with `expect`, the body contains that text. Does not prove the dependencies the endpoint does not itself check.",
  params: Params
});

export {
  healthContract
};
