import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LaunchedChrome, launch } from 'chrome-launcher';
import { z } from 'zod';
import { headerValue, httpRequest } from '../http/http-request.js';
import { explainLoadError, type FailedLhr, type PageProbe } from './load-error.js';

/** Headless and sandbox-less (containers), with Chrome's own background traffic off. */
export const CHROME_FLAGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** No DNS for anything but loopback: Chromium otherwise queries Google hosts on every run (perf-tools.md §2). */
export const LOOPBACK_ONLY_RULE =
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1';

/**
 * Flags for one target. A loopback target (the served build dir, a locally started app) gets the
 * loopback-only resolver rule, so the run is hermetic. A remote target (staging URL) cannot: the rule
 * would also block its own host and its CDNs, turning every third-party asset into a console error.
 */
export function chromeFlagsFor(url: string): string[] {
  return isLoopback(url) ? [...CHROME_FLAGS, LOOPBACK_ONLY_RULE] : [...CHROME_FLAGS];
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface ConsoleError {
  source: string;
  description: string;
  url?: string;
  /** 1-based */
  line?: number;
}

/** Median of each metric over the runs; console errors are the union over runs. */
export interface LighthouseMeasurement {
  url: string;
  runs: number;
  lighthouseVersion: string;
  /** 0–1 */
  performance: number;
  lcpMs: number;
  cls: number;
  ttfbMs: number;
  maxPotentialFidMs: number;
  consoleErrors: ConsoleError[];
  /** Only other hosts than loopback were unresolvable (the hermetic rule for a local target). */
  loopbackOnly: boolean;
  /** The full LHRs (screenshots removed), kept only when lhci's assertion engine judges them. */
  lhrs?: unknown[];
}

/** A run Lighthouse ended with a runtime error (NO_FCP, ERRORED_DOCUMENT_REQUEST…). */
export class PageLoadError extends Error {
  constructor(readonly lhr: FailedLhr) {
    super(`Lighthouse could not measure the page: ${lhr.code} ${lhr.message}`);
  }
}

const numericAudit = z.object({ numericValue: z.number() });
const consoleAudit = z.object({
  details: z
    .object({
      items: z.array(
        z.object({
          source: z.string().optional(),
          description: z.string().optional(),
          sourceLocation: z.object({ url: z.string().optional(), line: z.number().optional() }).optional(),
        }),
      ),
    })
    .optional(),
});
/** The part of the Lighthouse result we read, validated so a changed LHR shape fails loudly. */
const lhrSchema = z.object({
  lighthouseVersion: z.string(),
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
  categories: z.object({ performance: z.object({ score: z.number().nullable() }) }),
  audits: z.object({
    'largest-contentful-paint': numericAudit,
    'cumulative-layout-shift': numericAudit,
    'server-response-time': numericAudit,
    'max-potential-fid': numericAudit,
    'errors-in-console': consoleAudit,
  }),
});
type ParsedLhr = z.infer<typeof lhrSchema>;

const failedHeader = z.object({
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
  requestedUrl: z.string().optional(),
  finalDisplayedUrl: z.string().optional(),
  runWarnings: z.array(z.string()).optional(),
});

function parseLhr(raw: unknown): ParsedLhr {
  const header = failedHeader.safeParse(raw).data;
  const runtimeError = header?.runtimeError;
  if (runtimeError)
    throw new PageLoadError({
      ...runtimeError,
      requestedUrl: header.requestedUrl,
      finalDisplayedUrl: header.finalDisplayedUrl,
      runWarnings: header.runWarnings,
    });
  const parsed = lhrSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`unexpected Lighthouse result: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.categories.performance.score === null)
    throw new Error('Lighthouse returned no performance score');
  return parsed.data;
}

/** Median (mean of the two middle values for even counts); lists here are never empty. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** Rejects as soon as `signal` aborts; the losing promise's rejection is swallowed. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => {});
  return new Promise<T>((ok, fail) => {
    const onAbort = () => fail(signal.reason ?? new Error('aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(ok, fail).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Lighthouse is heavy on 2 cores: one measurement at a time per shipgate process. */
let queue: Promise<unknown> = Promise.resolve();

export interface MeasureOptions {
  url: string;
  runs: number;
  chromePath: string;
  signal: AbortSignal;
  log(message: string): void;
  /** Lighthouse flags (a Lighthouse CI config's `collect.settings`). */
  flags?: Record<string, unknown>;
  /** A Lighthouse config preset, as lhci's `settings.preset`. */
  preset?: 'desktop' | 'perf' | 'experimental';
  /** Extra Chromium flags (lhci's `settings.chromeFlags`), after shipgate's own. */
  chromeFlags?: readonly string[];
  /** Keep every run's full LHR (all categories unless `flags` narrow them) for lhci's assertions. */
  full?: boolean;
}

/** Launches one headless Chromium (fresh profile), runs Lighthouse `runs` times, always kills Chrome. */
export function measureLighthouse(options: MeasureOptions): Promise<LighthouseMeasurement> {
  const next = queue.then(() => measureNow(options));
  queue = next.catch(() => {});
  return next;
}

const WORKER = fileURLToPath(new URL('./lighthouse-worker.mjs', import.meta.url));
const workerMessage = z.union([
  z.object({ lhr: z.unknown(), full: z.unknown().optional() }),
  z.object({ error: z.string() }),
]);

interface WorkerJob {
  url: string;
  port: number;
  runs: number;
  flags?: Record<string, unknown>;
  preset?: string;
  full?: boolean;
}

/** Forks lighthouse-worker.mjs against Chrome's debugging port and collects one LHR per run. */
function runWorker(job: WorkerJob, log: (message: string) => void) {
  const { url, runs } = job;
  const child = fork(WORKER, [JSON.stringify(job)], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const results = new Promise<{ parsed: ParsedLhr[]; full: unknown[] }>((ok, fail) => {
    const lhrs: ParsedLhr[] = [];
    const full: unknown[] = [];
    child.on('message', (raw: unknown) => {
      const message = workerMessage.safeParse(raw);
      if (!message.success) return fail(new Error('unexpected message from the Lighthouse worker'));
      if ('error' in message.data) return fail(new Error(`Lighthouse failed: ${message.data.error}`));
      try {
        lhrs.push(parseLhr(message.data.lhr));
      } catch (error) {
        return fail(error);
      }
      if (message.data.full !== undefined) full.push(message.data.full);
      log(`lighthouse: run ${lhrs.length}/${runs} done on ${url}`);
      if (lhrs.length === runs) ok({ parsed: lhrs, full });
    });
    child.on('error', fail);
    // `close` (not `exit`) fires after the IPC channel has delivered every message.
    child.on('close', (code, signal) =>
      fail(new Error(`Lighthouse worker exited (${signal ?? code}) before finishing: ${stderr.trim()}`)),
    );
  });
  return { results, kill: () => child.kill('SIGKILL') };
}

async function measureNow(options: MeasureOptions): Promise<LighthouseMeasurement> {
  try {
    return await measureOnce(options);
  } catch (error) {
    if (!(error instanceof PageLoadError) || options.signal.aborted) throw error;
    const probe = await probePage(error.lhr.requestedUrl ?? options.url, options.signal);
    const cause = explainLoadError(error.lhr, probe, isLoopback(options.url));
    throw new Error(`${error.message}${cause ? `\nLikely cause: ${cause}` : ''}`);
  }
}

const PROBE_TIMEOUT_MS = 5000;
const PROBE_MAX_BODY = 256 * 1024;

/** One GET of the page, redirects followed by hand (at most 5, loopback only for a local page). */
export async function probePage(url: string, signal: AbortSignal): Promise<PageProbe> {
  const hops: PageProbe['hops'] = [];
  let current = url;
  try {
    for (let hop = 0; hop < 6; hop++) {
      // node:http never follows a redirect, so every hop is seen; the body read is bounded
      const response = await httpRequest(new URL(current), {
        timeoutMs: PROBE_TIMEOUT_MS,
        signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
        maxBodyBytes: PROBE_MAX_BODY,
      });
      const location = headerValue(response.headers, 'location');
      hops.push({ url: current, status: response.status, location });
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, current).href;
        // Another host is not fetched for a local page: the browser could not reach it either.
        if (isLoopback(url) && !isLoopback(next)) return { hops };
        current = next;
        continue;
      }
      return { hops, contentType: headerValue(response.headers, 'content-type'), body: response.body };
    }
    return { hops };
  } catch (error) {
    return { hops, error: error instanceof Error ? error.message : String(error) };
  }
}

async function measureOnce({
  url,
  runs,
  chromePath,
  signal,
  log,
  flags,
  preset,
  chromeFlags,
  full,
}: MeasureOptions): Promise<LighthouseMeasurement> {
  signal.throwIfAborted();
  const userDataDir = mkdtempSync(join(tmpdir(), 'shipgate-chrome-'));
  let chrome: LaunchedChrome | undefined;
  let killWorker = () => {};
  const killAll = () => {
    killWorker();
    chrome?.kill();
  };
  signal.addEventListener('abort', killAll, { once: true });
  try {
    const launching = launch({
      chromePath,
      chromeFlags: [...chromeFlagsFor(url), ...(chromeFlags ?? [])],
      userDataDir,
      logLevel: 'silent',
      handleSIGINT: false,
    });
    // Chrome that finishes launching after an abort must still be killed.
    launching.then(
      (launched) => {
        chrome = launched;
        if (signal.aborted) launched.kill();
      },
      () => {},
    );
    const launched = await abortable(launching, signal);
    log(`lighthouse: ${runs} run(s) on ${url} (Chromium pid ${launched.pid})`);
    const worker = runWorker({ url, port: launched.port, runs, flags, preset, full }, log);
    killWorker = worker.kill;
    const { parsed, full: fullLhrs } = await abortable(worker.results, signal);
    return { ...summarize(url, parsed), ...(full ? { lhrs: fullLhrs } : {}) };
  } finally {
    signal.removeEventListener('abort', killAll);
    killAll();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => {});
  }
}

function summarize(url: string, results: ParsedLhr[]): LighthouseMeasurement {
  const loopbackOnly = isLoopback(url);
  const consoleErrors = new Map<string, ConsoleError>();
  for (const lhr of results) {
    for (const item of lhr.audits['errors-in-console'].details?.items ?? []) {
      const error: ConsoleError = {
        source: item.source ?? 'console',
        description: item.description ?? '(no message)',
        url: item.sourceLocation?.url,
        line: item.sourceLocation?.line === undefined ? undefined : item.sourceLocation.line + 1,
      };
      consoleErrors.set(`${error.source}|${error.description}|${error.url}|${error.line}`, error);
    }
  }
  const of = (pick: (lhr: ParsedLhr) => number) => median(results.map(pick));
  return {
    url,
    runs: results.length,
    lighthouseVersion: results[0]?.lighthouseVersion ?? 'unknown',
    performance: of((lhr) => lhr.categories.performance.score ?? 0),
    lcpMs: of((lhr) => lhr.audits['largest-contentful-paint'].numericValue),
    cls: of((lhr) => lhr.audits['cumulative-layout-shift'].numericValue),
    ttfbMs: of((lhr) => lhr.audits['server-response-time'].numericValue),
    maxPotentialFidMs: of((lhr) => lhr.audits['max-potential-fid'].numericValue),
    consoleErrors: [...consoleErrors.values()],
    loopbackOnly,
  };
}
