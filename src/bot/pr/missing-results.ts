/**
 * Missing `shipgate/checks` results → dispatch the checks workflow. A release PR opened with
 * GITHUB_TOKEN (release-please's default) starts no workflows, so the results never arrive. The
 * clock starts when the bot first sees a head commit; once `checksWorkflow.timeoutMinutes` have
 * passed without a `shipgate/checks` run on it, the bot says so on the check run and dispatches
 * the workflow with its own token (which does start workflows), once per head commit. Overdue
 * commits are looked at on the repository's next event and by a periodic sweep.
 */
import type { Probot } from 'probot';
import type { Config } from '../../core/config/config.js';
import { EVIDENCE_CHECK_NAME } from '../../core/evidence/evidence.js';
import {
  missingResultsAction,
  missingResultsNote,
  overdueAt,
  workflowFileName,
} from '../../core/evidence/missing-results.js';
import type { PullInfo } from '../../github/types.js';
import type { AwaitedCommit } from '../runtime/awaiting-results.js';
import { type Bot, type EventScope, prKey } from '../runtime/bot.js';
import { scopeForRepo } from '../runtime/repo-scope.js';
import { resultNotesKey } from './facts.js';
import { isReleasePull } from './release-pr.js';
import { runPrStep } from './run-step.js';
import { getPull, getSetup } from './session.js';

/** How often the server sweeps for overdue commits. */
export const SWEEP_INTERVAL_MS = 60_000;

/** Starts the clock for the PR's head commit (no-op without `checksWorkflow` or when already running). */
export function watchForResults(scope: EventScope, pull: PullInfo, config: Config): void {
  const workflow = config.checksWorkflow;
  // only a named file can be dispatched (a reusable workflow is run by its caller)
  if (!workflow?.file || !pull.open) return;
  const since = scope.bot.now().toISOString();
  scope.bot.memory.watch.awaitingResults.watch({
    ...scope.gh.repo,
    number: pull.number,
    sha: pull.headSha,
    since,
    dueAt: overdueAt(since, workflow.timeoutMinutes),
  });
}

/** Handles the overdue commits of the scope's repository (called after each of its events). */
export async function checkOverdueResults(scope: EventScope): Promise<number> {
  const overdue = scope.bot.memory.watch.awaitingResults.overdue(scope.bot.now().getTime(), scope.gh.repo);
  let dispatched = 0;
  for (const entry of overdue) if (await handleOverdue(scope, entry)) dispatched++;
  return dispatched;
}

/** Every overdue commit of every repository; returns how many dispatches were made. */
export async function sweepMissingResults(probot: Probot, bot: Bot): Promise<number> {
  const overdue = bot.memory.watch.awaitingResults.overdue(bot.now().getTime());
  const byRepo = new Map<string, AwaitedCommit[]>();
  for (const entry of overdue) {
    const key = `${entry.owner}/${entry.repo}`;
    byRepo.set(key, [...(byRepo.get(key) ?? []), entry]);
  }
  let dispatched = 0;
  for (const entries of byRepo.values()) {
    const first = entries[0];
    if (!first) continue;
    try {
      const scope = await scopeForRepo(probot, bot, { owner: first.owner, repo: first.repo });
      if (!scope) {
        for (const entry of entries)
          bot.memory.watch.awaitingResults.stop(entry.owner, entry.repo, entry.sha);
        continue;
      }
      for (const entry of entries) if (await handleOverdue(scope, entry)) dispatched++;
    } catch (error) {
      probot.log.error({ err: error, repo: `${first.owner}/${first.repo}` }, 'missing-results sweep failed');
    }
  }
  return dispatched;
}

/** Re-checks one overdue commit under the PR's lock; true when the workflow was dispatched. */
async function handleOverdue(scope: EventScope, entry: AwaitedCommit): Promise<boolean> {
  const { bot } = scope;
  const awaiting = bot.memory.watch.awaitingResults;
  const key = prKey(scope.gh, entry.number);
  // Shared with the other replicas (and kept across restarts with Redis): once per commit, fleet-wide.
  const sharedKey = `dispatched:${entry.owner}/${entry.repo}@${entry.sha}`;
  const pull = await getPull(scope, entry.number, true);
  const setup = await getSetup(scope, pull);
  const workflow = setup.config.checksWorkflow;
  if (!pull.open || pull.headSha !== entry.sha || !workflow?.file || !isReleasePull(setup.config, pull)) {
    awaiting.stop(entry.owner, entry.repo, entry.sha);
    return false;
  }
  const file = workflowFileName(workflow.file ?? '');
  type Outcome = { action: 'wait' | 'stop' } | { action: 'dispatch'; dispatched: boolean };
  const outcome = await runPrStep<{ resultsSeen: boolean; dispatched: boolean; notes: string[] }, Outcome>(
    scope,
    entry.number,
    {
      open: { pull },
      read: async (session) => ({
        resultsSeen: (await scope.gh.listCheckRuns(entry.sha, EVIDENCE_CHECK_NAME)).length > 0,
        dispatched:
          awaiting.wasDispatched(entry.owner, entry.repo, entry.sha) ||
          (await bot.memory.coordinator.recall(sharedKey)) !== undefined,
        notes: bot.memory.pr.notes.get(resultNotesKey(session, entry.sha)) ?? [],
      }),
      decide(session, read, performed) {
        const action = missingResultsAction({
          since: entry.since,
          now: bot.now().toISOString(),
          timeoutMinutes: workflow.timeoutMinutes,
          resultsSeen: read.resultsSeen,
          dispatched: read.dispatched,
        });
        if (action !== 'dispatch') return { outcome: { action } };
        // dispatched by the runner first (and remembered even when GitHub refused, so a broken
        // workflow is not dispatched on every sweep); then decided again with how it went
        if (!performed.dispatched)
          return {
            performFirst: {
              kind: 'dispatch-checks',
              file,
              ref: workflow.ref ?? session.pull.headRef,
              inputs: { sha: entry.sha },
              once: { ...entry, key: sharedKey },
            },
          };
        const { error } = performed.dispatched;
        const note = missingResultsNote({
          sha: entry.sha,
          timeoutMinutes: workflow.timeoutMinutes,
          file,
          ...(error ? { error } : {}),
        });
        if (error)
          scope.log.warn({ pr: key, sha: entry.sha, error }, 'could not dispatch the checks workflow');
        else scope.log.info({ pr: key, sha: entry.sha, workflow: file }, 'checks workflow dispatched');
        return {
          resultNotes: { sha: entry.sha, notes: [...read.notes, note] },
          outcome: { action, dispatched: error === undefined },
        };
      },
    },
  );
  if (outcome?.action === 'wait') entry.dueAt = overdueAt(entry.since, workflow.timeoutMinutes); // the timeout was raised meanwhile
  if (outcome?.action === 'stop') awaiting.stop(entry.owner, entry.repo, entry.sha);
  return outcome?.action === 'dispatch' && outcome.dispatched === true;
}
