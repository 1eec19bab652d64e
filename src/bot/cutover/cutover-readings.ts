/**
 * The latest readings of a PR's open cutover windows (shown with the countdown), kept in the
 * coordinator's shared state like the ledger, so whichever replica writes the PR next shows the
 * readings another replica's timer took. Read and written under the PR's lease.
 */
import { z } from 'zod';
import type { Bot } from '../runtime/bot.js';

/** About a day: a window is minutes long; stale readings are dropped when it closes anyway. */
const READINGS_TTL_S = 24 * 3600;
const Readings = z.record(z.string(), z.string());
export type WindowReadings = Record<string, string>;

const readingsKey = (prKey: string) => `cutover-readings:${prKey}`;

export async function loadReadings(bot: Bot, prKey: string): Promise<WindowReadings | undefined> {
  const stored = await bot.memory.coordinator.recall(readingsKey(prKey));
  if (stored === undefined) return undefined;
  try {
    const readings = Readings.parse(JSON.parse(stored));
    return Object.keys(readings).length > 0 ? readings : undefined;
  } catch {
    return undefined; // not ours or cut: the next pass writes it again
  }
}

export async function saveReadings(bot: Bot, prKey: string, readings: WindowReadings): Promise<void> {
  await bot.memory.coordinator.remember(readingsKey(prKey), JSON.stringify(readings), READINGS_TTL_S);
}

/** The coordinator has no delete: an empty record that expires soon reads as none. */
export async function forgetReadings(bot: Bot, prKey: string): Promise<void> {
  await bot.memory.coordinator.remember(readingsKey(prKey), '{}', 1);
}
