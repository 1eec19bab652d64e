import { z } from 'zod';
import type { Coordinator } from './coordinator.js';
import { createLocalCoordinator } from './local-coordinator.js';
import { createRedisCoordinator, type RedisCoordinatorOptions } from './redis-coordinator.js';

/** REDIS_URL as Probot reads it too (redis://[user:pass@]host:port[/db], or rediss:// for TLS). */
const RedisUrl = z
  .string()
  .trim()
  .refine((value) => /^rediss?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: 'REDIS_URL must look like redis://host:6379 or rediss://user:password@host:6380/0',
  });

export type CoordinatorKind = 'redis' | 'local';

export function coordinatorKind(env: Record<string, string | undefined>): CoordinatorKind {
  return env.REDIS_URL?.trim() ? 'redis' : 'local';
}

/**
 * Redis when REDIS_URL is set (several replicas share locks and delivery ids), otherwise the
 * in-process coordinator (one replica). A malformed REDIS_URL fails at start-up, without echoing
 * it (it may hold a password).
 */
export function createCoordinator(
  env: Record<string, string | undefined>,
  options: RedisCoordinatorOptions = {},
): Coordinator {
  if (coordinatorKind(env) === 'local') return createLocalCoordinator();
  const url = RedisUrl.safeParse(env.REDIS_URL);
  if (!url.success) throw new Error(url.error.issues[0]?.message ?? 'REDIS_URL is not a valid Redis URL');
  return createRedisCoordinator(url.data, options);
}
