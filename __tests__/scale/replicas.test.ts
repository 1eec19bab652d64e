/**
 * Two real app processes (`node dist/server.js`) share one real redis-server; the simulator
 * delivers webhooks to them round-robin. Locks, de-duplication and fencing must make the pair
 * behave like one bot: one comment, every authorized tick kept, no duplicate effects.
 */
import { checklistComments, isTicked, toggle } from '../app/harness.js';
import { requireTool } from '../helpers/system-tools.js';
import type { Simulator } from '../simulator/index.js';
import { type Fleet, quiet, settled as settledOn, startFleet } from './replica-fleet.js';

const redis = requireTool('redis-server');

redis.describe('two replicas behind one Redis', () => {
  let fleet: Fleet;
  let sim: Simulator;

  beforeAll(async () => {
    fleet = await startFleet({ count: 2, redis: true });
    sim = fleet.sim;
  }, 60_000);

  afterAll(async () => {
    await fleet?.close();
  });

  const settled = (check: () => boolean, what: string | (() => string)) => settledOn(sim, check, what);

  it('posts exactly one checklist even when the same PR events hit both replicas at once', async () => {
    const pr = await sim.openPullRequest({ head: 'release/6.0.3', title: 'Release 6.0.3', user: 'rita' });
    // The same PR's label and reopen-like events land on the other replica concurrently.
    await Promise.all([
      sim.labelPullRequest(pr.number, 'release'),
      sim.labelPullRequest(pr.number, 'deploy'),
    ]);
    await settled(() => checklistComments(sim, pr.number).length >= 1, 'a checklist comment');
    await sim.idle();
    expect(checklistComments(sim, pr.number)).toHaveLength(1);
    const targets = new Set(
      sim.deliveries.flatMap((delivery) => delivery.attempts.map((attempt) => attempt.target)),
    );
    expect(targets.size).toBe(2);
  });

  it('keeps every authorized tick from overlapping edits handled by different replicas, and reverts the rest', async () => {
    const pr = await sim.openPullRequest({ head: 'release/6.0.4', title: 'Release 6.0.4', user: 'rita' });
    await settled(() => checklistComments(sim, pr.number).length === 1, 'the checklist comment');
    const comment = checklistComments(sim, pr.number)[0];
    if (!comment) throw new Error('no checklist comment');
    const stale = comment.body;
    // Four people edit from the same stale copy at once: each save overwrites the others on GitHub.
    await Promise.all([
      sim.userEditsComment(comment.id, 'bob', toggle(stale, 'customer-flow', true)),
      sim.userEditsComment(comment.id, 'erin', toggle(stale, 'rollback-plan', true)),
      sim.userEditsComment(comment.id, 'quinn', toggle(stale, 'qa-signoff', true)),
      sim.userEditsComment(comment.id, 'rita', toggle(stale, 'eng-signoff', true)), // not erin: refused
    ]);
    await settled(
      () => {
        const body = checklistComments(sim, pr.number)[0]?.body ?? '';
        return (
          ['customer-flow', 'rollback-plan', 'qa-signoff'].every((id) => isTicked(body, id)) &&
          !isTicked(body, 'eng-signoff')
        );
      },
      () =>
        `the three authorized ticks kept and the unauthorized one reverted: ${(
          checklistComments(sim, pr.number)[0]?.body ?? ''
        )
          .split('\n')
          .filter((l) => l.includes('sg:'))
          .join('\n')}`,
    );
    expect(checklistComments(sim, pr.number)).toHaveLength(1);
  });

  it('ignores a redelivery that lands on the other replica', async () => {
    const pr = await sim.openPullRequest({ head: 'release/6.0.5', title: 'Release 6.0.5', user: 'rita' });
    await settled(() => checklistComments(sim, pr.number).length === 1, 'the checklist comment');
    const comment = checklistComments(sim, pr.number)[0];
    if (!comment) throw new Error('no checklist comment');
    await sim.userEditsComment(comment.id, 'bob', toggle(comment.body, 'customer-flow', true));
    await settled(
      () => isTicked(checklistComments(sim, pr.number)[0]?.body ?? '', 'customer-flow'),
      'the tick',
    );
    // The tick's projection is written as the comment, then the check runs (publish.ts writes one
    // after the other, and the check run may be coalesced): wait until both replicas have nothing
    // left to write (their /metrics), not for a time, before counting what the redelivery writes.
    await quiet(fleet);
    const edit = [...sim.deliveries]
      .reverse()
      .find((d) => d.event === 'issue_comment' && d.action === 'edited');
    // Writes to the repository: an installation-token exchange (POST …/access_tokens) changes
    // nothing, and the replica the redelivery lands on may need its first token for the repo.
    const repoWrites = () =>
      sim.requests.filter(
        (r) => r.method !== 'GET' && r.route !== '/app/installations/{installation_id}/access_tokens',
      ).length;
    const writesBefore = repoWrites();
    expect(edit).toBeDefined();
    if (edit) await sim.redeliver(edit.id);
    await quiet(fleet);
    expect(repoWrites()).toBe(writesBefore);
  });
});
