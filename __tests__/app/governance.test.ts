/**
 * Governance end to end over HTTP against the simulator, with the bot's clock under the test's
 * control: change windows (pending with the next opening, green by the timer when it opens),
 * an exception by the role, a freeze that holds the PR, the merge queue and deployments (and
 * outlives a restart), break-glass with its post-review on the merge commit, the reminder and
 * the overdue escalation.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readAuditJson } from '../../src/core/audit/audit-attachment.js';
import { decodeStateBlock } from '../../src/core/comment/state-block.js';
import {
  checklist,
  gateRun,
  type Harness,
  openRelease,
  PASSING,
  publishEvidence,
  REPO,
  startHarness,
} from './harness.js';
import { edit, RELEASE_TEMPLATE, runNamed } from './release-harness.js';

const GOVERNED_CONFIG = `template: .github/release-checklist.md
roles:
  qa-lead:
    teams: [acme/qa]
  engineering-lead:
    users: [erin]
  release-manager:
    users: [mia]
windows:
  timezone: Europe/Berlin
  allow: ['Mon-Thu 09:00-16:00']
  freezes:
    - { from: '2026-12-20', to: '2027-01-04', reason: holiday freeze }
  roles: [release-manager]
breakGlass:
  roles: [release-manager]
  reviewWithin: 24h
`;

let h: Harness;
let clock = Date.parse('2026-12-11T10:00:00Z'); // Friday 11:00 in Berlin: outside Mon-Thu
const setClock = (iso: string) => {
  clock = Date.parse(iso);
};

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock) });
  h.sim.commit(REPO, {
    branch: 'main',
    files: { '.github/release-checklist.md': RELEASE_TEMPLATE, '.github/shipgate.yml': GOVERNED_CONFIG },
  });
  h.sim.setPermission(REPO, 'mia', 'write');
});
afterAll(async () => {
  await h?.close();
});

async function completeRelease(version: string): Promise<{ pr: number; head: string }> {
  const { number: pr, sha: head } = await openRelease(h, {
    head: `release/${version}`,
    title: `Release ${version}`,
  });
  await publishEvidence(h, head, PASSING);
  await edit(h, pr, 'quinn', 'qa-signoff', true);
  await edit(h, pr, 'erin', 'eng-signoff', true);
  return { pr, head };
}

/** The check run's summary as a person reads it (mentions are defused with a zero-width space). */
const summaryOf = (run: { output: { summary?: string | null } } | undefined) =>
  (run?.output.summary ?? '').replaceAll('\u200b', '');
const ledgerOf = (pr: number) => {
  const block = decodeStateBlock(checklist(h.sim, pr).body);
  if (!block.found || !('ledger' in block)) throw new Error(`no readable ledger on #${pr}`);
  return block.ledger.events;
};
const lastReply = (pr: number) => h.sim.commentsOn(pr).at(-1)?.body ?? '';

test('outside the window a complete release stays pending, says when it opens, and goes green when it does', async () => {
  setClock('2026-12-11T10:00:00Z');
  const { pr, head } = await completeRelease('7.0.0');
  const run = gateRun(h.sim, head);
  expect(run?.status).toBe('in_progress');
  expect(run?.output.title).toContain('outside the change window (Mon-Thu 09:00-16:00 Europe/Berlin)');
  expect(summaryOf(run)).toContain('opens Mon 2026-12-14 09:00');
  expect(checklist(h.sim, pr).body).toContain('opens Mon 2026-12-14 09:00');
  // the timer before the opening changes nothing; after it, the gate passes without anyone acting
  setClock('2026-12-14T07:59:00Z');
  await h.server.app.cutoverTick();
  await h.settle();
  expect(gateRun(h.sim, head)?.status).toBe('in_progress');
  setClock('2026-12-14T08:00:30Z');
  const tick = await h.server.app.cutoverTick();
  await h.settle();
  // the tick passes over every watched PR, and other tests' PRs may still be watched (any order)
  expect((tick.governance ?? []).filter((g) => g.pr === `${REPO}#${pr}`)).toEqual([
    { pr: `${REPO}#${pr}`, outcome: 'projected' },
  ]);
  expect(gateRun(h.sim, head)?.conclusion).toBe('success');
  expect(h.sim.validationErrors).toEqual([]);
});

