import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  METRIC_NAMES,
  durationSeconds
} from "./chunk-V3GP2ZA7.js";
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

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
function cutoverWindows(checklist, config) {
  const { enabled, ...overrides } = config?.checks[CUTOVER_CHECK] ?? {};
  if (enabled === false) return [];
  const items = checklist.items;
  const windows = [];
  items.forEach((item, index) => {
    if (item.kind !== "auto" || item.check !== CUTOVER_CHECK) return;
    const params = CutoverWindowParams.safeParse({ ...item.params, ...overrides });
    const after = items[index - 1];
    if (!params.success || !after) return;
    const parsed = parseWindowMetrics(params.data.metrics);
    if (!parsed.ok) return;
    const warn = params.data.warn ? parseWindowMetrics(params.data.warn) : void 0;
    const dryRun = params.data.dryRun;
    const dryNames = typeof dryRun === "string" ? new Set(dryRun.split(",").map((name) => name.trim())) : void 0;
    const metrics = parsed.metrics.map((one) => {
      const warnLimits = warn?.ok ? warn.metrics.find((w) => w.metric === one.metric)?.limits : void 0;
      const limits = { ...one.limits };
      if (warnLimits?.max !== void 0) limits.warnMax = warnLimits.max;
      if (warnLimits?.min !== void 0) limits.warnMin = warnLimits.min;
      if (warnLimits?.maxIncrease !== void 0) limits.warnIncrease = warnLimits.maxIncrease;
      if (warnLimits?.maxRatio !== void 0) limits.warnRatio = warnLimits.maxRatio;
      const dry = dryRun === true || dryNames?.has(one.metric) === true;
      return { metric: one.metric, limits, ...dry ? { dryRun: true } : {} };
    });
    const durationMs = durationSeconds(params.data.duration) * 1e3;
    const intervalMs = Math.max(durationSeconds(params.data.interval) * 1e3, 1);
    const next = items[index + 1];
    windows.push({
      item,
      after,
      ...next && next.section.join("\n") === item.section.join("\n") ? { next } : {},
      durationMs,
      intervalMs,
      ...params.data.failureLimit !== void 0 ? { failureLimit: params.data.failureLimit } : {},
      ...params.data.consecutiveFailureLimit !== void 0 ? { consecutiveFailureLimit: params.data.consecutiveFailureLimit } : {},
      ...params.data.baseline !== void 0 ? { baseline: params.data.baseline } : {},
      count: params.data.count ?? Math.max(1, Math.floor(durationMs / intervalMs / 2)),
      metrics,
      triggers: params.data.triggers
    });
  });
  return windows;
}
var at = (state) => {
  const time = state?.at ? Date.parse(state.at) : Number.NaN;
  return Number.isNaN(time) ? void 0 : time;
};
function windowStatus(window, states, nowMs) {
  const own = states[window.item.id];
  if (own?.waived) return { state: "waived" };
  const step = states[window.after.id];
  const opensAt = step?.checked ? at(step) : void 0;
  if (opensAt === void 0) return { state: "waiting" };
  const closesAt = opensAt + window.durationMs;
  const resultAt = at(own);
  if (own?.status && resultAt !== void 0 && resultAt >= opensAt) {
    if (own.status === "pass") return { state: "passed", opensAt, closesAt, summary: own.summary ?? "" };
    if (own.status === "fail" || own.status === "error")
      return { state: "failed", opensAt, closesAt, summary: own.summary ?? "" };
    if (own.status === "skipped")
      return { state: "inconclusive", opensAt, closesAt, summary: own.summary ?? "" };
  }
  if (nowMs < closesAt) return { state: "open", opensAt, closesAt, leftMs: closesAt - nowMs };
  return { state: "closing", opensAt, closesAt };
}
function activeWindows(checklist, states, nowMs, config) {
  return cutoverWindows(checklist, config).flatMap((window) => {
    const status = windowStatus(window, states, nowMs);
    return status.state === "open" || status.state === "closing" ? [{ window, status }] : [];
  });
}
var PERCENT = /^\s*(\d{1,3}(?:\.\d+)?)\s*%/;
function cutoverStep(checklist, percent, config) {
  const sections = new Set(cutoverWindows(checklist, config).map((window) => window.item.section.join("\n")));
  return checklist.items.find((item) => {
    if (item.kind === "auto" || !sections.has(item.section.join("\n"))) return false;
    const match = PERCENT.exec(item.text);
    return match !== null && Number(match[1]) === percent;
  });
}
function formatLeft(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1e3));
  if (seconds > 120) return `${Math.ceil(seconds / 60)} min left`;
  return `${seconds} s left`;
}
function clock(ms) {
  return `${new Date(ms).toISOString().slice(11, 19)}Z`;
}
function planCutover(checklist, states, percent, nowMs, config) {
  const windows = cutoverWindows(checklist, config);
  if (windows.length === 0)
    return { ok: false, message: "this checklist has no cutover windows (`check=cutover-window`)" };
  if (!Number.isFinite(percent))
    return { ok: false, message: "usage: `/shipgate cutover <percent>`, e.g. `/shipgate cutover 10`" };
  const item = cutoverStep(checklist, percent, config);
  if (!item)
    return {
      ok: false,
      message: `no cutover step \u201C${percent}% \u2026\u201D next to a cutover window in the checklist`
    };
  const before = windows.find((window) => window.next?.id === item.id);
  if (before) {
    const status = windowStatus(before, states, nowMs);
    if (status.state === "open")
      return {
        ok: false,
        message: `\u201C${before.item.text}\u201D is still open (${formatLeft(status.leftMs)}); ${percent}% waits for it`
      };
    if (status.state !== "passed" && status.state !== "waived")
      return {
        ok: false,
        message: `\u201C${before.item.text}\u201D has not passed (${status.state}); ${percent}% waits for it`
      };
  }
  const after = windows.find((window) => window.after.id === item.id);
  return { ok: true, item, ...after ? { reopens: after } : {} };
}

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
  CUTOVER_CHECK,
  cutoverWindows,
  windowStatus,
  activeWindows,
  formatLeft,
  clock,
  planCutover,
  cutoverWindowContract
};
