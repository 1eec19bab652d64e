import type { Probot } from 'probot';
import { syncPull } from '../../bot/events/on-pull-request.js';
import { isReleasePull } from '../../bot/pr/release-pr.js';
import { runPrStep } from '../../bot/pr/run-step.js';
import { getSetup } from '../../bot/pr/session.js';
import type { Bot, EventScope } from '../../bot/runtime/bot.js';
import { fencedGitHub } from '../../bot/runtime/coordinated-queue.js';
import { cutoverWindows } from '../../core/cutover/windows.js';
import { type AppOctokit, gitHubFor } from '../../github/client.js';

const MAX_REPOS = 1000;

/** At start-up: walk every installation's repositories and re-sync open release PRs. */
export async function reconcile(probot: Probot, bot: Bot): Promise<number> {
  const appOctokit = (await probot.auth()) as AppOctokit;
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  let synced = 0;
  let repos = 0;
  for (const installation of installations) {
    const octokit = (await probot.auth(installation.id)) as AppOctokit;
    const list = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    for (const repository of list) {
      if (++repos > MAX_REPOS) return synced;
      const log = probot.log.child({ reconcile: repository.full_name });
      const scope: EventScope = {
        bot,
        // fenced like every other path: a start-up write proves the PR's lease first
        gh: fencedGitHub(gitHubFor(octokit, { owner: repository.owner.login, repo: repository.name })),
        log,
      };
      try {
        for (const pull of await scope.gh.listOpenPulls()) if (await syncPull(scope, pull)) synced++;
        await resumeCutovers(scope);
      } catch (error) {
        log.error({ err: error }, 'reconcile failed for repository');
      }
    }
  }
  return synced;
}

/** Recently closed PRs looked at for open cutover windows after a restart (one page per repository). */
const RECENTLY_CLOSED = 10;

/**
 * Merged release PRs still in their cutover: projecting one registers its open windows with the
 * cutover timer (pr/run-step.ts → cutover/cutover-watch.ts). Their starts are in the ledgers, so a restart
 * (without Redis, which keeps the timer's index) loses no window.
 */
async function resumeCutovers(scope: EventScope): Promise<void> {
  for (const pull of await scope.gh.listRecentlyClosedPulls(RECENTLY_CLOSED)) {
    if (!pull.mergeCommitSha) continue;
    const setup = await getSetup(scope, pull);
    if (!isReleasePull(setup.config, pull) || cutoverWindows(setup.checklist, setup.config).length === 0)
      continue;
    await runPrStep(scope, pull.number, { open: { pull } });
  }
}
