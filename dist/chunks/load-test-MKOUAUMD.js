import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatMs,
  nearestRank
} from "./chunk-GUEURJ4X.js";
import {
  describeError,
  headerValue,
  httpRequest,
  resolveTarget,
  shortPath
} from "./chunk-ZAPKZXPW.js";
import {
  loadTestContract
} from "./chunk-P2LXJYN6.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/lib/load/load-rss.ts
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
function treePids(rootPid) {
  const queue = [rootPid];
  const pids = [];
  while (queue.length > 0 && pids.length < 64) {
    const pid = queue.shift();
    pids.push(pid);
    queue.push(...childPids(pid));
  }
  return pids;
}
function treeRss(rootPid) {
  let total = 0;
  let found = false;
  for (const pid of treePids(rootPid)) {
    const rss = readVmRss(pid);
    if (rss !== void 0) {
      total += rss;
      found = true;
    }
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
    },
    now: () => Date.now() - started
  };
}
function phaseRss(samples, phases) {
  return phases.flatMap((phase) => {
    const inPhase = samples.filter((s) => s.atMs >= phase.loadStartMs && s.atMs <= phase.idleEndMs);
    const resting = inPhase.filter((s) => s.atMs >= phase.loadEndMs);
    if (resting.length === 0) return [];
    const bytes = inPhase.map((s) => s.bytes);
    return [
      {
        restBytes: Math.min(...resting.map((s) => s.bytes)),
        lowBytes: Math.min(...bytes),
        highBytes: Math.max(...bytes),
        loadSec: (phase.loadEndMs - phase.loadStartMs) / 1e3
      }
    ];
  });
}
var MB = 1024 * 1024;
var mb = (bytes) => (bytes / MB).toFixed(0);
function judgeSoak(phases, limits) {
  if (phases.length < 3) {
    return {
      verdict: "cannot-tell",
      reason: `only ${phases.length} load phase(s) with RSS samples; a warm-up, a baseline and at least one compared phase are needed`
    };
  }
  const [, base, ...judged] = phases;
  const baselineBytes = base.restBytes;
  const rests = judged.map((phase) => phase.restBytes);
  const lastBytes = rests[rests.length - 1] ?? baselineBytes;
  const noise = Math.max(1 * MB, baselineBytes * 0.01);
  const steps = rests.map((rest, index) => rest - (index === 0 ? baselineBytes : rests[index - 1] ?? 0));
  const rising = steps.every((step) => step > noise);
  const rise = lastBytes - baselineBytes;
  const loadMinutes = judged.reduce((sum, phase) => sum + phase.loadSec, 0) / 60;
  const mbPerMin = rise / MB / Math.max(loadMinutes, 1 / 60);
  const big = rise >= baselineBytes * (limits.leakPercent / 100);
  const fast = mbPerMin >= limits.leakMbPerMin;
  const lows = judged.map((phase) => phase.lowBytes);
  const lowSteps = lows.map((low, index) => low - (index === 0 ? base.lowBytes : lows[index - 1] ?? 0));
  const lowsRising = lowSteps.every((step) => step > noise);
  const lowRise = (lows[lows.length - 1] ?? base.lowBytes) - base.lowBytes;
  const path = [baselineBytes, ...rests].map(mb).join(" \u2192 ");
  const trace = `RSS at rest after each phase past the warm-up ${path} MB`;
  if (rising && big && fast && lowsRising) {
    return {
      verdict: "leak",
      baselineBytes,
      lastBytes,
      mbPerMin,
      reason: `${trace}: rose in every phase, +${mb(rise)} MB (${(rise / baselineBytes * 100).toFixed(0)}%, ${mbPerMin.toFixed(1)} MB/min of load)`
    };
  }
  if (!rising && !big) {
    return {
      verdict: "within",
      baselineBytes,
      lastBytes,
      mbPerMin,
      reason: `${trace}: no phase-over-phase growth (net ${rise >= 0 ? "+" : ""}${mb(rise)} MB)`
    };
  }
  if (!lowsRising && lowRise < baselineBytes * (limits.leakPercent / 100)) {
    return {
      verdict: "within",
      baselineBytes,
      lastBytes,
      mbPerMin,
      reason: `${trace}, but the troughs under load stayed level (${[base.lowBytes, ...lows].map(mb).join(" \u2192 ")} MB): a saw-tooth, no retained growth`
    };
  }
  return {
    verdict: "cannot-tell",
    reason: rising ? `${trace}: rose in every phase, +${mb(rise)} MB in all (${(rise / baselineBytes * 100).toFixed(1)}%, ${mbPerMin.toFixed(1)} MB/min); a leak needs \u2265 ${limits.leakPercent}% and \u2265 ${limits.leakMbPerMin} MB/min: raise duration or phases` : `${trace}: up ${mb(rise)} MB overall but not in every phase, no steady trend: raise duration or phases`
  };
}

