import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  METRIC_NAMES,
  durationSeconds
} from "./chunk-V3GP2ZA7.js";
import {
  defineContract,
  external_exports
} from "./chunk-PZ57HXUH.js";

// src/core/cutover/windows.ts
var CUTOVER_CHECK = "cutover-window";
var DURATION = /^\d+(?:ms|s|m|h)$/;
var Duration = external_exports.string().regex(DURATION, 'expected a duration like "30s", "15m" or "1h"');
var METRIC_LIMIT = /^([a-z][a-z0-9-]*)\s*(<=|>=|<|>)\s*(\+\d+(?:\.\d+)?%|\d+(?:\.\d+)?x|-?\d+(?:\.\d+)?)$/;
function parseWindowMetrics(text) {
  const byName = /* @__PURE__ */ new Map();
  for (const raw of text.split(",")) {
    const part = raw.trim();
    if (!part) continue;
    const match = METRIC_LIMIT.exec(part);
    if (!match)
      return {
        ok: false,
        error: `cannot read "${part.slice(0, 40)}": expected metric<=number or metric>=number`
      };
    const [, name = "", op = "", value = ""] = match;
    const limits = byName.get(name) ?? {};
    const relative = value.startsWith("+") || value.endsWith("x");
    if (relative && !op.startsWith("<"))
      return {
        ok: false,
        error: `"${part.slice(0, 40)}": a limit relative to the baseline is a maximum (<=)`
      };
    if (value.startsWith("+")) limits.maxIncrease = Number(value.slice(1, -1)) / 100;
    else if (value.endsWith("x")) limits.maxRatio = Number(value.slice(0, -1));
    else if (op.startsWith("<")) limits.max = Number(value);
    else limits.min = Number(value);
    byName.set(name, limits);
  }
  if (byName.size === 0) return { ok: false, error: "no metric given" };
  return { ok: true, metrics: [...byName].map(([metric, limits]) => ({ metric, limits })) };
}
var CutoverWindowParams = external_exports.object({
  duration: Duration.describe("how long the window stays open after the previous cutover step is ticked"),
  interval: Duration.default("30s").describe("the sampling step within the window (Argo `interval`)"),
  metrics: external_exports.string().min(1).max(500).describe(
    'the metrics judged and their limits, e.g. "error-rate<=1,p95<=200" (default queries of `prometheus`)'
  ),
  failureLimit: external_exports.coerce.number().int().min(0).optional().describe(
    "breaching samples tolerated per metric (Argo `failureLimit`; default 0, unlimited with only consecutiveFailureLimit)"
  ),
  count: external_exports.coerce.number().int().min(1).optional().describe("samples needed per metric when the window closes (Argo `count`; default half the window)"),
  baseline: external_exports.string().max(500).optional().describe(
    'label matchers of the baseline (blue) for relative limits such as "p95<=+10%"; default: telemetry.prometheus.baselineSelector'
  ),
  warn: external_exports.string().min(1).max(500).optional().describe(
    'the warn limits, e.g. "p95<=300": a metric past its limit but within its warn limit makes the window inconclusive (a person decides), not failed'
  ),
  consecutiveFailureLimit: external_exports.coerce.number().int().min(0).optional().describe(
    "breaching samples in a row tolerated per metric: an isolated spike passes, a sustained breach fails"
  ),
  dryRun: external_exports.union([external_exports.boolean(), external_exports.string().max(200)]).optional().describe(
    'metrics judged and shown but never deciding the window: `true` (all) or names, e.g. "p99,cpu"'
  ),
  triggers: external_exports.boolean().default(true).describe("also sample the rollback triggers bound to `prometheus`: a breach starts the rollback")
}).strict().superRefine((params, ctx) => {
  const parsed = parseWindowMetrics(params.metrics);
  if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["metrics"], message: parsed.error });
  if (params.warn !== void 0) {
    const warn = parseWindowMetrics(params.warn);
    if (!warn.ok) ctx.addIssue({ code: "custom", path: ["warn"], message: warn.error });
    else if (parsed.ok) {
      for (const one of warn.metrics)
        if (!parsed.metrics.some((metric) => metric.metric === one.metric))
          ctx.addIssue({ code: "custom", path: ["warn"], message: `"${one.metric}" is not in metrics` });
    }
  }
  if (durationSeconds(params.interval) > durationSeconds(params.duration))
    ctx.addIssue({ code: "custom", path: ["interval"], message: "interval is longer than the window" });
});

// checks/contracts/cutover-window.ts
var Params = CutoverWindowParams.superRefine((params, ctx) => {
  const parsed = parseWindowMetrics(params.metrics);
  if (!parsed.ok) return;
  for (const { metric } of parsed.metrics)
    if (!METRIC_NAMES.includes(metric))
      ctx.addIssue({
        code: "custom",
        path: ["metrics"],
        message: `unknown metric "${metric}"; known: ${METRIC_NAMES.join(", ")}`
      });
});
var cutoverWindowContract = defineContract({
  id: CUTOVER_CHECK,
  measures: "environment",
  title: "A cutover window passed with every bound metric within limits",
  proves: "The window opened when the cutover step before it was ticked and stayed open for `duration`; every `interval` sample of every metric in `metrics` (default queries of `prometheus`, judged like its windows) and of the rollback triggers bound to `prometheus` stayed within limits (up to `failureLimit` breaches), with at least `count` samples. Ticked only by the bot; a breach fails the window at once, and a trigger breach starts the rollback. Proves what the metrics measure over that window, no more (docs/telemetry.md).",
  params: Params,
  applicability: {
    // a window is judged from the same metrics: without them only a person can watch it
    needs: [
      {
        trait: "prometheus-metrics",
        otherwise: "manual",
        reason: "no Prometheus metrics (prom-client, /metrics) found: watch the window on your dashboards"
      }
    ],
    bind: [{ reason: "{prometheus-metrics.why}" }]
  }
});

export {
  cutoverWindowContract
};
