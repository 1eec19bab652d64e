import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  NO_PROMETHEUS,
  canaryLimits,
  fillQuery,
  graphLink,
  prometheusAuthorization,
  queryPrometheus,
  resolveBaselineQuery,
  resolveQuery
} from "./chunk-LSKKNW5M.js";
import {
  describeLimits,
  describeSample,
  formatPercent,
  judgeCanary,
  prometheusContract
} from "./chunk-BZNXD6PI.js";
import {
  durationSeconds,
  formatReading
} from "./chunk-V3GP2ZA7.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

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
