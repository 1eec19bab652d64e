/**
 * Minimal GitHub REST GETs over global fetch (the checks need two read-only endpoints; the Octokit
 * client lives in src/github for the app). Responses are validated by the callers with zod.
 */
import type { CheckContext } from '../check.js';

export type GitHubAccess = NonNullable<CheckContext['github']>;

export interface GitHubResponse {
  status: number;
  body: unknown;
  /** The `rel="next"` URL of a paginated response. */
  next?: string;
}

/** The `rel="next"` target of an RFC 8288 Link header. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part);
    if (m?.[2]?.split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

/** GET `pathOrUrl` (relative to apiUrl, or an absolute URL from a Link header). */
export async function githubGet(
  github: GitHubAccess,
  pathOrUrl: string,
  signal?: AbortSignal,
): Promise<GitHubResponse> {
  const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${github.apiUrl.replace(/\/+$/, '')}${pathOrUrl}`;
  const response = await fetch(url, {
    signal,
    headers: {
      Authorization: `Bearer ${github.token}`,
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'shipgate',
    },
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the raw text for the error message
  }
  return { status: response.status, body, next: nextLink(response.headers.get('link')) };
}

/** `owner/repo` path segment, URL-encoded. */
export function repoPath(github: GitHubAccess): string {
  return `/repos/${encodeURIComponent(github.owner)}/${encodeURIComponent(github.repo)}`;
}
