import type { z } from 'zod';
import { decodeStateBlock } from '../../core/comment/state-block.js';
import { ledgerLength } from '../../core/ledger/choose-ledger.js';
import { runPrStep } from '../pr/run-step.js';
import { lastWrittenLedger } from '../pr/session.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import type { IssueCommentPayload } from './payloads.js';

type Payload = z.infer<typeof IssueCommentPayload>;

/**
 * GitHub echoes our own checklist writes as `issue_comment.edited` by the bot. When the echoed body
 * carries an older ledger than the one we last wrote, an earlier write landed late (e.g. one we gave
 * up on after a timeout and retried) and overwrote a newer one: re-publish, or the comment would
 * show — and after a restart trust — a state without the newest ticks and sign-offs.
 */
export async function repairStaleWrite(scope: EventScope, payload: Payload): Promise<void> {
  const body = payload.comment.body ?? '';
  if (!payload.issue.pull_request || payload.comment.user?.login !== scope.bot.botLogin()) return;
  const key = prKey(scope.gh, payload.issue.number);
  const written = await lastWrittenLedger(scope, key);
  if (!written) return;
  const echoed = decodeStateBlock(body);
  const echoedLength = echoed.found && 'ledger' in echoed ? ledgerLength(echoed.ledger) : -1;
  if (echoedLength >= ledgerLength(written)) return;
  // The writer compares with the comment as it is now: usually a later write already superseded
  // the echoed one, and nothing is written.
  await runPrStep(scope, payload.issue.number, {
    open: { refreshComment: true },
    after: ({ session }) => {
      if (ledgerLength(session.ledger) > echoedLength)
        scope.log.warn(
          { pr: key },
          'an older checklist write may have landed after a newer one; state re-checked',
        );
    },
  });
}
