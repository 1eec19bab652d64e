/**
 * With REDIS_URL, Probot clusters Octokit's throttling through Redis (Bottleneck's IORedis
 * connection): replicas share one write budget per installation instead of each spacing its own.
 */
import { execFileSync } from 'node:child_process';
import { checklistComments } from '../app/harness.js';
import { requireTool } from '../helpers/system-tools.js';
import { type Fleet, settled, startFleet } from './replica-fleet.js';

const redis = requireTool('redis-server');

redis.describe('Octokit throttling across replicas', () => {
  let fleet: Fleet;

  beforeAll(async () => {
    fleet = await startFleet({ count: 2, redis: true, productionThrottling: true });
  }, 60_000);

  afterAll(async () => {
    await fleet?.close();
  });

  it('keeps its rate-limit state in the shared Redis', async () => {
    const { sim } = fleet;
    const pr = await sim.openPullRequest({ head: 'release/6.1.0', title: 'Release 6.1.0', user: 'rita' });
    await settled(sim, () => checklistComments(sim, pr.number).length === 1, 'the checklist comment');
    const port = new URL(fleet.redis?.url ?? 'redis://127.0.0.1:0').port;
    const keys = execFileSync('redis-cli', ['-p', port, '--scan'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    // Bottleneck's clustered limiter keys (b_<id>_…) next to shipgate's own locks and state.
    expect(keys.some((key) => key.startsWith('b_'))).toBe(true);
    expect(keys.some((key) => key.startsWith('shipgate:'))).toBe(true);
  }, 30_000);
});
