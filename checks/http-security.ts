import { z } from 'zod';
import { type CheckOutcome, defineCheck } from './check.js';
import { evaluateCors, evaluateCsrf } from './lib/http/http-cross-origin.js';
import {
  DEFAULT_HSTS_MIN_AGE,
  evaluateCsp,
  evaluateFrame,
  evaluateHsts,
  evaluateNosniff,
  evaluateXss,
} from './lib/http/http-header-rules.js';
import { describeError, httpRequest } from './lib/http/http-request.js';
import { resolveTarget } from './lib/http/http-target.js';

const Params = z.object({
  header: z.enum(['csp', 'hsts', 'cors', 'nosniff', 'frame', 'xss', 'csrf']),
  /** Relative to target.url; default: target.url itself. */
  path: z.string().optional(),
  /** csrf: a state-changing endpoint that must refuse a foreign-Origin POST without a token. */
  postPath: z.string().optional(),
  hstsMinAge: z.coerce.number().int().min(0).default(DEFAULT_HSTS_MIN_AGE),
  timeoutMs: z.coerce.number().int().positive().max(60_000).default(10_000),
});

/** Security response headers, CORS and a CSRF heuristic, from one shared GET of the target. */
export const httpSecurityCheck = defineCheck({
  id: 'http-security',
  measures: 'app',
  proves:
    'One security property of the response of `path` (relative to target.url; default the target itself): CSP, HSTS (HTTPS only), CORS not granted to a foreign origin, nosniff, framing, XSS via CSP, CSRF on `postPath`. Judged on that response only, not on every route.',
  usesTarget: true,
  title: 'HTTP security headers (CSP, HSTS, CORS, nosniff, framing, XSS, CSRF)',
  params: Params,
  async run(params, ctx): Promise<CheckOutcome> {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    try {
      const page = await ctx.memo(`http-security:get:${url.href}`, () =>
        httpRequest(url, { timeoutMs: params.timeoutMs, signal: ctx.signal }),
      );
      if (page.status >= 500) {
        return { status: 'fail', summary: `GET ${url.pathname} → ${page.status}; headers not judged` };
      }
      const { headers } = page;
      switch (params.header) {
        case 'csp':
          return evaluateCsp(headers);
        case 'xss':
          return evaluateXss(headers);
        case 'hsts':
          return evaluateHsts(headers, url.protocol === 'https:', params.hstsMinAge);
        case 'nosniff':
          return evaluateNosniff(headers);
        case 'frame':
          return evaluateFrame(headers);
        case 'cors':
          return await evaluateCors(url, params.timeoutMs, ctx.signal);
        case 'csrf': {
          const post = params.postPath ? resolveTarget(ctx, params.postPath) : undefined;
          return await evaluateCsrf(page, post?.ok ? post.url : undefined, params.timeoutMs, ctx.signal);
        }
      }
    } catch (error) {
      return { status: 'fail', summary: `request to ${url.href} failed: ${describeError(error)}` };
    }
  },
});
