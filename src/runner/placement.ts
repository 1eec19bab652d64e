/**
 * Which job of the two-job workflow runs an item (docs/security.md). The `measure` job checks out
 * the PR, installs, builds and starts its app, and holds no credential; the `attest` job runs no
 * code the PR controls, computes what it can from the PR's files itself, and publishes the
 * evidence with the OIDC token. `single` is one job doing both: the weaker guarantee, every result
 * `reported`.
 */
import type { CheckContract } from '../../checks/contract.js';

export type JobRole = 'single' | 'measure' | 'attest';

export interface PlacementFacts {
  /** shipgate starts the PR's own app (`target.start`) rather than measuring a given URL. */
  startsPrApp: boolean;
}

/** True when the item's check needs the PR's code to have run (its build, its app). */
export function needsPrCode(check: Pick<CheckContract<unknown>, 'measures'>, facts: PlacementFacts): boolean {
  if (check.measures === 'build') return true;
  if (check.measures === 'app') return facts.startsPrApp;
  return false;
}

/** Whether `job` runs an item of `check`: measure runs what needs the PR's code, attest the rest. */
export function runsIn(
  job: JobRole,
  check: Pick<CheckContract<unknown>, 'measures'>,
  facts: PlacementFacts,
): boolean {
  if (job === 'single') return true;
  return needsPrCode(check, facts) === (job === 'measure');
}
