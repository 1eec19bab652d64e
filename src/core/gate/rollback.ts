import { type ItemStates, ROLLBACK_STATE } from '../ledger/ledger.js';
import type { Checklist, ChecklistItem } from '../template/model.js';

/**
 * The rollback plan of a checklist: items under a "Rollback" heading, split into triggers (a
 * "Trigger" subheading) and steps (everything else there). Both are usually optional; ticking a
 * trigger or `/shipgate rollback` makes the steps required.
 */
export interface RollbackPlan {
  triggers: ChecklistItem[];
  steps: ChecklistItem[];
}

export function rollbackPlan(checklist: Checklist): RollbackPlan {
  const inRollback = (item: ChecklistItem) => item.section.some((heading) => /rollback/i.test(heading));
  const isTrigger = (item: ChecklistItem) => item.section.some((heading) => /trigger/i.test(heading));
  const items = checklist.items.filter(inRollback);
  return { triggers: items.filter(isTrigger), steps: items.filter((item) => !isTrigger(item)) };
}

export interface RollbackStatus {
  /** A rollback was started (ledger event) or a trigger is ticked. */
  active: boolean;
  /** Ticked triggers, in template order. */
  fired: ChecklistItem[];
  /** The started rollback, when the ledger has one. */
  started?: { by: string; at: string; reason: string; incident?: number };
  /** Item ids that are required because of the rollback (the steps). */
  activated: string[];
}

export function rollbackStatus(checklist: Checklist, states: ItemStates): RollbackStatus {
  const plan = rollbackPlan(checklist);
  const fired = plan.triggers.filter((item) => states[item.id]?.checked === true);
  const state = states[ROLLBACK_STATE];
  const started = state?.checked
    ? {
        by: state.by ?? '',
        at: state.at ?? '',
        reason: state.summary ?? '',
        ...(state.incident !== undefined ? { incident: state.incident } : {}),
      }
    : undefined;
  const active = started !== undefined || fired.length > 0;
  return {
    active,
    fired,
    ...(started ? { started } : {}),
    activated: active ? plan.steps.map((item) => item.id) : [],
  };
}

/**
 * A copy of the checklist in which the given items belong to `phase`: once merged, activated
 * rollback steps count in the post-deploy gate, wherever the template put them.
 */
export function withPhase(
  checklist: Checklist,
  ids: readonly string[],
  phase: ChecklistItem['phase'],
): Checklist {
  if (ids.length === 0) return checklist;
  const moved = new Set(ids);
  return {
    ...checklist,
    items: checklist.items.map((item) => (moved.has(item.id) ? { ...item, phase } : item)),
  };
}
