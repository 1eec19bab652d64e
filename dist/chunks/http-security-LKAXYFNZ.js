import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  describeError,
  headerValue,
  httpRequest,
  joinBase,
  resolveTarget,
  shortPath
} from "./chunk-ZAPKZXPW.js";
import {
  httpSecurityContract
} from "./chunk-2SPMMKTR.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/lib/http/http-cross-origin.ts
var FOREIGN_ORIGIN = "https://evil.example";
function corsOf(label, headers) {
  return {
    label,
    allowOrigin: headerValue(headers, "access-control-allow-origin")?.trim(),
    allowCredentials: headerValue(headers, "access-control-allow-credentials")?.trim().toLowerCase() === "true"
  };
}
function corsProblem(probe, origin) {
  if (probe.allowOrigin === origin) return `${probe.label} reflects Origin ${origin}`;
  if (probe.allowOrigin === "*" && probe.allowCredentials) return `${probe.label} allows * with credentials`;
  if (probe.allowOrigin === "null" && probe.allowCredentials)
    return `${probe.label} allows Origin null with credentials`;
  return void 0;
}
async function evaluateCors(url, timeoutMs, signal) {
  const origin = FOREIGN_ORIGIN;
  const get = await httpRequest(url, { headers: { origin }, timeoutMs, signal });
  const preflight = await httpRequest(url, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type"
    },
    timeoutMs,
    signal
  });
  const probes = [corsOf("GET", get.headers), corsOf(`preflight (${preflight.status})`, preflight.headers)];
  const details = probes.map(
    (p) => `${p.label}: Access-Control-Allow-Origin ${p.allowOrigin ?? "(none)"}${p.allowCredentials ? ", credentials" : ""}`
  ).join("\n");
  const problems = probes.map((p) => corsProblem(p, origin)).filter((p) => p !== void 0);
  if (problems.length > 0)
    return { status: "fail", summary: `CORS too open: ${problems.join("; ")}`, details };
  const wildcard = probes.some((p) => p.allowOrigin === "*") ? " (public * without credentials)" : "";
  return {
    status: "pass",
    summary: `foreign Origin ${origin} not granted on GET or preflight${wildcard}`,
    details
  };
}
function cookiesOf(res, from) {
  return (res.headers["set-cookie"] ?? []).map((cookie) => {
    const pair = cookie.split(";", 1)[0]?.trim() ?? "";
    return {
      name: pair.split("=", 1)[0]?.trim() || "?",
      strict: /;\s*samesite\s*=\s*(lax|strict)\b/i.test(cookie),
      from,
      pair
    };
  });
}
var REJECTED = /* @__PURE__ */ new Set([400, 401, 403, 419]);
var SESSION_PATHS = ["/login", "/signin", "/auth/login", "/users/sign_in", "/session", "/api/session"];
var SESSION_WORDS = /log-?in|sign-?in|session|auth/i;
var MAX_GETS = 6;
function linksAndForms(page, base) {
  const html = page.body.slice(0, 256 * 1024);
  const sameOrigin = (href) => {
    try {
      const url = new URL(href, base);
      return url.origin === base.origin ? url : void 0;
    } catch {
      return void 0;
    }
  };
  const links = [...html.matchAll(/<a\b[^>]*\bhref\s*=\s*["']([^"'#]+)["']/gi)].map((m) => sameOrigin(m[1] ?? "")).filter((url) => url !== void 0);
  const forms = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = match[1] ?? "";
    if (!/\bmethod\s*=\s*["']?post\b/i.test(attrs)) continue;
    const action = sameOrigin(/\baction\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1] ?? base.pathname);
    if (!action) continue;
    const fields = [
      ...(match[2] ?? "").matchAll(/<(?:input|textarea|select)\b[^>]*\bname\s*=\s*["']([^"']+)["']/gi)
    ].map((m) => m[1] ?? "");
    forms.push({ action, fields });
  }
  return { links, forms };
}
function placeholderBody(fields) {
  const names = fields.length > 0 ? fields : ["username", "email", "password"];
  return new URLSearchParams(
    names.map((name) => [name, /mail/i.test(name) ? "probe@shipgate.invalid" : "shipgate-probe"])
  ).toString();
}
async function discoverCookies(page, pageUrl, timeoutMs, signal) {
  const cookies = cookiesOf(page, `GET ${pageUrl.pathname}`);
  const { links, forms } = linksAndForms(page, pageUrl);
  const probed = [];
  if (cookies.length > 0) return { cookies, forms, probed };
  const candidates = /* @__PURE__ */ new Map();
  for (const url of [
    ...links.filter((l) => SESSION_WORDS.test(l.pathname)),
    // Relative to the target's base path, as every check path is (`/app/` + `/login` → `/app/login`).
    ...SESSION_PATHS.map((p) => joinBase(pageUrl, p))
  ]) {
    if (url.pathname !== pageUrl.pathname) candidates.set(url.pathname, url);
  }
  for (const url of [...candidates.values()].slice(0, MAX_GETS)) {
    const res = await httpRequest(url, { timeoutMs, signal }).catch(() => void 0);
    if (!res) continue;
    probed.push(`GET ${url.pathname} \u2192 ${res.status}`);
    cookies.push(...cookiesOf(res, `GET ${url.pathname}`));
    if (res.status < 300) forms.push(...linksAndForms(res, url).forms);
    if (cookies.length > 0) return { cookies, forms, probed };
  }
  const login = forms.find((form) => SESSION_WORDS.test(form.action.pathname));
  if (login) {
    const res = await httpRequest(login.action, {
      method: "POST",
      headers: { origin: pageUrl.origin, "content-type": "application/x-www-form-urlencoded" },
      body: placeholderBody(login.fields),
      timeoutMs,
      signal
    }).catch(() => void 0);
    if (res) {
      probed.push(`POST ${login.action.pathname} \u2192 ${res.status}`);
      cookies.push(...cookiesOf(res, `POST ${login.action.pathname}`));
    }
  }
  return { cookies, forms, probed };
}
async function evaluateCsrf(page, pageUrl, postUrl, timeoutMs, signal) {
  const found = await discoverCookies(page, pageUrl, timeoutMs, signal);
  const { cookies } = found;
  const where = (c) => c.from === `GET ${pageUrl.pathname}` ? c.name : `${c.name} (set by ${c.from})`;
  const probedNote = found.probed.length > 0 ? `probed: ${found.probed.join(", ")}` : void 0;
  let postNote = "";
  if (postUrl) {
    const cookieHeader = cookies.map((c) => c.pair).join("; ");
    const post = await httpRequest(postUrl, {
      method: "POST",
      headers: {
        origin: FOREIGN_ORIGIN,
        "content-type": "application/json",
        ...cookieHeader ? { cookie: cookieHeader } : {}
      },
      body: "{}",
      timeoutMs,
      signal
    });
    const withCookie = cookieHeader ? " with the session cookie" : "";
    const what = `cross-origin POST ${postUrl.pathname}${withCookie} without a CSRF token \u2192 ${post.status}`;
    if (REJECTED.has(post.status))
      return { status: "pass", summary: `${what} (rejected)`, details: probedNote };
    if (post.status === 404 || post.status === 405) {
      return { status: "error", summary: `${what}: set postPath to a state-changing endpoint` };
    }
    cookies.push(...cookiesOf(post, `POST ${postUrl.pathname}`));
    postNote = `${what} (not rejected)`;
  }
  if (cookies.length === 0) {
    if (postNote) return { status: "fail", summary: `${postNote}, and no SameSite session cookies` };
    const looked = found.probed.length > 0 ? ` (nor by ${found.probed.map((p) => p.split(" \u2192")[0]).join(", ")})` : "";
    return {
      status: "skipped",
      summary: `no cookies set by ${pageUrl.pathname}${looked} and no postPath param: set postPath to a state-changing endpoint`
    };
  }
  const firstSeen = /* @__PURE__ */ new Map();
  for (const c of cookies) if (!c.strict && !firstSeen.has(c.name)) firstSeen.set(c.name, where(c));
  const loose = [...firstSeen.values()];
  const prefix = postNote ? `${postNote}; ` : "";
  if (loose.length > 0) {
    return {
      status: "fail",
      summary: `${prefix}cookies without SameSite=Lax/Strict: ${loose.join(", ")}`,
      details: probedNote
    };
  }
  return {
    status: "pass",
    summary: `${prefix}all ${cookies.length} cookies are SameSite=Lax/Strict`,
    details: probedNote
  };
}

