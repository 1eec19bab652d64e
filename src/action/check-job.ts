/** Check mode: the single, measure or attest job (docs/security.md), loaded by main.ts. */
import * as core from '@actions/core';
import * as github from '@actions/github';
import { JOB_CREDENTIAL_VARIABLE } from '../core/config/config.js';
import { effectiveParams } from '../core/evidence/binding.js';
import { type ChecklistItem, type ItemResult, isFailing } from '../core/template/model.js';
import type { RepoContext } from '../load/repo-context.js';
import { runCheckStep } from './check-mode.js';
import { type RunEvent, readRunEvent } from './event.js';
import type { ActionInputs } from './inputs.js';
import { workflowRunUrl } from './publish.js';
import { publishResults } from './publish-results.js';
import { measureJobProblems, readMeasureReport, unmeasured, writeMeasureReport } from './two-job.js';

/** Runs the job `inputs.job` names: measure writes its report; single and attest publish the evidence. */
export async function runCheckJob(
  inputs: ActionInputs,
  env: Record<string, string | undefined>,
  workspace: string,
): Promise<void> {
  const event = readRunEvent(github.context.payload, env);
  if (inputs.job === 'measure') return await runMeasureJob(inputs, event, env, workspace);
  const checksEnv = withSecrets(env, inputs.secrets);
  const intake = inputs.job === 'attest' ? intakeMeasured(inputs, event) : undefined;
  const { results, passed } = await runCheckStep(inputs, event, checksEnv, workspace, inputs.job, intake);
  const detailsUrl = workflowRunUrl(env);
  await publishResults({
    token: inputs.githubToken,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    event,
    phase: inputs.phase,
    results,
    job: inputs.job,
    env: process.env,
    ...(detailsUrl ? { detailsUrl } : {}),
  });
  failOn(inputs, results, passed);
}

/**
 * The measure job: refuses to run where the PR's code would get a credential, runs only what needs
 * the PR's code, writes the report and publishes nothing.
 */
async function runMeasureJob(
  inputs: ActionInputs,
  event: RunEvent,
  env: Record<string, string | undefined>,
  workspace: string,
): Promise<void> {
  const problems = measureJobProblems(env, inputs.workingDirectory);
  if (problems.length > 0) {
    core.setFailed(
      `shipgate: this job must not hold credentials, it runs the PR's code:\n- ${problems.join('\n- ')}`,
    );
    return;
  }
  if (!event.headSha) {
    core.setFailed(
      'shipgate: the measure job needs the commit to measure (a pull_request or workflow_dispatch event)',
    );
    return;
  }
  const { results, passed } = await runCheckStep(inputs, event, env, workspace, 'measure');
  writeMeasureReport(inputs.report, event.headSha, inputs.phase, results);
  core.setOutput('report', inputs.report);
  core.info(`shipgate: ${results.length} measured result(s) written to ${inputs.report} for the attest job`);
  failOn(inputs, results, passed);
}

/** The measure job's results for the attesting job: untrusted input, `reported`, errors when missing. */
function intakeMeasured(inputs: ActionInputs, event: RunEvent) {
  return (context: RepoContext, measured: ChecklistItem[]): ItemResult[] => {
    if (measured.length === 0) return [];
    const described = measured.map((item) => ({
      id: item.id,
      text: item.text,
      check: item.check ?? '',
      params: effectiveParams(item, context.config),
    }));
    const intake = readMeasureReport(inputs.report, {
      sha: event.headSha ?? '',
      phase: inputs.phase,
      measured: new Map(measured.map((item) => [item.id, item.text])),
    });
    if (intake.problem !== undefined) {
      core.warning(`shipgate: ${intake.problem}; the measured items are errors`);
      return unmeasured(described, intake.problem);
    }
    const seen = new Set(intake.results.map((result) => result.item));
    const missing = described.filter((item) => !seen.has(item.id));
    return [...intake.results, ...unmeasured(missing, 'the measure job reported no result for this item')];
  };
}

function failOn(inputs: ActionInputs, results: readonly ItemResult[], passed: boolean): void {
  if (passed || inputs.failOn !== 'failure') return;
  const failed = results.filter((result) => isFailing(result.status));
  core.setFailed(`${failed.length} automated check(s) failed: ${failed.map((r) => r.item).join(', ')}`);
}

/** The checks' environment with the workflow's secrets, never the job's own credentials. */
function withSecrets(
  env: Record<string, string | undefined>,
  secrets: Record<string, string>,
): Record<string, string | undefined> {
  const added = Object.entries(secrets).filter(([name]) => !JOB_CREDENTIAL_VARIABLE.test(name));
  return added.length > 0 ? { ...env, ...Object.fromEntries(added) } : env;
}
