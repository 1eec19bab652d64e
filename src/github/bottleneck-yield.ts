/**
 * Octokit's retry and throttling plugins queue every request through Bottleneck (3–4 limiters per
 * call). Bottleneck's in-memory datastore "yields" with `setTimeout(0)` — clamped to ≥ 1 ms by
 * Node — several times per job, which added ~15 ms of pure timer wait to every GitHub request.
 * Yielding with `setImmediate` keeps the same ordering (still a macrotask, I/O still runs) without
 * the clamp. Limits, `minTime` and retry waits (`t > 0`) are unchanged.
 */
import Bottleneck from 'bottleneck/light.js';

interface Yielding {
  yieldLoop(t?: number): Promise<void>;
  Promise: PromiseConstructor;
}

let patched = false;

export function useFastBottleneckYield(): void {
  if (patched) return;
  patched = true;
  const probe = new Bottleneck() as unknown as { _store?: object };
  const store = probe._store ? (Object.getPrototypeOf(probe._store) as Partial<Yielding>) : undefined;
  if (!store || typeof store.yieldLoop !== 'function') return; // another Bottleneck version: leave it
  store.yieldLoop = function (this: Yielding, t = 0) {
    return new this.Promise<void>((resolve) => {
      if (t > 0) setTimeout(resolve, t);
      else setImmediate(resolve);
    });
  };
}
