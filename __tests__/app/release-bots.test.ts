/**
 * Release bots end to end: release-please and changesets PRs get the checklist without any
 * release settings, survive force-pushes and body rewrites, and when no `shipgate/checks` results
 * arrive (PRs opened with GITHUB_TOKEN start no workflows) the checks workflow is dispatched once
 * per head commit after the configured timeout (injected clock).
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from '@jest/globals';
import { editPullRequest, forcePushPullRequest } from '../simulator/pull-rewrites.js';
import {
  CONFIG,
  checklist,
  checklistComments,
  gateRun,
  type Harness,
  isTicked,
  PASSING,
  publishEvidence,
  REPO,
  startHarness,
  toggle,
} from './harness.js';

const T0 = Date.parse('2026-11-25T10:00:00.000Z');
let clock = T0;
const minutes = (n: number) => {
  clock = T0 + n * 60_000;
};
let h: Harness;
const BOT = 'github-actions[bot]';

const RELEASE_PLEASE_BODY = `:robot: I have created a release *beep* *boop*
---

## [6.1.0](https://github.com/acme/web/compare/v6.0.2...v6.1.0) (2026-11-25)

### Features

* faster checkout
`;

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock), sweepIntervalMs: 0 });
  // Release settings that match none of the bots' PRs: only the bot detection can pick them up.
  const config = `${CONFIG}release:\n  branches: ['release/**']\n  labels: []\n  titlePattern: '^Release\\b'\nchecksWorkflow:\n  file: shipgate.yml\n  timeoutMinutes: 10\n`;
  h.sim.commit(REPO, { files: { '.github/shipgate.yml': config } });
});
afterAll(async () => {
  await h?.close();
});

// Every test starts at T0 and closes the PRs it opened: an open PR without results left behind would
// be overdue (and dispatched) in another test's sweep.
const opened: number[] = [];
beforeEach(() => {
  minutes(0);
});
afterEach(async () => {
  for (const pr of opened.splice(0)) await h.sim.closePullRequest(pr, { merged: false, login: 'rita' });
  await h.settle();
});
const open = async (options: Parameters<Harness['sim']['openPullRequest']>[0]) => {
  const pr = await h.sim.openPullRequest(options);
  opened.push(pr.number);
  return pr;
};

/** A release-please PR for 6.1.0 on `branch`, labeled `autorelease: pending` like release-please does. */
async function openReleasePleasePr(branch: string): Promise<number> {
  const { number } = await open({
    head: branch,
    title: 'chore(main): release 6.1.0',
    body: RELEASE_PLEASE_BODY,
    user: BOT,
    files: { 'package.json': '{"name":"web","version":"6.1.0"}\n', 'CHANGELOG.md': '## 6.1.0\n' },
  });
  await h.sim.labelPullRequest(number, 'autorelease: pending', { login: BOT });
  await h.settle();
  return number;
}

/** A changesets "Version Packages" PR for 6.2.0 on `branch`. */
async function openChangesetsPr(branch: string): Promise<number> {
  const { number } = await open({
    head: branch,
    title: 'Version Packages',
    body: 'This PR was opened by the Changesets release GitHub action. When you are ready, merge it.',
    user: BOT,
    files: { 'package.json': '{"name":"web","version":"6.2.0"}\n', '.changeset/brave-dogs.md': null },
  });
  await h.settle();
  return number;
}

const shaOf = (pr: number) => h.sim.pull(REPO, pr).pull?.head.sha ?? '';
const tick = async (pr: number, login: string, id: string) => {
  const comment = checklist(h.sim, pr);
  await h.sim.userEditsComment(comment.id, login, toggle(comment.body, id, true));
  await h.settle();
};
const dispatchesFor = (sha: string) =>
  h.sim.state.dispatches.filter((d) => (d.inputs as { sha?: string } | undefined)?.sha === sha);

test('a release-please PR gets the checklist with its version; body rewrites leave our comment alone', async () => {
  const since = h.sim.requests.length;
  const pleasePr = await openReleasePleasePr('release-please--branches--main');
  const before = checklist(h.sim, pleasePr);
  expect(before.body).toContain('# Web v6.1.0 - Release Checklist');
  expect(gateRun(h.sim, shaOf(pleasePr))?.status).toBe('in_progress');
  // no SHIPGATE_PUBLIC_URL here: the bot sends no details_url (no audit link to hand out)
  const checkWrites = h.sim.requests
    .slice(since)
    .filter((r) => r.route?.includes('check-runs') && r.method !== 'GET');
  expect(checkWrites.length).toBeGreaterThan(0);
  expect(checkWrites.filter((r) => JSON.stringify(r.body ?? {}).includes('details_url'))).toEqual([]);

  // release-please rewrites the PR body (and title) whenever main moves: the checklist is a comment
  // of ours, so nothing of it is lost and the bot never writes to the PR itself.
  await editPullRequest(h.sim, pleasePr, {
    body: `${RELEASE_PLEASE_BODY}\n* one more fix\n`,
    title: 'chore(main): release 6.1.0',
    user: BOT,
  });
  await h.settle();
  expect(checklistComments(h.sim, pleasePr)).toHaveLength(1);
  expect(checklist(h.sim, pleasePr).body).toBe(before.body);
  expect(h.sim.pull(REPO, pleasePr).body).toContain('one more fix');
  expect(h.sim.requests.filter((r) => r.method === 'PATCH' && /\/pulls\/\d+$/.test(r.path))).toEqual([]);
  expect(h.sim.validationErrors).toEqual([]);
});

