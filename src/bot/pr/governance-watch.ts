/**
 * Which release PRs wait on time: a change window that opens later (the PR goes green then
 * without anyone touching it) or a break-glass post-review with a reminder or an escalation due.
 * Kept like the cutover index (cutover/cutover-watch.ts): this replica's memory plus the
 * coordinator's shared state (Redis across replicas and restarts). With the in-process
 * coordinator a restart forgets the index; the next event on the PR records it again, and the
 * state it is derived from (ledger, config, freeze issue) is all on GitHub.
 */
import { z } from 'zod';
import type { ReleaseGates } from '../../core/gate/release-gates.js';
import { type Bot, type EventScope, prKey } from '../runtime/bot.js';

const SHARED_INDEX = 'governance:watched';
const INDEX_TTL_SEC = 30 * 86_400;
const MAX_WATCHED = 500;

export interface GovernanceWatch {
  owner: string;
  repo: string;
  number: number;
  /** When to look again (ms since the epoch). */
  dueAt: number;
}

const Entry = z.object({ owner: z.string(), repo: z.string(), number: z.number(), dueAt: z.number() });

/** The next moment this PR's gate can change by time alone, if any. */
export function nextGovernanceMoment(gates: ReleaseGates, merged: boolean): number | undefined {
  const moments: number[] = [];
  if (!merged && !gates.window.open && gates.window.opensAt) moments.push(Date.parse(gates.window.opensAt));
  const review = gates.postReview;
  if (review && !review.reviewed && !review.escalated) {
    const at = Date.parse(review.at);
    const due = Date.parse(review.due);
    // a reminder half-way, then the escalation when overdue
    moments.push(review.reminded ? due + 1 : at + (due - at) / 2);
  }
  const finite = moments.filter(Number.isFinite);
  return finite.length > 0 ? Math.min(...finite) : undefined;
}

const local = new WeakMap<Bot, Map<string, number>>();

/** Records (or forgets) when to look at PR `number` again, after a step projected it. */
export async function noteGovernance(
  scope: EventScope,
  number: number,
  gates: ReleaseGates,
  merged: boolean,
): Promise<void> {
  const dueAt = nextGovernanceMoment(gates, merged);
  const key = prKey(scope.gh, number);
  let known = local.get(scope.bot);
  if (!known) {
    known = new Map();
    local.set(scope.bot, known);
  }
  // nothing to record and nothing recorded here: no shared-state call on the common path (an
  // entry another replica left is dropped by the timer pass, which forgets before it looks)
  if (known.get(key) === dueAt || (dueAt === undefined && !known.has(key))) return;
  if (dueAt === undefined) known.delete(key);
  else known.set(key, dueAt);
  await updateIndex(scope.bot, (index) => {
    const rest = index.filter((entry) => keyOf(entry) !== key);
    return dueAt === undefined ? rest : [...rest, { ...scope.gh.repo, number, dueAt }];
  });
}

const keyOf = (entry: GovernanceWatch) => `${entry.owner}/${entry.repo}#${entry.number}`;

/** Entries due at `nowMs`, earliest first. */
export async function dueGovernance(bot: Bot, nowMs: number): Promise<GovernanceWatch[]> {
  return (await readIndex(bot)).filter((entry) => entry.dueAt <= nowMs).sort((a, b) => a.dueAt - b.dueAt);
}

export async function forgetGovernance(bot: Bot, entry: GovernanceWatch): Promise<void> {
  local.get(bot)?.delete(keyOf(entry));
  await updateIndex(bot, (index) => index.filter((one) => keyOf(one) !== keyOf(entry)));
}

async function readIndex(bot: Bot): Promise<GovernanceWatch[]> {
  const raw = await bot.memory.coordinator.recall(SHARED_INDEX);
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry) => {
      const one = Entry.safeParse(entry);
      return one.success ? [one.data] : [];
    });
  } catch {
    return [];
  }
}

async function updateIndex(bot: Bot, change: (index: GovernanceWatch[]) => GovernanceWatch[]): Promise<void> {
  await bot.memory.coordinator.runExclusive(SHARED_INDEX, async () => {
    const next = change(await readIndex(bot)).slice(-MAX_WATCHED);
    await bot.memory.coordinator.remember(SHARED_INDEX, JSON.stringify(next), INDEX_TTL_SEC);
  });
}
