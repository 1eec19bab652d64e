import { expect } from '@jest/globals';
import { benchCoordinator } from '../../bench/coordinator-bench.js';
import { requireTool } from '../helpers/system-tools.js';

// Keeps `npm run bench`'s coordinator part working; the figures themselves are not judged here.
requireTool('redis-server').test('the coordinator bench reports both figures', async () => {
  const figures = await benchCoordinator();
  expect(figures.redis_lock_roundtrip_p95_ms).toBeGreaterThan(0);
  expect(Number.isFinite(figures.redis_lock_roundtrip_p95_ms)).toBe(true);
  expect(figures.redis_lock_ops_per_sec).toBeGreaterThan(0);
  expect(Number.isFinite(figures.redis_lock_ops_per_sec)).toBe(true);
});
