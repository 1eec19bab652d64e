import { type CheckOutcome, defineCheck } from './check.js';
import { type LoadTestParams, loadTestContract } from './contracts/load-test.js';
import { describeError } from './lib/http/http-request.js';
import { resolveTarget, shortPath } from './lib/http/http-target.js';
import { formatMs } from './lib/load/load-percentile.js';
import { judgeSoak, phaseRss } from './lib/load/load-rss.js';
import {
  type LoadRunResult,
  type MeasuredUrl,
  resolveMeasuredUrl,
  runLoad,
  runSoak,
  type SoakRunResult,
} from './lib/load/load-run.js';

type LoadParams = LoadTestParams;

const NO_PID_REASON = 'memory-leak heuristic needs a target started by shipgate (target.start)';
/** Fewer 2xx responses than this give no percentile worth stating. */
const MIN_SUCCESSES = 20;
/**
 * The generator's event loop this busy while the target used this little CPU: shipgate, not the app,
 * set the rate (autocannon shares shipgate's event loop; anything else running there starves it).
 */
const GENERATOR_SATURATED = 0.9;
const TARGET_IDLE_CORES = 0.3;
const TARGET_SEEN_CORES = 0.01;

function failedShare(run: LoadRunResult): number {
  return run.total === 0 ? 100 : ((run.errors + run.non2xx) / run.total) * 100;
}

function rate(run: LoadRunResult): string {
  const perSec = run.requestsPerSec;
  return perSec >= 1000 ? `${(perSec / 1000).toFixed(1)}k req/s` : `${perSec.toFixed(0)} req/s`;
}

/** What the run really made: "100/100 connections answered at 1.6k req/s". */
function made(run: LoadRunResult): string {
  return `${run.answeredConnections}/${run.connections} connections answered at ${rate(run)}`;
}

function statusBreakdown(run: LoadRunResult, measured: MeasuredUrl): string {
  const codes = Object.entries(run.statusCounts).map(([code, count]) => `${code}: ${count}`);
  return [
    `${run.total} requests with ${run.connections} connections over ${run.durationSec} s on ${shortPath(measured.url)}`,
    ...(measured.redirects.length > 0 ? [`redirects followed first: ${measured.redirects.join(', ')}`] : []),
    ...(measured.stopped ? [`redirect not followed: ${measured.stopped}`] : []),
    `${run.requestsPerSec.toFixed(0)} req/s; ${run.answeredConnections} of ${run.connections} connections got an answer, ${run.servedConnections} a 2xx; load generator busy ${(run.generatorBusy * 100).toFixed(0)}%${run.targetCpuCores === undefined ? '' : `, target CPU ${run.targetCpuCores.toFixed(2)} cores`}${run.quietWaitMs > 2 * 250 ? `; waited ${(run.quietWaitMs / 1000).toFixed(1)} s for shipgate's event loop to go quiet first` : ''}`,
    `2xx responses: p50 ${formatMs(run.p50Ms)} ms, p95 ${formatMs(run.p95Ms)} ms; all responses: p95 ${formatMs(run.allP95Ms)} ms`,
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
    answeredConnections: run.answeredConnections,
    generatorBusyPercent: Math.round(run.generatorBusy * 100),
    ...(run.targetCpuCores === undefined ? {} : { targetCpuCores: run.targetCpuCores }),
  };
}

/** The most frequent non-2xx status, if any. */
function topFailure(run: LoadRunResult): string | undefined {
  return Object.entries(run.statusCounts)
    .filter(([code]) => !code.startsWith('2'))
    .sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** What the non-2xx answers most likely mean, for the summary of an unmeasurable run. */
function likelyCause(run: LoadRunResult, measured: MeasuredUrl): string {
  const top = topFailure(run);
  if (top === '429') return ': the app rate-limits the load test (raise its limit for the run, or N/A)';
  if (top?.startsWith('3'))
    return measured.stopped
      ? `: ${top} redirects (${measured.stopped}; set path= to a page that answers)`
      : `: ${top} redirects (set path= to the final URL)`;
  if (top?.startsWith('5')) return `: the app answers ${top} under load`;
  if (top === '404') return ': 404 (set path= to a page that exists)';
  if (top === '401' || top === '403') return `: ${top} (set path= to a public page)`;
  return top ? `: mostly ${top}` : '';
}

/**
 * The outcome of a run in which too little succeeded to judge, or undefined when the 2xx responses
 * can be judged. What the app answered under load (5xx, timeouts) is a measured failure; a run that
 * only met redirects, a rate limiter, a missing page or a refused connection measured nothing: error.
 */
function nothingMeasured(
  params: LoadParams,
  run: LoadRunResult,
  measured: MeasuredUrl,
): CheckOutcome | undefined {
  if (run.responses === 0) {
    if (run.errors > 0 && run.timeouts === run.errors) {
      return {
        status: 'fail',
        summary: `no response within 10 s to any of ${run.errors} requests (the app hangs under load)`,
      };
    }
    return {
      status: 'error',
      summary: `no responses at all (${run.errors} connection errors): nothing measured; is the app running at ${measured.url.href}?`,
    };
  }
  const okPercent = (run.ok2xx / run.total) * 100;
  if (run.ok2xx >= MIN_SUCCESSES && okPercent >= params.minSuccess) return undefined;
  const codes = Object.entries(run.statusCounts)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, count]) => `${count}× ${code}`);
  const errors = run.errors > 0 ? [`${run.errors} connection errors`] : [];
  const what = [...codes, ...errors].join(', ') || 'none';
  const top = topFailure(run);
  const serverFailed = top?.startsWith('5') || (top === undefined && run.timeouts > 0);
  return {
    status: serverFailed ? 'fail' : 'error',
    summary: `only ${run.ok2xx} of ${run.total} requests succeeded (${okPercent.toFixed(1)}% 2xx < ${params.minSuccess}%; ${what})${likelyCause(run, measured)}; ${serverFailed ? 'the app fails under this load' : 'nothing measured to judge'}`,
  };
}

