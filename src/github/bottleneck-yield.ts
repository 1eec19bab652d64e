/**
 * Octokit's retry and throttling plugins queue every request through Bottleneck (3–4 limiters per
 * call). Bottleneck's in-memory datastore "yields" with `setTimeout(0)` — clamped to ≥ 1 ms by
 * Node — several times per job, which added ~15 ms of pure timer wait to every GitHub request.
 * Yielding with `setImmediate` keeps the same ordering (still a macrotask, I/O still runs) without
 * the clamp. Limits, `minTime` and retry waits (`t > 0`) are unchanged.
 */
import Bottleneck from 'bottleneck';
import BottleneckLight from 'bottleneck/light.js';

interface Yielding {
  yieldLoop(t?: number): Promise<void>;
  Promise: PromiseConstructor;
}

let patched = false;

/** Patches both builds: the plugins use `bottleneck/light.js`, our write/notification groups `bottleneck`. */
export function useFastBottleneckYield(): void {
  if (patched) return;
  patched = true;
  for (const Limiter of [Bottleneck, BottleneckLight]) patchStore(new Limiter());
}

function patchStore(probe: Bottleneck): void {
  const store = (probe as unknown as { _store?: object })._store;
  const proto = store ? (Object.getPrototypeOf(store) as Partial<Yielding>) : undefined;
  if (!proto || typeof proto.yieldLoop !== 'function') return; // another Bottleneck version: leave it
  proto.yieldLoop = function (this: Yielding, t = 0) {
    return new this.Promise<void>((resolve) => {
      if (t > 0) setTimeout(resolve, t);
      else setImmediate(resolve);
    });
  };
}
