import * as core from '@actions/core';
import * as github from '@actions/github';
import { JOB_CREDENTIAL_VARIABLE } from '../core/config/config.js';
import { effectiveParams } from '../core/evidence/binding.js';
import { type ChecklistItem, type ItemResult, isFailing } from '../core/template/model.js';
import type { RepoContext } from '../load/repo-context.js';
import { runBotMode } from './bot-mode.js';
import { runCheckStep } from './check-mode.js';
import { type RunEvent, readRunEvent } from './event.js';
import { type ActionInputs, parseInputs } from './inputs.js';
import { workflowRunUrl } from './publish.js';
import { publishResults } from './publish-results.js';
import { secretValues } from './secrets.js';
import { measureJobProblems, readMeasureReport, unmeasured, writeMeasureReport } from './two-job.js';

/** The Action: validate inputs → check mode (single, measure or attest job) or bot mode. */
export async function run(): Promise<void> {
  try {
    const env = process.env;
    // Mask before anything can be logged, even an input error.
    const secrets = ['github-token', 'ledger-secret', 'members-token'].map((name) => core.getInput(name));
    for (const secret of secrets.flatMap((value) => secretValues(env, value))) core.setSecret(secret);
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const raw = (name: string) => core.getInput(name);
    // masked before parsing, so not even a malformed value can reach the log
    for (const value of secretsInputValues(raw('secrets'))) core.setSecret(value);
    const inputs = parseInputs(raw, workspace);
    if (inputs.mode === 'bot') {
      await runBotMode(inputs, env, workspace);
      return;
    }
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
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
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

/** Every string value of the `secrets` input, parsed leniently (for masking only). */
function secretsInputValues(text: string): string[] {
  if (!text.trim()) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object')
      return Object.values(parsed).filter(
        (value): value is string => typeof value === 'string' && value !== '',
      );
  } catch {
    // not JSON: the whole text may be a secret
  }
  return [text];
}

/** The checks' environment with the workflow's secrets, never the job's own credentials. */
function withSecrets(
  env: Record<string, string | undefined>,
  secrets: Record<string, string>,
): Record<string, string | undefined> {
  const added = Object.entries(secrets).filter(([name]) => !JOB_CREDENTIAL_VARIABLE.test(name));
  return added.length > 0 ? { ...env, ...Object.fromEntries(added) } : env;
}
