/** Lists the check runs of a commit through the GitHub REST API, following Link pagination. */
import { z } from 'zod';
import { type GitHubAccess, githubGet, repoPath } from './github-api.js';

const CheckRunSchema = z.object({
  name: z.string(),
  status: z.string(),
  conclusion: z.string().nullable().optional(),
  html_url: z.string().nullable().optional(),
});
const CheckRunsPageSchema = z.object({ total_count: z.number(), check_runs: z.array(CheckRunSchema) });

export type CheckRun = z.infer<typeof CheckRunSchema>;

/** Bounded: 20 pages of 100 runs is far beyond any real commit. */
const MAX_PAGES = 20;

export type CheckRunsResult = { kind: 'ok'; runs: CheckRun[] } | { kind: 'forbidden'; status: number };

export async function listCheckRuns(
  github: GitHubAccess,
  sha: string,
  signal?: AbortSignal,
): Promise<CheckRunsResult> {
  const runs: CheckRun[] = [];
  let url: string | undefined =
    `${repoPath(github)}/commits/${encodeURIComponent(sha)}/check-runs?per_page=100&filter=latest`;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const response = await githubGet(github, url, signal);
    if (response.status === 401 || response.status === 403)
      return { kind: 'forbidden', status: response.status };
    if (response.status !== 200)
      throw new Error(`GitHub answered HTTP ${response.status} listing check runs of ${sha}`);
    runs.push(...CheckRunsPageSchema.parse(response.body).check_runs);
    url = response.next;
  }
  return { kind: 'ok', runs };
}
