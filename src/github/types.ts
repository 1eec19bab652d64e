/** Plain data the adapter hands to the app: no Octokit types leave src/github. */
import type { PermissionLevel } from '../core/decide/authorize.js';
import type { CheckRunView } from '../core/gate/projection.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullInfo {
  number: number;
  headSha: string;
  headRef: string;
  baseRef: string;
  /** The base branch commit the PR was last compared with (keys the config cache). */
  baseSha: string;
  title: string;
  author: string;
  labels: string[];
  open: boolean;
  draft: boolean;
  /** The PR description (release bots write their version there); absent when not read. */
  body?: string;
  /** Set once the PR was merged: its merge commit (post-deploy results are keyed by it). */
  mergeCommitSha?: string;
  /** ISO times GitHub gives: opened, merged (rubber-stamp signals, the audit export). */
  createdAt?: string;
  mergedAt?: string;
}

/** An issue as shipgate reads it (the freeze issue). */
export interface IssueInfo {
  number: number;
  title: string;
  body: string;
  author: string;
  open: boolean;
  createdAt: string;
}

export interface CommentInfo {
  id: number;
  body: string;
  author: string;
}

export interface CheckRunInfo {
  id: number;
  name: string;
  headSha: string;
  appId?: number;
  appSlug?: string;
  status: string;
  conclusion: string | null;
  outputText?: string | null;
  detailsUrl?: string | null;
  htmlUrl?: string | null;
}

/** A check run to create or update: what the projection wants on GitHub (core/gate/projection.ts). */
export type CheckRunWrite = Omit<CheckRunView, 'mirrorsLedger'>;

/** `base...head` as the compare API sees it. */
export interface CompareInfo {
  /** `ahead`/`identical`: base is an ancestor of head; `diverged`/`behind`: e.g. a force-push. */
  status: string;
  /** Changed paths (a rename gives both names). */
  files: string[];
  /** false when GitHub cut the file list (it lists at most 300): the changes are then unknown. */
  complete: boolean;
}

/** Every GitHub call the bot makes, scoped to one repository. */
export interface GitHub {
  readonly repo: RepoRef;
  /** GitHub's id of the repository and its default branch (where shipgate reads its policy). */
  repository(): Promise<{ id: number; defaultBranch: string }>;
  /**
   * When an Actions secret (of the repository, or of `environment`) was last updated: metadata
   * only, GitHub never returns values. undefined when there is no such secret.
   */
  secretUpdatedAt(name: string, environment?: string): Promise<string | undefined>;
  /** The commit a branch points at; undefined when there is no such branch. */
  branchSha(branch: string): Promise<string | undefined>;
  /** File text at a ref; undefined when the file does not exist. */
  readFile(path: string, ref: string): Promise<string | undefined>;
  getPull(number: number): Promise<PullInfo>;
  listOpenPulls(): Promise<PullInfo[]>;
  /** The most recently updated closed PRs (one page, at most `limit`): merged releases still in their cutover. */
  listRecentlyClosedPulls(limit: number): Promise<PullInfo[]>;
  /**
   * The PR's changed paths (a rename gives both names). `complete: false` when GitHub's cap of
   * 3,000 files was reached: the rest is unknown.
   */
  listPullFiles(number: number): Promise<{ paths: string[]; complete: boolean }>;
  /** Files changed from `base` to `head` (`GET …/compare/base...head`); undefined when not found. */
  compareCommits(base: string, head: string): Promise<CompareInfo | undefined>;
  listComments(issue: number): Promise<CommentInfo[]>;
  /** undefined when the comment no longer exists. */
  getComment(id: number): Promise<CommentInfo | undefined>;
  createComment(issue: number, body: string): Promise<CommentInfo>;
  /** false when the comment no longer exists. */
  updateComment(id: number, body: string): Promise<boolean>;
  listCheckRuns(sha: string, name: string): Promise<CheckRunInfo[]>;
  /** The latest run of every check on a commit, whichever app made it (the ci-status check). */
  latestCheckRuns(sha: string): Promise<CheckRunInfo[]>;
  getCheckRun(id: number): Promise<CheckRunInfo | undefined>;
  createCheckRun(run: CheckRunWrite): Promise<number>;
  updateCheckRun(id: number, run: CheckRunWrite): Promise<void>;
  permission(login: string): Promise<PermissionLevel>;
  isTeamMember(org: string, team: string, login: string): Promise<boolean>;
  /** The workflow file and commit of an Actions run; undefined when there is no such run. */
  workflowRun(runId: number): Promise<{ path: string; headSha: string } | undefined>;
  /** Starts a `workflow_dispatch` run of `.github/workflows/<file>` on `ref`. */
  dispatchWorkflow(file: string, ref: string, inputs: Record<string, string>): Promise<void>;
  /** PRs whose head is `sha` or that were merged as `sha`. */
  pullsForCommit(sha: string): Promise<PullInfo[]>;
  /** Opens an issue; returns its number. */
  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<number>;
  /** Issues (not PRs) with `label`, open and closed, newest first, at most `limit`. */
  listLabelledIssues(label: string, limit: number): Promise<IssueInfo[]>;
  updateIssue(number: number, change: { body?: string; state?: 'open' | 'closed' }): Promise<void>;
  /** Merged PRs whose merge time is in [since, until) (ISO), newest first; at most `max`. */
  listMergedPulls(since: string, until: string, max: number): Promise<PullInfo[]>;
  /** The release for a tag; undefined when there is none. */
  releaseByTag(tag: string): Promise<{ id: number; body: string } | undefined>;
  updateReleaseBody(id: number, body: string): Promise<void>;
  /** Answers a custom deployment protection rule for a waiting workflow run. */
  reviewDeployment(
    runId: number,
    review: { environment: string; state: 'approved' | 'rejected'; comment: string },
  ): Promise<void>;
  /**
   * A status report on a waiting deployment: the same endpoint without `state` (docs: "Creating
   * custom deployment protection rules": up to 10 per deployment, Markdown, ≤ 1024 characters).
   */
  reportDeploymentStatus(runId: number, report: { environment: string; comment: string }): Promise<void>;
  /** A commit's tree and parents (git data API). */
  gitCommit(sha: string): Promise<{ sha: string; tree: string; parents: string[] }>;
  /** Creates a commit object (not on any branch); returns its sha. */
  createGitCommit(commit: { message: string; tree: string; parents: string[] }): Promise<string>;
  /** Creates branch `branch` at `sha`. */
  createBranch(branch: string, sha: string): Promise<void>;
  /** Opens a pull request (a draft with `draft: true`); returns its number and page. */
  createPull(pull: {
    title: string;
    head: string;
    base: string;
    body: string;
    draft: boolean;
  }): Promise<{ number: number; url: string }>;
}
