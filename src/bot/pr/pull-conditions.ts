import type { Config } from '../../core/config/config.js';
import { notApplicableByConfig } from '../../core/decide/not-applicable.js';
import { notApplicableItems } from '../../core/template/conditions.js';
import type { Checklist } from '../../core/template/model.js';
import type { PullInfo } from '../../github/types.js';
import { type EventScope, prKey } from '../runtime/bot.js';

/**
 * Items whose `when-paths` / `when-labels` condition this PR does not meet (id → why), for
 * `evaluateGate({ notApplicable })` and the comment. The PR's files are listed only when the
 * template has a `when-paths` item, once per head commit (cached), so a checkbox toggle costs no
 * extra request. When they cannot be listed, `when-paths` items stay required (fail closed).
 */
export async function pullNotApplicable(
  scope: EventScope,
  pull: PullInfo,
  checklist: Checklist,
  config: Config,
): Promise<Map<string, string>> {
  // config decisions (items.<id>.na, checks.<name>.enabled: false) count like /shipgate na
  if (!checklist.items.some((item) => item.when)) return notApplicableByConfig(checklist, config);
  const needsFiles = checklist.items.some((item) => item.when?.paths);
  const changedFiles = needsFiles ? await pullFiles(scope, pull) : undefined;
  return new Map([
    ...notApplicableByConfig(checklist, config),
    ...notApplicableItems(checklist, { labels: pull.labels, ...(changedFiles ? { changedFiles } : {}) }),
  ]);
}

/** The paths the whole PR changes (base...head), or undefined when GitHub would not list them. */
export async function pullFiles(scope: EventScope, pull: PullInfo): Promise<string[] | undefined> {
  const key = `${prKey(scope.gh, pull.number)}@${pull.baseSha}...${pull.headSha}`;
  try {
    const listed = await scope.bot.memory.pr.pullFiles.getOrLoad(key, () =>
      scope.gh.listPullFiles(pull.number),
    );
    if (listed.complete) return listed.paths;
    // GitHub's cap was reached: a path not seen may be in the rest, so no when-paths item is skipped
    scope.log.warn(
      { pr: pull.number },
      'the PR has more files than GitHub lists (3,000); when-paths items stay required',
    );
    return undefined;
  } catch (error) {
    scope.log.warn(
      { err: error, pr: pull.number },
      'cannot list the PR files; when-paths items stay required',
    );
    return undefined;
  }
}
