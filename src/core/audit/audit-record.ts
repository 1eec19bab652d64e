import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Evidence } from '../evidence/evidence.js';
import { type GateConclusion, type ItemStatus, isRequired, itemStatus } from '../gate/gate.js';
import { type PostReview, postReviewState } from '../gate/governance.js';
import { phaseGate } from '../gate/release-gates.js';
import {
  canonical,
  foldLedger,
  type ItemState,
  type ItemStates,
  type Ledger,
  type LedgerEvent,
  verifyLedger,
} from '../ledger/ledger.js';
import type { Checklist, CheckStatus, Finding, ItemKind, Phase } from '../template/model.js';
import { AuditRecordSchema } from './audit-schema.js';

/**
 * The exportable audit record written when a release PR merges: every item with who ticked,
 * signed or waived it and when, the evidence behind automated items, and the full ledger
 * (rejected attempts included). Signed with HMAC-SHA256 over its canonical JSON so that any
 * later edit is detectable. It holds only what the checklist comment already shows: no config,
 * no role memberships, no secrets.
 */
export const AUDIT_SCHEMA = 'shipgate/audit@1';

export interface AuditPr {
  number: number;
  title: string;
  author: string;
  headSha: string;
  mergeCommitSha?: string;
}

export interface AuditEvidence {
  check: string;
  status: CheckStatus;
  summary: string;
  findings: Finding[];
  metrics?: Record<string, number>;
  /** The commit the evidence was measured on. */
  sha: string;
}

export interface AuditItem {
  id: string;
  text: string;
  /** Heading path below the checklist title, e.g. ['🔐 Pre-Deployment Security', 'Credentials & Secrets']. */
  section: string[];
  kind: ItemKind;
  phase: Phase;
  required: boolean;
  check?: string;
  role?: string;
  /** The item's standing against the audited commit (done, waiting, failing…). */
  outcome: ItemStatus;
  state: ItemState;
  evidence?: AuditEvidence;
  /** Why the item did not apply to this PR (its `when-…` condition was not met); it was not required. */
  notApplicable?: string;
  /** `dryRun`: judged and shown, never gating (its outcome is listed under "Dry runs"). */
  dryRun?: true;
}

export interface AuditGate {
  phase: Phase;
  conclusion: GateConclusion;
  summary: string;
  done: number;
  required: number;
}

export interface AuditRecord {
  schema: typeof AUDIT_SCHEMA;
  /** `owner/name`. */
  repo: string;
  /** The checklist's title with its header variables filled. */
  title: string;
  pr: AuditPr;
  /** The commit the gate was evaluated on (the PR head). */
  sha: string;
  generatedAt: string;
  gate: AuditGate;
  items: AuditItem[];
  events: LedgerEvent[];
  /** Present when old events were folded into the ledger base to fit the comment. */
  compacted?: { count: number; rejected: number };
  ledgerHead: string;
  /** Rubber-stamp signals of the ledger (core/gate/rubber-stamp.ts); not blocking. */
  signals?: string[];
  /** A break-glass release: who, why, what was skipped and where its review stands. */
  emergency?: AuditEmergency;
  /** HMAC-SHA256 (base64url) of the canonical JSON of every other field. */
  signature: string;
}

export interface AuditEmergency {
  by: string;
  at: string;
  reason: string;
  due: string;
  skipped: string[];
  missing: string[];
  /** `reviewed`, `pending review (due …)` or `emergency change not reviewed`. */
  review: string;
}

export type UnsignedAuditRecord = Omit<AuditRecord, 'signature'>;

export interface AuditInput {
  repo: string;
  pr: AuditPr;
  checklist: Checklist;
  ledger: Ledger;
  /** Folded item states; derived from the ledger when omitted. */
  states?: ItemStates;
  evidence?: Evidence | readonly Evidence[];
  /** ISO time the record is made (the core reads no clock). */
  generatedAt: string;
  phase?: Phase;
  activated?: readonly string[];
  /** Header variables used to fill `{{placeholders}}` in the title and headings. */
  variables?: Readonly<Record<string, string | undefined>>;
  /** Items whose `when-…` condition the PR did not meet: id → why (conditions.ts). */
  notApplicable?: ReadonlyMap<string, string>;
  signals?: readonly string[];
  postReview?: PostReview;
}

