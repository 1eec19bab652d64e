import {
  describeLimits,
  describeSample,
  formatPercent,
  judgeCanary,
} from '../src/core/telemetry/judge-canary.js';
import { type Aggregate, durationSeconds, formatReading } from '../src/core/telemetry/judge-samples.js';
import { graphLink, queryPrometheus } from '../src/telemetry/prometheus-api.js';
import {
  canaryLimits,
  fillQuery,
  NO_PROMETHEUS,
  prometheusAuthorization,
  resolveBaselineQuery,
  resolveQuery,
} from '../src/telemetry/prometheus-query.js';
import { type CheckOutcome, defineCheck } from './check.js';
import { prometheusContract } from './contracts/prometheus.js';

const skipped = (summary: string): CheckOutcome => ({ status: 'skipped', summary });

/** A production metric from Prometheus within limits, now or over every sample of a window. */
export const prometheusCheck = defineCheck({
  ...prometheusContract,
  async run(params, ctx): Promise<CheckOutcome> {
    const config = ctx.telemetry?.prometheus;
    const url = config?.url ?? ctx.env.PROMETHEUS_URL;
    if (!url) return skipped(NO_PROMETHEUS);
    const resolved = resolveQuery(params, config);
    if (!resolved.ok) return skipped(resolved.reason);
    const variables = {
      ...(ctx.releaseVersion ? { version: ctx.releaseVersion } : {}),
      ...(ctx.sha ? { sha: ctx.sha } : {}),
      ...(ctx.environment ? { environment: ctx.environment } : {}),
    };
    const filled = fillQuery(resolved.template, variables);
    if (!filled.ok) return skipped(filled.reason);
    const query = filled.query;
    const now = Date.now() / 1000;
    const endpoint = {
      url,
      timeoutMs: Math.min(config?.timeoutMs ?? 10_000, ctx.timeoutMs),
      signal: ctx.signal,
      ...(() => {
        const auth = prometheusAuthorization(config, ctx.env);
        return auth ? { authorization: auth } : {};
      })(),
    };
    const windowSec = params.window ? durationSeconds(params.window) : 0;
    const stepSec = Math.max(durationSeconds(params.interval), 0.001);
    const request = (q: string) =>
      queryPrometheus(
        endpoint,
        params.window
          ? { kind: 'range', query: q, start: now - windowSec, end: now, stepSeconds: stepSec }
          : { kind: 'instant', query: q, time: now },
      );
    const baselineResolved = resolveBaselineQuery(params, config);
    const baselineFilled = baselineResolved?.ok ? fillQuery(baselineResolved.template, variables) : undefined;
    const [answer, baselineAnswer] = await Promise.all([
      request(query),
      baselineFilled?.ok ? request(baselineFilled.query) : Promise.resolve(undefined),
    ]);
    const where = params.window ? `over the last ${params.window}, every ${params.interval}` : 'now';
    const link = graphLink(url, query, params.window ?? '1h');
    const details = [
      `query: ${query}`,
      ...(baselineFilled?.ok ? [`baseline: ${baselineFilled.query}`] : []),
      `window: ${where}`,
      `graph: ${link}`,
    ].join('\n');
    if (!answer.ok) return { status: 'error', summary: answer.reason, details };
    if (baselineAnswer && !baselineAnswer.ok)
      return { status: 'error', summary: `baseline: ${baselineAnswer.reason}`, details };
    const minSamples = params.count ?? (params.window ? Math.max(1, Math.floor(windowSec / stepSec / 2)) : 1);
    const limits = canaryLimits(params);
    const aggregate: Aggregate =
      params.aggregate ?? (params.max !== undefined || params.min === undefined ? 'max' : 'min');
    const verdict = judgeCanary(
      answer.series,
      baselineAnswer?.ok ? baselineAnswer.series : undefined,
      limits,
      {
        ...(params.failureLimit !== undefined ? { failureLimit: params.failureLimit } : {}),
        ...(params.consecutiveFailureLimit !== undefined
          ? { consecutiveFailureLimit: params.consecutiveFailureLimit }
          : {}),
        minSamples,
        aggregate,
        unit: resolved.unit,
      },
    );
    const dry = params.dryRun ? 'dry run, not gating: ' : '';
    const baselineProblem =
      baselineResolved && !baselineResolved.ok
        ? baselineResolved.reason
        : baselineFilled && !baselineFilled.ok
          ? `baseline: ${baselineFilled.reason}`
          : undefined;
    const metrics = {
      samples: verdict.samples,
      breaches: verdict.breaches,
      warnings: verdict.warnings,
      ...(verdict.value !== undefined ? { value: verdict.value } : {}),
      ...(verdict.baselineValue !== undefined ? { baseline: verdict.baselineValue } : {}),
      ...(verdict.worst?.increase !== undefined && Number.isFinite(verdict.worst.increase)
        ? { increase: verdict.worst.increase }
        : {}),
    };
    const limitWords = describeLimits(limits, resolved.unit);
    if (verdict.outcome === 'inconclusive') {
      const reason = verdict.samples === 0 && baselineProblem ? baselineProblem : verdict.reason;
      const shown = verdict.worst ? `${describeSample(resolved.label, verdict.worst, resolved.unit)}; ` : '';
      return {
        status: 'skipped',
        summary:
          verdict.samples === 0
            ? `${dry}no data: ${reason} — inconclusive, a person decides`
            : `${dry}inconclusive (a person decides): ${shown}${reason} (${limitWords})`,
        details,
        metrics,
      };
    }
    const sampled = params.window ? `, ${aggregate} of ${verdict.samples} samples ${where}` : '';
    if (verdict.outcome === 'pass') {
      const reading = `${resolved.label} ${formatReading(verdict.value ?? Number.NaN, resolved.unit)}${
        verdict.baselineValue !== undefined
          ? ` vs baseline ${formatReading(verdict.baselineValue, resolved.unit)}${
              verdict.worst?.increase !== undefined ? ` (worst ${formatPercent(verdict.worst.increase)})` : ''
            }`
          : ''
      }`;
      const tolerated = verdict.reason ? `, ${verdict.reason}` : '';
      return {
        status: 'pass',
        summary: `${dry}${reading}, ${limitWords}${sampled}${tolerated}`,
        details,
        metrics,
      };
    }
    const first = verdict.firstBreachAt
      ? ` from ${new Date(verdict.firstBreachAt * 1000).toISOString()}`
      : '';
    const relative = verdict.worst?.baseline !== undefined;
    const shown = verdict.worst
      ? describeSample(resolved.label, verdict.worst, resolved.unit)
      : resolved.label;
    const worst = formatReading(verdict.peak ?? Number.NaN, resolved.unit);
    return {
      status: 'fail',
      summary: relative
        ? `${dry}${shown} (${limitWords}): ${verdict.reason}${first}${params.window ? ` ${where}` : ''}`
        : params.window
          ? `${dry}${resolved.label} out of limits (${limitWords}) in ${verdict.breaches} of ${verdict.samples} samples${verdict.longestRun > 1 && params.consecutiveFailureLimit !== undefined ? `, ${verdict.longestRun} in a row` : ''}${first}; worst ${worst} ${where}`
          : `${dry}${resolved.label} ${worst}, limit ${limitWords}`,
      details,
      metrics,
    };
  },
});
