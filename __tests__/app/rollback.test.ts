/** Rollback: a ticked trigger or `/shipgate rollback` opens one incident and makes the steps required. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { checklist, gateRun, type Harness, isTicked, openRelease } from './harness.js';
import { edit, openMergedRelease, runNamed, startReleaseHarness } from './release-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startReleaseHarness();
});
afterAll(async () => {
  await h?.close();
});

const incidents = () => h.sim.issuesIn().filter((i) => i.title.startsWith('Incident: rollback'));
const incidentsOf = (pr: number) => incidents().filter((i) => i.title.endsWith(`(PR #${pr})`));
const statusLine = (pr: number) => checklist(h.sim, pr).body.split('\n')[1] ?? '';

test('before a rollback the rollback steps are optional', async () => {
  const { pr } = await openMergedRelease(h, '7.1.0');
  expect(statusLine(pr)).toContain('post-deploy: 0 of 2 required items done');
  expect(incidentsOf(pr)).toHaveLength(0);
});

test('ticking a rollback trigger opens one incident issue, pings the contacts and requires the steps', async () => {
  const { pr, merge } = await openMergedRelease(h, '7.2.0');
  const before = incidents().length;
  await edit(h, pr, 'bob', 'trigger-errors', true);
  expect(isTicked(checklist(h.sim, pr).body, 'trigger-errors')).toBe(true);
  expect(incidents()).toHaveLength(before + 1);
  expect(incidentsOf(pr)).toHaveLength(1);
  const issue = incidentsOf(pr)[0];
  const body = issue?.body ?? '';
  expect(issue?.title).toBe(`Incident: rollback of acme/web v7.2.0 (PR #${pr})`);
  expect(issue?.labels).toEqual(['incident', 'rollback']);
  expect(body).toContain('**Reason**: rollback trigger: Error rate &gt; 5%');
  expect(body).toContain(`**Pull request**: #${pr} — Release 7.2.0`);
  expect(body).toContain(`**Commit**: \`${merge}\``);
  expect(body).toContain('**Started by**: @bob');
  for (const row of [
    '| **P0** | Complete outage | 5 minutes |',
    '| **P1** | Critical function broken | 15 minutes |',
    '| **P2** | Degraded performance | 1 hour |',
    '| **P3** | Minor issue | 4 hours |',
  ])
    expect(body).toContain(row);
  expect(body).toContain('- [ ] Switch traffic back to blue\n- [ ] Notify team');
  expect(body).toContain('- on-call (Olga): @olga');

  const ping = h.sim.commentsOn(pr).find((c) => c.body.startsWith('🔄 **Rollback started**'));
  expect(ping?.body).toContain(`Incident: #${issue?.number}`);
  expect(ping?.body).toContain('- on-call (Olga): @olga');
  expect(statusLine(pr)).toContain('post-deploy: 0 of 4 required items done');
  expect(statusLine(pr)).toContain(`rollback in progress (incident ${issue?.number})`);
  expect(runNamed(h, merge, 'shipgate/post-deploy')?.output.summary).toContain('Switch traffic back to blue');
  expect(h.sim.validationErrors).toEqual([]);
});

test('more triggers, a redelivered webhook after a restart and a second command open no second incident', async () => {
  const { pr } = await openMergedRelease(h, '7.3.0');
  await edit(h, pr, 'bob', 'trigger-errors', true);
  expect(incidentsOf(pr)).toHaveLength(1);
  const before = incidents().length;
  // bob's edit that ticked the first trigger
  const delivery = h.sim.deliveries.find(
    (d) =>
      d.event === 'issue_comment' &&
      d.action === 'edited' &&
      (d.payload.issue as { number?: number } | undefined)?.number === pr &&
      /"login":"bob"/.test(d.body),
  );
  expect(delivery).toBeDefined();
  await edit(h, pr, 'bob', 'trigger-bug', true);
  await h.restart();
  if (delivery) await h.sim.redeliver(delivery.id);
  await h.sim.userComments(pr, 'bob', '/shipgate rollback payments failing');
  await h.settle();
  expect(incidentsOf(pr)).toHaveLength(1);
  expect(incidents()).toHaveLength(before);
  const reply = h.sim.commentsOn(pr).at(-1)?.body ?? '';
  expect(reply).toContain(`@bob a rollback is already in progress (incident #${incidentsOf(pr)[0]?.number})`);
  expect(h.sim.commentsOn(pr).filter((c) => c.body.startsWith('🔄 **Rollback started**'))).toHaveLength(1);
  expect(h.sim.validationErrors).toEqual([]);
});

test('doing the rollback steps and the post-deploy items completes the post-deploy gate', async () => {
  const { pr, merge } = await openMergedRelease(h, '7.4.0');
  await edit(h, pr, 'bob', 'trigger-errors', true);
  expect(statusLine(pr)).toContain('post-deploy: 0 of 4 required items done');
  for (const id of ['step-traffic', 'step-notify', 'login']) await edit(h, pr, 'bob', id, true);
  expect(statusLine(pr)).toContain('post-deploy: 3 of 4 required items done');
  expect(runNamed(h, merge, 'shipgate/post-deploy')?.status).toBe('in_progress');
});

test('/shipgate rollback on an open release PR needs write access and a reason, then requires the steps', async () => {
  const { number: n, sha: head } = await openRelease(h, {
    head: 'release/6.1.0',
    title: 'Release 6.1.0',
    files: { 'src/app.ts': 'export const v = 2;\n' },
  });
  const incidentsBefore = incidents().length;
  await h.sim.userComments(n, 'rando', '/shipgate rollback it is broken');
  await h.settle();
  expect(h.sim.commentsOn(n).at(-1)?.body).toContain('@rando shipgate commands need write access');
  await h.sim.userComments(n, 'bob', '/shipgate rollback');
  await h.settle();
  expect(h.sim.commentsOn(n).at(-1)?.body).toContain('a rollback needs a reason');
  expect(incidents()).toHaveLength(incidentsBefore);

  const before = gateRun(h.sim, head)?.output.summary ?? '';
  expect(before).not.toContain('Switch traffic back to blue');
  await h.sim.userComments(n, 'bob', '/shipgate rollback checkout errors on canary');
  await h.settle();
  expect(incidents()).toHaveLength(incidentsBefore + 1);
  expect(incidentsOf(n)).toHaveLength(1);
  const issue = incidentsOf(n)[0];
  expect(issue?.body).toContain('**Reason**: checkout errors on canary');
  expect(issue?.body).toContain(`**Commit**: \`${head}\``);
  expect(gateRun(h.sim, head)?.output.summary).toContain('Switch traffic back to blue');
  expect(h.sim.validationErrors).toEqual([]);
  expect(h.sim.webhookValidationErrors).toEqual([]);
});
