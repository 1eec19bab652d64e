import type { Checklist, ItemCondition } from './model.js';
import { compileGlobs } from './path-globs.js';

/** What the bot knows about the pull request that conditional items (`when-…`) depend on. */
export interface PullFacts {
  /**
   * Paths the whole PR changes (base...head). `undefined` means unknown: every item with
   * `when-paths` then applies (fails closed: an item is never dropped on missing data).
   */
  changedFiles?: readonly string[];
  /** The PR's label names (compared case-insensitively, as GitHub does). */
  labels: readonly string[];
}

/**
 * Items whose `when-paths` / `when-labels` condition the PR does not meet, with the reason shown in
 * the comment: id → "no changes in migrations/**". An item applies when ANY of its conditions
 * holds: a changed path matches one of the globs, or the PR carries one of the labels.
 * Pass the keys to `evaluateGate({ notApplicable })` and the map to `renderComment({ notApplicable })`.
 */
export function notApplicableItems(checklist: Checklist, facts: PullFacts): Map<string, string> {
  const labels = new Set(facts.labels.map((label) => label.toLowerCase()));
  const result = new Map<string, string>();
  for (const item of checklist.items) {
    if (!item.when || applies(item.when, facts.changedFiles, labels)) continue;
    result.set(item.id, whyNot(item.when));
  }
  return result;
}

/** The ids of items that apply to this PR (all items without a condition, and those whose condition holds). */
export function applicableItems(checklist: Checklist, facts: PullFacts): Set<string> {
  const skipped = notApplicableItems(checklist, facts);
  return new Set(checklist.items.filter((item) => !skipped.has(item.id)).map((item) => item.id));
}

function applies(
  when: ItemCondition,
  changedFiles: readonly string[] | undefined,
  labels: ReadonlySet<string>,
): boolean {
  if (when.labels?.some((label) => labels.has(label.toLowerCase()))) return true;
  if (when.paths) {
    if (changedFiles === undefined) return true;
    if (changedFiles.some(compileGlobs(when.paths))) return true;
  }
  return false;
}

/** "no changes in migrations/**", "no label db or dba", or both joined with "and". */
function whyNot(when: ItemCondition): string {
  const parts: string[] = [];
  if (when.paths) parts.push(`no changes in ${list(when.paths, ', ')}`);
  if (when.labels) parts.push(`no label ${list(when.labels, ' or ')}`);
  return parts.join(' and ');
}

function list(values: readonly string[], separator: string): string {
  const shown = values.slice(0, 3).join(separator);
  return values.length > 3 ? `${shown}${separator}…` : shown;
}