// checks/lib/load/load-run.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { performance } from "node:perf_hooks";
function treeCpuTicks(pid) {
  let total = 0;
  let found = false;
  for (const one of treePids(pid)) {
    try {
      const stat = readFileSync2(`/proc/${one}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += Number(fields[11]) + Number(fields[12]);
      found = true;
    } catch {
    }
  }
  return found ? total : void 0;
}
var TICKS_PER_SECOND = 100;
async function runLoad(options, ctx) {
  const quietWaitMs = await quietLoop(ctx.signal);
  const { default: autocannon } = await import("./autocannon-4AUPKMXY.js");
  return drive(options, ctx, quietWaitMs, autocannon);
}
var QUIET_BUSY = 0.5;
var QUIET_MAX_MS = 3e3;
var QUIET_SLICE_MS = 250;
async function quietLoop(signal) {
  const started = performance.now();
  while (!signal.aborted && performance.now() - started < QUIET_MAX_MS) {
    const before = performance.eventLoopUtilization();
    await new Promise((resolve) => setTimeout(resolve, QUIET_SLICE_MS));
    if (performance.eventLoopUtilization(before).utilization < QUIET_BUSY) break;
  }
  return Math.round(performance.now() - started);
}
function drive(options, ctx, quietWaitMs, autocannon) {
  const latencies = [];
  const okLatencies = [];
  const served = /* @__PURE__ */ new Set();
  const answered = /* @__PURE__ */ new Set();
  const sampler = options.pid ? startRssSampler(options.pid) : void 0;
  const cpuBefore = options.pid ? treeCpuTicks(options.pid) : void 0;
  const loopBefore = performance.eventLoopUtilization();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url.href,
        connections: options.connections,
        duration: options.durationSec,
        timeout: 10
      },
      (err, result) => {
        ctx.signal.removeEventListener("abort", onAbort);
        const rss = sampler?.stop();
        const elapsedSec = (performance.now() - started) / 1e3;
        const generatorBusy = performance.eventLoopUtilization(loopBefore).utilization;
        const cpuAfter = options.pid ? treeCpuTicks(options.pid) : void 0;
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
          ok2xx: okLatencies.length,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          p95Ms: nearestRank(okLatencies, 95),
          p50Ms: nearestRank(okLatencies, 50),
          allP95Ms: nearestRank(latencies, 95),
          requestsPerSec: latencies.length / Math.max(elapsedSec, 1e-3),
          statusCounts,
          servedConnections: served.size,
          answeredConnections: answered.size,
          generatorBusy,
          quietWaitMs,
          ...cpuBefore !== void 0 && cpuAfter !== void 0 ? { targetCpuCores: (cpuAfter - cpuBefore) / TICKS_PER_SECOND / Math.max(elapsedSec, 1e-3) } : {},
          rss
        });
      }
    );
    const onAbort = () => instance.stop();
    ctx.signal.addEventListener("abort", onAbort, { once: true });
    instance.on("response", (client, statusCode, _resBytes, responseTime) => {
      latencies.push(responseTime);
      answered.add(client);
      if (statusCode >= 200 && statusCode < 300) {
        okLatencies.push(responseTime);
        served.add(client);
      }
    });
  });
}
var MAX_REDIRECTS = 5;
async function resolveMeasuredUrl(url, signal) {
  const redirects = [];
  const seen = /* @__PURE__ */ new Set([url.href]);
  let current = url;
  for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
    const response = await httpRequest(current, { timeoutMs: 1e4, signal, maxBodyBytes: 0 });
    const location = headerValue(response.headers, "location");
    if (response.status < 300 || response.status >= 400 || !location) return { url: current, redirects };
    const next = new URL(location, current);
    next.hash = "";
    const label = `${current.pathname}${current.search} \u2192 ${response.status} ${next.origin === current.origin ? `${next.pathname}${next.search}` : next.href}`;
    if (next.origin !== url.origin)
      return { url: current, redirects, stopped: `${label}: another origin, not followed` };
    if (seen.has(next.href)) return { url: current, redirects, stopped: `${label}: a redirect loop` };
    redirects.push(label);
    seen.add(next.href);
    current = next;
  }
  return { url: current, redirects, stopped: `more than ${MAX_REDIRECTS} redirects` };
}
function idle(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
function mergeRuns(runs, connections) {
  const sum = (pick) => runs.reduce((total, run) => total + pick(run), 0);
  const statusCounts = {};
  for (const run of runs)
    for (const [code, count] of Object.entries(run.statusCounts))
      statusCounts[code] = (statusCounts[code] ?? 0) + count;
  const worst = (pick) => runs.map(pick).filter(Number.isFinite).reduce((a, b) => Math.max(a, b), Number.NaN);
  return {
    connections,
    durationSec: sum((run) => run.durationSec),
    total: sum((run) => run.total),
    responses: sum((run) => run.responses),
    ok2xx: sum((run) => run.ok2xx),
    non2xx: sum((run) => run.non2xx),
    errors: sum((run) => run.errors),
    timeouts: sum((run) => run.timeouts),
    p95Ms: worst((run) => run.p95Ms),
    p50Ms: worst((run) => run.p50Ms),
    allP95Ms: worst((run) => run.allP95Ms),
    requestsPerSec: sum((run) => run.responses) / Math.max(
      sum((run) => run.durationSec),
      1e-3
    ),
    statusCounts,
    servedConnections: Math.min(...runs.map((run) => run.servedConnections)),
    answeredConnections: Math.min(...runs.map((run) => run.answeredConnections)),
    generatorBusy: Math.max(...runs.map((run) => run.generatorBusy)),
    quietWaitMs: sum((run) => run.quietWaitMs)
  };
}
async function runSoak(options, ctx) {
  const sampler = startRssSampler(options.pid);
  const phases = [];
  const runs = [];
  let rss = [];
  try {
    for (let index = 0; index < options.phases && !ctx.signal.aborted; index++) {
      const loadStartMs = sampler.now();
      const durationSec = index === 0 ? options.warmupSec : options.phaseSec;
      runs.push(await runLoad({ url: options.url, connections: options.connections, durationSec }, ctx));
      const loadEndMs = sampler.now();
      await idle(options.idleSec * 1e3, ctx.signal);
      phases.push({ loadStartMs, loadEndMs, idleEndMs: sampler.now() });
    }
  } finally {
    rss = sampler.stop();
  }
  return { load: mergeRuns(runs, options.connections), phases, rss };
}

// checks/load-test.ts
var NO_PID_REASON = "memory-leak heuristic needs a target started by shipgate (target.start)";
var MIN_SUCCESSES = 20;
var GENERATOR_SATURATED = 0.9;
var TARGET_IDLE_CORES = 0.3;
var TARGET_SEEN_CORES = 0.01;
function failedShare(run) {
  return run.total === 0 ? 100 : (run.errors + run.non2xx) / run.total * 100;
}
function rate(run) {
  const perSec = run.requestsPerSec;
  return perSec >= 1e3 ? `${(perSec / 1e3).toFixed(1)}k req/s` : `${perSec.toFixed(0)} req/s`;
}
function made(run) {
  return `${run.answeredConnections}/${run.connections} connections answered at ${rate(run)}`;
}
function statusBreakdown(run, measured) {
  const codes = Object.entries(run.statusCounts).map(([code, count]) => `${code}: ${count}`);
  return [
    `${run.total} requests with ${run.connections} connections over ${run.durationSec} s on ${shortPath(measured.url)}`,
    ...measured.redirects.length > 0 ? [`redirects followed first: ${measured.redirects.join(", ")}`] : [],
    ...measured.stopped ? [`redirect not followed: ${measured.stopped}`] : [],
    `${run.requestsPerSec.toFixed(0)} req/s; ${run.answeredConnections} of ${run.connections} connections got an answer, ${run.servedConnections} a 2xx; load generator busy ${(run.generatorBusy * 100).toFixed(0)}%${run.targetCpuCores === void 0 ? "" : `, target CPU ${run.targetCpuCores.toFixed(2)} cores`}${run.quietWaitMs > 2 * 250 ? `; waited ${(run.quietWaitMs / 1e3).toFixed(1)} s for shipgate's event loop to go quiet first` : ""}`,
    `2xx responses: p50 ${formatMs(run.p50Ms)} ms, p95 ${formatMs(run.p95Ms)} ms; all responses: p95 ${formatMs(run.allP95Ms)} ms`,
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
    successes: run.ok2xx,
    connections: run.connections,
    answeredConnections: run.answeredConnections,
    generatorBusyPercent: Math.round(run.generatorBusy * 100),
    ...run.targetCpuCores === void 0 ? {} : { targetCpuCores: run.targetCpuCores }
  };
}
function topFailure(run) {
  return Object.entries(run.statusCounts).filter(([code]) => !code.startsWith("2")).sort((a, b) => b[1] - a[1])[0]?.[0];
}
function likelyCause(run, measured) {
  const top = topFailure(run);
  if (top === "429") return ": the app rate-limits the load test (raise its limit for the run, or N/A)";
  if (top?.startsWith("3"))
    return measured.stopped ? `: ${top} redirects (${measured.stopped}; set path= to a page that answers)` : `: ${top} redirects (set path= to the final URL)`;
  if (top?.startsWith("5")) return `: the app answers ${top} under load`;
  if (top === "404") return ": 404 (set path= to a page that exists)";
  if (top === "401" || top === "403") return `: ${top} (set path= to a public page)`;
  return top ? `: mostly ${top}` : "";
}
function nothingMeasured(params, run, measured) {
  if (run.responses === 0) {
    if (run.errors > 0 && run.timeouts === run.errors) {
      return {
        status: "fail",
        summary: `no response within 10 s to any of ${run.errors} requests (the app hangs under load)`
      };
    }
    return {
      status: "error",
      summary: `no responses at all (${run.errors} connection errors): nothing measured; is the app running at ${measured.url.href}?`
    };
  }
  const okPercent = run.ok2xx / run.total * 100;
  if (run.ok2xx >= MIN_SUCCESSES && okPercent >= params.minSuccess) return void 0;
  const codes = Object.entries(run.statusCounts).filter(([code]) => !code.startsWith("2")).map(([code, count]) => `${count}\xD7 ${code}`);
  const errors = run.errors > 0 ? [`${run.errors} connection errors`] : [];
  const what = [...codes, ...errors].join(", ") || "none";
  const top = topFailure(run);
  const serverFailed = top?.startsWith("5") || top === void 0 && run.timeouts > 0;
  return {
    status: serverFailed ? "fail" : "error",
    summary: `only ${run.ok2xx} of ${run.total} requests succeeded (${okPercent.toFixed(1)}% 2xx < ${params.minSuccess}%; ${what})${likelyCause(run, measured)}; ${serverFailed ? "the app fails under this load" : "nothing measured to judge"}`
  };
}
function underDriven(run) {
  if (run.answeredConnections < run.connections) {
    return {
      status: "error",
      summary: `only ${run.answeredConnections} of ${run.connections} connections got any answer (${rate(run)}): the run did not make the load it claims; not judged`
    };
  }
  if (run.generatorBusy >= GENERATOR_SATURATED && run.targetCpuCores !== void 0 && // No CPU at all: the PID is not the server (a `docker compose up` client), so nothing is known.
  run.targetCpuCores >= TARGET_SEEN_CORES && run.targetCpuCores < TARGET_IDLE_CORES) {
    return {
      status: "error",
      summary: `the load generator was the bottleneck (its event loop ${(run.generatorBusy * 100).toFixed(0)}% busy while the app used ${run.targetCpuCores.toFixed(2)} CPU cores): ${rate(run)} is shipgate's limit on this machine, not the app's; the load of ${run.connections} connections was not made; not judged`
    };
  }
  return void 0;
}
function redirectNote(measured) {
  return measured.redirects.length > 0 ? ` [${measured.redirects.join(", ")}: measured ${shortPath(measured.url)}, where the app sends visitors]` : "";
}
function judge(params, run, measured) {
  const details = statusBreakdown(run, measured);
  const metrics = metricsOf(run);
  const note = redirectNote(measured);
  const withNote = (outcome) => ({
    ...outcome,
    summary: `${outcome.summary}${note}`,
    details,
    metrics
  });
  const rateShare = failedShare(run);
  const errorNote = `error rate ${rateShare.toFixed(2)}%`;
  const unmeasured = nothingMeasured(params, run, measured);
  const errorRateUnmeasured = unmeasured?.status === "error" && run.ok2xx < MIN_SUCCESSES;
  if (unmeasured && (params.metric !== "error-rate" || errorRateUnmeasured)) return withNote(unmeasured);
  const short = underDriven(run);
  const notMade = (ok, outcome) => ok && short ? short : outcome;
  switch (params.metric) {
    case "users": {
      const ok = run.servedConnections >= run.connections;
      const summary = `${run.servedConnections}/${run.connections} concurrent connections got 2xx responses (${run.total} requests at ${rate(run)}, ${errorNote})`;
      return withNote(notMade(ok, { status: ok ? "pass" : "fail", summary }));
    }
    case "p95": {
      const max = params.max ?? 200;
      const ok = Number.isFinite(run.p95Ms) && run.p95Ms <= max;
      const summary = `p95 ${formatMs(run.p95Ms)} ms ${ok ? "\u2264" : ">"} ${max} ms over ${run.ok2xx} 2xx responses (${made(run)}, ${errorNote})`;
      return withNote(notMade(ok, { status: ok ? "pass" : "fail", summary }));
    }
    case "error-rate": {
      const max = params.max ?? 1;
      const ok = rateShare < max || rateShare === 0;
      const failed = run.errors + run.non2xx;
      const summary = `${errorNote} ${ok ? "<" : "\u2265"} ${max}% (${failed} of ${run.total} failed or non-2xx; ${made(run)})${ok ? "" : likelyCause(run, measured)}`;
      return withNote(notMade(ok, { status: ok ? "pass" : "fail", summary }));
    }
  }
}
function judgeLeak(params, soak, measured, pid) {
  const run = soak.load;
  const details = statusBreakdown(run, measured);
  const metrics = metricsOf(run);
  const note = redirectNote(measured);
  const unmeasured = nothingMeasured(params, run, measured);
  if (unmeasured) return { ...unmeasured, summary: `${unmeasured.summary}${note}`, details, metrics };
  if (soak.rss.length === 0) {
    return { status: "skipped", summary: `could not sample RSS of PID ${pid} from /proc`, details };
  }
  const phases = phaseRss(soak.rss, soak.phases);
  const verdict = judgeSoak(phases, params);
  const how = `${soak.phases.length} load phases of ${params.connections} connections, ${params.idle} s idle after each`;
  const soakDetails = `${details}
Soak: ${how}; per phase RSS at rest after it (lowest sample of its idle), and its range under load: ${phases.map((p) => `${(p.restBytes / 1048576).toFixed(0)} MB (${(p.lowBytes / 1048576).toFixed(0)}\u2013${(p.highBytes / 1048576).toFixed(0)})`).join(", ")}. The first phase is warm-up. A heuristic, not proof.`;
  if (verdict.verdict === "cannot-tell") {
    return {
      status: "skipped",
      summary: `this run cannot tell: ${verdict.reason}${note}`,
      details: soakDetails,
      metrics
    };
  }
  const leaking = verdict.verdict === "leak";
  return {
    status: leaking ? "fail" : "pass",
    summary: `${leaking ? "leak" : "no leak"}: ${verdict.reason} ${leaking ? ">" : "within"} ${params.leakMbPerMin} MB/min and ${params.leakPercent}% (${how})${note}`,
    details: soakDetails,
    metrics: {
      ...metrics,
      rssStartBytes: verdict.baselineBytes,
      rssEndBytes: verdict.lastBytes,
      rssMbPerMin: verdict.mbPerMin
    }
  };
}
var loadTestCheck = defineCheck({
  ...loadTestContract,
  async run(params, ctx) {
    const target = resolveTarget(ctx, params.path);
    if (!target.ok) return target.outcome;
    const pid = ctx.targetPid;
    if (params.metric === "memory-leak" && pid === void 0) {
      return { status: "skipped", summary: NO_PID_REASON };
    }
    let measured;
    try {
      measured = await ctx.memo(
        `load-test:url:${target.url.href}`,
        () => resolveMeasuredUrl(target.url, ctx.signal)
      );
    } catch (error) {
      return {
        status: "error",
        summary: `load test against ${target.url.href} not run: ${describeError(error)}`
      };
    }
    const { url } = measured;
    try {
      if (params.metric === "memory-leak") {
        if (pid === void 0) return { status: "skipped", summary: NO_PID_REASON };
        const loadSec = Math.max(1, params.duration / params.phases);
        const key2 = `load-test:soak:${url.href}:${params.connections}:${params.duration}:${params.phases}:${params.idle}:${params.warmup}`;
        const soak = await ctx.memo(key2, () => {
          ctx.log(
            `load test (soak): ${params.phases} phases of ${loadSec.toFixed(1)} s with ${params.connections} connections, ${params.idle} s idle after each, on ${shortPath(url)}`
          );
          return runSoak(
            {
              url,
              connections: params.connections,
              phaseSec: loadSec,
              warmupSec: params.warmup ?? loadSec,
              phases: params.phases,
              idleSec: params.idle,
              pid
            },
            ctx
          );
        });
        return judgeLeak(params, soak, measured, pid);
      }
      const key = `load-test:${url.href}:${params.connections}:${params.duration}`;
      const run = await ctx.memo(key, () => {
        ctx.log(`load test: ${params.connections} connections for ${params.duration} s on ${shortPath(url)}`);
        return runLoad({ url, connections: params.connections, durationSec: params.duration, pid }, ctx);
      });
      return judge({ ...params, metric: params.metric }, run, measured);
    } catch (error) {
      return { status: "error", summary: `load test against ${url.href} failed: ${describeError(error)}` };
    }
  }
});
export {
  loadTestCheck
};
