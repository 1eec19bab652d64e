import { z } from 'zod';
import { type CheckContext, type CheckOutcome, defineCheck } from './check.js';
import { describeError } from './lib/http/http-request.js';
import { resolveTarget, shortPath } from './lib/http/http-target.js';
import { formatMs } from './lib/load/load-percentile.js';
import { secondHalfTrend } from './lib/load/load-rss.js';
import { type LoadRunResult, runLoad } from './lib/load/load-run.js';

const Params = z.object({
  metric: z.enum(['users', 'p95', 'error-rate', 'memory-leak']).default('p95'),
  path: z.string().default('/'),
  connections: z.coerce.number().int().min(1).max(1000).default(100),
  /** Seconds; bounded so a template cannot stall a merge gate. */
  duration: z.coerce.number().min(1).max(60).default(10),
  /** p95: max ms (default 200). error-rate: max percent (default 1). */
  max: z.coerce.number().min(0).optional(),
  /** memory-leak: growth rate (MB/min) that counts as a leak … */
  leakMbPerMin: z.coerce.number().positive().default(20),
  /** … when it is also faster than this percentage of the starting RSS per minute. */
  leakPercent: z.coerce.number().positive().default(10),
});
type LoadParams = z.infer<typeof Params>;

const NO_PID_REASON = 'memory-leak heuristic needs a target started by shipgate (target.start)';

function failedShare(run: LoadRunResult): number {
  return run.total === 0 ? 100 : ((run.errors + run.non2xx) / run.total) * 100;
}

function statusBreakdown(run: LoadRunResult): string {
  const codes = Object.entries(run.statusCounts).map(([code, count]) => `${code}: ${count}`);
  return [
    `${run.total} requests with ${run.connections} connections over ${run.durationSec} s`,
    `${run.requestsPerSec.toFixed(0)} req/s, p50 ${formatMs(run.p50Ms)} ms, p95 ${formatMs(run.p95Ms)} ms`,
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
    connections: run.connections,
  };
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
  switch (params.metric) {
    case 'users': {
      const ok = run.servedConnections >= run.connections;
      const summary = `${run.servedConnections}/${run.connections} concurrent connections got 2xx responses (${run.total} requests)`;
      return { status: ok ? 'pass' : 'fail', summary, details, metrics };
    }
    case 'p95': {
      const max = params.max ?? 200;
      const ok = Number.isFinite(run.p95Ms) && run.p95Ms <= max;
      const summary = `p95 ${formatMs(run.p95Ms)} ms ${ok ? '≤' : '>'} ${max} ms (${run.connections} connections, ${run.total} requests)`;
      return { status: ok ? 'pass' : 'fail', summary, details, metrics };
    }
    case 'error-rate': {
      const max = params.max ?? 1;
      const rate = failedShare(run);
      const ok = rate < max || rate === 0;
      const failed = run.errors + run.non2xx;
      const summary = `error rate ${rate.toFixed(2)}% ${ok ? '<' : '≥'} ${max}% (${failed} of ${run.total} failed or non-2xx)`;
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
  const trend = run.rss ? secondHalfTrend(run.rss) : undefined;
  if (!trend) {
    return { status: 'skipped', summary: `could not sample RSS of PID ${ctx.targetPid} from /proc`, details };
  }
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  const relLimit = (trend.startBytes / (1024 * 1024)) * (params.leakPercent / 100);
  const leaking = trend.mbPerMin > params.leakMbPerMin && trend.mbPerMin > relLimit;
  const summary = `RSS ${mb(trend.startBytes)} → ${mb(trend.endBytes)} MB, trend ${trend.mbPerMin.toFixed(1)} MB/min ${
    leaking ? '>' : 'within'
  } ${params.leakMbPerMin} MB/min and ${params.leakPercent}% of start per min`;
  return {
    status: leaking ? 'fail' : 'pass',
    summary,
    details: `${details}\nRSS trend: Theil–Sen slope over the second half of the run (${trend.samples} samples); a heuristic, not proof.`,
    metrics: {
      ...metrics,
      rssStartBytes: trend.startBytes,
      rssEndBytes: trend.endBytes,
      rssMbPerMin: trend.mbPerMin,
    },
  };
}

/** Load test with autocannon: concurrent users, p95 latency, error rate and an RSS leak heuristic. */
export const loadTestCheck = defineCheck({
  id: 'load-test',
  usesTarget: true,
  exclusive: true,
  title: 'HTTP load test (autocannon): concurrency, p95 latency, error rate, memory trend',
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
