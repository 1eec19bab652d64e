/**
 * The repository's freeze, kept in a bot-authored issue with a signed record (why an issue: see
 * core/windows/freeze-record.ts). Read with one list call, cached for the config TTL; this
 * replica's own changes update the cache at once.
 */

import type { CommandFreeze } from '../../core/windows/change-windows.js';
import {
  FREEZE_LABEL,
  type FreezeRecord,
  freezeInForce,
  freezeIssueBody,
  freezeKey,
  readFreezeRecord,
} from '../../core/windows/freeze-record.js';
import type { Bot, EventScope } from '../runtime/bot.js';
import { TtlCache } from '../runtime/ttl-cache.js';
import { repositoryOf } from './repository.js';

/** Bot-authored freeze issues looked at (newest first): the newest valid one decides. */
const LOOKED_AT = 10;

interface Known {
  /** Newest valid record first (empty: never frozen). */
  records: FreezeRecord[];
  issue?: number;
}

const caches = new WeakMap<Bot, TtlCache<Known>>();
function cacheOf(bot: Bot): TtlCache<Known> {
  let cache = caches.get(bot);
  if (!cache) {
    cache = new TtlCache<Known>(bot.memory.ttlMs, 1000);
    caches.set(bot, cache);
  }
  return cache;
}

const repoKey = (scope: EventScope) => `${scope.gh.repo.owner}/${scope.gh.repo.repo}`;

async function keyOf(scope: EventScope): Promise<string> {
  const { id } = await repositoryOf(scope);
  return freezeKey(scope.bot.options.ledgerSecret, id);
}

async function load(scope: EventScope): Promise<Known> {
  return cacheOf(scope.bot).getOrLoad(repoKey(scope), async () => {
    const key = await keyOf(scope);
    const bot = scope.bot.botLogin();
    const known: Known = { records: [] };
    for (const issue of await scope.gh.listLabelledIssues(FREEZE_LABEL, LOOKED_AT)) {
      if (issue.author !== bot) continue; // only the app's own issues (nobody else can author as it)
      const record = readFreezeRecord(issue.body, key);
      if (!record) continue;
      known.records.push(record);
      known.issue ??= issue.number;
    }
    return known;
  });
}

/** The freeze in force now, if any. */
export async function currentFreeze(scope: EventScope): Promise<CommandFreeze | undefined> {
  return freezeInForce((await load(scope)).records, scope.bot.now().toISOString());
}

/** Opens the freeze issue; returns its number. */
export async function setFreeze(scope: EventScope, freeze: CommandFreeze, text: string): Promise<number> {
  const record: FreezeRecord = { active: true, ...freeze };
  const issue = await scope.gh.createIssue({
    title: `🧊 shipgate: change freeze until ${freeze.until}`,
    body: freezeIssueBody(record, await keyOf(scope), text),
    labels: [FREEZE_LABEL],
  });
  const known = await load(scope);
  cacheOf(scope.bot).set(repoKey(scope), { records: [record, ...known.records], issue });
  return issue;
}

/** Lifts the freeze in force (its record says who and when) and closes its issue. */
export async function liftFreeze(
  scope: EventScope,
  by: string,
  text: string,
): Promise<{ issue: number; freeze: CommandFreeze } | undefined> {
  const known = await load(scope);
  const freeze = freezeInForce(known.records, scope.bot.now().toISOString());
  const newest = known.records[0];
  if (!freeze || !newest || known.issue === undefined) return undefined;
  const lifted: FreezeRecord = {
    ...newest,
    active: false,
    liftedBy: by,
    liftedAt: scope.bot.now().toISOString(),
  };
  await scope.gh.updateIssue(known.issue, {
    body: freezeIssueBody(lifted, await keyOf(scope), text),
    state: 'closed',
  });
  cacheOf(scope.bot).set(repoKey(scope), { ...known, records: [lifted, ...known.records.slice(1)] });
  return { issue: known.issue, freeze };
}
