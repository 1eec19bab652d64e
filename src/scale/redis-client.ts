import { Redis } from 'ioredis';
import { CoordinatorUnavailable } from './coordinator.js';

export interface RedisClientOptions {
  /** A command (including one queued while reconnecting) fails after this long (default 5 s). */
  commandTimeoutMs?: number;
  /** Reconnection attempts before queued commands fail (default 2; reconnecting goes on). */
  retriesPerCommand?: number;
}

/** The URL without its password (REDIS_URL often carries one), for messages and logs. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return parsed.toString();
    parsed.password = 'REDACTED';
    return parsed.toString().replace(':REDACTED@', ':[redacted]@');
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

/**
 * One ioredis connection tuned to fail fast rather than hang: commands time out and the offline
 * queue is flushed after a few reconnection attempts, so a Redis that went away turns into a
 * `CoordinatorUnavailable` naming the server and the operation, within seconds.
 */
export class RedisConnection {
  readonly redis: Redis;
  readonly label: string;
  /** The last connection-level error ioredis reported (ECONNREFUSED…), to explain later failures. */
  private lastError: string | undefined;

  constructor(url: string, options: RedisClientOptions = {}) {
    this.label = redactRedisUrl(url);
    const commandTimeout = options.commandTimeoutMs ?? 5_000;
    this.redis = new Redis(url, {
      commandTimeout,
      connectTimeout: commandTimeout,
      maxRetriesPerRequest: options.retriesPerCommand ?? 2,
      retryStrategy: (times) => Math.min(times * 100, 1_000),
      // disconnect() on an already-dead socket otherwise keeps a 2 s timer (and the process) alive.
      disconnectTimeout: 200,
    });
    // Without a listener ioredis prints "Unhandled error event" for every reconnection failure.
    this.redis.on('error', (error: Error) => {
      this.lastError = error.message;
    });
    this.redis.on('ready', () => {
      this.lastError = undefined;
    });
  }

  /** Runs one Redis operation; any failure becomes a CoordinatorUnavailable saying what was attempted. */
  async call<T>(what: string, operation: (redis: Redis) => Promise<T>): Promise<T> {
    try {
      return await operation(this.redis);
    } catch (error) {
      throw this.explain(what, error);
    }
  }

  private explain(what: string, error: unknown): CoordinatorUnavailable {
    const message = error instanceof Error ? error.message : String(error);
    // Not connected: ioredis gave up on a queued command (retries or timeout); the socket error says why.
    if (this.lastError && this.redis.status !== 'ready') {
      return new CoordinatorUnavailable(`Redis ${this.label} unreachable while ${what}: ${this.lastError}`, {
        cause: error,
      });
    }
    return new CoordinatorUnavailable(`Redis ${this.label} failed while ${what}: ${message}`, {
      cause: error,
    });
  }

  /** QUIT when connected (lets replies drain); otherwise drop the socket and stop reconnecting. */
  async close(): Promise<void> {
    if (this.redis.status === 'ready') {
      try {
        await this.redis.quit();
        return;
      } catch {
        // fall through to disconnect
      }
    }
    this.redis.disconnect(false);
  }
}
