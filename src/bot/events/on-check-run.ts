import type { z } from 'zod';
import { rejectionMessages, tickEvents } from '../../core/decide/plan-ticks.js';
import { planSignOff } from '../../core/decide/sign-off-action.js';
import { EVIDENCE_CHECK_NAME } from '../../core/evidence/evidence.js';
import { judgeEvidence, refusalNotes } from '../../core/evidence/judge-evidence.js';
import { CHECK_NAME, POST_DEPLOY_CHECK } from '../../core/gate/projection.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { authorizeChanges, lookUpChangeFacts } from '../pr/authorize-actor.js';
import { evidenceSource } from '../pr/provenance.js';
import { runPrStep } from '../pr/run-step.js';
import { getPull } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';
import { onDecideButton } from './on-decide.js';
import { judgeMergeGroup } from './on-merge-group.js';
import { syncPull } from './on-pull-request.js';
import { type CheckRunPayload, pullFromMergeQueueRef } from './payloads.js';

type Payload = z.infer<typeof CheckRunPayload>;

export async function onCheckRun(scope: EventScope, payload: Payload): Promise<void> {
  const run = payload.check_run;
  const ours = run.name === CHECK_NAME && run.app?.id === scope.bot.options.appId;
  if (payload.action === 'completed' && run.name === EVIDENCE_CHECK_NAME) return onEvidence(scope, payload);
  if (ours && payload.action === 'rerequested') {
    for (const number of await pullsFor(scope, payload))
      await syncPull(scope, await getPull(scope, number, true));
  }
  if (ours && payload.action === 'requested_action') return onSignOffButton(scope, payload);
  const postDeploy = run.name === POST_DEPLOY_CHECK && run.app?.id === scope.bot.options.appId;
  if (postDeploy && payload.action === 'requested_action')
    return onDecideButton(
      scope,
      run.head_sha,
      payload.requested_action?.identifier ?? '',
      payload.sender.login,
    );
}

/** Open PRs whose head is the run's commit (from the payload, else by listing open PRs). */
async function pullsFor(scope: EventScope, payload: Payload): Promise<number[]> {
  const listed = payload.check_run.pull_requests.map((pr) => pr.number);
  if (listed.length > 0) return listed;
  const open = await scope.gh.listOpenPulls();
  return open.filter((pull) => pull.headSha === payload.check_run.head_sha).map((pull) => pull.number);
}

/** Results from the Action: trusted only from GitHub Actions, for the head, from an unmodified workflow. */
async function onEvidence(scope: EventScope, payload: Payload): Promise<void> {
  const run = payload.check_run;
  const { owner, repo } = scope.gh.repo;
  const queued =
    pullFromMergeQueueRef(run.check_suite?.head_branch ?? '') ??
    scope.bot.memory.pr.mergeGroups.get(`${owner}/${repo}@${run.head_sha}`);
  if (queued !== undefined) return judgeMergeGroup(scope, queued, run.head_sha);
  for (const number of await pullsFor(scope, payload)) {
    await runPrStep(scope, number, {
      open: { refreshPull: true },
      read: (session) =>
        evidenceSource(
          scope,
          session,
          { appSlug: run.app?.slug, headSha: run.head_sha, text: run.output?.text },
          { sha: session.pull.headSha, pullNumber: number, pull: session.pull },
        ),
      decide(session, source) {
        const { pull } = session;
        const judgement = judgeEvidence(
          source,
          session.setup,
          foldLedger(session.ledger),
          scope.bot.now().toISOString(),
        );
        if (!judgement.accepted) {
          scope.log.warn({ pr: session.key, run: run.id, reason: judgement.reason }, 'check results ignored');
          // stale results for an older commit: nothing to say on the current one
          return run.head_sha === pull.headSha
            ? { resultNotes: { sha: pull.headSha, notes: [judgement.reason] } }
            : undefined;
        }
        scope.log.info(
          { pr: session.key, results: judgement.events.length, refused: judgement.refused.length },
          'check results applied',
        );
        return {
          events: judgement.events,
          resultNotes: { sha: pull.headSha, notes: refusalNotes(judgement.refused) },
        };
      },
    });
  }
}

/** "Sign off as <Role>" on the check run: authorized exactly like ticking the box. */
async function onSignOffButton(scope: EventScope, payload: Payload): Promise<void> {
  const identifier = payload.requested_action?.identifier ?? '';
  const actor = payload.sender.login;
  for (const number of await pullsFor(scope, payload)) {
    await runPrStep(scope, number, {
      coalesce: true,
      async read(session) {
        const change = planSignOff(identifier, session.setup.checklist, foldLedger(session.ledger));
        return change
          ? { change, facts: await lookUpChangeFacts(scope, session, actor, [change]) }
          : undefined;
      },
      decide(session, read) {
        if (!read) return undefined;
        const decisions = authorizeChanges(session, actor, [read.change], read.facts);
        return {
          events: tickEvents(
            decisions,
            actor,
            scope.bot.now().toISOString(),
            session.pull.headSha,
            scope.delivery,
          ),
          explanations: rejectionMessages(decisions),
        };
      },
    });
  }
}
