/**
 * Governance commands (docs/governance.md): `/shipgate freeze <until|duration> <reason>`,
 * `/shipgate unfreeze`, `/shipgate exception <reason>`, `/shipgate break-glass <reason>` by the
 * configured roles, and `/shipgate note <item-id> <text>` by anyone who may tick manual items.
 * Every one is a ledger event; a freeze is also kept repository-wide (pr/freeze-store.ts) and
 * recorded in every open release PR's ledger.
 */
import type { Config } from '../../core/config/config.js';
import { durationMs } from '../../core/config/governance-config.js';
import { hasPermission } from '../../core/decide/authorize.js';
import type { Command } from '../../core/decide/commands.js';
import { escapeInline } from '../../core/escape.js';
import { releaseGates } from '../../core/gate/release-gates.js';
import { foldLedger, type LedgerEvent } from '../../core/ledger/ledger.js';
import { freezeUntil, localText } from '../../core/windows/change-windows.js';
import type { PullInfo } from '../../github/types.js';
import { permissionOf } from '../pr/authorize-actor.js';
import { currentFreeze, liftFreeze, setFreeze } from '../pr/freeze-store.js';
import { reply } from '../pr/publish.js';
import { pullNotApplicable } from '../pr/pull-conditions.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getSetup } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';

export type GovernanceCommand = Extract<
  Command,
  { name: 'freeze' | 'unfreeze' | 'exception' | 'break-glass' | 'note' }
>;

export function isGovernanceCommand(command: Command): command is GovernanceCommand {
  return ['freeze', 'unfreeze', 'exception', 'break-glass', 'note'].includes(command.name);
}

/**
 * Whether `actor` holds one of `roles` (names under `roles:`: users or team members). No roles
 * configured: only repository admins — an emergency path nobody configured stays closed to most.
 */
export async function holdsGovernanceRole(
  scope: EventScope,
  config: Config,
  roles: readonly string[] | undefined,
  actor: string,
): Promise<boolean> {
  if (!roles) return hasPermission(await permissionOf(scope, actor), 'admin');
  const login = actor.toLowerCase();
  for (const name of roles) {
    const role = config.roles[name];
    if (!role) continue;
    if (role.users.some((user) => user.toLowerCase() === login)) return true;
    for (const team of role.teams) {
      const [org = '', slug = ''] = team.split('/');
      const member = await scope.bot.memory.access.teams.getOrLoad(`${team.toLowerCase()}:${login}`, () =>
        scope.gh.isTeamMember(org, slug, actor),
      );
      if (member) return true;
    }
  }
  return false;
}

/** `@user @org/team …` of the roles (who is reminded of a post-review). */
export function mentionsOf(config: Config, roles: readonly string[]): string {
  const names = new Set<string>();
  for (const name of roles) {
    const role = config.roles[name];
    for (const user of role?.users ?? []) names.add(`@${user}`);
    for (const team of role?.teams ?? []) names.add(`@${team}`);
  }
  return [...names].join(' ');
}

