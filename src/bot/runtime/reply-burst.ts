import { formatRejectionReply } from '../../core/decide/plan-ticks.js';
import { withoutLease } from './coordinated-queue.js';

interface PendingReply {
  lines: string[];
  flushed: Promise<void>;
}

/**
 * Collects the explanations of reverted ticks per PR for a short window and posts them as one
 * reply: a burst of edits (several people, or one person ticking fast) gets one comment, not one
 * per webhook.
 */
export class ReplyBurst {
  private readonly pending = new Map<string, PendingReply>();

  constructor(
    private readonly windowMs: number,
    /** An explanation is best effort (the revert already happened): failures are only reported. */
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  add(key: string, lines: readonly string[], post: (body: string) => Promise<unknown>): void {
    if (lines.length === 0) return;
    const open = this.pending.get(key);
    if (open) {
      for (const line of lines) if (!open.lines.includes(line)) open.lines.push(line);
      return;
    }
    const entry: PendingReply = { lines: [...new Set(lines)], flushed: Promise.resolve() };
    entry.flushed = new Promise<void>((resolve) => {
      // The reply is posted after the PR's task (and its lease) ended: schedule it outside the lease.
      withoutLease(() =>
        setTimeout(() => {
          this.pending.delete(key);
          post(formatRejectionReply(entry.lines))
            .catch((error: unknown) => this.onError(error))
            .finally(resolve);
        }, this.windowMs),
      );
    });
    this.pending.set(key, entry);
  }

  /** Replies waiting for their burst to end or being posted. */
  get size(): number {
    return this.pending.size;
  }

  /** Resolves when every pending reply has been posted. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending.values()].map((entry) => entry.flushed));
  }
}
