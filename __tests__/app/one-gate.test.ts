/**
 * One gate for a PR: after `/shipgate rollback` on an open release PR the rollback steps are
 * required, and every place that reports the gate — the PR's `shipgate` check, `/shipgate status`,
 * the merge-queue check and deployment protection — says so. (They used to decide separately, and
 * only the PR's check counted the activated steps.)
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { gateRun, type Harness, PASSING, publishEvidence } from './harness.js';
import { openCompleteRelease, startReleaseHarness } from './release-harness.js';

let h: Harness;
let pr: number;
let head: string;

beforeAll(async () => {
  h = await startReleaseHarness();
  ({ pr, head } = await openCompleteRelease(h));
  expect(gateRun(h.sim, head)?.conclusion).toBe('success');
  await h.sim.userComments(pr, 'bob', '/shipgate rollback canary shows checkout errors');
  await h.settle();
});
afterAll(async () => {
  await h?.close();
});

test("the PR's own check requires the rollback steps", () => {
  const run = gateRun(h.sim, head);
  expect(run?.conclusion).not.toBe('success');
  expect(run?.output.summary).toContain('Switch traffic back to blue');
});

test('/shipgate status reports the same gate as the check', async () => {
  await h.sim.userComments(pr, 'bob', '/shipgate status');
  await h.settle();
  const reply = h.sim.commentsOn(pr).at(-1)?.body ?? '';
  expect(reply).toContain('4 of 6 required items done');
  expect(reply).not.toContain('ready');
  expect(reply).toContain('rollback in progress');
});

test('the merge queue does not pass a release whose rollback steps are open', async () => {
  const group = await h.sim.mergeGroup(pr);
  await h.settle();
  await publishEvidence(h, group.head_sha, PASSING);
  const judged = gateRun(h.sim, group.head_sha);
  expect(judged?.conclusion).not.toBe('success');
  expect(judged?.output.title).toContain('4 of 6 required items done');
  expect(judged?.output.summary).toContain('Switch traffic back to blue');
  expect(h.sim.validationErrors).toEqual([]);
});
