// checks/health.ts
import { z } from "zod";

// checks/check.ts
function defineCheck(check) {
  return check;
}

// checks/lib/http-request.ts
import http from "node:http";
import https from "node:https";
function httpRequest(url, options) {
  const client = url.protocol === "https:" ? https : http;
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: options.method ?? "GET",
        headers: { "user-agent": "shipgate", ...options.headers },
        timeout: options.timeoutMs,
        signal: options.signal,
        agent: options.agent
      },
      (res) => {
        const chunks = [];
        let size = 0;
        res.on("data", (chunk) => {
          if (size < maxBody) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, maxBody).toString("utf8"),
            ms: Number(process.hrtime.bigint() - started) / 1e6
          });
        });
        res.on("error", reject);
      }
    );
    req.on("timeout", () => req.destroy(new Error(`no response within ${options.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(options.body);
  });
}
function headerValue(headers, name) {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}
function describeError(error) {
  if (error instanceof Error) {
    const code = error.code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

// checks/lib/http-target.ts
var NO_TARGET_REASON = "no target URL: pass --url or set target.url / target.start in .github/shipgate.yml";
function resolveTarget(ctx2, path2, override) {
  const base = override ?? ctx2.targetUrl;
  if (!base) return { ok: false, outcome: { status: "skipped", summary: NO_TARGET_REASON } };
  let parsed;
  try {
    parsed = new URL(base);
  } catch {
    return { ok: false, outcome: { status: "error", summary: `invalid target URL: ${base}` } };
  }
  if (!path2) return { ok: true, url: parsed };
  const basePath = parsed.pathname.replace(/\/+$/, "");
  const [pathname = "", query] = path2.split("?", 2);
  const joined = new URL(parsed.href);
  joined.pathname = `${basePath}/${pathname.replace(/^\/+/, "")}`;
  joined.search = query ? `?${query}` : "";
  return { ok: true, url: joined };
}
function shortPath(url) {
  return `${url.pathname}${url.search}`;
}

// checks/lib/load-percentile.ts
function nearestRank(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.max(1, Math.ceil(p / 100 * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}
function formatMs(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

// checks/health.ts
var Params = z.object({
  path: z.string().default("/health"),
  timeoutMs: z.coerce.number().int().positive().max(6e4).default(5e3)
});
var healthCheck = defineCheck({
  id: "health",
  title: "Health endpoint answers 2xx in time",
  params: Params,
  async run(params, ctx2) {
    const target = resolveTarget(ctx2, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    try {
      const res = await httpRequest(url, { timeoutMs: params.timeoutMs, signal: ctx2.signal });
      const ok = res.status >= 200 && res.status < 300;
      const timing = `${formatMs(res.ms)} ms (limit ${params.timeoutMs} ms)`;
      return {
        status: ok ? "pass" : "fail",
        summary: `GET ${url.pathname} \u2192 ${res.status} in ${timing}`,
        details: ok ? void 0 : `body: ${res.body.slice(0, 300)}`,
        metrics: { status: res.status, ms: res.ms }
      };
    } catch (error) {
      return { status: "fail", summary: `GET ${url.pathname} failed: ${describeError(error)}` };
    }
  }
});

// checks/http-security.ts
import { z as z2 } from "zod";

// checks/lib/http-cross-origin.ts
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
function cookieSameSite(responses) {
  return responses.flatMap(
    (res) => (res.headers["set-cookie"] ?? []).map((cookie) => ({
      name: cookie.split("=", 1)[0]?.trim() ?? "?",
      strict: /;\s*samesite\s*=\s*(lax|strict)\b/i.test(cookie)
    }))
  );
}
var REJECTED = /* @__PURE__ */ new Set([400, 401, 403, 419]);
async function evaluateCsrf(page, postUrl, timeoutMs, signal) {
  const responses = [page];
  let postNote = "";
  if (postUrl) {
    const post = await httpRequest(postUrl, {
      method: "POST",
      headers: { origin: FOREIGN_ORIGIN, "content-type": "application/json" },
      body: "{}",
      timeoutMs,
      signal
    });
    const what = `cross-origin POST ${postUrl.pathname} without a CSRF token \u2192 ${post.status}`;
    if (REJECTED.has(post.status)) return { status: "pass", summary: `${what} (rejected)` };
    if (post.status === 404 || post.status === 405) {
      return { status: "error", summary: `${what}: set postPath to a state-changing endpoint` };
    }
    responses.push(post);
    postNote = `${what} (not rejected)`;
  }
  const cookies = cookieSameSite(responses);
  if (cookies.length === 0) {
    if (postNote) return { status: "fail", summary: `${postNote}, and no SameSite session cookies` };
    return {
      status: "skipped",
      summary: "no cookies set and no postPath param: set postPath to a state-changing endpoint"
    };
  }
  const loose = [...new Set(cookies.filter((c) => !c.strict).map((c) => c.name))];
  const prefix = postNote ? `${postNote}; ` : "";
  if (loose.length > 0) {
    return { status: "fail", summary: `${prefix}cookies without SameSite=Lax/Strict: ${loose.join(", ")}` };
  }
  return { status: "pass", summary: `${prefix}all ${cookies.length} cookies are SameSite=Lax/Strict` };
}

// checks/lib/http-csp.ts
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
function sourceProblems(directive, sources, scripts) {
  const lower = sources.map((s) => s.toLowerCase());
  const hasNonceOrHash = lower.some((s) => /^'(nonce|sha256|sha384|sha512)-/.test(s));
  const problems = [];
  if (lower.includes("'unsafe-inline'") && !hasNonceOrHash)
    problems.push(`${directive} allows 'unsafe-inline'`);
  if (scripts && lower.includes("'unsafe-eval'")) problems.push(`${directive} allows 'unsafe-eval'`);
  const wild = lower.filter((s) => WILDCARDS.has(s));
  if (scripts && wild.length > 0) problems.push(`${directive} allows any source (${wild.join(" ")})`);
  return problems;
}
function scriptProblems(policy) {
  const script = effectiveSources(policy, "script-src");
  if (!script) return ["no script-src or default-src directive"];
  return sourceProblems(script.name, script.sources, true);
}

// checks/lib/http-header-rules.ts
var DEFAULT_HSTS_MIN_AGE = 15552e3;
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
  const perPolicy = csp.policies.map((policy) => {
    const style = effectiveSources(policy, "style-src");
    return [...scriptProblems(policy), ...style ? sourceProblems(style.name, style.sources, false) : []];
  });
  const best = perPolicy.reduce((a, b) => b.length < a.length ? b : a, perPolicy[0] ?? ["empty policy"]);
  if (best.length > 0) return fail(`CSP weak: ${best.join("; ")}`, `Content-Security-Policy: ${csp.raw}`);
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
function evaluateHsts(headers, https3, minAge) {
  const value = headerValue(headers, "strict-transport-security");
  if (!value) {
    if (!https3) return { status: "skipped", summary: "HSTS applies to HTTPS only (target is plain http)" };
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
var Params2 = z2.object({
  header: z2.enum(["csp", "hsts", "cors", "nosniff", "frame", "xss", "csrf"]),
  path: z2.string().default("/"),
  /** csrf: a state-changing endpoint that must refuse a foreign-Origin POST without a token. */
  postPath: z2.string().optional(),
  hstsMinAge: z2.coerce.number().int().min(0).default(DEFAULT_HSTS_MIN_AGE),
  timeoutMs: z2.coerce.number().int().positive().max(6e4).default(1e4)
});
var httpSecurityCheck = defineCheck({
  id: "http-security",
  title: "HTTP security headers (CSP, HSTS, CORS, nosniff, framing, XSS, CSRF)",
  params: Params2,
  async run(params, ctx2) {
    const target = resolveTarget(ctx2, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    try {
      const page = await ctx2.memo(
        `http-security:get:${url.href}`,
        () => httpRequest(url, { timeoutMs: params.timeoutMs, signal: ctx2.signal })
      );
      if (page.status >= 500) {
        return { status: "fail", summary: `GET ${url.pathname} \u2192 ${page.status}; headers not judged` };
      }
      const { headers } = page;
      switch (params.header) {
        case "csp":
          return evaluateCsp(headers);
        case "xss":
          return evaluateXss(headers);
        case "hsts":
          return evaluateHsts(headers, url.protocol === "https:", params.hstsMinAge);
        case "nosniff":
          return evaluateNosniff(headers);
        case "frame":
          return evaluateFrame(headers);
        case "cors":
          return await evaluateCors(url, params.timeoutMs, ctx2.signal);
        case "csrf": {
          const post = params.postPath ? resolveTarget(ctx2, params.postPath) : void 0;
          return await evaluateCsrf(page, post?.ok ? post.url : void 0, params.timeoutMs, ctx2.signal);
        }
      }
    } catch (error) {
      return { status: "fail", summary: `request to ${url.href} failed: ${describeError(error)}` };
    }
  }
});

// checks/load-test.ts
import { z as z3 } from "zod";

// checks/lib/load-rss.ts
import { readFileSync } from "node:fs";
function readVmRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : void 0;
  } catch {
    return void 0;
  }
}
function childPids(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8");
    return text.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
function treeRss(rootPid) {
  const queue = [rootPid];
  let total = 0;
  let found = false;
  for (let seen = 0; queue.length > 0 && seen < 64; seen++) {
    const pid = queue.shift();
    const rss = readVmRss(pid);
    if (rss !== void 0) {
      total += rss;
      found = true;
    }
    queue.push(...childPids(pid));
  }
  return found ? total : void 0;
}
function startRssSampler(pid, intervalMs = 200) {
  const started = Date.now();
  const samples = [];
  const take = () => {
    const bytes = treeRss(pid);
    if (bytes !== void 0) samples.push({ atMs: Date.now() - started, bytes });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    }
  };
}
function secondHalfTrend(samples) {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || samples.length < 4) return void 0;
  const midMs = (first.atMs + last.atMs) / 2;
  const tail = samples.filter((s) => s.atMs >= midMs);
  if (tail.length < 2) return void 0;
  const meanX = tail.reduce((sum, s) => sum + s.atMs, 0) / tail.length;
  const meanY = tail.reduce((sum, s) => sum + s.bytes, 0) / tail.length;
  let num = 0;
  let den = 0;
  for (const s of tail) {
    num += (s.atMs - meanX) * (s.bytes - meanY);
    den += (s.atMs - meanX) ** 2;
  }
  const bytesPerMs = den === 0 ? 0 : num / den;
  return {
    startBytes: first.bytes,
    endBytes: last.bytes,
    mbPerMin: bytesPerMs * 6e4 / (1024 * 1024),
    samples: tail.length
  };
}

// checks/lib/load-run.ts
import autocannon from "autocannon";
function runLoad(options, ctx2) {
  const latencies = [];
  const served = /* @__PURE__ */ new Set();
  const sampler = options.pid ? startRssSampler(options.pid) : void 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url.href,
        connections: options.connections,
        duration: options.durationSec,
        timeout: 10
      },
      (err, result) => {
        ctx2.signal.removeEventListener("abort", onAbort);
        const rss = sampler?.stop();
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        const statusCounts = {};
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
          statusCounts[code] = stat?.count ?? 0;
        }
        resolve({
          connections: options.connections,
          durationSec: options.durationSec,
          total: latencies.length + result.errors,
          responses: latencies.length,
          ok2xx: result["2xx"],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          p95Ms: nearestRank(latencies, 95),
          p50Ms: nearestRank(latencies, 50),
          requestsPerSec: result.requests.average,
          statusCounts,
          servedConnections: served.size,
          rss
        });
      }
    );
    const onAbort = () => instance.stop();
    ctx2.signal.addEventListener("abort", onAbort, { once: true });
    instance.on("response", (client, statusCode, _resBytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) served.add(client);
    });
  });
}

// checks/load-test.ts
var Params3 = z3.object({
  metric: z3.enum(["users", "p95", "error-rate", "memory-leak"]).default("p95"),
  path: z3.string().default("/"),
  connections: z3.coerce.number().int().min(1).max(1e3).default(100),
  /** Seconds; bounded so a template cannot stall a merge gate. */
  duration: z3.coerce.number().min(1).max(60).default(10),
  /** p95: max ms (default 200). error-rate: max percent (default 1). */
  max: z3.coerce.number().min(0).optional(),
  /** memory-leak: growth rate (MB/min) that counts as a leak … */
  leakMbPerMin: z3.coerce.number().positive().default(20),
  /** … when it is also faster than this percentage of the starting RSS per minute. */
  leakPercent: z3.coerce.number().positive().default(10)
});
var NO_PID_REASON = "memory-leak heuristic needs a target started by shipgate (target.start)";
function failedShare(run) {
  return run.total === 0 ? 100 : (run.errors + run.non2xx) / run.total * 100;
}
function statusBreakdown(run) {
  const codes = Object.entries(run.statusCounts).map(([code, count]) => `${code}: ${count}`);
  return [
    `${run.total} requests with ${run.connections} connections over ${run.durationSec} s`,
    `${run.requestsPerSec.toFixed(0)} req/s, p50 ${formatMs(run.p50Ms)} ms, p95 ${formatMs(run.p95Ms)} ms`,
    `status codes: ${codes.join(", ") || "none"}; errors ${run.errors} (timeouts ${run.timeouts})`
  ].join("\n");
}
function metricsOf(run) {
  return {
    p95Ms: run.p95Ms,
    p50Ms: run.p50Ms,
    requestsPerSec: run.requestsPerSec,
    errorRatePercent: failedShare(run),
    requests: run.total,
    connections: run.connections
  };
}
function judge(params, run, ctx2) {
  const details = statusBreakdown(run);
  const metrics = metricsOf(run);
  if (run.responses === 0) {
    return {
      status: "fail",
      summary: `no responses at all (${run.errors} connection errors)`,
      details,
      metrics
    };
  }
  switch (params.metric) {
    case "users": {
      const ok = run.servedConnections >= run.connections;
      const summary = `${run.servedConnections}/${run.connections} concurrent connections got 2xx responses (${run.total} requests)`;
      return { status: ok ? "pass" : "fail", summary, details, metrics };
    }
    case "p95": {
      const max = params.max ?? 200;
      const ok = Number.isFinite(run.p95Ms) && run.p95Ms <= max;
      const summary = `p95 ${formatMs(run.p95Ms)} ms ${ok ? "\u2264" : ">"} ${max} ms (${run.connections} connections, ${run.total} requests)`;
      return { status: ok ? "pass" : "fail", summary, details, metrics };
    }
    case "error-rate": {
      const max = params.max ?? 1;
      const rate = failedShare(run);
      const ok = rate < max || rate === 0;
      const failed = run.errors + run.non2xx;
      const summary = `error rate ${rate.toFixed(2)}% ${ok ? "<" : "\u2265"} ${max}% (${failed} of ${run.total} failed or non-2xx)`;
      return { status: ok ? "pass" : "fail", summary, details, metrics };
    }
    case "memory-leak":
      return judgeLeak(params, run, ctx2, details, metrics);
  }
}
function judgeLeak(params, run, ctx2, details, metrics) {
  const trend = run.rss ? secondHalfTrend(run.rss) : void 0;
  if (!trend) {
    return { status: "skipped", summary: `could not sample RSS of PID ${ctx2.targetPid} from /proc`, details };
  }
  const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(1);
  const relLimit = trend.startBytes / (1024 * 1024) * (params.leakPercent / 100);
  const leaking = trend.mbPerMin > params.leakMbPerMin && trend.mbPerMin > relLimit;
  const summary = `RSS ${mb(trend.startBytes)} \u2192 ${mb(trend.endBytes)} MB, trend ${trend.mbPerMin.toFixed(1)} MB/min ${leaking ? ">" : "within"} ${params.leakMbPerMin} MB/min and ${params.leakPercent}% of start per min`;
  return {
    status: leaking ? "fail" : "pass",
    summary,
    details: `${details}
RSS trend fitted over the second half of the run (${trend.samples} samples); heuristic, not proof.`,
    metrics: {
      ...metrics,
      rssStartBytes: trend.startBytes,
      rssEndBytes: trend.endBytes,
      rssMbPerMin: trend.mbPerMin
    }
  };
}
var loadTestCheck = defineCheck({
  id: "load-test",
  title: "HTTP load test (autocannon): concurrency, p95 latency, error rate, memory trend",
  params: Params3,
  async run(params, ctx2) {
    const target = resolveTarget(ctx2, params.path);
    if (!target.ok) return target.outcome;
    if (params.metric === "memory-leak" && ctx2.targetPid === void 0) {
      return { status: "skipped", summary: NO_PID_REASON };
    }
    const { url } = target;
    const key = `load-test:${url.href}:${params.connections}:${params.duration}`;
    let run;
    try {
      run = await ctx2.memo(key, () => {
        ctx2.log(`load test: ${params.connections} connections for ${params.duration} s on ${shortPath(url)}`);
        return runLoad(
          { url, connections: params.connections, durationSec: params.duration, pid: ctx2.targetPid },
          ctx2
        );
      });
    } catch (error) {
      return { status: "error", summary: `load test against ${url.href} failed: ${describeError(error)}` };
    }
    return judge(params, run, ctx2);
  }
});

// checks/rate-limit.ts
import http2 from "node:http";
import https2 from "node:https";
import { z as z4 } from "zod";
var Params4 = z4.object({
  path: z4.string().default("/"),
  method: z4.enum(["GET", "POST", "HEAD"]).default("GET"),
  requests: z4.coerce.number().int().min(1).max(500).default(120),
  concurrency: z4.coerce.number().int().min(1).max(50).default(10),
  timeoutMs: z4.coerce.number().int().positive().max(3e4).default(5e3)
});
var LIMIT_HEADERS = ["ratelimit", "ratelimit-policy", "ratelimit-limit", "x-ratelimit-limit"];
async function burst(url, params, signal) {
  const agent = new (url.protocol === "https:" ? https2 : http2).Agent({ keepAlive: true });
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
  id: "rate-limit",
  title: "Rate limiting answers a burst with 429 or RateLimit headers",
  params: Params4,
  async run(params, ctx2) {
    const target = resolveTarget(ctx2, params.path);
    if (!target.ok) return target.outcome;
    const { url } = target;
    const where = `${params.method} ${shortPath(url)}`;
    const tally = await burst(url, params, ctx2.signal);
    const statuses = [...tally.statuses].map(([code, n]) => `${code}: ${n}`).join(", ") || "none";
    const details = [`statuses: ${statuses}`, ...tally.errors.map((e) => `error: ${e}`)].join("\n");
    const metrics = { sent: tally.sent, count429: tally.count429 };
    if (tally.statuses.size === 0) {
      return {
        status: "fail",
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

// checks/tls.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z as z5 } from "zod";

// checks/lib/http-tls-probe.ts
import net from "node:net";
import tls from "node:tls";
function probeTls(host, port, options) {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      // SNI must not be an IP address (RFC 6066).
      servername: net.isIP(host) ? void 0 : host,
      ca: options.ca,
      rejectUnauthorized: false,
      // Hostname is checked below, separately from the chain.
      checkServerIdentity: () => void 0
    });
    socket.setTimeout(
      options.timeoutMs,
      () => socket.destroy(new Error(`no TLS handshake within ${options.timeoutMs} ms`))
    );
    socket.once("error", reject);
    socket.once("secureConnect", () => {
      const cert = socket.getPeerCertificate();
      const identity = tls.checkServerIdentity(host, cert);
      const name = (entity) => {
        const value = entity?.CN ?? entity?.O ?? "?";
        return Array.isArray(value) ? value[0] ?? "?" : value;
      };
      resolve({
        authorized: socket.authorized,
        chainError: socket.authorizationError ? String(socket.authorizationError) : void 0,
        hostnameError: identity ? `${host} not in ${cert.subjectaltname || `CN=${name(cert.subject)}`}` : void 0,
        subject: name(cert.subject),
        issuer: name(cert.issuer),
        validFrom: new Date(cert.valid_from),
        validTo: new Date(cert.valid_to),
        protocol: socket.getProtocol()
      });
      socket.end();
    });
  });
}

// checks/tls.ts
var Params5 = z5.object({
  /** Defaults to the target URL. */
  url: z5.string().optional(),
  /** Minimum days left before expiry. */
  minDays: z5.coerce.number().min(0).default(14),
  /** PEM file with a private CA (relative to the repo), replacing Node's default CA list. */
  caFile: z5.string().optional(),
  timeoutMs: z5.coerce.number().int().positive().max(6e4).default(1e4)
});
var DAY_MS = 864e5;
var tlsCheck = defineCheck({
  id: "tls",
  title: "TLS certificate valid, trusted, matching and not expiring soon",
  params: Params5,
  async run(params, ctx2) {
    const target = resolveTarget(ctx2, void 0, params.url);
    if (!target.ok) return target.outcome;
    const { url } = target;
    if (url.protocol !== "https:")
      return { status: "skipped", summary: `target is not HTTPS (${url.origin})` };
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const port = Number(url.port || 443);
    let ca;
    if (params.caFile) {
      try {
        ca = await readFile(path.resolve(ctx2.repoDir, params.caFile), "utf8");
      } catch (error) {
        return { status: "error", summary: `cannot read caFile ${params.caFile}: ${describeError(error)}` };
      }
    }
    let probe;
    try {
      probe = await probeTls(host, port, { ca, timeoutMs: params.timeoutMs });
    } catch (error) {
      return { status: "fail", summary: `TLS handshake with ${url.host} failed: ${describeError(error)}` };
    }
    const now = Date.now();
    const daysLeft = Math.round((probe.validTo.getTime() - now) / DAY_MS);
    const problems = [];
    if (probe.validFrom.getTime() > now) problems.push(`not valid before ${probe.validFrom.toISOString()}`);
    if (daysLeft < 0) problems.push(`expired ${-daysLeft} days ago`);
    else if (daysLeft < params.minDays) problems.push(`expires in ${daysLeft} days (< ${params.minDays})`);
    if (probe.chainError)
      problems.push(
        `chain does not verify: ${probe.chainError}${ca ? "" : " (set caFile for a private CA)"}`
      );
    if (probe.hostnameError) problems.push(`hostname mismatch: ${probe.hostnameError}`);
    const details = [
      `subject ${probe.subject}, issuer ${probe.issuer}, ${probe.protocol ?? "unknown protocol"}`,
      `valid ${probe.validFrom.toISOString()} \u2192 ${probe.validTo.toISOString()}`
    ].join("\n");
    const metrics = { daysLeft };
    if (problems.length > 0)
      return { status: "fail", summary: `${url.host}: ${problems.join("; ")}`, details, metrics };
    return {
      status: "pass",
      summary: `${url.host}: trusted chain, hostname matches, expires in ${daysLeft} days (\u2265 ${params.minDays})`,
      details,
      metrics
    };
  }
});

// checks/websocket.ts
import { z as z6 } from "zod";

// checks/lib/load-ws-probe.ts
import WebSocket from "ws";
function connect(url, timeoutMs) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    socket.once("open", () => resolve(socket));
    socket.once("error", (error) => reject(error));
    socket.once("unexpected-response", (_req, res) => {
      socket.terminate();
      reject(new Error(`HTTP ${res.statusCode} instead of a WebSocket upgrade`));
    });
  });
}
function roundTrip(socket, mode, id, timeoutMs) {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      socket.off("pong", onPong);
      socket.off("message", onMessage);
      socket.off("close", onClose);
    };
    const done = () => {
      cleanup();
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
    };
    const onPong = (data) => {
      if (data.toString() === id) done();
    };
    const onMessage = (data) => {
      try {
        const parsed = JSON.parse(data.toString());
        if (typeof parsed === "object" && parsed !== null && parsed.id === id) done();
      } catch {
      }
    };
    const onClose = () => {
      cleanup();
      reject(new Error("connection closed mid-test"));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no ${mode === "ping" ? "pong" : "echo"} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on("pong", onPong);
    socket.on("message", onMessage);
    socket.once("close", onClose);
    const started = process.hrtime.bigint();
    if (mode === "ping") socket.ping(id);
    else socket.send(JSON.stringify({ type: "ping", id }));
  });
}
async function probeWebSocket(options) {
  const rtts = [];
  const failures = /* @__PURE__ */ new Set();
  let failureCount = 0;
  let connected = 0;
  const fail2 = (reason) => {
    failureCount += 1;
    if (failures.size < 5) failures.add(reason);
  };
  const runClient = async (index) => {
    let socket;
    try {
      socket = await connect(options.url, options.timeoutMs);
      connected += 1;
    } catch (error) {
      fail2(`connect: ${describeError(error)}`);
      return;
    }
    try {
      for (let n = 0; n < options.messagesPerClient && !options.signal.aborted; n++) {
        rtts.push(await roundTrip(socket, options.mode, `shipgate-${index}-${n}`, options.timeoutMs));
      }
    } catch (error) {
      fail2(describeError(error));
    } finally {
      socket.terminate();
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => runClient(index)));
  return { rtts, connected, failures: [...failures], failureCount };
}

// checks/websocket.ts
var Params6 = z6.object({
  path: z6.string().default("/ws"),
  clients: z6.coerce.number().int().min(1).max(500).default(50),
  messages: z6.coerce.number().int().min(1).max(200).default(20),
  /** Max p95 round trip, ms. */
  max: z6.coerce.number().positive().default(500),
  mode: z6.enum(["ping", "echo"]).default("ping"),
  timeoutMs: z6.coerce.number().int().positive().max(3e4).default(5e3)
});
function toWebSocketUrl(url) {
  const ws = new URL(url.href);
  ws.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return ws;
}
var websocketCheck = defineCheck({
  id: "websocket",
  title: "WebSocket round-trip latency under concurrent clients",
  params: Params6,
  async run(params, ctx2) {
    const target = resolveTarget(ctx2, params.path);
    if (!target.ok) return target.outcome;
    const url = toWebSocketUrl(target.url);
    const key = `websocket:${url.href}:${params.clients}:${params.messages}:${params.mode}:${params.timeoutMs}`;
    const result = await ctx2.memo(key, () => {
      ctx2.log(
        `websocket: ${params.clients} clients \xD7 ${params.messages} ${params.mode} round trips on ${url.href}`
      );
      return probeWebSocket({
        url,
        clients: params.clients,
        messagesPerClient: params.messages,
        mode: params.mode,
        timeoutMs: params.timeoutMs,
        signal: ctx2.signal
      });
    });
    const p95 = nearestRank(result.rtts, 95);
    const expected = params.clients * params.messages;
    const details = [
      `${result.connected}/${params.clients} clients connected, ${result.rtts.length}/${expected} round trips answered (${params.mode} mode)`,
      result.rtts.length > 0 ? `p50 ${formatMs(nearestRank(result.rtts, 50))} ms, p95 ${formatMs(p95)} ms` : "",
      ...result.failures.map((reason) => `failure: ${reason}`)
    ].filter(Boolean).join("\n");
    const metrics = { p95Ms: p95, clients: result.connected, roundTrips: result.rtts.length };
    if (result.connected === 0) {
      return {
        status: "fail",
        summary: `no WebSocket connection to ${url.href}: ${result.failures[0] ?? "unknown"}`,
        details
      };
    }
    if (result.failureCount > 0) {
      const summary2 = `${result.failureCount} of ${params.clients} clients failed (${result.failures[0]}); p95 ${formatMs(p95)} ms`;
      return { status: "fail", summary: summary2, details, metrics };
    }
    const ok = p95 < params.max;
    const summary = `p95 round trip ${formatMs(p95)} ms ${ok ? "<" : "\u2265"} ${params.max} ms (${params.clients} clients \xD7 ${params.messages})`;
    return { status: ok ? "pass" : "fail", summary, details, metrics };
  }
});

// ../../tmp/rt-run/run.ts
var memo = /* @__PURE__ */ new Map();
var ctx = {
  repoDir: "/work/main/examples/restaurant-os",
  env: {},
  signal: new AbortController().signal,
  timeoutMs: 18e4,
  targetUrl: "http://127.0.0.1:4173/",
  targetPid: Number(process.env.TARGET_PID),
  memo: (k, f) => {
    if (!memo.has(k)) memo.set(k, f());
    return memo.get(k);
  },
  log: (m) => console.error(`  [log] ${m}`)
};
var items = [
  ["load users", loadTestCheck, { metric: "users", connections: 100, path: "/" }],
  ["load p95", loadTestCheck, { metric: "p95", max: 200, path: "/" }],
  ["load error-rate", loadTestCheck, { metric: "error-rate", max: 1, path: "/" }],
  ["load memory-leak", loadTestCheck, { metric: "memory-leak", path: "/" }],
  ["websocket", websocketCheck, { max: 500 }],
  ["websocket echo", websocketCheck, { max: 500, mode: "echo" }],
  ...["csp", "hsts", "cors", "nosniff", "frame", "xss", "csrf"].map((h) => [`http ${h}`, httpSecurityCheck, { header: h, postPath: "/api/orders" }]),
  ["rate-limit", rateLimitCheck, { path: "/api/orders" }],
  ["tls", tlsCheck, { minDays: 14 }],
  ["health", healthCheck, { path: "/health" }],
  ["health /", healthCheck, { path: "/" }]
];
for (const [name, check, params] of items) {
  const out = await check.run(check.params.parse(params), ctx);
  console.log(`${name.padEnd(18)} ${out.status.padEnd(7)} ${out.summary}`);
  if (name.startsWith("load p95") || name === "websocket") console.log(`    ${out.details?.replace(/\n/g, "\n    ")}`);
}