const who = (roles: readonly string[] | undefined) =>
  roles
    ? `the role${roles.length > 1 ? 's' : ''} ${roles.map((role) => `\`${role}\``).join(', ')}`
    : 'repository admins';

export async function onGovernanceCommand(
  scope: EventScope,
  pull: PullInfo,
  command: GovernanceCommand,
  actor: string,
): Promise<void> {
  const number = pull.number;
  const setup = await getSetup(scope, pull);
  const config = setup.config;
  if (!isReleasePull(config, pull)) return;
  const merged = Boolean(pull.mergeCommitSha);
  // a note is what a post-review on the merged PR may need; the rest only for an open PR
  if (!pull.open && !(merged && command.name === 'note')) return;
  const now = scope.bot.now().toISOString();
  const zone = config.windows?.timezone ?? 'UTC';
  switch (command.name) {
    case 'note': {
      if (!hasPermission(await permissionOf(scope, actor), config.manualPermission)) {
        await reply(
          scope,
          number,
          `@${actor} notes need ${config.manualPermission} access to the repository.`,
        );
        return;
      }
      const item = setup.checklist.items.find((candidate) => candidate.id === command.item);
      if (!item || command.text.length < 3) {
        await reply(
          scope,
          number,
          `@${actor} ${item ? 'a note needs some text' : `no checklist item with id \`${escapeInline(command.item, 80)}\``}: \`/shipgate note <item-id> <text>\`.`,
        );
        return;
      }
      return runPrStep(scope, number, {
        open: { pull },
        decide: (session) => ({
          events: [
            {
              t: 'note',
              item: item.id,
              by: actor,
              at: now,
              sha: session.pull.headSha,
              text: command.text.slice(0, 500),
            },
          ],
        }),
      });
    }
    case 'exception': {
      const roles = config.windows?.roles;
      if (!(await holdsGovernanceRole(scope, config, roles, actor))) {
        await reply(scope, number, `@${actor} only ${who(roles)} may grant a change-window exception.`);
        return;
      }
      if (command.reason.length < 3) {
        await reply(
          scope,
          number,
          `@${actor} an exception needs a reason: \`/shipgate exception <reason>\`.`,
        );
        return;
      }
      return runPrStep(scope, number, {
        open: { pull },
        decide: (session) => ({
          events: [
            {
              t: 'exception',
              by: actor,
              at: now,
              sha: session.pull.headSha,
              reason: command.reason.slice(0, 300),
            },
          ],
        }),
        after: () =>
          reply(
            scope,
            number,
            `⏩ @${actor} granted this release an exception to the change window and freezes: ${escapeInline(command.reason, 300)} (recorded in the signed ledger).`,
          ),
      });
    }
    case 'break-glass':
      return breakGlass(scope, pull, command.reason, actor);
    case 'freeze': {
      const roles = config.windows?.roles;
      if (!(await holdsGovernanceRole(scope, config, roles, actor))) {
        await reply(scope, number, `@${actor} only ${who(roles)} may freeze the repository.`);
        return;
      }
      const until = freezeUntil(command.until, now, zone);
      if (!until || command.reason.length < 3) {
        await reply(
          scope,
          number,
          `@${actor} \`/shipgate freeze <until|duration> <reason>\`: until a date (\`2026-12-24\`, through that day in ${zone}), a local time (\`2026-12-24T18:00\`) or for a duration (\`4h\`, \`2d\`, \`1w\`), in the future, with a reason.`,
        );
        return;
      }
      const freeze = { until, reason: command.reason.slice(0, 300), by: actor, at: now };
      const local = localText(until, zone);
      const issue = await setFreeze(
        scope,
        freeze,
        `The repository is frozen for releases until **${local}** by @${actor} (set on #${number}): ${escapeInline(freeze.reason, 300)}\n\nRelease PRs stay pending and deployments are rejected until then. Lift it with \`/shipgate unfreeze\` on a release PR (${who(roles)}); closing this issue does not.`,
      );
      await recordEverywhere(scope, (sha) => ({ t: 'freeze', sha, ...freeze }));
      await reply(
        scope,
        number,
        `🧊 @${actor} froze releases until **${local}**: ${escapeInline(freeze.reason, 300)} (#${issue}). Lift it with \`/shipgate unfreeze\`.`,
      );
      return;
    }
    case 'unfreeze': {
      const roles = config.windows?.roles;
      if (!(await holdsGovernanceRole(scope, config, roles, actor))) {
        await reply(scope, number, `@${actor} only ${who(roles)} may lift a freeze.`);
        return;
      }
      if (!(await currentFreeze(scope))) {
        await reply(scope, number, `@${actor} no freeze set by \`/shipgate freeze\` is in force.`);
        return;
      }
      const lifted = await liftFreeze(scope, actor, `Freeze lifted by @${actor} on #${number} at ${now}.`);
      if (!lifted) return;
      await recordEverywhere(scope, (sha) => ({ t: 'unfreeze', by: actor, at: now, sha }));
      await reply(scope, number, `🌤 @${actor} lifted the freeze (#${lifted.issue}).`);
      return;
    }
  }
}

