import { type Coordinator, CoordinatorClosed, type Lease, LeaseLost } from './coordinator.js';

/**
 * Per-key FIFO: each task starts when the previous task for its key settles. Finished keys are
 * dropped, so memory follows the number of busy keys, not every key ever seen. Same semantics as
 * the bot's KeyedQueue; the Redis coordinator uses it too, so one replica's tasks for a key queue
 * in arrival order and only the head of the queue polls Redis.
 */
export class KeyedFifo {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  get busyKeys(): number {
    return this.tails.size;
  }
}

/** Recent delivery ids, oldest forgotten first beyond `max` (a redelivery comes within hours). */
class RecentIds {
  private readonly seen = new Set<string>();
  constructor(private readonly max: number) {}

  claim(id: string): boolean {
    if (this.seen.has(id)) return false;
    if (this.seen.size >= this.max) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    this.seen.add(id);
    return true;
  }

  release(id: string): void {
    this.seen.delete(id);
  }
}

export interface LocalCoordinatorOptions {
  /** How many delivery ids to remember (default 10,000, like the bot's DeliveryLog). */
  maxDeliveries?: number;
}

/**
 * One process: nothing can steal a lease while its task runs, so a lease is valid exactly until
 * its task settles. Fencing tokens come from one counter, so they grow per key too.
 */
export function createLocalCoordinator(options: LocalCoordinatorOptions = {}): Coordinator {
  const fifo = new KeyedFifo();
  const deliveries = new RecentIds(options.maxDeliveries ?? 10_000);
  const shared = new Map<string, { value: string; expires: number }>();
  const maxShared = options.maxDeliveries ?? 10_000;
  let lastToken = 0;
  let closed = false;

  return {
    runExclusive<T>(key: string, task: (lease: Lease) => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new CoordinatorClosed());
      return fifo.run(key, async () => {
        const fencingToken = ++lastToken;
        let held = true;
        const lease: Lease = {
          fencingToken,
          async assertValid() {
            if (!held) throw new LeaseLost(key, fencingToken, 'the task that held it has finished');
          },
        };
        try {
          return await task(lease);
        } finally {
          held = false;
        }
      });
    },
    async claimDelivery(id) {
      if (closed) throw new CoordinatorClosed();
      return deliveries.claim(id);
    },
    async releaseDelivery(id) {
      deliveries.release(id);
    },
    async recall(key) {
      const entry = shared.get(key);
      if (!entry || entry.expires < Date.now()) return undefined;
      return entry.value;
    },
    async remember(key, value, ttlSec) {
      shared.delete(key);
      shared.set(key, { value, expires: Date.now() + ttlSec * 1000 });
      if (shared.size > maxShared) {
        const oldest = shared.keys().next().value;
        if (oldest !== undefined) shared.delete(oldest);
      }
    },
    async close() {
      closed = true;
    },
  };
}
