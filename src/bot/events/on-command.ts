import type { z } from 'zod';
import { hasPermission } from '../../core/decide/authorize.js';
import { decideWaive, parseCommand } from '../../core/decide/commands.js';
import { planNotApplicable } from '../../core/decide/not-applicable.js';
import { statusReply } from '../../core/gate/projection.js';
import { permissionOf } from '../pr/authorize-actor.js';
import { reply } from '../pr/publish.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getPull, getSetup } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';
import { onDoctor } from './on-doctor.js';
import { isGovernanceCommand, onGovernanceCommand } from './on-governance.js';
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
  // sign-offs need no write access: on-sign-off.ts authorizes them like a tick; cutover: cutover/on-cutover.ts
  if (!command || command.name === 'sign-off' || command.name === 'cutover') return;
  const number = payload.issue.number;
  const actor = payload.sender.login;
  const pull = await getPull(scope, number, true);
  // on any open PR: the doctor is for a repository whose set-up may not even recognise release PRs
  if (command.name === 'doctor') return pull.open ? onDoctor(scope, number, actor) : undefined;
  // freeze, exception, break-glass: by the configured roles; notes: also on the merged PR (post-review)
  if (isGovernanceCommand(command)) return onGovernanceCommand(scope, pull, command, actor);
  if (!pull.open || !isReleasePull((await getSetup(scope, pull)).config, pull)) return;
  if (!hasPermission(await permissionOf(scope, actor), 'write')) {
    await reply(scope, number, `@${actor} shipgate commands need write access to the repository.`);
    return;
  }
  switch (command.name) {
    case 'refresh':
      await syncPull(scope, pull);
      return;
    case 'status':
      // the same projection the comment and the check show
      return runPrStep(scope, number, {
        open: { pull },
        after: ({ projection }) => reply(scope, number, statusReply(projection, pull.headSha)),
      });
    case 'waive': {
      return runPrStep(scope, number, {
        open: { pull },
        decide(session) {
          const decision = decideWaive(command, session.setup.checklist.items);
          if (!decision.ok)
            return { effects: [{ kind: 'reply', body: `@${actor} cannot waive: ${decision.message}` }] };
          const at = scope.bot.now().toISOString();
          return {
            events: [
              {
                t: 'waive',
                item: decision.item,
                by: actor,
                at,
                sha: session.pull.headSha,
                reason: decision.reason,
              },
            ],
          };
        },
      });
    }
    case 'na': {
      return runPrStep(scope, number, {
        open: { pull },
        decide(session) {
          const decision = planNotApplicable({
            item: command.item,
            by: actor,
            reason: command.reason,
            at: scope.bot.now().toISOString(),
            sha: pull.headSha,
            items: session.setup.checklist.items,
          });
          if (!decision.ok)
            return { effects: [{ kind: 'reply', body: `@${actor} cannot mark N/A: ${decision.message}` }] };
          return { events: [decision.event] };
        },
      });
    }
    case 'unknown':
      await reply(scope, number, COMMAND_HELP);
      return;
    case 'rollback':
    case 'decide':
      return; // on-rollback.ts, on-decide.ts
  }
}

const COMMAND_HELP =
  'Unknown command. Use `/shipgate refresh`, `/shipgate status`, `/shipgate sign-off <role>`, `/shipgate cutover <percent>`, `/shipgate decide <item-id> pass|fail <reason>`, `/shipgate waive <item-id> <reason>`, `/shipgate na <item-id> <reason>`, `/shipgate note <item-id> <text>`, `/shipgate freeze <until|duration> <reason>`, `/shipgate unfreeze`, `/shipgate exception <reason>`, `/shipgate break-glass <reason>` or `/shipgate doctor`.';
