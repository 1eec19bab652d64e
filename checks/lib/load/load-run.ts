import type Autocannon from 'autocannon';
import type { CheckContext } from '../../check.js';
import { nearestRank } from './load-percentile.js';
import { type RssSample, startRssSampler } from './load-rss.js';

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
  requestsPerSec: number;
  statusCounts: Record<string, number>;
  /** How many distinct connections received at least one 2xx response. */
  servedConnections: number;
  rss?: RssSample[];
}

/**
 * One autocannon run. Latency is collected from the `response` event for every request, because
 * autocannon's own histogram has no p95 (p90/p97.5 only), rounds to whole ms and mixes in errors:
 * the percentiles judged are those of 2xx responses only.
 */
export async function runLoad(options: LoadRunOptions, ctx: CheckContext): Promise<LoadRunResult> {
  // loaded when a load test runs: importing it costs every CLI start ~0.1 s (its histogram WASM)
  const { default: autocannon } = await import('autocannon');
  const latencies: number[] = [];
  const okLatencies: number[] = [];
  const served = new Set<object>();
  const sampler = options.pid ? startRssSampler(options.pid) : undefined;
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
          requestsPerSec: result.requests.average,
          statusCounts,
          servedConnections: served.size,
          rss,
        });
      },
    );
    const onAbort = () => instance.stop();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    instance.on('response', (client, statusCode, _resBytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) {
        okLatencies.push(responseTime);
        served.add(client);
      }
    });
  });
}
