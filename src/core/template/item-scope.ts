import type { CheckParams, ItemCondition } from './model.js';
import { globListProblem, splitList } from './path-globs.js';

/** Item directive keys about when an item applies and when a push resets it (not check parameters). */
export const SCOPE_KEYS = ['invalidate-on', 'when-paths', 'when-labels'] as const;

const MAX_LABELS = 20;
const MAX_LABEL_LENGTH = 50; // GitHub's own limit for label names

export interface ItemScope {
  invalidateOn?: string[];
  when?: ItemCondition;
}

/**
 * Reads `invalidate-on="src/**,db/**"`, `when-paths="migrations/**"` and `when-labels="db"` from an
 * item's directive. Values are comma-separated lists; problems are reported, not thrown.
 */
export function readItemScope(values: CheckParams, problem: (message: string) => void): ItemScope {
  const scope: ItemScope = {};
  const invalidateOn = readGlobs(values, 'invalidate-on', problem);
  if (invalidateOn) scope.invalidateOn = invalidateOn;
  const paths = readGlobs(values, 'when-paths', problem);
  const labels = readList(values, 'when-labels', problem);
  if (labels) {
    if (labels.length > MAX_LABELS) problem(`when-labels: at most ${MAX_LABELS} labels`);
    else if (labels.some((label) => label.length > MAX_LABEL_LENGTH))
      problem(`when-labels: label longer than ${MAX_LABEL_LENGTH} characters`);
  }
  if (paths || labels) scope.when = { ...(paths ? { paths } : {}), ...(labels ? { labels } : {}) };
  return scope;
}

function readGlobs(
  values: CheckParams,
  key: string,
  problem: (message: string) => void,
): string[] | undefined {
  const globs = readList(values, key, problem);
  if (!globs) return undefined;
  const bad = globListProblem(globs);
  if (bad) problem(`${key}: ${bad}`);
  return globs;
}

function readList(
  values: CheckParams,
  key: string,
  problem: (message: string) => void,
): string[] | undefined {
  const value = values[key];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') {
    problem(`${key} needs a value, e.g. ${key}="src/**"`);
    return undefined;
  }
  const list = splitList(String(value));
  if (list.length > 0) return list;
  problem(`${key} needs at least one entry`);
  return undefined;
}
