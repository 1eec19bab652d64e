import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatMs
} from "./chunk-GUEURJ4X.js";
import {
  describeError,
  headerValue,
  httpRequest,
  resolveTarget
} from "./chunk-ZAPKZXPW.js";
import {
  healthContract
} from "./chunk-QHGLCWVD.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/health.ts
var HTML_DOCUMENT = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<!--)/i;
var UNHEALTHY_JSON = /"(?:status|state|health)"\s*:\s*"(?:down|fail|failed|failing|error|unhealthy|critical)"/i;
function notHealthShaped(contentType, body) {
  if (/html/i.test(contentType) || HTML_DOCUMENT.test(body)) {
    const title = /<title[^>]*>([^<]{0,80})/i.exec(body)?.[1]?.trim();
    return `answered with an HTML page${title ? ` ("${title}")` : ""}, not a health response: a SPA's index.html fallback or a page, not an endpoint`;
  }
  if (UNHEALTHY_JSON.test(body)) return `reports itself unhealthy: ${body.slice(0, 120)}`;
  return void 0;
}
var healthCheck = defineCheck({
  ...healthContract,
  async run(params, ctx) {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    try {
      const res = await httpRequest(url, { timeoutMs: params.timeoutMs, signal: ctx.signal });
      const timing = `${formatMs(res.ms)} ms (limit ${params.timeoutMs} ms)`;
      const metrics = { status: res.status, ms: res.ms };
      const head = `GET ${url.pathname} \u2192 ${res.status} in ${timing}`;
      if (res.status < 200 || res.status >= 300) {
        const location = headerValue(res.headers, "location");
        const where = location ? `, redirects to ${location}` : "";
        return {
          status: "fail",
          summary: `${head}${where}`,
          details: `body: ${res.body.slice(0, 300)}`,
          metrics
        };
      }
      const contentType = headerValue(res.headers, "content-type") ?? "";
      const problem = notHealthShaped(contentType, res.body);
      if (problem) {
        return {
          status: "fail",
          summary: `${head}, but ${problem}`,
          details: `content-type: ${contentType || "(none)"}
body: ${res.body.slice(0, 300)}
Point path= at the API's health endpoint (e.g. path=/api/health), or mark the item N/A for a static site.`,
          metrics
        };
      }
      if (params.expect && !res.body.includes(params.expect)) {
        return {
          status: "fail",
          summary: `${head}, but the body lacks ${JSON.stringify(params.expect)}`,
          details: `body: ${res.body.slice(0, 300)}`,
          metrics
        };
      }
      const shape = contentType ? contentType.split(";")[0] : "no content type";
      return { status: "pass", summary: `${head} (${shape})`, metrics };
    } catch (error) {
      return { status: "fail", summary: `GET ${url.pathname} failed: ${describeError(error)}` };
    }
  }
});
export {
  healthCheck
};
