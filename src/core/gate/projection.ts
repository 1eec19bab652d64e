/**
 * The projection of one release PR: from what is known about it (setup, pull, signed ledger, new
 * events) to everything shipgate shows on GitHub — the new ledger, the gates, the status line,
 * the checklist comment and every check run. Pure: the bot's writer diffs the result against
 * GitHub and writes only what changed. Every place that reports a gate (`/shipgate status`, the
 * merge queue, deployment protection, the audit record, the CLI) reads `releaseGates`, so they
 * cannot disagree.
 */

import { auditCheckText } from '../audit/audit-attachment.js';
import { renderAuditMarkdown } from '../audit/audit-markdown.js';
import { type AuditRecord, buildAuditRecord } from '../audit/audit-record.js';
import { buildChecklistComment } from '../comment/checklist-comment.js';
import { encodeStateBlock } from '../comment/state-block.js';
import type { Config } from '../config/config.js';
import { cutoverView } from '../cutover/judge-window.js';
import { cutoverWindows } from '../cutover/windows.js';
import { decideActions } from '../decide/decide-inconclusive.js';
import { escapeInline } from '../escape.js';
import {
  appendEvents,
  foldLedger,
  type ItemStates,
  type Ledger,
  type LedgerEvent,
} from '../ledger/ledger.js';
import type { Checklist } from '../template/model.js';
import { buildVariables } from '../template/variables.js';
import type { CommandFreeze } from '../windows/change-windows.js';
import { buildCheckReport, type CheckAction } from './check-report.js';
import { evidenceLines } from './evidence-report.js';
import type { GateDecision } from './gate.js';
import { POST_REVIEW_CHECK, postReviewRun } from './post-review.js';
import { type ReleaseGates, releaseGates } from './release-gates.js';
import { rubberStampSignals, type StampSignal } from './rubber-stamp.js';

/** The merge gate GitHub's branch protection requires. */
export const CHECK_NAME = 'shipgate';
/** After the merge: the post-deploy items, on the merge commit. */
export const POST_DEPLOY_CHECK = 'shipgate/post-deploy';
export { POST_REVIEW_CHECK };

/** A check run as shipgate wants it to stand on GitHub. */
export interface CheckRunView {
  name: string;
  headSha: string;
  status: 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure' | 'neutral' | 'action_required';
  title: string;
  summary: string;
  text?: string;
  actions?: CheckAction[];
  externalId?: string;
  /** "Details" link of the run (the signed audit page). */
  detailsUrl?: string;
  /** The run whose output.text holds the newest signed ledger (the writer remembers it). */
  mirrorsLedger?: boolean;
}

export interface ReleasePull {
  number: number;
  title: string;
  author: string;
  headSha: string;
  mergeCommitSha?: string;
  /** When the PR was opened (rubber-stamp signals: ticks within seconds of it). */
  openedAt?: string;
}

/** What is known about a release PR besides its ledger. */
export interface ReleaseFacts {
  repo: string;
  checklist: Checklist;
  config: Config;
  /** Config or template problems (`file:line: message`): every gate fails closed while there are any. */
  problems: readonly string[];
  pull: ReleasePull;
  /** Items whose `when-…` condition this PR does not meet: id → why. */
  notApplicable: ReadonlyMap<string, string>;
  /** Free text people wrote in the comment's notes area. */
  notes?: string;
  version?: string;
  /** ISO time of this projection (the core reads no clock). */
  now: string;
  /** Why results for a commit were not accepted, by commit sha (shown on that commit's run). */
  resultNotes?: Readonly<Record<string, readonly string[]>>;
  /** The signed audit page link for the `shipgate` run. */
  detailsUrl?: string;
  /** Where the config and template were read (the default branch at a commit). */
  policy?: { ref: string; sha: string };
  /** The bot's latest readings of open cutover windows, by item id (shown with the countdown). */
  cutoverReadings?: Readonly<Record<string, string>>;
  /** The repository's freeze set by `/shipgate freeze`, when one is in force (app/pr/freeze-store.ts). */
  freeze?: CommandFreeze;
}

