/**
 * Judging a cutover window from its samples, like an Argo Rollouts analysis run: each bound metric
 * is sampled every `interval` from the window's start; more than `failureLimit` breaching samples
 * of any metric fails the window at once (no need to wait for its end); at the close every metric
 * needs `count` samples within limits. Rollback triggers sampled with it fire on their own limits.
 */
import { escapeInline } from '../escape.js';
import type { ItemStates, LedgerEvent } from '../ledger/ledger.js';
import {
  type CanaryLimits,
  describeLimits,
  describeSample,
  hasRelativeLimits,
  judgeCanary,
} from '../telemetry/judge-canary.js';
import { formatReading, type Series } from '../telemetry/judge-samples.js';
import {
  type CutoverWindow,
  clock,
  formatLeft,
  type WindowStatus,
  windowStatus as windowStatusOf,
} from './windows.js';

/** One metric's samples over the window so far, as the caller queried them. */
export interface MetricSamples {
  /** What is shown: `error-rate`, or the trigger's text. */
  label: string;
  unit: string;
  limits: CanaryLimits;
  failureLimit?: number;
  consecutiveFailureLimit?: number;
  /** Judged and shown, never deciding the window. */
  dryRun?: boolean;
  /** The query's answer; an error is never judged (the pass is tried again). */
  answer: { ok: true; series: Series[] } | { ok: false; reason: string };
  /** The baseline's answer, when the metric has limits relative to it (or why there is none). */
  baseline?: { ok: true; series: Series[] } | { ok: false; reason: string };
  /** Set for a rollback trigger sampled with the window: its breach starts the rollback. */
  trigger?: { item: string; text: string };
}

export interface Reading {
  label: string;
  text: string;
  /** Not failing (dry-run readings are always ok: they never decide). */
  ok: boolean;
  /** Judged inconclusive at the close (or unknowable): a person decides. */
  inconclusive?: boolean;
  dryRun?: boolean;
  samples: number;
  breaches: number;
  trigger?: { item: string; text: string };
}

export type WindowVerdict =
  /** Still open, nothing out of limits so far. */
  | { outcome: 'open'; readings: Reading[]; line: string }
  | { outcome: 'pass'; readings: Reading[]; line: string }
  | { outcome: 'fail'; readings: Reading[]; line: string; fired: Reading[] }
  /** Closed, nothing failed, but something could not be judged: never a pass, a person decides. */
  | { outcome: 'inconclusive'; readings: Reading[]; line: string }
  /** A query failed: judged again on the next pass (after the grace, a failure). */
  | { outcome: 'retry'; reason: string };

/** Only samples inside the window count, whatever range the caller asked for. */
function inside(series: readonly Series[], fromSec: number, toSec: number): Series[] {
  return series.map((one) => ({
    labels: one.labels,
    samples: one.samples.filter(([time]) => time >= fromSec && time <= toSec),
  }));
}

/**
 * The verdict for an open or closing window at `nowMs`. `graceMs` after the close a query error is
 * no longer retried: the window fails as inconclusive (no data is never a pass).
 */
export function judgeWindow(input: {
  window: CutoverWindow;
  status: Extract<WindowStatus, { state: 'open' | 'closing' }>;
  metrics: readonly MetricSamples[];
  nowMs: number;
  graceMs: number;
}): WindowVerdict {
  const { window, status, nowMs } = input;
  const closing = status.state === 'closing';
  const fromSec = status.opensAt / 1000;
  const toSec = Math.min(nowMs, status.closesAt) / 1000;
  const failed = input.metrics.find((metric) => !metric.answer.ok);
  if (failed && !failed.answer.ok) {
    if (!closing || nowMs < status.closesAt + input.graceMs)
      return { outcome: 'retry', reason: `${failed.label}: ${failed.answer.reason}` };
  }
  const readings: Reading[] = input.metrics.map((metric) => {
    const limits = describeLimits(metric.limits, metric.unit);
    const base = {
      label: metric.label,
      ...(metric.trigger ? { trigger: metric.trigger } : {}),
      ...(metric.dryRun ? { dryRun: true } : {}),
    };
    const dry = metric.dryRun ? ' [dry run]' : '';
    if (!metric.answer.ok)
      return {
        ...base,
        text: `${metric.label}: error: ${metric.answer.reason}${dry}`,
        ok: true,
        inconclusive: !metric.dryRun,
        samples: 0,
        breaches: 0,
      };
    const relative = hasRelativeLimits(metric.limits);
    const baselineSeries =
      metric.baseline?.ok === true ? inside(metric.baseline.series, fromSec, toSec) : undefined;
    const verdict = judgeCanary(inside(metric.answer.series, fromSec, toSec), baselineSeries, metric.limits, {
      ...(metric.failureLimit !== undefined ? { failureLimit: metric.failureLimit } : {}),
      ...(metric.consecutiveFailureLimit !== undefined
        ? { consecutiveFailureLimit: metric.consecutiveFailureLimit }
        : {}),
      // while open any sample is news; at the close the window needs its `count`
      minSamples: closing ? window.count : 1,
      aggregate: metric.limits.max !== undefined || relative ? 'max' : 'min',
      unit: metric.unit,
    });
    if (verdict.samples === 0 || (verdict.outcome === 'inconclusive' && !verdict.worst)) {
      const reason = relative && metric.baseline?.ok === false ? metric.baseline.reason : verdict.reason;
      return {
        ...base,
        text: `${metric.label}: no data (${reason})${dry}`,
        ok: true,
        inconclusive: closing && !metric.dryRun,
        samples: verdict.samples,
        breaches: 0,
      };
    }
    const shown =
      baselineSeries && verdict.worst
        ? describeSample(metric.label, verdict.worst, metric.unit)
        : `${metric.label} ${formatReading(verdict.peak ?? Number.NaN, metric.unit)}`;
    const out = [
      verdict.breaches > 0 ? `${verdict.breaches} of ${verdict.samples} out` : '',
      verdict.warnings > 0 ? `${verdict.warnings} of ${verdict.samples} between limit and warn` : '',
      verdict.longestRun > 1 && metric.consecutiveFailureLimit !== undefined
        ? `${verdict.longestRun} in a row`
        : '',
    ].filter(Boolean);
    const since =
      verdict.outcome === 'fail' && verdict.firstBreachAt
        ? ` from ${clock(verdict.firstBreachAt * 1000)}`
        : '';
    const failed = verdict.outcome === 'fail';
    return {
      ...base,
      text: `${shown} (${[limits, ...out].join(', ')}${since})${dry}${failed && metric.dryRun ? ' would fail' : ''}`,
      ok: !failed || metric.dryRun === true,
      inconclusive: closing && verdict.outcome === 'inconclusive' && !metric.dryRun,
      samples: verdict.samples,
      breaches: verdict.breaches,
    };
  });
  const samples = Math.max(0, ...readings.map((reading) => reading.samples));
  const joined = `${readings.map((reading) => reading.text).join(', ')} · ${samples} sample${samples === 1 ? '' : 's'} every ${window.intervalMs / 1000} s`;
  const breached = readings.filter((reading) => !reading.ok);
  const span = `${clock(status.opensAt)}–${clock(status.closesAt)}`;
  if (breached.length > 0)
    return {
      outcome: 'fail',
      readings,
      line: `window ${span} failed: ${joined}`,
      fired: breached.filter((reading) => reading.trigger !== undefined),
    };
  if (closing && readings.some((reading) => reading.inconclusive))
    return { outcome: 'inconclusive', readings, line: `window ${span} inconclusive: ${joined}` };
  if (closing) return { outcome: 'pass', readings, line: `window ${span} passed: ${joined}` };
  return { outcome: 'open', readings, line: joined };
}

