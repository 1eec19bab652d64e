/**
 * Judging a canary the way Argo Rollouts, Kayenta and Keptn do: every sample of the new release
 * against absolute limits and against the baseline's sample at the same time (relative limits), with
 * three outcomes. `fail` when too many samples breach (`failureLimit`) or too many in a row
 * (`consecutiveFailureLimit`); `inconclusive` when the samples cannot say (too few, no baseline
 * series) or the readings sit between a limit and its `warn…` limit; `pass` otherwise. Inconclusive
 * never passes: a person decides. Plain samples in, an outcome out.
 */
import { type Aggregate, formatReading, type Limits, type Series } from './judge-samples.js';

/** Absolute limits, their warn limits, and limits relative to the baseline (inclusive). */
export interface CanaryLimits extends Limits {
  /** Beyond `max` but ≤ `warnMax`: inconclusive rather than a failure. */
  warnMax?: number;
  /** Below `min` but ≥ `warnMin`: inconclusive rather than a failure. */
  warnMin?: number;
  /** Largest increase over the baseline, as a fraction (`maxIncrease=10%` → 0.1). */
  maxIncrease?: number;
  warnIncrease?: number;
  /** Largest canary / baseline ratio (`maxRatio=1.2`). */
  maxRatio?: number;
  warnRatio?: number;
}

export interface CanaryOptions {
  /** Breaching samples tolerated. Default 0, or unlimited when only `consecutiveFailureLimit` is set. */
  failureLimit?: number;
  /** Breaching samples in a row tolerated (Argo users' ask, argo-rollouts#4792). */
  consecutiveFailureLimit?: number;
  minSamples: number;
  aggregate: Aggregate;
}

export type CanaryOutcome = 'pass' | 'fail' | 'inconclusive';

/** One sample: the canary's value, the baseline's at the same time, and how it was judged. */
export interface CanarySample {
  at: number;
  value: number;
  baseline?: number;
  /** `(value - baseline) / |baseline|`; ±Infinity when the baseline is 0 and the value is not. */
  increase?: number;
  class: 'ok' | 'warn' | 'breach';
  /** What it crossed, e.g. `> +10%` or `> 200 ms` (empty for `ok`), and which kind of limit. */
  crossed: string;
  kind?: 'absolute' | 'increase' | 'ratio';
}

export interface CanaryVerdict {
  outcome: CanaryOutcome;
  /** Why it is inconclusive or failed, in words. */
  reason: string;
  samples: number;
  breaches: number;
  warnings: number;
  /** The longest run of breaching samples. */
  longestRun: number;
  /** The aggregate over the canary samples, and over the baseline's. */
  value?: number;
  baselineValue?: number;
  /** The furthest reading of the canary (largest under `max`, smallest under `min` only). */
  peak?: number;
  /** The sample that decided (first breach, else first warning, else the worst one). */
  worst?: CanarySample;
  firstBreachAt?: number;
}

export function hasRelativeLimits(limits: CanaryLimits): boolean {
  return limits.maxIncrease !== undefined || limits.maxRatio !== undefined;
}

/** Values at each time (the worst series at that time), NaN dropped. */
function byTime(series: readonly Series[], worstOf: (a: number, b: number) => number): Map<number, number> {
  const out = new Map<number, number>();
  for (const one of series)
    for (const [at, value] of one.samples) {
      if (Number.isNaN(value)) continue;
      const seen = out.get(at);
      out.set(at, seen === undefined ? value : worstOf(seen, value));
    }
  return out;
}

function increaseOf(value: number, baseline: number): number {
  if (baseline === 0)
    return value === 0 ? 0 : value > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return (value - baseline) / Math.abs(baseline);
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞%' : '-∞%';
  const percent = fraction * 100;
  const rounded = Math.abs(percent) >= 10 ? Math.round(percent) : Number(percent.toFixed(1));
  return `${rounded >= 0 ? '+' : ''}${rounded}%`;
}