/**
 * The outcome of a run that did not make the load it claims, or undefined: connections that never got
 * an answer, or a generator so busy (with the target nearly idle) that shipgate set the rate.
 */
function underDriven(run: LoadRunResult): CheckOutcome | undefined {
  if (run.answeredConnections < run.connections) {
    return {
      status: 'error',
      summary: `only ${run.answeredConnections} of ${run.connections} connections got any answer (${rate(run)}): the run did not make the load it claims; not judged`,
    };
  }
  if (
    run.generatorBusy >= GENERATOR_SATURATED &&
    run.targetCpuCores !== undefined &&
    // No CPU at all: the PID is not the server (a `docker compose up` client), so nothing is known.
    run.targetCpuCores >= TARGET_SEEN_CORES &&
    run.targetCpuCores < TARGET_IDLE_CORES
  ) {
    return {
      status: 'error',
      summary: `the load generator was the bottleneck (its event loop ${(run.generatorBusy * 100).toFixed(0)}% busy while the app used ${run.targetCpuCores.toFixed(2)} CPU cores): ${rate(run)} is shipgate's limit on this machine, not the app's; the load of ${run.connections} connections was not made; not judged`,
    };
  }
  return undefined;
}

function redirectNote(measured: MeasuredUrl): string {
  return measured.redirects.length > 0
    ? ` [${measured.redirects.join(', ')}: measured ${shortPath(measured.url)}, where the app sends visitors]`
    : '';
}

/** Judges users, p95 or error-rate from one shared run (memory-leak has its own soak run). */
function judge(
  params: LoadParams & { metric: 'users' | 'p95' | 'error-rate' },
  run: LoadRunResult,
  measured: MeasuredUrl,
): CheckOutcome {
  const details = statusBreakdown(run, measured);
  const metrics = metricsOf(run);
  const note = redirectNote(measured);
  const withNote = (outcome: CheckOutcome): CheckOutcome => ({
    ...outcome,
    summary: `${outcome.summary}${note}`,
    details,
    metrics,
  });
  const rateShare = failedShare(run);
  const errorNote = `error rate ${rateShare.toFixed(2)}%`;
  const unmeasured = nothingMeasured(params, run, measured);
  // The error rate is judged even when most requests failed; only a run with (almost) no success at
  // all behind redirects, a limiter or a missing page measured nothing about it.
  const errorRateUnmeasured = unmeasured?.status === 'error' && run.ok2xx < MIN_SUCCESSES;
  if (unmeasured && (params.metric !== 'error-rate' || errorRateUnmeasured)) return withNote(unmeasured);
  const short = underDriven(run);
  // A run that made less load than claimed cannot pass; what it already shows failing still fails.
  const notMade = (ok: boolean, outcome: CheckOutcome) => (ok && short ? short : outcome);
  switch (params.metric) {
    case 'users': {
      const ok = run.servedConnections >= run.connections;
      const summary = `${run.servedConnections}/${run.connections} concurrent connections got 2xx responses (${run.total} requests at ${rate(run)}, ${errorNote})`;
      return withNote(notMade(ok, { status: ok ? 'pass' : 'fail', summary }));
    }
    case 'p95': {
      const max = params.max ?? 200;
      const ok = Number.isFinite(run.p95Ms) && run.p95Ms <= max;
      const summary = `p95 ${formatMs(run.p95Ms)} ms ${ok ? '≤' : '>'} ${max} ms over ${run.ok2xx} 2xx responses (${made(run)}, ${errorNote})`;
      return withNote(notMade(ok, { status: ok ? 'pass' : 'fail', summary }));
    }
    case 'error-rate': {
      const max = params.max ?? 1;
      const ok = rateShare < max || rateShare === 0;
      const failed = run.errors + run.non2xx;
      const summary = `${errorNote} ${ok ? '<' : '≥'} ${max}% (${failed} of ${run.total} failed or non-2xx; ${made(run)})${ok ? '' : likelyCause(run, measured)}`;
      return withNote(notMade(ok, { status: ok ? 'pass' : 'fail', summary }));
    }
  }
}

