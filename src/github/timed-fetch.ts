/**
 * The `fetch` Octokit uses, with a deadline per HTTP attempt so a hung GitHub call cannot block a
 * pull request's queue forever, and a report of every attempt (for metrics).
 *
 * A timed-out GET/PATCH/PUT/DELETE fails like a 5xx and is retried by Octokit's retry plugin
 * (they are idempotent). A timed-out POST is not retried: GitHub may have applied it, and a
 * second checklist comment is worse than a failed delivery (GitHub redelivers; the bot finds the
 * comment the first attempt created).
 */
export type AttemptStatus = number | 'timeout' | 'network-error';

export function timedFetch(
  timeoutMs: number,
  onAttempt?: (method: string, status: AttemptStatus) => void,
  base: typeof fetch = globalThis.fetch,
): typeof fetch {
  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      const response = await base(input, { ...init, signal });
      onAttempt?.(method, response.status);
      return response;
    } catch (error) {
      if (!deadline.aborted) {
        onAttempt?.(method, 'network-error');
        throw error;
      }
      onAttempt?.(method, 'timeout');
      const message = `GitHub ${method} timed out after ${timeoutMs} ms`;
      // Octokit rethrows an AbortError as is (no retry); anything else becomes a retried 500.
      const timeout = new Error(
        method === 'POST' ? `${message} (not retried: it may have been applied)` : message,
      );
      timeout.name = method === 'POST' ? 'AbortError' : 'TimeoutError';
      throw timeout;
    }
  };
}
