import { AsyncLocalStorage } from 'node:async_hooks';
import type { GitHub } from '../../github/types.js';
import { type Coordinator, type Lease, LeaseLost } from '../../scale/coordinator.js';

const leases = new AsyncLocalStorage<Lease>();

/**
 * Per-PR exclusivity through the coordinator (in-process, or Redis across replicas). Handlers
 * keep calling `queue.run(prKey, task)`; the lease travels with the task in async context so the
 * GitHub adapter can check it before every write (fencing).
 */
export class CoordinatedQueue {
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(private readonly coordinator: Coordinator) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const attempt = () => this.coordinator.runExclusive(key, (lease) => leases.run(lease, task));
    // A lease lost mid-task (this replica stalled past its TTL) means another replica may have
    // written newer state: run the handler again under a fresh lease; it re-reads GitHub first.
    const running = attempt().catch((error: unknown) => {
      if (error instanceof LeaseLost) return attempt();
      throw error;
    });
    this.inflight.add(running);
    void running.catch(() => undefined).finally(() => this.inflight.delete(running));
    return running;
  }

  /** PR tasks queued or running. */
  get size(): number {
    return this.inflight.size;
  }

  async idle(): Promise<void> {
    for (let i = 0; i < 100 && this.inflight.size > 0; i++) await Promise.allSettled([...this.inflight]);
  }
}

/** Runs `fn` outside any lease: for work scheduled now but done after the PR's task has finished. */
export function withoutLease<T>(fn: () => T): T {
  return leases.exit(fn);
}

const WRITE_METHOD =
  /^(create|update|delete|add|remove|dispatch|review|approve|reject|upload|post|patch|set)/;

/** Wraps the GitHub adapter so every write first proves this replica still holds the PR's lease. */
export function fencedGitHub(gh: GitHub): GitHub {
  return new Proxy(gh, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || typeof value !== 'function' || !WRITE_METHOD.test(property))
        return value;
      return async (...args: unknown[]) => {
        await leases.getStore()?.assertValid();
        return (value as (...inner: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
