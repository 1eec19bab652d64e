import { describe, expect, it } from '@jest/globals';
import {
  type CanaryLimits,
  type CanaryOptions,
  describeLimits,
  describeSample,
  judgeCanary,
  parseIncrease,
} from '../../src/core/telemetry/judge-canary.js';
import type { Series } from '../../src/core/telemetry/judge-samples.js';

/** One series sampled at t = 1, 2, 3, … */
const series = (...values: number[]): Series[] => [
  { labels: {}, samples: values.map((value, i) => [i + 1, value] as [number, number]) },
];
const opts = (extra: Partial<CanaryOptions> = {}): CanaryOptions => ({
  minSamples: 1,
  aggregate: 'max',
  ...extra,
});

describe('three outcomes on plain samples', () => {
  it.each<[string, Series[], Series[] | undefined, CanaryLimits, Partial<CanaryOptions>, string, string]>([
    // absolute limits only
    ['within max', series(40, 42, 41), undefined, { max: 200 }, {}, 'pass', ''],
    ['one breach, failureLimit 0', series(40, 250, 41), undefined, { max: 200 }, {}, 'fail', '1 of 3'],
    [
      'one breach tolerated',
      series(40, 250, 41),
      undefined,
      { max: 200 },
      { failureLimit: 1 },
      'pass',
      '1 sample',
    ],
    [
      'between max and warnMax',
      series(40, 250, 41),
      undefined,
      { max: 200, warnMax: 300 },
      {},
      'inconclusive',
      'warn',
    ],
    ['beyond warnMax', series(40, 350, 41), undefined, { max: 200, warnMax: 300 }, {}, 'fail', '1 of 3'],
    ['below min (throughput)', series(90, 80), undefined, { min: 85 }, {}, 'fail', '1 of 2'],
    [
      'between min and warnMin',
      series(90, 80),
      undefined,
      { min: 85, warnMin: 70 },
      {},
      'inconclusive',
      'warn',
    ],
    // relative limits: the new release against the baseline at the same times
    [
      '+375% fails +10% though 190 ≤ 200',
      series(190, 190),
      series(40, 40),
      { max: 200, maxIncrease: 0.1 },
      {},
      'fail',
      '2 of 2',
    ],
    ['+5% passes +10%', series(42, 42), series(40, 40), { maxIncrease: 0.1 }, {}, 'pass', ''],
    ['ratio 1.1 ≤ 1.2', series(44), series(40), { maxRatio: 1.2 }, {}, 'pass', ''],
    ['ratio 1.5 > 1.2', series(60), series(40), { maxRatio: 1.2 }, {}, 'fail', '1 of 1'],
    [
      'ratio between 1.2 and warnRatio 2',
      series(60),
      series(40),
      { maxRatio: 1.2, warnRatio: 2 },
      {},
      'inconclusive',
      'warn',
    ],
    [
      '+20% between +10% and warnIncrease +50%',
      series(48),
      series(40),
      { maxIncrease: 0.1, warnIncrease: 0.5 },
      {},
      'inconclusive',
      'warn',
    ],
    ['baseline 0, canary 0', series(0, 0), series(0, 0), { maxIncrease: 0.1 }, {}, 'pass', ''],
    ['baseline 0, canary errors', series(0, 3), series(0, 0), { maxIncrease: 0.1 }, {}, 'fail', '1 of 2'],
    // nothing to judge is never a pass
    ['no canary series', [], series(40), { max: 200 }, {}, 'inconclusive', 'no series'],
    ['no baseline series', series(190), [], { maxIncrease: 0.1 }, {}, 'inconclusive', 'no baseline series'],
    [
      'baseline not asked for',
      series(190),
      undefined,
      { maxIncrease: 0.1 },
      {},
      'inconclusive',
      'no baseline series',
    ],
    ['only NaN', series(Number.NaN, Number.NaN), undefined, { max: 1 }, {}, 'inconclusive', 'NaN'],
    [
      'too few samples',
      series(40, 41),
      undefined,
      { max: 200 },
      { minSamples: 5 },
      'inconclusive',
      '2 sample(s) in the window, 5 needed',
    ],
    [
      'baseline at other times only',
      [{ labels: {}, samples: [[10, 190]] }],
      series(40),
      { maxIncrease: 0.1 },
      {},
      'inconclusive',
      'no baseline sample',
    ],
    // consecutive failures: an isolated spike is tolerated, a sustained one fails
    [
      'isolated spikes, 2 in a row tolerated',
      series(40, 300, 40, 300, 40, 300, 40),
      undefined,
      { max: 200 },
      { consecutiveFailureLimit: 2 },
      'pass',
      '3 sample(s)',
    ],
    [
      'sustained breach, 3 in a row',
      series(40, 300, 300, 300, 40),
      undefined,
      { max: 200 },
      { consecutiveFailureLimit: 2 },
      'fail',
      '3 in a row',
    ],
    [
      'both limits: total reached first',
      series(300, 40, 300, 40, 300),
      undefined,
      { max: 200 },
      { consecutiveFailureLimit: 2, failureLimit: 2 },
      'fail',
      '3 of 5',
    ],
    [
      'warn run past the consecutive limit',
      series(250, 250, 250),
      undefined,
      { max: 200, warnMax: 300 },
      { consecutiveFailureLimit: 2 },
      'inconclusive',
      'warn',
    ],
  ])('%s', (_name, canary, baseline, limits, extra, outcome, reason) => {
    const verdict = judgeCanary(canary, baseline, limits, opts(extra));
    expect(verdict.outcome).toBe(outcome);
    expect(verdict.reason).toContain(reason);
  });
});

