import { describe, expect, it } from '@jest/globals';
import {
  cutoverView,
  judgeWindow,
  type MetricSamples,
  windowEvents,
} from '../../src/core/cutover/judge-window.js';
import {
  cutoverStep,
  cutoverWindows,
  formatLeft,
  parseWindowMetrics,
  planCutover,
  windowStatus,
} from '../../src/core/cutover/windows.js';
import type { ItemStates } from '../../src/core/ledger/ledger.js';
import type { Series } from '../../src/core/telemetry/judge-samples.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas } from '../../src/load/load-checklist.js';

const checklist = parseTemplate(
  `# R
### Traffic Cutover <!-- shipgate: phase=post-deploy -->
- [ ] 10% traffic to green <!-- shipgate: id=step-10 -->
- [ ] Monitor for 10 seconds <!-- shipgate: check=cutover-window duration=10s interval=1s metrics="error-rate<=1,p95<=200" count=5 id=w1 -->
- [ ] 50% traffic to green <!-- shipgate: id=step-50 -->
- [ ] Monitor for 15 minutes <!-- shipgate: check=cutover-window duration=15m interval=30s metrics="error-rate<1" id=w2 -->
- [ ] 100% traffic to green <!-- shipgate: id=step-100 -->
`,
  't.md',
  checkSchemas,
);
const [w1] = cutoverWindows(checklist);
const T0 = Date.parse('2026-12-02T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const ticked = (id: string, at: number): ItemStates => ({
  [id]: { checked: true, by: 'erin', at: iso(at), sha: 'm' },
});

describe('cutover windows from the template', () => {
  it('finds each window, the step that opens it and the one after it', () => {
    expect(
      cutoverWindows(checklist).map((w) => [
        w.item.id,
        w.after.id,
        w.next?.id,
        w.durationMs,
        w.intervalMs,
        w.count,
      ]),
    ).toEqual([
      ['w1', 'step-10', 'step-50', 10_000, 1000, 5],
      ['w2', 'step-50', 'step-100', 900_000, 30_000, 15],
    ]);
    expect(w1?.metrics).toEqual([
      { metric: 'error-rate', limits: { max: 1 } },
      { metric: 'p95', limits: { max: 200 } },
    ]);
    expect(cutoverStep(checklist, 50)?.id).toBe('step-50');
    expect(cutoverStep(checklist, 30)).toBeUndefined();
  });

  it.each([
    ['error-rate<=1', [{ metric: 'error-rate', limits: { max: 1 } }]],
    [
      'up>=100, cpu<70',
      [
        { metric: 'up', limits: { min: 100 } },
        { metric: 'cpu', limits: { max: 70 } },
      ],
    ],
    ['cpu>=1,cpu<=70', [{ metric: 'cpu', limits: { min: 1, max: 70 } }]],
  ])('reads metrics=%j', (text, metrics) => {
    expect(parseWindowMetrics(text)).toEqual({ ok: true, metrics });
  });

  it.each(['error-rate', 'p95 = 3', '', 'cpu<<1'])('refuses metrics=%j', (text) => {
    expect(parseWindowMetrics(text).ok).toBe(false);
  });

  it('refuses bad bindings at template parse time', () => {
    const bad = (directive: string) => () =>
      parseTemplate(
        `# R\n## S\n- [ ] a\n- [ ] Monitor <!-- shipgate: check=cutover-window ${directive} -->\n`,
        't.md',
        checkSchemas,
      );
    expect(bad('duration=5m metrics="latency<=1"')).toThrow(/unknown metric "latency"/);
    expect(bad('metrics="p95<=1"')).toThrow(/duration/);
    expect(bad('duration=10s interval=1m metrics="p95<=1"')).toThrow(/interval is longer/);
  });
});

