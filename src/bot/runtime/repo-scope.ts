import type { Probot } from 'probot';
import { type AppOctokit, gitHubFor, installationIdFor } from '../../github/client.js';
import type { RepoRef } from '../../github/types.js';
import type { Bot, EventScope } from './bot.js';
import { fencedGitHub } from './coordinated-queue.js';

/**
 * A handler scope for work that no webhook started (audit pages, the missing-results sweep): the
 * repository's installation is looked up with the app's JWT, then its token is used.
 * undefined when the app is not installed on the repository.
 */
export async function scopeForRepo(probot: Probot, bot: Bot, repo: RepoRef): Promise<EventScope | undefined> {
  const appOctokit = (await probot.auth()) as AppOctokit;
  const installationId = await installationIdFor(appOctokit, repo);
  if (installationId === undefined) return undefined;
  const octokit = (await probot.auth(installationId)) as AppOctokit;
  return {
    bot,
    gh: fencedGitHub(gitHubFor(octokit, repo)),
    log: probot.log.child({ repo: `${repo.owner}/${repo.repo}` }),
  };
}
