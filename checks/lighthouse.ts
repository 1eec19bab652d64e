import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CheckContext, CheckOutcome } from './check.js';
import { defineCheck } from './check.js';
import { findBuildDir, missingBuildDirReason } from './lib/build/build-dir.js';
import { badChromePath, CHROME_CANDIDATES, findChrome, NO_CHROME_REASON } from './lib/lighthouse/chrome.js';
import { type LighthouseMeasurement, measureLighthouse } from './lib/lighthouse/lighthouse-run.js';
import { startStaticServer } from './lib/lighthouse/static-server.js';

type Metric = 'performance' | 'lcp' | 'cls' | 'ttfb' | 'fid' | 'console-errors';

const params = z.object({
  metric: z.enum(['performance', 'lcp', 'cls', 'ttfb', 'fid', 'console-errors']).default('performance'),
  /** Lighthouse runs; each metric is the median over them (mpfid/TBT are noisy on small runners). */
  runs: z.coerce.number().int().min(1).max(9).default(3),
  /** Performance score floor, 0–1 or 0–100 (default 0.90, the seed's "> 90"). */
  min: z.coerce.number().min(0).max(100).optional(),
  /** Ceiling for lcp/ttfb/fid (ms) or cls (unitless). */
  max: z.coerce.number().min(0).optional(),
});