describe('window status: derived from the ledger and the time', () => {
  const window = w1 ?? (undefined as never);
  it.each<[string, ItemStates, number, string]>([
    ['previous step not ticked', {}, T0, 'waiting'],
    ['previous step unticked', { 'step-10': { checked: false, at: iso(T0) } }, T0, 'waiting'],
    ['open right after the tick', ticked('step-10', T0), T0 + 1000, 'open'],
    ['closing once the duration passed', ticked('step-10', T0), T0 + 10_000, 'closing'],
    [
      'passed: the bot’s result after the tick',
      {
        ...ticked('step-10', T0),
        w1: { checked: true, status: 'pass', summary: 'ok', at: iso(T0 + 11_000) },
      },
      T0 + 20_000,
      'passed',
    ],
    [
      'failed: a failing result after the tick',
      { ...ticked('step-10', T0), w1: { checked: false, status: 'fail', summary: 'no', at: iso(T0 + 4000) } },
      T0 + 5000,
      'failed',
    ],
    [
      'reopened: the step ticked again after a failure',
      {
        ...ticked('step-10', T0 + 6000),
        w1: { checked: false, status: 'fail', summary: 'no', at: iso(T0 + 4000) },
      },
      T0 + 7000,
      'open',
    ],
    [
      'waived: not watched',
      { ...ticked('step-10', T0), w1: { checked: true, waived: { by: 'erin', reason: 'r' } } },
      T0 + 1000,
      'waived',
    ],
  ])('%s', (_name, states, now, state) => {
    expect(windowStatus(window, states, now).state).toBe(state);
  });

  it('counts down: the time left, coarse above two minutes', () => {
    expect(windowStatus(window, ticked('step-10', T0), T0 + 3000)).toEqual({
      state: 'open',
      opensAt: T0,
      closesAt: T0 + 10_000,
      leftMs: 7000,
    });
    expect([formatLeft(7000), formatLeft(120_000), formatLeft(7 * 60_000 - 1)]).toEqual([
      '7 s left',
      '120 s left',
      '7 min left',
    ]);
  });
});

/** Samples every second from T0 with the given values (seconds since T0 → value). */
const series = (values: number[], from = T0): Series[] => [
  { labels: {}, samples: values.map((v, i) => [from / 1000 + i, v] as [number, number]) },
];
const metric = (
  label: string,
  values: number[],
  max: number,
  extra: Partial<MetricSamples> = {},
): MetricSamples => ({
  label,
  unit: label === 'p95' ? 'ms' : '%',
  limits: { max },
  failureLimit: 0,
  answer: { ok: true, series: series(values) },
  ...extra,
});

