/**
 * In-memory GitHub world: apps, installations, tokens, repos with git history, PRs, issues,
 * comments, check runs and the rest. Plain objects so tests can read them directly; the
 * `seed*`/`add*` helpers keep ids, timestamps and cross-references consistent.
 */
import crypto from 'node:crypto';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read';
export interface SimUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}
export interface SimApp {
  id: number;
  slug: string;
  name: string;
  owner: string;
}
export interface SimInstallation {
  id: number;
  appId: number;
  account: string;
  /** full names `owner/repo` the installation can access */
  repos: string[];
  permissions: Record<string, string>;
  /** the events the app subscribes to (app settings); listed on the installation */
  events?: string[];
}
/** A required status check and its source app (`app_id`; absent: any source). */
export interface SimRequiredCheck {
  context: string;
  app_id?: number;
}
export type TokenIdentity =
  | { kind: 'installation'; installationId: number; appId: number }
  | { kind: 'actions'; repo: string }
  | { kind: 'user'; login: string };
export interface SimCommit {
  sha: string;
  message: string;
  parents: string[];
  /** full tree snapshot: path → content */
  tree: Map<string, string>;
  author: string;
  date: string;
}
export interface SimRepo {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  private: boolean;
  branches: Map<string, string>;
  tags: Map<string, string>;
  commits: Map<string, SimCommit>;
  collaborators: Map<string, Permission>;
  secrets: Map<string, { created_at: string; updated_at: string }>;
}
export interface SimIssue {
  repo: string;
  number: number;
  id: number;
  title: string;
  body: string | null;
  user: string;
  labels: string[];
  state: 'open' | 'closed';
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** present when the issue is a pull request */
  pull?: {
    head: { ref: string; sha: string };
    base: { ref: string; sha: string };
    draft: boolean;
    merged: boolean;
    merged_at: string | null;
    merge_commit_sha: string | null;
  };
}
export interface SimComment {
  id: number;
  repo: string;
  issueNumber: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}
export interface SimCheckRun {
  id: number;
  repo: string;
  head_sha: string;
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  details_url: string | null;
  external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
  actions: unknown[];
  app: SimApp;
}
export interface SimWorkflowRun {
  id: number;
  repo: string;
  name: string;
  path: string;
  head_sha: string;
  head_branch: string;
  event: string;
  status: string;
  conclusion: string | null;
  /** The ref the run checked out (its OIDC `ref` claim): `refs/pull/<n>/merge` for pull_request runs. */
  ref?: string;
  /** A re-run's attempt number (the `run_attempt` claim); 1 by default. */
  run_attempt?: number;
}
export interface SimRelease {
  id: number;
  repo: string;
  tag_name: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
}

/** The app GitHub reports for check runs created with an Actions GITHUB_TOKEN. */
export const GITHUB_ACTIONS_APP: SimApp = {
  id: 15368,
  slug: 'github-actions',
  name: 'GitHub Actions',
  owner: 'github',
};

export const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
export const fakeSha = (seed: string): string => crypto.createHash('sha1').update(seed).digest('hex');

export class SimState {
  private nextId = 1000;
  readonly users = new Map<string, SimUser>();
  readonly apps = new Map<number, SimApp>();
  readonly installations = new Map<number, SimInstallation>();
  readonly tokens = new Map<string, TokenIdentity & { expires_at: string }>();
  readonly repos = new Map<string, SimRepo>();
  readonly issues = new Map<string, SimIssue>(); // key `owner/repo#n`
  readonly comments = new Map<number, SimComment>();
  readonly checkRuns = new Map<number, SimCheckRun>();
  readonly statuses: Array<{
    repo: string;
    sha: string;
    state: string;
    context: string;
    description?: string;
    target_url?: string;
    id: number;
  }> = [];
  readonly teams = new Map<string, Map<string, 'member' | 'maintainer'>>(); // key `org/team-slug`
  readonly workflowRuns = new Map<number, SimWorkflowRun>();
  readonly dispatches: Array<{ repo: string; workflow_id: string; ref: string; inputs: unknown }> = [];
  readonly releases = new Map<string, SimRelease>(); // key `owner/repo@tag`
  /** branch protection's required checks, key `owner/repo@branch` */
  readonly protections = new Map<string, SimRequiredCheck[]>();
  /** required checks of rulesets targeting a branch, key `owner/repo@branch` */
  readonly rulesets = new Map<string, SimRequiredCheck[]>();
  /** Status reports on waiting deployments (a protection rule's POST without `state`). */
  readonly deploymentStatusReports: Array<{
    repo: string;
    run_id: number;
    environment_name: string;
    comment: string;
    by: string;
  }> = [];
  readonly deploymentReviews: Array<{
    repo: string;
    run_id: number;
    environment_name: string;
    state: 'approved' | 'rejected';
    comment: string;
    by: string;
  }> = [];

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  user(login: string, type: SimUser['type'] = login.endsWith('[bot]') ? 'Bot' : 'User'): SimUser {
    let u = this.users.get(login);
    if (!u) {
      u = { login, id: this.id(), type };
      this.users.set(login, u);
    }
    return u;
  }

  addApp(app: Partial<SimApp> & { id: number }): SimApp {
    const full: SimApp = { slug: `app-${app.id}`, name: `App ${app.id}`, owner: 'sim-org', ...app };
    this.apps.set(full.id, full);
    this.user(`${full.slug}[bot]`, 'Bot');
    return full;
  }

  addInstallation(inst: {
    id?: number;
    appId: number;
    account: string;
    repos?: string[];
    permissions?: Record<string, string>;
  }): SimInstallation {
    const full: SimInstallation = {
      id: inst.id ?? this.id(),
      appId: inst.appId,
      account: inst.account,
      repos: inst.repos ?? [],
      permissions: inst.permissions ?? {
        checks: 'write',
        contents: 'read',
        issues: 'write',
        pull_requests: 'write',
        metadata: 'read',
      },
    };
    this.installations.set(full.id, full);
    return full;
  }

  /** Register a token as an Actions GITHUB_TOKEN for `repo` (check runs then belong to github-actions). */
  addActionsToken(repo: string, token = `ghs_actions_${crypto.randomBytes(12).toString('hex')}`): string {
    this.tokens.set(token, { kind: 'actions', repo, expires_at: '2099-01-01T00:00:00Z' });
    return token;
  }

  addUserToken(login: string, token = `ghp_${crypto.randomBytes(16).toString('hex')}`): string {
    this.user(login);
    this.tokens.set(token, { kind: 'user', login, expires_at: '2099-01-01T00:00:00Z' });
    return token;
  }

  issueKey(repo: string, n: number): string {
    return `${repo}#${n}`;
  }

  nextIssueNumber(repo: string): number {
    let max = 0;
    for (const i of this.issues.values()) if (i.repo === repo) max = Math.max(max, i.number);
    return max + 1;
  }

  setTeamMember(org: string, team: string, login: string, role: 'member' | 'maintainer' = 'member'): void {
    const key = `${org}/${team}`;
    const members = this.teams.get(key) ?? new Map<string, 'member' | 'maintainer'>();
    members.set(login, role);
    this.teams.set(key, members);
    this.user(login);
  }
}
