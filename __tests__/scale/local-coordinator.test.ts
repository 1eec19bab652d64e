import { describe, expect, test } from '@jest/globals';
import { createLocalCoordinator, KeyedFifo } from '../../src/scale/local-coordinator.js';
import { coordinatorBehaviours, expectClosedCoordinatorRefusesWork, tick } from './coordinator-behaviours.js';

describe('local coordinator (one process)', () => {
  // One replica: both "replicas" are the same instance.
  const coordinator = createLocalCoordinator();
  coordinatorBehaviours(() => ({ a: coordinator, b: coordinator }));

  test('runs one key in arrival order and forgets keys once idle', async () => {
    const fifo = new KeyedFifo();
    const order: number[] = [];
    const runs = [3, 1, 2].map((n) =>
      fifo.run('k', async () => {
        for (let i = 0; i < n; i++) await tick();
        order.push(n);
      }),
    );
    expect(fifo.busyKeys).toBe(1);
    await Promise.all(runs);
    await tick();
    expect(order).toEqual([3, 1, 2]);
    expect(fifo.busyKeys).toBe(0);
  });

  test('remembers at most maxDeliveries ids, forgetting the oldest first', async () => {
    const small = createLocalCoordinator({ maxDeliveries: 2 });
    expect(await small.claimDelivery('1')).toBe(true);
    expect(await small.claimDelivery('2')).toBe(true);
    expect(await small.claimDelivery('3')).toBe(true); // evicts '1'
    expect(await small.claimDelivery('2')).toBe(false);
    expect(await small.claimDelivery('1')).toBe(true);
  });

  test('refuses work once closed', async () => {
    await expectClosedCoordinatorRefusesWork(createLocalCoordinator());
  });
});
