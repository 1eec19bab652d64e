/**
 * Timed cutover windows ("Monitor for 15 minutes" between "10% traffic to green" and "50% traffic
 * to green"). A window item is bound with `check=cutover-window`; it opens when the cutover step
 * before it is ticked (that tick's ledger time is the start), closes `duration` later, and only the
 * bot ticks it: once closed with every bound metric within limits at every sample. Everything here
 * is derived from the checklist, the folded ledger and a time given by the caller.
 */
import { z } from 'zod';
import type { Config } from '../config/config.js';
import type { ItemState, ItemStates } from '../ledger/ledger.js';
import type { CanaryLimits } from '../telemetry/judge-canary.js';
import { durationSeconds } from '../telemetry/judge-samples.js';
import type { Checklist, ChecklistItem } from '../template/model.js';

export const CUTOVER_CHECK = 'cutover-window';

const DURATION = /^\d+(?:ms|s|m|h)$/;
const Duration = z.string().regex(DURATION, 'expected a duration like "30s", "15m" or "1h"');
/**
 * `error-rate<=1`, `p95<200`, `up>=100`: a metric name, a comparison, a number; relative to the
 * baseline: `p95<=+10%` (increase), `p95<=1.2x` (ratio).
 */
const METRIC_LIMIT = /^([a-z][a-z0-9-]*)\s*(<=|>=|<|>)\s*(\+\d+(?:\.\d+)?%|\d+(?:\.\d+)?x|-?\d+(?:\.\d+)?)$/;

export interface WindowMetric {
  /** A default query name of the `prometheus` check (error-rate, p95, cpu, …). */
  metric: string;
  limits: CanaryLimits;
  /** Judged and shown, never deciding the window (`dryRun`). */
  dryRun?: boolean;
}

/** `"error-rate<=1, p95<=200"` → the metrics and their (inclusive) limits; an error names the bad part. */
export function parseWindowMetrics(
  text: string,
): { ok: true; metrics: WindowMetric[] } | { ok: false; error: string } {
  const byName = new Map<string, CanaryLimits>();
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const match = METRIC_LIMIT.exec(part);
    if (!match)
      return {
        ok: false,
        error: `cannot read "${part.slice(0, 40)}": expected metric<=number or metric>=number`,
      };
    const [, name = '', op = '', value = ''] = match;
    const limits = byName.get(name) ?? {};
    const relative = value.startsWith('+') || value.endsWith('x');
    if (relative && !op.startsWith('<'))
      return {
        ok: false,
        error: `"${part.slice(0, 40)}": a limit relative to the baseline is a maximum (<=)`,
      };
    if (value.startsWith('+')) limits.maxIncrease = Number(value.slice(1, -1)) / 100;
    else if (value.endsWith('x')) limits.maxRatio = Number(value.slice(0, -1));
    else if (op.startsWith('<')) limits.max = Number(value);
    else limits.min = Number(value);
    byName.set(name, limits);
  }
  if (byName.size === 0) return { ok: false, error: 'no metric given' };
  return { ok: true, metrics: [...byName].map(([metric, limits]) => ({ metric, limits })) };
}

/** The directive parameters of `check=cutover-window` (the check in checks/cutover-window.ts adds metric-name validation). */
export const CutoverWindowParams = z
  .object({
    duration: Duration.describe('how long the window stays open after the previous cutover step is ticked'),
    interval: Duration.default('30s').describe('the sampling step within the window (Argo `interval`)'),
    metrics: z
      .string()
      .min(1)
      .max(500)
      .describe(
        'the metrics judged and their limits, e.g. "error-rate<=1,p95<=200" (default queries of `prometheus`)',
      ),
    failureLimit: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'breaching samples tolerated per metric (Argo `failureLimit`; default 0, unlimited with only consecutiveFailureLimit)',
      ),
    count: z.coerce
      .number()
      .int()
      .min(1)
      .optional()
      .describe('samples needed per metric when the window closes (Argo `count`; default half the window)'),
    baseline: z
      .string()
      .max(500)
      .optional()
      .describe(
        'label matchers of the baseline (blue) for relative limits such as "p95<=+10%"; default: telemetry.prometheus.baselineSelector',
      ),
    warn: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe(
        'the warn limits, e.g. "p95<=300": a metric past its limit but within its warn limit makes the window inconclusive (a person decides), not failed',
      ),
    consecutiveFailureLimit: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'breaching samples in a row tolerated per metric: an isolated spike passes, a sustained breach fails',
      ),
    dryRun: z
      .union([z.boolean(), z.string().max(200)])
      .optional()
      .describe(
        'metrics judged and shown but never deciding the window: `true` (all) or names, e.g. "p99,cpu"',
      ),
    triggers: z
      .boolean()
      .default(true)
      .describe('also sample the rollback triggers bound to `prometheus`: a breach starts the rollback'),
  })
  .strict()
  .superRefine((params, ctx) => {
    const parsed = parseWindowMetrics(params.metrics);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['metrics'], message: parsed.error });
    if (params.warn !== undefined) {
      const warn = parseWindowMetrics(params.warn);
      if (!warn.ok) ctx.addIssue({ code: 'custom', path: ['warn'], message: warn.error });
      else if (parsed.ok)
        for (const one of warn.metrics)
          if (!parsed.metrics.some((metric) => metric.metric === one.metric))
            ctx.addIssue({ code: 'custom', path: ['warn'], message: `"${one.metric}" is not in metrics` });
    }
    if (durationSeconds(params.interval) > durationSeconds(params.duration))
      ctx.addIssue({ code: 'custom', path: ['interval'], message: 'interval is longer than the window' });
  });

