import type { ProbotOctokit } from 'probot';
import { PERMISSION_LEVELS, type PermissionLevel } from '../core/decide/authorize.js';
import type { CheckRunInfo, CheckRunWrite, GitHub, PullInfo, RepoRef } from './types.js';

/** The Octokit the adapter wraps (Probot's: retry + throttling + pagination plugins). */
export type AppOctokit = InstanceType<typeof ProbotOctokit>;

const PER_PAGE = 100;
/** The compare API lists at most this many files. */
const COMPARE_FILE_LIMIT = 300;
/** The pull request files API lists at most this many files. */
const PULL_FILE_LIMIT = 3000;

/** What the adapter uses of an Octokit: Probot's, or `@actions/github`'s in the Action's bot mode. */
export type AdapterOctokit = Pick<AppOctokit, 'rest' | 'paginate'>;

/** The GitHub adapter for one repository. All list calls paginate. */
export function gitHubFor(octokit: AdapterOctokit, repo: RepoRef): GitHub {
  const r = { owner: repo.owner, repo: repo.repo };
  return {
    repo,
    async repository() {
      const { data } = await octokit.rest.repos.get(r);
      return { id: data.id, defaultBranch: data.default_branch };
    },
    async secretUpdatedAt(name, environment) {
      try {
        const { data } = environment
          ? await octokit.rest.actions.getEnvironmentSecret({
              ...r,
              environment_name: environment,
              secret_name: name,
            })
          : await octokit.rest.actions.getRepoSecret({ ...r, secret_name: name });
        return data.updated_at;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async branchSha(branch) {
      try {
        const { data } = await octokit.rest.repos.getBranch({ ...r, branch });
        return data.commit.sha;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async readFile(path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...r, path, ref });
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
        return Buffer.from(data.content, 'base64').toString('utf8');
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async getPull(number) {
      const { data } = await octokit.rest.pulls.get({ ...r, pull_number: number });
      return toPull(data);
    },
    async listOpenPulls() {
      const pulls = await octokit.paginate(octokit.rest.pulls.list, {
        ...r,
        state: 'open',
        per_page: PER_PAGE,
      });
      return pulls.map(toPull);
    },
    async listRecentlyClosedPulls(limit) {
      const { data } = await octokit.rest.pulls.list({
        ...r,
        state: 'closed',
        sort: 'updated',
        direction: 'desc',
        per_page: Math.min(Math.max(limit, 1), 100),
      });
      return data.map(toPull);
    },
    async listPullFiles(number) {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
        ...r,
        pull_number: number,
        per_page: PER_PAGE,
      });
      return {
        paths: files.flatMap((file) => [
          file.filename,
          ...(file.previous_filename ? [file.previous_filename] : []),
        ]),
        // GitHub lists at most 3,000 files of a pull request
        // (https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files)
        complete: files.length < PULL_FILE_LIMIT,
      };
    },
    async compareCommits(base, head) {
      try {
        // Files come with the first page only, at most 300 of them; commits are not needed.
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
          ...r,
          basehead: `${base}...${head}`,
          per_page: 1,
        });
        const files = data.files ?? [];
        return {
          status: data.status,
          files: files.flatMap((file) => [
            file.filename,
            ...(file.previous_filename ? [file.previous_filename] : []),
          ]),
          complete: files.length < COMPARE_FILE_LIMIT,
        };
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async listComments(issue) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...r,
        issue_number: issue,
        per_page: PER_PAGE,
      });
      return comments.map((c) => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '' }));
    },
    async createComment(issue, body) {
      const { data } = await octokit.rest.issues.createComment({ ...r, issue_number: issue, body });
      return { id: data.id, body: data.body ?? body, author: data.user?.login ?? '' };
    },
    async getComment(id) {
      try {
        const { data } = await octokit.rest.issues.getComment({ ...r, comment_id: id });
        return { id: data.id, body: data.body ?? '', author: data.user?.login ?? '' };
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async updateComment(id, body) {
      try {
        await octokit.rest.issues.updateComment({ ...r, comment_id: id, body });
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },
    async listCheckRuns(sha, name) {
      const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
        ...r,
        ref: sha,
        check_name: name,
        filter: 'all',
        per_page: PER_PAGE,
      });
      return runs.map(toCheckRun);
    },
    async latestCheckRuns(sha) {
      const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
        ...r,
        ref: sha,
        filter: 'latest',
        per_page: PER_PAGE,
      });
      return runs.map(toCheckRun);
    },
    async getCheckRun(id) {
      try {
        const { data } = await octokit.rest.checks.get({ ...r, check_run_id: id });
        return toCheckRun(data);
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async createCheckRun(run) {
      const { data } = await octokit.rest.checks.create({
        ...r,
        ...checkRunBody(run),
        head_sha: run.headSha,
      });
      return data.id;
    },
    async updateCheckRun(id, run) {
      await octokit.rest.checks.update({ ...r, check_run_id: id, ...checkRunBody(run) });
    },
    async permission(login) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...r, username: login });
        const role = (data as { role_name?: string }).role_name;
        return isLevel(role) ? role : isLevel(data.permission) ? data.permission : 'none';
      } catch (error) {
        if (statusOf(error) === 404) return 'none';
        throw error;
      }
    },
    async isTeamMember(org, team, login) {
      try {
        const { data } = await octokit.rest.teams.getMembershipForUserInOrg({
          org,
          team_slug: team,
          username: login,
        });
        return data.state === 'active';
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },
    async workflowRun(runId) {
      try {
        const { data } = await octokit.rest.actions.getWorkflowRun({ ...r, run_id: runId });
        return { path: data.path, headSha: data.head_sha };
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async dispatchWorkflow(file, ref, inputs) {
      await octokit.rest.actions.createWorkflowDispatch({ ...r, workflow_id: file, ref, inputs });
    },
    async pullsForCommit(sha) {
      const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
        ...r,
        commit_sha: sha,
        per_page: PER_PAGE,
      });
      return pulls.map(toPull);
    },
    async createIssue(issue) {
      const { data } = await octokit.rest.issues.create({ ...r, ...issue });
      return data.number;
    },
    async listLabelledIssues(label, limit) {
      const { data } = await octokit.rest.issues.listForRepo({
        ...r,
        labels: label,
        state: 'all',
        sort: 'created',
        direction: 'desc',
        per_page: Math.min(Math.max(limit, 1), 100),
      });
      return data
        .filter((issue) => !issue.pull_request)
        .map((issue) => ({
          number: issue.number,
          title: issue.title,
          body: issue.body ?? '',
          author: issue.user?.login ?? '',
          open: issue.state === 'open',
          createdAt: issue.created_at,
        }));
    },
    async updateIssue(number, change) {
      await octokit.rest.issues.update({ ...r, issue_number: number, ...change });
    },
    async listMergedPulls(since, until, max) {
      const found: PullInfo[] = [];
      const from = Date.parse(since);
      const to = Date.parse(until);
      // newest updated first: a page whose PRs were all last updated before `since` ends the walk
      // (a PR is updated when merged, so none merged in range is further on)
      for await (const { data } of octokit.paginate.iterator(octokit.rest.pulls.list, {
        ...r,
        state: 'closed',
        sort: 'updated',
        direction: 'desc',
        per_page: PER_PAGE,
      })) {
        for (const raw of data) {
          const merged = raw.merged_at ? Date.parse(raw.merged_at) : Number.NaN;
          if (merged >= from && merged < to) found.push(toPull(raw));
        }
        if (found.length >= max || data.every((raw) => Date.parse(raw.updated_at) < from)) break;
      }
      return found.sort((a, b) => Date.parse(b.mergedAt ?? '') - Date.parse(a.mergedAt ?? '')).slice(0, max);
    },
    async releaseByTag(tag) {
      try {
        const { data } = await octokit.rest.repos.getReleaseByTag({ ...r, tag });
        return { id: data.id, body: data.body ?? '' };
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async updateReleaseBody(id, body) {
      await octokit.rest.repos.updateRelease({ ...r, release_id: id, body });
    },
    async reportDeploymentStatus(runId, report) {
      await octokit.rest.actions.reviewCustomGatesForRun({
        ...r,
        run_id: runId,
        environment_name: report.environment,
        comment: report.comment,
      });
    },
    async gitCommit(sha) {
      const { data } = await octokit.rest.git.getCommit({ ...r, commit_sha: sha });
      return { sha: data.sha, tree: data.tree.sha, parents: data.parents.map((parent) => parent.sha) };
    },
    async createGitCommit(commit) {
      const { data } = await octokit.rest.git.createCommit({ ...r, ...commit });
      return data.sha;
    },
    async createBranch(branch, sha) {
      await octokit.rest.git.createRef({ ...r, ref: `refs/heads/${branch}`, sha });
    },
    async createPull(pull) {
      const { data } = await octokit.rest.pulls.create({ ...r, ...pull });
      return { number: data.number, url: data.html_url };
    },
    async reviewDeployment(runId, review) {
      await octokit.rest.actions.reviewCustomGatesForRun({
        ...r,
        run_id: runId,
        environment_name: review.environment,
        state: review.state,
        comment: review.comment,
      });
    },
  };
}

function checkRunBody(run: CheckRunWrite) {
  return {
    name: run.name,
    status: run.status,
    ...(run.conclusion ? { conclusion: run.conclusion } : {}),
    ...(run.externalId ? { external_id: run.externalId } : {}),
    ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
    output: { title: run.title, summary: run.summary, ...(run.text ? { text: run.text } : {}) },
    ...(run.actions ? { actions: run.actions } : {}),
  };
}

/** A pull request as the REST API and webhook payloads both carry it (the fields shipgate reads). */
export interface RawPull {
  number: number;
  title: string;
  state: string;
  draft?: boolean;
  body?: string | null;
  user: { login: string } | null;
  labels: { name?: string }[];
  head: { sha: string; ref: string };
  base: { ref: string; sha: string };
  /** Webhook payloads and `GET /pulls/{n}` carry `merged`; lists carry only `merged_at`. */
  merged?: boolean | null;
  merged_at?: string | null;
  /** Set on open PRs too (the test merge commit): only a merged PR's counts. */
  merge_commit_sha?: string | null;
  created_at?: string;
}

/** The one mapping of a pull request to PullInfo, for API responses and webhook payloads alike. */
export function toPull(data: RawPull): PullInfo {
  return {
    number: data.number,
    headSha: data.head.sha,
    headRef: data.head.ref,
    baseRef: data.base.ref,
    baseSha: data.base.sha,
    title: data.title,
    author: data.user?.login ?? '',
    labels: data.labels.flatMap((label) => (label.name ? [label.name] : [])),
    open: data.state === 'open',
    draft: data.draft ?? false,
    ...(typeof data.body === 'string' ? { body: data.body } : {}),
    ...((data.merged || data.merged_at) && data.merge_commit_sha
      ? { mergeCommitSha: data.merge_commit_sha }
      : {}),
    ...(data.created_at ? { createdAt: data.created_at } : {}),
    ...(data.merged_at ? { mergedAt: data.merged_at } : {}),
  };
}

interface RawCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url?: string | null;
  html_url?: string | null;
  app?: { id?: number; slug?: string } | null;
  output?: { text?: string | null };
}

function toCheckRun(data: RawCheckRun): CheckRunInfo {
  return {
    id: data.id,
    name: data.name,
    headSha: data.head_sha,
    appId: data.app?.id,
    appSlug: data.app?.slug,
    status: data.status,
    conclusion: data.conclusion,
    outputText: data.output?.text ?? null,
    detailsUrl: data.details_url ?? null,
    htmlUrl: data.html_url ?? null,
  };
}

function isLevel(value: string | undefined): value is PermissionLevel {
  return (PERMISSION_LEVELS as readonly string[]).includes(value ?? '');
}

/** The id of the app's installation that covers a repository; undefined when not installed there. */
export async function installationIdFor(appOctokit: AppOctokit, repo: RepoRef): Promise<number | undefined> {
  try {
    const { data } = await appOctokit.rest.apps.getRepoInstallation({ owner: repo.owner, repo: repo.repo });
    return data.id;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** The HTTP status of an Octokit RequestError (undefined for other errors). */
export function statusOf(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'status' in error && typeof error.status === 'number')
    return error.status;
  return undefined;
}
