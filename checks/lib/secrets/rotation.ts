/** When was a GitHub Actions secret last updated? (metadata only: GitHub never returns values). */
import { z } from 'zod';
import { type GitHubAccess, githubGet, repoPath } from '../github-api.js';

const SecretMetadataSchema = z.object({ name: z.string(), updated_at: z.string() });

export type RotationLookup =
  | { kind: 'found'; updatedAt: Date }
  | { kind: 'missing'; where: string }
  | { kind: 'forbidden'; status: number };

/** Looks up a repository secret, or an environment secret when `environment` is given. */
export async function lookupSecretUpdate(
  github: GitHubAccess,
  name: string,
  environment: string | undefined,
  signal?: AbortSignal,
): Promise<RotationLookup> {
  const scope = environment ? `/environments/${encodeURIComponent(environment)}` : '/actions';
  const where = environment
    ? `environment "${environment}" of ${github.owner}/${github.repo}`
    : `${github.owner}/${github.repo}`;
  const response = await githubGet(
    github,
    `${repoPath(github)}${scope}/secrets/${encodeURIComponent(name)}`,
    signal,
  );
  if (response.status === 404) return { kind: 'missing', where };
  if (response.status === 401 || response.status === 403)
    return { kind: 'forbidden', status: response.status };
  if (response.status !== 200) throw new Error(`GitHub answered HTTP ${response.status} for secret ${name}`);
  const metadata = SecretMetadataSchema.parse(response.body);
  const updatedAt = new Date(metadata.updated_at);
  if (Number.isNaN(updatedAt.getTime())) throw new Error(`GitHub returned an invalid updated_at for ${name}`);
  return { kind: 'found', updatedAt };
}
