import { type CheckOutcome, defineCheck } from './check.js';
import { healthContract } from './contracts/health.js';
import { describeError, headerValue, httpRequest } from './lib/http/http-request.js';
import { resolveTarget } from './lib/http/http-target.js';
import { formatMs } from './lib/load/load-percentile.js';

const HTML_DOCUMENT = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<!--)/i;
/** `{"status":"down"}` and friends: the app says it is unhealthy, whatever the HTTP status. */
const UNHEALTHY_JSON =
  /"(?:status|state|health)"\s*:\s*"(?:down|fail|failed|failing|error|unhealthy|critical)"/i;

/** Why a 2xx answer is not a health answer (an HTML page: the SPA fallback, a login page), if it is not. */
function notHealthShaped(contentType: string, body: string): string | undefined {
  if (/html/i.test(contentType) || HTML_DOCUMENT.test(body)) {
    const title = /<title[^>]*>([^<]{0,80})/i.exec(body)?.[1]?.trim();
    return `answered with an HTML page${title ? ` ("${title}")` : ''}, not a health response: a SPA's index.html fallback or a page, not an endpoint`;
  }
  if (UNHEALTHY_JSON.test(body)) return `reports itself unhealthy: ${body.slice(0, 120)}`;
  return undefined;
}

/** The health endpoint answers 2xx in time with a health-shaped body (not the SPA's index.html). */
export const healthCheck = defineCheck({
  ...healthContract,
  async run(params, ctx): Promise<CheckOutcome> {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    try {
      const res = await httpRequest(url, { timeoutMs: params.timeoutMs, signal: ctx.signal });
      const timing = `${formatMs(res.ms)} ms (limit ${params.timeoutMs} ms)`;
      const metrics = { status: res.status, ms: res.ms };
      const head = `GET ${url.pathname} → ${res.status} in ${timing}`;
      if (res.status < 200 || res.status >= 300) {
        const location = headerValue(res.headers, 'location');
        const where = location ? `, redirects to ${location}` : '';
        return {
          status: 'fail',
          summary: `${head}${where}`,
          details: `body: ${res.body.slice(0, 300)}`,
          metrics,
        };
      }
      const contentType = headerValue(res.headers, 'content-type') ?? '';
      const problem = notHealthShaped(contentType, res.body);
      if (problem) {
        return {
          status: 'fail',
          summary: `${head}, but ${problem}`,
          details: `content-type: ${contentType || '(none)'}\nbody: ${res.body.slice(0, 300)}\nPoint path= at the API's health endpoint (e.g. path=/api/health), or mark the item N/A for a static site.`,
          metrics,
        };
      }
      if (params.expect && !res.body.includes(params.expect)) {
        return {
          status: 'fail',
          summary: `${head}, but the body lacks ${JSON.stringify(params.expect)}`,
          details: `body: ${res.body.slice(0, 300)}`,
          metrics,
        };
      }
      const shape = contentType ? contentType.split(';')[0] : 'no content type';
      return { status: 'pass', summary: `${head} (${shape})`, metrics };
    } catch (error) {
      return { status: 'fail', summary: `GET ${url.pathname} failed: ${describeError(error)}` };
    }
  },
});
