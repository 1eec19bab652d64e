/** Commands, the sign-off button, the merge queue, invalid config and start-up reconcile. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import {
  CONFIG,
  checklist,
  checklistComments,
  editChecklist,
  gateRun,
  type Harness,
  isTicked,
  line,
  openRelease,
  PASSING,
  publishEvidence,
  REPO,
  startHarness,
  toggle,
} from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Each test's own release PR (distinct versions: no test sees another's PR). */
const open = (version: string) => openRelease(h, { head: `release/${version}`, files: { 'y.ts': '1\n' } });
const lastComment = (pr: number) => h.sim.commentsOn(pr).at(-1)?.body ?? '';

test('/shipgate status replies with the gate summary', async () => {
  const { number: pr } = await open('8.1.0');
  await h.sim.userComments(pr, 'bob', '/shipgate status');
  await h.settle();
  expect(lastComment(pr)).toContain('0 of 6 required items done');
});

test('/shipgate waive records an audited waiver; sign-offs and read-only users cannot waive', async () => {
  const { number: pr } = await open('8.2.0');
  await h.sim.userComments(pr, 'bob', '/shipgate waive env-files no env files exist in this repo');
  await h.settle();
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'env-files')).toBe(true);
  expect(line(body, 'env-files')).toContain('waived by @bob: no env files exist in this repo');
  await h.sim.userComments(pr, 'bob', '/shipgate waive qa-signoff trust me');
  await h.settle();
  expect(lastComment(pr)).toContain('sign-offs cannot be waived');
  await h.sim.userComments(pr, 'rando', '/shipgate waive secrets trust me');
  await h.settle();
  expect(lastComment(pr)).toContain('need write access');
  expect(isTicked(checklist(h.sim, pr).body, 'secrets')).toBe(false);
});

test('the "Sign off" button on the check run is authorized like a tick', async () => {
  const { number: pr, sha } = await open('8.3.0');
  const run = gateRun(h.sim, sha);
  expect(run?.actions.length).toBeGreaterThan(0);
  await h.sim.requestedAction(run?.id ?? 0, 'qa-lead', 'bob');
  await h.settle();
  expect(isTicked(checklist(h.sim, pr).body, 'qa-signoff')).toBe(false);
  expect(lastComment(pr)).toContain('@bob cannot sign off "QA Lead"');
  await h.sim.requestedAction(gateRun(h.sim, sha)?.id ?? 0, 'qa-lead', 'quinn');
  await h.settle();
  expect(line(checklist(h.sim, pr).body, 'qa-signoff')).toContain('@quinn');
  expect(h.sim.validationErrors).toEqual([]);
});

test('the merge queue carries sign-offs over but never passes automated items without results', async () => {
  const { number: pr, sha } = await open('8.4.0');
  await editChecklist(h, pr, 'quinn', 'qa-signoff', true);
  const id = checklist(h.sim, pr).id;
  let body = toggle(toggle(checklist(h.sim, pr).body, 'customer-flow', true), 'rollback-plan', true);
  await h.sim.userEditsComment(id, 'bob', body);
  body = toggle(checklist(h.sim, pr).body, 'eng-signoff', true);
  await h.sim.userEditsComment(id, 'erin', body);
  await h.settle();
  await publishEvidence(h, sha, PASSING);
  expect(gateRun(h.sim, sha)?.conclusion).toBe('success');

  const group = await h.sim.mergeGroup(pr);
  await h.settle();
  const waiting = gateRun(h.sim, group.head_sha);
  expect(waiting?.status).toBe('in_progress');
  expect(waiting?.output.summary).toContain('waiting for results');
  await publishEvidence(h, group.head_sha, PASSING);
  const judged = gateRun(h.sim, group.head_sha);
  expect(judged?.conclusion).toBe('success');
  expect(h.sim.validationErrors).toEqual([]);
});

test('an invalid config on the base branch fails the check with file:line', async () => {
  h.sim.commit(REPO, { branch: 'main', files: { '.github/shipgate.yml': 'roles:\n  QA: {}\n' } });
  let opened: Awaited<ReturnType<typeof h.sim.openPullRequest>>;
  try {
    opened = await h.sim.openPullRequest({
      head: 'release/9.0.0',
      user: 'rita',
      files: { 'z.ts': '1\n' },
    });
    await h.settle();
  } finally {
    // the other tests' PRs are based on the valid config
    h.sim.commit(REPO, { branch: 'main', files: { '.github/shipgate.yml': CONFIG } });
  }
  const run = gateRun(h.sim, opened.pull?.head.sha ?? '');
  expect(run?.status).toBe('completed');
  expect(run?.conclusion).toBe('failure');
  expect(run?.output.summary).toContain('.github/shipgate.yml:2:');
});

test('release PRs opened while the app was down are picked up by the start-up reconcile', async () => {
  await h.server.close();
  const opened = await h.sim.openPullRequest({
    head: 'hotfix-9.0.1',
    user: 'rita',
    labels: ['release'],
    files: { 'w.ts': '1\n' },
  });
  expect(checklistComments(h.sim, opened.number)).toHaveLength(0);
  await h.restart({ reconcileOnStart: true });
  for (let i = 0; i < 50 && checklistComments(h.sim, opened.number).length === 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await h.settle();
  expect(checklistComments(h.sim, opened.number)).toHaveLength(1);
  expect(h.sim.validationErrors).toEqual([]);
});
