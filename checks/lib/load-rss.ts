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
  /** Least-squares slope over the second half of the run, in MB per minute. */
  mbPerMin: number;
  samples: number;
}

/**
 * Fits a line through the second half of the samples: the first half is warm-up (JIT, buffers, pools
 * growing to their working size), so only growth that continues after it counts as a leak signal.
 */
export function secondHalfTrend(samples: readonly RssSample[]): RssTrend | undefined {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || samples.length < 4) return undefined;
  const midMs = (first.atMs + last.atMs) / 2;
  const tail = samples.filter((s) => s.atMs >= midMs);
  if (tail.length < 2) return undefined;
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
    mbPerMin: (bytesPerMs * 60_000) / (1024 * 1024),
    samples: tail.length,
  };
}
