import type { z } from 'zod';
import { attachAuditToRelease } from '../pr/publish.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getSetup } from '../pr/session.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import { type PullRequestPayload, pullOf } from './payloads.js';

/**
 * A release PR was merged: the comment switches to the post-deploy gate (and its check run on the
 * merge commit), and the signed audit record goes on the final `shipgate` check run and on the
 * GitHub release of the version, when there is one.
 */
export async function onMerged(
  scope: EventScope,
  payload: z.infer<typeof PullRequestPayload>,
): Promise<void> {
  const pull = pullOf(payload);
  if (!pull.mergeCommitSha) return;
  scope.bot.memory.pr.pulls.set(prKey(scope.gh, pull.number), pull);
  const setup = await getSetup(scope, pull);
  if (!isReleasePull(setup.config, pull)) return;
  await runPrStep(scope, pull.number, {
    open: { pull },
    decide: () => ({ withAudit: true }),
    async after({ session, projection, facts }) {
      await attachAuditToRelease(scope, session, projection, facts.version);
      scope.log.info(
        { pr: session.key, merge: pull.mergeCommitSha },
        'release merged; audit record attached',
      );
    },
  });
}
