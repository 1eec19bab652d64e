/** What `shipgate doctor` reads about an installation and a repository, through the API. */
import type { AppOctokit } from './client.js';
import { statusOf } from './client.js';
import type { RepoRef } from './types.js';

export interface RequiredCheckRead {
  context: string;
  appId?: number;
  from: 'branch protection' | 'ruleset';
}

/** The app's installation on a repository (app JWT): its id, permissions and events. */
export async function readInstallation(
  appOctokit: AppOctokit,
  repo: RepoRef,
): Promise<{ id: number; permissions: Record<string, string>; events: string[] } | undefined> {
  try {
    const { data } = await appOctokit.rest.apps.getRepoInstallation({ owner: repo.owner, repo: repo.repo });
    const permissions = Object.fromEntries(
      Object.entries(data.permissions ?? {}).flatMap(([name, level]) =>
        typeof level === 'string' ? [[name, level]] : [],
      ),
    );
    return { id: data.id, permissions, events: data.events ?? [] };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** The default branch and its head commit (policy is read from there). */
export async function readDefaultBranch(
  octokit: AppOctokit,
  repo: RepoRef,
): Promise<{ ref: string; sha: string }> {
  const { data } = await octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  const { data: branch } = await octokit.rest.repos.getBranch({
    owner: repo.owner,
    repo: repo.repo,
    branch: data.default_branch,
  });
  return { ref: data.default_branch, sha: branch.commit.sha };
}

/**
 * Required status checks of a branch from branch protection and rulesets, with their source app;
 * undefined when branch protection cannot be read (the app lacks "Administration: read").
 */
export async function readRequiredChecks(
  octokit: AppOctokit,
  repo: RepoRef,
  branch: string,
): Promise<RequiredCheckRead[] | undefined> {
  const out: RequiredCheckRead[] = [];
  try {
    const { data } = await octokit.rest.repos.getBranchProtection({
      owner: repo.owner,
      repo: repo.repo,
      branch,
    });
    for (const check of data.required_status_checks?.checks ?? [])
      out.push({
        context: check.context,
        ...(check.app_id ? { appId: check.app_id } : {}),
        from: 'branch protection',
      });
  } catch (error) {
    if (statusOf(error) === 403) return undefined;
    if (statusOf(error) !== 404) throw error; // 404: the branch is not protected
  }
  const { data: rules } = await octokit.rest.repos.getBranchRules({
    owner: repo.owner,
    repo: repo.repo,
    branch,
  });
  for (const rule of rules) {
    if (rule.type !== 'required_status_checks') continue;
    const parameters = (
      rule as {
        parameters?: { required_status_checks?: Array<{ context: string; integration_id?: number }> };
      }
    ).parameters;
    for (const check of parameters?.required_status_checks ?? [])
      out.push({
        context: check.context,
        ...(check.integration_id ? { appId: check.integration_id } : {}),
        from: 'ruleset',
      });
  }
  return out;
}

/** Whether the caller can see `org/team` (the app needs "Members: read" for team roles). */
export async function canReadTeam(octokit: AppOctokit, team: string): Promise<boolean> {
  const [org = '', slug = ''] = team.split('/');
  try {
    await octokit.rest.teams.getByName({ org, team_slug: slug });
    return true;
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 403) return false;
    throw error;
  }
}
