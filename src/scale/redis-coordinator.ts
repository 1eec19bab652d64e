/**
 * Coordination across replicas through ONE Redis server (a primary; not Redlock across N masters).
 *
 * Why it is safe:
 * - Mutual exclusion: a key's lock is `SET lock:{key} <random owner> NX PX <ttl>`, which succeeds
 *   for one caller only; it is released by a compare-and-delete script, so a holder whose lock
 *   expired can never delete the next holder's lock. While the task runs, a compare-and-PEXPIRE
 *   script extends the lock every ttl/3, so a healthy holder keeps it however long GitHub takes.
 * - Fencing: acquiring also INCRs `fence:{key}` in the same script, so every holder gets a larger
 *   token than all earlier ones. A holder that stalls past its ttl (GC pause, partition) loses the
 *   lock; `lease.assertValid()` then rejects with LeaseLost, because the lock no longer holds its
 *   owner value and/or the fence has moved past its token. The bot calls it right before each
 *   GitHub write, so a stalled replica stops instead of overwriting newer state. The fence counter
 *   expires 7 days after the key's last acquisition (so idle PRs do not pile up keys); no lease
 *   lives anywhere near that long, and the owner check alone already rejects an expired holder.
 *
 * What it does NOT guarantee:
 * - A check-then-write is not atomic with the write to GitHub: a holder can pass assertValid and
 *   then stall before its request lands. The last line of defence is the ledger itself: it is
 *   append-only and its event count only grows; the bot never writes a ledger shorter than the one
 *   it read (the longest verified copy wins), so a late write from a stale holder cannot undo events.
 * - Single Redis: if the primary fails over to a replica that missed the latest SET, two holders can
 *   briefly overlap (Redis replication is asynchronous); fencing plus the ledger rule above limit
 *   the damage to a redundant comment/check update. Keys share a `{key}` hash tag, so both keys of
 *   a script live on one cluster slot, but Redlock-style quorum is out of scope.
 * - Order: no FIFO across replicas (GitHub does not promise delivery order either). Within one
 *   replica, tasks for a key still run in arrival order (a local queue in front of the lock).
 * - Waiting is bounded (`waitTimeoutMs`, default 30 s) and then fails with LockWaitTimeout.
 * - Delivery de-dup is `SET delivery:<id> 1 NX EX <1 day>`: once per day per id, not forever.
 */
import { randomUUID } from 'node:crypto';
import { type Coordinator, CoordinatorClosed, type Lease, LockWaitTimeout } from './coordinator.js';
import { KeyedFifo } from './local-coordinator.js';
import { type RedisClientOptions, RedisConnection } from './redis-client.js';
import { RedisLease } from './redis-lease.js';
import { LockScripts, runScript } from './redis-scripts.js';

export interface RedisCoordinatorOptions extends RedisClientOptions {
  /** Lock expiry; extended every ttl/3 while the task runs (default 30 s). */
  lockTtlMs?: number;
  /** Keep extending the lock while the task runs (default true; tests turn it off to simulate a stall). */
  extendLease?: boolean;
  /** Longest wait for a busy key before LockWaitTimeout (default 30 s). */
  waitTimeoutMs?: number;
  /** How long a delivery id stays claimed (default 1 day; GitHub redeliveries come sooner). */
  deliveryTtlSec?: number;
  /** Prefix of every key this coordinator writes (default `shipgate:`). */
  keyPrefix?: string;
  /** Failures that do not fail the task (release or extension errors), for the bot's logger. */
  onWarning?: (message: string) => void;
}

/** The fence counter outlives any lease by far; idle keys then expire instead of piling up. */
const FENCE_TTL_MS = 7 * 24 * 3600_000;
const POLL_MIN_MS = 5;
const POLL_MAX_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRedisCoordinator(redisUrl: string, options: RedisCoordinatorOptions = {}): Coordinator {
  const connection = new RedisConnection(redisUrl, options);
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  const waitTimeoutMs = options.waitTimeoutMs ?? 30_000;
  const deliveryTtlSec = options.deliveryTtlSec ?? 24 * 3600;
  const prefix = options.keyPrefix ?? 'shipgate:';
  const warn = options.onWarning ?? (() => undefined);
  const fifo = new KeyedFifo();
  let closed = false;

  const keysOf = (key: string): [string, string] => [`${prefix}lock:{${key}}`, `${prefix}fence:{${key}}`];

  /** Polls with jittered exponential back-off until the lock is ours; returns the fencing token. */
  async function acquire(key: string, owner: string): Promise<number> {
    const started = Date.now();
    let ceiling = POLL_MIN_MS;
    for (;;) {
      if (closed) throw new CoordinatorClosed();
      const token = await connection.call(`acquiring the lock on '${key}'`, (redis) =>
        runScript(redis, LockScripts.acquire, keysOf(key), [owner, lockTtlMs, FENCE_TTL_MS]),
      );
      if (token > 0) return token;
      const waited = Date.now() - started;
      if (waited >= waitTimeoutMs) throw new LockWaitTimeout(key, waited);
      // Full jitter spreads replicas polling the same key; never sleep past the deadline.
      await sleep(Math.min(Math.random() * ceiling, waitTimeoutMs - waited) + 1);
      ceiling = Math.min(ceiling * 2, POLL_MAX_MS);
    }
  }

  async function release(key: string, owner: string): Promise<void> {
    try {
      const released = await connection.call(`releasing the lock on '${key}'`, (redis) =>
        runScript(redis, LockScripts.release, keysOf(key), [owner]),
      );
      if (released === 0) warn(`lock on '${key}' had already expired when its task finished`);
    } catch (error) {
      // The task's outcome stands; the lock expires by itself within lockTtlMs.
      warn(error instanceof Error ? error.message : String(error));
    }
  }

  return {
    runExclusive<T>(key: string, task: (lease: Lease) => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new CoordinatorClosed());
      return fifo.run(key, async () => {
        const owner = randomUUID();
        const fencingToken = await acquire(key, owner);
        const lease = new RedisLease({
          connection,
          key,
          keys: keysOf(key),
          owner,
          fencingToken,
          lockTtlMs,
          warn,
        });
        if (options.extendLease !== false) lease.startExtending();
        try {
          return await task(lease);
        } finally {
          lease.finish();
          await release(key, owner);
        }
      });
    },

    async claimDelivery(id) {
      if (closed) throw new CoordinatorClosed();
      const reply = await connection.call(`claiming delivery ${id}`, (redis) =>
        redis.set(`${prefix}delivery:${id}`, '1', 'EX', deliveryTtlSec, 'NX'),
      );
      return reply === 'OK';
    },

    async releaseDelivery(id) {
      await connection.call(`releasing delivery ${id}`, (redis) => redis.del(`${prefix}delivery:${id}`));
    },

    async recall(key) {
      const value = await connection.call(`reading shared state ${key}`, (redis) =>
        redis.get(`${prefix}state:${key}`),
      );
      return value ?? undefined;
    },

    async remember(key, value, ttlSec) {
      await connection.call(`writing shared state ${key}`, (redis) =>
        redis.set(`${prefix}state:${key}`, value, 'EX', ttlSec),
      );
    },

    async close() {
      if (closed) return;
      closed = true;
      await connection.close();
    },
  };
}