export interface CutoverWindow {
  item: ChecklistItem;
  /** The cutover step whose tick opens the window (the item just before it). */
  after: ChecklistItem;
  /** The step after the window ("50% traffic to green"), if any. */
  next?: ChecklistItem;
  durationMs: number;
  intervalMs: number;
  failureLimit?: number;
  consecutiveFailureLimit?: number;
  /** Label matchers of the baseline, when the window names one (else the config's). */
  baseline?: string;
  /** Samples needed per metric at the close. */
  count: number;
  metrics: WindowMetric[];
  triggers: boolean;
}

/** The config's say over windows: `checks.cutover-window` overrides (or `enabled: false`), as for every check. */
export type WindowConfig = Pick<Config, 'checks'>;

/**
 * The checklist's windows, in template order, with the config's `checks.cutover-window` overrides
 * (none when the check is turned off). A window with no item before it is ignored: nothing opens it.
 */
export function cutoverWindows(checklist: Checklist, config?: WindowConfig): CutoverWindow[] {
  const { enabled, ...overrides } = config?.checks[CUTOVER_CHECK] ?? {};
  if (enabled === false) return [];
  const items = checklist.items;
  const windows: CutoverWindow[] = [];
  items.forEach((item, index) => {
    if (item.kind !== 'auto' || item.check !== CUTOVER_CHECK) return;
    const params = CutoverWindowParams.safeParse({ ...item.params, ...overrides });
    const after = items[index - 1];
    if (!params.success || !after) return;
    const parsed = parseWindowMetrics(params.data.metrics);
    if (!parsed.ok) return;
    const warn = params.data.warn ? parseWindowMetrics(params.data.warn) : undefined;
    const dryRun = params.data.dryRun;
    const dryNames =
      typeof dryRun === 'string' ? new Set(dryRun.split(',').map((name) => name.trim())) : undefined;
    const metrics = parsed.metrics.map((one) => {
      const warnLimits = warn?.ok ? warn.metrics.find((w) => w.metric === one.metric)?.limits : undefined;
      const limits: CanaryLimits = { ...one.limits };
      if (warnLimits?.max !== undefined) limits.warnMax = warnLimits.max;
      if (warnLimits?.min !== undefined) limits.warnMin = warnLimits.min;
      if (warnLimits?.maxIncrease !== undefined) limits.warnIncrease = warnLimits.maxIncrease;
      if (warnLimits?.maxRatio !== undefined) limits.warnRatio = warnLimits.maxRatio;
      const dry = dryRun === true || dryNames?.has(one.metric) === true;
      return { metric: one.metric, limits, ...(dry ? { dryRun: true } : {}) };
    });
    const durationMs = durationSeconds(params.data.duration) * 1000;
    const intervalMs = Math.max(durationSeconds(params.data.interval) * 1000, 1);
    const next = items[index + 1];
    windows.push({
      item,
      after,
      ...(next && next.section.join('\n') === item.section.join('\n') ? { next } : {}),
      durationMs,
      intervalMs,
      ...(params.data.failureLimit !== undefined ? { failureLimit: params.data.failureLimit } : {}),
      ...(params.data.consecutiveFailureLimit !== undefined
        ? { consecutiveFailureLimit: params.data.consecutiveFailureLimit }
        : {}),
      ...(params.data.baseline !== undefined ? { baseline: params.data.baseline } : {}),
      count: params.data.count ?? Math.max(1, Math.floor(durationMs / intervalMs / 2)),
      metrics,
      triggers: params.data.triggers,
    });
  });
  return windows;
}

export type WindowStatus =
  /** The step before it is not ticked: nothing started it. */
  | { state: 'waiting' }
  | { state: 'open'; opensAt: number; closesAt: number; leftMs: number }
  /** The time has passed; the bot judges the whole window on its next pass. */
  | { state: 'closing'; opensAt: number; closesAt: number }
  | { state: 'passed'; opensAt: number; closesAt: number; summary: string }
  | { state: 'failed'; opensAt: number; closesAt: number; summary: string }
  /** Judged inconclusive at the close: never passes, a person decides (`/shipgate decide`). */
  | { state: 'inconclusive'; opensAt: number; closesAt: number; summary: string }
  /** Waived or marked N/A by someone: not watched. */
  | { state: 'waived' };

