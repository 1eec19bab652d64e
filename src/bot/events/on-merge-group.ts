import type { z } from 'zod';
import { EVIDENCE_CHECK_NAME } from '../../core/evidence/evidence.js';
import { judgeEvidence, refusalNotes } from '../../core/evidence/judge-evidence.js';
import { projectMergeGroup } from '../../core/gate/projection.js';
import { foldLedger, type LedgerEvent } from '../../core/ledger/ledger.js';
import { evidenceSource } from '../pr/provenance.js';
import { writeCheckRun } from '../pr/publish.js';
import { runPrStep } from '../pr/run-step.js';
import type { EventScope } from '../runtime/bot.js';
import { type MergeGroupPayload, pullFromMergeQueueRef } from './payloads.js';

export async function onMergeGroup(
  scope: EventScope,
  payload: z.infer<typeof MergeGroupPayload>,
): Promise<void> {
  if (payload.action !== 'checks_requested') return;
  const number = pullFromMergeQueueRef(payload.merge_group.head_ref);
  if (number === undefined) return;
  const { owner, repo } = scope.gh.repo;
  scope.bot.memory.pr.mergeGroups.set(`${owner}/${repo}@${payload.merge_group.head_sha}`, number);
  await judgeMergeGroup(scope, number, payload.merge_group.head_sha);
}

/**
 * The gate for a merge-queue commit: human sign-offs and manual ticks carry over from the PR;
 * automated items count only with trusted results for the merge-group commit itself.
 */
export async function judgeMergeGroup(scope: EventScope, number: number, sha: string): Promise<void> {
  await runPrStep(scope, number, {
    open: { refreshPull: true },
    async after({ session, facts }) {
      const at = scope.bot.now().toISOString();
      const notes: string[] = [];
      let events: LedgerEvent[] = [];
      const runs = (await scope.gh.listCheckRuns(sha, EVIDENCE_CHECK_NAME)).sort((a, b) => b.id - a.id);
      const evidence = runs.find((run) => run.status === 'completed');
      if (evidence) {
        const source = await evidenceSource(
          scope,
          session,
          { appSlug: evidence.appSlug, headSha: evidence.headSha, text: evidence.outputText },
          { sha },
        );
        const judgement = judgeEvidence(source, session.setup, foldLedger(session.ledger), at);
        if (judgement.accepted) {
          events = judgement.events;
          notes.push(...refusalNotes(judgement.refused));
        } else notes.push(judgement.reason);
      }
      const { gate, checkRun } = projectMergeGroup({
        ...facts,
        resultNotes: { [sha]: notes },
        ledger: session.ledger,
        events,
        ledgerKey: session.ledgerKey,
        sha,
      });
      await writeCheckRun(scope, undefined, checkRun);
      scope.log.info({ pr: session.key, sha, gate: gate.summary }, 'merge group judged');
    },
  });
}