describe('judging a window from its samples', () => {
  const window = w1 ?? (undefined as never);
  const open = { state: 'open' as const, opensAt: T0, closesAt: T0 + 10_000, leftMs: 5000 };
  const closing = { state: 'closing' as const, opensAt: T0, closesAt: T0 + 10_000 };
  const healthy = [
    metric('error-rate', [0, 0, 0.2, 0, 0, 0, 0, 0, 0, 0, 0], 1),
    metric('p95', Array(11).fill(5), 200),
  ];

  it.each<[string, Parameters<typeof judgeWindow>[0], string]>([
    [
      'open and healthy so far',
      { window, status: open, metrics: healthy, nowMs: T0 + 5000, graceMs: 60_000 },
      'open',
    ],
    [
      'closed with every sample within limits',
      { window, status: closing, metrics: healthy, nowMs: T0 + 11_000, graceMs: 60_000 },
      'pass',
    ],
    [
      'a breach inside the open window fails it at once',
      {
        window,
        status: open,
        metrics: [metric('error-rate', [0, 0, 7, 0], 1)],
        nowMs: T0 + 4000,
        graceMs: 60_000,
      },
      'fail',
    ],
    [
      'a breach tolerated by failureLimit',
      {
        window,
        status: closing,
        metrics: [metric('error-rate', [0, 0, 7, 0, 0, 0], 1, { failureLimit: 1 })],
        nowMs: T0 + 11_000,
        graceMs: 60_000,
      },
      'pass',
    ],
    [
      'too few samples at the close is never a pass: a person decides',
      {
        window,
        status: closing,
        metrics: [metric('error-rate', [0, 0], 1)],
        nowMs: T0 + 11_000,
        graceMs: 60_000,
      },
      'inconclusive',
    ],
    [
      'no data while open is not a failure yet',
      { window, status: open, metrics: [metric('error-rate', [], 1)], nowMs: T0 + 2000, graceMs: 60_000 },
      'open',
    ],
    [
      'a query error is retried',
      {
        window,
        status: closing,
        metrics: [metric('error-rate', [], 1, { answer: { ok: false, reason: 'HTTP 503' } })],
        nowMs: T0 + 11_000,
        graceMs: 60_000,
      },
      'retry',
    ],
    [
      'a query error past the grace is inconclusive: a person decides',
      {
        window,
        status: closing,
        metrics: [metric('error-rate', [], 1, { answer: { ok: false, reason: 'HTTP 503' } })],
        nowMs: T0 + 80_000,
        graceMs: 60_000,
      },
      'inconclusive',
    ],
    [
      'a relative limit fails green while its absolute limit passes',
      {
        window,
        status: open,
        metrics: [
          metric('p95', [190, 190, 190], 200, {
            limits: { max: 200, maxIncrease: 0.1 },
            baseline: { ok: true, series: series([40, 40, 40]) },
          }),
        ],
        nowMs: T0 + 3000,
        graceMs: 60_000,
      },
      'fail',
    ],
    [
      'no baseline series at the close is inconclusive',
      {
        window,
        status: closing,
        metrics: [
          metric('p95', Array(11).fill(40), 200, {
            limits: { maxIncrease: 0.1 },
            baseline: { ok: true, series: [] },
          }),
        ],
        nowMs: T0 + 11_000,
        graceMs: 60_000,
      },
      'inconclusive',
    ],
    [
      'between the limit and its warn limit at the close is inconclusive',
      {
        window,
        status: closing,
        metrics: [metric('p95', Array(11).fill(250), 200, { limits: { max: 200, warnMax: 300 } })],
        nowMs: T0 + 11_000,
        graceMs: 60_000,
      },
      'inconclusive',
    ],
    [
      'a dry-run metric breaching changes nothing',
      {
        window,
        status: closing,
        metrics: [...healthy, metric('cpu', Array(11).fill(99), 50, { dryRun: true })],
        nowMs: T0 + 11_000,
        graceMs: 60_000,
      },
      'pass',
    ],
    [
      'an isolated spike within consecutiveFailureLimit passes',
      {
        window,
        status: closing,
        metrics: [
          metric('error-rate', [0, 7, 0, 0, 7, 0, 0, 0, 7, 0, 0], 1, {
            failureLimit: undefined,
            consecutiveFailureLimit: 1,
          }),
        ],
        nowMs: T0 + 11_000,
        graceMs: 60_000,
      },
      'pass',
    ],
    [
      'a sustained breach past consecutiveFailureLimit fails at once',
      {
        window,
        status: open,
        metrics: [
          metric('error-rate', [0, 7, 7, 0], 1, { failureLimit: undefined, consecutiveFailureLimit: 1 }),
        ],
        nowMs: T0 + 4000,
        graceMs: 60_000,
      },
      'fail',
    ],
    [
      'samples outside the window do not count',
      {
        window,
        status: closing,
        metrics: [
          {
            ...metric('error-rate', [], 1),
            answer: { ok: true, series: series([50, 50, 0, 0, 0, 0, 0, 0], T0 - 2000) },
          },
        ],
        nowMs: T0 + 11_000,
        graceMs: 60_000,
      },
      'pass',
    ],
  ])('%s', (_name, input, outcome) => {
    expect(judgeWindow(input).outcome).toBe(outcome);
  });

  it('shows both sides of a relative limit and dry-run readings', () => {
    const verdict = judgeWindow({
      window,
      status: open,
      metrics: [
        metric('p95', [40, 190, 190], 200, {
          limits: { max: 200, maxIncrease: 0.1 },
          baseline: { ok: true, series: series([40, 40, 40]) },
        }),
        metric('cpu', [99, 99, 99], 50, { dryRun: true }),
      ],
      nowMs: T0 + 3000,
      graceMs: 60_000,
    });
    expect(verdict.outcome).toBe('fail');
    if (verdict.outcome !== 'fail') return;
    expect(verdict.line).toContain(
      'p95 190 ms vs baseline 40 ms: +375% > +10% (≤ 200 ms, ≤ +10% vs baseline, 2 of 3 out from 00:00:01Z)',
    );
    expect(verdict.line).toContain('cpu 99% (≤ 50%, 3 of 3 out from 00:00:00Z) [dry run] would fail');
    expect(verdict.fired).toEqual([]);
  });

  it('shows the readings and, on a trigger breach, ticks the trigger as the bot', () => {
    const trigger = metric('Error rate > 5%', [0, 9, 12], 5, {
      trigger: { item: 'trigger-errors', text: 'Error rate > 5%' },
    });
    const verdict = judgeWindow({
      window,
      status: open,
      metrics: [metric('error-rate', [0, 9, 12], 1), trigger],
      nowMs: T0 + 3000,
      graceMs: 0,
    });
    expect(verdict.outcome).toBe('fail');
    if (verdict.outcome !== 'fail') return;
    expect(verdict.line).toBe(
      'window 00:00:00Z–00:00:10Z failed: error-rate 12% (≤ 1%, 2 of 3 out from 00:00:01Z), Error rate > 5% 12% (≤ 5%, 2 of 3 out from 00:00:01Z) · 3 samples every 1 s',
    );
    expect(windowEvents(window, verdict, 'T', 'm')).toEqual([
      { t: 'result', item: 'w1', status: 'fail', summary: verdict.line, at: 'T', sha: 'm' },
      {
        t: 'result',
        item: 'trigger-errors',
        status: 'pass',
        summary:
          'breached during Monitor for 10 seconds: Error rate > 5% 12% (≤ 5%, 2 of 3 out from 00:00:01Z)',
        at: 'T',
        sha: 'm',
      },
    ]);
  });

  it('renders the countdown and readings for the comment and the check run', () => {
    const view = cutoverView({
      windows: cutoverWindows(checklist),
      states: ticked('step-10', T0),
      nowMs: T0 + 3000,
      readings: { w1: 'error-rate 0% (≤ 1%), p95 5 ms (≤ 200 ms) · 3 samples every 1 s' },
    });
    expect(view.annotations.get('w1')).toBe(
      '⏱️ open since 00:00:00Z, closes at 00:00:10Z, 7 s left · error-rate 0% (≤ 1%), p95 5 ms (≤ 200 ms) · 3 samples every 1 s',
    );
    expect(view.annotations.get('w2')).toBe('⏸️ opens when “50% traffic to green” is ticked (15 min)');
    expect(view.lines).toHaveLength(2);
    const failed = cutoverView({
      windows: cutoverWindows(checklist),
      states: {
        ...ticked('step-10', T0),
        w1: { checked: false, status: 'fail', summary: 'window failed: x', at: iso(T0 + 2000) },
      },
      nowMs: T0 + 3000,
    });
    expect(failed.annotations.get('w1')).toBe(
      '❌ window failed: x — tick “10% traffic to green” again (or `/shipgate cutover 10`) to reopen it',
    );
  });
});

