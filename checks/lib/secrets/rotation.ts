/** When was a GitHub Actions secret last updated? (metadata only: GitHub never returns values). */
import { statusOf } from '../../../src/github/client.js';
import { gitHubForToken } from '../../../src/github/token-client.js';
import type { GitHubAccess } from '../github/check-runs.js';

export type RotationLookup =
  | { kind: 'found'; updatedAt: Date }
  | { kind: 'missing'; where: string }
  | { kind: 'forbidden'; status: number };

/** Looks up a repository secret, or an environment secret when `environment` is given (src/github). */
export async function lookupSecretUpdate(
  github: GitHubAccess,
  name: string,
  environment: string | undefined,
): Promise<RotationLookup> {
  const where = environment
    ? `environment "${environment}" of ${github.owner}/${github.repo}`
    : `${github.owner}/${github.repo}`;
  let updated: string | undefined;
  try {
    updated = await gitHubForToken(github).secretUpdatedAt(name, environment);
  } catch (error) {
    const status = statusOf(error);
    if (status === 401 || status === 403) return { kind: 'forbidden', status };
    throw new Error(
      `GitHub answered ${status === undefined ? 'with an error' : `HTTP ${status}`} for secret ${name}`,
    );
  }
  if (updated === undefined) return { kind: 'missing', where };
  const updatedAt = new Date(updated);
  if (Number.isNaN(updatedAt.getTime())) throw new Error(`GitHub returned an invalid updated_at for ${name}`);
  return { kind: 'found', updatedAt };
}
