/**
 * Runs tasks one at a time per key (one pull request), in arrival order; different keys run in
 * parallel. This is what keeps one comment per PR and applies every edit delta in order.
 */
export class KeyedQueue {
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

  /** Resolves when every queued task has finished (for shutdown and tests). */
  async idle(): Promise<void> {
    for (let i = 0; i < 100 && this.tails.size > 0; i++) await Promise.allSettled([...this.tails.values()]);
  }
}

/** Remembers recent webhook delivery ids so a redelivery changes nothing. */
export class DeliveryLog {
  private readonly seen = new Set<string>();

  constructor(private readonly max = 10_000) {}

  /** true the first time an id is claimed. */
  claim(id: string): boolean {
    if (this.seen.has(id)) return false;
    if (this.seen.size >= this.max) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    this.seen.add(id);
    return true;
  }

  /** Forget an id whose handling failed, so GitHub's redelivery can retry it. */
  release(id: string): void {
    this.seen.delete(id);
  }
}
