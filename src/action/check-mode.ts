import { relative } from 'node:path';
import * as core from '@actions/core';
import { findCheck } from '../../checks/index.js';
import { loadRepoContext } from '../cli/context.js';
import type { CliIO } from '../cli/io.js';
import { progressLine } from '../cli/report-text.js';
import { type ItemResult, isFailing, resultsReport } from '../core/template/model.js';
import { defaultBaseRef } from '../runner/git-info.js';
import { runChecks } from '../runner/run-checks.js';
import { annotationsFor } from './annotations.js';
import type { RunEvent } from './event.js';
import type { ActionInputs } from './inputs.js';
import { resultsMarkdown } from './report-markdown.js';
import { actionTools, toolAwareResolver } from './tools/resolver.js';

export interface CheckStep {
  results: ItemResult[];
  passed: boolean;
}

/**
 * Runs the same check engine as the CLI and reports like a step should: outputs, job summary,
 * annotations. Publishing (check mode) or handing the results to the bot (bot mode) is the caller's.
 */
export async function runCheckStep(
  inputs: ActionInputs,
  event: RunEvent,
  env: Record<string, string | undefined>,
  workspace: string,
): Promise<CheckStep> {
  core.info(`shipgate: ${inputs.phase} checks in ${relative(workspace, inputs.workingDirectory) || '.'}`);
  const context = await loadRepoContext(actionIO(workspace, env), inputs.workingDirectory, inputs);
  const token = inputs.githubToken;
  const apiUrl = env.GITHUB_API_URL || 'https://api.github.com';

  const results = await runChecks({
    checklist: context.checklist,
    config: context.config,
    repoDir: context.repoDir,
    phase: inputs.phase,
    only: inputs.only,
    targetUrl: inputs.url ?? event.deploymentUrl,
    baseRef: inputs.base ?? defaultBaseRef(context.repoDir),
    releaseVersion: context.releaseVersion,
    branch: context.branch ?? event.pullRequest?.headRef,
    prTitle: event.pullRequest?.title,
    env,
    github:
      token && event.owner && event.repo
        ? { token, owner: event.owner, repo: event.repo, apiUrl, headSha: event.headSha }
        : undefined,
    resolveCheck: toolAwareResolver(
      findCheck,
      actionTools(env, (message) => core.info(message), context.repoDir),
    ),
    log: (message) => core.info(message),
    onResult: (result) => core.info(progressLine(result)),
  });

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

/** loadRepoContext only reads cwd and env; its output goes to the Actions log. */
function actionIO(cwd: string, env: Record<string, string | undefined>): CliIO {
  const write = (text: string) => core.info(text.replace(/\n$/, ''));
  return { argv: [], cwd, env, stdout: { write }, stderr: { write }, now: () => new Date() };
}
