/**
 * What a `prometheus` item queries, shared by the check (checks/prometheus.ts) and the bot's
 * cutover windows and rollback triggers (src/bot/cutover/cutover-samples.ts): the query and baseline
 * query an item's parameters resolve to, its limits, and the server's authorization.
 */
import type { PrometheusParams } from '../../checks/contracts/prometheus.js';
import type { PrometheusConfig } from '../core/config/telemetry-config.js';
import type { CanaryLimits } from '../core/telemetry/judge-canary.js';
import { fillVariables, METRIC_PRESETS, type QueryVariables } from '../core/telemetry/promql.js';

/** `Authorization` from the env vars the config names: a bearer token, else basic auth. */
export function prometheusAuthorization(
  config: PrometheusConfig | undefined,
  env: Record<string, string | undefined>,
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
