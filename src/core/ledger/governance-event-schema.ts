import { z } from 'zod';

/**
 * The shapes of the governance ledger events (ledger.ts), shared by the two places that read a
 * ledger back: the comment's state block and the stored audit record.
 */
const Text = z.string().max(2000);
const Who = z.string().max(100);
const Sha = z.string().max(64);
const When = z.string().max(40);

export const GOVERNANCE_EVENT_SCHEMAS = [
  z.object({ t: z.literal('exception'), by: Who, at: When, sha: Sha, reason: Text }),
  z.object({
    t: z.literal('break-glass'),
    by: Who,
    at: When,
    sha: Sha,
    reason: Text,
    skipped: z.array(Text).max(5000),
    due: When,
  }),
  z.object({ t: z.literal('note'), item: Text, by: Who, at: When, sha: Sha, text: Text }),
  z.object({ t: z.literal('freeze'), by: Who, at: When, sha: Sha, until: When, reason: Text }),
  z.object({ t: z.literal('unfreeze'), by: Who, at: When, sha: Sha }),
  z.object({
    t: z.literal('escalate'),
    level: z.enum(['reminder', 'overdue']),
    at: When,
    sha: Sha,
    issue: z.number().int().positive().optional(),
  }),
] as const;

/** The fields the governance pseudo items add to an item state (break-glass: skipped items, due). */
export const GOVERNANCE_STATE_FIELDS = {
  items: z.array(Text).max(5000).optional(),
  due: When.optional(),
};
