/**
 * The audit page, wired into the bot: the `shipgate` check run's "Details" link is a freshly
 * signed, short-lived link to `/audit/:owner/:repo/:pr`, and the server builds the record on
 * demand from what GitHub holds (the checklist comment's signed ledger, or its check-run mirror).
 */
import type { Probot } from 'probot';
import { createAuditHandler } from '../../audit/audit-handler.js';
import { releaseVersion } from '../../bot/pr/facts.js';
import { openSession } from '../../bot/pr/session.js';
import { type Bot, prKey } from '../../bot/runtime/bot.js';
import { scopeForRepo } from '../../bot/runtime/repo-scope.js';
import { type AuditRecord, buildAuditRecord } from '../../core/audit/audit-record.js';
import { buildVariables } from '../../core/template/variables.js';
import { statusOf } from '../../github/client.js';
import type { RepoRef } from '../../github/types.js';

/** Builds a PR's audit record from GitHub; undefined when the app is not installed or there is no gate. */
export async function loadAuditRecord(
  probot: Probot,
  bot: Bot,
  repo: RepoRef,
  number: number,
): Promise<AuditRecord | undefined> {
  const scope = await scopeForRepo(probot, bot, repo);
  if (!scope) return undefined;
  const read = async () => {
    const session = await openSession(scope, number, { refreshPull: true });
    // No comment and nothing recorded: not a PR shipgate gates.
    if (!session.comment && session.ledger.events.length === 0) return undefined;
    const { pull, setup } = session;
    const variables = buildVariables({
      config: setup.config,
      version: await releaseVersion(scope, session),
      date: bot.now().toISOString(),
      deployedBy: pull.author,
    });
    return buildAuditRecord(
      {
        repo: `${repo.owner}/${repo.repo}`,
        pr: { number, title: pull.title, author: pull.author, headSha: pull.headSha },
        checklist: setup.checklist,
        ledger: session.ledger,
        generatedAt: bot.now().toISOString(),
        variables,
      },
      bot.options.ledgerSecret,
      session.ledgerKey,
    );
  };
  try {
    // Under the PR's lock, so the page never shows a half-applied event.
    return await bot.memory.queue.run(prKey(scope.gh, number), read);
  } catch (error) {
    if (statusOf(error) === 404) return undefined; // no such pull request
    throw error;
  }
}

/** The HTTP handler for audit pages; resolves false for paths that are not its own. */
export function auditRequestHandler(ready: () => Promise<Probot>, bot: Bot) {
  return createAuditHandler({
    secret: bot.options.ledgerSecret,
    now: () => bot.now(),
    ...(bot.publicUrl ? { basePath: new URL(bot.publicUrl).pathname } : {}),
    loadRecord: async (owner, repo, pr) => loadAuditRecord(await ready(), bot, { owner, repo }, pr),
  });
}
