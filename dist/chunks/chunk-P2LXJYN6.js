import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/load-test.ts
var Params = external_exports.object({
  metric: external_exports.enum(["users", "p95", "error-rate", "memory-leak"]).default("p95").describe("what is judged: concurrent users served, p95 latency, error rate, or the RSS trend"),
  path: external_exports.string().optional().describe("path relative to target.url (default: target.url itself)"),
  connections: external_exports.coerce.number().int().min(1).max(1e3).default(100).describe("concurrent connections"),
  duration: external_exports.coerce.number().min(1).max(60).default(10).describe("seconds; bounded so a template cannot stall a merge gate"),
  max: external_exports.coerce.number().min(0).optional().describe("p95: max ms of successful responses (default 200); error-rate: max percent (default 1)"),
  minSuccess: external_exports.coerce.number().min(0).max(100).default(90).describe(
    "users, p95 and memory-leak fail unless at least this percentage of requests got a 2xx (latency of errors proves nothing)"
  ),
  warmup: external_exports.coerce.number().min(0).max(30).optional().describe(
    "memory-leak: seconds of load in the first (warm-up) phase, which only sets the baseline (default: one phase)"
  ),
  phases: external_exports.coerce.number().int().min(3).max(10).default(4).describe("memory-leak: load phases (warm-up + compared phases); `duration` is split between them"),
  idle: external_exports.coerce.number().min(0.5).max(10).default(2).describe("memory-leak: seconds without requests after each phase, before the next"),
  leakMbPerMin: external_exports.coerce.number().positive().default(20).describe(
    "memory-leak: growth of RSS at rest (MB per minute of load) after the warm-up that counts as a leak \u2026"
  ),
  leakPercent: external_exports.coerce.number().positive().default(10).describe(
    "\u2026 when it also rose by at least this percentage of the baseline (RSS at rest after the second phase)"
  )
}).strict();
var loadTestContract = defineContract({
  id: "load-test",
  measures: "app",
  usesTarget: true,
  exclusive: true,
  title: "HTTP load test (autocannon): concurrency, p95 latency, error rate, memory trend",
  proves: "The target serves `connections` concurrent clients for `duration` s: p95 latency of 2xx responses only, the share of failed/non-2xx requests, the rate achieved and the connections that got an answer (in the summary). The app's own same-origin redirects are followed first (`/` \u2192 302 \u2192 `/login` measures `/login`, and says so). A run that measured nothing (only redirects, 429s, 404s, refused connections) is `error` with the cause; 5xx or timeouts under load fail. A run that did not make the load it claims (connections never answered, or shipgate's generator saturated while the target idled) is `error`, never a pass. memory-leak (target started by shipgate) is a soak run: `phases` load phases split from `duration`, each followed by `idle` s; RSS at rest after each phase past the warm-up must not rise after every phase by \u2265 `leakPercent`% and `leakMbPerMin` in all; a run that cannot tell is `skipped`. Does not prove behaviour under production traffic patterns, data sizes or hours-long soaks.",
  params: Params
});

export {
  loadTestContract
};
