import http from 'node:http';
import https from 'node:https';
import { defineCheck } from './check.js';
import { type RateLimitParams, rateLimitContract } from './contracts/rate-limit.js';
import { describeError, headerValue, httpRequest } from './lib/http/http-request.js';
import { resolveTarget, shortPath } from './lib/http/http-target.js';

/** Standard (IETF draft) and common legacy rate-limit response headers. */
const LIMIT_HEADERS = ['ratelimit', 'ratelimit-policy', 'ratelimit-limit', 'x-ratelimit-limit'];

interface BurstTally {
  sent: number;
  /** 1-based index of the first 429, if any. */
  first429?: number;
  count429: number;
  limitHeader?: string;
  statuses: Map<number, number>;
  errors: string[];
}

/**
 * Sends a bounded burst with a fixed number of workers over keep-alive connections, and stops early once
 * a 429 has been seen (the point is proven; hammering further helps nobody).
 */
async function burst(url: URL, params: RateLimitParams, signal: AbortSignal): Promise<BurstTally> {
  const agent = new (url.protocol === 'https:' ? https : http).Agent({ keepAlive: true });
  const tally: BurstTally = { sent: 0, count429: 0, statuses: new Map(), errors: [] };
  const worker = async () => {
    while (tally.sent < params.requests && tally.first429 === undefined && !signal.aborted) {
      tally.sent += 1;
      const index = tally.sent;
      try {
        const res = await httpRequest(url, {
          method: params.method,
          timeoutMs: params.timeoutMs,
          agent,
          signal,
        });
        tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
        if (res.status === 429) {
          tally.count429 += 1;
          tally.first429 ??= index;
        }
        const header = LIMIT_HEADERS.find((name) => headerValue(res.headers, name) !== undefined);
        if (header && !tally.limitHeader)
          tally.limitHeader = `${header}: ${headerValue(res.headers, header)}`;
      } catch (error) {
        if (tally.errors.length < 3) tally.errors.push(describeError(error));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: params.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return tally;
}

/** A burst of requests meets a limiter: a 429, or rate-limit headers announcing the policy. */
export const rateLimitCheck = defineCheck({
  ...rateLimitContract,
  async run(params, ctx) {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    const where = `${params.method} ${shortPath(url)}`;
    const tally = await burst(url, params, ctx.signal);
    const statuses = [...tally.statuses].map(([code, n]) => `${code}: ${n}`).join(', ') || 'none';
    const details = [`statuses: ${statuses}`, ...tally.errors.map((e) => `error: ${e}`)].join('\n');
    const metrics = { sent: tally.sent, count429: tally.count429 };
    if (tally.statuses.size === 0) {
      // nothing answered: the limiter was not measured (an error, which blocks the gate as a failure does)
      return {
        status: 'error',
        summary: `no responses from ${where}: ${tally.errors[0] ?? 'unknown'}`,
        details,
      };
    }
    if (tally.first429 !== undefined) {
      const header = tally.limitHeader ? `, ${tally.limitHeader}` : '';
      const summary = `429 after ${tally.first429 - 1} of ${params.requests} ${where} requests${header}`;
      return { status: 'pass', summary, details, metrics };
    }
    if (tally.limitHeader) {
      const summary = `rate-limit headers on ${where} (${tally.limitHeader}); no 429 within ${tally.sent} requests`;
      return { status: 'pass', summary, details, metrics };
    }
    const summary = `no 429 and no RateLimit headers after ${tally.sent} ${where} requests`;
    return { status: 'fail', summary, details, metrics };
  },
});
