import type { ItemStates } from '../ledger/ledger.js';
import type { Checklist, Phase } from '../template/model.js';
import type { WindowVerdict } from '../windows/change-windows.js';
import { evaluateGate, type GateDecision } from './gate.js';
import { type GovernanceInput, governPreMerge, type PostReview, postReviewOf } from './governance.js';
import { type RollbackStatus, rollbackStatus, withPhase } from './rollback.js';

export interface ReleaseGatesInput {
  checklist: Checklist;
  states: ItemStates;
  /** The PR head: pre-merge results are keyed by it. */
  headSha: string;
  /** The merge commit once merged: post-deploy results are keyed by it. */
  mergeSha?: string;
  problems?: readonly string[];
  notApplicable?: readonly string[];
  /** Change windows, freezes and the time: absent (CLI, audit record), only break-glass applies. */
  governance?: GovernanceInput;
}

export interface ReleaseView {
  /** Only once merged. */
  postDeploy?: GateDecision;
  /** What the checklist comment's status line shows: pre-merge before the merge, post-deploy after. */
  display: GateDecision;
}

export interface ReleaseGates extends ReleaseView {
  preMerge: GateDecision;
  rollback: RollbackStatus;
  /** The change window at this evaluation (open when no governance input was given). */
  window: WindowVerdict;
  /** After a break-glass: what its review still needs. */
  postReview?: PostReview;
}

/** Both gates of a release (activated rollback steps count in the gate of the phase the release is in). */
export function releaseGates(input: ReleaseGatesInput): ReleaseGates {
  const rollback = rollbackStatus(input.checklist, input.states);
  const items = evaluateGate({
    checklist: input.checklist,
    states: input.states,
    headSha: input.headSha,
    phase: 'pre-merge',
    activated: rollback.activated,
    ...(input.problems ? { problems: input.problems } : {}),
    ...(input.notApplicable ? { notApplicable: input.notApplicable } : {}),
  });
  const { gate: preMerge, window } = governPreMerge(items, {
    states: input.states,
    headSha: input.headSha,
    ...(input.governance ? { governance: input.governance } : {}),
    ...(input.problems ? { problems: input.problems } : {}),
  });
  const postReview = input.governance
    ? postReviewOf({
        checklist: input.checklist,
        states: input.states,
        headSha: input.headSha,
        now: input.governance.now,
        ...(input.mergeSha ? { mergeSha: input.mergeSha } : {}),
      })
    : undefined;
  return {
    preMerge,
    rollback,
    window,
    ...(postReview ? { postReview } : {}),
    ...releaseView({ ...input, preMerge, rollback }),
  };
}

/**
 * Before the merge the pre-merge gate is shown; after it the post-deploy gate on the merge
 * commit, with the activated rollback steps in it wherever the template put them.
 */
export function releaseView(
  input: ReleaseGatesInput & { preMerge: GateDecision; rollback: RollbackStatus },
): ReleaseView {
  const { rollback, preMerge } = input;
  const note = rollback.active
    ? ` · 🔄 rollback in progress${rollback.started?.incident ? ` (incident ${rollback.started.incident})` : ''}`
    : '';
  if (!input.mergeSha) return { display: { ...preMerge, summary: preMerge.summary + note } };
  const postDeploy = evaluateGate({
    checklist: withPhase(input.checklist, rollback.activated, 'post-deploy'),
    states: input.states,
    headSha: input.mergeSha,
    phase: 'post-deploy',
    activated: rollback.activated,
    ...(input.problems ? { problems: input.problems } : {}),
    ...(input.notApplicable ? { notApplicable: input.notApplicable } : {}),
  });
  return {
    postDeploy,
    display: {
      ...postDeploy,
      summary: `merged as ${input.mergeSha.slice(0, 7)} · post-deploy: ${postDeploy.summary}${note}`,
    },
  };
}

/**
 * The gate of one phase on one commit, by the same rules as the PR's own check (the CLI's gate
 * line, the audit record). Post-deploy results are keyed by the merge commit: `mergeSha`, else
 * `headSha`.
 */
export function phaseGate(input: ReleaseGatesInput & { phase: Phase }): GateDecision {
  const { phase, ...rest } = input;
  if (phase === 'pre-merge') return releaseGates(rest).preMerge;
  const gates = releaseGates({ ...rest, mergeSha: rest.mergeSha ?? rest.headSha });
  return gates.postDeploy ?? gates.preMerge;
}
