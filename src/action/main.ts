// The Action's first steps, kept small: mask the secrets and read the inputs before anything else
// loads, then import only the mode the step runs (bot mode and the check jobs, with the checks,
// Octokit and the engine, are chunks of their own: scripts/build.mjs).
import { relative } from 'node:path';
import * as core from '@actions/core';
import { secretValues } from './secrets.js';

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
    // the inputs' schema (zod) loads after the masks are written: a runner's first log line is a mask
    const { parseInputs } = await import('./inputs.js');
    const inputs = parseInputs(raw, workspace);
    if (inputs.mode === 'bot') {
      const { runBotMode } = await import('./bot-mode.js');
      await runBotMode(inputs, env, workspace);
      return;
    }
    // said before the job's code loads: the step's log shows what runs from its first line
    const where = relative(workspace, inputs.workingDirectory) || '.';
    core.info(`shipgate: ${inputs.phase} checks in ${where} (${inputs.job} job)`);
    const { runCheckJob } = await import('./check-job.js');
    await runCheckJob(inputs, env, workspace);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
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
