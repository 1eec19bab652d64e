/** Release updates and the pull requests of a commit (post-merge: audit record, deployments). */
import {
  bodyObject,
  intParam,
  json,
  notFound,
  paginate,
  type RouteContext,
  type RouteTable,
  str,
} from '../http.js';
import type { SimRelease } from '../state.js';
import { repoOf } from './repos.js';

function releaseJson(ctx: RouteContext, rel: SimRelease): Record<string, unknown> {
  const { repo: _r, ...rest } = rel;
  const repo = repoOf(ctx);
  return {
    ...rest,
    node_id: `RE_${rel.id}`,
    url: `${ctx.shapes.api}/repos/${repo.fullName}/releases/${rel.id}`,
    html_url: `${ctx.shapes.api}/${repo.fullName}/releases/tag/${rel.tag_name}`,
    assets_url: `${ctx.shapes.api}/repos/${repo.fullName}/releases/${rel.id}/assets`,
    tarball_url: null,
    zipball_url: null,
    target_commitish: repo.defaultBranch,
    published_at: rel.created_at,
    author: ctx.shapes.user(repo.owner),
    assets: [],
    upload_url: `${ctx.shapes.api}/repos/${repo.fullName}/releases/${rel.id}/assets{?name,label}`,
  };
}

export const releaseRoutes: RouteTable = {
  'PATCH /repos/{owner}/{repo}/releases/{release_id}': (ctx) => {
    const repo = repoOf(ctx);
    const id = intParam(ctx, 'release_id');
    const rel = [...ctx.state.releases.values()].find((r) => r.repo === repo.fullName && r.id === id);
    if (!rel) return notFound();
    const b = bodyObject(ctx);
    if (str(b.body) !== undefined) rel.body = str(b.body) ?? '';
    if (str(b.name) !== undefined) rel.name = str(b.name) ?? rel.name;
    if (typeof b.draft === 'boolean') rel.draft = b.draft;
    if (typeof b.prerelease === 'boolean') rel.prerelease = b.prerelease;
    return json(releaseJson(ctx, rel));
  },

  /** Like GitHub: open PRs whose head is the commit, and the PR merged as (or with) it. */
  'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': (ctx) => {
    const repo = repoOf(ctx).fullName;
    const sha = ctx.params.commit_sha ?? '';
    const list = [...ctx.state.issues.values()]
      .filter((i) => i.repo === repo && i.pull)
      .filter((i) => i.pull?.head.sha === sha || i.pull?.merge_commit_sha === sha)
      .sort((a, b) => b.number - a.number);
    return paginate(ctx, list, (i) => ctx.shapes.pull(i));
  },
};