function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${Number(ratio.toFixed(2))}×` : '∞×';
}

/** Worst class of one sample against every limit: a breach beats a warning beats ok. */
function classify(
  value: number,
  baseline: number | undefined,
  limits: CanaryLimits,
  unit: string,
): Pick<CanarySample, 'class' | 'crossed' | 'increase' | 'kind'> {
  type Kind = NonNullable<CanarySample['kind']>;
  const found: Array<{ class: 'warn' | 'breach'; crossed: string; kind: Kind }> = [];
  const check = (over: boolean, warnOk: boolean | undefined, crossed: string, kind: Kind = 'absolute') => {
    if (!over) return;
    found.push({ class: warnOk ? 'warn' : 'breach', crossed, kind });
  };
  if (limits.max !== undefined)
    check(
      value > limits.max,
      limits.warnMax !== undefined && value <= limits.warnMax,
      `> ${formatReading(limits.max, unit)}`,
    );
  if (limits.min !== undefined)
    check(
      value < limits.min,
      limits.warnMin !== undefined && value >= limits.warnMin,
      `< ${formatReading(limits.min, unit)}`,
    );
  let increase: number | undefined;
  if (baseline !== undefined) {
    increase = increaseOf(value, baseline);
    if (limits.maxIncrease !== undefined)
      check(
        increase > limits.maxIncrease,
        limits.warnIncrease !== undefined && increase <= limits.warnIncrease,
        `> ${formatPercent(limits.maxIncrease)}`,
        'increase',
      );
    if (limits.maxRatio !== undefined) {
      const ratio = baseline === 0 ? (value === 0 ? 1 : Number.POSITIVE_INFINITY) : value / baseline;
      check(
        ratio > limits.maxRatio,
        limits.warnRatio !== undefined && ratio <= limits.warnRatio,
        `${formatRatio(ratio)} > ${formatRatio(limits.maxRatio)}`,
        'ratio',
      );
    }
  }
  const breach = found.find((one) => one.class === 'breach');
  const pick = breach ?? found[0];
  return {
    class: pick?.class ?? 'ok',
    crossed: pick?.crossed ?? '',
    ...(pick ? { kind: pick.kind } : {}),
    ...(increase !== undefined ? { increase } : {}),
  };
}

function aggregateOf(values: readonly number[], aggregate: Aggregate): number | undefined {
  if (values.length === 0) return undefined;
  switch (aggregate) {
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'avg':
      return values.reduce((sum, v) => sum + v, 0) / values.length;
    case 'last':
      return values.at(-1);
  }
}

function longestRun(samples: readonly CanarySample[], counts: (sample: CanarySample) => boolean): number {
  let longest = 0;
  let run = 0;
  for (const sample of samples) {
    run = counts(sample) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * The verdict on the canary's samples (`canary`) against `limits`, with the baseline's samples
 * (`baseline`: undefined when no baseline was asked for). Relative limits compare samples at the
 * same time; a canary sample with no baseline sample at its time is left out of the judging.
 */
export function judgeCanary(
  canary: readonly Series[],
  baseline: readonly Series[] | undefined,
  limits: CanaryLimits,
  options: CanaryOptions & { unit?: string },
): CanaryVerdict {
  const unit = options.unit ?? '';
  const empty = { samples: 0, breaches: 0, warnings: 0, longestRun: 0 };
  const inconclusive = (reason: string, extra: Partial<CanaryVerdict> = {}): CanaryVerdict => ({
    outcome: 'inconclusive',
    reason,
    ...empty,
    ...extra,
  });
  if (canary.length === 0) return inconclusive('the query returned no series');
  const relative = hasRelativeLimits(limits);
  if (relative && (!baseline || baseline.length === 0))
    return inconclusive('no baseline series to compare with');
  const lowerIsBetter = limits.max !== undefined || relative || limits.min === undefined;
  const worstOf = (a: number, b: number) => (lowerIsBetter ? Math.max(a, b) : Math.min(a, b));
  const values = byTime(canary, worstOf);
  const baselineValues = baseline ? byTime(baseline, worstOf) : new Map<number, number>();
  const times = [...values.keys()].filter((at) => !relative || baselineValues.has(at)).sort((a, b) => a - b);
  if (times.length === 0)
    return inconclusive(
      relative && values.size > 0
        ? 'no baseline sample at the times of the canary’s'
        : 'the query returned only NaN: no traffic to measure (0/0)?',
    );
  if (times.length < options.minSamples)
    return inconclusive(
      `${times.length} sample(s)${relative ? ' with a baseline' : ''} in the window, ${options.minSamples} needed`,
      { samples: times.length },
    );
  const samples: CanarySample[] = times.map((at) => {
    const value = values.get(at) as number;
    const base = relative || baseline ? baselineValues.get(at) : undefined;
    return {
      at,
      value,
      ...(base !== undefined ? { baseline: base } : {}),
      ...classify(value, base, limits, unit),
    };
  });
  const breaches = samples.filter((sample) => sample.class === 'breach');
  const warnings = samples.filter((sample) => sample.class === 'warn');
  const breachRun = longestRun(samples, (sample) => sample.class === 'breach');
  const notOkRun = longestRun(samples, (sample) => sample.class !== 'ok');
  const consecutive = options.consecutiveFailureLimit;
  const failureLimit = options.failureLimit ?? (consecutive !== undefined ? Number.POSITIVE_INFINITY : 0);
  const tooMany = (count: number, run: number) =>
    count > failureLimit || (consecutive !== undefined && run > consecutive);
  const decided = breaches[0] ?? warnings[0];
  const worst =
    decided ??
    samples.reduce((a, b) =>
      (a.increase ?? 0) !== (b.increase ?? 0)
        ? (a.increase ?? 0) >= (b.increase ?? 0)
          ? a
          : b
        : worstOf(a.value, b.value) === a.value
          ? a
          : b,
    );
  const base = {
    samples: samples.length,
    breaches: breaches.length,
    warnings: warnings.length,
    longestRun: breachRun,
    ...(() => {
      const value = aggregateOf(
        samples.map((sample) => sample.value),
        options.aggregate,
      );
      return value !== undefined ? { value } : {};
    })(),
    ...(() => {
      const value = aggregateOf(
        samples.flatMap((sample) => (sample.baseline !== undefined ? [sample.baseline] : [])),
        options.aggregate,
      );
      return value !== undefined ? { baselineValue: value } : {};
    })(),
    worst,
    peak: samples.map((sample) => sample.value).reduce(worstOf),
    ...(breaches[0] ? { firstBreachAt: breaches[0].at } : {}),
  };
  const limitWords = () =>
    consecutive !== undefined && options.failureLimit === undefined
      ? `${consecutive} in a row tolerated`
      : `${failureLimit} tolerated${consecutive !== undefined ? `, ${consecutive} in a row` : ''}`;
  if (tooMany(breaches.length, breachRun))
    return {
      outcome: 'fail',
      reason: `${breaches.length} of ${samples.length} samples out of limits${breachRun > 1 ? ` (${breachRun} in a row)` : ''}, ${limitWords()}`,
      ...base,
    };
  if (tooMany(breaches.length + warnings.length, notOkRun))
    return {
      outcome: 'inconclusive',
      reason: `${warnings.length} of ${samples.length} samples between a limit and its warn limit`,
      ...base,
    };
  return {
    outcome: 'pass',
    reason:
      breaches.length + warnings.length > 0
        ? `${breaches.length + warnings.length} sample(s) out of limits, ${limitWords()}`
        : '',
    ...base,
  };
}

/**
 * One sample in words, both sides shown: `p95 190 ms vs baseline 40 ms: +375% > +10%`, or
 * `p95 190 ms > 200 ms` for an absolute limit.
 */
export function describeSample(label: string, sample: CanarySample, unit: string): string {
  const value = `${label} ${formatReading(sample.value, unit)}`;
  if (sample.baseline === undefined) return sample.crossed ? `${value} ${sample.crossed}` : value;
  const baseline = `baseline ${formatReading(sample.baseline, unit)}`;
  const increase = formatPercent(sample.increase ?? 0);
  switch (sample.kind) {
    case 'increase':
      return `${value} vs ${baseline}: ${increase} ${sample.crossed}`;
    case 'ratio':
      return `${value} vs ${baseline}: ${sample.crossed}`;
    case 'absolute':
      return `${value} ${sample.crossed} (vs ${baseline}: ${increase})`;
    default:
      return `${value} vs ${baseline}: ${increase}`;
  }
}

/** The limits in words: `≤ 200 ms, ≤ +10% vs baseline, warn ≤ 300 ms`. */
export function describeLimits(limits: CanaryLimits, unit: string): string {
  const parts: string[] = [];
  if (limits.min !== undefined) parts.push(`≥ ${formatReading(limits.min, unit)}`);
  if (limits.max !== undefined) parts.push(`≤ ${formatReading(limits.max, unit)}`);
  if (limits.maxIncrease !== undefined) parts.push(`≤ ${formatPercent(limits.maxIncrease)} vs baseline`);
  if (limits.maxRatio !== undefined) parts.push(`≤ ${formatRatio(limits.maxRatio)} baseline`);
  const warn: string[] = [];
  if (limits.warnMin !== undefined) warn.push(`≥ ${formatReading(limits.warnMin, unit)}`);
  if (limits.warnMax !== undefined) warn.push(`≤ ${formatReading(limits.warnMax, unit)}`);
  if (limits.warnIncrease !== undefined) warn.push(`≤ ${formatPercent(limits.warnIncrease)}`);
  if (limits.warnRatio !== undefined) warn.push(`≤ ${formatRatio(limits.warnRatio)}`);
  return [...parts, ...(warn.length > 0 ? [`inconclusive to ${warn.join(', ')}`] : [])].join(', ');
}

/**
 * `10%` → 0.1, `0.1` → 0.1 (a fraction), `+25%` → 0.25: the `maxIncrease` / `warnIncrease` values.
 * A bare number above 1 is read as percent (`maxIncrease=10` means 10%), as people write it.
 */
export function parseIncrease(text: string | number): number | undefined {
  const match = /^\s*\+?(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(String(text));
  if (!match) return undefined;
  const n = Number(match[1]);
  return match[2] === '%' || n > 1 ? n / 100 : n;
}
