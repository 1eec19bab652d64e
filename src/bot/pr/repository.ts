import type { EventScope } from '../runtime/bot.js';

/**
 * The repository's id (what a PR's ledger is bound to) and default branch (where the policy is
 * read), from the webhook payload when it carried them, else one cached `GET /repos/{o}/{r}`.
 */
export function repositoryOf(scope: EventScope): Promise<{ id: number; defaultBranch: string }> {
  const { owner, repo } = scope.gh.repo;
  return scope.bot.memory.repository.repositories.getOrLoad(`${owner}/${repo}`, () => scope.gh.repository());
}

/** Remembers what a payload says about its repository (saves the look-up). */
export function rememberRepository(
  scope: EventScope,
  repository: { id?: number | undefined; default_branch?: string | undefined },
): void {
  const { owner, repo } = scope.gh.repo;
  if (repository.id !== undefined && repository.default_branch)
    scope.bot.memory.repository.repositories.set(`${owner}/${repo}`, {
      id: repository.id,
      defaultBranch: repository.default_branch,
    });
}
