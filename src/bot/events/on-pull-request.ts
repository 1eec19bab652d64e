import type { z } from 'zod';
import { foldLedger } from '../../core/ledger/ledger.js';
import { pushInvalidation } from '../../core/ledger/push-invalidation.js';
import type { PullInfo } from '../../github/types.js';
import { watchForResults } from '../pr/missing-results.js';
import { pushChanges } from '../pr/push-changes.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getSetup } from '../pr/session.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import type { PullRequestPayload } from './payloads.js';
import { pullOf } from './payloads.js';

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
  scope.bot.memory.pr.pulls.set(prKey(scope.gh, pull.number), pull);
  if (!pull.open) return;
  const pushed = payload.action === 'synchronize';
  await syncPull(
    scope,
    pull,
    pushed ? { pushed, ...(payload.before ? { before: payload.before } : {}) } : {},
  );
}

/**
 * Brings one PR's comment and check run up to date (also used by `/shipgate refresh`, the check's
 * Re-run and the start-up reconcile). On a push, sign-offs (and manual ticks if configured) reset
 * when the push touched their scope (`before` = the old head; without it everything resets).
 */
export async function syncPull(
  scope: EventScope,
  pull: PullInfo,
  opts: { pushed?: boolean; before?: string } = {},
): Promise<boolean> {
  const setup = await getSetup(scope, pull);
  if (!isReleasePull(setup.config, pull)) return false;
  // Outside the per-PR lock: what the push changed does not depend on the PR's state.
  const changes = opts.pushed ? await pushChanges(scope, setup.config, opts.before, pull.headSha) : {};
  await runPrStep(scope, pull.number, {
    open: { pull },
    decide(session) {
      if (!opts.pushed) return undefined;
      const invalidation = pushInvalidation({
        checklist: session.setup.checklist,
        states: foldLedger(session.ledger),
        config: session.setup.config,
        afterSha: session.pull.headSha,
        at: scope.bot.now().toISOString(),
        ...changes,
      });
      return invalidation ? { events: [invalidation] } : undefined;
    },
    after({ session, projection }) {
      scope.log.info(
        { pr: session.key, sha: session.pull.headSha, gate: projection.status },
        'checklist synced',
      );
      watchForResults(scope, session.pull, session.setup.config);
    },
  });
  return true;
}
