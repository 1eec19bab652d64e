import type { z } from 'zod';
import { EVIDENCE_CHECK_NAME } from '../../core/evidence/evidence.js';
import { judgeEvidence } from '../../core/evidence/judge-evidence.js';
import { buildCheckReport } from '../../core/gate/check-report.js';
import { evaluateGate } from '../../core/gate/gate.js';
import { appendEvents, foldLedger } from '../../core/ledger/ledger.js';
import { CHECK_NAME, writeCheckRun } from '../pr/publish.js';
import { pullNotApplicable } from '../pr/pull-conditions.js';
import { openSession } from '../pr/session.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import { type MergeGroupPayload, pullFromMergeQueueRef, runIdFrom } from './payloads.js';

export async function onMergeGroup(
  scope: EventScope,
  payload: z.infer<typeof MergeGroupPayload>,
): Promise<void> {
  if (payload.action !== 'checks_requested') return;
  const number = pullFromMergeQueueRef(payload.merge_group.head_ref);
  if (number === undefined) return;
  const { owner, repo } = scope.gh.repo;
  scope.bot.memory.mergeGroups.set(`${owner}/${repo}@${payload.merge_group.head_sha}`, number);
  await judgeMergeGroup(scope, number, payload.merge_group.head_sha);
}

/**
 * The gate for a merge-queue commit: human sign-offs and manual ticks carry over from the PR;
 * automated items count only with trusted results for the merge-group commit itself.
 */
export async function judgeMergeGroup(scope: EventScope, number: number, sha: string): Promise<void> {
  await scope.bot.memory.queue.run(prKey(scope.gh, number), async () => {
    const session = await openSession(scope, number, { refreshPull: true });
    const { checklist, config, problems } = session.setup;
    const at = scope.bot.now().toISOString();
    const notes: string[] = [];
    let ledger = session.ledger;
    const runs = (await scope.gh.listCheckRuns(sha, EVIDENCE_CHECK_NAME)).sort((a, b) => b.id - a.id);
    const evidence = runs.find((run) => run.status === 'completed');
    if (evidence) {
      const runId = runIdFrom(evidence.detailsUrl);
      const workflow = runId === undefined ? undefined : await scope.gh.workflowRun(runId);
      const judgement = judgeEvidence(
        {
          appSlug: evidence.appSlug,
          runSha: evidence.headSha,
          expectedSha: sha,
          workflowPath: workflow?.path,
          changedFiles: workflow ? await scope.gh.listPullFiles(number) : [],
          text: evidence.outputText,
        },
        checklist,
        at,
      );
      if (judgement.accepted) ledger = appendEvents(ledger, judgement.events, scope.bot.options.ledgerSecret);
      else notes.push(judgement.reason);
    }
    const conditions = await pullNotApplicable(scope, session.pull, checklist);
    const gate = evaluateGate({
      checklist,
      states: foldLedger(ledger),
      headSha: sha,
      phase: 'pre-merge',
      problems,
      notApplicable: [...conditions.keys()],
    });
    const report = buildCheckReport({ gate, checklist, config, problems, notes });
    await writeCheckRun(scope, undefined, {
      name: CHECK_NAME,
      headSha: sha,
      status: report.status,
      ...(report.conclusion ? { conclusion: report.conclusion } : {}),
      title: report.title,
      summary: `Merge queue commit for #${number}.\n\n${report.summary}`,
      externalId: `${number}`,
    });
    scope.log.info({ pr: session.key, sha, gate: gate.summary }, 'merge group judged');
  });
}
