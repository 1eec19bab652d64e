import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type Autocannon from 'autocannon';
import type { CheckContext } from '../../check.js';
import { headerValue, httpRequest } from '../http/http-request.js';
import { nearestRank } from './load-percentile.js';
import { type RssSample, type SoakPhase, startRssSampler, treePids } from './load-rss.js';

export interface LoadRunOptions {
  url: URL;
  connections: number;
  durationSec: number;
  /** Sample RSS of this process tree during the run (only when shipgate started the target). */
  pid?: number;
}

export interface LoadRunResult {
  connections: number;
  durationSec: number;
  /** Requests that got a response + requests that failed at the connection level. */
  total: number;
  responses: number;
  ok2xx: number;
  non2xx: number;
  /** Connection errors, timeouts included (autocannon counts them in `errors`). */
  errors: number;
  timeouts: number;
  /** Nearest-rank p95 over the latency of successful (2xx) responses only, ms (NaN without any). */
  p95Ms: number;
  p50Ms: number;
  /** p95 over every response, errors included: shown beside, never judged (a fast 429 is no pass). */
  allP95Ms: number;
  /** Responses per second over the run, as measured (not as claimed). */
  requestsPerSec: number;
  statusCounts: Record<string, number>;
  /** How many distinct connections received at least one 2xx response. */
  servedConnections: number;
  /** How many distinct connections received any answer at all: the concurrency actually driven. */
  answeredConnections: number;
  /**
   * Share of the run the load generator's own event loop was busy (0..1): near 1, the generator —
   * not the app — set the pace (it shares shipgate's process).
   */
  generatorBusy: number;
  /** CPU the target's process tree used during the run, in cores (only with a PID). */
  targetCpuCores?: number;
  /** How long the run waited for shipgate's own event loop to go quiet before starting (see quietLoop). */
  quietWaitMs: number;
  rss?: RssSample[];
}

