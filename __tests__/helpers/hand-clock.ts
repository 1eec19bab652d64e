/**
 * A WindowClock (src/bot/runtime/write-coalescer.ts) that stands still until the test moves it:
 * what falls within one write window is then decided by the test, not by how busy the machine is.
 * A timer already due (0 ms) fires on the next turn of the event loop, as on the wall clock.
 */
import type { WindowClock } from '../../src/bot/runtime/write-coalescer.js';

export class HandClock implements WindowClock {
  private at = Date.parse('2026-01-05T09:00:00Z');
  private timers: { due: number; fn: () => void }[] = [];

  now(): number {
    return this.at;
  }

  after(ms: number, fn: () => void): () => void {
    if (ms <= 0) {
      const timer = setTimeout(fn, 0);
      return () => clearTimeout(timer);
    }
    const timer = { due: this.at + ms, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves the clock on by `ms` and fires, in order, every timer now due. */
  advance(ms: number): void {
    this.at += ms;
    const due = this.timers.filter((t) => t.due <= this.at).sort((a, b) => a.due - b.due);
    this.timers = this.timers.filter((t) => t.due > this.at);
    for (const timer of due) timer.fn();
  }

  /** Timers set and not yet due. */
  get waiting(): number {
    return this.timers.length;
  }
}