export interface ProjectionInput extends ReleaseFacts {
  ledger: Ledger;
  /** Events decided by this step; appended (and signed) before anything is derived. */
  events?: readonly LedgerEvent[];
  /** Signs the audit record. */
  secret: string;
  /** Signs this PR's ledger (prLedgerKey). */
  ledgerKey: string;
  /** At the merge: the final `shipgate` run on the head carries the signed audit record. */
  withAudit?: boolean;
}

export interface ReleaseProjection {
  /** The signed ledger after the events (compacted to fit the comment). */
  ledger: Ledger;
  states: ItemStates;
  gates: ReleaseGates;
  /** Rubber-stamp signals of this PR's ledger (not blocking; shown in the check and the audit record). */
  signals: StampSignal[];
  /** The status line of the comment; also what `/shipgate status` answers. */
  status: string;
  comment: string;
  checkRuns: CheckRunView[];
  audit?: { record: AuditRecord; markdown: string };
}

function gatesOf(facts: ReleaseFacts, states: ItemStates, headSha = facts.pull.headSha): ReleaseGates {
  return releaseGates({
    checklist: facts.checklist,
    states,
    headSha,
    problems: facts.problems,
    notApplicable: [...facts.notApplicable.keys()],
    ...(facts.pull.mergeCommitSha ? { mergeSha: facts.pull.mergeCommitSha } : {}),
    governance: {
      now: facts.now,
      ...(facts.config.windows ? { windows: facts.config.windows } : {}),
      ...(facts.freeze ? { freeze: facts.freeze } : {}),
    },
  });
}

function reportRun(
  facts: ReleaseFacts,
  gate: GateDecision,
  run: Omit<CheckRunView, 'status' | 'conclusion' | 'title' | 'summary'> & {
    intro?: string;
    signals?: readonly StampSignal[];
  },
  states: ItemStates,
): CheckRunView {
  const report = buildCheckReport({
    gate,
    checklist: facts.checklist,
    config: facts.config,
    problems: facts.problems,
    notes: facts.resultNotes?.[run.headSha] ?? [],
    evidence: evidenceLines(facts.checklist, states, run.headSha),
    ...(run.signals ? { signals: run.signals.map((signal) => signal.text) } : {}),
  });
  const { intro, signals: _signals, ...rest } = run;
  const policy = facts.policy
    ? `\n\n<sub>Policy: config and template of \`${escapeInline(facts.policy.ref, 100)}\` at \`${facts.policy.sha.slice(0, 7)}\`.</sub>`
    : '';
  return {
    ...rest,
    status: report.status,
    ...(report.conclusion ? { conclusion: report.conclusion } : {}),
    title: report.title,
    summary: (intro ? `${intro}\n\n${report.summary}` : report.summary) + policy,
    actions: run.actions ?? report.actions,
  };
}

const mirrorText = (ledger: Ledger) =>
  `Signed checklist state (restores the comment if it is edited or deleted):\n\n${encodeStateBlock(ledger)}\n`;

