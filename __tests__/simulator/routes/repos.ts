/** Repository routes: contents, commits, compare, permissions, teams, secrets, actions runs, statuses, releases. */
import { compareStatus, diffCommits, resolveRef } from '../git.js';
import {
  bodyObject,
  intParam,
  json,
  noContent,
  notFound,
  type RouteContext,
  type RouteTable,
  str,
  unprocessable,
} from '../http.js';
import type { SimCommit, SimRepo } from '../state.js';

export const repoOf = (ctx: RouteContext): SimRepo => {
  const repo = ctx.state.repos.get(`${ctx.params.owner}/${ctx.params.repo}`);
  if (!repo) throw new Error('repo existence is checked before handlers run');
  return repo;
};

function commitJson(
  ctx: RouteContext,
  repo: SimRepo,
  c: SimCommit,
  files?: unknown[],
): Record<string, unknown> {
  const person = { name: c.author, email: `${c.author}@users.noreply.github.com`, date: c.date };
  return {
    sha: c.sha,
    node_id: Buffer.from(`0:C${c.sha}`).toString('base64'),
    url: `${ctx.shapes.api}/repos/${repo.fullName}/commits/${c.sha}`,
    html_url: `${ctx.shapes.api}/${repo.fullName}/commit/${c.sha}`,
    commit: {
      message: c.message,
      author: person,
      committer: person,
      tree: { sha: c.sha, url: '' },
      comment_count: 0,
    },
    author: ctx.shapes.user(c.author),
    committer: ctx.shapes.user(c.author),
    parents: c.parents.map((sha) => ({
      sha,
      url: `${ctx.shapes.api}/repos/${repo.fullName}/commits/${sha}`,
    })),
    ...(files ? { files, stats: { total: files.length, additions: 0, deletions: 0 } } : {}),
  };
}

const ROLE_TO_PERMISSION = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
} as const;

