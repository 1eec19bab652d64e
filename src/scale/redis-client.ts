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
    if (parsed.password) parsed.password = '[redacted]';
    return parsed.toString();
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
      // One shared connection; each command is one round trip anyway.
      enableAutoPipelining: false,
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
      const message = error instanceof Error ? error.message : String(error);
      const connection = this.lastError && this.lastError !== message ? ` (connection: ${this.lastError})` : '';
      throw new CoordinatorUnavailable(`Redis ${this.label} failed while ${what}: ${message}${connection}`, {
        cause: error,
      });
    }
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
