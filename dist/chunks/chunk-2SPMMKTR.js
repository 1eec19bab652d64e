import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineContract
} from "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";

// checks/contracts/http-security.ts
var DEFAULT_HSTS_MIN_AGE = 15552e3;
var Params = external_exports.object({
  header: external_exports.enum(["csp", "hsts", "cors", "nosniff", "frame", "xss", "csrf"]),
  /** Relative to target.url; default: target.url itself. */
  path: external_exports.string().optional(),
  /** csrf: a state-changing endpoint that must refuse a foreign-Origin POST without a token. */
  postPath: external_exports.string().optional(),
  hstsMinAge: external_exports.coerce.number().int().min(0).default(DEFAULT_HSTS_MIN_AGE),
  timeoutMs: external_exports.coerce.number().int().positive().max(6e4).default(1e4)
});
var httpSecurityContract = defineContract({
  id: "http-security",
  measures: "app",
  proves: "One security property of the response of `path` (relative to target.url; default the target itself): CSP graded as Mozilla HTTP Observatory's scoring does ('unsafe-inline' or broad sources in script-src, unrestricted object-src, 'unsafe-eval' fail; 'unsafe-inline' in style-src alone passes and is named), HSTS (HTTPS only; skipped over plain http), CORS not granted to a foreign origin, nosniff, framing, XSS via CSP, CSRF (cookies found on the page, its login/session routes or a login-form POST must be SameSite=Lax/Strict, and a foreign-Origin POST to `postPath` carrying them must be refused). A page answering 5xx is still judged for CORS and CSRF (behaviour) and for headers it carries; a header it lacks is `error` (not judged), not `fail`. Judged on that response only, not on every route; the CSRF probe finds cookies only on the routes it tries.",
  usesTarget: true,
  title: "HTTP security headers (CSP, HSTS, CORS, nosniff, framing, XSS, CSRF)",
  params: Params
});

export {
  httpSecurityContract
};
