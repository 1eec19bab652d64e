import { existsSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Where a repository keeps its Lighthouse CI config, without lhci itself: `init` and the Action's
 * attesting job (which replaces the PR's rc with the default branch's) only need the names.
 */

/** The rc file names lhci looks for, in its order (it reads the first that exists). */
export const LHCI_RC_FILES = [
  '.lighthouserc.cjs',
  'lighthouserc.cjs',
  '.lighthouserc.js',
  'lighthouserc.js',
  '.lighthouserc.json',
  'lighthouserc.json',
  '.lighthouserc.yml',
  'lighthouserc.yml',
  '.lighthouserc.yaml',
  'lighthouserc.yaml',
] as const;

/** The first rc file lhci would read in `repoDir` (LHCI_NO_LIGHTHOUSERC opts out, as in lhci). */
export function findLhciRc(repoDir: string, env: Record<string, string | undefined>): string | undefined {
  if (env.LHCI_NO_LIGHTHOUSERC) return undefined;
  return LHCI_RC_FILES.find((name) => existsSync(join(repoDir, name)));
}
