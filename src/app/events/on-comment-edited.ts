import type { z } from 'zod';
import { parseChecklistComment } from '../../core/comment/parse.js';
import { COMMENT_MARKER } from '../../core/comment/render.js';
import { planTicks, rejectionMessages, tickEvents } from '../../core/decide/plan-ticks.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { decideChanges } from '../pr/authorize-actor.js';
import { pullNotApplicable } from '../pr/pull-conditions.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getPull, getSetup } from '../pr/session.js';
import { repairStaleWrite } from '../pr/stale-write.js';
import type { EventScope } from '../runtime/bot.js';
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
  const pull = await getPull(scope, number);
  if (!isReleasePull((await getSetup(scope, pull)).config, pull)) return;
  await runPrStep(scope, number, {
    coalesce: true,
    open: {
      pull,
      comment: { id: payload.comment.id, body: after, author: payload.comment.user?.login ?? '' },
      candidates: [before],
    },
    async decide(session) {
      const plan = planTicks({
        checklist: session.setup.checklist,
        before,
        after,
        states: foldLedger(session.ledger),
        headSha: session.pull.headSha,
        notApplicable: await pullNotApplicable(scope, session.pull, session.setup.checklist),
      });
      const decisions = await decideChanges(scope, session, actor, plan.changes);
      const accepted = decisions.filter((d) => d.ok);
      scope.bot.metrics?.tickDecisions(accepted.length, decisions.length - accepted.length);
      scope.log.info(
        {
          pr: session.key,
          actor,
          accepted: accepted.map((d) => d.change.item.id),
          rejected: decisions.filter((d) => !d.ok).map((d) => d.change.item.id),
          ignored: plan.ignored,
        },
        'checklist edit handled',
      );
      return {
        events: tickEvents(decisions, actor, scope.bot.now().toISOString(), session.pull.headSha),
        explanations: rejectionMessages(decisions),
      };
    },
  });
}

/** Someone deleted the checklist comment: post it again with its state. */
export async function onChecklistDeleted(scope: EventScope, payload: Payload): Promise<void> {
  if (isBotSender(scope, payload) || !isChecklistComment(scope, payload) || !payload.issue.pull_request)
    return;
  await runPrStep(scope, payload.issue.number, {
    open: { candidates: [payload.comment.body ?? ''] },
    decide(session) {
      if (session.comment?.id === payload.comment.id) delete session.comment;
      session.notes ??= parseChecklistComment(payload.comment.body ?? '', session.setup.checklist).notes;
      scope.log.warn(
        { pr: session.key, by: payload.sender.login },
        'checklist comment was deleted; re-posted',
      );
      return undefined;
    },
  });
}
