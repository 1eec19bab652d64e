import type { ItemStates } from '../ledger/ledger.js';
import { parseEvidenceText } from './evidence.js';
import {
  type EvidenceJudgement,
  type EvidencePolicy,
  type EvidenceSource,
  judgeEvidence,
} from './judge-evidence.js';

/** Post-deploy results: the same source facts, for the merge commit. */
export type PostDeploySource = Omit<EvidenceSource, 'expectedSha' | 'pullNumber'> & { mergeSha: string };

export function isPostDeployEvidenceText(text: string | null | undefined): boolean {
  const parsed = parseEvidenceText(text);
  return parsed.ok && parsed.evidence.phase === 'post-deploy';
}

/**
 * Post-deploy results (the Action in a `deployment_status` workflow): the same trust rules as
 * before the merge — GitHub Actions, a verified token for a run of the merge commit, a workflow file
 * equal to the default branch's. Only post-deploy items are taken, so pre-merge results stay keyed
 * by the PR head.
 */
export function judgePostDeployEvidence(
  source: PostDeploySource,
  policy: EvidencePolicy,
  states: ItemStates,
  at: string,
): EvidenceJudgement {
  const { mergeSha, ...rest } = source;
  return judgeEvidence({ ...rest, expectedSha: mergeSha }, policy, states, at, 'post-deploy');
}
