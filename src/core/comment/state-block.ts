import { z } from 'zod';
import { GOVERNANCE_EVENT_SCHEMAS, GOVERNANCE_STATE_FIELDS } from '../ledger/governance-event-schema.js';
import type { Ledger } from '../ledger/ledger.js';
import { RESULT_PROVENANCE_FIELDS } from '../ledger/result-provenance-schema.js';

/** Hidden, machine-readable state at the end of the checklist comment. Invisible when rendered. */
const BLOCK = /<!-- shipgate:state v1 ([A-Za-z0-9_-]*) -->/;

const Status = z.enum(['pass', 'fail', 'skipped', 'error']);
const Who = z.string().max(100);
const Sha = z.string().max(64);
const When = z.string().max(40);
/** The webhook delivery a person's edit came in (replays are refused by it). */
const Delivery = z.string().max(100).optional();
const EventSchema = z.discriminatedUnion('t', [
  z.object({ t: z.enum(['tick', 'untick']), item: z.string(), by: Who, at: When, sha: Sha, d: Delivery }),
  z.object({
    t: z.literal('waive'),
    item: z.string(),
    by: Who,
    at: When,
    sha: Sha,
    reason: z.string(),
    na: z.literal(true).optional(),
  }),
  z.object({
    t: z.literal('result'),
    item: z.string(),
    status: Status,
    summary: z.string(),
    at: When,
    sha: Sha,
    ...RESULT_PROVENANCE_FIELDS,
  }),
  z.object({
    t: z.literal('decide'),
    item: z.string(),
    by: Who,
    at: When,
    sha: Sha,
    outcome: z.enum(['pass', 'fail']),
    reason: z.string(),
  }),
  z.object({
    t: z.literal('invalidate'),
    items: z.array(z.string()),
    at: When,
    sha: Sha,
    reason: z.string(),
  }),
  z.object({
    t: z.literal('reject'),
    item: z.string(),
    by: Who,
    at: When,
    sha: Sha,
    reason: z.string(),
    d: Delivery,
  }),
  z.object({
    t: z.literal('rollback'),
    by: Who,
    at: When,
    sha: Sha,
    reason: z.string(),
    source: z.string(),
    incident: z.number().int().positive().optional(),
  }),
  ...GOVERNANCE_EVENT_SCHEMAS,
]);
const ItemStateSchema = z.object({
  checked: z.boolean(),
  by: z.string().optional(),
  at: z.string().optional(),
  sha: z.string().optional(),
  status: Status.optional(),
  summary: z.string().optional(),
  waived: z.object({ by: z.string(), reason: z.string(), na: z.literal(true).optional() }).optional(),
  reset: z.string().optional(),
  incident: z.number().int().positive().optional(),
  ...RESULT_PROVENANCE_FIELDS,
  ...GOVERNANCE_STATE_FIELDS,
});
const LedgerSchema = z.object({
  base: z.object({
    count: z.number().int().nonnegative(),
    hash: z.string(),
    states: z.record(z.string(), ItemStateSchema),
    rejected: z.number().int().nonnegative(),
  }),
  events: z.array(EventSchema),
  head: z.string(),
});

export function encodeStateBlock(ledger: Ledger): string {
  return `<!-- shipgate:state v1 ${Buffer.from(JSON.stringify(ledger)).toString('base64url')} -->`;
}

export type DecodedBlock =
  | { found: false }
  | { found: true; ledger: Ledger }
  | { found: true; error: string };

/** Reads the hidden block from a comment body. Does not verify the signature (see verifyLedger). */
export function decodeStateBlock(body: string): DecodedBlock {
  const match = BLOCK.exec(body);
  if (!match) return { found: false };
  try {
    const json: unknown = JSON.parse(Buffer.from(match[1] ?? '', 'base64url').toString('utf8'));
    const parsed = LedgerSchema.safeParse(json);
    if (!parsed.success) return { found: true, error: 'state block does not have the expected shape' };
    return { found: true, ledger: parsed.data };
  } catch {
    return { found: true, error: 'state block is not valid base64 JSON' };
  }
}
