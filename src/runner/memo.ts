/** One computation per key for the whole run: a shared Lighthouse run or load test serves every item. */
export function createMemo(): <T>(key: string, compute: () => Promise<T>) => Promise<T> {
  const store = new Map<string, Promise<unknown>>();
  return <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    let pending = store.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = compute();
      store.set(key, pending);
    }
    return pending;
  };
}