/** Builds and signs the record. Refuses a ledger that does not verify: signing it would launder a forgery. */
export function buildAuditRecord(input: AuditInput, secret: string, ledgerKey = secret): AuditRecord {
  if (!verifyLedger(input.ledger, ledgerKey))
    throw new Error('the ledger does not verify; refusing to sign an audit record');
  const { checklist, pr } = input;
  const states = input.states ?? foldLedger(input.ledger);
  const phase = input.phase ?? 'pre-merge';
  const notApplicable = input.notApplicable ?? new Map<string, string>();
  const gate = phaseGate({
    checklist,
    states,
    headSha: pr.headSha,
    phase,
    notApplicable: [...notApplicable.keys()],
    ...(pr.mergeCommitSha && phase === 'post-deploy' ? { mergeSha: pr.mergeCommitSha } : {}),
  });
  const evidence = evidenceByItem(input.evidence, pr.headSha);
  const fill = (text: string) => fillPlaceholders(text, input.variables ?? {});
  const title = fill(checklist.title);
  const items = checklist.items.map((item): AuditItem => {
    const state = states[item.id] ?? { checked: false };
    const section = item.section.map(fill);
    const found = evidence.get(item.id);
    const why = notApplicable.get(item.id);
    return {
      id: item.id,
      text: item.text,
      section: section[0] === title ? section.slice(1) : section,
      kind: item.kind,
      phase: item.phase,
      required: why === undefined && isRequired(item, input.activated),
      ...(item.check ? { check: item.check } : {}),
      ...(item.role ? { role: item.role } : {}),
      outcome: itemStatus(item, state, pr.headSha),
      state: structuredClone(state),
      ...(found && item.kind === 'auto' ? { evidence: found } : {}),
      ...(why === undefined ? {} : { notApplicable: why }),
      ...(item.params.dryRun === true ? { dryRun: true as const } : {}),
    };
  });
  const { count, rejected } = input.ledger.base;
  const unsigned: UnsignedAuditRecord = {
    schema: AUDIT_SCHEMA,
    repo: input.repo,
    title,
    pr: { ...pr },
    sha: pr.headSha,
    generatedAt: input.generatedAt,
    gate: {
      phase,
      conclusion: gate.conclusion,
      summary: gate.summary,
      done: gate.done,
      required: gate.required,
    },
    items,
    events: structuredClone(input.ledger.events),
    ...(count > 0 ? { compacted: { count, rejected } } : {}),
    ledgerHead: input.ledger.head,
    ...(input.signals && input.signals.length > 0 ? { signals: [...input.signals] } : {}),
    ...(input.postReview
      ? {
          emergency: {
            by: input.postReview.by,
            at: input.postReview.at,
            reason: input.postReview.reason,
            due: input.postReview.due,
            skipped: [...input.postReview.skipped],
            missing: [...input.postReview.missing],
            review: postReviewState(input.postReview),
          },
        }
      : {}),
  };
  return { ...unsigned, signature: signAuditRecord(unsigned, secret) };
}

export function signAuditRecord(record: UnsignedAuditRecord, secret: string): string {
  return createHmac('sha256', secret).update(canonical(record)).digest('base64url');
}

export type AuditVerification = { ok: true; record: AuditRecord } | { ok: false; reason: string };

/** Checks an untrusted record (parsed JSON): signature over every field as given, then its shape. */
export function verifyAuditRecord(value: unknown, secret: string): AuditVerification {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, reason: 'not an audit record' };
  const { signature, ...rest } = value as Record<string, unknown>;
  if (typeof signature !== 'string') return { ok: false, reason: 'the record has no signature' };
  const expected = Buffer.from(createHmac('sha256', secret).update(canonical(rest)).digest('base64url'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return {
      ok: false,
      reason: 'the signature does not match: the record was altered or signed with another key',
    };
  const parsed = AuditRecordSchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, reason: `the record is malformed: ${parsed.error.issues[0]?.message ?? ''}` };
  return { ok: true, record: parsed.data };
}

function evidenceByItem(input: AuditInput['evidence'], headSha: string): Map<string, AuditEvidence> {
  const documents: readonly Evidence[] = !input ? [] : Array.isArray(input) ? input : [input as Evidence];
  const byItem = new Map<string, AuditEvidence>();
  for (const document of documents) {
    for (const result of document.results) {
      // Evidence for the audited commit wins over older runs of the same item.
      if (byItem.has(result.item) && document.sha !== headSha) continue;
      byItem.set(result.item, {
        check: result.check,
        status: result.status,
        summary: result.summary,
        findings: result.findings.map((finding) => ({ ...finding })),
        ...(result.metrics ? { metrics: { ...result.metrics } } : {}),
        sha: document.sha,
      });
    }
  }
  return byItem;
}

const PLACEHOLDER = /\{\{([a-z0-9.-]+)(?:\|([^}]*))?\}\}/g;

function fillPlaceholders(text: string, variables: Readonly<Record<string, string | undefined>>): string {
  return text.replace(
    PLACEHOLDER,
    (_match, name: string, fallback: string | undefined) => variables[name]?.trim() || fallback || name,
  );
}
