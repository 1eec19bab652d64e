/**
 * GitHub's secondary rate limits, per caller (installation, Actions token, user):
 * - "No more than 100 concurrent requests are allowed" (REST and GraphQL together);
 * - "No more than 80 content-generating requests per minute and no more than 500
 *   content-generating requests per hour are generally allowed";
 * answered with "a 403 or 429 response and an error message that indicates that you exceeded a
 * secondary rate limit. If the retry-after response header is present, you should not retry your
 * request until after that many seconds has elapsed."
 * Source: https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
 *
 * Content-generating requests are modelled as every POST, PATCH, PUT and DELETE (GitHub does not
 * publish the exact list; creating comments, check runs and issues is what shipgate does). A
 * refused request does not count. `retry-after` is the whole seconds until the window has room
 * again, which is what a client waiting exactly that long needs. GitHub also applies CPU-time and
 * per-endpoint limits it does not publish: not modelled.
 */
import type { SimResponse } from './http.js';

export interface SecondaryLimitOptions {
  /** content-generating requests per rolling minute (GitHub: 80) */
  perMinute?: number;
  /** length of that "minute" (default 60 s; tests shorten it so a retry-after wait stays short) */
  windowMs?: number;
  /** content-generating requests per rolling hour (GitHub: 500) */
  perHour?: number;
  /** requests in flight at once (GitHub: 100) */
  concurrent?: number;
  /** GitHub answers 403 or 429; default 403 (what Octokit's throttling plugin was written against) */
  status?: 403 | 429;
}

export const GITHUB_SECONDARY_LIMITS: Required<SecondaryLimitOptions> = {
  perMinute: 80,
  windowMs: 60_000,
  perHour: 500,
  concurrent: 100,
  status: 403,
};

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const DOCS =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits';

export class SecondaryLimits {
  readonly options: Required<SecondaryLimitOptions>;
  /** accepted content-generating requests per caller, oldest first (ms timestamps) */
  private readonly writes = new Map<string, number[]>();
  private readonly inflight = new Map<string, number>();
  /** refused requests, for tests: caller, method, path, retry-after seconds */
  readonly refused: Array<{ caller: string; method: string; path: string; retryAfter: number; at: number }> =
    [];

  constructor(
    options: SecondaryLimitOptions = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.options = { ...GITHUB_SECONDARY_LIMITS, ...options };
  }

  /** Admit a request (call `leave` when it is answered) or answer it with GitHub's refusal. */
  enter(caller: string, method: string, path: string): SimResponse | undefined {
    const now = this.clock();
    const { perMinute, windowMs, perHour, concurrent } = this.options;
    const busy = this.inflight.get(caller) ?? 0;
    if (busy >= concurrent) return this.refuse(caller, method, path, 1, now);
    if (WRITES.has(method) && caller !== 'anonymous') {
      const times = (this.writes.get(caller) ?? []).filter((t) => t > now - 3600_000);
      this.writes.set(caller, times);
      const lastMinute = times.filter((t) => t > now - windowMs);
      // seconds until the oldest write of the full window leaves it
      if (lastMinute.length >= perMinute)
        return this.refuse(caller, method, path, secondsUntil((lastMinute[0] ?? now) + windowMs, now), now);
      if (times.length >= perHour)
        return this.refuse(caller, method, path, secondsUntil((times[0] ?? now) + 3600_000, now), now);
      times.push(now);
    }
    this.inflight.set(caller, busy + 1);
    return undefined;
  }

  leave(caller: string): void {
    this.inflight.set(caller, Math.max(0, (this.inflight.get(caller) ?? 1) - 1));
  }

  private refuse(caller: string, method: string, path: string, retryAfter: number, at: number): SimResponse {
    this.refused.push({ caller, method, path, retryAfter, at });
    return {
      status: this.options.status,
      headers: { 'retry-after': String(retryAfter) },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
        documentation_url: DOCS,
        status: String(this.options.status),
      },
    };
  }
}

function secondsUntil(when: number, now: number): number {
  return Math.max(1, Math.ceil((when - now) / 1000));
}
