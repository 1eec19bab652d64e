import * as core from '@actions/core';
import { findCheck } from '../../checks/index.js';
import { pullVersionNames } from '../core/release/release-bots.js';
import { readReleaseVersion } from '../core/release/release-version.js';
import { type ChecklistItem, type ItemResult, isFailing, resultsReport } from '../core/template/model.js';
import { gitHubForToken } from '../github/token-client.js';
import { loadRepoContext, type RepoContext } from '../load/repo-context.js';
import { progressLine } from '../report/report-text.js';
import { defaultBaseRef } from '../runner/git-info.js';
import type { JobRole } from '../runner/placement.js';
import { itemsToRun, runChecks } from '../runner/run-checks.js';
import { annotationsFor } from './annotations.js';
import type { RunEvent } from './event.js';
import type { ActionInputs } from './inputs.js';
import { loadPolicyContext, PolicyProblem } from './policy.js';
import { resultsMarkdown } from './report-markdown.js';
import { actionTools, toolAwareResolver } from './tools/resolver.js';

export interface CheckStep {
  results: ItemResult[];
  passed: boolean;
}

/**
 * The policy to measure with: the default branch's through the API when the step has a token and a
 * repository (as the bot reads it), else the checkout's with a warning — the bot then refuses any
 * result whose check or parameters differ from its own policy.
 */
export async function loadStepContext(
  inputs: ActionInputs,
  event: RunEvent,
  env: Record<string, string | undefined>,
  workspace: string,
): Promise<RepoContext> {
  // loadRepoContext reads only the workspace and the environment of its host
  const fromCheckout = () => loadRepoContext({ cwd: workspace, env }, inputs.workingDirectory, inputs);
  const token = inputs.githubToken;
  if (token && event.owner && event.repo) {
    const apiUrl = env.GITHUB_API_URL || 'https://api.github.com';
    const gh = gitHubForToken({ token, apiUrl, owner: event.owner, repo: event.repo });
    try {
      return await loadPolicyContext(gh, inputs, env, workspace);
    } catch (error) {
      if (error instanceof PolicyProblem) throw error;
      // GitHub could not be read (after the client's retries): measuring with the checkout's copy is
      // safe — the bot refuses every result whose check or parameters differ from its own policy
      core.warning(
        `shipgate: the default branch's policy could not be read (${(error as Error).message}); measuring with the checkout's copy, which the bot checks against its own`,
      );
      return fromCheckout();
    }
  }
  core.warning(
    'shipgate: no github-token or repository, so the policy is read from the checkout, not the default branch; the bot refuses results measured with a policy other than its own',
  );
  return fromCheckout();
}

/**
 * The release version the checks verify, read from the event's PR as the bot reads it
 * (src/bot/pr/facts.ts): branch, PR title, a release bot's body, then the checkout's package.json.
 */
export function stepReleaseVersion(
  context: Pick<RepoContext, 'branch' | 'packageJson' | 'config'>,
  event: RunEvent,
): string | undefined {
  const pull = event.pullRequest;
  const names = pullVersionNames(
    {
      headRef: context.branch ?? pull?.headRef ?? '',
      title: pull?.title ?? '',
      labels: pull?.labels ?? [],
      body: pull?.body,
    },
    context.config.release.bots,
  );
  return readReleaseVersion({
    ...names,
    file: { name: 'package.json', version: context.packageJson.version },
  })?.version;
}

/**
 * Runs the same check engine as the CLI and reports like a step should: outputs, job summary,
 * annotations. `job` selects what runs (src/runner/placement.ts). Publishing (check mode) or
 * handing the results to the bot (bot mode) is the caller's.
 */
export async function runCheckStep(
  inputs: ActionInputs,
  event: RunEvent,
  env: Record<string, string | undefined>,
  workspace: string,
  job: JobRole = 'single',
  /** Results this job did not compute (the attesting job: the measure job's), given the policy. */
  intake?: (context: RepoContext, measured: ChecklistItem[]) => ItemResult[],
): Promise<CheckStep> {
  const context = await loadStepContext(inputs, event, env, workspace);
  const token = inputs.githubToken;
  const apiUrl = env.GITHUB_API_URL || 'https://api.github.com';

  const targetUrl = inputs.url ?? event.deploymentUrl;
  const extra = intake
    ? intake(
        context,
        itemsToRun(
          { ...context, phase: inputs.phase, only: inputs.only, ...(targetUrl ? { targetUrl } : {}) },
          'measure',
        ),
      )
    : [];
  const ran = await runChecks({
    checklist: context.checklist,
    config: context.config,
    repoDir: context.repoDir,
    phase: inputs.phase,
    only: inputs.only,
    targetUrl,
    baseRef: inputs.base ?? defaultBaseRef(context.repoDir),
    releaseVersion: stepReleaseVersion(context, event),
    branch: context.branch ?? event.pullRequest?.headRef,
    prTitle: event.pullRequest?.title,
    env,
    job,
    github:
      token && event.owner && event.repo
        ? { token, owner: event.owner, repo: event.repo, apiUrl, headSha: event.headSha }
        : undefined,
    resolveCheck: toolAwareResolver(
      findCheck,
      // the attesting job runs no code of the PR: never a tool from its node_modules
      actionTools(env, (message) => core.info(message), job === 'attest' ? undefined : context.repoDir),
    ),
    log: (message) => core.info(message),
    onResult: (result) => core.info(progressLine(result)),
  });
  // the attesting job computed these itself from the PR's files: verified
  const own = ran.map((result): ItemResult => (job === 'attest' ? { ...result, how: 'verified' } : result));
  const results = orderLike(context, [...own, ...extra]);

  const failed = results.filter((result) => isFailing(result.status));
  const report = resultsReport(results);
  const { passed } = report;
  core.setOutput('passed', String(passed));
  core.setOutput('results', JSON.stringify(report));
  core.setOutput('failed-items', failed.map((result) => result.item).join(','));

  const markdown = resultsMarkdown(results, inputs.phase);
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
  else core.info(markdown);
  for (const note of annotationsFor(results, context.repoDir, workspace)) {
    const { level, message, ...properties } = note;
    if (level === 'error') core.error(message, properties);
    else core.warning(message, properties);
  }
  return { results, passed };
}

/** Results in the checklist's order (the attesting job merges its own with the measure job's). */
function orderLike(context: RepoContext, results: readonly ItemResult[]): ItemResult[] {
  const order = new Map(context.checklist.items.map((item, index) => [item.id, index]));
  return [...results].sort((a, b) => (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0));
}
