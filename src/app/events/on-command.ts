import type { z } from 'zod';
import { hasPermission } from '../../core/decide/authorize.js';
import { decideWaive, parseCommand } from '../../core/decide/commands.js';
import { planNotApplicable } from '../../core/decide/not-applicable.js';
import { evaluateGate } from '../../core/gate/gate.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { permissionOf } from '../pr/authorize-actor.js';
import { publish } from '../pr/publish.js';
import { pullNotApplicable } from '../pr/pull-conditions.js';
import { isReleasePull } from '../pr/release-pr.js';
import { getPull, getSetup, openSession } from '../pr/session.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import { syncPull } from './on-pull-request.js';
import type { IssueCommentPayload } from './payloads.js';

/** `/shipgate refresh|status|waive|na <item-id> <reason>` on a release PR, by people with write access. */
export async function onCommand(
  scope: EventScope,
  payload: z.infer<typeof IssueCommentPayload>,
): Promise<void> {
  if (payload.sender.login === scope.bot.botLogin() || payload.sender.type === 'Bot') return;
  if (!payload.issue.pull_request) return;
  const command = parseCommand(payload.comment.body ?? '');
  if (!command) return;
  const number = payload.issue.number;
  const actor = payload.sender.login;
  const pull = await getPull(scope, number, true);
  if (!pull.open || !isReleasePull((await getSetup(scope, pull)).config, pull)) return;
  if (!hasPermission(await permissionOf(scope, actor), 'write')) {
    await scope.gh.createComment(number, `@${actor} shipgate commands need write access to the repository.`);
    return;
  }
  switch (command.name) {
    case 'refresh':
      await syncPull(scope, pull);
      return;
    case 'status':
      await scope.bot.memory.queue.run(prKey(scope.gh, number), async () => {
        const session = await openSession(scope, number, { pull });
        const conditions = await pullNotApplicable(scope, pull, session.setup.checklist);
        const gate = evaluateGate({
          checklist: session.setup.checklist,
          states: foldLedger(session.ledger),
          headSha: pull.headSha,
          phase: 'pre-merge',
          problems: session.setup.problems,
          notApplicable: [...conditions.keys()],
        });
        await scope.gh.createComment(
          number,
          `**shipgate** for \`${pull.headSha.slice(0, 7)}\`: ${gate.summary}`,
        );
      });
      return;
    case 'waive':
      await scope.bot.memory.queue.run(prKey(scope.gh, number), async () => {
        const session = await openSession(scope, number, { pull });
        const decision = decideWaive(command, session.setup.checklist.items);
        if (!decision.ok) {
          await scope.gh.createComment(number, `@${actor} cannot waive: ${decision.message}`);
          return;
        }
        const at = scope.bot.now().toISOString();
        await publish(scope, session, [
          { t: 'waive', item: decision.item, by: actor, at, sha: pull.headSha, reason: decision.reason },
        ]);
      });
      return;
    case 'na':
      await scope.bot.memory.queue.run(prKey(scope.gh, number), async () => {
        const session = await openSession(scope, number, { pull });
        const decision = planNotApplicable({
          item: command.item,
          by: actor,
          reason: command.reason,
          at: scope.bot.now().toISOString(),
          sha: pull.headSha,
          items: session.setup.checklist.items,
        });
        if (!decision.ok) {
          await scope.gh.createComment(number, `@${actor} cannot mark N/A: ${decision.message}`);
          return;
        }
        await publish(scope, session, [decision.event]);
      });
      return;
    case 'unknown':
      await scope.gh.createComment(number, COMMAND_HELP);
  }
}

const COMMAND_HELP =
  'Unknown command. Use `/shipgate refresh`, `/shipgate status`, `/shipgate waive <item-id> <reason>` or `/shipgate na <item-id> <reason>`.';
