import type { Config } from './config.js';
import type { ItemStates, LedgerEvent } from './ledger.js';
import type { Checklist } from './model.js';

/**
 * What a new commit resets (like "dismiss stale approvals"): sign-offs and, if configured, manual
 * ticks, plus waivers. Automated results need no event: they are keyed by SHA and so become
 * pending for the new head on their own.
 */
export function pushInvalidation(input: {
  checklist: Checklist;
  states: ItemStates;
  config: Config;
  afterSha: string;
  at: string;
}): LedgerEvent | undefined {
  const { signoffs, manual } = input.config.invalidateOnPush;
  const items = input.checklist.items
    .filter((item) => {
      const state = input.states[item.id];
      if (!state?.checked) return false;
      if (state.waived) return true;
      return (item.kind === 'signoff' && signoffs) || (item.kind === 'manual' && manual);
    })
    .map((item) => item.id);
  if (items.length === 0) return undefined;
  return {
    t: 'invalidate',
    items,
    at: input.at,
    sha: input.afterSha,
    reason: `reset by push of ${input.afterSha.slice(0, 7)}`,
  };
}
