import type { z } from 'zod';
import { auditCheckText, releaseBodyWithAudit } from '../../core/audit/audit-attachment.js';
import { buildAuditRecord, renderAuditMarkdown } from '../../core/audit/audit-record.js';
import { encodeStateBlock } from '../../core/comment/state-block.js';
import { buildCheckReport } from '../../core/gate/check-report.js';
import { releaseGates } from '../../core/gate/release-gates.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { buildVariables } from '../../core/template/variables.js';
import { statusOf } from '../../github/client.js';
import { CHECK_NAME, publish, releaseVersion, writeCheckRun } from '../pr/publish.js';
import { pullNotApplicable } from '../pr/pull-conditions.js';
import { isReleasePull } from '../pr/release-pr.js';
import { getSetup, openSession, type PrSession } from '../pr/session.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import { type PullRequestPayload, pullOf } from './payloads.js';

/**
 * A release PR was merged: the comment switches to the post-deploy gate (and its check run on the
 * merge commit), and the signed audit record is attached to the `shipgate` check run and to the
 * GitHub release of the version, when there is one.
 */
export async function onMerged(
  scope: EventScope,
  payload: z.infer<typeof PullRequestPayload>,
): Promise<void> {
  const pull = pullOf(payload);
  if (!pull.mergeCommitSha) return;
  scope.bot.memory.pulls.set(prKey(scope.gh, pull.number), pull);
  const setup = await getSetup(scope, pull);
  if (!isReleasePull(setup.config, pull)) return;
  await scope.bot.memory.queue.run(prKey(scope.gh, pull.number), async () => {
    const session = await openSession(scope, pull.number, { pull });
    await publish(scope, session);
    await attachAuditRecord(scope, session);
    scope.log.info({ pr: session.key, merge: pull.mergeCommitSha }, 'release merged; audit record attached');
  });
}

async function attachAuditRecord(scope: EventScope, session: PrSession): Promise<void> {
  const { bot, gh } = scope;
  const { pull, setup } = session;
  const states = foldLedger(session.ledger);
  const conditions = await pullNotApplicable(scope, pull, setup.checklist);
  const gates = releaseGates({
    checklist: setup.checklist,
    states,
    headSha: pull.headSha,
    problems: setup.problems,
    notApplicable: [...conditions.keys()],
  });
  const version = await releaseVersion(scope, session);
  const now = bot.now().toISOString();
  const record = buildAuditRecord(
    {
      repo: `${gh.repo.owner}/${gh.repo.repo}`,
      pr: {
        number: pull.number,
        title: pull.title,
        author: pull.author,
        headSha: pull.headSha,
        ...(pull.mergeCommitSha ? { mergeCommitSha: pull.mergeCommitSha } : {}),
      },
      checklist: setup.checklist,
      ledger: session.ledger,
      states,
      generatedAt: now,
      activated: gates.rollback.activated,
      variables: buildVariables({ config: setup.config, version, date: now, deployedBy: pull.author }),
      notApplicable: conditions,
    },
    bot.options.ledgerSecret,
  );
  const markdown = renderAuditMarkdown(record);
  const report = buildCheckReport({
    gate: gates.preMerge,
    checklist: setup.checklist,
    config: setup.config,
    problems: setup.problems,
  });
  await writeCheckRun(scope, undefined, {
    name: CHECK_NAME,
    headSha: pull.headSha,
    status: report.status,
    ...(report.conclusion ? { conclusion: report.conclusion } : {}),
    title: report.title,
    summary: `Merged as \`${pull.mergeCommitSha?.slice(0, 7) ?? ''}\`; the signed audit record is below.\n\n${report.summary}`,
    text: auditCheckText(record, markdown, `Signed checklist state:\n\n${encodeStateBlock(session.ledger)}`),
    actions: [],
    externalId: `${pull.number}`,
  });
  if (!version) return;
  try {
    for (const tag of [`v${version}`, version]) {
      const release = await gh.releaseByTag(tag);
      if (!release) continue;
      const body = releaseBodyWithAudit(release.body, record, markdown);
      if (body !== release.body) await gh.updateReleaseBody(release.id, body);
      return;
    }
  } catch (error) {
    // e.g. installed with contents: read — the check run still carries the record
    if (statusOf(error) !== 403) throw error;
    scope.log.warn({ pr: session.key, version }, 'cannot update the release (needs contents: write)');
  }
}