/** Seed thresholds: LCP < 2.5 s, FID < 100 ms (lab: max-potential-FID), CLS < 0.1, TTFB < 600 ms. */
const DEFAULT_MAX: Record<'lcp' | 'cls' | 'ttfb' | 'fid', number> = {
  lcp: 2500,
  cls: 0.1,
  ttfb: 600,
  fid: 100,
};
const DEFAULT_MIN_SCORE = 0.9;

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(2))} s`;
}

const LIMITED: Record<'lcp' | 'cls' | 'ttfb' | 'fid', { label: string; format(value: number): string }> = {
  lcp: { label: 'LCP', format: formatMs },
  cls: { label: 'CLS', format: (value) => (Math.round(value * 1000) / 1000).toString() },
  ttfb: { label: 'TTFB (server-response-time)', format: formatMs },
  fid: { label: 'max-potential-FID (lab proxy for FID)', format: formatMs },
};

function measuredValue(metric: 'lcp' | 'cls' | 'ttfb' | 'fid', measured: LighthouseMeasurement): number {
  if (metric === 'lcp') return measured.lcpMs;
  if (metric === 'cls') return measured.cls;
  if (metric === 'ttfb') return measured.ttfbMs;
  return measured.maxPotentialFidMs;
}

function metricsOf(measured: LighthouseMeasurement): Record<string, number> {
  return {
    performance: Math.round(measured.performance * 100),
    lcpMs: measured.lcpMs,
    cls: measured.cls,
    ttfbMs: measured.ttfbMs,
    maxPotentialFidMs: measured.maxPotentialFidMs,
    consoleErrors: measured.consoleErrors.length,
    runs: measured.runs,
  };
}

function detailsOf(measured: LighthouseMeasurement): string {
  return [
    `Lighthouse ${measured.lighthouseVersion}, ${measured.url}, median of ${measured.runs} run(s) (mobile, simulated throttling)`,
    `performance ${Math.round(measured.performance * 100)}, LCP ${formatMs(measured.lcpMs)}, CLS ${LIMITED.cls.format(measured.cls)}, TTFB ${formatMs(measured.ttfbMs)}, max-potential-FID ${formatMs(measured.maxPotentialFidMs)}, console errors ${measured.consoleErrors.length}`,
  ].join('\n');
}

function judge(metric: Metric, p: z.infer<typeof params>, measured: LighthouseMeasurement): CheckOutcome {
  const base = { details: detailsOf(measured), metrics: metricsOf(measured) };
  const runs = `median of ${measured.runs} run${measured.runs === 1 ? '' : 's'}`;
  if (metric === 'performance') {
    const min = p.min === undefined ? DEFAULT_MIN_SCORE : p.min > 1 ? p.min / 100 : p.min;
    const score = Math.round(measured.performance * 100);
    const pass = measured.performance >= min;
    const summary = `Lighthouse performance ${score} ${pass ? '≥' : '<'} ${Math.round(min * 100)} (${runs})`;
    return { status: pass ? 'pass' : 'fail', summary, ...base };
  }
  if (metric === 'console-errors') {
    const errors = measured.consoleErrors;
    const findings = errors.map((error) => ({
      message: `${error.source} at ${error.url ?? measured.url}${error.line ? `:${error.line}` : ''}: ${error.description}`,
    }));
    const summary =
      errors.length === 0
        ? `0 console errors on ${measured.url} (${runs})`
        : `${errors.length} console error(s) on ${measured.url}, expected 0 (first: ${errors[0]?.description.slice(0, 80)})`;
    return { status: errors.length === 0 ? 'pass' : 'fail', summary, findings, ...base };
  }
  const max = p.max ?? DEFAULT_MAX[metric];
  const value = measuredValue(metric, measured);
  const { label, format } = LIMITED[metric];
  const pass = value <= max;
  const summary = `${label} ${format(value)} ${pass ? '≤' : '>'} ${format(max)} (${runs})`;
  return { status: pass ? 'pass' : 'fail', summary, ...base };
}

type Target = { url: string } | { dir: string } | { skip: string };

function pickTarget(ctx: CheckContext): Target {
  if (ctx.targetUrl) return { url: ctx.targetUrl };
  const buildDir = findBuildDir(ctx);
  if (!buildDir) return { skip: `no target URL and ${missingBuildDirReason(ctx)}` };
  if (!existsSync(join(buildDir, 'index.html')))
    return { skip: `no target URL and no index.html in ${buildDir}` };
  return { dir: buildDir };
}

export interface LighthouseCheckOptions {
  /** Where to look for Chromium after CHROME_PATH (injectable so tests can simulate a machine without it). */
  chromeCandidates?: readonly string[];
}

/** Builds the check; the exported `lighthouseCheck` uses the standard Chromium locations. */
export function createLighthouseCheck(options: LighthouseCheckOptions = {}) {
  return defineCheck({
    id: 'lighthouse',
    proves:
      'Lighthouse (mobile, simulated throttling; median of `runs`) on target.url, else on the browser build served locally: the performance score ≥ `min`, or LCP/CLS/TTFB/max-potential-FID ≤ `max`, or no console errors. `CHROME_PATH` set but not executable is an error; no Chromium is `skipped`. Lab figures: does not prove field (real-user) performance.',
    usesTarget: true,
    title: 'Lighthouse performance budgets (Chromium)',
    exclusive: true,
    params,
    async run(p, ctx) {
      const badChrome = badChromePath(ctx.env);
      if (badChrome) return { status: 'error', summary: badChrome };
      const chromePath = findChrome(ctx.env, options.chromeCandidates ?? CHROME_CANDIDATES);
      if (!chromePath) return { status: 'skipped', summary: NO_CHROME_REASON };
      const target = pickTarget(ctx);
      if ('skip' in target) return { status: 'skipped', summary: target.skip };
      const measure = (url: string) =>
        measureLighthouse({
          url,
          runs: p.runs,
          chromePath,
          signal: ctx.signal,
          log: (line) => ctx.log(line),
        });
      // One measurement for every lighthouse item of the run (score, LCP, CLS, TTFB, FID, console).
      const key =
        'url' in target ? `lighthouse:${target.url}:${p.runs}` : `lighthouse:dir:${target.dir}:${p.runs}`;
      let measured: LighthouseMeasurement;
      try {
        measured = await ctx.memo(key, async () => {
          if ('url' in target) return measure(target.url);
          const server = await startStaticServer(target.dir);
          try {
            return await measure(server.url);
          } finally {
            await server.close();
          }
        });
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        return { status: 'error', summary: reason.split('\n')[0] ?? reason, details: reason };
      }
      return judge(p.metric, p, measured);
    },
  });
}

export const lighthouseCheck = createLighthouseCheck();
