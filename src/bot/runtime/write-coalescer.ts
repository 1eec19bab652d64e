import { withoutLease } from './coordinated-queue.js';

/**
 * The time the coalescer reckons its windows by, and its one kind of timer. Production runs on
 * the wall clock (`wallClock`); a test passes one it moves by hand, so what falls within one window
 * does not depend on how busy the machine is.
 */
export interface WindowClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fn` once `ms` have passed on this clock; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const wallClock: WindowClock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

interface Batch<T> {
  items: T[];
  cancel: () => void;
  flush: (items: T[]) => Promise<void>;
}

/**
 * Folds a PR's toggles into as few GitHub writes as GitHub's content limits ask for (about 80
 * writes a minute per installation). A toggle on a quiet PR is written at once; toggles that
 * arrive while that write is in flight, or within `windowMs` of its start, wait for the end of the
 * window and are written together: one comment update and one check-run update for the burst.
 * Anything else (a push, results, a merge) is never held back: a burst waiting before it is
 * written first, at once, so each is decided against the head it was meant for.
 * In-process only: across replicas each one folds its own deliveries; the PR's lease still orders them.
 */
export class WriteCoalescer<T> {
  private readonly pending = new Map<string, Batch<T>>();
  private readonly lastFlush = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly windowMs: number,
    private readonly clock: WindowClock = wallClock,
  ) {}

  add(key: string, item: T, coalesce: boolean, flush: (items: T[]) => Promise<void>): void {
    const open = this.pending.get(key);
    if (open && coalesce) {
      open.items.push(item);
      open.flush = flush;
      return;
    }
    // Anything else goes in its own session; a waiting burst is written first, right away.
    if (open) this.start(key, open);
    const last = this.lastFlush.get(key);
    const wait = coalesce && last !== undefined ? Math.max(0, last + this.windowMs - this.clock.now()) : 0;
    const batch: Batch<T> = { items: [item], flush, cancel: () => undefined };
    this.pending.set(key, batch);
    // The batch runs after the tasks that queued it: keep it out of their lease.
    batch.cancel = withoutLease(() => this.clock.after(wait, () => this.start(key, batch)));
  }

  private start(key: string, batch: Batch<T>): void {
    if (this.pending.get(key) !== batch) return;
    batch.cancel();
    this.pending.delete(key);
    const now = this.clock.now();
    this.lastFlush.set(key, now);
    for (const [other, at] of this.lastFlush) if (at + this.windowMs < now) this.lastFlush.delete(other);
    const run = batch.flush(batch.items).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** How many items wait in open batches (not yet being written). */
  waiting(): number {
    let count = 0;
    for (const batch of this.pending.values()) count += batch.items.length;
    return count;
  }

  /** Items waiting in open batches plus batches being written: 0 when nothing is left to write. */
  busy(): number {
    return this.waiting() + this.running.size;
  }

  /** Resolves when nothing is waiting or being written. */
  async idle(): Promise<void> {
    while (this.pending.size > 0 || this.running.size > 0) {
      if (this.running.size > 0) await Promise.allSettled([...this.running]);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
