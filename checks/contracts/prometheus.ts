import { z } from 'zod';
import { DURATION_PATTERN } from '../../src/core/config/telemetry-config.js';
import { parseIncrease } from '../../src/core/telemetry/judge-canary.js';
import { METRIC_NAMES } from '../../src/core/telemetry/promql.js';
import { defineContract } from '../contract.js';

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

export const prometheusContract = defineContract({
  id: 'prometheus',
  measures: 'environment',
  title: 'A production metric from Prometheus is within its limits',
  proves:
    'The PromQL query (a default by metric name, or your own) answered a number within `max`/`min` now, or, with `window`, at every `interval` sample over the window (up to `failureLimit` breaches). No series, only NaN, too few samples, a query error or an unreachable server are never a pass. Proves what the metric measures, no more: the default queries assume prom-client/OpenTelemetry metric names (docs/telemetry.md).',
  params: Params,
  applicability: {
    needs: [
      {
        trait: 'prometheus-metrics',
        otherwise: 'manual',
        reason:
          'no Prometheus metrics (prom-client, /metrics) found: read it from your monitoring (docs/telemetry.md)',
      },
    ],
    bind: [{ reason: '{prometheus-metrics.why}' }],
  },
});
