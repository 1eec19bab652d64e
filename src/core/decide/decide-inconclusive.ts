/**
 * `/shipgate decide <item-id> pass|fail <reason>`: an inconclusive judgement (a cutover window or a
 * `prometheus` item recorded `skipped` as inconclusive) is decided by a person, as Argo Rollouts
 * pauses an inconclusive analysis for one. Only an item whose latest result is inconclusive can be
 * decided; the decision is a ledger event with who, when and why.
 */
import type { ItemStates, LedgerEvent } from '../ledger/ledger.js';
import type { ChecklistItem } from '../template/model.js';

export type DecidePlan =
  | { ok: true; event: LedgerEvent; item: ChecklistItem }
  | { ok: false; message: string };

/** True when the item's latest result is an inconclusive judgement waiting for a person. */
export function isInconclusive(states: ItemStates, item: string): boolean {
  const state = states[item];
  return state?.status === 'skipped' && /inconclusive/.test(state.summary ?? '') && !state.waived;
}

export function planDecide(input: {
  item: string;
  outcome: string;
  reason: string;
  by: string;
  at: string;
  items: readonly ChecklistItem[];
  states: ItemStates;
  /** Roles allowed to decide (config telemetry.inconclusive.roles); the caller checked membership. */
}): DecidePlan {
  const item = input.items.find((one) => one.id === input.item);
  if (!item) return { ok: false, message: `no checklist item with id \`${input.item.slice(0, 80)}\`` };
  if (input.outcome !== 'pass' && input.outcome !== 'fail')
    return { ok: false, message: 'usage: `/shipgate decide <item-id> pass|fail <reason>`' };
  if (input.reason.length < 3)
    return {
      ok: false,
      message: 'a decision needs a reason: `/shipgate decide <item-id> pass|fail <reason>`',
    };
  if (!isInconclusive(input.states, item.id))
    return {
      ok: false,
      message: `“${item.text.slice(0, 80)}” is not waiting for a decision (only inconclusive results are)`,
    };
  const state = input.states[item.id];
  return {
    ok: true,
    item,
    event: {
      t: 'decide',
      item: item.id,
      by: input.by,
      at: input.at,
      // the decision stands for the commit the judgement was about
      sha: state?.sha ?? '',
      outcome: input.outcome,
      reason: input.reason.slice(0, 300),
    },
  };
}

/** Whether `actor` may decide: a listed user of one of `roles` (teams are checked by the caller). */
export function listedDecider(
  roles: readonly string[],
  config: { roles: Record<string, { users?: readonly string[] } | undefined> },
  actor: string,
): boolean {
  return roles.some((role) =>
    (config.roles[role]?.users ?? []).some((user) => user.toLowerCase() === actor.toLowerCase()),
  );
}

/** The check-run buttons (GitHub: identifier and label ≤ 20 characters, description ≤ 40). */
export const DECIDE_ACTIONS = { pass: 'decide-pass', fail: 'decide-fail' } as const;

/** The first post-deploy item waiting for a decision, which the buttons decide. */
export function firstInconclusive(
  items: readonly ChecklistItem[],
  states: ItemStates,
): ChecklistItem | undefined {
  return items.find((item) => isInconclusive(states, item.id));
}

/** "Decide: pass" / "Decide: fail" on `shipgate/post-deploy` while an item is inconclusive. */
export function decideActions(
  items: readonly ChecklistItem[],
  states: ItemStates,
): Array<{ label: string; description: string; identifier: string }> {
  const item = firstInconclusive(items, states);
  if (!item) return [];
  const what = item.text.length > 24 ? `${item.text.slice(0, 23)}…` : item.text;
  return [
    { label: 'Decide: pass', description: `Pass “${what}”`.slice(0, 40), identifier: DECIDE_ACTIONS.pass },
    { label: 'Decide: fail', description: `Fail “${what}”`.slice(0, 40), identifier: DECIDE_ACTIONS.fail },
  ];
}

/** The outcome a decide button stands for. */
export function outcomeOfAction(identifier: string): 'pass' | 'fail' | undefined {
  return identifier === DECIDE_ACTIONS.pass
    ? 'pass'
    : identifier === DECIDE_ACTIONS.fail
      ? 'fail'
      : undefined;
}
