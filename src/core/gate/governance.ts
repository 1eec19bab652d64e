/**
 * Governance over the pre-merge gate: change windows and freezes hold a complete release back
 * (unless an exception was granted for the PR); break-glass passes it for one head at once and
 * leaves a post-review obligation. Applied inside `releaseGates`, so the `shipgate` check, the
 * merge queue, deployment protection and `/shipgate status` agree.
 */
import { BREAK_GLASS_STATE, ESCALATION_STATE, EXCEPTION_STATE, type ItemStates } from '../ledger/ledger.js';
import type { Checklist } from '../template/model.js';
import {
  type CommandFreeze,
  evaluateChangeWindow,
  type WindowsConfig,
  type WindowVerdict,
  windowLine,
} from '../windows/change-windows.js';
import { type GateDecision, itemStatus } from './gate.js';

export interface GovernanceInput {
  /** `windows:` of the config; absent: no windows (freezes by command still apply). */
  windows?: WindowsConfig;
  /** ISO time of the evaluation (the core reads no clock). */
  now: string;
  /** The repository's freeze set by `/shipgate freeze`, when one is in force. */
  freeze?: CommandFreeze;
}

/** The obligation a break-glass leaves: the skipped items, to be given on the merged PR by `due`. */
export interface PostReview {
  by: string;
  at: string;
  reason: string;
  sha: string;
  due: string;
  skipped: string[];
  /** Skipped items still not done. */
  missing: string[];
  reviewed: boolean;
  overdue: boolean;
  /** A reminder / the overdue escalation was recorded (issue = the escalation issue). */
  reminded: boolean;
  escalated: boolean;
  issue?: number;
}

/** The post-review of a break-glass, when the PR has one. */
export function postReviewOf(input: {
  checklist: Checklist;
  states: ItemStates;
  headSha: string;
  mergeSha?: string;
  now: string;
}): PostReview | undefined {
  const glass = input.states[BREAK_GLASS_STATE];
  if (!glass?.checked || !glass.due) return undefined;
  const byId = new Map(input.checklist.items.map((item) => [item.id, item]));
  const skipped = glass.items ?? [];
  const missing = skipped.filter((id) => {
    const item = byId.get(id);
    if (!item) return false; // removed from the template since: nothing left to give
    const state = input.states[id];
    const onHead = itemStatus(item, state, input.headSha) === 'done';
    const onMerge = input.mergeSha ? itemStatus(item, state, input.mergeSha) === 'done' : false;
    return !(onHead || onMerge);
  });
  const escalation = input.states[ESCALATION_STATE];
  const reviewed = missing.length === 0;
  return {
    by: glass.by ?? '',
    at: glass.at ?? '',
    reason: glass.summary ?? '',
    sha: glass.sha ?? '',
    due: glass.due,
    skipped: [...skipped],
    missing,
    reviewed,
    overdue: !reviewed && Date.parse(input.now) > Date.parse(glass.due),
    reminded: escalation !== undefined,
    escalated: escalation?.checked === true,
    ...(escalation?.incident !== undefined ? { issue: escalation.incident } : {}),
  };
}

/** The pre-merge gate with break-glass and the change window applied; the window's verdict too. */
export function governPreMerge(
  preMerge: GateDecision,
  input: { states: ItemStates; headSha: string; governance?: GovernanceInput; problems?: readonly string[] },
): { gate: GateDecision; window: WindowVerdict } {
  const glass = input.states[BREAK_GLASS_STATE];
  // an invalid configuration fails closed, break-glass or not (fix the config: it is one commit)
  if (glass?.checked && glass.sha === input.headSha && (input.problems ?? []).length === 0) {
    const skipped = glass.items?.length ?? 0;
    return {
      gate: {
        ...preMerge,
        conclusion: 'success',
        blockers: [],
        summary: `🚨 BREAK-GLASS by @${glass.by}: ${glass.summary} — ${preMerge.done} of ${preMerge.required} required items done, ${skipped} skipped; post-review due ${glass.due}`,
      },
      window: { open: true },
    };
  }
  if (!input.governance) return { gate: preMerge, window: { open: true } };
  const window = evaluateChangeWindow({
    nowIso: input.governance.now,
    ...(input.governance.windows ? { windows: input.governance.windows } : {}),
    ...(input.governance.freeze ? { freeze: input.governance.freeze } : {}),
  });
  if (window.open || preMerge.conclusion === 'failure') return { gate: preMerge, window };
  const exception = input.states[EXCEPTION_STATE];
  if (exception?.checked)
    return {
      gate: {
        ...preMerge,
        summary: `${preMerge.summary} · exception by @${exception.by}: ${exception.summary} (${window.reason})`,
      },
      window,
    };
  const line = windowLine(window);
  return {
    gate: {
      ...preMerge,
      conclusion: 'action_required',
      blockers: [
        ...preMerge.blockers,
        { kind: 'window', items: [], reason: line, ...(window.opensAt ? { opensAt: window.opensAt } : {}) },
      ],
      // the window first: it is what a reader of the (cut) check title needs to know
      summary: `⏸ ${line} — ${preMerge.summary.replace(/ — ready$/, ' (complete)')}`,
    },
    window,
  };
}

/** What the audit record and the export say of an emergency change that was not reviewed in time. */
export const NOT_REVIEWED = 'emergency change not reviewed';

/** `reviewed`, `pending review (due …)` or `emergency change not reviewed`. */
export function postReviewState(review: PostReview): string {
  if (review.reviewed) return 'reviewed';
  return review.overdue ? NOT_REVIEWED : `pending review (due ${review.due})`;
}
