import type { z } from 'zod';
import { EVIDENCE_CHECK_NAME } from '../../core/evidence/evidence.js';
import {
  isPostDeployEvidenceText,
  judgePostDeployEvidence,
} from '../../core/evidence/post-deploy-evidence.js';
import { runPrStep } from '../pr/run-step.js';
import type { EventScope } from '../runtime/bot.js';
import { type CheckRunPayload, runIdFrom } from './payloads.js';

type Payload = z.infer<typeof CheckRunPayload>;

/** A completed `shipgate/checks` run whose evidence is for the post-deploy phase. */
export function isPostDeployEvidence(payload: Payload): boolean {
  const run = payload.check_run;
  return (
    payload.action === 'completed' &&
    run.name === EVIDENCE_CHECK_NAME &&
    isPostDeployEvidenceText(run.output?.text)
  );
}

/**
 * Post-deploy results on a merge commit (the Action in a `deployment_status` workflow): ticks the
 * automated post-deploy items of the release PR that was merged as that commit.
 */
export async function onPostDeployEvidence(scope: EventScope, payload: Payload): Promise<void> {
  const run = payload.check_run;
  const merged = (await scope.gh.pullsForCommit(run.head_sha)).filter(
    (pull) => pull.mergeCommitSha === run.head_sha,
  );
  if (merged.length === 0) {
    scope.log.info({ sha: run.head_sha }, 'post-deploy results for a commit that merged no PR; ignored');
    return;
  }
  for (const found of merged) {
    await runPrStep(scope, found.number, {
      open: { refreshPull: true },
      async decide(session) {
        const { pull } = session;
        const mergeSha = pull.mergeCommitSha;
        if (!mergeSha) return undefined;
        const runId = runIdFrom(run.details_url, run.external_id);
        const workflow = runId === undefined ? undefined : await scope.gh.workflowRun(runId);
        const workflowPath = workflow && workflow.headSha === run.head_sha ? workflow.path : undefined;
        const workflowOnBase = workflowPath
          ? (await scope.gh.readFile(workflowPath, pull.baseRef)) !== undefined
          : false;
        const judgement = judgePostDeployEvidence(
          {
            appSlug: run.app?.slug,
            runSha: run.head_sha,
            mergeSha,
            workflowPath,
            workflowOnBase,
            text: run.output?.text,
          },
          session.setup.checklist,
          scope.bot.now().toISOString(),
        );
        if (!judgement.accepted) {
          scope.log.warn(
            { pr: session.key, run: run.id, reason: judgement.reason },
            'post-deploy results ignored',
          );
          return { resultNotes: { sha: mergeSha, notes: [judgement.reason] } };
        }
        scope.log.info({ pr: session.key, results: judgement.events.length }, 'post-deploy results applied');
        return { events: judgement.events, resultNotes: { sha: mergeSha, notes: [] } };
      },
    });
  }
}