/** The ledger events for a decided window: its result (the bot's tick, or the failure) and fired triggers. */
export function windowEvents(
  window: CutoverWindow,
  verdict: Extract<WindowVerdict, { outcome: 'pass' | 'fail' | 'inconclusive' }>,
  at: string,
  sha: string,
): LedgerEvent[] {
  const events: LedgerEvent[] = [
    {
      t: 'result',
      item: window.item.id,
      // inconclusive is recorded as `skipped`: never a pass, never a rollback; a person decides
      status: verdict.outcome === 'inconclusive' ? 'skipped' : verdict.outcome,
      summary: verdict.line.slice(0, 500),
      at,
      sha,
    },
  ];
  if (verdict.outcome === 'fail')
    for (const reading of verdict.fired)
      if (reading.trigger)
        events.push({
          t: 'result',
          item: reading.trigger.item,
          status: 'pass', // the trigger's text is true: ticked as the bot (rollback-triggers.ts)
          summary: `breached during ${window.item.text}: ${reading.text}`.slice(0, 500),
          at,
          sha,
        });
  return events;
}

/** The note after a window item in the comment and the post-deploy check (countdown and readings). */
export function windowAnnotation(
  window: CutoverWindow,
  status: WindowStatus,
  readings: string | undefined,
): string | undefined {
  switch (status.state) {
    case 'waiting':
      return `⏸️ opens when “${window.after.text}” is ticked (${window.durationMs / 60_000 >= 1 ? `${window.durationMs / 60_000} min` : `${window.durationMs / 1000} s`})`;
    case 'open':
      return `⏱️ open since ${clock(status.opensAt)}, closes at ${clock(status.closesAt)}, ${formatLeft(status.leftMs)}${readings ? ` · ${readings}` : ''}`;
    case 'closing':
      return `⏳ closed at ${clock(status.closesAt)}, judging the window${readings ? ` · ${readings}` : ''}`;
    case 'passed':
      return `✅ ${status.summary}`;
    case 'failed':
      return `❌ ${status.summary} — tick “${window.after.text}” again${reopenCommand(window)} to reopen it`;
    case 'inconclusive':
      return `❓ ${status.summary} — a person decides: \`/shipgate decide ${window.item.id} pass|fail <reason>\``;
    case 'waived':
      return undefined;
  }
}

/** Every window's note by item id, and one line per window for the `shipgate/post-deploy` check run. */
export function cutoverView(input: {
  windows: readonly CutoverWindow[];
  states: ItemStates;
  nowMs: number;
  /** The latest readings of open windows, by item id (the bot's last pass). */
  readings?: Readonly<Record<string, string>>;
}): { annotations: Map<string, string>; lines: string[] } {
  const annotations = new Map<string, string>();
  const lines: string[] = [];
  for (const window of input.windows) {
    const status = windowStatusOf(window, input.states, input.nowMs);
    const note = windowAnnotation(window, status, input.readings?.[window.item.id]);
    if (!note) continue;
    const safe = escapeInline(note, 480);
    annotations.set(window.item.id, safe);
    lines.push(`- **${escapeInline(window.item.text, 120)}**: ${safe}`);
  }
  return { annotations, lines };
}

/** `` (or `/shipgate cutover 10`)`` when the step before the window is a "<percent>% …" step. */
function reopenCommand(window: CutoverWindow): string {
  const percent = /^\s*(\d{1,3}(?:\.\d+)?)\s*%/.exec(window.after.text)?.[1];
  return percent ? ` (or \`/shipgate cutover ${percent}\`)` : '';
}
