/**
 * Head commits of release PRs waiting for `shipgate/checks` results, and the commits the checks
 * workflow was already dispatched for. In memory, bounded: after a restart the clock starts again,
 * so a commit whose results still never came may be dispatched once more (by then it is overdue).
 */
export interface AwaitedCommit {
  owner: string;
  repo: string;
  number: number;
  sha: string;
  /** When the bot first saw this head (ISO, from the bot's clock). */
  since: string;
  /** Epoch ms after which the commit is overdue. */
  dueAt: number;
}

const MAX_ENTRIES = 2000;

export class AwaitingResults {
  private readonly waiting = new Map<string, AwaitedCommit>();
  private readonly dispatched = new Set<string>();

  static key(owner: string, repo: string, sha: string): string {
    return `${owner}/${repo}@${sha}`.toLowerCase();
  }

  /** Starts the clock for a head commit unless it is already running (or done). */
  watch(entry: AwaitedCommit): void {
    const key = AwaitingResults.key(entry.owner, entry.repo, entry.sha);
    if (this.waiting.has(key) || this.dispatched.has(key)) return;
    if (this.waiting.size >= MAX_ENTRIES) {
      const oldest = this.waiting.keys().next().value;
      if (oldest !== undefined) this.waiting.delete(oldest);
    }
    this.waiting.set(key, entry);
  }

  stop(owner: string, repo: string, sha: string): void {
    this.waiting.delete(AwaitingResults.key(owner, repo, sha));
  }

  /** Records the one dispatch for a commit (and stops waiting for it). */
  markDispatched(owner: string, repo: string, sha: string): void {
    const key = AwaitingResults.key(owner, repo, sha);
    this.waiting.delete(key);
    if (this.dispatched.size >= MAX_ENTRIES) {
      const oldest = this.dispatched.values().next().value;
      if (oldest !== undefined) this.dispatched.delete(oldest);
    }
    this.dispatched.add(key);
  }

  wasDispatched(owner: string, repo: string, sha: string): boolean {
    return this.dispatched.has(AwaitingResults.key(owner, repo, sha));
  }

  /** Entries overdue at `nowMs`, optionally only those of one repository. */
  overdue(nowMs: number, repo?: { owner: string; repo: string }): AwaitedCommit[] {
    const prefix = repo ? `${repo.owner}/${repo.repo}@`.toLowerCase() : '';
    return [...this.waiting.entries()]
      .filter(([key, entry]) => key.startsWith(prefix) && entry.dueAt <= nowMs)
      .map(([, entry]) => entry);
  }

  get size(): number {
    return this.waiting.size;
  }
}
