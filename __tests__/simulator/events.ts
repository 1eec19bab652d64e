/**
 * Things people do on pull requests that change state and deliver webhooks: open/push/label/close
 * PRs, comment, edit/delete comments, re-run checks, click check-run buttons.
 * Each awaits the delivery in auto mode (resolving once the receiving app answered).
 */
import { commit, diffCommits } from './git.js';
import { Payloads } from './payloads.js';
import { Seeder } from './seed.js';
import { Shapes } from './shapes.js';
import { now, type SimCheckRun, type SimComment, type SimIssue } from './state.js';
import type { WebhookSender } from './webhooks.js';

type Obj = Record<string, unknown>;

/** GitHub refused a person's comment edit (they lack write access and are not the author). */
export class CommentEditRefused extends Error {
  readonly status = 403;
}
export interface OpenPullRequestInput {
  repo?: string;
  number?: number;
  title?: string;
  body?: string;
  user?: string;
  head?: string;
  base?: string;
  /** changes committed on the head branch */
  files?: Record<string, string | null>;
  draft?: boolean;
  labels?: string[];
}

export abstract class PullRequestEvents extends Seeder {
  abstract readonly url: string;
  protected abstract readonly sender: WebhookSender;
  readonly shapes = new Shapes(this.state, () => this.url);
  readonly payloads = new Payloads(this.state, this.shapes);
  protected send(event: string, payload: Obj): Promise<number | undefined> {
    return this.sender.send(event, payload);
  }

  async openPullRequest(input: OpenPullRequestInput = {}): Promise<SimIssue> {
    const repo = this.repo(input.repo);
    const base = input.base ?? repo.defaultBranch;
    const baseSha = repo.branches.get(base);
    if (!baseSha) throw new Error(`simulator: no branch ${base}`);
    const number = input.number ?? this.state.nextIssueNumber(repo.fullName);
    const headRef = input.head ?? `feature-${number}`;
    if (!repo.branches.has(headRef)) repo.branches.set(headRef, baseSha);
    const head = input.files
      ? commit(repo, { branch: headRef, files: input.files })
      : repo.commits.get(repo.branches.get(headRef) ?? '');
    const t = now();
    const pr: SimIssue = {
      repo: repo.fullName,
      number,
      id: this.state.id(),
      title: input.title ?? `Pull request ${number}`,
      body: input.body ?? null,
      user: input.user ?? 'octocat',
      labels: input.labels ?? [],
      state: 'open',
      created_at: t,
      updated_at: t,
      closed_at: null,
      pull: {
        head: { ref: headRef, sha: head?.sha ?? baseSha },
        base: { ref: base, sha: baseSha },
        draft: input.draft ?? false,
        merged: false,
        merged_at: null,
        merge_commit_sha: null,
      },
    };
    this.state.user(pr.user);
    this.state.issues.set(this.state.issueKey(repo.fullName, number), pr);
    await this.send('pull_request', this.payloads.pullRequest('opened', pr, pr.user));
    return pr;
  }

  /** New commit on the PR's head branch → `pull_request.synchronize` with before/after. */
  async pushToPullRequest(
    n: number,
    input: { files: Record<string, string | null>; sha?: string; repo?: string; user?: string },
  ): Promise<SimIssue> {
    const pr = this.pull(input.repo, n);
    const pull = pr.pull;
    if (!pull) throw new Error('unreachable');
    const before = pull.head.sha;
    const c = commit(this.repo(pr.repo), { branch: pull.head.ref, files: input.files, sha: input.sha });
    pull.head.sha = c.sha;
    pr.updated_at = now();
    await this.send(
      'pull_request',
      this.payloads.pullRequest('synchronize', pr, input.user ?? pr.user, { before, after: c.sha }),
    );
    return pr;
  }

  async labelPullRequest(
    n: number,
    label: string,
    opts: { login?: string; repo?: string; remove?: boolean } = {},
  ): Promise<void> {
    const pr = this.pull(opts.repo, n);
    pr.labels = opts.remove ? pr.labels.filter((l) => l !== label) : [...new Set([...pr.labels, label])];
    const labelObj = {
      id: this.state.id(),
      node_id: 'LA',
      url: `${this.url}/repos/${pr.repo}/labels/${encodeURIComponent(label)}`,
      name: label,
      color: 'ededed',
      default: false,
      description: null,
    };
    await this.send(
      'pull_request',
      this.payloads.pullRequest(opts.remove ? 'unlabeled' : 'labeled', pr, opts.login ?? 'octocat', {
        label: labelObj,
      }),
    );
  }

  async closePullRequest(
    n: number,
    opts: { merged?: boolean; login?: string; repo?: string } = {},
  ): Promise<SimIssue> {
    const pr = this.pull(opts.repo, n);
    const pull = pr.pull;
    if (!pull) throw new Error('unreachable');
    const t = now();
    pr.state = 'closed';
    pr.closed_at = t;
    if (opts.merged) {
      const repo = this.repo(pr.repo);
      const base = repo.commits.get(pull.base.sha);
      const head = repo.commits.get(pull.head.sha);
      const files: Record<string, string | null> = {};
      if (base && head)
        for (const f of diffCommits(base, head)) files[f.filename] = head.tree.get(f.filename) ?? null;
      const merge = commit(repo, { branch: pull.base.ref, files, message: `Merge pull request #${n}` });
      Object.assign(pull, { merged: true, merged_at: t, merge_commit_sha: merge.sha });
    }
    await this.send('pull_request', this.payloads.pullRequest('closed', pr, opts.login ?? pr.user));
    return pr;
  }

