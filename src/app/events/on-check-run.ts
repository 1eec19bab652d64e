import type { z } from 'zod';
import { rejectionMessages, tickEvents } from '../../core/decide/plan-ticks.js';
import { planSignOff } from '../../core/decide/sign-off-action.js';
import { EVIDENCE_CHECK_NAME } from '../../core/evidence/evidence.js';
import { judgeEvidence } from '../../core/evidence/judge-evidence.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { decideChanges } from '../pr/authorize-actor.js';
import { CHECK_NAME, publish } from '../pr/publish.js';
import { getPull, openSession } from '../pr/session.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import { judgeMergeGroup } from './on-merge-group.js';
import { syncPull } from './on-pull-request.js';
import { type CheckRunPayload, pullFromMergeQueueRef, runIdFrom } from './payloads.js';

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
    scope.bot.memory.mergeGroups.get(`${owner}/${repo}@${run.head_sha}`);
  if (queued !== undefined) return judgeMergeGroup(scope, queued, run.head_sha);
  for (const number of await pullsFor(scope, payload)) {
    await scope.bot.memory.queue.run(prKey(scope.gh, number), async () => {
      const session = await openSession(scope, number, { refreshPull: true });
      const { pull } = session;
      const runId = runIdFrom(run.details_url, run.external_id);
      const workflow = runId === undefined ? undefined : await scope.gh.workflowRun(runId);
      const changedFiles = workflow ? await scope.gh.listPullFiles(number) : [];
      const judgement = judgeEvidence(
        {
          appSlug: run.app?.slug,
          runSha: run.head_sha,
          expectedSha: pull.headSha,
          workflowPath: workflow && workflow.headSha === run.head_sha ? workflow.path : undefined,
          changedFiles,
          text: run.output?.text,
        },
        session.setup.checklist,
        scope.bot.now().toISOString(),
      );
      if (!judgement.accepted) {
        scope.log.warn({ pr: session.key, run: run.id, reason: judgement.reason }, 'check results ignored');
        if (run.head_sha !== pull.headSha) return; // stale results for an older commit: nothing to say
        scope.bot.memory.notes.set(`${session.key}@${pull.headSha}`, [judgement.reason]);
        await publish(scope, session);
        return;
      }
      scope.bot.memory.notes.delete(`${session.key}@${pull.headSha}`);
      const gate = await publish(scope, session, judgement.events);
      scope.log.info(
        { pr: session.key, results: judgement.events.length, gate: gate.summary },
        'check results applied',
      );
    });
  }
}

/** "Sign off as <Role>" on the check run: authorized exactly like ticking the box. */
async function onSignOffButton(scope: EventScope, payload: Payload): Promise<void> {
  const identifier = payload.requested_action?.identifier ?? '';
  const actor = payload.sender.login;
  for (const number of await pullsFor(scope, payload)) {
    await scope.bot.memory.queue.run(prKey(scope.gh, number), async () => {
      const session = await openSession(scope, number);
      const change = planSignOff(identifier, session.setup.checklist, foldLedger(session.ledger));
      if (!change) return;
      const decisions = await decideChanges(scope, session, actor, [change]);
      await publish(
        scope,
        session,
        tickEvents(decisions, actor, scope.bot.now().toISOString(), session.pull.headSha),
      );
      scope.bot.memory.replies.add(prKey(scope.gh, number), rejectionMessages(decisions), (body) =>
        scope.gh.createComment(number, body),
      );
    });
  }
}
