/**
 * `mode: bot`: the shipgate bot without a hosted app. The workflow's event goes through the same
 * pipeline as a webhook (handleEvent); comments and the `shipgate` check run are written with the
 * workflow's token, so they are by `github-actions[bot]` and the GitHub Actions app.
 */
import * as core from '@actions/core';
import { handleEvent } from '../bot/events/handle-event.js';
import { Envelope, repoOf } from '../bot/events/payloads.js';
import { stepsIdle } from '../bot/pr/run-step.js';
import { type Bot, BotMemory } from '../bot/runtime/bot.js';
import type { BotLog } from '../bot/runtime/bot-log.js';
import { GITHUB_OIDC_ISSUER } from '../core/evidence/provenance.js';
import { prLedgerKey } from '../core/ledger/ledger.js';
import { gitHubFor, statusOf } from '../github/client.js';
import { tokenOctokit } from '../github/token-client.js';
import { tuningFromEnv } from '../github/tuning-from-env.js';
import type { GitHub } from '../github/types.js';
import { actionLog, type LogRecord } from './action-log.js';
import { CUTOVER_EVENTS, runCutoverPass } from './bot-cutover.js';
import {
  ACTIONS_BOT_LOGIN,
  actionsAppId,
  commentEditOf,
  editAlreadyApplied,
  ownEventReason,
  readWorkflowEvent,
} from './bot-event.js';
import { applyResults } from './bot-results.js';
import { type ActionInputs, InputError } from './inputs.js';

const HANDLED_EVENTS =
  'pull_request, pull_request_target, issue_comment, check_run, merge_group, and schedule/workflow_dispatch (cutover windows)';

export async function runBotMode(
  inputs: ActionInputs,
  env: Record<string, string | undefined>,
  workspace: string,
): Promise<void> {
  const secret = inputs.ledgerSecret;
  if (!secret) throw new InputError('input "ledger-secret" is required when mode is "bot"');
  const token = inputs.githubToken;
  if (!token)
    throw new InputError('input "github-token" is required when mode is "bot" (default: github.token)');
  if (CUTOVER_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) {
    const apiUrl = env.GITHUB_API_URL || 'https://api.github.com';
    const bot = actionBot(secret, actionsAppId(env), undefined, actionsIssuer(env), env);
    return runCutoverPass(bot, tokenOctokit(token, apiUrl, tuningFromEnv(env)), env);
  }
  const event = readWorkflowEvent(env);
  if (!event) {
    core.notice(
      `shipgate bot: ${env.GITHUB_EVENT_NAME || 'this'} event is not handled (only ${HANDLED_EVENTS})`,
    );
    return;
  }
  const action = typeof event.payload.action === 'string' ? event.payload.action : '';
  const label = `${event.trigger}.${action}`;
  const own = ownEventReason(event.name, event.payload);
  if (own) {
    core.info(`shipgate bot: ${label} ignored: ${own}`);
    return;
  }
  const apiUrl = env.GITHUB_API_URL || 'https://api.github.com';
  // the app's client: retries with back-off, rate-limit throttling, request timeouts
  const tuning = tuningFromEnv(env);
  const octokit = tokenOctokit(token, apiUrl, tuning);
  const membersToken = inputs.membersToken;
  const members = membersToken ? tokenOctokit(membersToken, apiUrl, tuning) : undefined;

  const edit = commentEditOf(event.name, event.payload);
  const envelope = Envelope.safeParse(event.payload);
  if (edit && envelope.success) {
    const { owner, repo } = repoOf(envelope.data);
    const gh = gitHubFor(octokit, { owner, repo });
    const current = (await gh.getComment(edit.commentId))?.body;
    const repositoryId = envelope.data.repository.id ?? (await gh.repository()).id;
    if (editAlreadyApplied(current, edit, prLedgerKey(secret, { repositoryId, pr: edit.pr }))) {
      core.notice(
        `shipgate: ${label} by @${edit.actor} was already handled by an earlier run; nothing to do`,
      );
      return;
    }
  }

  const record: LogRecord = { warnings: 0 };
  const log = actionLog(record, { delivery: event.id, event: label });
  const bot = actionBot(secret, actionsAppId(env), edit?.at, actionsIssuer(env));
  const handle = (name: string, id: string, payload: unknown) =>
    handleEvent({
      name,
      id,
      payload,
      octokit,
      idIsDeliveryGuid: false,
      log: log.child({ event: name === event.name ? label : `${name}.completed` }),
      bot,
      adapt: (gh) =>
        teamLookups(members ? { ...gh, isTeamMember: gitHubFor(members, gh.repo).isTeamMember } : gh, log),
    });
  const outcome = await handle(event.name, event.id, event.payload);
  if (outcome === 'ignored' || !envelope.success) {
    core.notice(`shipgate bot: ${label} has no repository, nothing to do`);
    return;
  }
  const results = await applyResults({
    inputs,
    env,
    workspace,
    event,
    gh: gitHubFor(octokit, repoOf(envelope.data)),
    ledgerOf: (key) => bot.memory.pr.ledgers.get(key),
    handle,
  });
  await stepsIdle(bot);
  await bot.memory.replies.idle();
  if (results) core.info(`shipgate: ${results}`);
  core.notice(record.gate ? `shipgate: ${record.gate}` : `shipgate bot: nothing to update for ${label}`);
}

/** A fresh bot per step: no memory between runs, so every event re-reads GitHub. */
function actionBot(
  ledgerSecret: string,
  appId: number,
  eventTime: Date | undefined,
  oidcIssuer: string,
  env: Record<string, string | undefined> = {},
): Bot {
  return {
    options: { ledgerSecret, appId },
    // one event per step: written and explained right away, not batched over a window
    memory: new BotMemory({ ttlMs: 5 * 60_000, replyBurstMs: 0, writeWindowMs: 0 }),
    // An edit is stamped with the time the person saved it: a re-run can then recognise it.
    now: () => eventTime ?? new Date(),
    botLogin: () => ACTIONS_BOT_LOGIN,
    oidcIssuer,
    // cutover windows query Prometheus: only its variables (PROMETHEUS_URL, the token the config names)
    telemetryEnv: Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('PROMETHEUS_'))),
  };
}

/**
 * Team roles with a token that cannot read org membership (GITHUB_TOKEN: 403) count as "not a
 * member" with a warning, instead of failing the step and leaving a person's tick unanswered.
 */
function teamLookups(base: GitHub, log: BotLog): GitHub {
  return {
    ...base,
    async isTeamMember(org, team, login) {
      try {
        return await base.isTeamMember(org, team, login);
      } catch (error) {
        const status = statusOf(error);
        if (status !== 403 && status !== 401) throw error;
        log.warn(
          { team: `${org}/${team}`, status },
          'cannot read team membership with this token: pass members-token, or list the role as users',
        );
        return false;
      }
    },
  };
}

/** SHIPGATE_OIDC_ISSUER, else github.com's issuer, else GHES's `<server>/_services/token`. */
function actionsIssuer(env: Record<string, string | undefined>): string {
  if (env.SHIPGATE_OIDC_ISSUER) return env.SHIPGATE_OIDC_ISSUER.replace(/\/+$/, '');
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return server === 'https://github.com' ? GITHUB_OIDC_ISSUER : `${server}/_services/token`;
}