/** A freeze is repository-wide: every open release PR records it (and is re-projected by it). */
async function recordEverywhere(scope: EventScope, event: (sha: string) => LedgerEvent): Promise<void> {
  for (const open of await scope.gh.listOpenPulls()) {
    const setup = await getSetup(scope, open);
    if (!isReleasePull(setup.config, open)) continue;
    await runPrStep(scope, open.number, {
      open: { pull: open },
      decide: (session) => ({ events: [event(session.pull.headSha)] }),
    });
  }
}

/**
 * `/shipgate break-glass <reason>`: the gate passes for this head at once; what was not done is
 * recorded as skipped, due on the merged PR within `breakGlass.reviewWithin`.
 */
async function breakGlass(scope: EventScope, pull: PullInfo, reason: string, actor: string): Promise<void> {
  const number = pull.number;
  const setup = await getSetup(scope, pull);
  const config = setup.config;
  const roles = config.breakGlass.roles;
  if (!(await holdsGovernanceRole(scope, config, roles, actor))) {
    await reply(scope, number, `@${actor} only ${who(roles)} may break glass.`);
    return;
  }
  if (reason.length < 10) {
    await reply(
      scope,
      number,
      `@${actor} break-glass needs a reason of at least 10 characters: \`/shipgate break-glass <reason>\`.`,
    );
    return;
  }
  const nowMs = scope.bot.now().getTime();
  const due = new Date(nowMs + durationMs(config.breakGlass.reviewWithin)).toISOString();
  await runPrStep(scope, number, {
    open: { pull },
    read: (session) => pullNotApplicable(scope, session.pull, session.setup.checklist, config),
    decide(session, notApplicable) {
      const gate = releaseGates({
        checklist: session.setup.checklist,
        states: foldLedger(session.ledger),
        headSha: session.pull.headSha,
        notApplicable: [...notApplicable.keys()],
      }).preMerge;
      const skipped = [...new Set(gate.blockers.flatMap((blocker) => blocker.items))];
      return {
        outcome: skipped,
        events: [
          {
            t: 'break-glass',
            by: actor,
            at: new Date(nowMs).toISOString(),
            sha: session.pull.headSha,
            reason: reason.slice(0, 300),
            skipped,
            due,
          },
        ],
      };
    },
    async after({ session, outcome }) {
      const skipped = outcome ?? [];
      const skippedRoles = [
        ...new Set(
          session.setup.checklist.items
            .filter((item) => skipped.includes(item.id) && item.role)
            .map((item) => item.role as string),
        ),
      ];
      const mention = mentionsOf(config, [...skippedRoles, ...(roles ?? [])]);
      const texts = new Map(session.setup.checklist.items.map((item) => [item.id, item.text]));
      await reply(
        scope,
        number,
        [
          `## 🚨 BREAK-GLASS: emergency change by @${actor}`,
          '',
          `> ${escapeInline(reason, 300)}`,
          '',
          `The \`shipgate\` gate passes for \`${session.pull.headSha.slice(0, 7)}\` now, with ${skipped.length} required item(s) not done. This is recorded in the signed ledger and the audit record.`,
          `**Post-review obligation:** after the merge, the skipped sign-offs and items must be given on this PR's checklist by **${due}** (\`breakGlass.reviewWithin\`: ${config.breakGlass.reviewWithin}); until then \`shipgate/post-review\` stays pending on the merge commit, and when overdue it escalates.`,
          '',
          ...skipped.slice(0, 30).map((id) => `- [ ] ${escapeInline(texts.get(id) ?? id, 120)}`),
          ...(mention ? ['', `cc ${mention}`] : []),
        ].join('\n'),
      );
    },
  });
}
