/**
 * The cutover timer across replicas and restarts: the index of PRs with open windows lives in the
 * coordinator's shared state (Redis), and each PR is sampled by one replica per time slot.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { type RedisServerProcess, startRedisServer } from '../../bench/redis-server.js';
import { claimSlot } from '../../src/app/server/cutover-pass.js';
import { loadReadings, saveReadings } from '../../src/bot/cutover/cutover-readings.js';
import { forgetWatched, noteCutover, watchedPulls } from '../../src/bot/cutover/cutover-watch.js';
import { type Bot, BotMemory } from '../../src/bot/runtime/bot.js';
import type { ItemStates } from '../../src/core/ledger/ledger.js';
import { parseTemplate } from '../../src/core/template/template.js';
import type { GitHub } from '../../src/github/types.js';
import { checkSchemas } from '../../src/load/load-checklist.js';
import type { Coordinator } from '../../src/scale/coordinator.js';
import { createRedisCoordinator } from '../../src/scale/redis-coordinator.js';
import { requireTool } from '../helpers/system-tools.js';

const redis = requireTool('redis-server');

const checklist = parseTemplate(
  `# R
### Cutover <!-- shipgate: phase=post-deploy -->
- [ ] 10% traffic to green <!-- shipgate: id=step-10 -->
- [ ] Monitor for 15 minutes <!-- shipgate: check=cutover-window duration=15m metrics="error-rate<=1" id=window -->
`,
  't.md',
  checkSchemas,
);
const T0 = Date.parse('2026-12-02T00:00:00.000Z');
const open: ItemStates = {
  'step-10': { checked: true, by: 'erin', at: new Date(T0).toISOString(), sha: 'm' },
};
const config = { checks: {} };

redis.describe('cutover timer with several replicas (one redis-server)', () => {
  let server: RedisServerProcess;
  const coordinators: Coordinator[] = [];
  const replica = (): Bot => {
    const coordinator = createRedisCoordinator(server.url, { waitTimeoutMs: 10_000 });
    coordinators.push(coordinator);
    return {
      options: { ledgerSecret: 's', appId: 1 },
      memory: new BotMemory({ ttlMs: 60_000, coordinator }),
      now: () => new Date(T0 + 60_000),
      botLogin: () => 'shipgate[bot]',
      oidcIssuer: 'https://issuer.invalid',
    };
  };
  const scopeOf = (bot: Bot) => ({
    bot,
    gh: { repo: { owner: 'acme', repo: 'web' } } as unknown as GitHub,
    log: { debug() {}, info() {}, warn() {}, error() {}, child: () => undefined } as never,
  });

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(coordinators.map((coordinator) => coordinator.close()));
    await server?.stop();
  });

  test('a window noted on one replica is watched by every replica, and by one started later', async () => {
    const a = replica();
    const b = replica();
    await noteCutover(scopeOf(a), 7, checklist, open, config);
    const expected = [{ owner: 'acme', repo: 'web', number: 7, closesAt: T0 + 900_000 }];
    expect(await watchedPulls(b)).toEqual(expected);
    // a replica started afterwards (a restart: empty memory) finds it in the shared index
    expect(await watchedPulls(replica())).toEqual(expected);
  });

  test('each PR is sampled by exactly one replica per time slot', async () => {
    const [a, b, c] = [replica(), replica(), replica()];
    const claims = await Promise.all([a, b, c].map((bot) => claimSlot(bot, 'acme/web#7', 15_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    // the next slot is claimed again
    const later: Bot = { ...a, now: () => new Date(T0 + 60_000 + 15_000) };
    expect(await claimSlot(later, 'acme/web#7', 15_000)).toBe(true);
  });

  test('a PR whose windows closed is forgotten by every replica', async () => {
    const a = replica();
    const b = replica();
    await noteCutover(scopeOf(a), 8, checklist, open, config);
    expect((await watchedPulls(b)).map((entry) => entry.number)).toContain(8);
    await forgetWatched(b, { owner: 'acme', repo: 'web', number: 8, closesAt: T0 + 900_000 });
    expect((await watchedPulls(a)).map((entry) => entry.number)).not.toContain(8);
    expect((await watchedPulls(replica())).map((entry) => entry.number)).not.toContain(8);
  });

  test("a window's readings taken on one replica are shown by the replica that writes the PR next", async () => {
    const a = replica();
    const b = replica();
    const line = '⏱️ error-rate 0.2% (≤ 1%) · 4 samples';
    await saveReadings(a, 'acme/web#9', { window: line });
    expect(await loadReadings(b, 'acme/web#9')).toEqual({ window: line });
    expect(await loadReadings(replica(), 'acme/web#9')).toEqual({ window: line });
    // the window closed on b: nobody shows its readings any more
    await noteCutover(scopeOf(b), 9, checklist, open, config);
    await noteCutover(scopeOf(b), 9, checklist, {}, config);
    expect(await loadReadings(a, 'acme/web#9')).toBeUndefined();
  });
});
