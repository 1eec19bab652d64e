/** Seeding and inspection helpers: repos, commits, installs, tokens, permissions, teams, secrets, runs. */
import crypto from 'node:crypto';
import { addRepo, type CommitInput, commit } from './git.js';
import {
  now,
  type Permission,
  type SimApp,
  type SimCheckRun,
  type SimComment,
  type SimCommit,
  type SimInstallation,
  type SimIssue,
  type SimRelease,
  type SimRepo,
  SimState,
  type SimWorkflowRun,
} from './state.js';

export class Seeder {
  readonly state = new SimState();
  /** the GitHub App under test (shipgate) */
  readonly app: SimApp;

  constructor(appId: number, appSlug: string) {
    this.app = this.state.addApp({ id: appId, slug: appSlug, name: appSlug });
  }

  /** Create a repo with an initial commit of `files`; by default installs the app on it. */
  addRepo(
    fullName: string,
    opts: {
      files?: Record<string, string>;
      defaultBranch?: string;
      private?: boolean;
      install?: boolean;
    } = {},
  ): SimRepo {
    const repo = addRepo(this.state, fullName, opts);
    if (opts.install !== false) this.installationFor(repo.owner).repos.push(fullName);
    return repo;
  }

  /** The app's installation on `account`, created on first use. */
  installationFor(account: string, id?: number): SimInstallation {
    const found = [...this.state.installations.values()].find(
      (i) => i.appId === this.app.id && i.account === account,
    );
    return found ?? this.state.addInstallation({ id, appId: this.app.id, account });
  }

  repo(fullName?: string): SimRepo {
    const r = fullName ? this.state.repos.get(fullName) : this.state.repos.values().next().value;
    if (!r) throw new Error(`simulator: unknown repo ${fullName ?? '(none seeded)'}`);
    return r;
  }

  /** Commit `files` on a branch (created from the default branch when new). */
  commit(repo: string, input: CommitInput): SimCommit {
    return commit(this.repo(repo), input);
  }

  /** Mint an installation token directly (e.g. for the Action), bypassing the JWT exchange. */
  installationToken(installationId?: number): string {
    const inst = installationId
      ? this.state.installations.get(installationId)
      : this.state.installations.values().next().value;
    if (!inst) throw new Error('simulator: no installation');
    const token = `ghs_${crypto.randomBytes(18).toString('base64url')}`;
    this.state.tokens.set(token, {
      kind: 'installation',
      installationId: inst.id,
      appId: inst.appId,
      expires_at: '2099-01-01T00:00:00Z',
    });
    return token;
  }
  /** A GITHUB_TOKEN as Actions would provide it: check runs it creates belong to `github-actions`. */
  actionsToken(repo?: string): string {
    return this.state.addActionsToken(this.repo(repo).fullName);
  }
  userToken(login: string): string {
    return this.state.addUserToken(login);
  }

  setPermission(repo: string, login: string, role: Permission): void {
    this.state.user(login);
    this.repo(repo).collaborators.set(login, role);
  }
  addTeamMember(
    org: string,
    teamSlug: string,
    login: string,
    role: 'member' | 'maintainer' = 'member',
  ): void {
    this.state.setTeamMember(org, teamSlug, login, role);
  }
  addSecret(repo: string, name: string, updatedAt = now()): void {
    this.repo(repo).secrets.set(name, { created_at: updatedAt, updated_at: updatedAt });
  }
  addWorkflowRun(
    repo: string,
    run: Partial<Omit<SimWorkflowRun, 'repo'>> & { path: string; head_sha: string },
  ): SimWorkflowRun {
    const full: SimWorkflowRun = {
      id: this.state.id(),
      name: run.path.split('/').pop() ?? 'CI',
      head_branch: this.repo(repo).defaultBranch,
      event: 'push',
      status: 'in_progress',
      conclusion: null,
      ...run,
      repo: this.repo(repo).fullName,
    };
    this.state.workflowRuns.set(full.id, full);
    return full;
  }
  addRelease(
    repo: string,
    tag: string,
    opts: Partial<Pick<SimRelease, 'name' | 'body' | 'draft' | 'prerelease'>> = {},
  ): SimRelease {
    const rel: SimRelease = {
      id: this.state.id(),
      repo: this.repo(repo).fullName,
      tag_name: tag,
      name: tag,
      body: '',
      draft: false,
      prerelease: false,
      created_at: now(),
      ...opts,
    };
    this.state.releases.set(`${rel.repo}@${tag}`, rel);
    return rel;
  }

  pull(repo: string | undefined, n: number): SimIssue {
    const pr = this.state.issues.get(this.state.issueKey(this.repo(repo).fullName, n));
    if (!pr?.pull) throw new Error(`simulator: no pull request #${n}`);
    return pr;
  }
  /** Comments on an issue/PR, oldest first. */
  commentsOn(n: number, repo?: string): SimComment[] {
    const full = this.repo(repo).fullName;
    return [...this.state.comments.values()].filter((c) => c.repo === full && c.issueNumber === n);
  }
  /** Check runs on a commit sha, oldest first. */
  checkRunsFor(sha: string, repo?: string): SimCheckRun[] {
    const full = this.repo(repo).fullName;
    return [...this.state.checkRuns.values()].filter((r) => r.repo === full && r.head_sha === sha);
  }
  /** Issues (not PRs) in a repo, e.g. incident issues the bot opened. */
  issuesIn(repo?: string): SimIssue[] {
    const full = this.repo(repo).fullName;
    return [...this.state.issues.values()].filter((i) => i.repo === full && !i.pull);
  }
}