export function projectRelease(input: ProjectionInput): ReleaseProjection {
  const { pull, checklist } = input;
  const appended = appendEvents(input.ledger, input.events ?? [], input.ledgerKey);
  const states = foldLedger(appended);
  const gates = gatesOf(input, states);
  const signals = rubberStampSignals({
    checklist,
    events: appended.events,
    ...(pull.openedAt ? { openedAt: pull.openedAt } : {}),
    author: pull.author,
  });
  const mergeSha = pull.mergeCommitSha;
  const variables = buildVariables({
    config: input.config,
    version: input.version,
    date: input.now,
    deployedBy: pull.author,
  });
  // cutover windows: countdown and readings, derived from the ledger and this projection's time
  const cutover = cutoverView({
    windows: cutoverWindows(checklist, input.config),
    states,
    nowMs: Date.parse(input.now),
    ...(input.cutoverReadings ? { readings: input.cutoverReadings } : {}),
  });
  const built = buildChecklistComment(
    {
      checklist,
      states,
      headSha: pull.headSha,
      variables,
      gate: gates.display,
      notes: input.notes,
      notApplicable: input.notApplicable,
      ...(mergeSha ? { postDeploySha: mergeSha } : {}),
      annotations: cutover.annotations,
    },
    appended,
    input.ledgerKey,
  );
  const ledger = built.ledger;
  const checkRuns: CheckRunView[] = [];
  let audit: ReleaseProjection['audit'];
  const decisions = decideActions(checklist.items, states);
  if (mergeSha && gates.postDeploy) {
    // merged: the `shipgate` run on the head is final; the post-deploy gate has its own run
    checkRuns.push(
      reportRun(
        input,
        gates.postDeploy,
        {
          name: POST_DEPLOY_CHECK,
          headSha: mergeSha,
          intro: [
            `Post-deploy items of #${pull.number} (merged as \`${mergeSha.slice(0, 7)}\`).`,
            ...(cutover.lines.length > 0 ? ['', '**Cutover windows**', ...cutover.lines] : []),
          ].join('\n'),
          text: mirrorText(ledger),
          externalId: `${pull.number}`,
          mirrorsLedger: true,
          // an inconclusive judgement: a person decides, here or with `/shipgate decide`
          ...(decisions.length > 0 ? { actions: decisions } : {}),
        },
        states,
      ),
    );
    if (input.withAudit) {
      const record = buildAuditRecord(
        {
          repo: input.repo,
          pr: {
            number: pull.number,
            title: pull.title,
            author: pull.author,
            headSha: pull.headSha,
            mergeCommitSha: mergeSha,
          },
          checklist,
          ledger,
          states,
          generatedAt: input.now,
          activated: gates.rollback.activated,
          variables,
          notApplicable: input.notApplicable,
          signals: signals.map((signal) => signal.text),
          ...(gates.postReview ? { postReview: gates.postReview } : {}),
        },
        input.secret,
        input.ledgerKey,
      );
      const markdown = renderAuditMarkdown(record);
      audit = { record, markdown };
      checkRuns.push(
        reportRun(
          input,
          gates.preMerge,
          {
            name: CHECK_NAME,
            headSha: pull.headSha,
            intro: `Merged as \`${mergeSha.slice(0, 7)}\`; the signed audit record is below.`,
            text: auditCheckText(record, markdown, `Signed checklist state:\n\n${encodeStateBlock(ledger)}`),
            actions: [],
            externalId: `${pull.number}`,
            signals,
          },
          states,
        ),
      );
    }
    // a break-glass release: its review is pending on the merge commit until given
    if (gates.postReview) checkRuns.push(postReviewRun(gates.postReview, mergeSha, pull.number, checklist));
  } else {
    checkRuns.push(
      reportRun(
        input,
        gates.preMerge,
        {
          name: CHECK_NAME,
          headSha: pull.headSha,
          text: mirrorText(ledger),
          externalId: `${pull.number}`,
          ...(input.detailsUrl ? { detailsUrl: input.detailsUrl } : {}),
          mirrorsLedger: true,
          signals,
        },
        states,
      ),
    );
  }
  return {
    ledger,
    states,
    gates,
    signals,
    status: gates.display.summary,
    comment: built.body,
    checkRuns,
    ...(audit ? { audit } : {}),
  };
}

/**
 * The gate for a merge-queue commit: sign-offs and manual ticks carry over from the PR; automated
 * items count only with results for the merge-group commit itself (`events`, not kept in the PR's
 * ledger). The same gates as the PR's own check, rollback steps included.
 */
export function projectMergeGroup(
  input: ReleaseFacts & {
    ledger: Ledger;
    events: readonly LedgerEvent[];
    ledgerKey: string;
    sha: string;
  },
): { gate: GateDecision; checkRun: CheckRunView } {
  const states = foldLedger(appendEvents(input.ledger, input.events, input.ledgerKey));
  const open: ReleaseFacts = { ...input, pull: { ...input.pull, headSha: input.sha } };
  const { mergeCommitSha: _merged, ...pull } = open.pull;
  const gates = gatesOf({ ...open, pull }, states, input.sha);
  return {
    gate: gates.preMerge,
    checkRun: reportRun(
      input,
      gates.preMerge,
      {
        name: CHECK_NAME,
        headSha: input.sha,
        intro: `Merge queue commit for #${input.pull.number}.`,
        externalId: `${input.pull.number}`,
      },
      states,
    ),
  };
}

/** The answer to `/shipgate status`: the same status line the comment shows. */
export function statusReply(projection: ReleaseProjection, sha: string): string {
  return `**shipgate** for \`${sha.slice(0, 7)}\`: ${projection.status}`;
}
