import { z } from 'zod';
import { DURATION_PATTERN, type PrometheusConfig } from '../src/core/config/telemetry-config.js';
import {
  type CanaryLimits,
  describeLimits,
  describeSample,
  formatPercent,
  judgeCanary,
  parseIncrease,
} from '../src/core/telemetry/judge-canary.js';
import { type CheckContext, type CheckOutcome, defineCheck } from './check.js';
import { type Aggregate, durationSeconds, formatReading } from './lib/telemetry/judge-samples.js';
import { graphLink, queryPrometheus } from './lib/telemetry/prometheus-api.js';
import { fillVariables, METRIC_NAMES, METRIC_PRESETS, type QueryVariables } from './lib/telemetry/promql.js';

const Duration = z.string().regex(DURATION_PATTERN, 'expected a duration like "30s", "5m" or "1h"');
/** `10%`, `+10%`, `0.1` → 0.1. */
const Increase = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const fraction = parseIncrease(value);
  if (fraction === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected an increase like "10%"' });
    return z.NEVER;
  }
  return fraction;
});

const Params = z
  .object({
    metric: z
      .enum(METRIC_NAMES as [string, ...string[]])
      .optional()
      .describe(
        'a default query by name (error-rate, p95, cpu, memory-percent, uptime, …); see docs/telemetry.md',
      ),
    query: z
      .string()
      .min(1)
      .max(4000)
      .optional()
      .describe('PromQL; `{{version}}`, `{{sha}}`, `{{environment}}` are filled'),
    max: z.coerce.number().optional().describe('the reading must be ≤ max'),
    min: z.coerce.number().optional().describe('the reading must be ≥ min'),
    warnMax: z.coerce
      .number()
      .optional()
      .describe('above `max` but ≤ `warnMax`: inconclusive (a person decides) rather than a failure'),
    warnMin: z.coerce
      .number()
      .optional()
      .describe('below `min` but ≥ `warnMin`: inconclusive rather than a failure'),
    baseline: z
      .string()
      .max(500)
      .optional()
      .describe(
        'label matchers of the baseline (blue, the previous version) replacing `selector` in the default query; default: telemetry.prometheus.baselineSelector',
      ),
    baselineQuery: z
      .string()
      .min(1)
      .max(4000)
      .optional()
      .describe('PromQL of the baseline, for an item with its own `query`'),
    maxIncrease: Increase.optional().describe(
      'largest increase over the baseline at the same time, e.g. `10%` (relative limit)',
    ),
    warnIncrease: Increase.optional().describe(
      'above `maxIncrease` but ≤ `warnIncrease`: inconclusive rather than a failure',
    ),
    maxRatio: z.coerce
      .number()
      .positive()
      .optional()
      .describe('largest reading / baseline ratio, e.g. `1.2`'),
    warnRatio: z.coerce
      .number()
      .positive()
      .optional()
      .describe('above `maxRatio` but ≤ `warnRatio`: inconclusive rather than a failure'),
    dryRun: z
      .boolean()
      .default(false)
      .describe('judged and shown, never gating and never starting a rollback (Argo `dryRun`)'),
    over: Duration.optional().describe(
      'the range inside `error-count` and `uptime` (increase, avg_over_time); default: the rate window',
    ),
    window: Duration.optional().describe(
      'judge every sample over the last `window` (a range query); default: now only',
    ),
    interval: Duration.default('30s').describe('the sampling step within the window'),
    failureLimit: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'breaching samples tolerated in the window (default 0; unlimited with only consecutiveFailureLimit)',
      ),
    consecutiveFailureLimit: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .describe('breaching samples in a row tolerated: an isolated spike passes, a sustained breach fails'),
    count: z.coerce
      .number()
      .int()
      .min(1)
      .optional()
      .describe('samples needed (default: half the window, at least 1)'),
    aggregate: z
      .enum(['max', 'min', 'avg', 'last'])
      .optional()
      .describe('the figure reported (default: the worst)'),
    unit: z.string().max(10).optional().describe('unit shown with the reading (default: the metric’s)'),
  })
  .strict()
  .refine((p) => p.metric !== undefined || p.query !== undefined, { message: 'needs `metric` or `query`' })
  .refine(
    (p) =>
      p.max !== undefined || p.min !== undefined || p.maxIncrease !== undefined || p.maxRatio !== undefined,
    { message: 'needs `max`, `min`, `maxIncrease` or `maxRatio`' },
  )
  .refine((p) => p.warnMax === undefined || (p.max !== undefined && p.warnMax >= p.max), {
    message: '`warnMax` needs `max` and must be ≥ it',
  })
  .refine((p) => p.warnMin === undefined || (p.min !== undefined && p.warnMin <= p.min), {
    message: '`warnMin` needs `min` and must be ≤ it',
  })
  .refine(
    (p) => p.warnIncrease === undefined || (p.maxIncrease !== undefined && p.warnIncrease >= p.maxIncrease),
    { message: '`warnIncrease` needs `maxIncrease` and must be ≥ it' },
  )
  .refine((p) => p.warnRatio === undefined || (p.maxRatio !== undefined && p.warnRatio >= p.maxRatio), {
    message: '`warnRatio` needs `maxRatio` and must be ≥ it',
  })
  .refine((p) => p.baselineQuery === undefined || p.query !== undefined, {
    message: '`baselineQuery` goes with `query` (a default metric takes `baseline`)',
  });

