/**
 * What the bot needs to run as one process or as several replicas behind a load balancer:
 * events for one pull request handled one at a time (`runExclusive`), and each webhook delivery
 * handled once (`claimDelivery`). Two implementations: in-process (local-coordinator.ts) and
 * Redis (redis-coordinator.ts); `createCoordinator` (create-coordinator.ts) picks one from the env.
 */

/** Proof of holding a key's lock, checked right before each write to GitHub. */
export interface Lease {
  /** Grows with every acquisition of the key: a later holder always has a larger token. */
  readonly fencingToken: number;
  /** Rejects with `LeaseLost` if the lock expired, was released, or a later holder took the key. */
  assertValid(): Promise<void>;
}

export interface Coordinator {
  /** Runs `task` while holding `key`'s lock; tasks for one key never overlap, even across replicas. */
  runExclusive<T>(key: string, task: (lease: Lease) => Promise<T>): Promise<T>;
  /** true for exactly one caller per delivery id (until released or expired). */
  claimDelivery(id: string): Promise<boolean>;
  /** Forget a delivery whose handling failed, so GitHub's redelivery can retry it. */
  releaseDelivery(id: string): Promise<void>;
  /**
   * Shared state between replicas, read and written under a key's lock: the bot keeps each PR's
   * newest signed ledger here so a replica never builds on an older copy another replica replaced.
   */
  recall(key: string): Promise<string | undefined>;
  remember(key: string, value: string, ttlSec: number): Promise<void>;
  /** Stops taking work and releases connections. */
  close(): Promise<void>;
}

/** The lease no longer protects the key: do not write, give up this event (a later holder has it). */
export class LeaseLost extends Error {
  override readonly name = 'LeaseLost';
  constructor(
    readonly key: string,
    readonly fencingToken: number,
    reason: string,
  ) {
    super(`lease on '${key}' (fencing token ${fencingToken}) lost: ${reason}`);
  }
}

/** Waited the whole bounded time for a key another holder kept busy. */
export class LockWaitTimeout extends Error {
  override readonly name = 'LockWaitTimeout';
  constructor(
    readonly key: string,
    waitedMs: number,
  ) {
    super(`timed out after ${waitedMs} ms waiting for the lock on '${key}' (another replica holds it)`);
  }
}

/** The coordination backend (Redis) failed or is unreachable; the message says what was being done. */
export class CoordinatorUnavailable extends Error {
  override readonly name = 'CoordinatorUnavailable';
}

/** The coordinator was closed before or while the call waited. */
export class CoordinatorClosed extends Error {
  override readonly name = 'CoordinatorClosed';
  constructor() {
    super('coordinator is closed');
  }
}
