/**
 * The missing-results dispatch happens once per commit fleet-wide: with Redis the record
 * lives in the shared store, so a restarted (or another) replica does not dispatch again.
 */
import { afterAll, beforeAll, expect } from '@jest/globals';
import { type RedisServerProcess, startRedisServer } from '../../bench/redis-server.js';
import { createRedisCoordinator } from '../../src/scale/redis-coordinator.js';
import { CONFIG, type Harness, REPO, startHarness } from '../app/harness.js';
import { requireTool } from '../helpers/system-tools.js';

const redisTool = requireTool('redis-server');
const hasRedis = redisTool.path !== undefined;
const testWithRedis = redisTool.test;

const T0 = Date.parse('2026-11-25T10:00:00.000Z');
let clock = T0;
let h: Harness | undefined;
let redis: RedisServerProcess | undefined;

beforeAll(async () => {
  if (!hasRedis) return;
  redis = await startRedisServer();
  const url = redis.url;
  // each server start gets its own connection to the same Redis, like a new process would
  h = await startHarness({
    now: () => new Date(clock),
    sweepIntervalMs: 0,
    coordinator: () => createRedisCoordinator(url),
  });
  h.sim.commit(REPO, {
    files: {
      '.github/shipgate.yml': `${CONFIG}checksWorkflow:\n  file: shipgate.yml\n  timeoutMinutes: 10\n`,
    },
  });
}, 30_000);
afterAll(async () => {
  await h?.close();
  await redis?.stop();
});

testWithRedis(
  'a restarted replica does not dispatch the checks workflow again for the same commit',
  async () => {
    if (!h) throw new Error('no harness');
    const harness = h;
    const opened = await harness.sim.openPullRequest({
      head: 'release/6.3.0',
      user: 'rita',
      files: { a: '1' },
    });
    await harness.settle();
    clock = T0 + 11 * 60_000;
    expect(await harness.server.app.sweepMissingResults()).toBe(1);
    await harness.settle();
    expect(harness.sim.state.dispatches).toHaveLength(1);

    // a fresh process (empty memory, same Redis) sees the commit again and its clock runs out again
    await harness.restart();
    await harness.sim.labelPullRequest(opened.number, 'release-notes');
    await harness.settle();
    clock = T0 + 30 * 60_000;
    expect(await harness.server.app.sweepMissingResults()).toBe(0);
    await harness.settle();
    expect(harness.sim.state.dispatches).toHaveLength(1);
    expect(harness.sim.validationErrors).toEqual([]);
  },
);
