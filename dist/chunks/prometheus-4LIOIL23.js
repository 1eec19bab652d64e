import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  describeLimits,
  describeSample,
  formatPercent,
  judgeCanary,
  prometheusContract
} from "./chunk-TQIVBNQN.js";
import {
  METRIC_PRESETS,
  durationSeconds,
  fillVariables,
  formatReading
} from "./chunk-V3GP2ZA7.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import {
  external_exports
} from "./chunk-PZ57HXUH.js";

// src/telemetry/prometheus-api.ts
var SampleValue = external_exports.tuple([external_exports.number(), external_exports.string()]);
var ApiResponse = external_exports.discriminatedUnion("status", [
  external_exports.object({
    status: external_exports.literal("success"),
    data: external_exports.discriminatedUnion("resultType", [
      external_exports.object({
        resultType: external_exports.literal("vector"),
        result: external_exports.array(external_exports.object({ metric: external_exports.record(external_exports.string(), external_exports.string()), value: SampleValue }))
      }),
      external_exports.object({
        resultType: external_exports.literal("matrix"),
        result: external_exports.array(external_exports.object({ metric: external_exports.record(external_exports.string(), external_exports.string()), values: external_exports.array(SampleValue) }))
      }),
      external_exports.object({ resultType: external_exports.literal("scalar"), result: SampleValue }),
      external_exports.object({ resultType: external_exports.literal("string"), result: SampleValue })
    ]),
    warnings: external_exports.array(external_exports.string()).optional()
  }),
  external_exports.object({ status: external_exports.literal("error"), errorType: external_exports.string().optional(), error: external_exports.string().optional() })
]);
function apiBase(url) {
  const base = new URL(url.endsWith("/") ? url : `${url}/`);
  base.username = "";
  base.password = "";
  base.search = "";
  base.hash = "";
  return base;
}
function graphLink(url, query, range) {
  const link = new URL("graph", apiBase(url));
  link.searchParams.set("g0.expr", query);
  link.searchParams.set("g0.tab", "0");
  link.searchParams.set("g0.range_input", range);
  return link.toString();
}
var toNumber = (value) => value === "+Inf" ? Infinity : value === "-Inf" ? -Infinity : Number(value);
async function queryPrometheus(endpoint, request) {
  const form = new URLSearchParams({ query: request.query });
  if (request.kind === "instant") form.set("time", String(request.time));
  else {
    form.set("start", String(request.start));
    form.set("end", String(request.end));
    form.set("step", String(request.stepSeconds));
  }
  const path = request.kind === "instant" ? "api/v1/query" : "api/v1/query_range";
  const target = new URL(path, apiBase(endpoint.url));
  const timeout = AbortSignal.timeout(endpoint.timeoutMs);
  const signal = endpoint.signal ? AbortSignal.any([endpoint.signal, timeout]) : timeout;
  let response;
  try {
    response = await fetch(target, {
      method: "POST",
      body: form,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        ...endpoint.authorization ? { authorization: endpoint.authorization } : {}
      },
      redirect: "error",
      signal
    });
  } catch (error) {
    if (timeout.aborted)
      return { ok: false, reason: `Prometheus did not answer within ${endpoint.timeoutMs} ms` };
    const cause = error.cause;
    return {
      ok: false,
      reason: `Prometheus unreachable at ${target.origin}: ${cause?.code ?? cause?.message ?? error.message}`
    };
  }
  if (response.status === 401 || response.status === 403)
    return {
      ok: false,
      reason: `Prometheus refused the request (${response.status}): check the credentials in the env vars named by telemetry.prometheus.tokenEnv / usernameEnv / passwordEnv`
    };
  let body;
  const text = await response.text();
  try {
    body = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: `Prometheus answered ${response.status} with something that is not its API JSON: ${text.slice(0, 120)}`
    };
  }
  const parsed = ApiResponse.safeParse(body);
  if (!parsed.success)
    return { ok: false, reason: `Prometheus answered ${response.status} with an unexpected shape` };
  const answer = parsed.data;
  if (answer.status === "error")
    return {
      ok: false,
      reason: `query error (${answer.errorType ?? response.status}): ${answer.error ?? "no detail"}`
    };
  const warnings = answer.warnings ?? [];
  const data = answer.data;
  switch (data.resultType) {
    case "vector":
      return {
        ok: true,
        warnings,
        series: data.result.map((row) => ({
          labels: row.metric,
          samples: [[row.value[0], toNumber(row.value[1])]]
        }))
      };
    case "matrix":
      return {
        ok: true,
        warnings,
        series: data.result.map((row) => ({
          labels: row.metric,
          samples: row.values.map(([at, value]) => [at, toNumber(value)])
        }))
      };
    case "scalar":
      return {
        ok: true,
        warnings,
        series: [{ labels: {}, samples: [[data.result[0], toNumber(data.result[1])]] }]
      };
    case "string":
      return { ok: false, reason: "the query returns a string, not a number" };
  }
}

