import type { Config } from '../config/config.js';
import { controlCharactersAsSpaces } from '../control-characters.js';
import type { LedgerEvent } from '../ledger/ledger.js';
import type { Checklist, ItemKind } from '../template/model.js';

/** A reason must say something ("no schema change in this release"), not just "n/a". */
export const MIN_NA_REASON = 10;
export const MAX_NA_REASON = 300;

export interface NotApplicableInput {
  /** The item id to mark (from `/shipgate na <item-id> <reason>`). */
  item: string;
  /** Who marks it (GitHub login); the bot has already checked they may (same rule as waivers). */
  by: string;
  reason: string;
  at: string;
  /** The head SHA: a push that touches the item's scope resets the mark (invalidation.ts). */
  sha: string;
  items: readonly { id: string; kind: ItemKind }[];
}

export type NotApplicableDecision =
  | { ok: true; event: Extract<LedgerEvent, { t: 'waive' }> }
  | { ok: false; message: string };

/**
 * Marks an item "not applicable" for this release: a `waive` event with `na: true`, audited in
 * the ledger like a waiver and shown as "⚪ N/A by @x: reason". Sign-offs are refused (a person's
 * approval is never N/A), and so is a missing or too short reason.
 */
export function planNotApplicable(input: NotApplicableInput): NotApplicableDecision {
  const item = input.items.find((candidate) => candidate.id === input.item);
  if (!item) return { ok: false, message: `no checklist item with id \`${input.item.slice(0, 80)}\`` };
  if (item.kind === 'signoff') return { ok: false, message: 'sign-offs cannot be marked not applicable' };
  const reason = normaliseReason(input.reason);
  if (reason.length < MIN_NA_REASON) {
    return {
      ok: false,
      message: `N/A needs a reason of at least ${MIN_NA_REASON} characters: \`/shipgate na <item-id> <reason>\``,
    };
  }
  const bounded = reason.length > MAX_NA_REASON ? `${reason.slice(0, MAX_NA_REASON - 1)}…` : reason;
  return {
    ok: true,
    event: {
      t: 'waive',
      na: true,
      item: item.id,
      by: input.by,
      at: input.at,
      sha: input.sha,
      reason: bounded,
    },
  };
}

/** One line, no control characters, single spaces. */
function normaliseReason(reason: string): string {
  return controlCharactersAsSpaces(reason).replace(/\s+/g, ' ').trim();
}

/**
 * Items the repository's config decides are not applicable, with the reason shown for them:
 * `items.<id>.na: "reason"`, or every item of a check turned off with `checks.<name>.enabled: false`.
 * The gate counts them as N/A, like `/shipgate na`, and the reason is kept in the config's history.
 */
export function notApplicableByConfig(checklist: Checklist, config: Config): Map<string, string> {
  const decided = new Map<string, string>();
  for (const item of checklist.items) {
    const na = config.items[item.id]?.na;
    if (na !== undefined) {
      decided.set(item.id, `N/A (config items.${item.id}.na): ${na}`);
      continue;
    }
    if (item.check && config.checks[item.check]?.enabled === false) {
      decided.set(item.id, `N/A: check ${item.check} disabled (config checks.${item.check}.enabled: false)`);
    }
  }
  return decided;
}
