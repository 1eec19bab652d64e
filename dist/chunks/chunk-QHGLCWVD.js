import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

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
  params: Params,
  applicability: {
    params: [
      {
        // The check refuses HTML (a SPA fallback is not a health answer), so a home page cannot pass it.
        param: "path",
        equals: "/",
        needs: [{ trait: "pages", otherwise: "dropped", reason: "API only: no home page" }],
        becomes: "manual",
        reason: "a page, not a health endpoint: open it after the deploy"
      }
    ],
    needs: [
      {
        trait: ["health-route", "server"],
        otherwise: "manual",
        reason: "no health route in the sources of a {stack}: the host's own checks apply"
      }
    ],
    bind: [
      { params: { path: "{health-route}" }, reason: "{health-route.why}" },
      { reason: "no health route found: the check tells you until there is one" }
    ]
  }
});

export {
  healthContract
};