test('a force-push that drops the old head resets results and sign-offs, keeps manual ticks', async () => {
  const pleasePr = await openReleasePleasePr('release-please--branches--main--components--web');
  const oldSha = shaOf(pleasePr);
  await publishEvidence(h, oldSha, PASSING);
  await tick(pleasePr, 'bob', 'customer-flow');
  await tick(pleasePr, 'quinn', 'qa-signoff');
  let body = checklist(h.sim, pleasePr).body;
  expect([isTicked(body, 'secrets'), isTicked(body, 'customer-flow'), isTicked(body, 'qa-signoff')]).toEqual([
    true,
    true,
    true,
  ]);

  const pushed = await forcePushPullRequest(h.sim, pleasePr, {
    files: { 'package.json': '{"name":"web","version":"6.1.0"}\n', 'CHANGELOG.md': '## 6.1.0\n* rebuilt\n' },
    user: BOT,
  });
  await h.settle();
  const newSha = pushed.pull?.head.sha ?? '';
  const repo = h.sim.repo(REPO);
  expect(repo.commits.get(newSha)?.parents).not.toContain(oldSha); // really not a descendant

  body = checklist(h.sim, pleasePr).body;
  expect(checklistComments(h.sim, pleasePr)).toHaveLength(1);
  expect(isTicked(body, 'secrets')).toBe(false); // results belong to the old commit
  expect(isTicked(body, 'qa-signoff')).toBe(false); // invalidateOnPush.signoffs (default true)
  expect(isTicked(body, 'customer-flow')).toBe(true); // invalidateOnPush.manual (default false)
  expect(gateRun(h.sim, newSha)?.status).toBe('in_progress');

  await publishEvidence(h, newSha, PASSING);
  expect(isTicked(checklist(h.sim, pleasePr).body, 'secrets')).toBe(true);
  expect(h.sim.validationErrors).toEqual([]);
});

test('a changesets PR is a release PR; its version comes from package.json at the head', async () => {
  const changesetsPr = await openChangesetsPr('changeset-release/next');
  expect(checklist(h.sim, changesetsPr).body).toContain('# Web v6.2.0 - Release Checklist');
  // an ordinary PR is still not gated
  const other = await open({ head: 'feature/x', title: 'Add x', files: { 'x.ts': '1' } });
  await h.settle();
  expect(checklistComments(h.sim, other.number)).toHaveLength(0);
  expect(h.sim.validationErrors).toEqual([]);
});

test('missing results: one dispatch per head commit after the timeout, said on the check run', async () => {
  const changesetsPr = await openChangesetsPr('changeset-release/main');
  const pleasePr = await openReleasePleasePr('release-please--branches--main--components--api');
  await publishEvidence(h, shaOf(pleasePr), PASSING);
  const changesetsSha = shaOf(changesetsPr);
  const pleaseSha = shaOf(pleasePr); // has results: never dispatched
  minutes(9);
  expect(await h.server.app.sweepMissingResults()).toBe(0);
  await h.sim.labelPullRequest(changesetsPr, 'release-notes');
  await h.settle();
  expect(h.sim.state.dispatches).toEqual([]);

  minutes(11);
  expect(await h.server.app.sweepMissingResults()).toBe(1);
  await h.settle();
  expect(h.sim.state.dispatches).toEqual([
    {
      repo: REPO,
      workflow_id: 'shipgate.yml',
      ref: 'changeset-release/main',
      inputs: { sha: changesetsSha },
    },
  ]);
  const summary = gateRun(h.sim, changesetsSha)?.output.summary ?? '';
  expect(summary).toContain(
    `no shipgate/checks results for ${changesetsSha.slice(0, 7)} after 10 min — dispatched shipgate.yml`,
  );

  // later sweeps and events do not dispatch again for the same commit
  minutes(30);
  expect(await h.server.app.sweepMissingResults()).toBe(0);
  await h.sim.labelPullRequest(changesetsPr, 'release-notes', { remove: true });
  await h.settle();
  expect(dispatchesFor(changesetsSha)).toHaveLength(1);
  expect(dispatchesFor(pleaseSha)).toHaveLength(0);

  // a new head commit gets its own clock, and overdue commits are also handled on the next event
  const pushed = await h.sim.pushToPullRequest(changesetsPr, { files: { 'CHANGELOG.md': '## 6.2.0\n' } });
  await h.settle();
  const nextSha = pushed.pull?.head.sha ?? '';
  minutes(41);
  await h.sim.labelPullRequest(changesetsPr, 'release-notes');
  await h.settle();
  expect(dispatchesFor(nextSha)).toHaveLength(1);
  expect(h.sim.state.dispatches).toHaveLength(2);
  expect(await h.server.app.sweepMissingResults()).toBe(0);
  expect(h.sim.state.dispatches).toHaveLength(2);
  expect(h.sim.validationErrors).toEqual([]);
});
