/** Lists the latest check runs of a commit through src/github (the one GitHub client). */
import { statusOf } from '../../../src/github/client.js';
import { gitHubForToken } from '../../../src/github/token-client.js';
import type { CheckRunInfo } from '../../../src/github/types.js';
import type { CheckContext } from '../../check.js';

export type GitHubAccess = NonNullable<CheckContext['github']>;
export type CheckRun = Pick<CheckRunInfo, 'name' | 'status' | 'conclusion' | 'htmlUrl'>;
export type CheckRunsResult = { kind: 'ok'; runs: CheckRun[] } | { kind: 'forbidden'; status: number };

export async function listCheckRuns(github: GitHubAccess, sha: string): Promise<CheckRunsResult> {
  try {
    const runs = await gitHubForToken(github).latestCheckRuns(sha);
    return { kind: 'ok', runs };
  } catch (error) {
    const status = statusOf(error);
    if (status === 401 || status === 403) return { kind: 'forbidden', status };
    throw new Error(
      `GitHub answered ${status === undefined ? 'with an error' : `HTTP ${status}`} listing check runs of ${sha}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
