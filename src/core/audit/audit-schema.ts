import { z } from 'zod';
import { GOVERNANCE_EVENT_SCHEMAS, GOVERNANCE_STATE_FIELDS } from '../ledger/governance-event-schema.js';
import { RESULT_PROVENANCE_FIELDS } from '../ledger/result-provenance-schema.js';

/**
 * The shape of a stored audit record (shipgate/audit@1). Records come back from artifacts,
 * release assets or a store, so they are validated before anything renders them.
 */
const Status = z.enum(['pass', 'fail', 'skipped', 'error']);
const Text = z.string().max(2000);
const Who = z.string().max(100);
const Sha = z.string().max(64);
const When = z.string().max(40);
/** The webhook delivery a person's edit came in (replays are refused by it). */
const Delivery = z.string().max(100).optional();

const EventSchema = z.discriminatedUnion('t', [
  z.object({ t: z.enum(['tick', 'untick']), item: Text, by: Who, at: When, sha: Sha, d: Delivery }),
  z.object({
    t: z.literal('waive'),
    item: Text,
    by: Who,
    at: When,
    sha: Sha,
    reason: Text,
    // "not applicable" rather than a waiver (not-applicable.ts); kept so the view can say so
    na: z.literal(true).optional(),
  }),
  z.object({
    t: z.literal('result'),
    item: Text,
    status: Status,
    summary: Text,
    at: When,
    sha: Sha,
    ...RESULT_PROVENANCE_FIELDS,
  }),
  z.object({
    t: z.literal('decide'),
    item: Text,
    by: Who,
    at: When,
    sha: Sha,
    outcome: z.enum(['pass', 'fail']),
    reason: Text,
  }),
  z.object({ t: z.literal('invalidate'), items: z.array(Text), at: When, sha: Sha, reason: Text }),
  z.object({ t: z.literal('reject'), item: Text, by: Who, at: When, sha: Sha, reason: Text, d: Delivery }),
  z.object({
    t: z.literal('rollback'),
    by: Who,
    at: When,
    sha: Sha,
    reason: Text,
    source: Text,
    incident: z.number().int().positive().optional(),
  }),
  ...GOVERNANCE_EVENT_SCHEMAS,
]);

const ItemStateSchema = z.object({
  checked: z.boolean(),
  by: Who.optional(),
  at: When.optional(),
  sha: Sha.optional(),
  status: Status.optional(),
  summary: Text.optional(),
  waived: z.object({ by: Who, reason: Text, na: z.literal(true).optional() }).optional(),
  reset: Text.optional(),
  incident: z.number().int().positive().optional(),
  ...RESULT_PROVENANCE_FIELDS,
  ...GOVERNANCE_STATE_FIELDS,
});

const FindingSchema = z.object({
  file: Text.optional(),
  line: z.number().int().nonnegative().optional(),
  commit: Sha.optional(),
  message: Text,
});

const ItemSchema = z.object({
  id: Text,
  text: Text,
  section: z.array(Text),
  kind: z.enum(['auto', 'manual', 'signoff']),
  phase: z.enum(['pre-merge', 'post-deploy']),
  required: z.boolean(),
  check: Text.optional(),
  role: Text.optional(),
  outcome: z.enum(['done', 'waiting', 'failing', 'skipped', 'pending']),
  state: ItemStateSchema,
  evidence: z
    .object({
      check: Text,
      status: Status,
      summary: Text,
      findings: z.array(FindingSchema).max(100),
      metrics: z.record(z.string(), z.number()).optional(),
      sha: Sha,
    })
    .optional(),
  notApplicable: Text.optional(),
  dryRun: z.literal(true).optional(),
});

export const AuditRecordSchema = z.object({
  schema: z.literal('shipgate/audit@1'),
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  title: Text,
  pr: z.object({
    number: z.number().int().positive(),
    title: Text,
    author: Who,
    headSha: Sha,
    mergeCommitSha: Sha.optional(),
  }),
  sha: Sha,
  generatedAt: When,
  gate: z.object({
    phase: z.enum(['pre-merge', 'post-deploy']),
    conclusion: z.enum(['success', 'failure', 'action_required']),
    summary: Text,
    done: z.number().int().nonnegative(),
    required: z.number().int().nonnegative(),
  }),
  items: z.array(ItemSchema).max(5000),
  events: z.array(EventSchema).max(100_000),
  compacted: z
    .object({ count: z.number().int().nonnegative(), rejected: z.number().int().nonnegative() })
    .optional(),
  ledgerHead: z.string().max(100),
  signals: z.array(Text).max(500).optional(),
  emergency: z
    .object({
      by: Who,
      at: When,
      reason: Text,
      due: When,
      skipped: z.array(Text).max(5000),
      missing: z.array(Text).max(5000),
      review: Text,
    })
    .optional(),
  signature: z.string().max(100),
});
