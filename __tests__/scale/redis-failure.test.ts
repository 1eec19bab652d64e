import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { freePort, startRedisServer } from '../../bench/redis-server.js';
import { type Coordinator, CoordinatorUnavailable } from '../../src/scale/coordinator.js';
import { coordinatorKind, createCoordinator } from '../../src/scale/create-coordinator.js';
import { redactRedisUrl } from '../../src/scale/redis-client.js';
import { createRedisCoordinator } from '../../src/scale/redis-coordinator.js';
import { requireTool } from '../helpers/system-tools.js';

const redis = requireTool('redis-server');

/** Fail fast: a command gives up after 1 s, queued commands after one reconnection attempt. */
const FAST = { commandTimeoutMs: 1_000, retriesPerCommand: 1 };

redis.describe('Redis going away', () => {
  const open: Coordinator[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    await Promise.all(open.map((coordinator) => coordinator.close()));
  });

  test('mid-run: the lease check and later calls fail with a clear error, not a hang', async () => {
    const server = await startRedisServer();
    const warnings: string[] = [];
    const coordinator = createRedisCoordinator(server.url, {
      ...FAST,
      lockTtlMs: 300,
      onWarning: (m) => warnings.push(m),
    });
    open.push(coordinator);
    expect(await coordinator.claimDelivery('before')).toBe(true);

    const result = await coordinator.runExclusive('acme/shop#gone', async (lease) => {
      await server.kill();
      const check = lease.assertValid();
      await expect(check).rejects.toBeInstanceOf(CoordinatorUnavailable);
      await expect(check).rejects.toThrow(
        new RegExp(
          `Redis redis://127\\.0\\.0\\.1:${server.port}/? unreachable while checking the lease on 'acme/shop#gone'`,
        ),
      );
      return 'task finished';
    });
    // The task's outcome stands; the failed release is reported, and the lock would expire by itself.
    expect(result).toBe('task finished');
    expect(warnings.join('\n')).toMatch(/unreachable while releasing the lock/);

    await expect(coordinator.claimDelivery('after')).rejects.toThrow(
      /unreachable while claiming delivery after: connect ECONNREFUSED/,
    );
    await expect(coordinator.runExclusive('acme/shop#gone', async () => 'no')).rejects.toThrow(
      /unreachable while acquiring the lock on 'acme\/shop#gone': connect ECONNREFUSED/,
    );
    await coordinator.close();
    expect(unhandled).toEqual([]);
  });

  test('unreachable from the start: calls reject with the connection error', async () => {
    const port = await freePort(); // nothing listens there
    const coordinator = createRedisCoordinator(`redis://127.0.0.1:${port}`, FAST);
    open.push(coordinator);
    await expect(coordinator.claimDelivery('x')).rejects.toThrow(/ECONNREFUSED/);
    await expect(coordinator.releaseDelivery('x')).rejects.toBeInstanceOf(CoordinatorUnavailable);
    await coordinator.close();
    expect(unhandled).toEqual([]);
  });
});

describe('createCoordinator(env)', () => {
  test('is local without REDIS_URL and Redis with it', () => {
    expect(coordinatorKind({})).toBe('local');
    expect(coordinatorKind({ REDIS_URL: '  ' })).toBe('local');
    expect(coordinatorKind({ REDIS_URL: 'redis://127.0.0.1:6379' })).toBe('redis');
  });

  test('the local coordinator it returns works', async () => {
    const coordinator = createCoordinator({});
    expect(await coordinator.runExclusive('k', async (lease) => lease.fencingToken)).toBe(1);
    await coordinator.close();
  });

  test('a malformed REDIS_URL fails at start-up without echoing it', () => {
    expect(() => createCoordinator({ REDIS_URL: 'http://user:hunter2@cache:6379' })).toThrow(
      /REDIS_URL must look like/,
    );
    try {
      createCoordinator({ REDIS_URL: 'http://user:hunter2@cache:6379' });
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });

  test('passwords never reach messages', () => {
    expect(redactRedisUrl('redis://default:hunter2@cache.internal:6380/2')).toBe(
      'redis://default:[redacted]@cache.internal:6380/2',
    );
    expect(redactRedisUrl('not a url hunter2')).not.toContain('hunter2');
  });

  redis.test('with REDIS_URL it coordinates through that server', async () => {
    const server = await startRedisServer();
    const first = createCoordinator({ REDIS_URL: server.url });
    const second = createCoordinator({ REDIS_URL: server.url });
    try {
      expect(await first.claimDelivery('one')).toBe(true);
      expect(await second.claimDelivery('one')).toBe(false);
    } finally {
      await Promise.all([first.close(), second.close()]);
      await server.stop();
    }
  });
});
