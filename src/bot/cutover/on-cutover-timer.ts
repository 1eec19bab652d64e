/**
 * The cutover timer's step for one PR (the app's timer and the Action on `schedule` run it): under
 * the PR's lease, sample every open window, let the core judge it and record the result as the
 * bot. A window that passed is ticked; a breach fails it (unticked, readings shown); a breach of a
 * rollback trigger sampled with it ticks the trigger and starts the existing rollback flow.
 */
import { judgeWindow, windowEvents } from '../../core/cutover/judge-window.js';
import { activeWindows, cutoverWindows } from '../../core/cutover/windows.js';
import { foldLedger, type LedgerEvent } from '../../core/ledger/ledger.js';
import { askToDecide } from '../events/on-decide.js';
import { startRollback } from '../events/on-rollback.js';
import { answerWaitingDeployments } from '../pr/deployment-wait.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getSetup, openSession } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';
import { loadReadings } from './cutover-readings.js';
import { sampleWindow } from './cutover-samples.js';

export interface CutoverPassResult {
  /** Windows sampled. */
  sampled: number;
  /** Windows decided: ticked by the bot, failed, or inconclusive (a person decides). */
  decided: Array<{ item: string; outcome: 'pass' | 'fail' | 'inconclusive'; line: string }>;
}

/**
 * One pass over PR `number`'s open windows: Prometheus is sampled first (reads, outside the PR's
 * step), then under the PR's lease the core judges those samples and the result is recorded. A
 * window that passed is ticked as the bot; a breach fails it (unticked, readings shown); an
 * inconclusive close is recorded as such and waits for a person; a breach of a rollback trigger
 * sampled with it ticks the trigger and starts the existing rollback flow.
 */
export async function sampleCutover(scope: EventScope, number: number): Promise<CutoverPassResult> {
  const empty: CutoverPassResult = { sampled: 0, decided: [] };
  const nowMs = scope.bot.now().getTime();
  // sampling is I/O: done before the step (the saved readings are its read), whose decide only
  // judges; the runner saves the readings it returns
  const before = await openSession(scope, number, { refreshPull: true });
  const sampledAt = activeWindows(
    before.setup.checklist,
    foldLedger(before.ledger),
    nowMs,
    before.setup.config,
  );
  if (sampledAt.length === 0) return empty;
  const samples = new Map<string, { opensAt: number; metrics: Awaited<ReturnType<typeof sampleWindow>> }>();
  for (const { window, status } of sampledAt)
    samples.set(window.item.id, {
      opensAt: status.opensAt,
      metrics: await sampleWindow(scope, before, window, status, nowMs),
    });
  const outcome = await runPrStep(scope, number, {
    read: async (session) => (await loadReadings(scope.bot, session.key)) ?? {},
    decide(session, saved) {
      const active = activeWindows(
        session.setup.checklist,
        foldLedger(session.ledger),
        nowMs,
        session.setup.config,
      );
      if (active.length === 0) return undefined;
      const result: CutoverPassResult = { sampled: 0, decided: [] };
      const fired: Array<{ text: string; summary: string }> = [];
      const readings = { ...saved };
      const events: LedgerEvent[] = [];
      const at = new Date(nowMs).toISOString();
      for (const { window, status } of active) {
        const sampled = samples.get(window.item.id);
        // opened (again) since it was sampled: judged on the next pass
        if (!sampled || sampled.opensAt !== status.opensAt) continue;
        result.sampled++;
        const verdict = judgeWindow({
          window,
          status,
          metrics: sampled.metrics,
          nowMs,
          graceMs: Math.max(5 * window.intervalMs, 60_000),
        });
        if (verdict.outcome === 'retry') {
          scope.log.warn(
            { pr: session.key, item: window.item.id, reason: verdict.reason },
            'cutover window not sampled',
          );
          readings[window.item.id] = `not sampled: ${verdict.reason}`.slice(0, 200);
          continue;
        }
        if (verdict.outcome === 'open') {
          readings[window.item.id] = verdict.line;
          continue;
        }
        delete readings[window.item.id];
        const sha =
          window.item.phase === 'post-deploy' && session.pull.mergeCommitSha
            ? session.pull.mergeCommitSha
            : session.pull.headSha;
        events.push(...windowEvents(window, verdict, at, sha));
        result.decided.push({ item: window.item.id, outcome: verdict.outcome, line: verdict.line });
        if (verdict.outcome === 'fail')
          fired.push(
            ...verdict.fired.map((reading) => ({
              text: reading.trigger?.text ?? reading.label,
              summary: reading.text,
            })),
          );
        scope.log.info(
          { pr: session.key, item: window.item.id, outcome: verdict.outcome, line: verdict.line },
          'cutover window decided',
        );
      }
      return {
        events,
        saveReadings: readings,
        outcome: { result, fired },
      };
    },
  });
  const result = outcome?.result ?? empty;
  const fired = outcome?.fired ?? [];
  await answerWaitingDeployments(scope, number);
  const inconclusive = result.decided.filter((one) => one.outcome === 'inconclusive');
  if (inconclusive.length > 0) await askToDecide(scope, number, inconclusive);
  if (fired.length > 0) {
    await startRollback(scope, number, {
      actor: scope.bot.botLogin(),
      source: 'cutover-window',
      detail: fired.map((trigger) => `${trigger.text}: ${trigger.summary}`).join('; '),
    });
  }
  return result;
}

/** Closed PRs looked at for windows when no index exists (the Action: nothing is kept between runs). */
const RECENTLY_CLOSED = 10;

/**
 * One timer pass over a repository without the app's index (the Action in `mode: bot` on
 * `schedule`): its open release PRs and recently merged ones whose checklist has windows, at
 * most `maxWindows` windows sampled.
 */
export async function sampleRepoCutovers(
  scope: EventScope,
  options: { maxWindows: number },
): Promise<CutoverPassResult & { pulls: number }> {
  const total: CutoverPassResult & { pulls: number } = { sampled: 0, decided: [], pulls: 0 };
  const pulls = [
    ...(await scope.gh.listOpenPulls()),
    ...(await scope.gh.listRecentlyClosedPulls(RECENTLY_CLOSED)).filter((pull) => pull.mergeCommitSha),
  ];
  for (const pull of pulls) {
    if (total.sampled >= options.maxWindows) break;
    const setup = await getSetup(scope, pull);
    if (!isReleasePull(setup.config, pull)) continue;
    if (cutoverWindows(setup.checklist, setup.config).length === 0) continue;
    // read-only look first, so PRs without an open window are not written to
    const session = await openSession(scope, pull.number, { pull });
    const states = foldLedger(session.ledger);
    if (activeWindows(setup.checklist, states, scope.bot.now().getTime(), setup.config).length === 0)
      continue;
    const result = await sampleCutover(scope, pull.number);
    total.pulls++;
    total.sampled += result.sampled;
    total.decided.push(...result.decided);
  }
  return total;
}
