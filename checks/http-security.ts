import { type CheckOutcome, defineCheck } from './check.js';
import { httpSecurityContract } from './contracts/http-security.js';
import { evaluateCors, evaluateCsrf } from './lib/http/http-cross-origin.js';
import {
  evaluateCsp,
  evaluateFrame,
  evaluateHsts,
  evaluateNosniff,
  evaluateXss,
} from './lib/http/http-header-rules.js';
import { describeError, type HttpResponse, headerValue, httpRequest } from './lib/http/http-request.js';
import { resolveTarget, shortPath } from './lib/http/http-target.js';

/** Security response headers, CORS and a CSRF heuristic, from one shared GET of the target. */
export const httpSecurityCheck = defineCheck({
  ...httpSecurityContract,
  async run(params, ctx): Promise<CheckOutcome> {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    const https = url.protocol === 'https:';
    let page: HttpResponse;
    try {
      page = await ctx.memo(`http-security:get:${url.href}`, () =>
        httpRequest(url, { timeoutMs: params.timeoutMs, signal: ctx.signal }),
      );
    } catch (error) {
      return { status: 'error', summary: `request to ${url.href} failed: ${describeError(error)}` };
    }
    try {
      // CORS and CSRF are behaviour (what a foreign Origin is granted, whether a POST is refused):
      // observable on any answer, a 500 included. Response headers of a failing page are judged only
      // when that page carries them; missing, they say nothing about the app's own pages.
      if (params.header === 'cors')
        return withStatus(await evaluateCors(url, params.timeoutMs, ctx.signal), page);
      if (params.header === 'csrf') {
        const post = params.postPath ? resolveTarget(ctx, params.postPath) : undefined;
        return withStatus(
          await evaluateCsrf(page, url, post?.ok ? post.url : undefined, params.timeoutMs, ctx.signal),
          page,
        );
      }
      const { headers } = page;
      const outcome = ((): CheckOutcome => {
        switch (params.header) {
          case 'csp':
            return evaluateCsp(headers);
          case 'xss':
            return evaluateXss(headers);
          case 'hsts':
            return evaluateHsts(headers, https, params.hstsMinAge);
          case 'nosniff':
            return evaluateNosniff(headers);
          case 'frame':
            return evaluateFrame(headers);
        }
      })();
      if (page.status >= 500 && outcome.status === 'fail' && !carries(headers, params.header)) {
        return {
          status: 'error',
          summary: `GET ${shortPath(url)} → ${page.status}: the page failed on the server and its answer carries no ${HEADER_NAMES[params.header]}; not judged (fix the page, or set path= to one that answers)`,
        };
      }
      return withStatus(outcome, page);
    } catch (error) {
      return { status: 'error', summary: `request to ${url.href} failed: ${describeError(error)}` };
    }
  },
});

const HEADER_NAMES: Record<'csp' | 'xss' | 'hsts' | 'nosniff' | 'frame', string> = {
  csp: 'Content-Security-Policy',
  xss: 'Content-Security-Policy',
  hsts: 'Strict-Transport-Security',
  nosniff: 'X-Content-Type-Options',
  frame: 'X-Frame-Options or CSP frame-ancestors',
};

/** Whether the response carries the header an item judges (so a 5xx answer can still be judged by it). */
function carries(headers: HttpResponse['headers'], header: keyof typeof HEADER_NAMES): boolean {
  if (header === 'frame')
    return (
      headerValue(headers, 'x-frame-options') !== undefined ||
      /frame-ancestors/i.test(headerValue(headers, 'content-security-policy') ?? '')
    );
  return headerValue(headers, HEADER_NAMES[header].toLowerCase()) !== undefined;
}

/** Says in the summary that a verdict was read from a failing page's answer. */
function withStatus(outcome: CheckOutcome, page: HttpResponse): CheckOutcome {
  if (page.status < 500 || outcome.status === 'skipped') return outcome;
  return { ...outcome, summary: `${outcome.summary} (judged on the ${page.status} answer of the page)` };
}
