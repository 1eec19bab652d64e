/** After the merge: post-deploy tracking on the merge commit, and the signed audit record attached. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readAuditJson } from '../../src/core/audit/audit-attachment.js';
import { verifyAuditRecord } from '../../src/core/audit/audit-record.js';
import { checklist, gateRun, type Harness, isTicked, line, REPO } from './harness.js';
import {
  edit,
  openMergedRelease,
  publishPostDeployEvidence,
  runNamed,
  startReleaseHarness,
} from './release-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startReleaseHarness();
});
afterAll(async () => {
  await h?.close();
});

const HOME_PASSES = { item: 'home', check: 'health', status: 'pass' as const, summary: 'HTTP 200 in 42 ms' };

const secret = () => h.server.app.bot.options.ledgerSecret;

test('the pre-merge gate was complete before the merge', async () => {
  const { head, merge } = await openMergedRelease(h, '7.1.0');
  expect(gateRun(h.sim, head)?.conclusion).toBe('success');
  expect(merge).toMatch(/^[0-9a-f]{40}$/);
});

test('once merged the comment shows the post-deploy gate and a post-deploy check waits on the merge commit', async () => {
  const { pr, merge } = await openMergedRelease(h, '7.2.0');
  const body = checklist(h.sim, pr).body;
  expect(body.split('\n')[1]).toContain(
    `merged as ${merge.slice(0, 7)} · post-deploy: 0 of 2 required items done`,
  );
  expect(line(body, 'home')).toContain('pending');
  const run = runNamed(h, merge, 'shipgate/post-deploy');
  expect(run?.status).toBe('in_progress');
  expect(run?.output.summary).toContain(`merged as \`${merge.slice(0, 7)}\``);
  expect(h.sim.checkRunsFor(merge).filter((r) => r.name === 'shipgate')).toHaveLength(0);
  expect(h.sim.validationErrors).toEqual([]);
});

test('the signed audit record is attached to the shipgate check run and verifies', async () => {
  const { head, merge } = await openMergedRelease(h, '7.3.0');
  const run = gateRun(h.sim, head);
  const text = run?.output.text ?? '';
  expect(text.length).toBeLessThanOrEqual(65_535);
  expect(text).toContain('# Audit record: acme/web #');
  expect(text).toContain(`merged as \`${merge}\``);
  const verified = verifyAuditRecord(readAuditJson(text), secret());
  expect(verified.ok).toBe(true);
  if (!verified.ok) return;
  expect(verified.record.pr.mergeCommitSha).toBe(merge);
  expect(verified.record.gate).toMatchObject({ phase: 'pre-merge', conclusion: 'success' });
  expect(verified.record.items.find((i) => i.id === 'qa-signoff')?.state.by).toBe('quinn');
  const json = text.slice(text.indexOf('```json shipgate-audit'));
  expect(verifyAuditRecord(readAuditJson(json.replace('"quinn"', '"mallory"')), secret()).ok).toBe(false);
  expect(run?.conclusion).toBe('success');
});

test('the audit record is appended to the GitHub release of the version', async () => {
  h.sim.addRelease(REPO, 'v7.4.0', { body: 'Bug fixes and a faster checkout.' });
  const before = h.sim.requests.length;
  await openMergedRelease(h, '7.4.0');
  const release = h.sim.state.releases.get(`${REPO}@v7.4.0`);
  const body = release?.body ?? '';
  expect(body.startsWith('Bug fixes and a faster checkout.')).toBe(true);
  expect(body).toContain('# Audit record: acme/web #');
  expect(verifyAuditRecord(readAuditJson(body), secret()).ok).toBe(true);
  const requests = h.sim.requests.slice(before);
  expect(requests.filter((r) => r.method === 'PATCH' && r.path.includes('/releases/'))).toHaveLength(1);
  expect(h.sim.validationErrors).toEqual([]);
});

test('post-deploy evidence from an untrusted workflow is ignored with a note', async () => {
  const { pr, merge } = await openMergedRelease(h, '7.5.0');
  await publishPostDeployEvidence(h, merge, [HOME_PASSES], {
    workflowPath: '.github/workflows/not-on-main.yml',
  });
  expect(isTicked(checklist(h.sim, pr).body, 'home')).toBe(false);
  expect(runNamed(h, merge, 'shipgate/post-deploy')?.output.summary).toContain(
    'is not on the default branch',
  );
  expect(h.sim.validationErrors).toEqual([]);
});

test('post-deploy evidence ticks automated post-deploy items; pre-merge results stay keyed by the head', async () => {
  const { pr, merge } = await openMergedRelease(h, '7.6.0');
  await publishPostDeployEvidence(h, merge, [
    HOME_PASSES,
    // a pre-merge item in post-deploy evidence must not move the pre-merge result to the merge commit
    { item: 'secrets', check: 'secrets', status: 'fail', summary: '1 secret' },
  ]);
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'home')).toBe(true);
  expect(line(body, 'home')).toContain('HTTP 200 in 42 ms');
  expect(isTicked(body, 'secrets')).toBe(true);
  expect(line(body, 'secrets')).toContain('0 secrets in 120 files');
  expect(body.split('\n')[1]).toContain('post-deploy: 1 of 2 required items done');
  expect(runNamed(h, merge, 'shipgate/post-deploy')?.status).toBe('in_progress');
  expect(h.sim.validationErrors).toEqual([]);
});

test('ticking the last manual post-deploy item completes the post-deploy check', async () => {
  const { pr, head, merge } = await openMergedRelease(h, '7.7.0');
  await publishPostDeployEvidence(h, merge, [HOME_PASSES]);
  expect(checklist(h.sim, pr).body.split('\n')[1]).toContain('post-deploy: 1 of 2 required items done');
  await edit(h, pr, 'bob', 'login', true);
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'login')).toBe(true);
  expect(body.split('\n')[1]).toContain('✅');
  expect(body.split('\n')[1]).toContain('post-deploy: 2 of 2 required items done — ready');
  const run = runNamed(h, merge, 'shipgate/post-deploy');
  expect(run?.status).toBe('completed');
  expect(run?.conclusion).toBe('success');
  // the `shipgate` run on the head keeps the audit record
  expect(gateRun(h.sim, head)?.output.text).toContain('# Audit record');
  expect(h.sim.validationErrors).toEqual([]);
  expect(h.sim.webhookValidationErrors).toEqual([]);
});

test('after a restart the post-deploy state is restored from the merge commit mirror', async () => {
  const { pr, merge } = await openMergedRelease(h, '7.8.0');
  await publishPostDeployEvidence(h, merge, [HOME_PASSES]);
  await edit(h, pr, 'bob', 'login', true);
  expect(runNamed(h, merge, 'shipgate/post-deploy')?.conclusion).toBe('success');
  await h.restart();
  const comment = checklist(h.sim, pr);
  await h.sim.userDeletesComment(comment.id, 'bob'); // write access: GitHub lets him delete it
  await h.settle();
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'login')).toBe(true);
  expect(isTicked(body, 'home')).toBe(true);
  expect(h.sim.validationErrors).toEqual([]);
});
