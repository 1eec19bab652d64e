import { type Lease, LeaseLost } from './coordinator.js';
import type { RedisConnection } from './redis-client.js';
import { LockScripts, runScript } from './redis-scripts.js';

export interface RedisLeaseInit {
  connection: RedisConnection;
  key: string;
  /** [lock key, fence key] in Redis. */
  keys: [string, string];
  /** The random value stored in the lock: only this holder's scripts match it. */
  owner: string;
  fencingToken: number;
  lockTtlMs: number;
  warn: (message: string) => void;
}

/** One holder's lease on a key: extends the lock while the task runs, and checks it before writes. */
export class RedisLease implements Lease {
  readonly fencingToken: number;
  /** Set once we know the lease is gone, so later checks fail without a round trip. */
  private lostReason: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private extending = false;

  constructor(private readonly init: RedisLeaseInit) {
    this.fencingToken = init.fencingToken;
  }

  /** Compare-and-PEXPIRE every ttl/3: two missed extensions still leave the lock alive. */
  startExtending(): void {
    const { lockTtlMs } = this.init;
    this.timer = setInterval(() => void this.extendOnce(), Math.max(1, Math.floor(lockTtlMs / 3)));
    this.timer.unref();
  }

  private async extendOnce(): Promise<void> {
    if (this.extending || this.lostReason) return;
    this.extending = true;
    const { connection, key, keys, owner, lockTtlMs, warn } = this.init;
    try {
      const extended = await connection.call(`extending the lock on '${key}'`, (redis) =>
        runScript(redis, LockScripts.extend, keys, [owner, lockTtlMs]),
      );
      if (extended === 0) this.markLost('it expired before it could be extended');
    } catch (error) {
      // Maybe still ours (Redis may come back before the ttl runs out); assertValid decides.
      warn(error instanceof Error ? error.message : String(error));
    } finally {
      this.extending = false;
    }
  }

  private markLost(reason: string): void {
    this.lostReason ??= reason;
    this.stopExtending();
  }

  private stopExtending(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The task settled: stop extending; the lease no longer protects anything. */
  finish(): void {
    this.markLost('the task that held it has finished');
  }

  async assertValid(): Promise<void> {
    const { connection, key, keys, owner } = this.init;
    if (this.lostReason) throw new LeaseLost(key, this.fencingToken, this.lostReason);
    const state = await connection.call(`checking the lease on '${key}'`, (redis) =>
      runScript(redis, LockScripts.check, keys, [owner, this.fencingToken]),
    );
    if (state === 1) return;
    this.markLost(
      state < 0
        ? `a later holder took the key with fencing token ${-state}`
        : 'the lock expired or is held by another replica',
    );
    throw new LeaseLost(key, this.fencingToken, this.lostReason ?? 'lost');
  }
}
