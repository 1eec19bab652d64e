import { CUTOVER_CHECK, CutoverWindowParams, parseWindowMetrics } from '../src/core/cutover/windows.js';
import { type CheckOutcome, defineCheck } from './check.js';
import { METRIC_NAMES } from './lib/telemetry/promql.js';

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

/**
 * A timed cutover window ("Monitor for 15 minutes"). Its start is the tick of the cutover step
 * before it, which only the bot's ledger knows, so the bot judges it (src/app/pr/cutover-timer.ts,
 * src/core/cutover/): a run of the checks outside the bot reports it skipped, and the bot ignores
 * results for it in evidence.
 */
export const cutoverWindowCheck = defineCheck({
  id: CUTOVER_CHECK,
  measures: 'environment',
  title: 'A cutover window passed with every bound metric within limits',
  proves:
    'The window opened when the cutover step before it was ticked and stayed open for `duration`; every `interval` sample of every metric in `metrics` (default queries of `prometheus`, judged like its windows) and of the rollback triggers bound to `prometheus` stayed within limits (up to `failureLimit` breaches), with at least `count` samples. Ticked only by the bot; a breach fails the window at once, and a trigger breach starts the rollback. Proves what the metrics measure over that window, no more (docs/telemetry.md).',
  params: Params,
  async run(): Promise<CheckOutcome> {
    return {
      status: 'skipped',
      summary:
        'judged by the shipgate bot over the window opened by ticking the cutover step before it (docs/telemetry.md)',
    };
  },
});
