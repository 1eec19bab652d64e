/** One series: its labels and its samples as [unix seconds, value] (NaN and ±Inf kept). */
export interface Series {
  labels: Record<string, string>;
  samples: Array<[number, number]>;
}

/** Limits a reading must stay within (inclusive). */
export interface Limits {
  max?: number;
  min?: number;
}

export type Aggregate = 'max' | 'min' | 'avg' | 'last';

export type SampleVerdict =
  | { kind: 'no-data'; reason: string }
  | {
      kind: 'judged';
      pass: boolean;
      /** The reported figure: the aggregate over the judged samples. */
      value: number;
      samples: number;
      breaches: number;
      /** The worst reading (furthest past a limit, or closest to it). */
      worst: number;
      /** Unix seconds of the first breach, if any. */
      firstBreachAt?: number;
    };

export function withinLimits(value: number, limits: Limits): boolean {
  if (Number.isNaN(value)) return false;
  if (limits.max !== undefined && value > limits.max) return false;
  if (limits.min !== undefined && value < limits.min) return false;
  return true;
}

/**
 * Judges a query's answer like an Argo Rollouts analysis run: every timestamp is one measurement
 * (with several series, the worst of them at that time), NaN measurements count as no data, and the
 * run fails when more than `failureLimit` measurements breach the limits. Fewer than `minSamples`
 * measurements is no data, never a pass.
 */
export function judgeSamples(
  series: readonly Series[],
  limits: Limits,
  options: { failureLimit: number; minSamples: number; aggregate: Aggregate },
): SampleVerdict {
  if (series.length === 0) return { kind: 'no-data', reason: 'the query returned no series' };
  const worstOf = (a: number, b: number) => {
    if (limits.max !== undefined) return Math.max(a, b);
    return Math.min(a, b);
  };
  const byTime = new Map<number, number>();
  let nan = 0;
  for (const one of series) {
    for (const [at, value] of one.samples) {
      if (Number.isNaN(value)) {
        nan++;
        continue;
      }
      const seen = byTime.get(at);
      byTime.set(at, seen === undefined ? value : worstOf(seen, value));
    }
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  if (times.length === 0)
    return {
      kind: 'no-data',
      reason: `the query returned only NaN${nan > 1 ? ` (${nan} samples)` : ''}: no traffic to measure (0/0)?`,
    };
  if (times.length < options.minSamples)
    return {
      kind: 'no-data',
      reason: `${times.length} sample(s) in the window, ${options.minSamples} needed`,
    };
  const values = times.map((at) => byTime.get(at) as number);
  const breachesAt = times.filter((at) => !withinLimits(byTime.get(at) as number, limits));
  const worst = values.reduce(worstOf);
  const value =
    options.aggregate === 'max'
      ? Math.max(...values)
      : options.aggregate === 'min'
        ? Math.min(...values)
        : options.aggregate === 'avg'
          ? values.reduce((sum, v) => sum + v, 0) / values.length
          : (values.at(-1) as number);
  return {
    kind: 'judged',
    pass: breachesAt.length <= options.failureLimit,
    value,
    samples: values.length,
    breaches: breachesAt.length,
    worst,
    ...(breachesAt.length > 0 ? { firstBreachAt: breachesAt[0] } : {}),
  };
}

/** `5m` → 300 seconds. */
export function durationSeconds(duration: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  const n = Number(match[1]);
  const unit = match[2];
  const factor = unit === 'ms' ? 0.001 : unit === 's' ? 1 : unit === 'm' ? 60 : unit === 'h' ? 3600 : 86_400;
  return n * factor;
}

/** A reading with its unit: `3.2%`, `182 ms`, `1.4 GB`. */
export function formatReading(value: number, unit: string): string {
  if (!Number.isFinite(value))
    return `${value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN'}${unit ? ` ${unit}` : ''}`;
  if (unit === 'B') {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let v = value;
    let i = 0;
    while (Math.abs(v) >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return `${round(v)} ${units[i]}`;
  }
  const figure = round(value);
  return unit === '%' ? `${figure}%` : unit ? `${figure} ${unit}` : String(figure);
}

function round(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}
