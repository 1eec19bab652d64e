import { readFileSync } from 'node:fs';

/** One RSS sample: ms since the run started, resident set size in bytes. */
export interface RssSample {
  atMs: number;
  bytes: number;
}

function readVmRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function childPids(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return text.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * RSS of a process plus its descendants: `target.start` may be run through a shell (`sh -c "node …"`),
 * so the PID shipgate knows can be a wrapper whose child is the real server. Bounded to 64 processes.
 */
export function treeRss(rootPid: number): number | undefined {
  const queue = [rootPid];
  let total = 0;
  let found = false;
  for (let seen = 0; queue.length > 0 && seen < 64; seen++) {
    const pid = queue.shift() as number;
    const rss = readVmRss(pid);
    if (rss !== undefined) {
      total += rss;
      found = true;
    }
    queue.push(...childPids(pid));
  }
  return found ? total : undefined;
}

/** Samples `treeRss(pid)` every `intervalMs` until stopped. */
export function startRssSampler(pid: number, intervalMs = 200): { stop(): RssSample[] } {
  const started = Date.now();
  const samples: RssSample[] = [];
  const take = () => {
    const bytes = treeRss(pid);
    if (bytes !== undefined) samples.push({ atMs: Date.now() - started, bytes });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

export interface RssTrend {
  /** RSS when the measured window (after the warm-up) starts and ends (medians of its first/last third). */
  startBytes: number;
  endBytes: number;
  /** Robust (Theil–Sen) slope over the window after the warm-up, in MB per minute. */
  mbPerMin: number;
  /** Whether each third of the window sits higher than the one before (a leak grows all along). */
  rising: boolean;
  samples: number;
  windowMs: number;
  warmupMs: number;
}

export interface TrendOptions {
  /** Samples before this (ms since start) are warm-up: JIT, pools, V8 growing its heap. */
  warmupMs: number;
  /** Fewer samples after the warm-up than this is not a trend. */
  minSamples: number;
  /** A window shorter than this is not a trend either. */
  minWindowMs: number;
}

/** A trend, or why the samples cannot give one (the check reports `skipped` with it). */
export type TrendResult = { ok: true; trend: RssTrend } | { ok: false; reason: string };

/** Median of pairwise slopes: one-off steps barely move it, steady growth sets it. */
function theilSenSlope(points: readonly RssSample[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i] as RssSample;
      const b = points[j] as RssSample;
      if (b.atMs !== a.atMs) slopes.push((b.bytes - a.bytes) / (b.atMs - a.atMs));
    }
  }
  return median(slopes);
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(mid)] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * RSS trend after the warm-up. V8 grows RSS in steps (measured on the example app: 56 → 75 MB in
 * the first seconds of load, then flat), so the slope is the Theil–Sen median of pairwise slopes, and
 * a leak must also rise through every third of the window: a step moves neither much, memory
 * retained per request does both.
 */
export function memoryTrend(samples: readonly RssSample[], options: TrendOptions): TrendResult {
  const window = samples.filter((sample) => sample.atMs >= options.warmupMs);
  const first = window[0];
  const last = window[window.length - 1];
  const windowMs = first && last ? last.atMs - first.atMs : 0;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  if (window.length < options.minSamples || windowMs < options.minWindowMs) {
    return {
      ok: false,
      reason: `too few RSS samples after a ${seconds(options.warmupMs)} s warm-up (${window.length} over ${seconds(windowMs)} s; need ${options.minSamples} over ${seconds(options.minWindowMs)} s): raise duration`,
    };
  }
  // At most 200 points (≈20k pairs), evenly thinned.
  const stride = Math.ceil(window.length / 200);
  const points = window.filter((_, index) => index % stride === 0);
  const third = Math.floor(window.length / 3);
  const medians = [0, 1, 2].map((k) =>
    median(window.slice(k * third, k === 2 ? window.length : (k + 1) * third).map((s) => s.bytes)),
  );
  const [a = 0, b = 0, c = 0] = medians;
  const bytesPerMs = theilSenSlope(points);
  return {
    ok: true,
    trend: {
      startBytes: a,
      endBytes: c,
      mbPerMin: (bytesPerMs * 60_000) / (1024 * 1024),
      rising: a < b && b < c,
      samples: window.length,
      windowMs,
      warmupMs: options.warmupMs,
    },
  };
}

/** How a trend reads against the leak limits. */
export type TrendVerdict = 'within' | 'step' | 'too-little' | 'leak';

/**
 * A leak is growth faster than `leakMbPerMin` and than `leakPercent`% of the RSS per minute,
 * rising through every third of the window, AND a rise within the window of at least
 * `leakPercent`% of the RSS. Without the last, a 10 s run reads ordinary heap growth as a leak
 * (measured on `serve` behind a Vite SPA: 258 → 268 MB in 7 s, 92 MB/min, a pass on the next run):
 * so little growth in so short a run cannot tell the two apart, and says so instead of failing.
 */
export function judgeTrend(
  trend: RssTrend,
  limits: { leakMbPerMin: number; leakPercent: number },
): TrendVerdict {
  const startMb = trend.startBytes / (1024 * 1024);
  const fast = trend.mbPerMin > limits.leakMbPerMin && trend.mbPerMin > startMb * (limits.leakPercent / 100);
  if (!fast) return 'within';
  if (!trend.rising) return 'step';
  const rise = trend.endBytes - trend.startBytes;
  return rise < trend.startBytes * (limits.leakPercent / 100) ? 'too-little' : 'leak';
}
