import { rollbackPlan } from '../gate/rollback.js';
import type { LedgerEvent } from '../ledger/ledger.js';
import type { Checklist } from '../template/model.js';

export interface TriggerJudgement {
  events: LedgerEvent[];
  /** Triggers whose bound metric breached its limit: ticked as the bot, the readings as evidence. */
  fired: Array<{ item: string; text: string; summary: string }>;
}

/**
 * A rollback trigger bound to a metric ("Error rate > 5%" with `check=prometheus … max=5`: the
 * healthy limit) fires when its check fails: the metric is past the limit, so the trigger's text is
 * true. The bot then ticks it with the readings as its evidence: a result that makes the box true
 * (`pass` of the trigger item, summary `breached: …`). A result within limits makes the trigger's
 * text false, so it does not tick it and is not recorded; a skipped or errored result (no data,
 * Prometheus down) is recorded as it is and ticks nothing: no data never starts a rollback.
 * Other events pass through unchanged.
 */
export function judgeTriggerResults(checklist: Checklist, events: readonly LedgerEvent[]): TriggerJudgement {
  const triggers = new Map(rollbackPlan(checklist).triggers.map((item) => [item.id, item]));
  const out: LedgerEvent[] = [];
  const fired: TriggerJudgement['fired'] = [];
  for (const event of events) {
    const trigger = event.t === 'result' ? triggers.get(event.item) : undefined;
    if (event.t !== 'result' || !trigger) {
      out.push(event);
      continue;
    }
    if (event.status === 'pass') continue;
    // a dry-run trigger is judged and shown, never fires
    if (event.status !== 'fail' || trigger.params.dryRun === true) {
      out.push(event);
      continue;
    }
    out.push({ ...event, status: 'pass', summary: `breached: ${event.summary}`.slice(0, 500) });
    fired.push({ item: event.item, text: trigger.text, summary: event.summary });
  }
  return { events: out, fired };
}
