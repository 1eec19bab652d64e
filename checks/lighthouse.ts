import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../src/core/template/model.js';
import type { CheckContext, CheckOutcome } from './check.js';
import { defineCheck } from './check.js';
import { type LighthouseParams, lighthouseContract } from './contracts/lighthouse.js';
import { findBuildDir, missingBuildDirReason } from './lib/build/build-dir.js';
import { resolveTarget } from './lib/http/http-target.js';
import { badChromePath, CHROME_CANDIDATES, findChrome, NO_CHROME_REASON } from './lib/lighthouse/chrome.js';
import {
  type AuditMetric,
  explicitAssertion,
  lhciVerdict,
  METRIC_AUDIT,
} from './lib/lighthouse/lhci-assert.js';
import { type LhciConfig, loadLhciConfig } from './lib/lighthouse/lhci-config.js';
import { findLhciRc } from './lib/lighthouse/lhci-files.js';
import { type LighthouseMeasurement, measureLighthouse, probePage } from './lib/lighthouse/lighthouse-run.js';
import type { PageProbe } from './lib/lighthouse/load-error.js';
import { startStaticServer } from './lib/lighthouse/static-server.js';

type Metric = AuditMetric;

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

/** A console error that is a request to another host, unresolvable on purpose (loopback-only DNS). */
function blockedHost(measured: LighthouseMeasurement, error: LighthouseMeasurement['consoleErrors'][number]) {
  if (!measured.loopbackOnly || !/ERR_NAME_NOT_RESOLVED/.test(error.description) || !error.url)
    return undefined;
  const host = URL.canParse(error.url) ? new URL(error.url).hostname : undefined;
  return host && !/^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(host) ? host : undefined;
}

function blockedHosts(measured: LighthouseMeasurement): string[] {
  return [...new Set(measured.consoleErrors.flatMap((error) => blockedHost(measured, error) ?? []))];
}

function blockedNote(measured: LighthouseMeasurement): string {
  const hosts = blockedHosts(measured);
  return hosts.length === 0 ? '' : `; ${hosts.join(', ')} unreachable on this runner (not loaded)`;
}

function judge(metric: Metric, p: LighthouseParams, measured: LighthouseMeasurement): CheckOutcome {
  const blocked = blockedHosts(measured);
  const base = {
    details: `${detailsOf(measured)}${blocked.length > 0 ? `\nRequests to ${blocked.join(', ')} failed: only loopback resolves on this runner (hermetic local run), so those assets were not loaded.` : ''}`,
    metrics: metricsOf(measured),
  };
  const runs = `median of ${measured.runs} run${measured.runs === 1 ? '' : 's'}`;
  if (metric === 'performance') {
    const min = p.min === undefined ? DEFAULT_MIN_SCORE : p.min > 1 ? p.min / 100 : p.min;
    const score = Math.round(measured.performance * 100);
    const pass = measured.performance >= min;
    const summary = `Lighthouse performance ${score} ${pass ? '≥' : '<'} ${Math.round(min * 100)} (${runs}${blockedNote(measured)})`;
    return { status: pass ? 'pass' : 'fail', summary, ...base };
  }
  if (metric === 'console-errors') {
    const finding = (error: LighthouseMeasurement['consoleErrors'][number]) => ({
      message: `${error.source} at ${error.url ?? measured.url}${error.line ? `:${error.line}` : ''}: ${error.description}`,
    });
    // A request this runner blocks on purpose says nothing about the app: neither a pass nor a fail.
    const errors = measured.consoleErrors.filter((error) => !blockedHost(measured, error));
    const setAside = measured.consoleErrors.length - errors.length;
    const findings = errors.map(finding);
    if (errors.length === 0 && setAside > 0) {
      return {
        status: 'skipped',
        summary: `${setAside} console error(s) on ${measured.url}, all requests to ${blocked.join(', ')}, which this runner cannot reach (loopback-only DNS): not judged here; measure a staging URL (target.url)`,
        findings: measured.consoleErrors.map(finding),
        ...base,
      };
    }
    const aside =
      setAside > 0 ? `; ${setAside} more to ${blocked.join(', ')} not judged (unreachable here)` : '';
    const summary =
      errors.length === 0
        ? `0 console errors on ${measured.url} (${runs})`
        : `${errors.length} console error(s) on ${measured.url}, expected 0 (first: ${errors[0]?.description.slice(0, 80)})${aside}`;
    return { status: errors.length === 0 ? 'pass' : 'fail', summary, findings, ...base };
  }
  const max = p.max ?? DEFAULT_MAX[metric];
  const value = measuredValue(metric, measured);
  const { label, format } = LIMITED[metric];
  const pass = value <= max;
  const summary = `${label} ${format(value)} ${pass ? '≤' : '>'} ${format(max)} (${runs}${blockedNote(measured)})`;
  return { status: pass ? 'pass' : 'fail', summary, ...base };
}

