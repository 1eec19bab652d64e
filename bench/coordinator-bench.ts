import { createRedisCoordinator } from '../src/scale/redis-coordinator.js';
import { startRedisServer } from './redis-server.js';

const WARM_UP = 200;
const SEQUENTIAL = 2_000;
const CONCURRENT_KEYS = 50;
const OPS_PER_KEY = 40;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * The Redis lock's own cost, on a local redis-server (no persistence) with two replicas:
 * - redis_lock_roundtrip_p95_ms: p95 of one empty `runExclusive` (acquire script + release script,
 *   two round trips), 2,000 in a row alternating replicas on one key (no contention).
 * - redis_lock_ops_per_sec: empty `runExclusive` calls completed per second with 50 PR keys busy at
 *   once (40 each, both replicas), i.e. the ceiling the lock puts on event throughput.
 */
export async function benchCoordinator(): Promise<{
  redis_lock_roundtrip_p95_ms: number;
  redis_lock_ops_per_sec: number;
}> {
  const server = await startRedisServer();
  const a = createRedisCoordinator(server.url);
  const b = createRedisCoordinator(server.url);
  try {
    const empty = async () => undefined;
    for (let i = 0; i < WARM_UP; i++) await (i % 2 ? a : b).runExclusive('bench#warm', empty);

    const latencies: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const started = performance.now();
      await (i % 2 ? a : b).runExclusive('bench#one', empty);
      latencies.push(performance.now() - started);
    }

    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENT_KEYS }, async (_, k) => {
        for (let i = 0; i < OPS_PER_KEY; i++) await ((i + k) % 2 ? a : b).runExclusive(`bench#${k}`, empty);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      redis_lock_roundtrip_p95_ms: round(percentile(latencies, 95), 3),
      redis_lock_ops_per_sec: Math.round((CONCURRENT_KEYS * OPS_PER_KEY) / seconds),
    };
  } finally {
    await Promise.all([a.close(), b.close()]);
    await server.stop();
  }
}