/** Total CPU time (user + system) of a process tree in clock ticks, from /proc; undefined off Linux. */
function treeCpuTicks(pid: number): number | undefined {
  let total = 0;
  let found = false;
  for (const one of treePids(pid)) {
    try {
      // Fields after the command (which may hold spaces) start after the last ')'.
      const stat = readFileSync(`/proc/${one}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += Number(fields[11]) + Number(fields[12]);
      found = true;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return found ? total : undefined;
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s everywhere Node runs on Linux. */
const TICKS_PER_SECOND = 100;

/**
 * One autocannon run. Latency is collected from the `response` event for every request, because
 * autocannon's own histogram has no p95 (p90/p97.5 only), rounds to whole ms and mixes in errors:
 * the percentiles judged are those of 2xx responses only. Beside the figures it measures what the
 * run really made: the connections that got any answer, the generator's own busy share and (with a
 * PID) the CPU the target used, so a run starved on shipgate's side is not read as the app's limit.
 */
export async function runLoad(options: LoadRunOptions, ctx: CheckContext): Promise<LoadRunResult> {
  const quietWaitMs = await quietLoop(ctx.signal);
  // loaded when a load test runs: importing it costs every CLI start ~0.1 s (its histogram WASM)
  const { default: autocannon } = await import('autocannon');
  return drive(options, ctx, quietWaitMs, autocannon);
}

const QUIET_BUSY = 0.5;
const QUIET_MAX_MS = 3000;
const QUIET_SLICE_MS = 250;

/**
 * autocannon runs on shipgate's own event loop. A check that timed out keeps running in the
 * background (the runner reports it and moves on), and work like that starves the generator: the
 * load measured is then shipgate's, not the app's. So a run starts once the loop is mostly idle
 * (under half busy over 250 ms), waiting at most 3 s; `generatorBusy` tells afterwards what it got.
 */
async function quietLoop(signal: AbortSignal): Promise<number> {
  const started = performance.now();
  while (!signal.aborted && performance.now() - started < QUIET_MAX_MS) {
    const before = performance.eventLoopUtilization();
    await new Promise((resolve) => setTimeout(resolve, QUIET_SLICE_MS));
    if (performance.eventLoopUtilization(before).utilization < QUIET_BUSY) break;
  }
  return Math.round(performance.now() - started);
}

function drive(
  options: LoadRunOptions,
  ctx: CheckContext,
  quietWaitMs: number,
  autocannon: typeof Autocannon,
): Promise<LoadRunResult> {
  const latencies: number[] = [];
  const okLatencies: number[] = [];
  const served = new Set<object>();
  const answered = new Set<object>();
  const sampler = options.pid ? startRssSampler(options.pid) : undefined;
  const cpuBefore = options.pid ? treeCpuTicks(options.pid) : undefined;
  const loopBefore = performance.eventLoopUtilization();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url.href,
        connections: options.connections,
        duration: options.durationSec,
        timeout: 10,
      },
      (err: unknown, result: Autocannon.Result) => {
        ctx.signal.removeEventListener('abort', onAbort);
        const rss = sampler?.stop();
        const elapsedSec = (performance.now() - started) / 1000;
        const generatorBusy = performance.eventLoopUtilization(loopBefore).utilization;
        const cpuAfter = options.pid ? treeCpuTicks(options.pid) : undefined;
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        const statusCounts: Record<string, number> = {};
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
          statusCounts[code] = stat?.count ?? 0;
        }
        resolve({
          connections: options.connections,
          durationSec: options.durationSec,
          total: latencies.length + result.errors,
          responses: latencies.length,
          ok2xx: okLatencies.length,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          p95Ms: nearestRank(okLatencies, 95),
          p50Ms: nearestRank(okLatencies, 50),
          allP95Ms: nearestRank(latencies, 95),
          requestsPerSec: latencies.length / Math.max(elapsedSec, 0.001),
          statusCounts,
          servedConnections: served.size,
          answeredConnections: answered.size,
          generatorBusy,
          quietWaitMs,
          ...(cpuBefore !== undefined && cpuAfter !== undefined
            ? { targetCpuCores: (cpuAfter - cpuBefore) / TICKS_PER_SECOND / Math.max(elapsedSec, 0.001) }
            : {}),
          rss,
        });
      },
    );
    const onAbort = () => instance.stop();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    instance.on('response', (client, statusCode, _resBytes, responseTime) => {
      latencies.push(responseTime);
      answered.add(client);
      if (statusCode >= 200 && statusCode < 300) {
        okLatencies.push(responseTime);
        served.add(client);
      }
    });
  });
}

/** The URL a load test measures, and the same-origin redirects followed to reach it. */
export interface MeasuredUrl {
  url: URL;
  /** e.g. ["/ → 302 /login"]; empty when the URL answers itself. */
  redirects: string[];
  /** Why the redirect chain was not followed to the end (another origin, a loop), if so. */
  stopped?: string;
}

const MAX_REDIRECTS = 5;

/**
 * Follows the app's own redirects (same origin, at most 5) from `url`, as a visitor's browser would,
 * so a home page that sends anonymous visitors to /login is measured at /login, not as 5,000 302s.
 * A redirect to another origin is not followed (the load would hit someone else's server).
 */
export async function resolveMeasuredUrl(url: URL, signal: AbortSignal): Promise<MeasuredUrl> {
  const redirects: string[] = [];
  const seen = new Set<string>([url.href]);
  let current = url;
  for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
    const response = await httpRequest(current, { timeoutMs: 10_000, signal, maxBodyBytes: 0 });
    const location = headerValue(response.headers, 'location');
    if (response.status < 300 || response.status >= 400 || !location) return { url: current, redirects };
    const next = new URL(location, current);
    next.hash = '';
    const label = `${current.pathname}${current.search} → ${response.status} ${next.origin === current.origin ? `${next.pathname}${next.search}` : next.href}`;
    if (next.origin !== url.origin)
      return { url: current, redirects, stopped: `${label}: another origin, not followed` };
    if (seen.has(next.href)) return { url: current, redirects, stopped: `${label}: a redirect loop` };
    redirects.push(label);
    seen.add(next.href);
    current = next;
  }
  return { url: current, redirects, stopped: `more than ${MAX_REDIRECTS} redirects` };
}

export interface SoakOptions {
  url: URL;
  connections: number;
  /** Seconds of load in each phase after the first. */
  phaseSec: number;
  /** Seconds of load in the first phase (warm-up, the baseline). */
  warmupSec: number;
  phases: number;
  /** Seconds of idle after each phase (no requests), so the collector can run before the next. */
  idleSec: number;
  pid: number;
}

export interface SoakRunResult {
  /** Every phase's load summed (counts) — p95 figures are the worst phase's. */
  load: LoadRunResult;
  phases: SoakPhase[];
  rss: RssSample[];
}

function idle(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Sums the counts of several runs; latency figures are the worst run's (details only). */
function mergeRuns(runs: readonly LoadRunResult[], connections: number): LoadRunResult {
  const sum = (pick: (run: LoadRunResult) => number) => runs.reduce((total, run) => total + pick(run), 0);
  const statusCounts: Record<string, number> = {};
  for (const run of runs)
    for (const [code, count] of Object.entries(run.statusCounts))
      statusCounts[code] = (statusCounts[code] ?? 0) + count;
  const worst = (pick: (run: LoadRunResult) => number) =>
    runs
      .map(pick)
      .filter(Number.isFinite)
      .reduce((a, b) => Math.max(a, b), Number.NaN);
  return {
    connections,
    durationSec: sum((run) => run.durationSec),
    total: sum((run) => run.total),
    responses: sum((run) => run.responses),
    ok2xx: sum((run) => run.ok2xx),
    non2xx: sum((run) => run.non2xx),
    errors: sum((run) => run.errors),
    timeouts: sum((run) => run.timeouts),
    p95Ms: worst((run) => run.p95Ms),
    p50Ms: worst((run) => run.p50Ms),
    allP95Ms: worst((run) => run.allP95Ms),
    requestsPerSec:
      sum((run) => run.responses) /
      Math.max(
        sum((run) => run.durationSec),
        0.001,
      ),
    statusCounts,
    servedConnections: Math.min(...runs.map((run) => run.servedConnections)),
    answeredConnections: Math.min(...runs.map((run) => run.answeredConnections)),
    generatorBusy: Math.max(...runs.map((run) => run.generatorBusy)),
    quietWaitMs: sum((run) => run.quietWaitMs),
  };
}

/**
 * A soak run: `phases` load phases of the same load, each followed by `idleSec` without requests,
 * with the target's RSS sampled throughout, so phases can be compared at the same point.
 */
export async function runSoak(options: SoakOptions, ctx: CheckContext): Promise<SoakRunResult> {
  const sampler = startRssSampler(options.pid);
  const phases: SoakPhase[] = [];
  const runs: LoadRunResult[] = [];
  let rss: RssSample[] = [];
  try {
    for (let index = 0; index < options.phases && !ctx.signal.aborted; index++) {
      const loadStartMs = sampler.now();
      const durationSec = index === 0 ? options.warmupSec : options.phaseSec;
      runs.push(await runLoad({ url: options.url, connections: options.connections, durationSec }, ctx));
      const loadEndMs = sampler.now();
      await idle(options.idleSec * 1000, ctx.signal);
      phases.push({ loadStartMs, loadEndMs, idleEndMs: sampler.now() });
    }
  } finally {
    // Stopping here also ends the sampler's timer when a run throws.
    rss = sampler.stop();
  }
  return { load: mergeRuns(runs, options.connections), phases, rss };
}
