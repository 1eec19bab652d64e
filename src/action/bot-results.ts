/**
 * Bot mode's answer to "GITHUB_TOKEN events start no workflows": `shipgate/checks` results created
 * with the workflow token never arrive as a `check_run` event, so on `pull_request` the step hands
 * them to the bot itself: results an earlier job of this run published, or (run-checks: true) the
 * checks run right here. Either way they go through the bot's `check_run.completed` handler with
 * the check run exactly as GitHub returned it, so the same trust rules judge them.
 */
import * as core from '@actions/core';
import type { HandledAs } from '../bot/events/handle-event.js';
import { PullRequestPayload, pullOf, repoOf } from '../bot/events/payloads.js';
import { EVIDENCE_CHECK_NAME } from '../core/evidence/evidence.js';
import { ACTIONS_APP_SLUG } from '../core/evidence/judge-evidence.js';
import { foldLedger, type Ledger } from '../core/ledger/ledger.js';
import type { CheckRunInfo, GitHub } from '../github/types.js';
import { ACTIONS_BOT_LOGIN, type WorkflowEvent } from './bot-event.js';
import { runCheckStep } from './check-mode.js';
import { readRunEvent } from './event.js';
import type { ActionInputs } from './inputs.js';
import { workflowRunUrl } from './publish.js';
import { publishEvidence } from './publish-results.js';

export interface ResultsContext {
  inputs: ActionInputs;
  env: Record<string, string | undefined>;
  workspace: string;
  event: WorkflowEvent;
  /** The repository's GitHub adapter (src/github, the one client). */
  gh: GitHub;
  /** The PR's ledger as the bot left it after handling the event (undefined: not a gated PR). */
  ledgerOf(prKey: string): Ledger | undefined;
  /** Runs a synthesized event through the bot (handleEvent). */
  handle(name: string, id: string, payload: unknown): Promise<HandledAs>;
}

/** True when the ledger holds automated results for `sha` (a re-run must not append them again). */
export function resultsApplied(ledger: Ledger, sha: string): boolean {
  return Object.values(foldLedger(ledger)).some((state) => state.status !== undefined && state.sha === sha);
}

/** Feeds results for the PR head to the bot once; returns what happened, for the log. */
export async function applyResults(ctx: ResultsContext): Promise<string | undefined> {
  if (ctx.event.name !== 'pull_request') return undefined;
  const parsed = PullRequestPayload.safeParse(ctx.event.payload);
  if (!parsed.success || parsed.data.action === 'closed') return undefined;
  const pull = pullOf(parsed.data);
  const { owner, repo } = repoOf(parsed.data);
  const short = pull.headSha.slice(0, 7);
  const ledger = ctx.ledgerOf(`${owner}/${repo}#${pull.number}`);
  if (!ledger) return 'no gate on this pull request, so no checks are needed';
  if (resultsApplied(ledger, pull.headSha)) return `results for ${short} are already applied`;

  let run: CheckRunInfo | undefined = (await ctx.gh.listCheckRuns(pull.headSha, EVIDENCE_CHECK_NAME))
    .filter((r) => r.status === 'completed' && r.appSlug === ACTIONS_APP_SLUG)
    .sort((a, b) => b.id - a.id)[0];
  if (!run) {
    if (!ctx.inputs.runChecks)
      return `no ${EVIDENCE_CHECK_NAME} results on ${short} yet: run a checks job before this step (needs:) or set run-checks: true`;
    if (ctx.event.trigger !== 'pull_request')
      return `run-checks only runs on pull_request (on ${ctx.event.trigger} the workspace is not the pull request's code)`;
    core.info(`shipgate: running the checks for ${short} in this step (run-checks: true)`);
    const step = await runCheckStep(
      ctx.inputs,
      readRunEvent(ctx.event.payload, ctx.env),
      ctx.env,
      ctx.workspace,
    );
    const detailsUrl = workflowRunUrl(ctx.env);
    const id = await publishEvidence(ctx.gh, {
      headSha: pull.headSha,
      phase: ctx.inputs.phase,
      results: step.results,
      ...(detailsUrl ? { detailsUrl } : {}),
      env: ctx.env,
    });
    // read back as GitHub stores it: the app and the details link are GitHub's, not ours
    run = await ctx.gh.getCheckRun(id);
    if (!run) return `the ${EVIDENCE_CHECK_NAME} run ${id} just created cannot be read back`;
  }
  const payload = {
    action: 'completed',
    check_run: {
      id: run.id,
      name: run.name,
      head_sha: run.headSha,
      status: run.status,
      conclusion: run.conclusion,
      details_url: run.detailsUrl ?? null,
      app: {
        ...(run.appId === undefined ? {} : { id: run.appId }),
        ...(run.appSlug ? { slug: run.appSlug } : {}),
      },
      output: { text: run.outputText ?? null },
      pull_requests: [{ number: pull.number }],
    },
    repository: parsed.data.repository,
    sender: { login: ACTIONS_BOT_LOGIN, type: 'Bot' },
  };
  await ctx.handle('check_run', `${ctx.event.id}-results-${run.id}`, payload);
  return `${EVIDENCE_CHECK_NAME} run ${run.id} handed to the bot for ${short}`;
}
