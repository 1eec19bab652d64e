/** GitHub-shaped JSON for state objects, shared by REST responses and webhook payloads. */
import type { SimApp, SimCheckRun, SimComment, SimInstallation, SimIssue, SimRepo, SimState } from './state.js';

type Obj = Record<string, unknown>;
const nodeId = (kind: string, id: number): string => Buffer.from(`0:${kind}${id}`).toString('base64');

export class Shapes {
  constructor(
    private readonly state: SimState,
    /** API root, e.g. http://127.0.0.1:PORT */
    readonly api: string,
  ) {}

  user(login: string): Obj {
    const u = this.state.user(login);
    return {
      login: u.login,
      id: u.id,
      node_id: nodeId('U', u.id),
      avatar_url: `${this.api}/avatars/u/${u.id}`,
      gravatar_id: '',
      url: `${this.api}/users/${u.login}`,
      html_url: `${this.api}/${u.login}`,
      type: u.type,
      site_admin: false,
    };
  }

  repo(r: SimRepo): Obj {
    const url = `${this.api}/repos/${r.fullName}`;
    return {
      id: r.id,
      node_id: nodeId('R', r.id),
      name: r.name,
      full_name: r.fullName,
      private: r.private,
      owner: this.user(r.owner),
      html_url: `${this.api}/${r.fullName}`,
      description: null,
      fork: false,
      url,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      pushed_at: '2024-01-01T00:00:00Z',
      default_branch: r.defaultBranch,
      visibility: r.private ? 'private' : 'public',
      archived: false,
      disabled: false,
    };
  }

  app(a: SimApp): Obj {
    return {
      id: a.id,
      slug: a.slug,
      node_id: nodeId('A', a.id),
      name: a.name,
      owner: this.user(a.owner),
      description: '',
      external_url: 'https://example.test',
      html_url: `${this.api}/apps/${a.slug}`,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      permissions: {},
      events: [],
    };
  }

  installation(i: SimInstallation): Obj {
    const app = this.state.apps.get(i.appId);
    return {
      id: i.id,
      account: this.user(i.account),
      app_id: i.appId,
      app_slug: app?.slug ?? `app-${i.appId}`,
      target_id: this.state.user(i.account).id,
      target_type: 'Organization',
      repository_selection: 'selected',
      access_tokens_url: `${this.api}/app/installations/${i.id}/access_tokens`,
      repositories_url: `${this.api}/installation/repositories`,
      html_url: `${this.api}/settings/installations/${i.id}`,
      permissions: i.permissions,
      events: [],
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      single_file_name: null,
    };
  }

  private labels(repo: string, names: string[]): Obj[] {
    return names.map((name) => ({
      id: this.state.id(),
      node_id: nodeId('L', name.length),
      url: `${this.api}/repos/${repo}/labels/${encodeURIComponent(name)}`,
      name,
      color: 'ededed',
      default: false,
      description: null,
    }));
  }

  issue(i: SimIssue): Obj {
    const url = `${this.api}/repos/${i.repo}/issues/${i.number}`;
    return {
      id: i.id,
      node_id: nodeId('I', i.id),
      url,
      repository_url: `${this.api}/repos/${i.repo}`,
      comments_url: `${url}/comments`,
      html_url: `${this.api}/${i.repo}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
      number: i.number,
      state: i.state,
      title: i.title,
      body: i.body,
      user: this.user(i.user),
      labels: this.labels(i.repo, i.labels),
      assignee: null,
      assignees: [],
      locked: false,
      comments: [...this.state.comments.values()].filter((c) => c.repo === i.repo && c.issueNumber === i.number).length,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.closed_at,
      author_association: 'MEMBER',
      ...(i.pull ? { pull_request: { url: `${this.api}/repos/${i.repo}/pulls/${i.number}`, html_url: `${this.api}/${i.repo}/pull/${i.number}`, diff_url: null, patch_url: null } } : {}),
    };
  }

  pull(i: SimIssue): Obj {
    const pr = i.pull;
    const repo = this.state.repos.get(i.repo);
    if (!pr || !repo) throw new Error(`${i.repo}#${i.number} is not a pull request`);
    const url = `${this.api}/repos/${i.repo}/pulls/${i.number}`;
    const branch = (b: { ref: string; sha: string }): Obj => ({
      label: `${repo.owner}:${b.ref}`,
      ref: b.ref,
      sha: b.sha,
      user: this.user(repo.owner),
      repo: this.repo(repo),
    });
    return {
      url,
      id: i.id,
      node_id: nodeId('PR', i.id),
      html_url: `${this.api}/${i.repo}/pull/${i.number}`,
      diff_url: `${this.api}/${i.repo}/pull/${i.number}.diff`,
      patch_url: `${this.api}/${i.repo}/pull/${i.number}.patch`,
      issue_url: `${this.api}/repos/${i.repo}/issues/${i.number}`,
      commits_url: `${url}/commits`,
      statuses_url: `${this.api}/repos/${i.repo}/statuses/${pr.head.sha}`,
      number: i.number,
      state: i.state,
      locked: false,
      title: i.title,
      user: this.user(i.user),
      body: i.body,
      labels: this.labels(i.repo, i.labels),
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.closed_at,
      merged_at: pr.merged_at,
      merge_commit_sha: pr.merge_commit_sha,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      draft: pr.draft,
      head: branch(pr.head),
      base: branch(pr.base),
      author_association: 'MEMBER',
      auto_merge: null,
      merged: pr.merged,
      mergeable: pr.merged ? null : true,
      merged_by: pr.merged ? this.user(repo.owner) : null,
      comments: 0,
      commits: 1,
      additions: 0,
      deletions: 0,
      changed_files: 0,
    };
  }

  comment(c: SimComment): Obj {
    return {
      id: c.id,
      node_id: nodeId('IC', c.id),
      url: `${this.api}/repos/${c.repo}/issues/comments/${c.id}`,
      html_url: `${this.api}/${c.repo}/issues/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${this.api}/repos/${c.repo}/issues/${c.issueNumber}`,
      body: c.body,
      user: this.user(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: this.state.users.get(c.user)?.type === 'Bot' ? 'NONE' : 'MEMBER',
      performed_via_github_app: null,
    };
  }

  checkRun(r: SimCheckRun): Obj {
    return {
      id: r.id,
      node_id: nodeId('CR', r.id),
      head_sha: r.head_sha,
      external_id: r.external_id ?? '',
      url: `${this.api}/repos/${r.repo}/check-runs/${r.id}`,
      html_url: `${this.api}/${r.repo}/runs/${r.id}`,
      details_url: r.details_url,
      status: r.status,
      conclusion: r.conclusion,
      started_at: r.started_at,
      completed_at: r.completed_at,
      output: { ...r.output, annotations_url: `${this.api}/repos/${r.repo}/check-runs/${r.id}/annotations` },
      name: r.name,
      check_suite: { id: r.id + 1 },
      app: this.app(r.app),
      pull_requests: [],
    };
  }
}
