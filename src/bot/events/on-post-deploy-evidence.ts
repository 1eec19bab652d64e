import type { z } from 'zod';
import { EVIDENCE_CHECK_NAME } from '../../core/evidence/evidence.js';
import {
  isPostDeployEvidenceText,
  judgePostDeployEvidence,
} from '../../core/evidence/post-deploy-evidence.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { judgeTriggerResults } from '../../core/telemetry/rollback-triggers.js';
import { evidenceSource } from '../pr/provenance.js';
import { runPrStep } from '../pr/run-step.js';
import type { EventScope } from '../runtime/bot.js';
import { askToDecide } from './on-decide.js';
import { startRollback } from './on-rollback.js';
import type { CheckRunPayload } from './payloads.js';

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
    const outcome = await runPrStep(scope, found.number, {
      open: { refreshPull: true },
      read: async (session) => {
        const mergeSha = session.pull.mergeCommitSha;
        if (!mergeSha) return undefined;
        return evidenceSource(
          scope,
          session,
          { appSlug: run.app?.slug, headSha: run.head_sha, text: run.output?.text },
          { sha: mergeSha },
        );
      },
      decide(session, read) {
        const mergeSha = session.pull.mergeCommitSha;
        if (!mergeSha || !read) return undefined;
        const { expectedSha: _sha, ...source } = read;
        const judgement = judgePostDeployEvidence(
          { ...source, mergeSha },
          session.setup,
          foldLedger(session.ledger),
          scope.bot.now().toISOString(),
        );
        if (!judgement.accepted) {
          scope.log.warn(
            { pr: session.key, run: run.id, reason: judgement.reason },
            'post-deploy results ignored',
          );
          return { resultNotes: { sha: mergeSha, notes: [judgement.reason] } };
        }
        // Rollback triggers bound to metrics: a breach ticks the trigger as the bot.
        const triggers = judgeTriggerResults(session.setup.checklist, judgement.events);
        const fired = triggers.fired;
        // inconclusive results (too few samples, no baseline, between limit and warn) go to a person
        const inconclusive = triggers.events.flatMap((event) =>
          event.t === 'result' && event.status === 'skipped' && /inconclusive/.test(event.summary)
            ? [{ item: event.item, line: event.summary }]
            : [],
        );
        scope.log.info(
          { pr: session.key, results: judgement.events.length, fired: fired.length },
          'post-deploy results applied',
        );
        return {
          events: triggers.events,
          resultNotes: { sha: mergeSha, notes: [] },
          outcome: { fired, inconclusive },
        };
      },
    });
    const fired = outcome?.fired ?? [];
    const inconclusive = outcome?.inconclusive ?? [];
    if (inconclusive.length > 0) await askToDecide(scope, found.number, inconclusive);
    if (fired.length > 0)
      await startRollback(scope, found.number, {
        actor: scope.bot.botLogin(),
        source: `check-run:${run.id}`,
        detail: fired.map((trigger) => `${trigger.text}: ${trigger.summary}`).join('; '),
      });
  }
}
