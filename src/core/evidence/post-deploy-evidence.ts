import type { Checklist } from '../template/model.js';
import { parseEvidenceText } from './evidence.js';
import { type EvidenceJudgement, type EvidenceSource, judgeEvidence } from './judge-evidence.js';

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
  checklist: Checklist,
  at: string,
): EvidenceJudgement {
  const { mergeSha, ...rest } = source;
  const judgement = judgeEvidence({ ...rest, expectedSha: mergeSha }, checklist, at);
  if (!judgement.accepted) return judgement;
  const postDeploy = new Set(
    checklist.items.filter((item) => item.phase === 'post-deploy').map((item) => item.id),
  );
  const events = judgement.events.filter((event) => event.t === 'result' && postDeploy.has(event.item));
  const ignored = judgement.events.flatMap((event) =>
    event.t === 'result' && !postDeploy.has(event.item) ? [event.item] : [],
  );
  return { accepted: true, events, ignoredItems: [...judgement.ignoredItems, ...ignored] };
}