  async userComments(n: number, login: string, body: string, repo?: string): Promise<SimComment> {
    const issue = this.state.issues.get(this.state.issueKey(this.repo(repo).fullName, n));
    if (!issue) throw new Error(`simulator: no issue #${n}`);
    const t = now();
    const c: SimComment = {
      id: this.state.id(),
      repo: issue.repo,
      issueNumber: n,
      body,
      user: login,
      created_at: t,
      updated_at: t,
    };
    this.state.user(login);
    this.state.comments.set(c.id, c);
    await this.send('issue_comment', this.payloads.issueComment('created', c, login));
    return c;
  }

  /** A person edits a comment (e.g. ticks a checkbox) → `issue_comment.edited` with `changes.body.from`. */
  /**
   * A person saves an edited comment. Only its author and people with write access or more may
   * edit a comment; read and triage users cannot edit someone else's (GitHub refuses, no webhook).
   * Source: https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/repository-roles-for-an-organization
   * ("Edit and delete anyone's comments on commits, pull requests, and issues": Write and above).
   */
  async userEditsComment(commentId: number, login: string, newBody: string): Promise<SimComment> {
    const c = this.state.comments.get(commentId);
    if (!c) throw new Error(`simulator: no comment ${commentId}`);
    if (!this.mayEditComment(c, login))
      throw new CommentEditRefused(`403: ${login} cannot edit comment ${commentId} by ${c.user}`);
    const from = c.body;
    c.body = newBody;
    c.updated_at = now();
    this.state.user(login);
    await this.send('issue_comment', this.payloads.issueComment('edited', c, login, from));
    return c;
  }

  /** Who may edit or delete a comment: its author, or write access and above (see userEditsComment). */
  mayEditComment(c: SimComment, login: string): boolean {
    if (c.user === login) return true;
    const role = this.state.repos.get(c.repo)?.collaborators.get(login);
    return role === 'write' || role === 'maintain' || role === 'admin';
  }

  async userDeletesComment(commentId: number, login: string): Promise<void> {
    const c = this.state.comments.get(commentId);
    if (!c) throw new Error(`simulator: no comment ${commentId}`);
    if (!this.mayEditComment(c, login))
      throw new CommentEditRefused(`403: ${login} cannot delete comment ${commentId} by ${c.user}`);
    const payload = this.payloads.issueComment('deleted', c, login);
    this.state.comments.delete(commentId);
    await this.send('issue_comment', payload);
  }

  /**
   * A person submits a review. Anyone with read access may review, and an approval from read
   * access is recorded (it only does not count toward required reviews); the PR's author cannot
   * approve their own PR. Source: https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/reviewing-changes-in-pull-requests/about-pull-request-reviews
   */
  async userReviews(
    n: number,
    login: string,
    state: 'approved' | 'commented' | 'changes_requested' = 'approved',
    opts: { repo?: string; commitId?: string } = {},
  ): Promise<void> {
    const pr = this.pull(opts.repo, n);
    if (state === 'approved' && pr.user === login)
      throw new CommentEditRefused(`422: ${login} cannot approve their own pull request`);
    this.state.user(login);
    const t = now();
    const id = this.state.id();
    await this.send(
      'pull_request_review',
      this.payloads.build('pull_request_review', 'submitted', pr.repo, login, {
        review: {
          id,
          node_id: `PRR_${id}`,
          user: this.shapes.user(login),
          body: null,
          commit_id: opts.commitId ?? pr.pull?.head.sha ?? '',
          submitted_at: t,
          state,
          html_url: `${this.url}/${pr.repo}/pull/${n}#pullrequestreview-${id}`,
          pull_request_url: `${this.url}/repos/${pr.repo}/pulls/${n}`,
          author_association: 'CONTRIBUTOR',
          _links: {
            html: { href: `${this.url}/${pr.repo}/pull/${n}#pullrequestreview-${id}` },
            pull_request: { href: `${this.url}/repos/${pr.repo}/pulls/${n}` },
          },
        },
        pull_request: this.shapes.pull(pr),
      }),
    );
  }

  /**
   * `rerequested` and `requested_action` go only to the app that created the check run
   * (https://docs.github.com/en/webhooks/webhook-events-and-payloads#check_run; real-github.md,
   * "Check runs"). The simulator's webhook target is its app (`this.app`): a run created by another
   * app — e.g. `github-actions` (id 15368) for a run made with a workflow's GITHUB_TOKEN — reaches no
   * one here, and GitHub Actions starts no workflow for events of suites it created ("Events that
   * trigger workflows", check_run). Such presses are recorded in `undeliveredPresses`.
   */
  private toCreatorOnly(run: SimCheckRun, action: string, login: string): boolean {
    if (run.app.id === this.app.id) return true;
    this.undeliveredPresses.push({ checkRunId: run.id, action, login, app: run.app.slug });
    return false;
  }
  /** Re-runs and button presses on check runs of other apps: GitHub sends them to that app only. */
  readonly undeliveredPresses: Array<{ checkRunId: number; action: string; login: string; app: string }> = [];

  async rerequestCheckRun(checkRunId: number, login = 'octocat'): Promise<void> {
    const run = this.state.checkRuns.get(checkRunId);
    if (!run) throw new Error(`simulator: no check run ${checkRunId}`);
    if (!this.toCreatorOnly(run, 'rerequested', login)) return;
    await this.send('check_run', this.payloads.checkRun('rerequested', run, login));
  }

  /** A user clicks a check-run action button (`actions[].identifier`). */
  async requestedAction(checkRunId: number, identifier: string, login = 'octocat'): Promise<void> {
    const run = this.state.checkRuns.get(checkRunId);
    if (!run) throw new Error(`simulator: no check run ${checkRunId}`);
    if (!this.toCreatorOnly(run, 'requested_action', login)) return;
    await this.send(
      'check_run',
      this.payloads.checkRun('requested_action', run, login, { requested_action: { identifier } }),
    );
  }
}
