import type { z } from 'zod';
import { parseChecklistComment } from '../../core/comment/parse.js';
import { COMMENT_MARKER } from '../../core/comment/render.js';
import { planTicks, rejectionMessages, tickEvents } from '../../core/decide/plan-ticks.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { decideChanges } from '../pr/authorize-actor.js';
import { publish } from '../pr/publish.js';
import { pullNotApplicable } from '../pr/pull-conditions.js';
import { isReleasePull } from '../pr/release-pr.js';
import { getPull, getSetup, openSession } from '../pr/session.js';
import { repairStaleWrite } from '../pr/stale-write.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import type { IssueCommentPayload } from './payloads.js';

type Payload = z.infer<typeof IssueCommentPayload>;

/** True when the comment is our checklist comment (marker + written by this app). */
export function isChecklistComment(scope: EventScope, payload: Payload): boolean {
  return (
    payload.comment.user?.login === scope.bot.botLogin() &&
    (payload.comment.body ?? '').includes(COMMENT_MARKER)
  );
}

export function isBotSender(scope: EventScope, payload: Payload): boolean {
  return payload.sender.login === scope.bot.botLogin();
}

/**
 * A person edited the checklist comment: apply each deliberate, authorized toggle as a ledger
 * event; revert the rest (with one reply); restore anything else they changed (hidden block).
 */
export async function onChecklistEdited(scope: EventScope, payload: Payload): Promise<void> {
  if (isBotSender(scope, payload)) return repairStaleWrite(scope, payload);
  if (!isChecklistComment(scope, payload) || !payload.issue.pull_request) return;
  const number = payload.issue.number;
  const actor = payload.sender.login;
  const before = payload.changes?.body?.from ?? '';
  const after = payload.comment.body ?? '';
  await scope.bot.memory.queue.run(prKey(scope.gh, number), async () => {
    const pull = await getPull(scope, number);
    if (!isReleasePull((await getSetup(scope, pull)).config, pull)) return;
    const session = await openSession(scope, number, {
      pull,
      comment: { id: payload.comment.id, body: after, author: payload.comment.user?.login ?? '' },
      candidates: [before],
    });
    const plan = planTicks({
      checklist: session.setup.checklist,
      before,
      after,
      states: foldLedger(session.ledger),
      headSha: pull.headSha,
      notApplicable: await pullNotApplicable(scope, pull, session.setup.checklist),
    });
    const decisions = await decideChanges(scope, session, actor, plan.changes);
    const accepted = decisions.filter((d) => d.ok).length;
    scope.bot.metrics?.tickDecisions(accepted, decisions.length - accepted);
    const events = tickEvents(decisions, actor, scope.bot.now().toISOString(), pull.headSha);
    const gate = await publish(scope, session, events);
    scope.bot.memory.replies.add(prKey(scope.gh, number), rejectionMessages(decisions), (body) =>
      scope.gh.createComment(number, body),
    );
    scope.log.info(
      {
        pr: session.key,
        actor,
        accepted: decisions.filter((d) => d.ok).map((d) => d.change.item.id),
        rejected: decisions.filter((d) => !d.ok).map((d) => d.change.item.id),
        ignored: plan.ignored,
        gate: gate.summary,
      },
      'checklist edit handled',
    );
  });
}

/** Someone deleted the checklist comment: post it again with its state. */
export async function onChecklistDeleted(scope: EventScope, payload: Payload): Promise<void> {
  if (isBotSender(scope, payload) || !isChecklistComment(scope, payload) || !payload.issue.pull_request)
    return;
  const number = payload.issue.number;
  await scope.bot.memory.queue.run(prKey(scope.gh, number), async () => {
    const session = await openSession(scope, number, { candidates: [payload.comment.body ?? ''] });
    if (session.comment?.id === payload.comment.id) delete session.comment;
    session.notes ??= parseChecklistComment(payload.comment.body ?? '', session.setup.checklist).notes;
    await publish(scope, session);
    scope.log.warn({ pr: session.key, by: payload.sender.login }, 'checklist comment was deleted; re-posted');
  });
}
