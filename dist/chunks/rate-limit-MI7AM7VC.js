import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  describeError,
  headerValue,
  httpRequest,
  resolveTarget,
  shortPath
} from "./chunk-ZAPKZXPW.js";
import {
  rateLimitContract
} from "./chunk-NWSFDJMM.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/rate-limit.ts
import http from "node:http";
import https from "node:https";
var LIMIT_HEADERS = ["ratelimit", "ratelimit-policy", "ratelimit-limit", "x-ratelimit-limit"];
async function burst(url, params, signal) {
  const agent = new (url.protocol === "https:" ? https : http).Agent({ keepAlive: true });
  const tally = { sent: 0, count429: 0, statuses: /* @__PURE__ */ new Map(), errors: [] };
  const worker = async () => {
    while (tally.sent < params.requests && tally.first429 === void 0 && !signal.aborted) {
      tally.sent += 1;
      const index = tally.sent;
      try {
        const res = await httpRequest(url, {
          method: params.method,
          timeoutMs: params.timeoutMs,
          agent,
          signal
        });
        tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
        if (res.status === 429) {
          tally.count429 += 1;
          tally.first429 ??= index;
        }
        const header = LIMIT_HEADERS.find((name) => headerValue(res.headers, name) !== void 0);
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
var rateLimitCheck = defineCheck({
  ...rateLimitContract,
  async run(params, ctx) {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    const where = `${params.method} ${shortPath(url)}`;
    const tally = await burst(url, params, ctx.signal);
    const statuses = [...tally.statuses].map(([code, n]) => `${code}: ${n}`).join(", ") || "none";
    const details = [`statuses: ${statuses}`, ...tally.errors.map((e) => `error: ${e}`)].join("\n");
    const metrics = { sent: tally.sent, count429: tally.count429 };
    if (tally.statuses.size === 0) {
      return {
        status: "error",
        summary: `no responses from ${where}: ${tally.errors[0] ?? "unknown"}`,
        details
      };
    }
    if (tally.first429 !== void 0) {
      const header = tally.limitHeader ? `, ${tally.limitHeader}` : "";
      const summary2 = `429 after ${tally.first429 - 1} of ${params.requests} ${where} requests${header}`;
      return { status: "pass", summary: summary2, details, metrics };
    }
    if (tally.limitHeader) {
      const summary2 = `rate-limit headers on ${where} (${tally.limitHeader}); no 429 within ${tally.sent} requests`;
      return { status: "pass", summary: summary2, details, metrics };
    }
    const summary = `no 429 and no RateLimit headers after ${tally.sent} ${where} requests`;
    return { status: "fail", summary, details, metrics };
  }
});
export {
  rateLimitCheck
};
