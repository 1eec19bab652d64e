import type { Config } from '../core/config/config.js';
import type { Checklist } from '../core/template/model.js';

/**
 * Items the repository's config decides are not applicable, with the reason shown for them:
 * `items.<id>.na: "reason"`, or every item of a check turned off with `checks.<name>.enabled: false`.
 * The gate counts them as N/A, like `/shipgate na`, and the reason is kept in the config's history.
 */
export function notApplicableByConfig(checklist: Checklist, config: Config): Map<string, string> {
  const decided = new Map<string, string>();
  for (const item of checklist.items) {
    const na = config.items[item.id]?.na;
    if (na !== undefined) {
      decided.set(item.id, `N/A (config items.${item.id}.na): ${na}`);
      continue;
    }
    if (item.check && config.checks[item.check]?.enabled === false) {
      decided.set(item.id, `N/A: check ${item.check} disabled (config checks.${item.check}.enabled: false)`);
    }
  }
  return decided;
}
