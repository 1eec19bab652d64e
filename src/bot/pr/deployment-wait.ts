/**
 * Deployments the protection rule holds for a release's cutover windows (config
 * `deploymentProtection.waitForCutover`), kept in the coordinator's shared state by PR so the replica
 * whose timer judges the windows answers them; each pass posts a status report with the windows'
 * progress (within GitHub's limits, core/cutover/deployment-wait.ts) and answers once they decided.
 */
import { z } from 'zod';
import { decideCutoverWait } from '../../core/cutover/deployment-wait.js';
import { cutoverWindows } from '../../core/cutover/windows.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { loadReadings } from '../cutover/cutover-readings.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import { reportDeploymentStatus, reviewDeployment } from './publish.js';
import { openSession, type PrSession } from './session.js';

/** A deployment waits minutes to hours; GitHub gives up on a protection rule after 30 days. */
const WAIT_TTL_S = 30 * 24 * 3600;
const Waiting = z.array(
  z.object({
    runId: z.number().int().positive(),
    environment: z.string().max(255),
    reports: z.number().int().min(0),
    last: z.string().max(2000).optional(),
    lastAt: z.number().optional(),
  }),
);
type WaitingDeployment = z.infer<typeof Waiting>[number];

const waitKey = (key: string) => `deploy-wait:${key}`;

async function load(scope: EventScope, key: string): Promise<WaitingDeployment[]> {
  const stored = await scope.bot.memory.coordinator.recall(waitKey(key));
  if (!stored) return [];
  try {
    return Waiting.parse(JSON.parse(stored));
  } catch {
    return [];
  }
}

async function save(scope: EventScope, key: string, list: readonly WaitingDeployment[]): Promise<void> {
  await scope.bot.memory.coordinator.remember(waitKey(key), JSON.stringify(list), WAIT_TTL_S);
}

/** Whether a deployment to `environment` of this release waits for its cutover windows. */
export function waitsForCutover(session: PrSession, environment: string): boolean {
  const { config, checklist } = session.setup;
  const waiting = config.deploymentProtection.waitForCutover ?? [];
  return (
    waiting.some((name) => name.toLowerCase() === environment.toLowerCase()) &&
    cutoverWindows(checklist, config).length > 0
  );
}

/** Holds a deployment: answered now when the windows already decided, else a first status report. */
export async function holdDeployment(
  scope: EventScope,
  session: PrSession,
  deployment: { runId: number; environment: string },
): Promise<void> {
  const key = prKey(scope.gh, session.pull.number);
  const list = (await load(scope, key)).filter((one) => one.runId !== deployment.runId);
  list.push({ ...deployment, reports: 0 });
  await save(scope, key, list);
  await answerWaitingDeployments(scope, session.pull.number, session);
}

/** After a cutover pass or a decision: a status report for each held deployment, or its answer. */
export async function answerWaitingDeployments(
  scope: EventScope,
  number: number,
  opened?: PrSession,
): Promise<void> {
  const key = prKey(scope.gh, number);
  const list = await load(scope, key);
  if (list.length === 0) return;
  const session = opened ?? (await openSession(scope, number));
  const windows = cutoverWindows(session.setup.checklist, session.setup.config);
  const states = foldLedger(session.ledger);
  const readings = (await loadReadings(scope.bot, session.key)) ?? {};
  const nowMs = scope.bot.now().getTime();
  const still: WaitingDeployment[] = [];
  for (const one of list) {
    const decision = decideCutoverWait({
      pr: number,
      windows,
      states,
      nowMs,
      readings,
      reportsSent: one.reports,
      ...(one.last !== undefined ? { lastReport: one.last } : {}),
      ...(one.lastAt !== undefined ? { lastReportAtMs: one.lastAt } : {}),
    });
    if (decision.kind !== 'wait') {
      await reviewDeployment(scope, one.runId, {
        environment: one.environment,
        state: decision.kind,
        comment: decision.comment,
      });
      scope.log.info({ pr: session.key, runId: one.runId, state: decision.kind }, 'held deployment answered');
      continue;
    }
    if (decision.report) {
      await reportDeploymentStatus(scope, one.runId, {
        environment: one.environment,
        comment: decision.report,
      });
      still.push({ ...one, reports: one.reports + 1, last: decision.report, lastAt: nowMs });
    } else still.push(one);
  }
  await save(scope, key, still);
}