// src/telemetry/prometheus-query.ts
function prometheusAuthorization(config, env) {
  const token = env[config?.tokenEnv ?? "PROMETHEUS_TOKEN"];
  if (token) return `Bearer ${token}`;
  const user = env[config?.usernameEnv ?? "PROMETHEUS_USERNAME"];
  const password = env[config?.passwordEnv ?? "PROMETHEUS_PASSWORD"];
  if (user && password !== void 0) return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  return void 0;
}
function resolveQuery(params, config) {
  const preset = params.metric ? METRIC_PRESETS[params.metric] : void 0;
  const unit = params.unit ?? preset?.unit ?? "";
  if (params.query) return { ok: true, template: params.query, unit, label: params.metric ?? "reading" };
  const metric = params.metric;
  const override = config?.queries[metric];
  if (override) return { ok: true, template: override, unit, label: preset?.describe ?? metric };
  const built = preset?.query(config?.selector ?? "", config?.rateWindow ?? "5m", {
    over: params.over ?? config?.rateWindow ?? "5m",
    targetSelector: config?.targetSelector ?? config?.selector ?? "",
    ...config?.memoryLimitBytes !== void 0 ? { memoryLimitBytes: config.memoryLimitBytes } : {}
  });
  if (!built)
    return {
      ok: false,
      reason: `metric "${metric}" needs telemetry.prometheus.memoryLimitBytes (or a query in telemetry.prometheus.queries)`
    };
  return { ok: true, template: built, unit, label: preset?.describe ?? metric };
}
function resolveBaselineQuery(params, config, relative = params.maxIncrease !== void 0 || params.maxRatio !== void 0) {
  if (params.query) {
    if (params.baselineQuery) return { ok: true, template: params.baselineQuery };
    return relative ? { ok: false, reason: "no baseline series: `query` needs a `baselineQuery`" } : void 0;
  }
  const selector = params.baseline ?? (relative ? config?.baselineSelector : void 0);
  if (selector === void 0)
    return relative ? {
      ok: false,
      reason: 'no baseline series: set `baseline="<selector>"` or telemetry.prometheus.baselineSelector'
    } : void 0;
  if (params.metric && config?.queries[params.metric])
    return {
      ok: false,
      reason: `no baseline series: telemetry.prometheus.queries.${params.metric} replaces the default query, give the item a query and a baselineQuery`
    };
  return resolveQuery(params, config ? { ...config, selector, targetSelector: selector } : void 0);
}
function canaryLimits(params) {
  const out = {};
  for (const key of [
    "max",
    "min",
    "warnMax",
    "warnMin",
    "maxIncrease",
    "warnIncrease",
    "maxRatio",
    "warnRatio"
  ]) {
    const value = params[key];
    if (value !== void 0) out[key] = value;
  }
  return out;
}
var NO_PROMETHEUS = "no Prometheus configured: set telemetry.prometheus.url (or PROMETHEUS_URL)";
function fillQuery(template, variables) {
  const filled = fillVariables(template, variables);
  if (filled.ok) return filled;
  return {
    ok: false,
    reason: `the query uses ${filled.missing.map((name) => `{{${name}}}`).join(", ")}, unknown for this run`
  };
}

