import { relative } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { findCheck } from '../../checks/index.js';
import { loadRepoContext } from '../cli/context.js';
import type { CliIO } from '../cli/io.js';
import { progressLine } from '../cli/report-text.js';
import type { CheckReport } from '../core/model.js';
import { defaultBaseRef } from '../runner/git-info.js';
import { runChecks } from '../runner/run-checks.js';
import { annotationsFor } from './annotations.js';
import { readRunEvent } from './event.js';
import { parseInputs } from './inputs.js';
import { publishResults } from './publish-results.js';
import { resultsMarkdown } from './report-markdown.js';
import { secretValues } from './secrets.js';
import { toolAwareResolver } from './tools.js';

/** The Action: validate inputs → run the same check engine as the CLI → report, publish, gate. */
export async function run(): Promise<void> {
  try {
    const env = process.env;
    // Mask before anything can be logged, even an input error.
    for (const secret of secretValues(env, core.getInput('github-token'))) core.setSecret(secret);
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const inputs = parseInputs((name) => core.getInput(name), workspace);
    core.info(`shipgate: ${inputs.phase} checks in ${relative(workspace, inputs.workingDirectory) || '.'}`);
    const event = readRunEvent(github.context.payload, env);
    const context = loadRepoContext(actionIO(workspace, env), inputs.workingDirectory, inputs);
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
      resolveCheck: toolAwareResolver(findCheck),
      log: (message) => core.info(message),
      onResult: (result) => core.info(progressLine(result)),
    });

    const passed = results.every((result) => result.status !== 'fail' && result.status !== 'error');
    const report: CheckReport = { version: 1, passed, results };
    core.setOutput('passed', String(passed));
    core.setOutput('results', JSON.stringify(report));
    core.setOutput(
      'failed-items',
      results
        .filter((result) => result.status === 'fail' || result.status === 'error')
        .map((result) => result.item)
        .join(','),
    );

    const markdown = resultsMarkdown(results, inputs.phase);
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    else core.info(markdown);
    for (const note of annotationsFor(results, context.repoDir, workspace)) {
      const { level, message, ...properties } = note;
      if (level === 'error') core.error(message, properties);
      else core.warning(message, properties);
    }

    await publishResults({ token, apiUrl, event, phase: inputs.phase, results });

    if (!passed && inputs.failOn === 'failure') {
      const failed = results.filter((result) => result.status === 'fail' || result.status === 'error');
      core.setFailed(`${failed.length} automated check(s) failed: ${failed.map((r) => r.item).join(', ')}`);
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

/** loadRepoContext only reads cwd and env; its output goes to the Actions log. */
function actionIO(cwd: string, env: Record<string, string | undefined>): CliIO {
  const write = (text: string) => core.info(text.replace(/\n$/, ''));
  return { argv: [], cwd, env, stdout: { write }, stderr: { write }, now: () => new Date() };
}
