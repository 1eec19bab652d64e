/**
 * Which PRs have a cutover window open: kept in this replica's memory and in the coordinator's
 * shared state (Redis across replicas and restarts), so the timer on any replica finds them.
 * Written after every step that projected a PR (run-step.ts), from the ledger alone.
 */
import { z } from 'zod';
import { activeWindows, type WindowConfig } from '../../core/cutover/windows.js';
import type { ItemStates } from '../../core/ledger/ledger.js';
import type { Checklist } from '../../core/template/model.js';
import { type Bot, type EventScope, prKey, type WatchedPull } from '../runtime/bot.js';
import { forgetReadings } from './cutover-readings.js';

export type { WatchedPull };

const SHARED_INDEX = 'cutover:watched';
const INDEX_TTL_SEC = 7 * 86_400;
const MAX_WATCHED = 500;

/** Records (or, with no open window, forgets) a PR's open windows after a step wrote its state. */
export async function noteCutover(
  scope: EventScope,
  number: number,
  checklist: Checklist,
  states: ItemStates,
  config: WindowConfig,
): Promise<void> {
  const { bot } = scope;
  const active = activeWindows(checklist, states, bot.now().getTime(), config);
  const key = prKey(scope.gh, number);
  const closesAt = Math.min(...active.map(({ status }) => status.closesAt));
  const watched = bot.memory.watch.cutoverWatch;
  const known = watched.get(key);
  if (active.length === 0) {
    if (!known) return;
    watched.delete(key);
    await forgetReadings(bot, key);
  } else {
    if (known?.closesAt === closesAt) return;
    watched.set(key, { ...scope.gh.repo, number, closesAt });
  }
  await updateSharedIndex(bot, (index) => {
    const rest = index.filter((entry) => prKeyOf(entry) !== key);
    return active.length === 0 ? rest : [...rest, { ...scope.gh.repo, number, closesAt }];
  });
}

const prKeyOf = (entry: WatchedPull) => `${entry.owner}/${entry.repo}#${entry.number}`;

/**
 * Every replica's watched PRs, from the shared index (Redis keeps it across restarts): this
 * replica's memory only saves rewriting an unchanged entry, so a PR another replica forgot is
 * forgotten here too.
 */
export async function watchedPulls(bot: Bot): Promise<WatchedPull[]> {
  return (await readSharedIndex(bot)).sort((a, b) => a.closesAt - b.closesAt);
}

/** An entry another replica (or an older version) wrote: kept only when it has every field. */
const WatchedEntry = z.object({
  owner: z.string(),
  repo: z.string(),
  number: z.number(),
  closesAt: z.number(),
});

async function readSharedIndex(bot: Bot): Promise<WatchedPull[]> {
  const raw = await bot.memory.coordinator.recall(SHARED_INDEX);
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry) => {
      const one = WatchedEntry.safeParse(entry);
      return one.success ? [one.data] : [];
    });
  } catch {
    return [];
  }
}

/** Read-modify-write under the index's own lock, so two replicas never drop each other's entries. */
async function updateSharedIndex(bot: Bot, change: (index: WatchedPull[]) => WatchedPull[]): Promise<void> {
  await bot.memory.coordinator.runExclusive(SHARED_INDEX, async () => {
    const next = change(await readSharedIndex(bot)).slice(-MAX_WATCHED);
    await bot.memory.coordinator.remember(SHARED_INDEX, JSON.stringify(next), INDEX_TTL_SEC);
  });
}

/** SHIPGATE_CUTOVER_INTERVAL_MS: how often the server samples open windows (default 15 s; 0 off). */
export function cutoverIntervalFrom(env: Record<string, string | undefined>): number {
  const raw = env.SHIPGATE_CUTOVER_INTERVAL_MS;
  const value = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : 15_000;
}

/** Forgets a PR the timer found without an open window (its last window closed on another replica). */
export async function forgetWatched(bot: Bot, entry: WatchedPull): Promise<void> {
  const key = prKeyOf(entry);
  bot.memory.watch.cutoverWatch.delete(key);
  await forgetReadings(bot, key);
  await updateSharedIndex(bot, (index) => index.filter((one) => prKeyOf(one) !== key));
}
