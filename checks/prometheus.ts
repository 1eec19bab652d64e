import { z } from 'zod';
import { DURATION_PATTERN, type PrometheusConfig } from '../src/core/config/telemetry-config.js';
import { type CheckContext, type CheckOutcome, defineCheck } from './check.js';
import {
  type Aggregate,
  durationSeconds,
  formatReading,
  judgeSamples,
} from './lib/telemetry/judge-samples.js';
import { graphLink, queryPrometheus } from './lib/telemetry/prometheus-api.js';
import { fillVariables, METRIC_NAMES, METRIC_PRESETS, type QueryVariables } from './lib/telemetry/promql.js';

const Duration = z.string().regex(DURATION_PATTERN, 'expected a duration like "30s", "5m" or "1h"');

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
      .default(0)
      .describe('breaching samples tolerated in the window'),
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
  .refine((p) => p.max !== undefined || p.min !== undefined, { message: 'needs `max` and/or `min`' });

type PrometheusParams = z.infer<typeof Params>;

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

function limitText(params: PrometheusParams, unit: string): string {
  const parts = [];
  if (params.min !== undefined) parts.push(`≥ ${formatReading(params.min, unit)}`);
  if (params.max !== undefined) parts.push(`≤ ${formatReading(params.max, unit)}`);
  return parts.join(' and ');
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
    const filled = fillQuery(resolved.template, {
      ...(ctx.releaseVersion ? { version: ctx.releaseVersion } : {}),
      ...(ctx.sha ? { sha: ctx.sha } : {}),
      ...(ctx.environment ? { environment: ctx.environment } : {}),
    });
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
    const answer = await queryPrometheus(
      endpoint,
      params.window
        ? { kind: 'range', query, start: now - windowSec, end: now, stepSeconds: stepSec }
        : { kind: 'instant', query, time: now },
    );
    const where = params.window ? `over the last ${params.window}, every ${params.interval}` : 'now';
    const link = graphLink(url, query, params.window ?? '1h');
    const details = [`query: ${query}`, `window: ${where}`, `graph: ${link}`].join('\n');
    if (!answer.ok) return { status: 'error', summary: answer.reason, details };
    const minSamples = params.count ?? (params.window ? Math.max(1, Math.floor(windowSec / stepSec / 2)) : 1);
    const aggregate: Aggregate = params.aggregate ?? (params.max !== undefined ? 'max' : 'min');
    const verdict = judgeSamples(answer.series, params, {
      failureLimit: params.failureLimit,
      minSamples,
      aggregate,
    });
    if (verdict.kind === 'no-data')
      return { status: 'skipped', summary: `no data: ${verdict.reason}`, details };
    const reading = formatReading(verdict.value, resolved.unit);
    const limits = limitText(params, resolved.unit);
    const metrics = { value: verdict.value, samples: verdict.samples, breaches: verdict.breaches };
    const sampled = params.window ? `, ${aggregate} of ${verdict.samples} samples ${where}` : '';
    if (verdict.pass) {
      const tolerated = verdict.breaches > 0 ? `, ${verdict.breaches} breach(es) tolerated` : '';
      return {
        status: 'pass',
        summary: `${resolved.label} ${reading}, ${limits}${sampled}${tolerated}`,
        details,
        metrics,
      };
    }
    const first = verdict.firstBreachAt
      ? ` from ${new Date(verdict.firstBreachAt * 1000).toISOString()}`
      : '';
    return {
      status: 'fail',
      summary: params.window
        ? `${resolved.label} out of limits (${limits}) in ${verdict.breaches} of ${verdict.samples} samples${first}; worst ${formatReading(verdict.worst, resolved.unit)} ${where}`
        : `${resolved.label} ${reading}, limit ${limits}`,
      details,
      metrics: { ...metrics, worst: verdict.worst },
    };
  },
});