function judgeLeak(
  params: LoadParams,
  soak: SoakRunResult,
  measured: MeasuredUrl,
  pid: number,
): CheckOutcome {
  const run = soak.load;
  const details = statusBreakdown(run, measured);
  const metrics = metricsOf(run);
  const note = redirectNote(measured);
  const unmeasured = nothingMeasured(params, run, measured);
  if (unmeasured) return { ...unmeasured, summary: `${unmeasured.summary}${note}`, details, metrics };
  if (soak.rss.length === 0) {
    return { status: 'skipped', summary: `could not sample RSS of PID ${pid} from /proc`, details };
  }
  const phases = phaseRss(soak.rss, soak.phases);
  const verdict = judgeSoak(phases, params);
  const how = `${soak.phases.length} load phases of ${params.connections} connections, ${params.idle} s idle after each`;
  const soakDetails = `${details}\nSoak: ${how}; per phase RSS at rest after it (lowest sample of its idle), and its range under load: ${phases.map((p) => `${(p.restBytes / 1048576).toFixed(0)} MB (${(p.lowBytes / 1048576).toFixed(0)}–${(p.highBytes / 1048576).toFixed(0)})`).join(', ')}. The first phase is warm-up. A heuristic, not proof.`;
  if (verdict.verdict === 'cannot-tell') {
    return {
      status: 'skipped',
      summary: `this run cannot tell: ${verdict.reason}${note}`,
      details: soakDetails,
      metrics,
    };
  }
  const leaking = verdict.verdict === 'leak';
  return {
    status: leaking ? 'fail' : 'pass',
    summary: `${leaking ? 'leak' : 'no leak'}: ${verdict.reason} ${leaking ? '>' : 'within'} ${params.leakMbPerMin} MB/min and ${params.leakPercent}% (${how})${note}`,
    details: soakDetails,
    metrics: {
      ...metrics,
      rssStartBytes: verdict.baselineBytes,
      rssEndBytes: verdict.lastBytes,
      rssMbPerMin: verdict.mbPerMin,
    },
  };
}

/** Load test with autocannon: concurrent users, p95 latency, error rate and a soak-style leak check. */
export const loadTestCheck = defineCheck({
  ...loadTestContract,
  async run(params, ctx) {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const pid = ctx.targetPid;
    if (params.metric === 'memory-leak' && pid === undefined) {
      return { status: 'skipped', summary: NO_PID_REASON };
    }
    let measured: MeasuredUrl;
    try {
      measured = await ctx.memo(`load-test:url:${target.url.href}`, () =>
        resolveMeasuredUrl(target.url, ctx.signal),
      );
    } catch (error) {
      return {
        status: 'error',
        summary: `load test against ${target.url.href} not run: ${describeError(error)}`,
      };
    }
    const { url } = measured;
    try {
      if (params.metric === 'memory-leak') {
        if (pid === undefined) return { status: 'skipped', summary: NO_PID_REASON };
        const loadSec = Math.max(1, params.duration / params.phases);
        const key = `load-test:soak:${url.href}:${params.connections}:${params.duration}:${params.phases}:${params.idle}:${params.warmup}`;
        const soak = await ctx.memo(key, () => {
          ctx.log(
            `load test (soak): ${params.phases} phases of ${loadSec.toFixed(1)} s with ${params.connections} connections, ${params.idle} s idle after each, on ${shortPath(url)}`,
          );
          return runSoak(
            {
              url,
              connections: params.connections,
              phaseSec: loadSec,
              warmupSec: params.warmup ?? loadSec,
              phases: params.phases,
              idleSec: params.idle,
              pid,
            },
            ctx,
          );
        });
        return judgeLeak(params, soak, measured, pid);
      }
      const key = `load-test:${url.href}:${params.connections}:${params.duration}`;
      const run = await ctx.memo(key, () => {
        ctx.log(`load test: ${params.connections} connections for ${params.duration} s on ${shortPath(url)}`);
        return runLoad({ url, connections: params.connections, durationSec: params.duration, pid }, ctx);
      });
      return judge({ ...params, metric: params.metric }, run, measured);
    } catch (error) {
      return { status: 'error', summary: `load test against ${url.href} failed: ${describeError(error)}` };
    }
  },
});
