import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/lighthouse.ts
var params = external_exports.object({
  path: external_exports.string().optional().describe("the page to audit, relative to target.url (default: target.url itself)"),
  metric: external_exports.enum(["performance", "lcp", "cls", "ttfb", "fid", "console-errors", "lhci"]).default("performance").describe(
    "what is judged; `lhci`: every assertion of the repository's Lighthouse CI config (lighthouserc.*), as `lhci assert` judges them"
  ),
  /** Lighthouse runs; each metric is the median over them (mpfid/TBT are noisy on small runners). */
  runs: external_exports.coerce.number().int().min(1).max(9).optional().describe("Lighthouse runs per URL (default: the Lighthouse CI config's numberOfRuns, else 3)"),
  /** Performance score floor, 0–1 or 0–100 (default 0.90, the seed's "> 90"). */
  min: external_exports.coerce.number().min(0).max(100).optional(),
  /** Ceiling for lcp/ttfb/fid (ms) or cls (unitless). */
  max: external_exports.coerce.number().min(0).optional()
});
var lighthouseContract = defineContract({
  id: "lighthouse",
  measures: "app",
  proves: "Lighthouse (mobile, simulated throttling; median of `runs`) on target.url, else on the browser build served locally: the performance score \u2265 `min`, or LCP/CLS/TTFB/max-potential-FID \u2264 `max`, or no console errors. With a Lighthouse CI config (lighthouserc.{json,js,cjs,yml,yaml}) its `collect` URLs, runs and settings are used, an audit it asserts is judged by its limit with lhci's own assertion engine (the summary names the file), and `metric=lhci` judges all its assertions as `lhci assert` does. A console error for another host that the hermetic local run cannot reach is not judged. A page Lighthouse cannot load is an error with its likely cause; a target that serves no page (GET answers `application/json` or another non-HTML type) is `skipped` as not applicable (point `path` at a page). `CHROME_PATH` set but not executable is an error; no Chromium is `skipped`. Lab figures: does not prove field (real-user) performance.",
  usesTarget: true,
  title: "Lighthouse performance budgets (Chromium)",
  exclusive: true,
  params,
  applicability: {
    needs: [{ trait: "pages", otherwise: "dropped", reason: "API only: no pages to load in a browser" }],
    adds: [
      {
        // the team's own assertions, judged beside the template's budgets
        after: { each: { metric: "performance" } },
        trait: "lighthouse-ci",
        text: "Lighthouse CI assertions pass ({lighthouse-ci})",
        params: { metric: "lhci" },
        reason: "{lighthouse-ci} exists: its assertions judged as lhci assert does"
      }
    ]
  }
});

// checks/lib/lighthouse/lhci-files.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
var LHCI_RC_FILES = [
  ".lighthouserc.cjs",
  "lighthouserc.cjs",
  ".lighthouserc.js",
  "lighthouserc.js",
  ".lighthouserc.json",
  "lighthouserc.json",
  ".lighthouserc.yml",
  "lighthouserc.yml",
  ".lighthouserc.yaml",
  "lighthouserc.yaml"
];
function findLhciRc(repoDir, env) {
  if (env.LHCI_NO_LIGHTHOUSERC) return void 0;
  return LHCI_RC_FILES.find((name) => existsSync(join(repoDir, name)));
}

export {
  lighthouseContract,
  LHCI_RC_FILES,
  findLhciRc
};
