import { z } from 'zod';
import type { OctokitTuning } from './octokit.js';

const Millis = z.coerce.number().int().min(0).max(60_000).optional();
const TuningEnv = z.object({
  SHIPGATE_GITHUB_WRITE_INTERVAL_MS: Millis,
  SHIPGATE_GITHUB_NOTIFY_INTERVAL_MS: Millis,
  SHIPGATE_GITHUB_RETRY_BASE_MS: Millis,
});

/**
 * Octokit timing overrides for GitHub Enterprise Server instances without secondary rate limits,
 * and for the multi-process tests against the simulator. Unset → Probot's defaults (GitHub.com).
 */
export function tuningFromEnv(env: NodeJS.ProcessEnv): OctokitTuning {
  const parsed = TuningEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid Octokit tuning variable: ${parsed.error.issues[0]?.path.join('.')}`);
  }
  const values = parsed.data;
  return {
    ...(values.SHIPGATE_GITHUB_WRITE_INTERVAL_MS === undefined
      ? {}
      : { writeIntervalMs: values.SHIPGATE_GITHUB_WRITE_INTERVAL_MS }),
    ...(values.SHIPGATE_GITHUB_NOTIFY_INTERVAL_MS === undefined
      ? {}
      : { notificationIntervalMs: values.SHIPGATE_GITHUB_NOTIFY_INTERVAL_MS }),
    ...(values.SHIPGATE_GITHUB_RETRY_BASE_MS === undefined
      ? {}
      : {
          retryBaseMs: values.SHIPGATE_GITHUB_RETRY_BASE_MS,
          rateLimitBaseMs: values.SHIPGATE_GITHUB_RETRY_BASE_MS,
        }),
  };
}
