import type { z } from 'zod';
import { parseChecklistComment, renderedForHead } from '../../core/comment/parse.js';
import { COMMENT_MARKER } from '../../core/comment/render.js';
import { planTicks, rejectionMessages, tickEvents } from '../../core/decide/plan-ticks.js';
import { rollbackPlan } from '../../core/gate/rollback.js';
import { foldLedger, hasDelivery } from '../../core/ledger/ledger.js';
import { authorizeChanges, lookUpChangeFacts } from '../pr/authorize-actor.js';
import { pullNotApplicable } from '../pr/pull-conditions.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { findChecklistComment, getPull, getSetup } from '../pr/session.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import { startRollback } from './on-rollback.js';
import type { IssueCommentPayload } from './payloads.js';
import { repairStaleWrite } from './stale-write.js';

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
  // An edit of a checklist that is no longer the live one (deleted and re-posted since: a late
  // or redelivered webhook) changes nothing.
  const live =
    scope.bot.memory.pr.comments.get(prKey(scope.gh, number)) ?? (await findChecklistComment(scope, number));
  if (live?.id !== payload.comment.id) {
    scope.log.info(
      { pr: number, comment: payload.comment.id },
      'edit of a checklist that is not the live one ignored',
    );
    return;
  }
  const delivery = scope.delivery;
  const outcome = await runPrStep(scope, number, {
    coalesce: true,
    open: {
      pull,
      comment: { id: payload.comment.id, body: after, author: payload.comment.user?.login ?? '' },
      candidates: [before],
    },
    async read(session) {
      // the comment as this edit left it: parsed once, when the session opened (unless a later
      // edit in the same batch is the session's comment)
      const ticks =
        session.comment?.body === after && session.parsed
          ? session.parsed
          : parseChecklistComment(after, session.setup.checklist);
      if (delivery && hasDelivery(session.ledger, delivery)) return { ticks };
      const renderedFor = renderedForHead(before);
      if (renderedFor && renderedFor !== session.pull.headSha) return { ticks };
      const plan = planTicks({
        checklist: session.setup.checklist,
        before,
        after: ticks,
        states: foldLedger(session.ledger),
        headSha: session.pull.headSha,
        notApplicable: await pullNotApplicable(
          scope,
          session.pull,
          session.setup.checklist,
          session.setup.config,
        ),
      });
      return { ticks, plan, facts: await lookUpChangeFacts(scope, session, actor, plan.changes) };
    },
    decide(session, { ticks, plan, facts }) {
      // Does the edited comment tick a rollback trigger? Then the rollback flow runs next (it
      // decides from the ledger whether the tick was refused): no second pass over the edit.
      const triggers = rollbackPlan(session.setup.checklist).triggers;
      const outcome = { triggerTicked: triggers.some((trigger) => ticks.items.get(trigger.id)?.checked) };
      if (delivery && hasDelivery(session.ledger, delivery)) {
        scope.log.info(
          { pr: session.key, delivery },
          'edit already applied (replayed delivery); nothing to do',
        );
        return { outcome };
      }
      // An edit of the checklist as rendered for an older head (a push came in between, or the
      // delivery is replayed after one) cannot tick the new head: its toggles are reverted.
      const renderedFor = renderedForHead(before);
      if (renderedFor && renderedFor !== session.pull.headSha) {
        scope.log.warn(
          { pr: session.key, actor, renderedFor },
          'edit of a checklist rendered for an older commit',
        );
        return {
          explanations: [
            `@${actor} your change was made on the checklist for ${renderedFor.slice(0, 7)}, before the push of ${session.pull.headSha.slice(0, 7)}: nothing was recorded, tick again`,
          ],
          outcome,
        };
      }
      if (!plan || !facts) return { outcome };
      const decisions = authorizeChanges(session, actor, plan.changes, facts);
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
        events: tickEvents(decisions, actor, scope.bot.now().toISOString(), session.pull.headSha, delivery),
        explanations: rejectionMessages(decisions),
        outcome,
      };
    },
  });
  if (outcome?.triggerTicked) await startRollback(scope, number, { actor, source: 'trigger' });
}

/** Someone deleted the checklist comment: post it again with its state. */
export async function onChecklistDeleted(scope: EventScope, payload: Payload): Promise<void> {
  if (isBotSender(scope, payload) || !isChecklistComment(scope, payload) || !payload.issue.pull_request)
    return;
  const deleted = {
    id: payload.comment.id,
    body: payload.comment.body ?? '',
    author: payload.comment.user?.login ?? '',
  };
  await runPrStep(scope, payload.issue.number, {
    // the session opens without the deleted comment (its ledger copy still counts): the write posts it again
    open: { candidates: [deleted.body], deleted },
    decide(session) {
      scope.log.warn(
        { pr: session.key, by: payload.sender.login },
        'checklist comment was deleted; re-posted',
      );
      return undefined;
    },
  });
}
