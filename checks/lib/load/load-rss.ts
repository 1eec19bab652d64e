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
  startBytes: number;
  endBytes: number;
  /** Robust (Theil–Sen) slope over the second half of the run, in MB per minute. */
  mbPerMin: number;
  samples: number;
}

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
  slopes.sort((x, y) => x - y);
  const mid = slopes.length / 2;
  if (slopes.length === 0) return 0;
  return slopes.length % 2
    ? (slopes[Math.floor(mid)] ?? 0)
    : ((slopes[mid - 1] ?? 0) + (slopes[mid] ?? 0)) / 2;
}

/**
 * Trend of the second half of the samples. The first half is warm-up (JIT, pools, V8 growing its heap),
 * and V8 grows RSS in steps (measured on the example app: 56 → 75 MB in the first seconds of load, then
 * flat), so the slope is the Theil–Sen median of pairwise slopes: a step moves it little, while a leak
 * (memory retained per request) grows steadily and sets it.
 */
export function secondHalfTrend(samples: readonly RssSample[]): RssTrend | undefined {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || samples.length < 4) return undefined;
  const midMs = (first.atMs + last.atMs) / 2;
  // At most 200 points (≈20k pairs), evenly thinned.
  const tail = samples.filter((s) => s.atMs >= midMs);
  const stride = Math.ceil(tail.length / 200);
  const points = tail.filter((_, index) => index % stride === 0);
  if (points.length < 2) return undefined;
  const bytesPerMs = theilSenSlope(points);
  return {
    startBytes: first.bytes,
    endBytes: last.bytes,
    mbPerMin: (bytesPerMs * 60_000) / (1024 * 1024),
    samples: points.length,
  };
}
