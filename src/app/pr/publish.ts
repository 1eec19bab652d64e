import { createHash } from 'node:crypto';
import { buildChecklistComment } from '../../core/comment/checklist-comment.js';
import { encodeStateBlock } from '../../core/comment/state-block.js';
import { buildCheckReport } from '../../core/gate/check-report.js';
import { evaluateGate, type GateDecision } from '../../core/gate/gate.js';
import { releaseView } from '../../core/gate/release-gates.js';
import { rollbackStatus } from '../../core/gate/rollback.js';
import { appendEvents, foldLedger, type LedgerEvent } from '../../core/ledger/ledger.js';
import { detectReleaseBot, releaseBotVersion } from '../../core/release/release-bots.js';
import { resolveReleaseVersion } from '../../core/release/release-version.js';
import { buildVariables } from '../../core/template/variables.js';
import type { CheckRunWrite } from '../../github/types.js';
import type { EventScope } from '../runtime/bot.js';
import { auditDetailsUrl } from './audit-details-url.js';
import { writePostDeployRun } from './post-deploy-run.js';
import { pullNotApplicable } from './pull-conditions.js';
import { type PrSession, sharedLedgerKey } from './session.js';

export const CHECK_NAME = 'shipgate';

/**
 * Appends events, re-renders the checklist comment (created if missing) and updates the `shipgate`
 * check run on the head commit, whose output.text mirrors the signed ledger. Skips writes that
 * would change nothing. Returns the gate decision.
 */
export async function publish(
  scope: EventScope,
  session: PrSession,
  events: readonly LedgerEvent[] = [],
): Promise<GateDecision> {
  const { bot, gh } = scope;
  const secret = bot.options.ledgerSecret;
  const { pull, setup } = session;
  const appended = appendEvents(session.ledger, events, secret);
  const states = foldLedger(appended);
  const rollback = rollbackStatus(setup.checklist, states);
  const conditions = await pullNotApplicable(scope, pull, setup.checklist);
  const notApplicable = [...conditions.keys()];
  const gate = evaluateGate({
    checklist: setup.checklist,
    states,
    headSha: pull.headSha,
    phase: 'pre-merge',
    problems: setup.problems,
    activated: rollback.activated,
    notApplicable,
  });
  const mergeSha = pull.mergeCommitSha;
  const view = releaseView({
    checklist: setup.checklist,
    states,
    headSha: pull.headSha,
    problems: setup.problems,
    preMerge: gate,
    rollback,
    notApplicable,
    ...(mergeSha ? { mergeSha } : {}),
  });
  const variables = buildVariables({
    config: setup.config,
    version: await releaseVersion(scope, session),
    date: bot.now().toISOString(),
    deployedBy: pull.author,
  });
  const built = buildChecklistComment(
    {
      checklist: setup.checklist,
      states,
      headSha: pull.headSha,
      variables,
      gate: view.display,
      notes: session.notes,
      notApplicable: conditions,
      ...(mergeSha ? { postDeploySha: mergeSha } : {}),
    },
    appended,
    secret,
  );
  session.ledger = built.ledger;
  bot.memory.ledgers.set(session.key, built.ledger);
  await bot.memory.coordinator.remember(
    sharedLedgerKey(session.key),
    encodeStateBlock(built.ledger),
    30 * 86_400,
  );

  if (!session.comment || session.comment.body !== built.body) {
    const updated = session.comment ? await gh.updateComment(session.comment.id, built.body) : false;
    if (updated && session.comment) session.comment = { ...session.comment, body: built.body };
    else session.comment = await gh.createComment(pull.number, built.body);
    bot.memory.comments.set(session.key, session.comment.id);
  }

  if (view.postDeploy) {
    // merged: the `shipgate` run is final (it carries the audit record); post-deploy has its own run
    await writePostDeployRun(scope, session, view.postDeploy, built.ledger);
    return gate;
  }
  const notes = bot.memory.notes.get(`${session.key}@${pull.headSha}`) ?? [];
  const report = buildCheckReport({
    gate,
    checklist: setup.checklist,
    config: setup.config,
    problems: setup.problems,
    notes,
  });
  await writeCheckRun(scope, session.key, {
    name: CHECK_NAME,
    headSha: pull.headSha,
    status: report.status,
    ...(report.conclusion ? { conclusion: report.conclusion } : {}),
    title: report.title,
    summary: report.summary,
    text: `Signed checklist state (restores the comment if it is edited or deleted):\n\n${encodeStateBlock(built.ledger)}\n`,
    actions: report.actions,
    externalId: `${pull.number}`,
    ...detailsUrlFor(scope, pull.number),
  });
  return gate;
}

/** Creates or updates our check run on a commit; a completed run going back to waiting gets a new run. */
export async function writeCheckRun(
  scope: EventScope,
  key: string | undefined,
  run: CheckRunWrite,
): Promise<void> {
  const { bot, gh } = scope;
  const { owner, repo } = gh.repo;
  const cacheKey = `${owner}/${repo}@${run.headSha}`;
  // The audit link is re-signed on every write; a fresh signature alone is no reason to write.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ ...run, detailsUrl: undefined }))
    .digest('base64url');
  let known = bot.memory.checkRuns.get(cacheKey);
  if (!known) {
    const ours = (await gh.listCheckRuns(run.headSha, run.name))
      .filter((r) => r.appId === bot.options.appId)
      .sort((a, b) => b.id - a.id)[0];
    if (ours) known = { id: ours.id, fingerprint: '', completed: ours.status === 'completed' };
  }
  if (known?.fingerprint === fingerprint) return;
  let id: number;
  if (known && !(known.completed && run.status !== 'completed')) {
    id = known.id;
    await gh.updateCheckRun(id, run);
  } else id = await gh.createCheckRun(run);
  bot.memory.checkRuns.set(cacheKey, { id, fingerprint, completed: run.status === 'completed' });
  if (key) bot.memory.mirrors.set(key, id);
}

function detailsUrlFor(scope: EventScope, number: number): { detailsUrl?: string } {
  const url = auditDetailsUrl(scope.bot, scope.gh.repo, number);
  return url ? { detailsUrl: url } : {};
}

/** Branch, else title, else (for a release bot's PR) its body, else package.json at the head. */
export async function releaseVersion(scope: EventScope, session: PrSession): Promise<string | undefined> {
  const { pull } = session;
  const fromNames = resolveReleaseVersion({ branch: pull.headRef, title: pull.title });
  if (fromNames) return fromNames;
  const bot = detectReleaseBot(pull, session.setup.config.release.bots);
  const fromBot = bot ? releaseBotVersion(bot.bot, pull) : undefined;
  if (fromBot) return fromBot;
  const { owner, repo } = scope.gh.repo;
  const version = await scope.bot.memory.packageVersions.getOrLoad(
    `${owner}/${repo}@${pull.headSha}`,
    async () => {
      const text = await scope.gh.readFile('package.json', pull.headSha);
      try {
        const parsed: unknown = text ? JSON.parse(text) : undefined;
        const value =
          parsed && typeof parsed === 'object' && 'version' in parsed ? parsed.version : undefined;
        return typeof value === 'string' ? value.slice(0, 64) : '';
      } catch {
        return '';
      }
    },
  );
  return version || undefined;
}
