import type { Config } from '../config/config.js';
import { mention } from '../escape.js';
import { roleTitle } from '../gate/gate.js';
import type { ChecklistItem } from '../template/model.js';

/** Repository permission levels, weakest first (GitHub's `role_name`). */
export const PERMISSION_LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

/** What the bot must look up about the actor before it can decide (nothing for automated items). */
export interface FactsNeeded {
  permission: boolean;
  /** The role whose membership must be checked (users first, then teams). */
  role?: string;
}

/** Looked-up facts about the actor. */
export interface ActorFacts {
  permission?: PermissionLevel;
  /** Whether the actor is a member of the item's role (a listed user or a member of a listed team). */
  roleMember?: boolean;
}

export interface AuthorizeInput {
  item: ChecklistItem;
  /** true for a tick, false for an untick. */
  checked: boolean;
  actor: string;
  prAuthor: string;
  config: Config;
  facts: ActorFacts;
}

export type Authorization = { ok: true } | { ok: false; reason: string; message: string };

export function factsNeeded(item: ChecklistItem, config: Config, actor: string): FactsNeeded {
  if (item.kind === 'manual') return { permission: true };
  if (item.kind === 'signoff' && item.role) {
    const listed = config.roles[item.role]?.users.some((user) => sameLogin(user, actor)) ?? false;
    return { permission: false, ...(listed ? {} : { role: item.role }) };
  }
  return { permission: false };
}

export function hasPermission(actual: PermissionLevel | undefined, needed: PermissionLevel): boolean {
  return PERMISSION_LEVELS.indexOf(actual ?? 'none') >= PERMISSION_LEVELS.indexOf(needed);
}

/** Decides whether `actor` may tick/untick `item`. Messages are one short line, ready to post. */
export function authorizeChange(input: AuthorizeInput): Authorization {
  const { item, actor, config, facts } = input;
  const who = mention(actor);
  const verb = input.checked ? 'tick' : 'untick';
  const deny = (reason: string, message: string): Authorization => ({ ok: false, reason, message });
  switch (item.kind) {
    case 'auto':
      return deny(
        'automated item',
        `${who} cannot ${verb} "${label(item)}": it is automated; shipgate ticks it from the check results`,
      );
    case 'manual': {
      const needed = config.manualPermission;
      if (hasPermission(facts.permission, needed)) return { ok: true };
      return deny(
        `needs ${needed} access`,
        `${who} cannot ${verb} "${label(item)}": needs ${needed} access to the repository (has ${facts.permission ?? 'none'})`,
      );
    }
    case 'signoff': {
      const role = item.role ?? '';
      const title = roleTitle(role);
      const action = input.checked ? 'sign off' : 'withdraw the sign-off';
      const listed = config.roles[role]?.users.some((user) => sameLogin(user, actor)) ?? false;
      if (!listed && !facts.roleMember) {
        const ask = eligible(config, role);
        return deny(
          `not in role ${role}`,
          `${who} cannot ${action} "${title}": not in role ${role}${ask ? ` (ask ${ask})` : ' (no members configured)'}`,
        );
      }
      if (input.checked && config.separationOfDuties && sameLogin(actor, input.prAuthor)) {
        return deny(
          'separation of duties',
          `${who} cannot ${action} "${title}": the PR author cannot sign off their own release (separation of duties)`,
        );
      }
      return { ok: true };
    }
  }
}

/** "@alice, @acme/qa": who can sign off a role. */
export function eligible(config: Config, role: string): string {
  const members = config.roles[role];
  if (!members) return '';
  return [...members.users.map((user) => mention(user)), ...members.teams.map((team) => `@${team}`)].join(
    ', ',
  );
}

function label(item: ChecklistItem): string {
  const text = item.text.replace(/<!--.*?-->/g, '').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function sameLogin(a: string, b: string): boolean {
  return a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();
}