export const repoRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}': (ctx) => json(ctx.shapes.repo(repoOf(ctx))),

  // https://docs.github.com/en/rest/branches/branches#get-a-branch (the fields shipgate reads)
  'GET /repos/{owner}/{repo}/branches/{branch}': (ctx) => {
    const repo = repoOf(ctx);
    const name = ctx.params.branch ?? '';
    const sha = repo.branches.get(name);
    if (!sha) return notFound();
    return json({
      name,
      commit: { sha, url: `${ctx.requestUrl.origin}/repos/${repo.fullName}/commits/${sha}` },
      protected: false,
      _links: { self: `${ctx.requestUrl.origin}/repos/${repo.fullName}/branches/${name}`, html: '' },
    });
  },

  'GET /repos/{owner}/{repo}/contents/{path}': (ctx) => {
    const repo = repoOf(ctx);
    const c = resolveRef(repo, ctx.query.get('ref') ?? undefined);
    const path = (ctx.params.path ?? '').replace(/^\/+/, '');
    const content = c?.tree.get(path);
    if (!c || content === undefined) return notFound();
    const b64 = Buffer.from(content).toString('base64');
    return json({
      type: 'file',
      encoding: 'base64',
      size: Buffer.byteLength(content),
      name: path.split('/').pop(),
      path,
      // GitHub wraps base64 at 60 chars
      content: `${b64.replace(/.{60}/g, '$&\n')}\n`,
      sha: Buffer.from(content).toString('hex').slice(0, 40).padEnd(40, '0'),
      url: `${ctx.shapes.api}/repos/${repo.fullName}/contents/${path}?ref=${c.sha}`,
      html_url: `${ctx.shapes.api}/${repo.fullName}/blob/${c.sha}/${path}`,
      git_url: null,
      download_url: null,
      _links: { self: '', git: null, html: null },
    });
  },

  'GET /repos/{owner}/{repo}/commits/{ref}': (ctx) => {
    const repo = repoOf(ctx);
    const c = resolveRef(repo, ctx.params.ref);
    if (!c) return unprocessable(`No commit found for SHA: ${ctx.params.ref}`);
    const parent = c.parents[0] ? repo.commits.get(c.parents[0]) : undefined;
    const files = parent
      ? diffCommits(parent, c)
      : [...c.tree.keys()].map((filename) => ({ filename, status: 'added' }));
    return json(commitJson(ctx, repo, c, files));
  },

  'GET /repos/{owner}/{repo}/compare/{basehead}': (ctx) => {
    const repo = repoOf(ctx);
    const [baseRef, headRef] = (ctx.params.basehead ?? '').split('...');
    const base = resolveRef(repo, baseRef);
    const head = resolveRef(repo, headRef);
    if (!base || !head) return notFound();
    // "the response includes a maximum of 300 files" (docs: rest/commits/commits#compare-two-commits)
    const files = diffCommits(base, head).slice(0, 300);
    const status = compareStatus(repo, base.sha, head.sha);
    return json({
      url: `${ctx.shapes.api}/repos/${repo.fullName}/compare/${ctx.params.basehead}`,
      html_url: `${ctx.shapes.api}/${repo.fullName}/compare/${ctx.params.basehead}`,
      status,
      ahead_by: status === 'ahead' || status === 'diverged' ? 1 : 0,
      behind_by: status === 'behind' || status === 'diverged' ? 1 : 0,
      total_commits: base.sha === head.sha ? 0 : 1,
      base_commit: commitJson(ctx, repo, base),
      merge_base_commit: commitJson(ctx, repo, base),
      commits: base.sha === head.sha ? [] : [commitJson(ctx, repo, head)],
      files,
    });
  },

  'GET /repos/{owner}/{repo}/collaborators/{username}/permission': (ctx) => {
    const repo = repoOf(ctx);
    const login = ctx.params.username ?? '';
    if (!ctx.state.users.has(login)) return notFound();
    const role = repo.collaborators.get(login);
    return json({
      permission: role ? ROLE_TO_PERMISSION[role] : repo.private ? 'none' : 'read',
      role_name: role ?? (repo.private ? 'none' : 'read'),
      user: {
        ...ctx.shapes.user(login),
        permissions: {
          admin: role === 'admin',
          push: role === 'admin' || role === 'maintain' || role === 'write',
          pull: true,
        },
      },
    });
  },

  'GET /orgs/{org}/teams/{team_slug}/memberships/{username}': (ctx) => {
    const team = ctx.state.teams.get(`${ctx.params.org}/${ctx.params.team_slug}`);
    const role = team?.get(ctx.params.username ?? '');
    if (!role) return notFound();
    return json({
      url: `${ctx.shapes.api}/organizations/teams/memberships/${ctx.params.username}`,
      role,
      state: 'active',
    });
  },

  'GET /repos/{owner}/{repo}/actions/secrets/{secret_name}': (ctx) => {
    const s = repoOf(ctx).secrets.get(ctx.params.secret_name ?? '');
    return s ? json({ name: ctx.params.secret_name, ...s }) : notFound();
  },

  'GET /repos/{owner}/{repo}/actions/runs/{run_id}': (ctx) => {
    const run = ctx.state.workflowRuns.get(intParam(ctx, 'run_id'));
    if (!run || run.repo !== repoOf(ctx).fullName) return notFound();
    return json({
      ...run,
      node_id: Buffer.from(`0:WR${run.id}`).toString('base64'),
      repository: ctx.shapes.repo(repoOf(ctx)),
      html_url: `${ctx.shapes.api}/${run.repo}/actions/runs/${run.id}`,
      url: `${ctx.shapes.api}/repos/${run.repo}/actions/runs/${run.id}`,
      run_attempt: 1,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    });
  },

  'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches': (ctx) => {
    const b = bodyObject(ctx);
    ctx.state.dispatches.push({
      repo: repoOf(ctx).fullName,
      workflow_id: ctx.params.workflow_id ?? '',
      ref: str(b.ref) ?? '',
      inputs: b.inputs,
    });
    return noContent();
  },

  'POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule': (ctx) => {
    const b = bodyObject(ctx);
    if (b.state === undefined) {
      // A status report: no `state`, only a comment. docs.github.com/actions/how-tos/deploy/
      // configure-and-manage-deployments/create-custom-protection-rules: "You can post a status
      // report on the same deployment up to 10 times. Status reports support Markdown formatting
      // and can be up to 1024 characters long." (What GitHub answers past a limit is not
      // documented; the simulator refuses with 422 so a bot that ignores the limits fails here.)
      const comment = str(b.comment) ?? '';
      const runId = intParam(ctx, 'run_id');
      const environment = str(b.environment_name) ?? '';
      const earlier = ctx.state.deploymentStatusReports.filter(
        (r) => r.run_id === runId && r.environment_name === environment,
      );
      if (comment.length > 1024) return unprocessable('status report longer than 1024 characters');
      if (earlier.length >= 10) return unprocessable('at most 10 status reports per deployment');
      ctx.state.deploymentStatusReports.push({
        repo: repoOf(ctx).fullName,
        run_id: runId,
        environment_name: environment,
        comment,
        by: ctx.actor,
      });
      return noContent();
    }
    const state = b.state === 'approved' ? 'approved' : 'rejected';
    ctx.state.deploymentReviews.push({
      repo: repoOf(ctx).fullName,
      run_id: intParam(ctx, 'run_id'),
      environment_name: str(b.environment_name) ?? '',
      state,
      comment: str(b.comment) ?? '',
      by: ctx.actor,
    });
    return noContent();
  },

  'POST /repos/{owner}/{repo}/statuses/{sha}': (ctx) => {
    const b = bodyObject(ctx);
    const status = {
      repo: repoOf(ctx).fullName,
      sha: ctx.params.sha ?? '',
      state: str(b.state) ?? 'pending',
      context: str(b.context) ?? 'default',
      description: str(b.description),
      target_url: str(b.target_url),
      id: ctx.state.id(),
    };
    ctx.state.statuses.push(status);
    const { repo: _r, sha: _s, ...rest } = status;
    return json(
      {
        ...rest,
        url: `${ctx.shapes.api}/repos/${status.repo}/statuses/${status.sha}`,
        creator: ctx.shapes.user(ctx.actor),
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      },
      201,
    );
  },

  'GET /repos/{owner}/{repo}/releases/tags/{tag}': (ctx) => {
    const repo = repoOf(ctx);
    const rel = ctx.state.releases.get(`${repo.fullName}@${ctx.params.tag}`);
    if (!rel) return notFound();
    const { repo: _r, ...rest } = rel;
    return json({
      ...rest,
      url: `${ctx.shapes.api}/repos/${repo.fullName}/releases/${rel.id}`,
      html_url: `${ctx.shapes.api}/${repo.fullName}/releases/tag/${rel.tag_name}`,
      author: ctx.shapes.user(repo.owner),
      assets: [],
      upload_url: `${ctx.shapes.api}/repos/${repo.fullName}/releases/${rel.id}/assets{?name,label}`,
    });
  },

  'GET /repos/{owner}/{repo}/commits/{ref}/status': (ctx) => {
    const repo = repoOf(ctx);
    const sha = resolveRef(repo, ctx.params.ref)?.sha ?? ctx.params.ref;
    const list = ctx.state.statuses.filter((s) => s.repo === repo.fullName && s.sha === sha);
    const state = list.some((s) => s.state === 'failure' || s.state === 'error')
      ? 'failure'
      : list.every((s) => s.state === 'success') && list.length
        ? 'success'
        : 'pending';
    return json({ state, sha, total_count: list.length, statuses: list });
  },
};
