import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { type RedisServerProcess, startRedisServer } from '../../bench/redis-server.js';
import { type Coordinator, type Lease, LeaseLost, LockWaitTimeout } from '../../src/scale/coordinator.js';
import { createRedisCoordinator, type RedisCoordinatorOptions } from '../../src/scale/redis-coordinator.js';
import { requireTool } from '../helpers/system-tools.js';
import {
  coordinatorBehaviours,
  expectClosedCoordinatorRefusesWork,
  signal,
} from './coordinator-behaviours.js';

const redis = requireTool('redis-server');

redis.describe('Redis coordinator (two replicas = two connections to one redis-server)', () => {
  let server: RedisServerProcess;
  const open: Coordinator[] = [];
  let a: Coordinator;
  let b: Coordinator;
  const replica = (options: RedisCoordinatorOptions = {}) => {
    const coordinator = createRedisCoordinator(server.url, { waitTimeoutMs: 10_000, ...options });
    open.push(coordinator);
    return coordinator;
  };

  beforeAll(async () => {
    server = await startRedisServer();
    a = replica();
    b = replica();
  });
  afterAll(async () => {
    await Promise.all(open.map((coordinator) => coordinator.close()));
    await server?.stop();
  });

  coordinatorBehaviours(() => ({ a, b }));

  test('a holder that stalls past its ttl loses the lease to a later holder with a higher token', async () => {
    const warnings: string[] = [];
    // No extension: the lock simply runs out after 300 ms, as if this replica froze.
    const stalled = replica({ lockTtlMs: 300, extendLease: false, onWarning: (m) => warnings.push(m) });
    const key = 'acme/shop#stall';
    const firstHolds = signal('stalled holder acquired');
    const secondHolds = signal('second holder acquired');
    const firstDone = signal('stalled holder finished');
    let first: Lease | undefined;
    let second: Lease | undefined;

    const stalledRun = stalled.runExclusive(key, async (lease) => {
      first = lease;
      firstHolds.fire();
      await secondHolds.fired; // "stalled" until someone else has the key
      await expect(lease.assertValid()).rejects.toThrow(LeaseLost);
      await expect(lease.assertValid()).rejects.toThrow(/later holder took the key with fencing token/);
    });
    await firstHolds.fired;
    const secondRun = b.runExclusive(key, async (lease) => {
      second = lease;
      secondHolds.fire();
      await firstDone.fired;
      // The stalled holder's release was a compare-and-delete: it did not remove our lock.
      await expect(lease.assertValid()).resolves.toBeUndefined();
    });
    await stalledRun;
    firstDone.fire();
    await secondRun;

    expect(second?.fencingToken).toBeGreaterThan(first?.fencingToken ?? Number.POSITIVE_INFINITY);
    expect(warnings.join('\n')).toMatch(/already expired/);
  });

  test('a healthy holder keeps its lock past the ttl because it is extended every ttl/3', async () => {
    const holder = replica({ lockTtlMs: 500 });
    const other = replica({ waitTimeoutMs: 100 });
    await holder.runExclusive('acme/shop#extend', async (lease) => {
      await new Promise((resolve) => setTimeout(resolve, 1_200)); // well past the ttl
      await expect(lease.assertValid()).resolves.toBeUndefined();
      await expect(other.runExclusive('acme/shop#extend', async () => 'stolen')).rejects.toThrow(
        LockWaitTimeout,
      );
    });
  });

  test('waiting for a busy key is bounded and ends with a clear error', async () => {
    const impatient = replica({ waitTimeoutMs: 150 });
    const release = signal('holder may finish');
    const holding = a.runExclusive('acme/shop#busy', async () => release.fired);
    await expect(impatient.runExclusive('acme/shop#busy', async () => 'never')).rejects.toThrow(
      /timed out after \d+ ms waiting for the lock on 'acme\/shop#busy'/,
    );
    release.fire();
    await holding;
  });

  test('delivery ids and locks are namespaced by keyPrefix', async () => {
    const other = replica({ keyPrefix: 'other-app:' });
    expect(await a.claimDelivery('shared-id')).toBe(true);
    expect(await other.claimDelivery('shared-id')).toBe(true);
    expect(await b.claimDelivery('shared-id')).toBe(false);
  });

  test('refuses work once closed', async () => {
    await expectClosedCoordinatorRefusesWork(createRedisCoordinator(server.url));
  });
});