describe('readings show both sides', () => {
  it.each<[string, Series[], Series[], CanaryLimits, string]>([
    [
      'increase',
      series(190),
      series(40),
      { max: 200, maxIncrease: 0.1 },
      'p95 190 ms vs baseline 40 ms: +375% > +10%',
    ],
    ['ratio', series(60), series(40), { maxRatio: 1.2 }, 'p95 60 ms vs baseline 40 ms: 1.5× > 1.2×'],
    [
      'absolute with a baseline',
      series(250),
      series(240),
      { max: 200, maxIncrease: 0.1 },
      'p95 250 ms > 200 ms (vs baseline 240 ms: +4.2%)',
    ],
    ['within limits', series(42), series(40), { maxIncrease: 0.1 }, 'p95 42 ms vs baseline 40 ms: +5%'],
  ])('%s', (_name, canary, baseline, limits, text) => {
    const verdict = judgeCanary(canary, baseline, limits, { ...opts(), unit: 'ms' });
    expect(verdict.worst && describeSample('p95', verdict.worst, 'ms')).toBe(text);
  });

  it('an absolute limit alone reads as before', () => {
    const verdict = judgeCanary(series(250), undefined, { max: 200 }, { ...opts(), unit: 'ms' });
    expect(verdict.worst && describeSample('p95', verdict.worst, 'ms')).toBe('p95 250 ms > 200 ms');
    expect(verdict.baselineValue).toBeUndefined();
  });

  it('reports the aggregates of both sides and the first breach', () => {
    const verdict = judgeCanary(series(40, 190, 60), series(40, 40, 40), { maxIncrease: 0.1 }, opts());
    expect(verdict).toMatchObject({ value: 190, baselineValue: 40, firstBreachAt: 2, breaches: 2 });
  });

  it.each<[CanaryLimits, string]>([
    [{ max: 200 }, '≤ 200 ms'],
    [{ max: 200, maxIncrease: 0.1 }, '≤ 200 ms, ≤ +10% vs baseline'],
    [{ maxRatio: 1.2, warnRatio: 1.5 }, '≤ 1.2× baseline, inconclusive to ≤ 1.5×'],
    [{ max: 200, warnMax: 300 }, '≤ 200 ms, inconclusive to ≤ 300 ms'],
  ])('limits %j read %s', (limits, text) => {
    expect(describeLimits(limits, 'ms')).toBe(text);
  });
});

describe('maxIncrease values', () => {
  it.each<[string | number, number | undefined]>([
    ['10%', 0.1],
    ['+25%', 0.25],
    ['0.1', 0.1],
    [10, 0.1],
    ['150%', 1.5],
    ['ten', undefined],
    ['-10%', undefined],
  ])('%j → %j', (text, value) => {
    expect(parseIncrease(text)).toBe(value);
  });
});
