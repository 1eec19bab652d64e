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

/** A process and its descendants (breadth first, bounded to 64): `target.start` may run through a shell. */
export function treePids(rootPid: number): number[] {
  const queue = [rootPid];
  const pids: number[] = [];
  while (queue.length > 0 && pids.length < 64) {
    const pid = queue.shift() as number;
    pids.push(pid);
    queue.push(...childPids(pid));
  }
  return pids;
}

/**
 * RSS of a process plus its descendants: `target.start` may be run through a shell (`sh -c "node …"`),
 * so the PID shipgate knows can be a wrapper whose child is the real server. Bounded to 64 processes.
 */
export function treeRss(rootPid: number): number | undefined {
  let total = 0;
  let found = false;
  for (const pid of treePids(rootPid)) {
    const rss = readVmRss(pid);
    if (rss !== undefined) {
      total += rss;
      found = true;
    }
  }
  return found ? total : undefined;
}

/** Samples `treeRss(pid)` every `intervalMs` until stopped; `now()` is the sampler's clock (ms since start). */
export function startRssSampler(pid: number, intervalMs = 200): { stop(): RssSample[]; now(): number } {
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
    now: () => Date.now() - started,
  };
}

/** One load phase of a soak run and the idle after it, in ms since the sampler started. */
export interface SoakPhase {
  loadStartMs: number;
  loadEndMs: number;
  idleEndMs: number;
}

/** RSS of one phase: at rest after it (the lowest sample of its idle), its floor and peak overall. */
export interface PhaseRss {
  /** The lowest sample of the idle after the load: what the phase left behind once the collector ran. */
  restBytes: number;
  lowBytes: number;
  highBytes: number;
  /** Seconds of load in the phase. */
  loadSec: number;
}

/** Per phase, RSS at rest after it, its floor and peak (a phase without idle samples is left out). */
export function phaseRss(samples: readonly RssSample[], phases: readonly SoakPhase[]): PhaseRss[] {
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
        loadSec: (phase.loadEndMs - phase.loadStartMs) / 1000,
      },
    ];
  });
}

export interface LeakLimits {
  /** Growth (MB per minute of load) that counts as a leak … */
  leakMbPerMin: number;
  /** … when the rise over the judged phases is also at least this percentage of the baseline. */
  leakPercent: number;
}

export type SoakVerdict =
  | { verdict: 'leak' | 'within'; baselineBytes: number; lastBytes: number; mbPerMin: number; reason: string }
  | { verdict: 'cannot-tell'; reason: string };

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(0);

/**
 * Judges a leak the way soak tests do: several load phases separated by idle, compared at the same
 * point of each phase — RSS at rest after it (the lowest sample of its idle, once the collector ran).
 * The first phase is warm-up (JIT, pools, V8 sizing its heap: 123 → 148 MB in seconds is no leak) and
 * is not compared; RSS at rest after the second is the baseline. A leak raises it after every later
 * phase, in all by at least `leakPercent`% of the baseline and at `leakMbPerMin` per minute of load;
 * a saw-tooth under load (145–211 MB, the same level at rest) does not. RSS at rest that rises a
 * little after every phase, or goes up and down, is something this run cannot tell: said so, never
 * read as a pass or a leak.
 */
export function judgeSoak(phases: readonly PhaseRss[], limits: LeakLimits): SoakVerdict {
  if (phases.length < 3) {
    return {
      verdict: 'cannot-tell',
      reason: `only ${phases.length} load phase(s) with RSS samples; a warm-up, a baseline and at least one compared phase are needed`,
    };
  }
  const [, base, ...judged] = phases as [PhaseRss, PhaseRss, ...PhaseRss[]];
  const baselineBytes = base.restBytes;
  const rests = judged.map((phase) => phase.restBytes);
  const lastBytes = rests[rests.length - 1] ?? baselineBytes;
  const noise = Math.max(1 * MB, baselineBytes * 0.01);
  const steps = rests.map((rest, index) => rest - (index === 0 ? baselineBytes : (rests[index - 1] ?? 0)));
  const rising = steps.every((step) => step > noise);
  const rise = lastBytes - baselineBytes;
  const loadMinutes = judged.reduce((sum, phase) => sum + phase.loadSec, 0) / 60;
  const mbPerMin = rise / MB / Math.max(loadMinutes, 1 / 60);
  const big = rise >= baselineBytes * (limits.leakPercent / 100);
  const fast = mbPerMin >= limits.leakMbPerMin;
  // The troughs under load (each phase's lowest sample) rise with retained memory too; a saw-tooth
  // that happened to stop higher each time keeps them level.
  const lows = judged.map((phase) => phase.lowBytes);
  const lowSteps = lows.map((low, index) => low - (index === 0 ? base.lowBytes : (lows[index - 1] ?? 0)));
  const lowsRising = lowSteps.every((step) => step > noise);
  const lowRise = (lows[lows.length - 1] ?? base.lowBytes) - base.lowBytes;
  const path = [baselineBytes, ...rests].map(mb).join(' → ');
  const trace = `RSS at rest after each phase past the warm-up ${path} MB`;
  if (rising && big && fast && lowsRising) {
    return {
      verdict: 'leak',
      baselineBytes,
      lastBytes,
      mbPerMin,
      reason: `${trace}: rose in every phase, +${mb(rise)} MB (${((rise / baselineBytes) * 100).toFixed(0)}%, ${mbPerMin.toFixed(1)} MB/min of load)`,
    };
  }
  if (!rising && !big) {
    return {
      verdict: 'within',
      baselineBytes,
      lastBytes,
      mbPerMin,
      reason: `${trace}: no phase-over-phase growth (net ${rise >= 0 ? '+' : ''}${mb(rise)} MB)`,
    };
  }
  if (!lowsRising && lowRise < baselineBytes * (limits.leakPercent / 100)) {
    return {
      verdict: 'within',
      baselineBytes,
      lastBytes,
      mbPerMin,
      reason: `${trace}, but the troughs under load stayed level (${[base.lowBytes, ...lows].map(mb).join(' → ')} MB): a saw-tooth, no retained growth`,
    };
  }
  return {
    verdict: 'cannot-tell',
    reason: rising
      ? `${trace}: rose in every phase, +${mb(rise)} MB in all (${((rise / baselineBytes) * 100).toFixed(1)}%, ${mbPerMin.toFixed(1)} MB/min); a leak needs ≥ ${limits.leakPercent}% and ≥ ${limits.leakMbPerMin} MB/min: raise duration or phases`
      : `${trace}: up ${mb(rise)} MB overall but not in every phase, no steady trend: raise duration or phases`,
  };
}
