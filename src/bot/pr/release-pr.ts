import picomatch from 'picomatch';
import type { Config } from '../../core/config/config.js';
import { detectReleaseBot } from '../../core/release/release-bots.js';
import type { PullInfo } from '../../github/types.js';

/**
 * A release PR: opened by an enabled release bot (release-please, changesets), or its head branch
 * matches a glob, or it carries a release label, or its title matches.
 */
export function isReleasePull(config: Config, pull: Pick<PullInfo, 'headRef' | 'labels' | 'title'>): boolean {
  const { branches, labels, titlePattern, bots } = config.release;
  if (detectReleaseBot(pull, bots)) return true;
  if (branches.some((glob) => picomatch.isMatch(pull.headRef, glob, { dot: true }))) return true;
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  if (pull.labels.some((label) => wanted.has(label.toLowerCase()))) return true;
  if (!titlePattern) return false;
  try {
    return new RegExp(titlePattern).test(pull.title);
  } catch {
    return false;
  }
}