// checks/lib/http/http-csp.ts
function parseCsp(header) {
  return header.split(",").map((policyText) => {
    const policy = /* @__PURE__ */ new Map();
    for (const directive of policyText.split(";")) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
    }
    return policy;
  }).filter((policy) => policy.size > 0);
}
function effectiveSources(policy, directive) {
  const own = policy.get(directive);
  if (own) return { name: directive, sources: own };
  const fallback = policy.get("default-src");
  return fallback ? { name: "default-src", sources: fallback } : void 0;
}
var WILDCARDS = /* @__PURE__ */ new Set(["*", "http:", "https:", "data:", "blob:"]);
var BROAD = /* @__PURE__ */ new Set(["*", "http:", "https:", "data:"]);
function sourceProblems(directive, sources, scripts) {
  const lower = sources.map((s) => s.toLowerCase());
  const hasNonceOrHash = lower.some((s) => /^'(nonce|sha256|sha384|sha512)-/.test(s));
  const problems = [];
  if (lower.includes("'unsafe-inline'") && !hasNonceOrHash)
    problems.push(`${directive} allows 'unsafe-inline'`);
  if (scripts && lower.includes("'unsafe-eval'")) problems.push(`${directive} allows 'unsafe-eval'`);
  const strictDynamic = hasNonceOrHash && lower.includes("'strict-dynamic'");
  const wild = strictDynamic ? [] : lower.filter((s) => WILDCARDS.has(s));
  if (scripts && wild.length > 0) problems.push(`${directive} allows any source (${wild.join(" ")})`);
  const plainHttp = strictDynamic ? [] : lower.filter((s) => s.startsWith("http://"));
  if (scripts && plainHttp.length > 0)
    problems.push(`${directive} loads scripts over plain http (${plainHttp.join(" ")})`);
  return problems;
}
function objectProblems(policy) {
  const object = effectiveSources(policy, "object-src");
  if (!object) return ["object-src is not restricted (no object-src or default-src; set object-src 'none')"];
  const broad = object.sources.map((s) => s.toLowerCase()).filter((s) => BROAD.has(s));
  return broad.length > 0 ? [`${object.name} allows any plugin source (${broad.join(" ")})`] : [];
}
function scriptProblems(policy) {
  const script = effectiveSources(policy, "script-src");
  if (!script) return ["no script-src or default-src directive"];
  return sourceProblems(script.name, script.sources, true);
}

// checks/lib/http/http-header-rules.ts
var fail = (summary, details) => ({ status: "fail", summary, details });
var pass = (summary, details) => ({ status: "pass", summary, details });
function cspOf(headers) {
  const raw = headerValue(headers, "content-security-policy");
  return raw ? { raw, policies: parseCsp(raw) } : void 0;
}
function noCsp(headers) {
  const reportOnly = headerValue(headers, "content-security-policy-report-only");
  return fail(
    "no Content-Security-Policy header",
    reportOnly ? "Only Content-Security-Policy-Report-Only is set: it reports but blocks nothing." : void 0
  );
}
function evaluateCsp(headers) {
  const csp = cspOf(headers);
  if (!csp) return noCsp(headers);
  const graded = csp.policies.map((policy) => {
    const style = effectiveSources(policy, "style-src");
    return {
      problems: [...scriptProblems(policy), ...objectProblems(policy)],
      styleInline: style ? sourceProblems(style.name, style.sources, false) : []
    };
  });
  const best = graded.reduce(
    (a, b) => b.problems.length < a.problems.length || b.problems.length === a.problems.length && b.styleInline.length < a.styleInline.length ? b : a,
    graded[0] ?? { problems: ["empty policy"], styleInline: [] }
  );
  if (best.problems.length > 0)
    return fail(`CSP weak: ${best.problems.join("; ")}`, `Content-Security-Policy: ${csp.raw}`);
  if (best.styleInline.length > 0) {
    return pass(
      `CSP restricts scripts and plugins; ${best.styleInline.join("; ")}, which Mozilla HTTP Observatory grades as implemented (csp-implemented-with-unsafe-inline-in-style-src-only, modifier 0)`,
      csp.raw
    );
  }
  return pass("CSP restricts scripts and styles (no unsafe-inline/unsafe-eval/wildcards)", csp.raw);
}
function evaluateXss(headers) {
  const note = "X-XSS-Protection is deprecated and ignored by current browsers, so XSS protection is judged by the CSP script policy.";
  const csp = cspOf(headers);
  if (!csp)
    return { ...noCsp(headers), summary: "no CSP, so nothing blocks injected scripts", details: note };
  const problems = csp.policies.map(scriptProblems).reduce((a, b) => b.length < a.length ? b : a);
  if (problems.length > 0) return fail(`CSP does not block injected scripts: ${problems.join("; ")}`, note);
  return pass("CSP blocks inline and injected scripts (CSP-based XSS protection)", note);
}
function evaluateHsts(headers, https, minAge) {
  const value = headerValue(headers, "strict-transport-security");
  if (!value) {
    if (!https) return { status: "skipped", summary: "HSTS applies to HTTPS only (target is plain http)" };
    return fail("no Strict-Transport-Security header");
  }
  const age = Number(/max-age\s*=\s*"?(\d+)/i.exec(value)?.[1] ?? Number.NaN);
  if (!Number.isFinite(age)) return fail(`HSTS without a valid max-age: ${value}`);
  const subdomains = /includesubdomains/i.test(value) ? ", includeSubDomains" : "";
  if (age < minAge) return fail(`HSTS max-age ${age} < ${minAge} s`, value);
  return pass(`HSTS max-age ${age} \u2265 ${minAge} s${subdomains}`, value);
}
function evaluateNosniff(headers) {
  const value = headerValue(headers, "x-content-type-options");
  if (value?.trim().toLowerCase() === "nosniff") return pass("X-Content-Type-Options: nosniff");
  return fail(
    value ? `X-Content-Type-Options is "${value}", not nosniff` : "no X-Content-Type-Options header"
  );
}
function evaluateFrame(headers) {
  const xfo = headerValue(headers, "x-frame-options")?.trim().toUpperCase();
  const ancestors = cspOf(headers)?.policies.map((p) => p.get("frame-ancestors")).find(Boolean);
  if (ancestors && !ancestors.some((s) => s === "*" || s === "http:" || s === "https:")) {
    return pass(`CSP frame-ancestors ${ancestors.join(" ")}${xfo ? `, X-Frame-Options ${xfo}` : ""}`);
  }
  if (xfo === "DENY" || xfo === "SAMEORIGIN") return pass(`X-Frame-Options ${xfo}`);
  if (ancestors) return fail(`CSP frame-ancestors allows any site: ${ancestors.join(" ")}`);
  return fail(
    xfo ? `X-Frame-Options "${xfo}" is not DENY/SAMEORIGIN` : "no X-Frame-Options and no frame-ancestors"
  );
}

// checks/http-security.ts
var httpSecurityCheck = defineCheck({
  ...httpSecurityContract,
  async run(params, ctx) {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    const https = url.protocol === "https:";
    let page;
    try {
      page = await ctx.memo(
        `http-security:get:${url.href}`,
        () => httpRequest(url, { timeoutMs: params.timeoutMs, signal: ctx.signal })
      );
    } catch (error) {
      return { status: "error", summary: `request to ${url.href} failed: ${describeError(error)}` };
    }
    try {
      if (params.header === "cors")
        return withStatus(await evaluateCors(url, params.timeoutMs, ctx.signal), page);
      if (params.header === "csrf") {
        const post = params.postPath ? resolveTarget(ctx, params.postPath) : void 0;
        return withStatus(
          await evaluateCsrf(page, url, post?.ok ? post.url : void 0, params.timeoutMs, ctx.signal),
          page
        );
      }
      const { headers } = page;
      const outcome = (() => {
        switch (params.header) {
          case "csp":
            return evaluateCsp(headers);
          case "xss":
            return evaluateXss(headers);
          case "hsts":
            return evaluateHsts(headers, https, params.hstsMinAge);
          case "nosniff":
            return evaluateNosniff(headers);
          case "frame":
            return evaluateFrame(headers);
        }
      })();
      if (page.status >= 500 && outcome.status === "fail" && !carries(headers, params.header)) {
        return {
          status: "error",
          summary: `GET ${shortPath(url)} \u2192 ${page.status}: the page failed on the server and its answer carries no ${HEADER_NAMES[params.header]}; not judged (fix the page, or set path= to one that answers)`
        };
      }
      return withStatus(outcome, page);
    } catch (error) {
      return { status: "error", summary: `request to ${url.href} failed: ${describeError(error)}` };
    }
  }
});
var HEADER_NAMES = {
  csp: "Content-Security-Policy",
  xss: "Content-Security-Policy",
  hsts: "Strict-Transport-Security",
  nosniff: "X-Content-Type-Options",
  frame: "X-Frame-Options or CSP frame-ancestors"
};
function carries(headers, header) {
  if (header === "frame")
    return headerValue(headers, "x-frame-options") !== void 0 || /frame-ancestors/i.test(headerValue(headers, "content-security-policy") ?? "");
  return headerValue(headers, HEADER_NAMES[header].toLowerCase()) !== void 0;
}
function withStatus(outcome, page) {
  if (page.status < 500 || outcome.status === "skipped") return outcome;
  return { ...outcome, summary: `${outcome.summary} (judged on the ${page.status} answer of the page)` };
}
export {
  httpSecurityCheck
};
