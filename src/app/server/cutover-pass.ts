import type { Probot } from 'probot';
import { forgetWatched, watchedPulls } from '../../bot/cutover/cutover-watch.js';
import { sampleCutover } from '../../bot/cutover/on-cutover-timer.js';
import type { Bot } from '../../bot/runtime/bot.js';
import { scopeForRepo } from '../../bot/runtime/repo-scope.js';

export interface CutoverTick {
  /** PRs looked at and windows sampled in this pass. */
  pulls: number;
  windows: number;
  decided: Array<{ pr: string; item: string; outcome: 'pass' | 'fail' | 'inconclusive'; line: string }>;
  /** The same timer's governance pass: windows opened, post-review reminders and escalations. */
  governance?: Array<{ pr: string; outcome: string }>;
}

/**
 * One pass of the cutover timer: the watched PRs whose windows close first, at most `maxWindows`
 * windows. Each PR is claimed for this time slot through the coordinator (like a delivery), so
 * with several replicas exactly one samples it per slot; the sampling itself runs under the PR's
 * lease. A restart loses nothing: the windows' starts are in the ledgers, the index is shared.
 */
export async function cutoverPass(
  probot: Probot,
  bot: Bot,
  options: { maxWindows: number; slotMs: number },
): Promise<CutoverTick> {
  const tick: CutoverTick = { pulls: 0, windows: 0, decided: [] };
  for (const entry of await watchedPulls(bot)) {
    if (tick.windows >= options.maxWindows) break;
    const pr = `${entry.owner}/${entry.repo}#${entry.number}`;
    if (!(await claimSlot(bot, pr, options.slotMs))) continue;
    try {
      const scope = await scopeForRepo(probot, bot, { owner: entry.owner, repo: entry.repo });
      if (!scope) {
        await forgetWatched(bot, entry);
        continue;
      }
      const result = await sampleCutover(scope, entry.number);
      tick.pulls++;
      tick.windows += result.sampled;
      tick.decided.push(...result.decided.map((one) => ({ pr, ...one })));
      if (result.sampled === 0) await forgetWatched(bot, entry);
    } catch (error) {
      probot.log.error({ err: error, pr }, 'cutover pass failed for pull request');
    }
  }
  return tick;
}

/** true for exactly one replica per PR and time slot (claimed like a webhook delivery). */
export function claimSlot(bot: Bot, pr: string, slotMs: number): Promise<boolean> {
  const slot = Math.floor(bot.now().getTime() / Math.max(slotMs, 1));
  return bot.memory.coordinator.claimDelivery(`cutover:${pr}:${slot}`);
}
