import type { Probot } from 'probot';
import { type GovernanceOutcome, governanceStep } from '../../bot/events/on-governance-timer.js';
import { dueGovernance, forgetGovernance } from '../../bot/pr/governance-watch.js';
import type { Bot } from '../../bot/runtime/bot.js';
import { scopeForRepo } from '../../bot/runtime/repo-scope.js';
import { claimSlot } from './cutover-pass.js';

/**
 * One pass of the governance timer (with the cutover timer): every PR whose change window has
 * opened or whose post-review reminder or escalation is due, claimed per time slot like the
 * cutover pass so one replica acts. The step projects the PR again, which records its next moment.
 */
export async function governancePass(
  probot: Probot,
  bot: Bot,
  options: { maxPulls: number; slotMs: number },
): Promise<Array<{ pr: string; outcome: GovernanceOutcome }>> {
  const done: Array<{ pr: string; outcome: GovernanceOutcome }> = [];
  for (const entry of (await dueGovernance(bot, bot.now().getTime())).slice(0, options.maxPulls)) {
    const pr = `${entry.owner}/${entry.repo}#${entry.number}`;
    if (!(await claimSlot(bot, `governance:${pr}`, options.slotMs))) continue;
    try {
      const scope = await scopeForRepo(probot, bot, { owner: entry.owner, repo: entry.repo });
      // forgotten first: the step's projection records the next moment again when there is one
      await forgetGovernance(bot, entry);
      if (!scope) continue;
      done.push({ pr, outcome: await governanceStep(scope, entry.number) });
    } catch (error) {
      probot.log.error({ err: error, pr }, 'governance pass failed for pull request');
    }
  }
  return done;
}
