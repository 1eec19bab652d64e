/**
 * Rubber-stamp signals: a checklist "all ticked, nothing written" documents rather than controls.
 * Read from a PR's ledger alone (pure); shown in the `shipgate` check and the audit record, never
 * blocking (an item's `note=required` is what makes a note mandatory).
 */
import type { LedgerEvent } from '../ledger/ledger.js';
import type { Checklist } from '../template/model.js';

export type StampSignal =
  | { kind: 'burst'; by: string; items: string[]; seconds: number; text: string }
  | { kind: 'quick-tick'; by: string; item: string; seconds: number; after: 'open' | 'push'; text: string }
  | { kind: 'lone-sign-off'; by: string; item: string; text: string };

/** One person ticking at least this many manual items or sign-offs… */
export const BURST_ITEMS = 5;
/** …within this many seconds. */
export const BURST_SECONDS = 10;
/** A tick this soon after the PR opened or after a push was not a review of it. */
export const QUICK_SECONDS = 30;

/** "QA Lead: ____ Date: ____" → "QA Lead sign-off"; other items by their text. */
function labelOf(item: { text: string; kind: string } | undefined, id: string): string {
  if (!item) return id;
  const text =
    item.kind === 'signoff' ? `${item.text.split(/:?\s*_{3,}/)[0]?.trim() || 'role'} sign-off` : item.text;
  return text.slice(0, 60);
}

export function rubberStampSignals(input: {
  checklist: Checklist;
  events: readonly LedgerEvent[];
  openedAt?: string;
  author?: string;
}): StampSignal[] {
  const items = new Map(input.checklist.items.map((item) => [item.id, item]));
  const human = input.events.filter(
    (event): event is Extract<LedgerEvent, { t: 'tick' | 'untick' }> =>
      event.t === 'tick' && items.get(event.item)?.kind !== 'auto' && event.by !== 'shipgate',
  );
  const signals: StampSignal[] = [];
  // bursts: per person, the longest run of ticks within BURST_SECONDS
  const byPerson = new Map<string, typeof human>();
  for (const tick of human) byPerson.set(tick.by, [...(byPerson.get(tick.by) ?? []), tick]);
  for (const [by, ticks] of byPerson) {
    let best: typeof human = [];
    for (let start = 0; start < ticks.length; start++) {
      const from = Date.parse(ticks[start]?.at ?? '');
      const run = ticks.slice(start).filter((tick) => Date.parse(tick.at) - from <= BURST_SECONDS * 1000);
      if (run.length > best.length) best = run;
    }
    if (best.length >= BURST_ITEMS) {
      const seconds = Math.round((Date.parse(best.at(-1)?.at ?? '') - Date.parse(best[0]?.at ?? '')) / 1000);
      signals.push({
        kind: 'burst',
        by,
        items: best.map((tick) => tick.item),
        seconds,
        // the text names the threshold, not the measured seconds: the summary must not change with timing
        text: `burst: @${by} ticked ${best.length} items within ${BURST_SECONDS} s`,
      });
    }
  }
  // quick ticks: within QUICK_SECONDS of the PR opening or of the previous push
  const pushes = input.events
    .filter((event) => event.t === 'invalidate')
    .map((event) => Date.parse(event.at));
  const opened = input.openedAt ? Date.parse(input.openedAt) : Number.NaN;
  for (const tick of human) {
    const at = Date.parse(tick.at);
    const push = pushes.filter((time) => time <= at).at(-1);
    const since =
      push !== undefined && (Number.isNaN(opened) || push > opened)
        ? { after: 'push' as const, seconds: (at - push) / 1000 }
        : Number.isNaN(opened)
          ? undefined
          : { after: 'open' as const, seconds: (at - opened) / 1000 };
    if (since && since.seconds >= 0 && since.seconds <= QUICK_SECONDS)
      signals.push({
        kind: 'quick-tick',
        by: tick.by,
        item: tick.item,
        seconds: Math.round(since.seconds),
        after: since.after,
        text: `quick tick: @${tick.by} ticked "${labelOf(items.get(tick.item), tick.item)}" within ${QUICK_SECONDS} s of ${since.after === 'open' ? 'the PR opening' : 'the last push'}`,
      });
  }
  // a sign-off by someone who did nothing else on the PR (no other tick, note, waiver or command)
  const active = new Map<string, number>();
  for (const event of input.events) if ('by' in event) active.set(event.by, (active.get(event.by) ?? 0) + 1);
  for (const tick of human) {
    if (items.get(tick.item)?.kind !== 'signoff') continue;
    if ((active.get(tick.by) ?? 0) <= 1 && tick.by !== input.author)
      signals.push({
        kind: 'lone-sign-off',
        by: tick.by,
        item: tick.item,
        text: `lone sign-off: @${tick.by} signed "${labelOf(items.get(tick.item), tick.item)}" with no other activity on the PR`,
      });
  }
  return signals;
}
