/**
 * Sign-off without editing the comment. GitHub lets only the author and people with write access
 * edit a comment, so a role holder with read access could never tick their box; they can comment
 * and review. `/shipgate sign-off <role>` and an approving review by a role member count as that
 * role's sign-off, authorized and audited exactly like a tick (same decision, same ledger events).
 */
import type { z } from 'zod';
import { parseCommand } from '../../core/decide/commands.js';
import { rejectionMessages, tickEvents } from '../../core/decide/plan-ticks.js';
import { planReviewSignOffs, planSignOffRequest } from '../../core/decide/sign-off-request.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { authorizeChanges, lookUpChangeFacts } from '../pr/authorize-actor.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getPull, getSetup } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';
import { type IssueCommentPayload, type PullRequestReviewPayload, pullOf } from './payloads.js';

/** A `/shipgate sign-off <role>` comment by a person on a pull request. */
export function isSignOffCommand(payload: z.infer<typeof IssueCommentPayload>): boolean {
  return Boolean(payload.issue.pull_request) && parseCommand(payload.comment.body ?? '')?.name === 'sign-off';
}

export async function onSignOffCommand(
  scope: EventScope,
  payload: z.infer<typeof IssueCommentPayload>,
): Promise<void> {
  if (payload.sender.login === scope.bot.botLogin() || payload.sender.type === 'Bot') return;
  const command = parseCommand(payload.comment.body ?? '');
  if (command?.name !== 'sign-off') return;
  const number = payload.issue.number;
  const actor = payload.sender.login;
  const pull = await getPull(scope, number, true);
  // a merged release PR still takes sign-offs: the post-review of a break-glass is given there
  if ((!pull.open && !pull.mergeCommitSha) || !isReleasePull((await getSetup(scope, pull)).config, pull))
    return;
  await runPrStep(scope, number, {
    open: { pull },
    async read(session) {
      const request = planSignOffRequest(
        command.role,
        actor,
        session.setup.checklist,
        foldLedger(session.ledger),
      );
      if (!request.ok) return { request };
      return { request, facts: await lookUpChangeFacts(scope, session, actor, [request.change]) };
    },
    decide(session, { request, facts }) {
      if (!request.ok) return { explanations: [request.message] };
      const decisions = authorizeChanges(session, actor, [request.change], facts ?? new Map());
      return {
        events: tickEvents(decisions, actor, scope.bot.now().toISOString(), session.pull.headSha),
        explanations: rejectionMessages(decisions),
      };
    },
  });
}

/** An approving review of the current head signs off every pending role the reviewer holds. */
export async function onReviewSignOff(
  scope: EventScope,
  payload: z.infer<typeof PullRequestReviewPayload>,
): Promise<void> {
  if (payload.action !== 'submitted' || payload.review.state.toLowerCase() !== 'approved') return;
  const actor = payload.review.user?.login ?? payload.sender.login;
  const reviewed = pullOf({ ...payload, pull_request: payload.pull_request });
  if (!reviewed.open) return;
  const setup = await getSetup(scope, reviewed);
  if (!isReleasePull(setup.config, reviewed)) return;
  await runPrStep(scope, reviewed.number, {
    coalesce: true,
    async read(session) {
      // An approval is of one commit: a review of an older head signs nothing off on the new one.
      if (payload.review.commit_id && payload.review.commit_id !== session.pull.headSha) return undefined;
      const changes = planReviewSignOffs(session.setup.checklist, foldLedger(session.ledger));
      return { changes, facts: await lookUpChangeFacts(scope, session, actor, changes) };
    },
    decide(session, read) {
      if (!read) return undefined;
      const decisions = authorizeChanges(session, actor, read.changes, read.facts);
      // Only roles the reviewer holds: approving is not an attempt to sign off someone else's role.
      const held = decisions.filter((decision) => decision.ok);
      if (held.length === 0) return undefined;
      return { events: tickEvents(held, actor, scope.bot.now().toISOString(), session.pull.headSha) };
    },
  });
}
