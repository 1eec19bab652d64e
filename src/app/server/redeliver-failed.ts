/**
 * Missed-event recovery the GitHub way: GitHub does not redeliver a failed delivery by itself
 * (docs: "Handling failed webhook deliveries"), so at start-up and periodically the app lists its
 * recent deliveries and asks for each failed event to be delivered again, bounded and de-duplicated.
 */
import type { Probot } from 'probot';
import type { BotMetrics } from '../../bot/runtime/bot.js';
import type { AppOctokit } from '../../github/client.js';
import {
  type HookDeliveryAttempt,
  listHookDeliveries,
  requestRedelivery,
} from '../../github/hook-deliveries.js';
import type { Coordinator } from '../../scale/coordinator.js';

/** GitHub redelivers only deliveries from the past 3 days; stay inside that. */
export const REDELIVERY_LOOKBACK_MS = 71 * 3600_000;
export const REDELIVER_INTERVAL_MS = 5 * 60_000;

export interface RedeliveryLimits {
  /** Redeliveries asked for in one pass at most (default 25). */
  maxPerPass: number;
  /** An event that failed this many redeliveries is left alone (default 3). */
  maxRedeliveriesPerEvent: number;
  /** Attempts read from the log in one pass at most (default 1000: ten pages). */
  maxAttempts: number;
}
const DEFAULTS: RedeliveryLimits = { maxPerPass: 25, maxRedeliveriesPerEvent: 3, maxAttempts: 1000 };

/**
 * The newest failed attempt of every event that never succeeded and has redeliveries left, oldest
 * event first (so a later event is not overtaken by an earlier one more than necessary).
 * @example pickRedeliveries(attempts, { maxPerPass: 25, maxRedeliveriesPerEvent: 3, maxAttempts: 1000 })
 */
export function pickRedeliveries(
  attempts: readonly HookDeliveryAttempt[],
  limits: RedeliveryLimits,
): HookDeliveryAttempt[] {
  const byGuid = new Map<string, HookDeliveryAttempt[]>();
  for (const attempt of attempts) byGuid.set(attempt.guid, [...(byGuid.get(attempt.guid) ?? []), attempt]);
  const picked: HookDeliveryAttempt[] = [];
  for (const group of byGuid.values()) {
    if (group.some((a) => a.statusCode >= 200 && a.statusCode < 400)) continue;
    if (group.filter((a) => a.redelivery).length >= limits.maxRedeliveriesPerEvent) continue;
    const newest = group.reduce((a, b) => (b.id > a.id ? b : a)); // attempt ids grow
    picked.push(newest);
  }
  const oldestFirst = picked.sort((a, b) => a.deliveredAt.getTime() - b.deliveredAt.getTime() || a.id - b.id);
  return oldestFirst.slice(0, limits.maxPerPass);
}

/** One pass: read the log, claim each pick (replicas share the coordinator), ask for redeliveries. */
export async function redeliverFailed(
  probot: Probot,
  deps: {
    coordinator: Coordinator;
    metrics?: BotMetrics;
    now: () => Date;
    limits?: Partial<RedeliveryLimits>;
  },
): Promise<number> {
  const limits = { ...DEFAULTS, ...deps.limits };
  const appOctokit = (await probot.auth()) as AppOctokit;
  const since = new Date(deps.now().getTime() - REDELIVERY_LOOKBACK_MS);
  const attempts = await listHookDeliveries(appOctokit, { since, maxAttempts: limits.maxAttempts });
  let requested = 0;
  for (const attempt of pickRedeliveries(attempts, limits)) {
    // One claim per failed attempt: a second pass (or replica) does not ask again for the same
    // failure; a failed redelivery is a new attempt and may be retried up to the limit.
    if (!(await deps.coordinator.claimDelivery(`redeliver:${attempt.id}`))) continue;
    try {
      await requestRedelivery(appOctokit, attempt.id);
      requested++;
      deps.metrics?.redelivery('requested');
      probot.log.info(
        { delivery: attempt.guid, event: attempt.event },
        'asked GitHub to redeliver a failed delivery',
      );
    } catch (error) {
      deps.metrics?.redelivery('error');
      await deps.coordinator.releaseDelivery(`redeliver:${attempt.id}`).catch(() => undefined);
      probot.log.warn({ delivery: attempt.guid, err: error }, 'redelivery request failed');
    }
  }
  return requested;
}
