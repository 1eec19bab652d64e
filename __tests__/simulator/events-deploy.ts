/**
 * Repository-level events: merge queue groups, pushes, deployment protection rules (with a callback
 * URL the simulator serves) and deployment statuses. Each awaits the delivery in auto mode.
 */
import { PullRequestEvents } from './events.js';
import { commit, diffCommits } from './git.js';
import { fakeSha, now, type SimWorkflowRun } from './state.js';

type Obj = Record<string, unknown>;

export abstract class Events extends PullRequestEvents {
  /** PR enters the merge queue: a temporary `gh-readonly-queue/...` branch with base + PR changes. */
  async mergeGroup(
    n: number,
    opts: { repo?: string; login?: string } = {},
  ): Promise<{ head_sha: string; head_ref: string }> {
    const pr = this.pull(opts.repo, n);
    const repo = this.repo(pr.repo);
    const pull = pr.pull;
    if (!pull) throw new Error('unreachable');
    const baseSha = repo.branches.get(pull.base.ref) ?? pull.base.sha;
    const head = repo.commits.get(pull.head.sha);
    const files: Record<string, string | null> = {};
    const prBase = repo.commits.get(pull.base.sha);
    if (prBase && head)
      for (const f of diffCommits(prBase, head)) files[f.filename] = head.tree.get(f.filename) ?? null;
    const branch = `gh-readonly-queue/${pull.base.ref}/pr-${n}-${baseSha}`;
    repo.branches.set(branch, baseSha);
    const c = commit(repo, { branch, files, message: `Merge pull request #${n}` });
    const head_ref = `refs/heads/${branch}`;
    const author = { name: pr.user, email: `${pr.user}@users.noreply.github.com` };
    // GitHub sends merge_group only to apps with the merge_queues permission; without it the queue
    // waits on the required check until it times out. https://docs.github.com/en/webhooks/webhook-events-and-payloads#merge_group
    // ("To subscribe to this event, a GitHub App must have at least read-level access for the
    // "Merge queues" repository permission").
    const installation = [...this.state.installations.values()].find((i) => i.repos.includes(repo.fullName));
    if (!installation?.permissions.merge_queues) return { head_sha: c.sha, head_ref };
    await this.send(
      'merge_group',
      this.payloads.build('merge_group', 'checks_requested', repo.fullName, opts.login ?? pr.user, {
        merge_group: {
          head_sha: c.sha,
          head_ref,
          base_sha: baseSha,
          base_ref: `refs/heads/${pull.base.ref}`,
          head_commit: {
            id: c.sha,
            tree_id: fakeSha(`tree${c.sha}`),
            message: c.message,
            timestamp: c.date,
            author,
            committer: author,
          },
        },
      }),
    );
    return { head_sha: c.sha, head_ref };
  }

  /** `deployment_protection_rule.requested`; the bot answers via `deployment_callback_url` (recorded in state.deploymentReviews). */
  async deploymentProtectionRule(opts: {
    environment: string;
    repo?: string;
    sha?: string;
    ref?: string;
    event?: string;
    workflowPath?: string;
    login?: string;
    run?: SimWorkflowRun;
    /**
     * The shape reported in issue 13 (real-github.md): the commit only at the top level (`sha`,
     * `ref`) and a `deployment` without `sha`. Not in @octokit/webhooks-schemas, whose
     * deployment_protection_rule.requested schema (additionalProperties: false) is the default.
     */
    topLevelSha?: boolean;
  }): Promise<SimWorkflowRun> {
    const repo = this.repo(opts.repo);
    const sha = opts.sha ?? repo.branches.get(repo.defaultBranch) ?? '';
    const run =
      opts.run ??
      this.addWorkflowRun(repo.fullName, {
        path: opts.workflowPath ?? '.github/workflows/deploy.yml',
        head_sha: sha,
        event: opts.event ?? 'push',
        status: 'waiting',
      });
    await this.send(
      'deployment_protection_rule',
      this.payloads.build('deployment_protection_rule', 'requested', repo.fullName, opts.login ?? 'octocat', {
        environment: opts.environment,
        event: opts.event ?? 'push',
        ...(opts.topLevelSha ? { sha, ref: opts.ref ?? `refs/heads/${repo.defaultBranch}` } : {}),
        deployment_callback_url: `${this.url}/repos/${repo.fullName}/actions/runs/${run.id}/deployment_protection_rule`,
        deployment: opts.topLevelSha
          ? withoutSha(this.deployment(repo.fullName, opts.environment, sha, opts.login ?? 'octocat'))
          : this.deployment(repo.fullName, opts.environment, sha, opts.login ?? 'octocat'),
        pull_requests: [],
      }),
    );
    return run;
  }

