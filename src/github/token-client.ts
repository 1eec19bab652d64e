/**
 * The GitHub adapter for a plain token (the Action's `github-token`, `GITHUB_TOKEN` for the CLI's
 * checks): the same client as the app's, with Probot's Octokit (retries with back-off on 5xx,
 * rate-limit and secondary-rate-limit throttling, request timeouts).
 */
import { type AppOctokit, gitHubFor } from './client.js';
import { type OctokitTuning, tunedOctokit } from './octokit.js';
import type { GitHub } from './types.js';

export interface TokenAccess {
  token: string;
  /** REST API base URL (`https://api.github.com`, or `https://<host>/api/v3` on GHES). */
  apiUrl: string;
  owner: string;
  repo: string;
}

/** An Octokit authenticated with `token` (Probot's auth strategy takes it as `{ token }`). */
export function tokenOctokit(token: string, apiUrl: string, tuning: OctokitTuning = {}): AppOctokit {
  const Octokit = tunedOctokit(tuning);
  return new Octokit({ auth: { token }, baseUrl: apiUrl.replace(/\/+$/, '') });
}

export function gitHubForToken(access: TokenAccess, tuning: OctokitTuning = {}): GitHub {
  return gitHubFor(tokenOctokit(access.token, access.apiUrl, tuning), {
    owner: access.owner,
    repo: access.repo,
  });
}
