/**
 * `mode: bot` on `schedule` (or `workflow_dispatch`): one pass of the cutover timer over the
 * repository — open windows of its release PRs are sampled from Prometheus and ticked or failed
 * by the bot, exactly as the app's timer does (src/bot/cutover/on-cutover-timer.ts). Run it every
 * few minutes while a window is open; with no open window a pass only reads.
 */
import * as core from '@actions/core';
import { sampleRepoCutovers } from '../bot/cutover/on-cutover-timer.js';
import { stepsIdle } from '../bot/pr/run-step.js';
import type { Bot } from '../bot/runtime/bot.js';
import { fencedGitHub } from '../bot/runtime/coordinated-queue.js';
import { gitHubFor } from '../github/client.js';
import type { tokenOctokit } from '../github/token-client.js';
import { actionLog, type LogRecord } from './action-log.js';
import { InputError } from './inputs.js';

/** The events that run a cutover pass in bot mode. */
export const CUTOVER_EVENTS = new Set(['schedule', 'workflow_dispatch']);
const MAX_WINDOWS = 20;

export async function runCutoverPass(
  bot: Bot,
  octokit: ReturnType<typeof tokenOctokit>,
  env: Record<string, string | undefined>,
): Promise<void> {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new InputError('GITHUB_REPOSITORY is not set: run shipgate inside a workflow');
  const record: LogRecord = { warnings: 0 };
  const log = actionLog(record, { event: `${env.GITHUB_EVENT_NAME}.cutover` });
  const scope = { bot, gh: fencedGitHub(gitHubFor(octokit, { owner, repo })), log };
  const pass = await sampleRepoCutovers(scope, { maxWindows: MAX_WINDOWS });
  await stepsIdle(bot);
  await bot.memory.replies.idle();
  for (const decided of pass.decided)
    core.info(`shipgate: ${decided.item} ${decided.outcome}: ${decided.line}`);
  core.notice(
    pass.sampled === 0
      ? 'shipgate cutover: no open cutover window'
      : `shipgate cutover: ${pass.sampled} window(s) sampled on ${pass.pulls} pull request(s), ${pass.decided.length} decided`,
  );
}