// checks/prometheus.ts
var skipped = (summary) => ({ status: "skipped", summary });
var prometheusCheck = defineCheck({
  ...prometheusContract,
  async run(params, ctx) {
    const config = ctx.telemetry?.prometheus;
    const url = config?.url ?? ctx.env.PROMETHEUS_URL;
    if (!url) return skipped(NO_PROMETHEUS);
    const resolved = resolveQuery(params, config);
    if (!resolved.ok) return skipped(resolved.reason);
    const variables = {
      ...ctx.releaseVersion ? { version: ctx.releaseVersion } : {},
      ...ctx.sha ? { sha: ctx.sha } : {},
      ...ctx.environment ? { environment: ctx.environment } : {}
    };
    const filled = fillQuery(resolved.template, variables);
    if (!filled.ok) return skipped(filled.reason);
    const query = filled.query;
    const now = Date.now() / 1e3;
    const endpoint = {
      url,
      timeoutMs: Math.min(config?.timeoutMs ?? 1e4, ctx.timeoutMs),
      signal: ctx.signal,
      ...(() => {
        const auth = prometheusAuthorization(config, ctx.env);
        return auth ? { authorization: auth } : {};
      })()
    };
    const windowSec = params.window ? durationSeconds(params.window) : 0;
    const stepSec = Math.max(durationSeconds(params.interval), 1e-3);
    const request = (q) => queryPrometheus(
      endpoint,
      params.window ? { kind: "range", query: q, start: now - windowSec, end: now, stepSeconds: stepSec } : { kind: "instant", query: q, time: now }
    );
    const baselineResolved = resolveBaselineQuery(params, config);
    const baselineFilled = baselineResolved?.ok ? fillQuery(baselineResolved.template, variables) : void 0;
    const [answer, baselineAnswer] = await Promise.all([
      request(query),
      baselineFilled?.ok ? request(baselineFilled.query) : Promise.resolve(void 0)
    ]);
    const where = params.window ? `over the last ${params.window}, every ${params.interval}` : "now";
    const link = graphLink(url, query, params.window ?? "1h");
    const details = [
      `query: ${query}`,
      ...baselineFilled?.ok ? [`baseline: ${baselineFilled.query}`] : [],
      `window: ${where}`,
      `graph: ${link}`
    ].join("\n");
    if (!answer.ok) return { status: "error", summary: answer.reason, details };
    if (baselineAnswer && !baselineAnswer.ok)
      return { status: "error", summary: `baseline: ${baselineAnswer.reason}`, details };
    const minSamples = params.count ?? (params.window ? Math.max(1, Math.floor(windowSec / stepSec / 2)) : 1);
    const limits = canaryLimits(params);
    const aggregate = params.aggregate ?? (params.max !== void 0 || params.min === void 0 ? "max" : "min");
    const verdict = judgeCanary(
      answer.series,
      baselineAnswer?.ok ? baselineAnswer.series : void 0,
      limits,
      {
        ...params.failureLimit !== void 0 ? { failureLimit: params.failureLimit } : {},
        ...params.consecutiveFailureLimit !== void 0 ? { consecutiveFailureLimit: params.consecutiveFailureLimit } : {},
        minSamples,
        aggregate,
        unit: resolved.unit
      }
    );
    const dry = params.dryRun ? "dry run, not gating: " : "";
    const baselineProblem = baselineResolved && !baselineResolved.ok ? baselineResolved.reason : baselineFilled && !baselineFilled.ok ? `baseline: ${baselineFilled.reason}` : void 0;
    const metrics = {
      samples: verdict.samples,
      breaches: verdict.breaches,
      warnings: verdict.warnings,
      ...verdict.value !== void 0 ? { value: verdict.value } : {},
      ...verdict.baselineValue !== void 0 ? { baseline: verdict.baselineValue } : {},
      ...verdict.worst?.increase !== void 0 && Number.isFinite(verdict.worst.increase) ? { increase: verdict.worst.increase } : {}
    };
    const limitWords = describeLimits(limits, resolved.unit);
    if (verdict.outcome === "inconclusive") {
      const reason = verdict.samples === 0 && baselineProblem ? baselineProblem : verdict.reason;
      const shown2 = verdict.worst ? `${describeSample(resolved.label, verdict.worst, resolved.unit)}; ` : "";
      return {
        status: "skipped",
        summary: verdict.samples === 0 ? `${dry}no data: ${reason} \u2014 inconclusive, a person decides` : `${dry}inconclusive (a person decides): ${shown2}${reason} (${limitWords})`,
        details,
        metrics
      };
    }
    const sampled = params.window ? `, ${aggregate} of ${verdict.samples} samples ${where}` : "";
    if (verdict.outcome === "pass") {
      const reading = `${resolved.label} ${formatReading(verdict.value ?? Number.NaN, resolved.unit)}${verdict.baselineValue !== void 0 ? ` vs baseline ${formatReading(verdict.baselineValue, resolved.unit)}${verdict.worst?.increase !== void 0 ? ` (worst ${formatPercent(verdict.worst.increase)})` : ""}` : ""}`;
      const tolerated = verdict.reason ? `, ${verdict.reason}` : "";
      return {
        status: "pass",
        summary: `${dry}${reading}, ${limitWords}${sampled}${tolerated}`,
        details,
        metrics
      };
    }
    const first = verdict.firstBreachAt ? ` from ${new Date(verdict.firstBreachAt * 1e3).toISOString()}` : "";
    const relative = verdict.worst?.baseline !== void 0;
    const shown = verdict.worst ? describeSample(resolved.label, verdict.worst, resolved.unit) : resolved.label;
    const worst = formatReading(verdict.peak ?? Number.NaN, resolved.unit);
    return {
      status: "fail",
      summary: relative ? `${dry}${shown} (${limitWords}): ${verdict.reason}${first}${params.window ? ` ${where}` : ""}` : params.window ? `${dry}${resolved.label} out of limits (${limitWords}) in ${verdict.breaches} of ${verdict.samples} samples${verdict.longestRun > 1 && params.consecutiveFailureLimit !== void 0 ? `, ${verdict.longestRun} in a row` : ""}${first}; worst ${worst} ${where}` : `${dry}${resolved.label} ${worst}, limit ${limitWords}`,
      details,
      metrics
    };
  }
});
export {
  prometheusCheck
};