/** One verdict over several URLs (a Lighthouse CI config's `collect.url`): the first failure, else the first. */
function judgeAll(
  metric: Metric,
  p: LighthouseParams,
  measured: readonly LighthouseMeasurement[],
  note: string,
): CheckOutcome {
  const outcomes = measured.map((one) => judge(metric, p, one));
  const worst =
    outcomes.find((o) => o.status === 'fail') ?? outcomes.find((o) => o.status === 'skipped') ?? outcomes[0];
  if (!worst) return { status: 'error', summary: 'no Lighthouse measurement' };
  const where = measured.length > 1 ? ` [${measured.length} URLs]` : '';
  const findings: Finding[] = outcomes.flatMap((o) => o.findings ?? []);
  return {
    ...worst,
    summary: `${worst.summary}${where}${note}`,
    details: outcomes.map((o) => o.details).join('\n\n'),
    ...(findings.length > 0 ? { findings } : {}),
  };
}

/** The item judged by the team's Lighthouse CI config, when that config names its audit; else undefined. */
function judgeByConfig(
  metric: LighthouseParams['metric'],
  config: LhciConfig | undefined,
  measured: readonly LighthouseMeasurement[],
): CheckOutcome | undefined {
  if (metric === 'lhci') {
    if (!config)
      return {
        status: 'skipped',
        summary: 'no Lighthouse CI config (lighthouserc.json, .lighthouserc.yml, …)',
      };
    if (!config.assert)
      return { status: 'skipped', summary: `${config.file} asserts nothing (no ci.assert)` };
  } else {
    const explicit = config && explicitAssertion(config, metric);
    if (!config || !explicit) return undefined;
    if (explicit.level === 'off')
      return { status: 'skipped', summary: `${config.file} turns ${explicit.key} off: not judged` };
  }
  const lhrs = measured.flatMap((one) => one.lhrs ?? []);
  const verdict = lhciVerdict(config, lhrs, metric === 'lhci' ? undefined : metric);
  const ignored = config.ignored.length > 0 ? `; not applied: ${config.ignored.join(', ')}` : '';
  return {
    status: verdict.status,
    summary: `${verdict.summary}${ignored}`,
    findings: verdict.findings,
    details: [
      `Judged by @lhci/utils' assertion engine (the one lhci assert runs) on ${lhrs.length} run(s) of ${measured.map((m) => m.url).join(', ')}.`,
      ...verdict.results.map(
        (r) =>
          `${r.passed ? 'pass' : r.level} ${r.auditProperty ? `${r.auditId}.${r.auditProperty}` : r.auditId} ${r.name}: ${r.actual} ${r.operator} ${r.expected}`,
      ),
    ].join('\n'),
    metrics: { assertions: verdict.results.length, failed: verdict.results.filter((r) => !r.passed).length },
  };
}

type Target = { url: string } | { dir: string } | { skip: string };

function pickTarget(ctx: CheckContext, path: string | undefined): Target {
  if (ctx.targetUrl) {
    const resolved = resolveTarget(ctx, path);
    return resolved.ok ? { url: resolved.url.href } : { skip: resolved.outcome.summary };
  }
  const buildDir = findBuildDir(ctx);
  if (!buildDir) return { skip: `no target URL and ${missingBuildDirReason(ctx)}` };
  if (!existsSync(join(buildDir, 'index.html')))
    return { skip: `no target URL and no index.html in ${buildDir}` };
  return { dir: buildDir };
}

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

/**
 * The content type of an answer that is no page (`application/json`), or undefined for a page or
 * an answer Lighthouse should meet itself (a redirect elsewhere, a failed GET, a 5xx, no type).
 */
export function notAPage(probe: PageProbe): string | undefined {
  const status = probe.hops.at(-1)?.status ?? 0;
  if (probe.error || status < 200 || status >= 500 || (status >= 300 && status < 400)) return undefined;
  const type = probe.contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type || type === 'text/html' || type === 'application/xhtml+xml') return undefined;
  return type;
}

export interface LighthouseCheckOptions {
  /** Where to look for Chromium after CHROME_PATH (injectable so tests can simulate a machine without it). */
  chromeCandidates?: readonly string[];
}

