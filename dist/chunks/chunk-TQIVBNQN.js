import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  METRIC_NAMES,
  formatReading
} from "./chunk-V3GP2ZA7.js";
import {
  defineContract,
  external_exports
} from "./chunk-PZ57HXUH.js";

// src/core/telemetry/judge-canary.ts
function hasRelativeLimits(limits) {
  return limits.maxIncrease !== void 0 || limits.maxRatio !== void 0;
}
function byTime(series, worstOf) {
  const out = /* @__PURE__ */ new Map();
  for (const one of series)
    for (const [at, value] of one.samples) {
      if (Number.isNaN(value)) continue;
      const seen = out.get(at);
      out.set(at, seen === void 0 ? value : worstOf(seen, value));
    }
  return out;
}
function increaseOf(value, baseline) {
  if (baseline === 0)
    return value === 0 ? 0 : value > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return (value - baseline) / Math.abs(baseline);
}
function formatPercent(fraction) {
  if (!Number.isFinite(fraction)) return fraction > 0 ? "+\u221E%" : "-\u221E%";
  const percent = fraction * 100;
  const rounded = Math.abs(percent) >= 10 ? Math.round(percent) : Number(percent.toFixed(1));
  return `${rounded >= 0 ? "+" : ""}${rounded}%`;
}
function formatRatio(ratio) {
  return Number.isFinite(ratio) ? `${Number(ratio.toFixed(2))}\xD7` : "\u221E\xD7";
}
function classify(value, baseline, limits, unit) {
  const found = [];
  const check = (over, warnOk, crossed, kind = "absolute") => {
    if (!over) return;
    found.push({ class: warnOk ? "warn" : "breach", crossed, kind });
  };
  if (limits.max !== void 0)
    check(
      value > limits.max,
      limits.warnMax !== void 0 && value <= limits.warnMax,
      `> ${formatReading(limits.max, unit)}`
    );
  if (limits.min !== void 0)
    check(
      value < limits.min,
      limits.warnMin !== void 0 && value >= limits.warnMin,
      `< ${formatReading(limits.min, unit)}`
    );
  let increase;
  if (baseline !== void 0) {
    increase = increaseOf(value, baseline);
    if (limits.maxIncrease !== void 0)
      check(
        increase > limits.maxIncrease,
        limits.warnIncrease !== void 0 && increase <= limits.warnIncrease,
        `> ${formatPercent(limits.maxIncrease)}`,
        "increase"
      );
    if (limits.maxRatio !== void 0) {
      const ratio = baseline === 0 ? value === 0 ? 1 : Number.POSITIVE_INFINITY : value / baseline;
      check(
        ratio > limits.maxRatio,
        limits.warnRatio !== void 0 && ratio <= limits.warnRatio,
        `${formatRatio(ratio)} > ${formatRatio(limits.maxRatio)}`,
        "ratio"
      );
    }
  }
  const breach = found.find((one) => one.class === "breach");
  const pick = breach ?? found[0];
  return {
    class: pick?.class ?? "ok",
    crossed: pick?.crossed ?? "",
    ...pick ? { kind: pick.kind } : {},
    ...increase !== void 0 ? { increase } : {}
  };
}
function aggregateOf(values, aggregate) {
  if (values.length === 0) return void 0;
  switch (aggregate) {
    case "max":
      return Math.max(...values);
    case "min":
      return Math.min(...values);
    case "avg":
      return values.reduce((sum, v) => sum + v, 0) / values.length;
    case "last":
      return values.at(-1);
  }
}
function longestRun(samples, counts) {
  let longest = 0;
  let run = 0;
  for (const sample of samples) {
    run = counts(sample) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
function judgeCanary(canary, baseline, limits, options) {
  const unit = options.unit ?? "";
  const empty = { samples: 0, breaches: 0, warnings: 0, longestRun: 0 };
  const inconclusive = (reason, extra = {}) => ({
    outcome: "inconclusive",
    reason,
    ...empty,
    ...extra
  });
  if (canary.length === 0) return inconclusive("the query returned no series");
  const relative = hasRelativeLimits(limits);
  if (relative && (!baseline || baseline.length === 0))
    return inconclusive("no baseline series to compare with");
  const lowerIsBetter = limits.max !== void 0 || relative || limits.min === void 0;
  const worstOf = (a, b) => lowerIsBetter ? Math.max(a, b) : Math.min(a, b);
  const values = byTime(canary, worstOf);
  const baselineValues = baseline ? byTime(baseline, worstOf) : /* @__PURE__ */ new Map();
  const times = [...values.keys()].filter((at) => !relative || baselineValues.has(at)).sort((a, b) => a - b);
  if (times.length === 0)
    return inconclusive(
      relative && values.size > 0 ? "no baseline sample at the times of the canary\u2019s" : "the query returned only NaN: no traffic to measure (0/0)?"
    );
  if (times.length < options.minSamples)
    return inconclusive(
      `${times.length} sample(s)${relative ? " with a baseline" : ""} in the window, ${options.minSamples} needed`,
      { samples: times.length }
    );
  const samples = times.map((at) => {
    const value = values.get(at);
    const base2 = relative || baseline ? baselineValues.get(at) : void 0;
    return {
      at,
      value,
      ...base2 !== void 0 ? { baseline: base2 } : {},
      ...classify(value, base2, limits, unit)
    };
  });
  const breaches = samples.filter((sample) => sample.class === "breach");
  const warnings = samples.filter((sample) => sample.class === "warn");
  const breachRun = longestRun(samples, (sample) => sample.class === "breach");
  const notOkRun = longestRun(samples, (sample) => sample.class !== "ok");
  const consecutive = options.consecutiveFailureLimit;
  const failureLimit = options.failureLimit ?? (consecutive !== void 0 ? Number.POSITIVE_INFINITY : 0);
  const tooMany = (count, run) => count > failureLimit || consecutive !== void 0 && run > consecutive;
  const decided = breaches[0] ?? warnings[0];
  const worst = decided ?? samples.reduce(
    (a, b) => (a.increase ?? 0) !== (b.increase ?? 0) ? (a.increase ?? 0) >= (b.increase ?? 0) ? a : b : worstOf(a.value, b.value) === a.value ? a : b
  );
  const base = {
    samples: samples.length,
    breaches: breaches.length,
    warnings: warnings.length,
    longestRun: breachRun,
    ...(() => {
      const value = aggregateOf(
        samples.map((sample) => sample.value),
        options.aggregate
      );
      return value !== void 0 ? { value } : {};
    })(),
    ...(() => {
      const value = aggregateOf(
        samples.flatMap((sample) => sample.baseline !== void 0 ? [sample.baseline] : []),
        options.aggregate
      );
      return value !== void 0 ? { baselineValue: value } : {};
    })(),
    worst,
    peak: samples.map((sample) => sample.value).reduce(worstOf),
    ...breaches[0] ? { firstBreachAt: breaches[0].at } : {}
  };
  const limitWords = () => consecutive !== void 0 && options.failureLimit === void 0 ? `${consecutive} in a row tolerated` : `${failureLimit} tolerated${consecutive !== void 0 ? `, ${consecutive} in a row` : ""}`;
  if (tooMany(breaches.length, breachRun))
    return {
      outcome: "fail",
      reason: `${breaches.length} of ${samples.length} samples out of limits${breachRun > 1 ? ` (${breachRun} in a row)` : ""}, ${limitWords()}`,
      ...base
    };
  if (tooMany(breaches.length + warnings.length, notOkRun))
    return {
      outcome: "inconclusive",
      reason: `${warnings.length} of ${samples.length} samples between a limit and its warn limit`,
      ...base
    };
  return {
    outcome: "pass",
    reason: breaches.length + warnings.length > 0 ? `${breaches.length + warnings.length} sample(s) out of limits, ${limitWords()}` : "",
    ...base
  };
}
function describeSample(label, sample, unit) {
  const value = `${label} ${formatReading(sample.value, unit)}`;
  if (sample.baseline === void 0) return sample.crossed ? `${value} ${sample.crossed}` : value;
  const baseline = `baseline ${formatReading(sample.baseline, unit)}`;
  const increase = formatPercent(sample.increase ?? 0);
  switch (sample.kind) {
    case "increase":
      return `${value} vs ${baseline}: ${increase} ${sample.crossed}`;
    case "ratio":
      return `${value} vs ${baseline}: ${sample.crossed}`;
    case "absolute":
      return `${value} ${sample.crossed} (vs ${baseline}: ${increase})`;
    default:
      return `${value} vs ${baseline}: ${increase}`;
  }
}
function describeLimits(limits, unit) {
  const parts = [];
  if (limits.min !== void 0) parts.push(`\u2265 ${formatReading(limits.min, unit)}`);
  if (limits.max !== void 0) parts.push(`\u2264 ${formatReading(limits.max, unit)}`);
  if (limits.maxIncrease !== void 0) parts.push(`\u2264 ${formatPercent(limits.maxIncrease)} vs baseline`);
  if (limits.maxRatio !== void 0) parts.push(`\u2264 ${formatRatio(limits.maxRatio)} baseline`);
  const warn = [];
  if (limits.warnMin !== void 0) warn.push(`\u2265 ${formatReading(limits.warnMin, unit)}`);
  if (limits.warnMax !== void 0) warn.push(`\u2264 ${formatReading(limits.warnMax, unit)}`);
  if (limits.warnIncrease !== void 0) warn.push(`\u2264 ${formatPercent(limits.warnIncrease)}`);
  if (limits.warnRatio !== void 0) warn.push(`\u2264 ${formatRatio(limits.warnRatio)}`);
  return [...parts, ...warn.length > 0 ? [`inconclusive to ${warn.join(", ")}`] : []].join(", ");
}
function parseIncrease(text) {
  const match = /^\s*\+?(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(String(text));
  if (!match) return void 0;
  const n = Number(match[1]);
  return match[2] === "%" || n > 1 ? n / 100 : n;
}

// src/core/config/telemetry-config.ts
var DURATION_PATTERN = /^\d+(?:ms|s|m|h|d)$/;
var Duration = external_exports.string().regex(DURATION_PATTERN, 'expected a duration like "30s", "5m" or "1h"');
var EnvName = external_exports.string().regex(/^[A-Z_][A-Z0-9_]*$/, "expected an environment variable name");
var PrometheusConfigSchema = external_exports.object({
  /** Base URL of the Prometheus HTTP API (without `/api/v1`); default: env `PROMETHEUS_URL`. */
  url: external_exports.url({ protocol: /^https?$/, error: "expected an http:// or https:// URL" }).refine((value) => !/^[a-z]+:\/\/[^/]*@/i.test(value), {
    message: "no credentials in the URL: use tokenEnv or usernameEnv/passwordEnv"
  }).optional(),
  /** Env var with a bearer token (sent as `Authorization: Bearer …`). */
  tokenEnv: EnvName.default("PROMETHEUS_TOKEN"),
  /** Env vars with basic-auth credentials (used when no token is set). */
  usernameEnv: EnvName.default("PROMETHEUS_USERNAME"),
  passwordEnv: EnvName.default("PROMETHEUS_PASSWORD"),
  /**
   * Label matchers added to every default query, e.g. `job="restaurant-os",version="{{version}}"`
   * (variables are filled and escaped). Default: none.
   */
  selector: external_exports.string().max(500).default(""),
  /**
   * Label matchers of the baseline (blue, or the previous version), e.g. `job="restaurant-os",color="blue"`:
   * the default for the `baseline` of items and cutover windows with relative limits (`maxIncrease`, `maxRatio`).
   */
  baselineSelector: external_exports.string().max(500).optional(),
  /** Label matchers for `up` (target labels such as job/instance; `up` has no app labels). Default: `selector`. */
  targetSelector: external_exports.string().max(500).optional(),
  /** The `rate()` window of the default queries. */
  rateWindow: Duration.default("5m"),
  /** The memory limit the `memory-percent` query divides by (bytes), e.g. the container's limit. */
  memoryLimitBytes: external_exports.number().positive().optional(),
  /** Replace a default query by metric name (`error-rate`, `p95`, …) for every item using it. */
  queries: external_exports.record(external_exports.string(), external_exports.string().min(1).max(4e3)).default({}),
  timeoutMs: external_exports.number().int().positive().max(12e4).default(1e4)
}).strict();
var RollbackDispatchSchema = external_exports.object({
  /** File name under .github/workflows (needs a `workflow_dispatch` trigger). */
  workflow: external_exports.string().regex(/^(?:\.github\/workflows\/)?[\w.-]+\.ya?ml$/, 'expected a workflow file like "rollback.yml"'),
  ref: external_exports.string().min(1).default("main")
}).strict();
var InconclusiveSchema = external_exports.object({
  /** Roles (keys of `roles`) asked, and the only ones allowed, to decide; empty: anyone with write access. */
  roles: external_exports.array(external_exports.string().min(1).max(100)).max(20).default([])
}).strict();
var TelemetrySchema = external_exports.object({
  prometheus: PrometheusConfigSchema.optional(),
  inconclusive: InconclusiveSchema.optional(),
  rollback: external_exports.object({ dispatch: RollbackDispatchSchema.optional() }).strict().optional()
}).strict();

// checks/contracts/prometheus.ts
var Duration2 = external_exports.string().regex(DURATION_PATTERN, 'expected a duration like "30s", "5m" or "1h"');
var Increase = external_exports.union([external_exports.string(), external_exports.number()]).transform((value, ctx) => {
  const fraction = parseIncrease(value);
  if (fraction === void 0) {
    ctx.addIssue({ code: "custom", message: 'expected an increase like "10%"' });
    return external_exports.NEVER;
  }
  return fraction;
});
var Params = external_exports.object({
  metric: external_exports.enum(METRIC_NAMES).optional().describe(
    "a default query by name (error-rate, p95, cpu, memory-percent, uptime, \u2026); see docs/telemetry.md"
  ),
  query: external_exports.string().min(1).max(4e3).optional().describe("PromQL; `{{version}}`, `{{sha}}`, `{{environment}}` are filled"),
  max: external_exports.coerce.number().optional().describe("the reading must be \u2264 max"),
  min: external_exports.coerce.number().optional().describe("the reading must be \u2265 min"),
  warnMax: external_exports.coerce.number().optional().describe("above `max` but \u2264 `warnMax`: inconclusive (a person decides) rather than a failure"),
  warnMin: external_exports.coerce.number().optional().describe("below `min` but \u2265 `warnMin`: inconclusive rather than a failure"),
  baseline: external_exports.string().max(500).optional().describe(
    "label matchers of the baseline (blue, the previous version) replacing `selector` in the default query; default: telemetry.prometheus.baselineSelector"
  ),
  baselineQuery: external_exports.string().min(1).max(4e3).optional().describe("PromQL of the baseline, for an item with its own `query`"),
  maxIncrease: Increase.optional().describe(
    "largest increase over the baseline at the same time, e.g. `10%` (relative limit)"
  ),
  warnIncrease: Increase.optional().describe(
    "above `maxIncrease` but \u2264 `warnIncrease`: inconclusive rather than a failure"
  ),
  maxRatio: external_exports.coerce.number().positive().optional().describe("largest reading / baseline ratio, e.g. `1.2`"),
  warnRatio: external_exports.coerce.number().positive().optional().describe("above `maxRatio` but \u2264 `warnRatio`: inconclusive rather than a failure"),
  dryRun: external_exports.boolean().default(false).describe("judged and shown, never gating and never starting a rollback (Argo `dryRun`)"),
  over: Duration2.optional().describe(
    "the range inside `error-count` and `uptime` (increase, avg_over_time); default: the rate window"
  ),
  window: Duration2.optional().describe(
    "judge every sample over the last `window` (a range query); default: now only"
  ),
  interval: Duration2.default("30s").describe("the sampling step within the window"),
  failureLimit: external_exports.coerce.number().int().min(0).optional().describe(
    "breaching samples tolerated in the window (default 0; unlimited with only consecutiveFailureLimit)"
  ),
  consecutiveFailureLimit: external_exports.coerce.number().int().min(0).optional().describe("breaching samples in a row tolerated: an isolated spike passes, a sustained breach fails"),
  count: external_exports.coerce.number().int().min(1).optional().describe("samples needed (default: half the window, at least 1)"),
  aggregate: external_exports.enum(["max", "min", "avg", "last"]).optional().describe("the figure reported (default: the worst)"),
  unit: external_exports.string().max(10).optional().describe("unit shown with the reading (default: the metric\u2019s)")
}).strict().refine((p) => p.metric !== void 0 || p.query !== void 0, { message: "needs `metric` or `query`" }).refine(
  (p) => p.max !== void 0 || p.min !== void 0 || p.maxIncrease !== void 0 || p.maxRatio !== void 0,
  { message: "needs `max`, `min`, `maxIncrease` or `maxRatio`" }
).refine((p) => p.warnMax === void 0 || p.max !== void 0 && p.warnMax >= p.max, {
  message: "`warnMax` needs `max` and must be \u2265 it"
}).refine((p) => p.warnMin === void 0 || p.min !== void 0 && p.warnMin <= p.min, {
  message: "`warnMin` needs `min` and must be \u2264 it"
}).refine(
  (p) => p.warnIncrease === void 0 || p.maxIncrease !== void 0 && p.warnIncrease >= p.maxIncrease,
  { message: "`warnIncrease` needs `maxIncrease` and must be \u2265 it" }
).refine((p) => p.warnRatio === void 0 || p.maxRatio !== void 0 && p.warnRatio >= p.maxRatio, {
  message: "`warnRatio` needs `maxRatio` and must be \u2265 it"
}).refine((p) => p.baselineQuery === void 0 || p.query !== void 0, {
  message: "`baselineQuery` goes with `query` (a default metric takes `baseline`)"
});
var prometheusContract = defineContract({
  id: "prometheus",
  measures: "environment",
  title: "A production metric from Prometheus is within its limits",
  proves: "The PromQL query (a default by metric name, or your own) answered a number within `max`/`min` now, or, with `window`, at every `interval` sample over the window (up to `failureLimit` breaches). No series, only NaN, too few samples, a query error or an unreachable server are never a pass. Proves what the metric measures, no more: the default queries assume prom-client/OpenTelemetry metric names (docs/telemetry.md).",
  params: Params,
  applicability: {
    needs: [
      {
        trait: "prometheus-metrics",
        otherwise: "manual",
        reason: "no Prometheus metrics (prom-client, /metrics) found: read it from your monitoring (docs/telemetry.md)"
      }
    ],
    bind: [{ reason: "{prometheus-metrics.why}" }]
  }
});

export {
  formatPercent,
  judgeCanary,
  describeSample,
  describeLimits,
  TelemetrySchema,
  prometheusContract
};
