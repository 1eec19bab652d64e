import type { Checklist } from '../template/model.js';
import { parseEvidenceText } from './evidence.js';
import { type EvidenceJudgement, judgeEvidence } from './judge-evidence.js';

export interface PostDeploySource {
  appSlug: string | undefined;
  /** The commit the check run is attached to. */
  runSha: string;
  /** The release PR's merge commit: post-deploy results must be for it. */
  mergeSha: string;
  /** The workflow file of the run, if the run could be found. */
  workflowPath: string | undefined;
  /** Whether that workflow file exists on the base branch (after a merge there is no PR diff to compare). */
  workflowOnBase: boolean;
  text: string | null | undefined;
}

/** True when a check run's output carries evidence for the post-deploy phase. */
export function isPostDeployEvidenceText(text: string | null | undefined): boolean {
  const parsed = parseEvidenceText(text);
  return parsed.ok && parsed.evidence.phase === 'post-deploy';
}

/**
 * Post-deploy results (the Action in a `deployment_status` workflow): the same trust rules as
 * before the merge — GitHub Actions, the expected commit (the merge commit), a known workflow —
 * except that the workflow must exist on the base branch instead of being untouched by the PR.
 * Only post-deploy items are taken, so pre-merge results stay keyed by the PR head.
 */
export function judgePostDeployEvidence(
  source: PostDeploySource,
  checklist: Checklist,
  at: string,
): EvidenceJudgement {
  if (source.workflowPath && !source.workflowOnBase)
    return {
      accepted: false,
      reason: `results ignored: the workflow that produced them (${source.workflowPath}) is not on the base branch`,
    };
  const judgement = judgeEvidence(
    {
      appSlug: source.appSlug,
      runSha: source.runSha,
      expectedSha: source.mergeSha,
      workflowPath: source.workflowPath,
      changedFiles: [],
      text: source.text,
    },
    checklist,
    at,
  );
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