test('an exception by the role lets one release through outside the window and is in the ledger', async () => {
  setClock('2026-12-11T10:00:00Z');
  const { pr, head } = await completeRelease('7.1.0');
  expect(gateRun(h.sim, head)?.status).toBe('in_progress');
  await h.sim.userComments(pr, 'bob', '/shipgate exception customer escalation');
  await h.settle();
  expect(lastReply(pr)).toContain('only the role `release-manager` may grant a change-window exception');
  expect(gateRun(h.sim, head)?.status).toBe('in_progress');
  await h.sim.userComments(pr, 'mia', '/shipgate exception customer escalation ACME-1234');
  await h.settle();
  const run = gateRun(h.sim, head);
  expect(run?.conclusion).toBe('success');
  expect(summaryOf(run)).toContain('exception by @mia: customer escalation ACME-1234');
  expect(ledgerOf(pr)).toContainEqual(
    expect.objectContaining({
      t: 'exception',
      by: 'mia',
      reason: 'customer escalation ACME-1234',
      sha: head,
    }),
  );
});

test('a freeze holds release PRs, the merge queue and deployments, outlives a restart, and lifts', async () => {
  setClock('2026-12-14T09:00:00Z'); // Monday 10:00 in Berlin: inside the window
  const { pr, head } = await completeRelease('7.2.0');
  expect(gateRun(h.sim, head)?.conclusion).toBe('success');
  try {
    await freezeAndLift(pr, head);
  } finally {
    // the freeze is repository-wide: never leave it to the other tests
    await h.sim.userComments(pr, 'mia', '/shipgate unfreeze');
    await h.settle();
  }
});

async function freezeAndLift(pr: number, head: string): Promise<void> {
  await h.sim.userComments(pr, 'mia', '/shipgate freeze 2d database migration incident');
  await h.settle();
  expect(lastReply(pr)).toContain('froze releases until **Wed 2026-12-16 10:00');
  const issue = h.sim.issuesIn(REPO).find((one) => one.labels.includes('shipgate-freeze'));
  expect(issue?.user).toBe('shipgate[bot]');
  expect(gateRun(h.sim, head)?.status).toBe('in_progress');
  expect(summaryOf(gateRun(h.sim, head))).toContain('change freeze: database migration incident (by @mia)');
  expect(ledgerOf(pr)).toContainEqual(expect.objectContaining({ t: 'freeze', by: 'mia' }));
  // closing the issue by hand does not lift it, and a restart (empty memory) still finds it
  const frozen = h.sim.issuesIn(REPO).find((one) => one.number === issue?.number);
  if (frozen) frozen.state = 'closed'; // as a person with triage access would
  await h.restart();
  await h.sim.userComments(pr, 'bob', '/shipgate refresh');
  await h.settle();
  expect(gateRun(h.sim, head)?.status).toBe('in_progress');
  // the merge queue and the deployment protection rule honour it
  const group = await h.sim.mergeGroup(pr);
  await h.settle();
  await publishEvidence(h, group.head_sha, PASSING);
  expect(gateRun(h.sim, group.head_sha)?.conclusion).not.toBe('success');
  expect(summaryOf(gateRun(h.sim, group.head_sha))).toContain('change freeze');
  await h.sim.deploymentProtectionRule({ environment: 'production', sha: head });
  await h.settle();
  expect(h.sim.state.deploymentReviews.at(-1)).toMatchObject({ state: 'rejected' });
  expect(h.sim.state.deploymentReviews.at(-1)?.comment).toContain('change freeze');
  // only the role lifts it
  await h.sim.userComments(pr, 'bob', '/shipgate unfreeze');
  await h.settle();
  expect(lastReply(pr)).toContain('only the role `release-manager` may lift a freeze');
  await h.sim.userComments(pr, 'mia', '/shipgate unfreeze');
  await h.settle();
  expect(gateRun(h.sim, head)?.conclusion).toBe('success');
  expect(h.sim.issuesIn(REPO).find((one) => one.number === issue?.number)?.state).toBe('closed');
  expect(ledgerOf(pr)).toContainEqual(expect.objectContaining({ t: 'unfreeze', by: 'mia' }));
  expect(h.sim.validationErrors).toEqual([]);
}

