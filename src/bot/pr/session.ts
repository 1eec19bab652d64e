import { type ParsedComment, parseChecklistComment } from '../../core/comment/parse.js';
import { COMMENT_MARKER } from '../../core/comment/render.js';
import { decodeStateBlock } from '../../core/comment/state-block.js';
import { chooseLedger } from '../../core/ledger/choose-ledger.js';
import { emptyLedger, type Ledger, prLedgerKey } from '../../core/ledger/ledger.js';
import type { CommentInfo, PullInfo } from '../../github/types.js';
import { loadSetup, type RepoSetup } from '../../load/setup.js';
import { type EventScope, prKey } from '../runtime/bot.js';
import { repositoryOf } from './repository.js';

/** One pull request's gate as the bot sees it while handling one event. */
export interface PrSession {
  key: string;
  pull: PullInfo;
  setup: RepoSetup;
  /** The checklist comment as last seen (undefined when there is none yet, or it was deleted). */
  comment?: CommentInfo;
  ledger: Ledger;
  /** Signs this PR's ledger: bound to the repository and the PR (prLedgerKey). */
  ledgerKey: string;
  /** Free text people wrote in the notes area. */
  notes?: string;
  /** The comment, parsed once when the session opened (a step reads its ticks from here). */
  parsed?: ParsedComment;
}

export interface OpenOptions {
  /** A pull request just received in a payload (fresher than anything cached). */
  pull?: PullInfo;
  /** Re-read the pull request from GitHub even if cached. */
  refreshPull?: boolean;
  /** Read the comment from GitHub even if one is remembered (e.g. to repair a late write). */
  refreshComment?: boolean;
  /** The comment as it is now (from an edited payload); otherwise it is looked up. */
  comment?: CommentInfo | null;
  /** More copies of the ledger to consider (the comment before an edit, a deleted comment). */
  candidates?: (string | undefined)[];
  /** A checklist comment someone deleted: the session opens without it (the writer posts it again) and keeps its notes. */
  deleted?: CommentInfo;
}

export async function getPull(scope: EventScope, number: number, refresh = false): Promise<PullInfo> {
  const key = prKey(scope.gh, number);
  const cached = refresh ? undefined : scope.bot.memory.pr.pulls.get(key);
  if (cached) return cached;
  const pull = await scope.gh.getPull(number);
  scope.bot.memory.pr.pulls.set(key, pull);
  return pull;
}

/**
 * Config and template from the default branch, whatever the PR's base: a PR cannot loosen its own
 * gate, and retargeting it at a branch with another policy changes nothing (policy-bot reads its
 * policy from one trusted place for the same reason). Read at the branch's commit and cached for
 * the cache TTL; every gate is then re-derived from the ledger under the current policy.
 */
export async function getSetup(
  scope: EventScope,
  pull?: Pick<PullInfo, 'baseRef' | 'baseSha'>,
): Promise<RepoSetup> {
  const { owner, repo } = scope.gh.repo;
  const { defaultBranch } = await repositoryOf(scope);
  // A PR based on the default branch names its commit: a new commit there re-reads at once.
  const known = pull?.baseRef === defaultBranch ? pull.baseSha : undefined;
  return scope.bot.memory.repository.setups.getOrLoad(
    `${owner}/${repo}@${defaultBranch}@${known ?? 'latest'}`,
    async () => {
      const sha = known ?? (await scope.gh.branchSha(defaultBranch));
      return loadSetup(scope.gh, { ref: defaultBranch, sha: sha ?? defaultBranch });
    },
  );
}

/** Finds the checklist comment: by marker, written by this app (oldest wins), paginated. */
export async function findChecklistComment(
  scope: EventScope,
  number: number,
): Promise<CommentInfo | undefined> {
  const login = scope.bot.botLogin();
  const comments = await scope.gh.listComments(number);
  return comments.find((c) => c.author === login && c.body.includes(COMMENT_MARKER));
}