export type PrometheusParams = z.infer<typeof Params>;

const skipped = (summary: string): CheckOutcome => ({ status: 'skipped', summary });

/** `Authorization` from the env vars the config names: a bearer token, else basic auth. */
export function prometheusAuthorization(
  config: PrometheusConfig | undefined,
  env: CheckContext['env'],
): string | undefined {
  const token = env[config?.tokenEnv ?? 'PROMETHEUS_TOKEN'];
  if (token) return `Bearer ${token}`;
  const user = env[config?.usernameEnv ?? 'PROMETHEUS_USERNAME'];
  const password = env[config?.passwordEnv ?? 'PROMETHEUS_PASSWORD'];
  if (user && password !== undefined) return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return undefined;
}

/** The query an item runs: its own `query`, else the config's override for its metric, else the default. */
export function resolveQuery(
  params: PrometheusParams,
  config: PrometheusConfig | undefined,
): { ok: true; template: string; unit: string; label: string } | { ok: false; reason: string } {
  const preset = params.metric ? METRIC_PRESETS[params.metric] : undefined;
  const unit = params.unit ?? preset?.unit ?? '';
  if (params.query) return { ok: true, template: params.query, unit, label: params.metric ?? 'reading' };
  const metric = params.metric as string;
  const override = config?.queries[metric];
  if (override) return { ok: true, template: override, unit, label: preset?.describe ?? metric };
  const built = preset?.query(config?.selector ?? '', config?.rateWindow ?? '5m', {
    over: params.over ?? config?.rateWindow ?? '5m',
    targetSelector: config?.targetSelector ?? config?.selector ?? '',
    ...(config?.memoryLimitBytes !== undefined ? { memoryLimitBytes: config.memoryLimitBytes } : {}),
  });
  if (!built)
    return {
      ok: false,
      reason: `metric "${metric}" needs telemetry.prometheus.memoryLimitBytes (or a query in telemetry.prometheus.queries)`,
    };
  return { ok: true, template: built, unit, label: preset?.describe ?? metric };
}

/**
 * The baseline's query: the item's `baselineQuery`, else the default query of its metric with the
 * baseline's matchers (`baseline`, else `telemetry.prometheus.baselineSelector`) in place of
 * `selector`. Undefined when the item compares with nothing.
 */
export function resolveBaselineQuery(
  params: PrometheusParams,
  config: PrometheusConfig | undefined,
  relative = params.maxIncrease !== undefined || params.maxRatio !== undefined,
): { ok: true; template: string } | { ok: false; reason: string } | undefined {
  if (params.query) {
    if (params.baselineQuery) return { ok: true, template: params.baselineQuery };
    return relative
      ? { ok: false, reason: 'no baseline series: `query` needs a `baselineQuery`' }
      : undefined;
  }
  const selector = params.baseline ?? (relative ? config?.baselineSelector : undefined);
  if (selector === undefined)
    return relative
      ? {
          ok: false,
          reason: 'no baseline series: set `baseline="<selector>"` or telemetry.prometheus.baselineSelector',
        }
      : undefined;
  if (params.metric && config?.queries[params.metric])
    return {
      ok: false,
      reason: `no baseline series: telemetry.prometheus.queries.${params.metric} replaces the default query, give the item a query and a baselineQuery`,
    };
  return resolveQuery(params, config ? { ...config, selector, targetSelector: selector } : undefined) as
    | { ok: true; template: string }
    | { ok: false; reason: string };
}

/** The limits of an item, as the core judges them. */
export function canaryLimits(params: PrometheusParams): CanaryLimits {
  const out: CanaryLimits = {};
  for (const key of [
    'max',
    'min',
    'warnMax',
    'warnMin',
    'maxIncrease',
    'warnIncrease',
    'maxRatio',
    'warnRatio',
  ] as const) {
    const value = params[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Why nothing can be queried: no server in the config or the environment. */
export const NO_PROMETHEUS = 'no Prometheus configured: set telemetry.prometheus.url (or PROMETHEUS_URL)';

/** The query with this run's `{{variables}}` filled, or why it cannot run: an unset one is never guessed. */
export function fillQuery(
  template: string,
  variables: QueryVariables,
): { ok: true; query: string } | { ok: false; reason: string } {
  const filled = fillVariables(template, variables);
  if (filled.ok) return filled;
  return {
    ok: false,
    reason: `the query uses ${filled.missing.map((name) => `{{${name}}}`).join(', ')}, unknown for this run`,
  };
}

/** A production metric from Prometheus within limits, now or over every sample of a window. */
export const prometheusCheck = defineCheck({
  id: 'prometheus',
  measures: 'environment',
  title: 'A production metric from Prometheus is within its limits',
  proves:
    'The PromQL query (a default by metric name, or your own) answered a number within `max`/`min` now, or, with `window`, at every `interval` sample over the window (up to `failureLimit` breaches). No series, only NaN, too few samples, a query error or an unreachable server are never a pass. Proves what the metric measures, no more: the default queries assume prom-client/OpenTelemetry metric names (docs/telemetry.md).',
  params: Params,
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
