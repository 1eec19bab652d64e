/**
 * The App's webhook delivery log (JWT auth): GitHub keeps every attempt and never redelivers a
 * failed one by itself, so the app reads the log and asks for redeliveries.
 * https://docs.github.com/en/webhooks/using-webhooks/handling-failed-webhook-deliveries
 */
import type { AppOctokit } from './client.js';

/** One attempt of one delivery; a redelivery keeps the `guid` (the `X-GitHub-Delivery` header). */
export interface HookDeliveryAttempt {
  id: number;
  guid: string;
  deliveredAt: Date;
  redelivery: boolean;
  /** 0 when no HTTP answer came (refused, reset, timed out) */
  statusCode: number;
  event: string;
}

/** Attempts newest first, stopping at the first one older than `since` or after `maxAttempts`. */
export async function listHookDeliveries(
  appOctokit: AppOctokit,
  opts: { since: Date; maxAttempts: number },
): Promise<HookDeliveryAttempt[]> {
  const out: HookDeliveryAttempt[] = [];
  // The list is newest first with cursor pagination in the `link` header, which paginate follows.
  for await (const page of appOctokit.paginate.iterator(appOctokit.rest.apps.listWebhookDeliveries, {
    per_page: 100,
  })) {
    for (const item of page.data) {
      const deliveredAt = new Date(item.delivered_at);
      if (deliveredAt < opts.since || out.length >= opts.maxAttempts) return out;
      out.push({
        id: item.id,
        guid: item.guid,
        deliveredAt,
        redelivery: item.redelivery,
        statusCode: item.status_code,
        event: item.event,
      });
    }
  }
  return out;
}

/** Asks GitHub to deliver an attempt's event again (202; it arrives as a new attempt, same guid). */
export async function requestRedelivery(appOctokit: AppOctokit, attemptId: number): Promise<void> {
  await appOctokit.rest.apps.redeliverWebhookDelivery({ delivery_id: attemptId });
}