export async function openSession(
  scope: EventScope,
  number: number,
  opts: OpenOptions = {},
): Promise<PrSession> {
  const { bot } = scope;
  const key = prKey(scope.gh, number);
  if (opts.pull) bot.memory.pr.pulls.set(key, opts.pull);
  const pull = opts.pull ?? (await getPull(scope, number, opts.refreshPull));
  const setup = await getSetup(scope, pull);
  const comment =
    opts.comment === undefined
      ? ((opts.refreshComment ? undefined : bot.memory.pr.comments.get(key)) ??
        (await findChecklistComment(scope, number)))
      : (opts.comment ?? undefined);
  if (comment) bot.memory.pr.comments.set(key, comment);
  const ledgerKey = await ledgerKeyFor(scope, number);
  const ledger = await resolveLedger(scope, key, ledgerKey, pull, comment, opts.candidates ?? []);
  const parsed = comment ? parseChecklistComment(comment.body, setup.checklist) : undefined;
  // a deleted comment is not the session's: the writer posts the checklist again, with its notes
  const gone = opts.deleted !== undefined && comment?.id === opts.deleted.id;
  const notes =
    parsed?.notes ??
    (opts.deleted ? parseChecklistComment(opts.deleted.body, setup.checklist).notes : undefined);
  return {
    key,
    pull,
    setup,
    ...(comment && !gone ? { comment } : {}),
    ledger,
    ledgerKey,
    ...(notes ? { notes } : {}),
    ...(parsed && !gone ? { parsed } : {}),
  };
}

/** The key of PR `number`'s ledger: the app's secret bound to the repository id and the PR. */
export async function ledgerKeyFor(scope: EventScope, number: number): Promise<string> {
  const { id } = await repositoryOf(scope);
  return prLedgerKey(scope.bot.options.ledgerSecret, { repositoryId: id, pr: number });
}

/**
 * The ledger to trust: the longest verified copy among memory, the comment and extra candidates.
 * When the comment's copy is missing or fails verification and memory has nothing, the mirror in
 * the `shipgate` check run output restores it.
 */
async function resolveLedger(
  scope: EventScope,
  key: string,
  secret: string,
  pull: PullInfo,
  comment: CommentInfo | undefined,
  extra: (string | undefined)[],
): Promise<Ledger> {
  const { memory } = scope.bot;
  const remembered = await lastWrittenLedger(scope, key);
  const commentLedger = fromBody(comment?.body);
  const candidates = [remembered, memory.pr.ledgers.get(key), commentLedger, ...extra.map(fromBody)];
  let chosen = chooseLedger(candidates, secret);
  const commentTrusted = commentLedger !== undefined && chooseLedger([commentLedger], secret) !== undefined;
  // Cold memory (after a restart): a comment copy can be stale (a redelivered edit carries an old
  // body), so the newest mirror is always consulted; the longest verified ledger wins.
  if (!remembered) {
    const mirror = await readMirror(scope, key, pull);
    chosen = chooseLedger([chosen, fromBody(mirror)], secret);
    if (!commentTrusted && comment)
      scope.log.warn(
        { pr: key },
        'checklist state block failed verification; restored from the check run mirror',
      );
  }
  return chosen ?? emptyLedger(secret);
}

async function readMirror(scope: EventScope, key: string, pull: PullInfo): Promise<string | undefined> {
  const known = scope.bot.memory.pr.mirrors.get(key);
  if (known !== undefined) {
    const run = await scope.gh.getCheckRun(known);
    if (run?.outputText) return run.outputText;
  }
  // once merged the newest mirror is on the merge commit's `shipgate/post-deploy` run
  const runs = [
    ...(pull.mergeCommitSha ? await scope.gh.listCheckRuns(pull.mergeCommitSha, 'shipgate/post-deploy') : []),
    ...(await scope.gh.listCheckRuns(pull.headSha, 'shipgate')),
  ];
  const ours = runs.filter((run) => run.appId === scope.bot.options.appId).sort((a, b) => b.id - a.id);
  return ours.find((run) => run.outputText)?.outputText ?? undefined;
}

function fromBody(body: string | undefined): Ledger | undefined {
  const decoded = body ? decodeStateBlock(body) : { found: false as const };
  return decoded.found && 'ledger' in decoded ? decoded.ledger : undefined;
}

/**
 * The ledger the bot last wrote for a PR: from the shared store (another replica may have written
 * since this one last did), else this process's memory. Unverified here: callers choose.
 */
export async function lastWrittenLedger(scope: EventScope, key: string): Promise<Ledger | undefined> {
  const { memory } = scope.bot;
  return fromBody(await memory.coordinator.recall(sharedLedgerKey(key))) ?? memory.pr.ledgers.get(key);
}

/** Where a PR's newest signed ledger is shared between replicas (coordinator state). */
export function sharedLedgerKey(prKey: string): string {
  return `ledger:${prKey}`;
}
