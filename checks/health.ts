import { z } from 'zod';
import { defineCheck } from './check.js';
import { describeError, httpRequest } from './lib/http/http-request.js';
import { resolveTarget } from './lib/http/http-target.js';
import { formatMs } from './lib/load/load-percentile.js';

const Params = z.object({
  path: z.string().default('/health'),
  timeoutMs: z.coerce.number().int().positive().max(60_000).default(5000),
});

/** The health endpoint answers 2xx within the timeout. */
export const healthCheck = defineCheck({
  id: 'health',
  usesTarget: true,
  title: 'Health endpoint answers 2xx in time',
  params: Params,
  async run(params, ctx) {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    try {
      const res = await httpRequest(url, { timeoutMs: params.timeoutMs, signal: ctx.signal });
      const ok = res.status >= 200 && res.status < 300;
      const timing = `${formatMs(res.ms)} ms (limit ${params.timeoutMs} ms)`;
      return {
        status: ok ? 'pass' : 'fail',
        summary: `GET ${url.pathname} → ${res.status} in ${timing}`,
        details: ok ? undefined : `body: ${res.body.slice(0, 300)}`,
        metrics: { status: res.status, ms: res.ms },
      };
    } catch (error) {
      return { status: 'fail', summary: `GET ${url.pathname} failed: ${describeError(error)}` };
    }
  },
});
