import { roleForAction } from '../gate/check-report.js';
import type { ItemStates } from '../ledger/ledger.js';
import type { Checklist } from '../template/model.js';
import type { PlannedChange } from './plan-ticks.js';

/** The sign-off a "Sign off as <Role>" button click stands for: the role's first unticked item. */
export function planSignOff(
  identifier: string,
  checklist: Checklist,
  states: ItemStates,
): PlannedChange | undefined {
  const signoffs = checklist.items.filter((item) => item.kind === 'signoff' && item.role);
  const role = roleForAction(identifier, [...new Set(signoffs.map((item) => item.role ?? ''))]);
  const item = signoffs.find((candidate) => candidate.role === role && !states[candidate.id]?.checked);
  return item ? { item, checked: true } : undefined;
}
