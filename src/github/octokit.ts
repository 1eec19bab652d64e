import Bottleneck from 'bottleneck';
import { ProbotOctokit } from 'probot';
import { useFastBottleneckYield } from './bottleneck-yield.js';

export interface OctokitTuning {
  /** Spacing between writes per installation. GitHub asks for ≥ 1 s (Probot's default); tests lower it. */
  writeIntervalMs?: number;
  /** Spacing between requests that notify people (comments); Probot's default is 3 s. */
  notificationIntervalMs?: number;
  /** Base of the retry back-off for 5xx (plugin-retry waits retryCount² × base ms). */
  retryBaseMs?: number;
  /** Multiplier for rate-limit waits (Retry-After seconds × this ms). */
  rateLimitBaseMs?: number;
}

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
  return ProbotOctokit.defaults((options: Record<string, unknown>) => {
    const throttle = (options.throttle ?? {}) as Record<string, unknown>;
    if (throttle.enabled === false) return options;
    return {
      ...options,
      retry: {
        ...((options.retry as object | undefined) ?? {}),
        ...(tuning.retryBaseMs === undefined ? {} : { retryAfterBaseValue: tuning.retryBaseMs }),
      },
      throttle: {
        ...throttle,
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