/** Builds the check; the exported `lighthouseCheck` uses the standard Chromium locations. */
export function createLighthouseCheck(options: LighthouseCheckOptions = {}) {
  return defineCheck({
    ...lighthouseContract,
    async run(p, ctx) {
      const badChrome = badChromePath(ctx.env);
      if (badChrome) return { status: 'error', summary: badChrome };
      const chromePath = findChrome(ctx.env, options.chromeCandidates ?? CHROME_CANDIDATES);
      if (!chromePath) return { status: 'skipped', summary: NO_CHROME_REASON };
      const target = pickTarget(ctx, p.path);
      if ('skip' in target) return { status: 'skipped', summary: target.skip };
      // The team's Lighthouse CI config: its URLs, runs, settings and assertions (lhci's own reader).
      const rcFile = findLhciRc(ctx.repoDir, ctx.env);
      let config: LhciConfig | undefined;
      try {
        config = rcFile ? loadLhciConfig(ctx.repoDir, rcFile) : undefined;
      } catch (error) {
        return { status: 'error', summary: (error as Error).message };
      }
      const runs = Math.min(9, p.runs ?? config?.numberOfRuns ?? 3);
      const full = config?.assert !== undefined;
      const measure = (url: string) =>
        measureLighthouse({
          url,
          runs,
          chromePath,
          signal: ctx.signal,
          log: (line) => ctx.log(line),
          flags: config?.flags,
          preset: config?.preset,
          chromeFlags: config?.chromeFlags,
          full,
        });
      const urlsOf = (base: string) =>
        config && config.paths.length > 0 ? config.paths.map((path) => new URL(path, base).href) : [base];
      // A target that serves no page (a JSON API) has nothing for a browser to audit: the items are
      // not applicable, which is not an error of the app (Lighthouse would end in NOT_HTML).
      let pageUrls: string[] | undefined;
      let notPages: string[] = [];
      if ('url' in target) {
        const urls = urlsOf(target.url);
        const probes = await ctx.memo(`lighthouse:pages:${urls.join(' ')}`, () =>
          Promise.all(urls.map(async (url) => ({ url, type: notAPage(await probePage(url, ctx.signal)) }))),
        );
        notPages = probes.flatMap((probe) =>
          probe.type ? [`GET ${pathOf(probe.url)} is ${probe.type}`] : [],
        );
        pageUrls = probes.filter((probe) => !probe.type).map((probe) => probe.url);
        if (pageUrls.length === 0) {
          return {
            status: 'skipped',
            summary: `${notPages.join('; ')}: there is no page to audit; point the item at a page or mark it N/A`,
          };
        }
      }
      const measureAll = async (base: string) => {
        const out: LighthouseMeasurement[] = [];
        for (const url of pageUrls ?? urlsOf(base)) out.push(await measure(url));
        return out;
      };
      // One measurement for every lighthouse item of the run (score, LCP, CLS, TTFB, FID, console).
      const where = 'url' in target ? target.url : `dir:${target.dir}`;
      const key = `lighthouse:${where}:${runs}:${config ? JSON.stringify([config.file, config.paths, config.flags, config.preset, full]) : ''}`;
      let measured: LighthouseMeasurement[];
      try {
        measured = await ctx.memo(key, async () => {
          if ('url' in target) return measureAll(target.url);
          const server = await startStaticServer(target.dir);
          try {
            return await measureAll(server.url);
          } finally {
            await server.close();
          }
        });
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        const cause = /\nLikely cause: (.*)/.exec(reason)?.[1];
        const first = reason.split('\n')[0] ?? reason;
        return {
          status: 'error',
          summary: cause
            ? `${first.replace(/^(Lighthouse could not measure the page: [A-Z_]+).*/, '$1')} — likely cause: ${cause}`
            : first,
          details: reason,
        };
      }
      const notAudited = notPages.length > 0 ? `; not audited: ${notPages.join('; ')} (no page)` : '';
      const byConfig = judgeByConfig(p.metric, config, measured);
      if (byConfig) return { ...byConfig, summary: `${byConfig.summary}${notAudited}` };
      const metric = p.metric as Metric; // 'lhci' is always judged by the config above
      const note = config ? ` — template limit: ${config.file} does not assert ${METRIC_AUDIT[metric]}` : '';
      return judgeAll(metric, p, measured, `${note}${notAudited}`);
    },
  });
}

export const lighthouseCheck = createLighthouseCheck();
