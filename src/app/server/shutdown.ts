/** Bounded waiting for graceful shutdown (SIGTERM: finish in-flight events, then exit). */

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/** SHIPGATE_SHUTDOWN_TIMEOUT_MS, or 25 s (Kubernetes sends SIGKILL 30 s after SIGTERM by default). */
export function shutdownTimeoutFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.SHIPGATE_SHUTDOWN_TIMEOUT_MS?.trim();
  const value = raw ? Number(raw) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_SHUTDOWN_TIMEOUT_MS;
}

/** true when `work` settled within `ms`; false when the time ran out (the work keeps running). */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      expired,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
