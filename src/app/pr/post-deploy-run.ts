import { encodeStateBlock } from '../../core/comment/state-block.js';
import { buildCheckReport } from '../../core/gate/check-report.js';
import type { GateDecision } from '../../core/gate/gate.js';
import type { Ledger } from '../../core/ledger/ledger.js';
import type { EventScope } from '../runtime/bot.js';
import { writeCheckRun } from './publish.js';
import type { PrSession } from './session.js';

/** The check run on the merge commit that tracks the post-deploy items. */
export const POST_DEPLOY_CHECK = 'shipgate/post-deploy';

/**
 * After the merge the `shipgate` run on the PR head is final (it carries the audit record); the
 * post-deploy gate goes to `shipgate/post-deploy` on the merge commit, which also mirrors the ledger.
 */
export async function writePostDeployRun(
  scope: EventScope,
  session: PrSession,
  gate: GateDecision,
  ledger: Ledger,
): Promise<void> {
  const { pull, setup } = session;
  const mergeSha = pull.mergeCommitSha;
  if (!mergeSha) return;
  const report = buildCheckReport({
    gate,
    checklist: setup.checklist,
    config: setup.config,
    problems: setup.problems,
    notes: scope.bot.memory.notes.get(`${session.key}@${mergeSha}`) ?? [],
  });
  await writeCheckRun(scope, session.key, {
    name: POST_DEPLOY_CHECK,
    headSha: mergeSha,
    status: report.status,
    ...(report.conclusion ? { conclusion: report.conclusion } : {}),
    title: report.title,
    summary: `Post-deploy items of #${pull.number} (merged as \`${mergeSha.slice(0, 7)}\`).\n\n${report.summary}`,
    text: `Signed checklist state (restores the comment if it is edited or deleted):\n\n${encodeStateBlock(ledger)}\n`,
    externalId: `${pull.number}`,
  });
}
