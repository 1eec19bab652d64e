import Bottleneck from 'bottleneck';
import { ProbotOctokit } from 'probot';
import { useFastBottleneckYield } from './bottleneck-yield.js';
import { type AttemptStatus, timedFetch } from './timed-fetch.js';

export interface OctokitTuning {
  /** Spacing between writes per installation. GitHub asks for ≥ 1 s (Probot's default); tests lower it. */
  writeIntervalMs?: number;
  /** Spacing between requests that notify people (comments); Probot's default is 3 s. */
  notificationIntervalMs?: number;
  /** Base of the retry back-off for 5xx (plugin-retry waits retryCount² × base ms). */
  retryBaseMs?: number;
  /** Multiplier for rate-limit waits (Retry-After seconds × this ms). */
  rateLimitBaseMs?: number;
  /** Deadline per HTTP attempt (default 30 s; SHIPGATE_GITHUB_TIMEOUT_MS): a hung call fails and is retried. */
  requestTimeoutMs?: number;
  /**
   * Clusters the rate-limit state (Bottleneck) through Redis so replicas share one budget per
   * installation. Owned by the caller, who disconnects it on shutdown.
   */
  connection?: Bottleneck.IORedisConnection;
  /** Told about every HTTP attempt and every retried request (metrics). */
  observer?: {
    attempt(method: string, status: AttemptStatus): void;
    retried(method: string, retries: number): void;
  };
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Probot's Octokit with retry and throttling left on; only their timings are tunable. Secondary
 * rate limits are retried (Probot's default only logs them) a few times, honouring Retry-After.
 */
export function tunedOctokit(tuning: OctokitTuning = {}): typeof ProbotOctokit {
  useFastBottleneckYield();
  const write =
    tuning.writeIntervalMs === undefined
      ? undefined
      : new Bottleneck.Group({ id: 'shipgate-write', maxConcurrent: 1, minTime: tuning.writeIntervalMs });
  const notifications =
    tuning.notificationIntervalMs === undefined
      ? undefined
      : new Bottleneck.Group({
          id: 'shipgate-notify',
          maxConcurrent: 1,
          minTime: tuning.notificationIntervalMs,
        });
  const fetch = timedFetch(tuning.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, (method, status) =>
    tuning.observer?.attempt(method, status),
  );
  const observer = tuning.observer;
  // Registered after Probot's plugins, so it wraps retry + throttling: every HTTP attempt of one
  // logical request goes through the per-request fetch below, so retries = attempts - 1.
  const counted = observer
    ? ProbotOctokit.plugin((octokit) => {
        octokit.hook.wrap('request', async (request, options) => {
          let attempts = 0;
          const inner = options.request.fetch ?? fetch;
          options.request.fetch = (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
            attempts++;
            return inner(input, init);
          };
          try {
            return await request(options);
          } finally {
            observer.retried(options.method, Math.max(0, attempts - 1));
          }
        });
      })
    : ProbotOctokit;
  // the REST API version the calls are written against, as GitHub recommends
  // (https://docs.github.com/en/rest/about-the-rest-api/api-versions)
  const versioned = counted.plugin((octokit) => {
    octokit.hook.before('request', (options) => {
      options.headers['x-github-api-version'] ??= '2022-11-28';
    });
  });
  return versioned.defaults((options: Record<string, unknown>) => {
    const request = { ...((options.request as object | undefined) ?? {}), fetch };
    const throttle = (options.throttle ?? {}) as Record<string, unknown>;
    if (throttle.enabled === false) return { ...options, request };
    return {
      ...options,
      request,
      retry: {
        ...((options.retry as object | undefined) ?? {}),
        ...(tuning.retryBaseMs === undefined ? {} : { retryAfterBaseValue: tuning.retryBaseMs }),
      },
      throttle: {
        ...throttle,
        ...(tuning.connection ? { Bottleneck, connection: tuning.connection } : {}),
        ...(write ? { write } : {}),
        ...(notifications ? { notifications } : {}),
        ...(tuning.rateLimitBaseMs === undefined ? {} : { retryAfterBaseValue: tuning.rateLimitBaseMs }),
        onSecondaryRateLimit: (_after: number, request: { request: { retryCount: number } }) =>
          request.request.retryCount < 3,
        onRateLimit: (_after: number, request: { request: { retryCount: number } }) =>
          request.request.retryCount < 3,
      },
    };
  }) as typeof ProbotOctokit;
}
