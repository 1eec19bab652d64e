import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  METRIC_PRESETS,
  fillVariables
} from "./chunk-V3GP2ZA7.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

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

export {
  graphLink,
  queryPrometheus,
  prometheusAuthorization,
  resolveQuery,
  resolveBaselineQuery,
  canaryLimits,
  NO_PROMETHEUS,
  fillQuery
};
