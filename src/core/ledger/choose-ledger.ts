import { type Ledger, verifyLedger } from './ledger.js';

/** How many events a ledger holds in total (compacted + itemised): it only ever grows. */
export function ledgerLength(ledger: Ledger): number {
  return ledger.base.count + ledger.events.length;
}

/**
 * Picks the state to trust among candidate copies (memory, the comment before/after an edit, the
 * check-run mirror): only copies that verify, and of those the longest. The ledger is append-only,
 * so an older valid block pasted back (a rollback attempt) always loses to the newer one.
 */
export function chooseLedger(
  candidates: readonly (Ledger | undefined)[],
  secret: string,
): Ledger | undefined {
  let best: Ledger | undefined;
  for (const candidate of candidates) {
    if (!candidate || !verifyLedger(candidate, secret)) continue;
    if (!best || ledgerLength(candidate) > ledgerLength(best)) best = candidate;
  }
  return best;
}
