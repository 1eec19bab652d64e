import { z } from 'zod';
import { type CheckContext, type CheckOutcome, defineCheck } from './check.js';
import { describeError } from './lib/http/http-request.js';
import { resolveTarget, shortPath } from './lib/http/http-target.js';
import { formatMs } from './lib/load/load-percentile.js';
import { judgeTrend, memoryTrend } from './lib/load/load-rss.js';
import { type LoadRunResult, runLoad } from './lib/load/load-run.js';

const Params = z
  .object({
    metric: z
      .enum(['users', 'p95', 'error-rate', 'memory-leak'])
      .default('p95')
      .describe('what is judged: concurrent users served, p95 latency, error rate, or the RSS trend'),
    path: z.string().optional().describe('path relative to target.url (default: target.url itself)'),
    connections: z.coerce.number().int().min(1).max(1000).default(100).describe('concurrent connections'),
    duration: z.coerce
      .number()
      .min(1)
      .max(60)
      .default(10)
      .describe('seconds; bounded so a template cannot stall a merge gate'),
    max: z.coerce
      .number()
      .min(0)
      .optional()
      .describe('p95: max ms of successful responses (default 200); error-rate: max percent (default 1)'),
    minSuccess: z.coerce
      .number()
      .min(0)
      .max(100)
      .default(90)
      .describe(
        'users, p95 and memory-leak fail unless at least this percentage of requests got a 2xx (latency of errors proves nothing)',
      ),
    warmup: z.coerce
      .number()
      .min(0)
      .max(30)
      .optional()
      .describe('memory-leak: seconds of warm-up not judged (default 30% of duration, at least 2 s)'),
    leakMbPerMin: z.coerce
      .number()
      .positive()
      .default(20)
      .describe('memory-leak: RSS growth (MB/min) after the warm-up that counts as a leak …'),
    leakPercent: z.coerce
      .number()
      .positive()
      .default(10)
      .describe('… when it is also faster than this percentage of the RSS per minute'),
  })
  .strict();
type LoadParams = z.infer<typeof Params>;

const NO_PID_REASON = 'memory-leak heuristic needs a target started by shipgate (target.start)';
/** Fewer 2xx responses than this give no percentile worth stating. */
const MIN_SUCCESSES = 20;
/** RSS is sampled every 200 ms: 15 samples over 3 s after the warm-up is the least that is a trend. */
const MIN_TREND_SAMPLES = 15;
const MIN_TREND_MS = 3000;

function failedShare(run: LoadRunResult): number {
  return run.total === 0 ? 100 : ((run.errors + run.non2xx) / run.total) * 100;
}

function statusBreakdown(run: LoadRunResult): string {
  const codes = Object.entries(run.statusCounts).map(([code, count]) => `${code}: ${count}`);
  return [
    `${run.total} requests with ${run.connections} connections over ${run.durationSec} s`,
    `${run.requestsPerSec.toFixed(0)} req/s; 2xx responses: p50 ${formatMs(run.p50Ms)} ms, p95 ${formatMs(run.p95Ms)} ms; all responses: p95 ${formatMs(run.allP95Ms)} ms`,
    `status codes: ${codes.join(', ') || 'none'}; errors ${run.errors} (timeouts ${run.timeouts})`,
  ].join('\n');
}

function metricsOf(run: LoadRunResult): Record<string, number> {
  return {
    p95Ms: run.p95Ms,
    p50Ms: run.p50Ms,
    requestsPerSec: run.requestsPerSec,
    errorRatePercent: failedShare(run),
    requests: run.total,
    successes: run.ok2xx,
    connections: run.connections,
  };
}

/** What the non-2xx answers most likely mean, for the summary of an unmeasurable run. */
function likelyCause(run: LoadRunResult): string {
  const codes = Object.entries(run.statusCounts)
    .filter(([code]) => !code.startsWith('2'))
    .sort((a, b) => b[1] - a[1]);
  const top = codes[0]?.[0];
  if (top === '429') return ': the app rate-limits the load test (raise its limit for the run, or N/A)';
  if (top?.startsWith('3')) return `: ${top} redirects (set path= to the final URL)`;
  if (top?.startsWith('5')) return `: the app answers ${top} under load`;
  if (top === '404') return ': 404 (set path= to a page that exists)';
  return top ? `: mostly ${top}` : '';
}

/** The too-few-successes failure, or undefined when the successful responses can be judged. */
function tooFewSuccesses(params: LoadParams, run: LoadRunResult): string | undefined {
  const okPercent = run.total === 0 ? 0 : (run.ok2xx / run.total) * 100;
  if (run.ok2xx >= MIN_SUCCESSES && okPercent >= params.minSuccess) return undefined;
  const codes = Object.entries(run.statusCounts)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, count]) => `${count}× ${code}`);
  const errors = run.errors > 0 ? [`${run.errors} connection errors`] : [];
  const what = [...codes, ...errors].join(', ') || 'none';
  return `only ${run.ok2xx} of ${run.total} requests succeeded (${okPercent.toFixed(1)}% 2xx < ${params.minSuccess}%; ${what})${likelyCause(run)}; nothing measured to judge`;
}

