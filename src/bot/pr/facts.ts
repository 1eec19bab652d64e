import type { ReleaseFacts } from '../../core/gate/projection.js';
import { pullVersionNames, type ReleaseBot } from '../../core/release/release-bots.js';
import { readReleaseVersion } from '../../core/release/release-version.js';
import type { PullInfo } from '../../github/types.js';
import { loadReadings } from '../cutover/cutover-readings.js';
import type { EventScope } from '../runtime/bot.js';
import { auditDetailsUrl } from './audit-details-url.js';
import { currentFreeze } from './freeze-store.js';
import { pullNotApplicable } from './pull-conditions.js';
import type { PrSession } from './session.js';

/** Where the notes on a commit's check run are kept (why its results were not accepted, dispatches). */
export function resultNotesKey(session: PrSession, sha: string): string {
  return `${session.key}@${sha}`;
}

/** Everything the projection needs besides the ledger (reads the PR's files and version when needed). */
export async function releaseFacts(scope: EventScope, session: PrSession): Promise<ReleaseFacts> {
  const { bot, gh } = scope;
  const { pull, setup } = session;
  const version = await releaseVersion(scope, session);
  const detailsUrl = auditDetailsUrl(bot, gh.repo, pull.number);
  const resultNotes: Record<string, readonly string[]> = {};
  const cutoverReadings = await loadReadings(bot, session.key);
  // repository-wide: the pre-merge gate, the merge queue and deployment protection all honour it
  const freeze = await currentFreeze(scope);
  for (const sha of [pull.headSha, pull.mergeCommitSha]) {
    const notes = sha ? bot.memory.pr.notes.get(resultNotesKey(session, sha)) : undefined;
    if (sha && notes) resultNotes[sha] = notes;
  }
  return {
    repo: `${gh.repo.owner}/${gh.repo.repo}`,
    checklist: setup.checklist,
    config: setup.config,
    problems: setup.problems,
    pull: {
      number: pull.number,
      title: pull.title,
      author: pull.author,
      headSha: pull.headSha,
      ...(pull.mergeCommitSha ? { mergeCommitSha: pull.mergeCommitSha } : {}),
      ...(pull.createdAt ? { openedAt: pull.createdAt } : {}),
    },
    notApplicable: await pullNotApplicable(scope, pull, setup.checklist, setup.config),
    ...(session.notes ? { notes: session.notes } : {}),
    ...(version ? { version } : {}),
    now: bot.now().toISOString(),
    resultNotes,
    ...(detailsUrl ? { detailsUrl } : {}),
    policy: setup.policy,
    ...(cutoverReadings ? { cutoverReadings } : {}),
    ...(freeze ? { freeze } : {}),
  };
}

/** The PR's version as the one rule reads it (readReleaseVersion), package.json read at its head. */
export async function releaseVersion(scope: EventScope, session: PrSession): Promise<string | undefined> {
  const { pull } = session;
  const { owner, repo } = scope.gh.repo;
  return pullReleaseVersion(pull, session.setup.config.release.bots, () =>
    scope.bot.memory.repository.packageVersions.getOrLoad(`${owner}/${repo}@${pull.headSha}`, async () => {
      const text = await scope.gh.readFile('package.json', pull.headSha);
      try {
        const parsed: unknown = text ? JSON.parse(text) : undefined;
        const value =
          parsed && typeof parsed === 'object' && 'version' in parsed ? parsed.version : undefined;
        return typeof value === 'string' ? value.slice(0, 64) : '';
      } catch {
        return '';
      }
    }),
  );
}

/**
 * Branch, else title, else (for a release bot's PR) its body, else package.json — read (an API call)
 * only when the PR names no version.
 */
export async function pullReleaseVersion(
  pull: PullInfo,
  bots: readonly ReleaseBot[],
  packageVersion: () => Promise<string | undefined>,
): Promise<string | undefined> {
  const names = pullVersionNames(pull, bots);
  const named = readReleaseVersion(names);
  if (named) return named.version;
  return readReleaseVersion({ ...names, file: { name: 'package.json', version: await packageVersion() } })
    ?.version;
}