test('break-glass passes the gate loudly; the post-review stays pending on the merge commit, reminds, escalates, and completes', async () => {
  setClock('2026-12-15T09:00:00Z'); // Tuesday, inside the window
  const { number: pr, sha: head } = await openRelease(h, { head: 'release/7.3.0', title: 'Release 7.3.0' });
  await publishEvidence(h, head, PASSING);
  expect(gateRun(h.sim, head)?.status).toBe('in_progress'); // both sign-offs missing
  await h.sim.userComments(pr, 'bob', '/shipgate break-glass checkout is down for everyone');
  await h.settle();
  expect(lastReply(pr)).toContain('only the role `release-manager` may break glass');
  await h.sim.userComments(pr, 'mia', '/shipgate break-glass checkout is down for everyone');
  await h.settle();
  const run = gateRun(h.sim, head);
  expect(run?.conclusion).toBe('success');
  expect(summaryOf(run)).toContain('BREAK-GLASS by @mia');
  expect(lastReply(pr)).toContain('🚨 BREAK-GLASS: emergency change by @mia');
  expect(lastReply(pr)).toContain('2026-12-16T09:00:00.000Z');
  expect(ledgerOf(pr)).toContainEqual(
    expect.objectContaining({ t: 'break-glass', by: 'mia', skipped: ['qa-signoff', 'eng-signoff'] }),
  );
  const closed = await h.sim.closePullRequest(pr, { merged: true, login: 'mia' });
  await h.settle();
  const merge = closed.pull?.merge_commit_sha ?? '';
  const review = runNamed(h, merge, 'shipgate/post-review');
  expect(review?.status).toBe('in_progress');
  expect(review?.output.title).toContain('Post-review pending: 2 of 2 skipped item(s) missing');
  // the audit record on the final `shipgate` run says what happened
  const record = readAuditJson(gateRun(h.sim, head)?.output.text) as { emergency?: { review: string } };
  expect(record.emergency?.review).toBe('pending review (due 2026-12-16T09:00:00.000Z)');

  // half-way: a reminder mentioning the roles
  setClock('2026-12-15T21:30:00Z');
  await h.server.app.cutoverTick();
  await h.settle();
  expect(lastReply(pr)).toContain('⏰ Reminder');
  expect(lastReply(pr)).toContain('@acme/qa');
  // overdue: mentions, an issue, the ledger and the audit record say so
  setClock('2026-12-16T09:01:00Z');
  const tick = await h.server.app.cutoverTick();
  await h.settle();
  // the tick passes over every watched PR, and other tests' PRs may still be watched (any order)
  expect((tick.governance ?? []).filter((g) => g.pr === `${REPO}#${pr}`)).toEqual([
    { pr: `${REPO}#${pr}`, outcome: 'escalated' },
  ]);
  const escalation = h.sim.issuesIn(REPO).find((one) => one.title.includes('emergency change not reviewed'));
  expect(escalation?.body).toContain('@erin');
  expect(lastReply(pr)).toContain('Overdue: emergency change not reviewed');
  expect(runNamed(h, merge, 'shipgate/post-review')?.output.title).toContain('OVERDUE');
  const overdue = readAuditJson(gateRun(h.sim, head)?.output.text) as { emergency?: { review: string } };
  expect(overdue.emergency?.review).toBe('emergency change not reviewed');
  expect(gateRun(h.sim, head)?.output.text).toContain('## 🚨 Emergency change (break-glass)');
  expect(gateRun(h.sim, head)?.output.text).toContain('Post-review due');
  // the sign-offs given on the merged PR complete the review
  await edit(h, pr, 'quinn', 'qa-signoff', true);
  expect(runNamed(h, merge, 'shipgate/post-review')?.status).toBe('in_progress');
  await h.sim.userComments(pr, 'erin', '/shipgate sign-off engineering-lead');
  await h.settle();
  const done = runNamed(h, merge, 'shipgate/post-review');
  expect(done?.conclusion).toBe('success');
  const reviewed = readAuditJson(gateRun(h.sim, head)?.output.text) as { emergency?: { review: string } };
  expect(reviewed.emergency?.review).toBe('reviewed');
  expect(h.sim.validationErrors).toEqual([]);
});

test('note=required: a tick counts only with a note', async () => {
  setClock('2026-12-15T10:00:00Z');
  h.sim.commit(REPO, {
    branch: 'main',
    files: {
      '.github/release-checklist.md': RELEASE_TEMPLATE.replace(
        '<!-- shipgate: id=login -->',
        '<!-- shipgate: id=login -->',
      ).replace(
        '<!-- shipgate: role=qa-lead id=qa-signoff -->',
        '<!-- shipgate: role=qa-lead id=qa-signoff note=required -->',
      ),
    },
  });
  const { pr, head } = await completeRelease('7.4.0');
  const run = gateRun(h.sim, head);
  expect(run?.status).toBe('in_progress');
  expect(run?.output.summary).toContain('ticked without the required note');
  await h.sim.userComments(pr, 'quinn', '/shipgate note qa-signoff regression suite 412/412 on staging');
  await h.settle();
  expect(gateRun(h.sim, head)?.conclusion).toBe('success');
  expect(ledgerOf(pr)).toContainEqual(
    expect.objectContaining({ t: 'note', item: 'qa-signoff', by: 'quinn' }),
  );
  h.sim.commit(REPO, { branch: 'main', files: { '.github/release-checklist.md': RELEASE_TEMPLATE } });
});
