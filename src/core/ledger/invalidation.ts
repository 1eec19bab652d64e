import type { Config } from '../config/config.js';
import type { Checklist, ChecklistItem } from '../template/model.js';
import { compileGlobs, type PathMatcher } from '../template/path-globs.js';
import type { ItemStates, LedgerEvent } from './ledger.js';

export interface PushInvalidationInput {
  checklist: Checklist;
  config: Config;
  states: ItemStates;
  /**
   * Paths changed by the push (compare old head...new head). `undefined` means unknown (compare
   * failed, too many files): every candidate resets, as before path rules existed.
   */
  changedFiles?: readonly string[];
  /**
   * Changed files whose diff only bumped the version (e.g. `"version": "6.0.3"` → `"6.0.4"` in
   * package.json). Only files matching `invalidateOnPush.versionFiles` are honoured; ask
   * `versionFileCandidates` which files to diff.
   */
  versionOnlyFiles?: readonly string[];
  /** The new head SHA, named in the reason. */
  newSha: string;
}

export interface PushInvalidationPlan {
  /** Item ids to reset, in checklist order. */
  items: string[];
  /** "reset by push of abc1234 (src/app.ts changed)", stored in the ledger and shown on each item. */
  reason: string;
  /** The changed paths that caused a reset (empty when the changed files were unknown). */
  files: string[];
}

/**
 * What a push resets, path-aware. Candidates are ticked sign-offs (`invalidateOnPush.signoffs`),
 * ticked manual items (`invalidateOnPush.manual`) and every waiver or N/A. A candidate resets when
 * a changed path that is not ignored (`invalidateOnPush.ignore`, or a version-only change of a
 * `versionFiles` file) matches its scope: the item's `invalidate-on` directive, else its role's
 * `invalidateOn`, else any path. Automated results need no reset: they are keyed by SHA.
 */
export function planPushInvalidation(input: PushInvalidationInput): PushInvalidationPlan | undefined {
  const { config } = input;
  const relevant = input.changedFiles && relevantChanges(config, input.changedFiles, input.versionOnlyFiles);
  const scopes = new Map<string, PathMatcher>();
  const matcherFor = (globs: readonly string[]) => {
    const key = globs.join('\n');
    const cached = scopes.get(key) ?? compileGlobs(globs);
    scopes.set(key, cached);
    return cached;
  };
  const items: string[] = [];
  const files = new Set<string>();
  for (const item of input.checklist.items) {
    if (!isCandidate(item, input)) continue;
    if (!relevant) {
      items.push(item.id);
      continue;
    }
    const globs = scopeOf(item, config);
    const triggers = globs ? relevant.filter(matcherFor(globs)) : relevant;
    if (triggers.length === 0) continue;
    items.push(item.id);
    for (const file of triggers) files.add(file);
  }
  if (items.length === 0) return undefined;
  return { items, reason: resetReason(input.newSha, [...files]), files: [...files] };
}

/** The ledger event for a plan. */
export function invalidationEvent(plan: PushInvalidationPlan, sha: string, at: string): LedgerEvent {
  return { t: 'invalidate', items: plan.items, at, sha, reason: plan.reason };
}

/** Which changed files the bot should diff to tell whether only their version changed. */
export function versionFileCandidates(config: Config, changedFiles: readonly string[]): string[] {
  const globs = config.invalidateOnPush.versionFiles ?? [];
  if (globs.length === 0) return [];
  return changedFiles.filter(compileGlobs(globs));
}

/** The item's own `invalidate-on`, else its role's `invalidateOn`; undefined = any path. */
export function scopeOf(item: ChecklistItem, config: Config): readonly string[] | undefined {
  if (item.invalidateOn) return item.invalidateOn;
  if (item.kind === 'signoff' && item.role) return config.roles[item.role]?.invalidateOn;
  return undefined;
}

function isCandidate(item: ChecklistItem, input: PushInvalidationInput): boolean {
  const state = input.states[item.id];
  if (!state?.checked) return false;
  if (state.waived) return true;
  const { signoffs, manual } = input.config.invalidateOnPush;
  return (item.kind === 'signoff' && signoffs) || (item.kind === 'manual' && manual);
}

/** Changed paths minus ignored ones and version-only changes of configured version files. */
function relevantChanges(
  config: Config,
  changedFiles: readonly string[],
  versionOnlyFiles: readonly string[] = [],
): string[] {
  const ignored = compileGlobs(config.invalidateOnPush.ignore ?? []);
  const versionFile = compileGlobs(config.invalidateOnPush.versionFiles ?? []);
  const versionOnly = new Set(versionOnlyFiles);
  return changedFiles.filter((file) => !ignored(file) && !(versionOnly.has(file) && versionFile(file)));
}

function resetReason(sha: string, files: readonly string[]): string {
  const head = `reset by push of ${sha.slice(0, 7)}`;
  const first = files[0];
  if (first === undefined) return head;
  const name = first.length > 32 ? `…${first.slice(-31)}` : first; // the comment shows 80 characters
  const more = files.length > 1 ? ` and ${files.length - 1} more` : '';
  return `${head} (${name}${more} changed)`;
}
