/** GitHub-shaped JSON for state objects (issues, PRs, comments, check runs), shared by REST and webhooks. */
import { CoreShapes, nodeId, type Obj } from './shapes-core.js';
import type { SimCheckRun, SimComment, SimIssue } from './state.js';

export class Shapes extends CoreShapes {
  private reactions(url: string): Obj {
    return {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
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
      active_lock_reason: null,
      reactions: this.reactions(url),
      comments: [...this.state.comments.values()].filter(
        (c) => c.repo === i.repo && c.issueNumber === i.number,
      ).length,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.closed_at,
      author_association: 'MEMBER',
      ...(i.pull
        ? {
            pull_request: {
              url: `${this.api}/repos/${i.repo}/pulls/${i.number}`,
              html_url: `${this.api}/${i.repo}/pull/${i.number}`,
              diff_url: `${this.api}/${i.repo}/pull/${i.number}.diff`,
              patch_url: `${this.api}/${i.repo}/pull/${i.number}.patch`,
            },
          }
        : {}),
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
      active_lock_reason: null,
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
      reactions: this.reactions(`${this.api}/repos/${c.repo}/issues/comments/${c.id}`),
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
      details_url: r.details_url ?? `${this.api}/${r.repo}/runs/${r.id}`,
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
