import type { CheckContext } from '../../checks/check.js';

/** A real CheckContext for runtime checks: in-memory memo, collected log lines, no GitHub. */
export function runtimeContext(overrides: Partial<CheckContext> = {}): CheckContext & { logs: string[] } {
  const memoStore = new Map<string, Promise<unknown>>();
  const logs: string[] = [];
  return {
    repoDir: process.cwd(),
    env: {},
    signal: new AbortController().signal,
    timeoutMs: 60_000,
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let hit = memoStore.get(key);
      if (!hit) {
        hit = compute();
        memoStore.set(key, hit);
      }
      return hit as Promise<T>;
    },
    log(message: string) {
      logs.push(message);
    },
    ...overrides,
    logs,
  };
}
