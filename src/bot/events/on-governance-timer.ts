/**
 * The governance timer's step for one PR (run by the server's timer with the cutover pass): a
 * change window opened → the PR is projected again and its gate goes green by itself; a
 * break-glass post-review half-way to its due time → the roles are reminded; overdue → the roles
 * are mentioned, an issue is opened, and the ledger and the audit record say "emergency change
 * not reviewed".
 */
import { NOT_REVIEWED, postReviewOf } from '../../core/gate/governance.js';
import { ESCALATION_STATE, foldLedger } from '../../core/ledger/ledger.js';
import { openIncident, reply } from '../pr/publish.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getPull, getSetup, openSession } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';
import { mentionsOf } from './on-governance.js';

export type GovernanceOutcome = 'projected' | 'reminded' | 'escalated' | 'skipped';

export async function governanceStep(scope: EventScope, number: number): Promise<GovernanceOutcome> {
  const pull = await getPull(scope, number, true);
  const setup = await getSetup(scope, pull);
  if (!isReleasePull(setup.config, pull) || (!pull.open && !pull.mergeCommitSha)) return 'skipped';
  const session = await openSession(scope, number, { pull });
  const now = scope.bot.now().toISOString();
  const states = foldLedger(session.ledger);
  const review = postReviewOf({
    checklist: setup.checklist,
    states,
    headSha: pull.headSha,
    now,
    ...(pull.mergeCommitSha ? { mergeSha: pull.mergeCommitSha } : {}),
  });
  const config = setup.config;
  const roles = [
    ...new Set([
      ...setup.checklist.items
        .filter((item) => review?.missing.includes(item.id) && item.role)
        .map((item) => item.role as string),
      ...(config.breakGlass.roles ?? []),
    ]),
  ];
  const texts = new Map(setup.checklist.items.map((item) => [item.id, item.text]));
  const missing = (review?.missing ?? []).map((id) => `- [ ] ${texts.get(id) ?? id}`).join('\n');
  const mention = mentionsOf(config, roles);
  const sha = pull.mergeCommitSha ?? pull.headSha;
  if (review && !review.reviewed && review.overdue && !review.escalated) {
    const issue = await openIncident(scope, {
      title: `🚨 ${NOT_REVIEWED}: #${number} (break-glass by @${review.by})`,
      body: [
        `#${number} went out by break-glass by @${review.by} at ${review.at}: ${review.reason}`,
        '',
        `Its post-review was due at **${review.due}** and is still missing:`,
        '',
        missing,
        '',
        `Give the sign-offs and items on #${number}'s checklist; \`shipgate/post-review\` on \`${sha.slice(0, 7)}\` turns green then.`,
        ...(mention ? ['', `cc ${mention}`] : []),
      ].join('\n'),
      labels: ['shipgate-post-review'],
    });
    await runPrStep(scope, number, {
      open: { pull },
      decide: (current) =>
        foldLedger(current.ledger)[ESCALATION_STATE]?.checked
          ? undefined
          : { events: [{ t: 'escalate', level: 'overdue', at: now, sha, issue }], withAudit: true },
    });
    await reply(
      scope,
      number,
      `🚨 **Overdue: ${NOT_REVIEWED}.** The post-review of this break-glass was due at ${review.due}. ${mention} please give:\n\n${missing}\n\nEscalated in #${issue}.`,
    );
    return 'escalated';
  }
  if (
    review &&
    !review.reviewed &&
    !review.reminded &&
    Date.parse(now) >= (Date.parse(review.at) + Date.parse(review.due)) / 2
  ) {
    await runPrStep(scope, number, {
      open: { pull },
      decide: (current) =>
        foldLedger(current.ledger)[ESCALATION_STATE]
          ? undefined
          : { events: [{ t: 'escalate', level: 'reminder', at: now, sha }] },
    });
    await reply(
      scope,
      number,
      `⏰ Reminder: the post-review of this break-glass is due at **${review.due}**. ${mention} please give:\n\n${missing}`,
    );
    return 'reminded';
  }
  // a window opened (or nothing is due yet): project again with the current time
  await runPrStep(scope, number, { open: { pull } });
  return 'projected';
}
