/** Pull request routes: get, list (state filter), changed files. */
import { diffCommits } from '../git.js';
import { intParam, json, notFound, paginate, type RouteTable } from '../http.js';
import { repoOf } from './repos.js';

export const pullRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': (ctx) => {
    const pr = ctx.state.issues.get(ctx.state.issueKey(repoOf(ctx).fullName, intParam(ctx, 'pull_number')));
    return pr?.pull ? json(ctx.shapes.pull(pr)) : notFound();
  },

  'GET /repos/{owner}/{repo}/pulls': (ctx) => {
    const repo = repoOf(ctx).fullName;
    const state = ctx.query.get('state') ?? 'open';
    const base = ctx.query.get('base');
    const list = [...ctx.state.issues.values()]
      .filter((i) => i.repo === repo && i.pull && (state === 'all' || i.state === state))
      .filter((i) => !base || i.pull?.base.ref === base)
      .sort((a, b) => b.number - a.number);
    return paginate(ctx, list, (i) => ctx.shapes.pull(i));
  },

  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': (ctx) => {
    const repo = repoOf(ctx);
    const pr = ctx.state.issues.get(ctx.state.issueKey(repo.fullName, intParam(ctx, 'pull_number')));
    if (!pr?.pull) return notFound();
    const base = repo.commits.get(pr.pull.base.sha);
    const head = repo.commits.get(pr.pull.head.sha);
    // "Responses include a maximum of 3000 files" (docs: rest/pulls/pulls#list-pull-requests-files)
    const files = (base && head ? diffCommits(base, head) : []).slice(0, 3000);
    return paginate(ctx, files, (f) => ({
      ...f,
      blob_url: `${ctx.shapes.api}/${repo.fullName}/blob/${pr.pull?.head.sha}/${f.filename}`,
      raw_url: `${ctx.shapes.api}/${repo.fullName}/raw/${pr.pull?.head.sha}/${f.filename}`,
      contents_url: `${ctx.shapes.api}/repos/${repo.fullName}/contents/${f.filename}?ref=${pr.pull?.head.sha}`,
    }));
  },
};