const at = (state: ItemState | undefined): number | undefined => {
  const time = state?.at ? Date.parse(state.at) : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
};

/**
 * Where a window stands at `nowMs`. The start is the ledger time of the previous step's tick; the
 * window's own result counts only when it is from this opening (a result older than the tick is
 * from an earlier attempt: the step was ticked again, so the window opened again).
 */
export function windowStatus(window: CutoverWindow, states: ItemStates, nowMs: number): WindowStatus {
  const own = states[window.item.id];
  if (own?.waived) return { state: 'waived' };
  const step = states[window.after.id];
  const opensAt = step?.checked ? at(step) : undefined;
  if (opensAt === undefined) return { state: 'waiting' };
  const closesAt = opensAt + window.durationMs;
  const resultAt = at(own);
  if (own?.status && resultAt !== undefined && resultAt >= opensAt) {
    if (own.status === 'pass') return { state: 'passed', opensAt, closesAt, summary: own.summary ?? '' };
    if (own.status === 'fail' || own.status === 'error')
      return { state: 'failed', opensAt, closesAt, summary: own.summary ?? '' };
    if (own.status === 'skipped')
      return { state: 'inconclusive', opensAt, closesAt, summary: own.summary ?? '' };
  }
  if (nowMs < closesAt) return { state: 'open', opensAt, closesAt, leftMs: closesAt - nowMs };
  return { state: 'closing', opensAt, closesAt };
}

/** Windows the bot must sample now (open or closing), with their status. */
export function activeWindows(
  checklist: Checklist,
  states: ItemStates,
  nowMs: number,
  config?: WindowConfig,
): Array<{ window: CutoverWindow; status: Extract<WindowStatus, { state: 'open' | 'closing' }> }> {
  return cutoverWindows(checklist, config).flatMap((window) => {
    const status = windowStatus(window, states, nowMs);
    return status.state === 'open' || status.state === 'closing' ? [{ window, status }] : [];
  });
}

const PERCENT = /^\s*(\d{1,3}(?:\.\d+)?)\s*%/;

/** The cutover step "<percent>% traffic to green": an item starting with the percentage next to a window. */
export function cutoverStep(
  checklist: Checklist,
  percent: number,
  config?: WindowConfig,
): ChecklistItem | undefined {
  const sections = new Set(cutoverWindows(checklist, config).map((window) => window.item.section.join('\n')));
  return checklist.items.find((item) => {
    if (item.kind === 'auto' || !sections.has(item.section.join('\n'))) return false;
    const match = PERCENT.exec(item.text);
    return match !== null && Number(match[1]) === percent;
  });
}

/** "7 min left", "45 s left": coarse above two minutes so the comment does not change on every pass. */
export function formatLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds > 120) return `${Math.ceil(seconds / 60)} min left`;
  return `${seconds} s left`;
}

/** `12:15:05Z` on the day of the window (windows are minutes long). */
export function clock(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)}Z`;
}

export type CutoverPlan =
  | { ok: true; item: ChecklistItem; reopens?: CutoverWindow }
  | { ok: false; message: string };

/**
 * `/shipgate cutover <percent>`: the step to tick. Refused while the window before the step has not
 * passed (traffic goes up only after a green window). Ticking a step again is allowed: it reopens a
 * failed window after it (its tick time is the new start).
 */
export function planCutover(
  checklist: Checklist,
  states: ItemStates,
  percent: number,
  nowMs: number,
  config?: WindowConfig,
): CutoverPlan {
  const windows = cutoverWindows(checklist, config);
  if (windows.length === 0)
    return { ok: false, message: 'this checklist has no cutover windows (`check=cutover-window`)' };
  if (!Number.isFinite(percent))
    return { ok: false, message: 'usage: `/shipgate cutover <percent>`, e.g. `/shipgate cutover 10`' };
  const item = cutoverStep(checklist, percent, config);
  if (!item)
    return {
      ok: false,
      message: `no cutover step “${percent}% …” next to a cutover window in the checklist`,
    };
  const before = windows.find((window) => window.next?.id === item.id);
  if (before) {
    const status = windowStatus(before, states, nowMs);
    if (status.state === 'open')
      return {
        ok: false,
        message: `“${before.item.text}” is still open (${formatLeft(status.leftMs)}); ${percent}% waits for it`,
      };
    if (status.state !== 'passed' && status.state !== 'waived')
      return {
        ok: false,
        message: `“${before.item.text}” has not passed (${status.state}); ${percent}% waits for it`,
      };
  }
  const after = windows.find((window) => window.after.id === item.id);
  return { ok: true, item, ...(after ? { reopens: after } : {}) };
}
