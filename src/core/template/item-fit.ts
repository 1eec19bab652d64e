import { type AppTrait, isAppTrait, TRAIT_NAMES } from '../fit/app-traits.js';
import type { CheckParams } from './model.js';
import { splitList } from './path-globs.js';

/**
 * Directive keys that tell `shipgate init` how to fit an item to an app (not check parameters):
 * `needs=websocket,database` — the item applies only to an app with these traits (src/core/fit/
 * app-traits.ts), on a heading for every item under it; `example` — the item is the template's
 * example app's, dropped, or with `example="text"` replaced by that text for the team to fill in.
 * init resolves them and leaves them out of the checklist it writes; everyone else ignores them.
 */
export const FIT_KEYS = ['needs', 'example'] as const;

export interface ItemFit {
  needs?: AppTrait[];
  example?: { replacement?: string };
}

/** `needs=a,b` as traits; problems (no value, an unknown trait) reported, not thrown. */
export function readNeeds(values: CheckParams, problem: (message: string) => void): AppTrait[] | undefined {
  const value = values.needs;
  if (value === undefined) return undefined;
  const names = typeof value === 'string' ? splitList(value) : [];
  if (names.length === 0) {
    problem(`needs takes app traits, e.g. needs=websocket; known: ${TRAIT_NAMES.join(', ')}`);
    return undefined;
  }
  const unknown = names.filter((name) => !isAppTrait(name));
  if (unknown.length > 0) {
    problem(
      `needs: unknown trait${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}; known: ${TRAIT_NAMES.join(', ')}`,
    );
    return undefined;
  }
  return names.filter(isAppTrait);
}

/** The item's `needs` (after those of the headings above it) and `example`. */
export function readItemFit(
  values: CheckParams,
  inherited: readonly AppTrait[],
  problem: (message: string) => void,
): ItemFit {
  const fit: ItemFit = {};
  const needs = [...new Set([...inherited, ...(readNeeds(values, problem) ?? [])])];
  if (needs.length > 0) fit.needs = needs;
  const example = values.example;
  if (example === true) fit.example = {};
  else if ((typeof example === 'string' && example.trim() !== '') || typeof example === 'number')
    fit.example = { replacement: String(example).trim() };
  else if (example !== undefined)
    problem('example takes the text that replaces the item (example="…"), or nothing to drop it');
  return fit;
}