describe('/shipgate cutover <percent> and the config', () => {
  const passed = (at: number): ItemStates => ({
    ...ticked('step-10', T0),
    w1: { checked: true, status: 'pass', summary: 'ok', at: iso(at), sha: 'm' },
  });
  it.each<[string, number, ItemStates, number, string | RegExp]>([
    ['the first step opens the first window', 10, {}, T0, 'step-10'],
    ['the first step again reopens a failed window', 10, ticked('step-10', T0), T0 + 1000, 'step-10'],
    ['no such step', 30, {}, T0, /no cutover step “30% …”/],
    [
      'not before the window before it is open',
      50,
      {},
      T0,
      /“Monitor for 10 seconds” has not passed \(waiting\)/,
    ],
    [
      'not while it is open',
      50,
      ticked('step-10', T0),
      T0 + 3000,
      /is still open \(7 s left\); 50% waits for it/,
    ],
    ['after it passed', 50, passed(T0 + 11_000), T0 + 12_000, 'step-50'],
  ])('%s', (_name, percent, states, now, expected) => {
    const plan = planCutover(checklist, states, percent, now);
    if (typeof expected === 'string') expect(plan).toMatchObject({ ok: true, item: { id: expected } });
    else expect(plan.ok ? 'ok' : plan.message).toMatch(expected);
  });

  it('takes the config’s checks.cutover-window overrides, or none when the check is off', () => {
    const shorter = cutoverWindows(checklist, {
      checks: { 'cutover-window': { duration: '40s', count: 1 } },
    });
    expect(shorter.map((w) => [w.durationMs, w.count])).toEqual([
      [40_000, 1],
      [40_000, 1],
    ]);
    expect(cutoverWindows(checklist, { checks: { 'cutover-window': { enabled: false } } })).toEqual([]);
  });
});
