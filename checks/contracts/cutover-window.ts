import { CUTOVER_CHECK, CutoverWindowParams, parseWindowMetrics } from '../../src/core/cutover/windows.js';
import { METRIC_NAMES } from '../../src/core/telemetry/promql.js';
import { defineContract } from '../contract.js';

const Params = CutoverWindowParams.superRefine((params, ctx) => {
  const parsed = parseWindowMetrics(params.metrics);
  if (!parsed.ok) return; // reported by the core schema
  for (const { metric } of parsed.metrics)
    if (!METRIC_NAMES.includes(metric))
      ctx.addIssue({
        code: 'custom',
        path: ['metrics'],
        message: `unknown metric "${metric}"; known: ${METRIC_NAMES.join(', ')}`,
      });
});

export const cutoverWindowContract = defineContract({
  id: CUTOVER_CHECK,
  measures: 'environment',
  title: 'A cutover window passed with every bound metric within limits',
  proves:
    'The window opened when the cutover step before it was ticked and stayed open for `duration`; every `interval` sample of every metric in `metrics` (default queries of `prometheus`, judged like its windows) and of the rollback triggers bound to `prometheus` stayed within limits (up to `failureLimit` breaches), with at least `count` samples. Ticked only by the bot; a breach fails the window at once, and a trigger breach starts the rollback. Proves what the metrics measure over that window, no more (docs/telemetry.md).',
  params: Params,
  applicability: {
    // a window is judged from the same metrics: without them only a person can watch it
    needs: [
      {
        trait: 'prometheus-metrics',
        otherwise: 'manual',
        reason: 'no Prometheus metrics (prom-client, /metrics) found: watch the window on your dashboards',
      },
    ],
    bind: [{ reason: '{prometheus-metrics.why}' }],
  },
});
