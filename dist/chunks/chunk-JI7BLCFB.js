import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract,
  external_exports
} from "./chunk-PZ57HXUH.js";

// checks/contracts/tls.ts
var Params = external_exports.object({
  /** Defaults to the target URL. */
  url: external_exports.string().optional(),
  /** Minimum days left before expiry. */
  minDays: external_exports.coerce.number().min(0).default(14),
  /** PEM file with a private CA (relative to the repo), replacing Node's default CA list. */
  caFile: external_exports.string().optional(),
  timeoutMs: external_exports.coerce.number().int().positive().max(6e4).default(1e4)
});
var tlsContract = defineContract({
  id: "tls",
  measures: "app",
  proves: "The HTTPS certificate of the target (or `url`) is valid for its host and expires in more than `minDays` days. Skipped for plain http.",
  usesTarget: true,
  title: "TLS certificate valid, trusted, matching and not expiring soon",
  params: Params
});

export {
  tlsContract
};
