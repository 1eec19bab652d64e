import { diffChecklistBodies, type ParsedComment, restOfRenderedLine } from '../comment/parse.js';
import { renderItemLine } from '../comment/render.js';
import { itemStatus } from '../gate/gate.js';
import type { ItemStates, LedgerEvent } from '../ledger/ledger.js';
import type { Checklist, ChecklistItem } from '../template/model.js';

export interface PlannedChange {
  item: ChecklistItem;
  /** true = tick, false = untick. */
  checked: boolean;
}

export interface TickPlan {
  /** Changes a person made on purpose that would alter state: to be authorized. */
  changes: PlannedChange[];
  /** Item ids whose change is ignored (stale overwrite, or already in that state). */
  ignored: string[];
}

/**
 * Turns one `issue_comment.edited` delta into intended changes. The trust rule:
 * - only deliberate toggles count (the line's text is unchanged, only the box flipped);
 * - an untick also needs the line to have been what shipgate rendered; otherwise it is someone's
 *   stale copy saved over a newer one (GitHub is last-write-wins) and must not wipe a tick.
 */
export function planTicks(input: {
  checklist: Checklist;
  before: string | ParsedComment;
  after: string | ParsedComment;
  states: ItemStates;
  headSha: string;
  /** Items shown as not applicable (conditions.ts): their lines were rendered with that note. */
  notApplicable?: ReadonlyMap<string, string>;
}): TickPlan {
  const byId = new Map(input.checklist.items.map((item) => [item.id, item]));
  const plan: TickPlan = { changes: [], ignored: [] };
  for (const change of diffChecklistBodies(input.before, input.after, input.checklist)) {
    const item = byId.get(change.id);
    if (!item) continue;
    const state = input.states[item.id];
    const done = itemStatus(item, state, input.headSha) === 'done';
    const why = input.notApplicable?.get(item.id);
    const rendered = restOfRenderedLine(renderItemLine(item, state, input.headSha, '- ', why));
    const stale = !change.deliberate || (!change.after && change.fromRest !== rendered);
    if (stale || done === change.after) plan.ignored.push(item.id);
    else plan.changes.push({ item, checked: change.after });
  }
  return plan;
}

export interface Decision {
  change: PlannedChange;
  ok: boolean;
  reason?: string;
  message?: string;
}

/** Ledger events for decided changes: accepted → tick/untick, refused → reject (audited). */
export function tickEvents(
  decisions: readonly Decision[],
  actor: string,
  at: string,
  sha: string,
  /** The webhook delivery the edit came in, recorded so a replay is refused. */
  delivery?: string,
): LedgerEvent[] {
  const d = delivery ? { d: delivery.slice(0, 100) } : {};
  return decisions.map(({ change, ok, reason }) =>
    ok
      ? { t: change.checked ? 'tick' : 'untick', item: change.item.id, by: actor, at, sha, ...d }
      : { t: 'reject', item: change.item.id, by: actor, at, sha, reason: reason ?? 'not allowed', ...d },
  );
}

/** One short reply for every refusal of one edit (not one per item). */
export function rejectionReply(decisions: readonly Decision[]): string | undefined {
  const messages = rejectionMessages(decisions);
  return messages.length === 0 ? undefined : formatRejectionReply(messages);
}

/** One line per refused change (why it was reverted). */
export function rejectionMessages(decisions: readonly Decision[]): string[] {
  return decisions.filter((d) => !d.ok && d.message).map((d) => d.message ?? '');
}

/** The reply explaining reverted changes, at most 10 lines. */
export function formatRejectionReply(messages: readonly string[]): string {
  return [
    'shipgate reverted changes to the release checklist:',
    ...messages.slice(0, 10).map((message) => `- ${message}`),
    ...(messages.length > 10 ? [`- …and ${messages.length - 10} more`] : []),
  ].join('\n');
}
