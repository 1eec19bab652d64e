/**
 * Inconclusive judgements go to a person: after a window closes inconclusive the bot asks the roles
 * named in `telemetry.inconclusive.roles` on the PR; `/shipgate decide <item-id> pass|fail <reason>`
 * by one of them (write access when no roles are named) records the decision in the ledger.
 */
import type { z } from 'zod';
import { hasPermission } from '../../core/decide/authorize.js';
import { parseCommand } from '../../core/decide/commands.js';
import {
  firstInconclusive,
  listedDecider,
  outcomeOfAction,
  planDecide,
} from '../../core/decide/decide-inconclusive.js';
import { escapeInline, mention } from '../../core/escape.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { inRoleTeams, permissionOf } from '../pr/authorize-actor.js';
import { answerWaitingDeployments } from '../pr/deployment-wait.js';
import { reply } from '../pr/publish.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getPull, getSetup, openSession } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';
import type { IssueCommentPayload } from './payloads.js';

type Payload = z.infer<typeof IssueCommentPayload>;

export function isDecideCommand(payload: Payload): boolean {
  return Boolean(payload.issue.pull_request) && parseCommand(payload.comment.body ?? '')?.name === 'decide';
}

/** `/shipgate decide …` on an open or merged release PR (post-deploy items are decided after the merge). */
export async function onDecideCommand(scope: EventScope, payload: Payload): Promise<void> {
  if (payload.sender.login === scope.bot.botLogin() || payload.sender.type === 'Bot') return;
  const command = parseCommand(payload.comment.body ?? '');
  if (command?.name !== 'decide') return;
  const number = payload.issue.number;
  const pull = await getPull(scope, number, true);
  if (!(pull.open || pull.mergeCommitSha) || !isReleasePull((await getSetup(scope, pull)).config, pull))
    return;
  await decideInconclusive(scope, number, payload.sender.login, command);
}

/**
 * "Decide: pass|fail" on the `shipgate/post-deploy` check run: the first inconclusive item, decided
 * by the clicker (authorized like the command), with the button as the reason.
 */
export async function onDecideButton(
  scope: EventScope,
  mergeSha: string,
  identifier: string,
  actor: string,
): Promise<void> {
  const outcome = outcomeOfAction(identifier);
  if (!outcome) return;
  const pulls = (await scope.gh.pullsForCommit(mergeSha)).filter((pull) => pull.mergeCommitSha === mergeSha);
  for (const pull of pulls) {
    if (!isReleasePull((await getSetup(scope, pull)).config, pull)) continue;
    await decideInconclusive(scope, pull.number, actor, {
      outcome,
      reason: 'decided with the check-run button',
    });
  }
}

async function decideInconclusive(
  scope: EventScope,
  number: number,
  actor: string,
  command: { item?: string; outcome: string; reason: string },
): Promise<void> {
  // who may decide is read before the step (GitHub reads), whose decide stays pure
  const setup = await getSetup(scope, await getPull(scope, number));
  const roles = setup.config.telemetry?.inconclusive?.roles ?? [];
  const allowed =
    roles.length === 0
      ? hasPermission(await permissionOf(scope, actor), 'write')
      : listedDecider(roles, setup.config, actor) || (await anyRoleTeam(scope, { setup }, roles, actor));
  if (!allowed) {
    await reply(
      scope,
      number,
      `${mention(actor)} cannot decide: ${roles.length === 0 ? 'deciding needs write access' : `only ${roles.join(', ')} decide inconclusive judgements`}.`,
    );
    return;
  }
  await runPrStep(scope, number, {
    decide(session) {
      const states = foldLedger(session.ledger);
      const item = command.item ?? firstInconclusive(session.setup.checklist.items, states)?.id ?? '';
      const plan = planDecide({
        item,
        outcome: command.outcome,
        reason: command.reason,
        by: actor,
        at: scope.bot.now().toISOString(),
        items: session.setup.checklist.items,
        states,
      });
      if (!plan.ok)
        return { effects: [{ kind: 'reply', body: `${mention(actor)} cannot decide: ${plan.message}` }] };
      const answer = `“${escapeInline(plan.item.text, 120)}” decided **${command.outcome}** by ${mention(actor)}: ${escapeInline(command.reason, 300)} (recorded in the ledger).`;
      return { events: [plan.event], effects: [{ kind: 'reply', body: answer }] };
    },
  });
  await answerWaitingDeployments(scope, number);
}

async function anyRoleTeam(
  scope: EventScope,
  session: Parameters<typeof inRoleTeams>[1],
  roles: readonly string[],
  actor: string,
): Promise<boolean> {
  for (const role of roles) if (await inRoleTeams(scope, session, role, actor)) return true;
  return false;
}

/** After a pass decided windows inconclusive: one reply asking the deciders, with the readings. */
export async function askToDecide(
  scope: EventScope,
  number: number,
  inconclusive: ReadonlyArray<{ item: string; line: string }>,
): Promise<void> {
  const session = await openSession(scope, number);
  const { config, checklist } = session.setup;
  const roles = config.telemetry?.inconclusive?.roles ?? [];
  const who = roles.flatMap((role) => [
    ...(config.roles[role]?.users ?? []).map((user) => mention(user)),
    ...(config.roles[role]?.teams ?? []).map((team) => `@${team}`),
  ]);
  const lines = inconclusive.map((one) => {
    const text = checklist.items.find((item) => item.id === one.item)?.text ?? one.item;
    return `- **${escapeInline(text, 120)}** (\`${one.item}\`): ${escapeInline(one.line, 400)}`;
  });
  await reply(
    scope,
    number,
    [
      `❓ **Inconclusive — a person decides**${who.length > 0 ? ` (${[...new Set(who)].join(' ')})` : ''}: shipgate neither passes nor rolls back on its own.`,
      '',
      ...lines,
      '',
      `Decide with \`/shipgate decide ${inconclusive[0]?.item ?? '<item-id>'} pass|fail <reason>\`.`,
    ].join('\n'),
  );
}
