/**
 * Missed-event recovery: GitHub records a failed delivery and never retries it by itself, so the
 * app reads its delivery log (GET /app/hook/deliveries) and asks for redeliveries
 * (POST /app/hook/deliveries/{id}/attempts), at start-up and periodically, once per failure.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { decodeStateBlock } from '../../src/core/comment/state-block.js';
import { checklist, type Harness, isTicked, openRelease, startHarness, toggle } from './harness.js';

let h: Harness;
let pr: number;

beforeAll(async () => {
  h = await startHarness();
  ({ number: pr } = await openRelease(h, { head: 'release/8.0.0', files: { 'x.ts': '1\n' } }));
  await h.settle();
});
afterAll(async () => {
  await h?.close();
});

/** Events in the signed ledger: a tick the bot accepted is one more. */
const ledgerEvents = () => {
  const block = decodeStateBlock(checklist(h.sim, pr).body);
  return block.found && 'ledger' in block ? block.ledger.base.count + block.ledger.events.length : -1;
};

const redeliveryRequests = () =>
  h.sim.requests.filter((r) => r.route === '/app/hook/deliveries/{delivery_id}/attempts');

test('a tick made while the app was down stays failed on GitHub until the next instance asks for it', async () => {
  let guid = '';
  const before = ledgerEvents();
  const requestsBefore = redeliveryRequests().length;
  await h.restart({
    redeliverOnStart: true,
    whileDown: async () => {
      const { id, body } = checklist(h.sim, pr);
      await h.sim.userEditsComment(id, 'bob', toggle(body, 'customer-flow', true));
      guid = h.sim.deliveries.at(-1)?.id ?? '';
      // nothing listens: GitHub logs the attempt as failed and does nothing more
      await h.sim.idle();
      expect(h.sim.hookLog.filter((a) => a.guid === guid).map((a) => [a.status_code, a.redelivery])).toEqual([
        [0, false],
      ]);
      expect(ledgerEvents()).toBe(before);
    },
  });
  await h.settle();
  expect(isTicked(checklist(h.sim, pr).body, 'customer-flow')).toBe(true);
  expect(ledgerEvents()).toBe(before + 1);
  const attempts = h.sim.hookLog.filter((a) => a.guid === guid);
  expect(attempts.map((a) => [a.status_code, a.redelivery])).toEqual([
    [0, false],
    [200, true],
  ]);
  // the tests run in any order: a new instance also asks again for the deliveries the other test
  // left failed (its retry count is in memory), so only this delivery's requests are counted here
  const original = attempts[0]?.id;
  const mine = redeliveryRequests().filter((r) => r.path.endsWith(`/deliveries/${original}/attempts`));
  expect(mine).toHaveLength(1);
  expect(mine[0]?.identity).toBe('app:4242'); // JWT, as GitHub requires
  const metrics = await h.server.metrics.render();
  const requested = Number(
    /shipgate_redeliveries_total\{outcome="requested"\} (\d+)/.exec(metrics.body)?.[1],
  );
  expect(requested).toBe(redeliveryRequests().length - requestsBefore);
});

test('a later pass asks for nothing already recovered; a failing handler is retried up to the limit', async () => {
  expect(await h.server.app.redeliverFailed()).toBe(0);
  // the handler fails (every repository call answers 500): Probot answers 500, GitHub logs a failure
  h.sim.faults.inject({ match: { path: /^\/repos\// }, status: 500, times: 100_000 });
  const { id, body } = checklist(h.sim, pr);
  await h.sim.userEditsComment(id, 'bob', toggle(body, 'rollback-plan', true));
  await h.settle();
  const edit = h.sim.deliveries.filter((d) => d.event === 'issue_comment' && d.action === 'edited').at(-1);
  const guid = edit?.id ?? '';
  const failed = () => h.sim.hookLog.filter((a) => a.guid === guid);
  expect(failed().map((a) => a.status_code)).toEqual([500]);
  for (let pass = 0; pass < 5; pass++) {
    await h.server.app.redeliverFailed();
    await h.settle();
  }
  // 1 original + 3 redeliveries, then the event is left alone
  expect(failed().map((a) => [a.status_code, a.redelivery])).toEqual([
    [500, false],
    [500, true],
    [500, true],
    [500, true],
  ]);
  h.sim.faults.clear();
});
