import type { z } from 'zod';
import { foldLedger } from '../core/ledger.js';
import { pushInvalidation } from '../core/push-invalidation.js';
import type { PullInfo } from '../github/types.js';
import { type EventScope, prKey } from './bot.js';
import { watchForResults } from './missing-results.js';
import type { PullRequestPayload } from './payloads.js';
import { pullOf } from './payloads.js';
import { publish } from './publish.js';
import { isReleasePull } from './release-pr.js';
import { getSetup, openSession } from './session.js';

const HANDLED = new Set([
  'opened',
  'reopened',
  'edited',
  'labeled',
  'unlabeled',
  'ready_for_review',
  'synchronize',
]);

export async function onPullRequest(
  scope: EventScope,
  payload: z.infer<typeof PullRequestPayload>,
): Promise<void> {
  if (!HANDLED.has(payload.action ?? '')) return;
  const pull = pullOf(payload);
  scope.bot.memory.pulls.set(prKey(scope.gh, pull.number), pull);
  if (!pull.open) return;
  await syncPull(scope, pull, { pushed: payload.action === 'synchronize' });
}

/**
 * Brings one PR's comment and check run up to date (also used by `/shipgate refresh`, the check's
 * Re-run and the start-up reconcile). On a push, sign-offs (and manual ticks if configured) reset.
 */
export async function syncPull(
  scope: EventScope,
  pull: PullInfo,
  opts: { pushed?: boolean } = {},
): Promise<boolean> {
  const setup = await getSetup(scope, pull);
  if (!isReleasePull(setup.config, pull)) return false;
  await scope.bot.memory.queue.run(prKey(scope.gh, pull.number), async () => {
    const session = await openSession(scope, pull.number, { pull });
    const invalidation = opts.pushed
      ? pushInvalidation({
          checklist: session.setup.checklist,
          states: foldLedger(session.ledger),
          config: session.setup.config,
          afterSha: pull.headSha,
          at: scope.bot.now().toISOString(),
        })
      : undefined;
    const gate = await publish(scope, session, invalidation ? [invalidation] : []);
    scope.log.info({ pr: session.key, sha: pull.headSha, gate: gate.summary }, 'checklist synced');
    watchForResults(scope, session.pull, session.setup.config);
  });
  return true;
}
