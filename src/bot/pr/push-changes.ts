import type { Config } from '../../core/config/config.js';
import { versionFileCandidates } from '../../core/ledger/invalidation.js';
import { isVersionOnlyChange } from '../../core/release/version-only.js';
import type { EventScope } from '../runtime/bot.js';

/** What a push changed, for `pushInvalidation`: no `changedFiles` means unknown (everything resets). */
export interface PushChanges {
  changedFiles?: string[];
  versionOnlyFiles?: string[];
}

/** At most this many version files are diffed per push (two reads each). */
const MAX_VERSION_FILES = 10;
const NO_COMMIT = /^0+$/;

/**
 * The files a push changed (`before...after`) and which of the `invalidateOnPush.versionFiles`
 * among them only bumped the version. A force-push (the old head is not an ancestor), a compare
 * GitHub cannot answer or a cut file list all mean "unknown", so sign-offs reset as before.
 */
export async function pushChanges(
  scope: EventScope,
  config: Config,
  before: string | undefined,
  after: string,
): Promise<PushChanges> {
  if (!before || NO_COMMIT.test(before) || before === after) return {};
  let compare: Awaited<ReturnType<typeof scope.gh.compareCommits>>;
  try {
    compare = await scope.gh.compareCommits(before, after);
  } catch (error) {
    scope.log.warn({ err: error, before, after }, 'cannot compare the push; everything resets');
    return {};
  }
  if (!compare?.complete || !['ahead', 'identical'].includes(compare.status)) {
    scope.log.info({ before, after, status: compare?.status }, 'push not comparable; everything resets');
    return {};
  }
  const changedFiles = compare.files;
  const candidates = versionFileCandidates(config, changedFiles).slice(0, MAX_VERSION_FILES);
  const versionOnlyFiles: string[] = [];
  await Promise.all(
    candidates.map(async (path) => {
      try {
        const [old, next] = await Promise.all([
          scope.gh.readFile(path, before),
          scope.gh.readFile(path, after),
        ]);
        if (isVersionOnlyChange(path, old, next)) versionOnlyFiles.push(path);
      } catch (error) {
        scope.log.warn({ err: error, path }, 'cannot read a version file; its change counts');
      }
    }),
  );
  return { changedFiles, versionOnlyFiles: versionOnlyFiles.sort() };
}
