import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract,
  external_exports
} from "./chunk-PZ57HXUH.js";

// checks/contracts/rate-limit.ts
var Params = external_exports.object({
  /** Relative to target.url; default: target.url itself. */
  path: external_exports.string().optional(),
  method: external_exports.enum(["GET", "POST", "HEAD"]).default("GET"),
  requests: external_exports.coerce.number().int().min(1).max(500).default(120),
  concurrency: external_exports.coerce.number().int().min(1).max(50).default(10),
  timeoutMs: external_exports.coerce.number().int().positive().max(3e4).default(5e3)
});
var rateLimitContract = defineContract({
  id: "rate-limit",
  measures: "app",
  usesTarget: true,
  // The burst fills the app's limiter for a while: every other runtime check would then see 429s.
  disruptive: true,
  title: "Rate limiting answers a burst with 429 or RateLimit headers",
  proves: "A burst of up to `requests` requests (`concurrency` at a time) to `path` meets a limiter: a 429, or RateLimit/X-RateLimit headers announcing a policy. Runs last and alone, after every other runtime check, since it fills the limiter. Does not prove the limit suits production traffic, nor that other routes are limited.",
  params: Params
});

export {
  rateLimitContract
};