function judge(params: LoadParams, run: LoadRunResult, ctx: CheckContext): CheckOutcome {
  const details = statusBreakdown(run);
  const metrics = metricsOf(run);
  if (run.responses === 0) {
    return {
      status: 'fail',
      summary: `no responses at all (${run.errors} connection errors)`,
      details,
      metrics,
    };
  }
  const rate = failedShare(run);
  const errorNote = `error rate ${rate.toFixed(2)}%`;
  if (params.metric !== 'error-rate') {
    const problem = tooFewSuccesses(params, run);
    if (problem) return { status: 'fail', summary: problem, details, metrics };
  }
  switch (params.metric) {
    case 'users': {
      const ok = run.servedConnections >= run.connections;
      const summary = `${run.servedConnections}/${run.connections} concurrent connections got 2xx responses (${run.total} requests, ${errorNote})`;
      return { status: ok ? 'pass' : 'fail', summary, details, metrics };
    }
    case 'p95': {
      const max = params.max ?? 200;
      const ok = Number.isFinite(run.p95Ms) && run.p95Ms <= max;
      const summary = `p95 ${formatMs(run.p95Ms)} ms ${ok ? '≤' : '>'} ${max} ms over ${run.ok2xx} 2xx responses (${run.connections} connections, ${errorNote})`;
      return { status: ok ? 'pass' : 'fail', summary, details, metrics };
    }
    case 'error-rate': {
      const max = params.max ?? 1;
      const ok = rate < max || rate === 0;
      const failed = run.errors + run.non2xx;
      const summary = `${errorNote} ${ok ? '<' : '≥'} ${max}% (${failed} of ${run.total} failed or non-2xx)${ok ? '' : likelyCause(run)}`;
      return { status: ok ? 'pass' : 'fail', summary, details, metrics };
    }
    case 'memory-leak':
      return judgeLeak(params, run, ctx, details, metrics);
  }
}

function judgeLeak(
  params: LoadParams,
  run: LoadRunResult,
  ctx: CheckContext,
  details: string,
  metrics: Record<string, number>,
): CheckOutcome {
  if (!run.rss || run.rss.length === 0) {
    return { status: 'skipped', summary: `could not sample RSS of PID ${ctx.targetPid} from /proc`, details };
  }
  const warmupMs = (params.warmup ?? Math.max(2, params.duration * 0.3)) * 1000;
  const result = memoryTrend(run.rss, { warmupMs, minSamples: MIN_TREND_SAMPLES, minWindowMs: MIN_TREND_MS });
  if (!result.ok) return { status: 'skipped', summary: result.reason, details };
  const { trend } = result;
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  const verdict = judgeTrend(trend, params);
  const leaking = verdict === 'leak';
  const shape = verdict === 'step' ? ' (a step, not steady growth)' : '';
  const seconds = (trend.windowMs / 1000).toFixed(1);
  const trendMetrics = {
    ...metrics,
    rssStartBytes: trend.startBytes,
    rssEndBytes: trend.endBytes,
    rssMbPerMin: trend.mbPerMin,
  };
  const rise = `RSS ${mb(trend.startBytes)} → ${mb(trend.endBytes)} MB after a ${(warmupMs / 1000).toFixed(1)} s warm-up, trend ${trend.mbPerMin.toFixed(1)} MB/min`;
  if (verdict === 'too-little') {
    const percent = ((trend.endBytes - trend.startBytes) / trend.startBytes) * 100;
    return {
      status: 'skipped',
      summary: `${rise}, but a rise of ${percent.toFixed(1)}% in ${seconds} s is too little to tell heap growth from a leak (a leak needs ≥ ${params.leakPercent}% of RSS in the window): raise duration`,
      details,
      metrics: trendMetrics,
    };
  }
  const summary = `${rise}${shape} ${
    leaking ? '>' : 'within'
  } ${params.leakMbPerMin} MB/min and ${params.leakPercent}% per min (${run.ok2xx} 2xx, error rate ${failedShare(run).toFixed(2)}%)`;
  return {
    status: leaking ? 'fail' : 'pass',
    summary,
    details: `${details}\nRSS trend: Theil–Sen slope over ${trend.samples} samples in ${(trend.windowMs / 1000).toFixed(1)} s after the warm-up; a leak must also rise through each third of that window. A heuristic, not proof.`,
    metrics: trendMetrics,
  };
}

/** Load test with autocannon: concurrent users, p95 latency, error rate and an RSS leak heuristic. */
export const loadTestCheck = defineCheck({
  id: 'load-test',
  measures: 'app',
  usesTarget: true,
  exclusive: true,
  title: 'HTTP load test (autocannon): concurrency, p95 latency, error rate, memory trend',
  proves:
    'The target serves `connections` concurrent clients for `duration` s: p95 latency of 2xx responses only, the share of failed/non-2xx requests, and (target started by shipgate) an RSS trend after a warm-up. Fails when fewer than `minSuccess`% of requests succeeded. Does not prove behaviour under production traffic patterns or data sizes.',
  params: Params,
  async run(params, ctx) {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    if (params.metric === 'memory-leak' && ctx.targetPid === undefined) {
      return { status: 'skipped', summary: NO_PID_REASON };
    }
    const { url } = target;
    const key = `load-test:${url.href}:${params.connections}:${params.duration}`;
    let run: LoadRunResult;
    try {
      run = await ctx.memo(key, () => {
        ctx.log(`load test: ${params.connections} connections for ${params.duration} s on ${shortPath(url)}`);
        return runLoad(
          { url, connections: params.connections, durationSec: params.duration, pid: ctx.targetPid },
          ctx,
        );
      });
    } catch (error) {
      return { status: 'error', summary: `load test against ${url.href} failed: ${describeError(error)}` };
    }
    return judge(params, run, ctx);
  },
});
