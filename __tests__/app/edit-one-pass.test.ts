/**
 * A checklist edit is one pass (docs/architecture.md, the path of a tick): one step reads what it
 * needs, decides, and writes once — the rollback-trigger check is part of that step, not a second
 * pass that looks the PR and its setup up again. Counted from the simulator's request log, on a
 * PR people have been working on (caches warm, as in production). That a ticked trigger still
 * starts the rollback from the same edit is rollback.test.ts's.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { checklist, editChecklist, type Harness, isTicked, openRelease, startHarness } from './harness.js';

let h: Harness;
let pr: number;

beforeAll(async () => {
  h = await startHarness();
  ({ number: pr } = await openRelease(h, { head: 'release/4.1.0' }));
  await editChecklist(h, pr, 'bob', 'customer-flow', true); // warms the permission cache
});
afterAll(async () => {
  await h?.close();
});

/** The app's own requests (installation token), as `METHOD route`. */
function appRequests(from: number): string[] {
  return h.sim.requests
    .slice(from)
    .filter((r) => r.identity.startsWith('installation:'))
    .map((r) => `${r.method} ${r.route ?? r.path}`);
}

test('one tick: no GitHub read beyond what deciding needs, one comment and one check-run write', async () => {
  const before = h.sim.requests.length;
  await editChecklist(h, pr, 'bob', 'rollback-plan', true);
  expect(isTicked(checklist(h.sim, pr).body, 'rollback-plan')).toBe(true);
  const requests = appRequests(before);
  const reads = requests.filter((r) => r.startsWith('GET '));
  const writes = requests.filter((r) => !r.startsWith('GET '));
  // the pull, the setup, the comment and the permission are known from the payload and the caches
  expect(reads).toEqual([]);
  expect(writes.sort()).toEqual([
    'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  ]);
  expect(h.sim.validationErrors).toEqual([]);
});
