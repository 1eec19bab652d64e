import { escapeInline, mention } from '../escape.js';
import { roleTitle } from '../gate/gate.js';
import type { ItemStates } from '../ledger/ledger.js';
import type { Checklist } from '../template/model.js';
import type { PlannedChange } from './plan-ticks.js';

/** What a sign-off asked for outside the comment stands for, or why it stands for nothing. */
export type SignOffRequest = { ok: true; change: PlannedChange } | { ok: false; message: string };

/** The roles that have sign-off items in the checklist, in template order. */
export function signOffRoles(checklist: Checklist): string[] {
  return [
    ...new Set(checklist.items.flatMap((item) => (item.kind === 'signoff' && item.role ? [item.role] : []))),
  ];
}

/**
 * `/shipgate sign-off <role>`: the role's first unticked sign-off item, to be authorized exactly
 * like ticking its box (people with read access can comment, but cannot edit the bot's comment).
 * @example planSignOffRequest('qa-lead', 'quinn', checklist, states) // { ok: true, change: { item, checked: true } }
 */
export function planSignOffRequest(
  role: string,
  actor: string,
  checklist: Checklist,
  states: ItemStates,
): SignOffRequest {
  const roles = signOffRoles(checklist);
  const wanted = role.trim().toLowerCase();
  const found = roles.find((name) => name.toLowerCase() === wanted);
  if (!found) {
    const known = roles.length ? roles.map((name) => `\`${name}\``).join(', ') : 'none in this checklist';
    return {
      ok: false,
      message: `${mention(actor)} cannot sign off "${escapeInline(role, 40) || '(no role)'}": unknown role (roles: ${known})`,
    };
  }
  const item = checklist.items.find(
    (candidate) => candidate.kind === 'signoff' && candidate.role === found && !states[candidate.id]?.checked,
  );
  if (!item) return { ok: false, message: `"${roleTitle(found)}" is already signed off` };
  return { ok: true, change: { item, checked: true } };
}

/**
 * An approving review: one sign-off per role with an unticked item. The caller keeps only the
 * changes the reviewer is authorized for (a review by someone in no role is not a sign-off attempt).
 */
export function planReviewSignOffs(checklist: Checklist, states: ItemStates): PlannedChange[] {
  return signOffRoles(checklist).flatMap((role) => {
    const item = checklist.items.find(
      (candidate) =>
        candidate.kind === 'signoff' && candidate.role === role && !states[candidate.id]?.checked,
    );
    return item ? [{ item, checked: true }] : [];
  });
}
