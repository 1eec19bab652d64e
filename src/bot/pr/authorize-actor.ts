import {
  type ActorFacts,
  authorizeChange,
  factsNeeded,
  type PermissionLevel,
} from '../../core/decide/authorize.js';
import type { Decision, PlannedChange } from '../../core/decide/plan-ticks.js';
import type { EventScope } from '../runtime/bot.js';
import type { PrSession } from './session.js';

/** What was looked up about the actor for each change (read before a step decides). */
export type ChangeFacts = ReadonlyMap<PlannedChange, ActorFacts>;

/** Looks up (with caching) what is needed about `actor` to decide each change: a step's read. */
export async function lookUpChangeFacts(
  scope: EventScope,
  session: PrSession,
  actor: string,
  changes: readonly PlannedChange[],
): Promise<ChangeFacts> {
  const facts = new Map<PlannedChange, ActorFacts>();
  for (const change of changes) facts.set(change, await lookUpFacts(scope, session, actor, change));
  return facts;
}

/** Decides each change from what was looked up (plain data: a step's decide calls it). */
export function authorizeChanges(
  session: PrSession,
  actor: string,
  changes: readonly PlannedChange[],
  facts: ChangeFacts,
): Decision[] {
  return changes.map((change) => {
    const verdict = authorizeChange({
      item: change.item,
      checked: change.checked,
      actor,
      prAuthor: session.pull.author,
      config: session.setup.config,
      facts: facts.get(change) ?? {},
    });
    return verdict.ok
      ? { change, ok: true }
      : { change, ok: false, reason: verdict.reason, message: verdict.message };
  });
}

async function lookUpFacts(
  scope: EventScope,
  session: PrSession,
  actor: string,
  change: PlannedChange,
): Promise<ActorFacts> {
  const needed = factsNeeded(change.item, session.setup.config, actor);
  const facts: ActorFacts = {};
  if (needed.permission) facts.permission = await permissionOf(scope, actor);
  if (needed.role) facts.roleMember = await inRoleTeams(scope, session, needed.role, actor);
  return facts;
}

export async function permissionOf(scope: EventScope, actor: string): Promise<PermissionLevel> {
  const { owner, repo } = scope.gh.repo;
  const cached = await scope.bot.memory.access.permissions.getOrLoad(
    `${owner}/${repo}:${actor.toLowerCase()}`,
    () => scope.gh.permission(actor),
  );
  return cached as PermissionLevel;
}

/** Team membership (`org/team`), cached with a TTL; users listed in the role are handled in core. */
export async function inRoleTeams(
  scope: EventScope,
  session: { setup: Pick<PrSession['setup'], 'config'> },
  role: string,
  actor: string,
): Promise<boolean> {
  for (const team of session.setup.config.roles[role]?.teams ?? []) {
    const [org = '', slug = ''] = team.split('/');
    const member = await scope.bot.memory.access.teams.getOrLoad(
      `${team.toLowerCase()}:${actor.toLowerCase()}`,
      () => scope.gh.isTeamMember(org, slug, actor),
    );
    if (member) return true;
  }
  return false;
}