  async deploymentStatus(opts: {
    environment: string;
    state: 'success' | 'failure' | 'error' | 'pending' | 'in_progress' | 'queued' | 'inactive';
    repo?: string;
    sha?: string;
    login?: string;
    environmentUrl?: string;
  }): Promise<void> {
    const repo = this.repo(opts.repo);
    const sha = opts.sha ?? repo.branches.get(repo.defaultBranch) ?? '';
    const login = opts.login ?? 'octocat';
    const deployment = this.deployment(repo.fullName, opts.environment, sha, login);
    const t = now();
    await this.send(
      'deployment_status',
      this.payloads.build('deployment_status', 'created', repo.fullName, login, {
        deployment,
        deployment_status: {
          id: this.state.id(),
          state: opts.state,
          environment: opts.environment,
          environment_url: opts.environmentUrl ?? '',
          description: '',
          creator: this.shapes.user(login),
          created_at: t,
          updated_at: t,
          url: `${deployment.url}/statuses`,
          target_url: '',
          log_url: `${deployment.url}/statuses/log`,
        },
      }),
    );
  }

  /** `push` to a branch (creates the commit). */
  async push(opts: {
    files: Record<string, string | null>;
    branch?: string;
    repo?: string;
    login?: string;
  }): Promise<string> {
    const repo = this.repo(opts.repo);
    const branch = opts.branch ?? repo.defaultBranch;
    const before = repo.branches.get(branch) ?? '0'.repeat(40);
    const c = commit(repo, { branch, files: opts.files });
    const login = opts.login ?? 'octocat';
    const person = { name: login, email: `${login}@users.noreply.github.com`, username: login };
    const changed = Object.entries(opts.files);
    const headCommit = {
      id: c.sha,
      tree_id: fakeSha(`tree${c.sha}`),
      distinct: true,
      message: c.message,
      timestamp: c.date,
      url: `${this.url}/${repo.fullName}/commit/${c.sha}`,
      author: person,
      committer: person,
      added: changed.filter(([, v]) => v !== null).map(([k]) => k),
      removed: changed.filter(([, v]) => v === null).map(([k]) => k),
      modified: [],
    };
    await this.send(
      'push',
      this.payloads.build('push', undefined, repo.fullName, login, {
        ref: `refs/heads/${branch}`,
        before,
        after: c.sha,
        created: false,
        deleted: false,
        forced: false,
        base_ref: null,
        compare: `${this.url}/${repo.fullName}/compare/${before}...${c.sha}`,
        commits: [headCommit],
        head_commit: headCommit,
        pusher: { name: login, email: person.email },
      }),
    );
    return c.sha;
  }

  private deployment(repo: string, environment: string, sha: string, login: string): Obj & { url: string } {
    const id = this.state.id();
    const t = now();
    return {
      url: `${this.url}/repos/${repo}/deployments/${id}`,
      id,
      node_id: `DE_${id}`,
      sha,
      ref: sha,
      task: 'deploy',
      payload: {},
      original_environment: environment,
      environment,
      description: null,
      creator: this.shapes.user(login),
      created_at: t,
      updated_at: t,
      statuses_url: `${this.url}/repos/${repo}/deployments/${id}/statuses`,
      repository_url: `${this.url}/repos/${repo}`,
      transient_environment: false,
      production_environment: true,
    };
  }
}

function withoutSha(deployment: Obj): Obj {
  const { sha: _, ...rest } = deployment;
  return rest;
}
