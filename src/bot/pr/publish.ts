/**
 * The one writer of a release PR's state on GitHub. It compares a projection (src/core/gate/
 * projection.ts) with what GitHub shows and writes only the differences: the checklist comment,
 * the check runs, replies. Every write goes through the repository's GitHub adapter, which is
 * fenced by the PR's lease (runtime/coordinated-queue.ts) on every path.
 */
import { createHash } from 'node:crypto';
import { releaseBodyWithAudit } from '../../core/audit/audit-attachment.js';
import { encodeStateBlock } from '../../core/comment/state-block.js';
import type { CheckRunView, ReleaseProjection } from '../../core/gate/projection.js';
import { statusOf } from '../../github/client.js';
import type { CommentInfo } from '../../github/types.js';
import type { EventScope } from '../runtime/bot.js';
import { findChecklistComment, type PrSession, sharedLedgerKey } from './session.js';

/** How long the shared copy of a PR's newest ledger is kept (coordinator state). */
const SHARED_LEDGER_TTL_S = 30 * 86_400;

/** Makes GitHub show the projection: ledger remembered, comment and check runs written if they differ. */
export async function writeProjection(
  scope: EventScope,
  session: PrSession,
  projection: ReleaseProjection,
): Promise<void> {
  const { bot } = scope;
  session.ledger = projection.ledger;
  bot.memory.pr.ledgers.set(session.key, projection.ledger);
  await bot.memory.coordinator.remember(
    sharedLedgerKey(session.key),
    encodeStateBlock(projection.ledger),
    SHARED_LEDGER_TTL_S,
  );
  // One write after the other, never concurrently: GitHub's guidance against secondary rate limits
  // (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests).
  // Writing both at once was measured 15-25 % faster per toggle and is not worth a 403 storm.
  await writeComment(scope, session, projection.comment);
  for (const run of projection.checkRuns)
    await writeCheckRun(scope, run.mirrorsLedger ? session.key : undefined, run);
}

/**
 * Updates the checklist comment, or posts it when there is none. When the known comment is gone
 * (deleted, or a redelivered edit of a deleted comment), the live checklist is looked for again
 * before a new one is posted, so a PR never ends up with two checklists.
 */
async function writeComment(scope: EventScope, session: PrSession, body: string): Promise<void> {
  const { gh, bot } = scope;
  const number = session.pull.number;
  if (session.comment?.body === body) return;
  let written: CommentInfo | undefined;
  if (session.comment && (await gh.updateComment(session.comment.id, body)))
    written = { ...session.comment, body };
  if (!written && session.comment) {
    const live = await findChecklistComment(scope, number);
    if (live && live.id !== session.comment.id && (await gh.updateComment(live.id, body)))
      written = { ...live, body };
  }
  written ??= await gh.createComment(number, body);
  session.comment = written;
  bot.memory.pr.comments.set(session.key, written);
}

/** Creates or updates our check run on a commit; a completed run going back to waiting gets a new run. */
export async function writeCheckRun(
  scope: EventScope,
  mirrorKey: string | undefined,
  view: CheckRunView,
): Promise<void> {
  const { bot, gh } = scope;
  const { mirrorsLedger: _mirror, ...run } = view;
  const { owner, repo } = gh.repo;
  const cacheKey = `${owner}/${repo}@${run.headSha}#${run.name}`;
  // The audit link is re-signed on every write; a fresh signature alone is no reason to write.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ ...run, detailsUrl: undefined }))
    .digest('base64url');
  let known = bot.memory.pr.checkRuns.get(cacheKey);
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
  bot.memory.pr.checkRuns.set(cacheKey, { id, fingerprint, completed: run.status === 'completed' });
  if (mirrorKey) bot.memory.pr.mirrors.set(mirrorKey, id);
}

/** A reply on the PR (command answers, rollback pings). */
export async function reply(scope: EventScope, number: number, body: string): Promise<void> {
  await scope.gh.createComment(number, body);
}

/** Explanations of reverted ticks: one reply per burst per PR (runtime/reply-burst.ts). */
export function replyInBurst(scope: EventScope, session: PrSession, lines: readonly string[]): void {
  scope.bot.memory.replies.add(session.key, lines, (body) =>
    scope.gh.createComment(session.pull.number, body),
  );
}

/** Opens the incident issue of a rollback; returns its number. */
export function openIncident(
  scope: EventScope,
  issue: { title: string; body: string; labels: string[] },
): Promise<number> {
  return scope.gh.createIssue(issue);
}

/** A status report on a deployment the protection rule keeps waiting (window progress, readings). */
export function reportDeploymentStatus(
  scope: EventScope,
  runId: number,
  report: { environment: string; comment: string },
): Promise<void> {
  return scope.gh.reportDeploymentStatus(runId, report);
}

/**
 * Drafts the revert of a merged release: a commit whose tree is the merge commit's first parent's
 * tree, on top of the merge commit (what `git revert -m 1` records), on its own branch, and a draft
 * pull request into `base`. Returns the PR.
 */
export async function draftRevertPull(
  scope: EventScope,
  revert: { mergeSha: string; branch: string; base: string; title: string; body: string; message: string },
): Promise<{ number: number; url: string }> {
  const merge = await scope.gh.gitCommit(revert.mergeSha);
  const before = merge.parents[0];
  if (!before) throw new Error(`merge commit ${revert.mergeSha} has no parent to revert to`);
  const tree = (await scope.gh.gitCommit(before)).tree;
  const commit = await scope.gh.createGitCommit({ message: revert.message, tree, parents: [merge.sha] });
  await scope.gh.createBranch(revert.branch, commit);
  return scope.gh.createPull({
    title: revert.title,
    head: revert.branch,
    base: revert.base,
    body: revert.body,
    draft: true,
  });
}

/** A comment on the incident issue of a rollback (the revert drafted for it). */
export async function noteOnIncident(scope: EventScope, incident: number, body: string): Promise<void> {
  await scope.gh.createComment(incident, body);
}

/** Answers a deployment protection rule. */
export function reviewDeployment(
  scope: EventScope,
  runId: number,
  review: { environment: string; state: 'approved' | 'rejected'; comment: string },
): Promise<void> {
  return scope.gh.reviewDeployment(runId, review);
}

/** Dispatches the checks workflow (missing results). */
export function dispatchWorkflow(
  scope: EventScope,
  file: string,
  ref: string,
  inputs: Record<string, string>,
): Promise<void> {
  return scope.gh.dispatchWorkflow(file, ref, inputs);
}

/**
 * Attaches the signed audit record to the GitHub release of the version (tag `v<version>` or
 * `<version>`), when there is one. Installed with `contents: read` the release cannot be edited:
 * the `shipgate` check run still carries the record.
 */
export async function attachAuditToRelease(
  scope: EventScope,
  session: PrSession,
  projection: ReleaseProjection,
  version: string | undefined,
): Promise<void> {
  if (!version || !projection.audit) return;
  const { record, markdown } = projection.audit;
  try {
    for (const tag of [`v${version}`, version]) {
      const release = await scope.gh.releaseByTag(tag);
      if (!release) continue;
      const body = releaseBodyWithAudit(release.body, record, markdown);
      if (body !== release.body) await scope.gh.updateReleaseBody(release.id, body);
      return;
    }
  } catch (error) {
    if (statusOf(error) !== 403) throw error;
    scope.log.warn({ pr: session.key, version }, 'cannot update the release (needs contents: write)');
  }
}
