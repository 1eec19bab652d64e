import type { Config } from '../config/config.js';
import type { Checklist } from '../template/model.js';
import { invalidationEvent, planPushInvalidation } from './invalidation.js';
import type { ItemStates, LedgerEvent } from './ledger.js';

/**
 * What a new commit resets (like "dismiss stale approvals"): sign-offs and, if configured, manual
 * ticks, plus waivers — as a ledger event. Without `changedFiles` every candidate resets; with it
 * the path rules of `planPushInvalidation` (invalidation.ts) apply. Automated results need no
 * event: they are keyed by SHA and so become pending for the new head on their own.
 */
export function pushInvalidation(input: {
  checklist: Checklist;
  states: ItemStates;
  config: Config;
  afterSha: string;
  at: string;
  changedFiles?: readonly string[];
  versionOnlyFiles?: readonly string[];
}): LedgerEvent | undefined {
  const plan = planPushInvalidation({ ...input, newSha: input.afterSha });
  return plan && invalidationEvent(plan, input.afterSha, input.at);
}
