import { createHmac } from 'node:crypto';

/**
 * The ledger HMAC key: SHIPGATE_LEDGER_SECRET, else derived from the webhook secret, so that
 * knowing one signed comment never reveals the webhook secret itself.
 */
export function ledgerSecretFrom(env: { SHIPGATE_LEDGER_SECRET?: string; WEBHOOK_SECRET?: string }): string {
  if (env.SHIPGATE_LEDGER_SECRET) return env.SHIPGATE_LEDGER_SECRET;
  if (!env.WEBHOOK_SECRET) throw new Error('WEBHOOK_SECRET (or SHIPGATE_LEDGER_SECRET) is required');
  return createHmac('sha256', env.WEBHOOK_SECRET).update('shipgate ledger key v1').digest('base64url');
}
