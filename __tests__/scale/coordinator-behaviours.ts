import { expect, test } from '@jest/globals';
import { type Coordinator, CoordinatorClosed, type Lease, LeaseLost } from '../../src/scale/coordinator.js';

/** A promise resolved from outside, that fails the test (instead of hanging) after `ms`. */
export function signal(label: string, ms = 5_000) {
  let fire: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const fired = new Promise<void>((resolve, reject) => {
    fire = () => {
      clearTimeout(timer);
      resolve();
    };
    timer = setTimeout(() => reject(new Error(`'${label}' did not happen within ${ms} ms`)), ms);
  });
  fired.catch(() => undefined); // reported by whoever awaits it
  return { fire, fired };
}

export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Two "replicas": for Redis two coordinators on two connections; locally one shared instance. */
export interface Replicas {
  a: Coordinator;
  b: Coordinator;
}

let unique = 0;
const keyFor = (name: string) => `acme/shop#${name}-${process.pid}-${++unique}`;

/** The behaviours every Coordinator must have; each implementation's test file runs this table. */
export function coordinatorBehaviours(replicas: () => Replicas): void {
  test('tasks on one key never overlap, across replicas, under 50 concurrent tasks', async () => {
    const { a, b } = replicas();
    const key = keyFor('exclusive');
    let active = 0;
    let maxActive = 0;
    let done = 0;
    const task = async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      for (let i = 0; i < 3; i++) await tick(); // yield so an overlapping task would get to run
      active--;
      done++;
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).runExclusive(key, task)));
    expect(done).toBe(50);
    expect(maxActive).toBe(1);
  });

  test('different keys run in parallel', async () => {
    const { a, b } = replicas();
    const first = signal('task on key 1 started');
    const second = signal('task on key 2 started');
    await Promise.all([
      a.runExclusive(keyFor('p1'), async () => {
        first.fire();
        await second.fired; // only resolves if the other key's task runs while this one holds its lock
      }),
      b.runExclusive(keyFor('p2'), async () => {
        second.fire();
        await first.fired;
      }),
    ]);
  });

  test('fencing tokens grow with every acquisition of a key, whichever replica takes it', async () => {
    const { a, b } = replicas();
    const key = keyFor('fence');
    const tokens: number[] = [];
    for (const replica of [a, b, a, b])
      await replica.runExclusive(key, async (lease) => tokens.push(lease.fencingToken));
    expect([...tokens].sort((x, y) => x - y)).toEqual(tokens);
    expect(new Set(tokens).size).toBe(4);
  });

  test('a lease is valid while its task runs and lost once it has finished', async () => {
    const { a } = replicas();
    const key = keyFor('lease');
    let kept: Lease | undefined;
    await a.runExclusive(key, async (lease) => {
      await expect(lease.assertValid()).resolves.toBeUndefined();
      kept = lease;
    });
    await expect(kept?.assertValid()).rejects.toBeInstanceOf(LeaseLost);
  });

  test('a failing task rejects with its own error and frees the key for the next task', async () => {
    const { a, b } = replicas();
    const key = keyFor('fail');
    await expect(a.runExclusive(key, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(b.runExclusive(key, async () => 'next')).resolves.toBe('next');
  });

  test('a delivery id is claimed exactly once across replicas; release lets it be claimed again', async () => {
    const { a, b } = replicas();
    const id = `delivery-${keyFor('d')}`;
    const claims = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).claimDelivery(id)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await a.releaseDelivery(id);
    const again = await Promise.all([a.claimDelivery(id), b.claimDelivery(id), b.claimDelivery(id)]);
    expect(again.filter(Boolean)).toHaveLength(1);
  });
}

/** Closing is tested on a coordinator of its own (the shared ones stay open for the table). */
export async function expectClosedCoordinatorRefusesWork(coordinator: Coordinator): Promise<void> {
  await coordinator.close();
  await expect(coordinator.runExclusive('k', async () => 1)).rejects.toBeInstanceOf(CoordinatorClosed);
  await expect(coordinator.claimDelivery('d')).rejects.toBeInstanceOf(CoordinatorClosed);
  await coordinator.close(); // twice is fine
}
