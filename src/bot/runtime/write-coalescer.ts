import { withoutLease } from './coordinated-queue.js';

interface Batch<T> {
  items: T[];
  timer: NodeJS.Timeout;
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

  constructor(private readonly windowMs: number) {}

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
    const wait = coalesce && last !== undefined ? Math.max(0, last + this.windowMs - Date.now()) : 0;
    const batch: Batch<T> = { items: [item], flush, timer: undefined as unknown as NodeJS.Timeout };
    this.pending.set(key, batch);
    this.schedule(key, batch, wait);
  }

  private schedule(key: string, batch: Batch<T>, wait: number): void {
    clearTimeout(batch.timer);
    // The batch runs after the tasks that queued it: keep it out of their lease.
    batch.timer = withoutLease(() => setTimeout(() => this.start(key, batch), wait));
  }

  private start(key: string, batch: Batch<T>): void {
    if (this.pending.get(key) !== batch) return;
    clearTimeout(batch.timer);
    this.pending.delete(key);
    const now = Date.now();
    this.lastFlush.set(key, now);
    for (const [other, at] of this.lastFlush) if (at + this.windowMs < now) this.lastFlush.delete(other);
    const run = batch.flush(batch.items).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Resolves when nothing is waiting or being written. */
  async idle(): Promise<void> {
    while (this.pending.size > 0 || this.running.size > 0) {
      if (this.running.size > 0) await Promise.allSettled([...this.running]);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
