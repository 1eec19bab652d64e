/**
 * `/shipgate cutover <percent>`: ticks the "<percent>% traffic to green" step as the commenter,
 * authorized like a tick of that box (manual items: `manualPermission`, write by default), which
 * opens the cutover window after it (the tick's ledger time is its start). A deploy workflow can
 * post the same comment with its `GITHUB_TOKEN` (`gh pr comment`): a comment by
 * `github-actions[bot]` comes from a workflow of this repository with write access to issues.
 */
import type { z } from 'zod';
import { formatLeft, planCutover } from '../../core/cutover/windows.js';
import { parseCommand } from '../../core/decide/commands.js';
import { rejectionMessages, tickEvents } from '../../core/decide/plan-ticks.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import type { IssueCommentPayload } from '../events/payloads.js';
import { authorizeChanges, lookUpChangeFacts } from '../pr/authorize-actor.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getPull, getSetup } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';

/** The login of comments made with a workflow's GITHUB_TOKEN. */
const ACTIONS_LOGIN = 'github-actions[bot]';

type Payload = z.infer<typeof IssueCommentPayload>;

export function isCutoverCommand(payload: Payload): boolean {
  return Boolean(payload.issue.pull_request) && parseCommand(payload.comment.body ?? '')?.name === 'cutover';
}

export async function onCutoverCommand(scope: EventScope, payload: Payload): Promise<void> {
  const actor = payload.sender.login;
  const fromWorkflow = actor === ACTIONS_LOGIN && payload.sender.type === 'Bot';
  if (actor === scope.bot.botLogin() || (payload.sender.type === 'Bot' && !fromWorkflow)) return;
  const command = parseCommand(payload.comment.body ?? '');
  if (command?.name !== 'cutover') return;
  const number = payload.issue.number;
  const pull = await getPull(scope, number, true);
  // after the merge too: traffic moves once the release is deployed
  if (!isReleasePull((await getSetup(scope, pull)).config, pull)) return;
  await runPrStep(scope, number, {
    open: { pull },
    async read(session) {
      const now = scope.bot.now();
      const plan = planCutover(
        session.setup.checklist,
        foldLedger(session.ledger),
        command.percent,
        now.getTime(),
        session.setup.config,
      );
      if (!plan.ok) return { now, plan };
      const change = { item: plan.item, checked: true };
      // a tick by the deploy workflow (the Actions bot) needs no look-up: it is the pipeline's
      if (fromWorkflow) return { now, plan, change };
      return { now, plan, change, facts: await lookUpChangeFacts(scope, session, actor, [change]) };
    },
    decide(session, { now, plan, change, facts }) {
      if (!plan.ok)
        return { effects: [{ kind: 'reply', body: `@${actor} cannot cut over: ${plan.message}` }] };
      const sha =
        plan.item.phase === 'post-deploy' && session.pull.mergeCommitSha
          ? session.pull.mergeCommitSha
          : session.pull.headSha;
      if (!change) return undefined;
      const decisions = facts ? authorizeChanges(session, actor, [change], facts) : [{ change, ok: true }];
      const events = tickEvents(decisions, actor, now.toISOString(), sha, scope.delivery);
      const answer =
        decisions.every((decision) => decision.ok) && plan.reopens
          ? `“${plan.item.text}” ticked by @${actor}: “${plan.reopens.item.text}” is open until ${new Date(now.getTime() + plan.reopens.durationMs).toISOString().slice(11, 19)}Z (${formatLeft(plan.reopens.durationMs)}).`
          : undefined;
      return {
        events,
        explanations: rejectionMessages(decisions),
        ...(answer ? { effects: [{ kind: 'reply', body: answer }] } : {}),
      };
    },
  });
}
