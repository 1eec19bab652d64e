import * as core from '@actions/core';
import * as github from '@actions/github';
import { isFailing } from '../core/template/model.js';
import { runBotMode } from './bot-mode.js';
import { runCheckStep } from './check-mode.js';
import { readRunEvent } from './event.js';
import { parseInputs } from './inputs.js';
import { workflowRunUrl } from './publish.js';
import { publishResults } from './publish-results.js';
import { secretValues } from './secrets.js';

/** The Action: validate inputs → check mode (run checks, report, publish, gate) or bot mode. */
export async function run(): Promise<void> {
  try {
    const env = process.env;
    // Mask before anything can be logged, even an input error.
    const secrets = ['github-token', 'ledger-secret', 'members-token'].map((name) => core.getInput(name));
    for (const secret of secrets.flatMap((value) => secretValues(env, value))) core.setSecret(secret);
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const inputs = parseInputs((name) => core.getInput(name), workspace);
    if (inputs.mode === 'bot') {
      await runBotMode(inputs, env, workspace);
      return;
    }
    const event = readRunEvent(github.context.payload, env);
    const { results, passed } = await runCheckStep(inputs, event, env, workspace);
    const token = inputs.githubToken;
    const apiUrl = env.GITHUB_API_URL || 'https://api.github.com';
    const detailsUrl = workflowRunUrl(env);
    await publishResults({
      token,
      apiUrl,
      event,
      phase: inputs.phase,
      results,
      env: process.env,
      ...(detailsUrl ? { detailsUrl } : {}),
    });

    if (!passed && inputs.failOn === 'failure') {
      const failed = results.filter((result) => isFailing(result.status));
      core.setFailed(`${failed.length} automated check(s) failed: ${failed.map((r) => r.item).join(', ')}`);
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
