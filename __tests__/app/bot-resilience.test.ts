/** Tampering, loss, redelivery, faults and forged results, end to end against the simulator. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { decodeStateBlock } from '../../src/core/comment/state-block.js';
import {
  checklist,
  gateRun,
  type Harness,
  isTicked,
  line,
  openRelease,
  PASSING,
  publishEvidence,
  startHarness,
  toggle,
  WORKFLOW,
} from './harness.js';

let h: Harness;
let pr: number;
let sha: string;

beforeAll(async () => {
  h = await startHarness();
  ({ number: pr, sha } = await openRelease(h, { head: 'release/7.1.0', files: { 'x.ts': '1\n' } }));
  await publishEvidence(h, sha, PASSING);
  await h.sim.userEditsComment(
    checklist(h.sim, pr).id,
    'quinn',
    toggle(checklist(h.sim, pr).body, 'qa-signoff', true),
  );
  await h.settle();
});
afterAll(async () => {
  await h?.close();
});

const eventCount = () => {
  const block = decodeStateBlock(checklist(h.sim, pr).body);
  return block.found && 'ledger' in block ? block.ledger.base.count + block.ledger.events.length : -1;
};
const tamper = (body: string) =>
  body.replace(
    /(<!-- shipgate:state v1 )([A-Za-z0-9_-]{10})/,
    (_m, head: string, chunk: string) => `${head}${chunk.split('').reverse().join('')}`,
  );

test('an edited hidden block is restored and the state kept', async () => {
  const before = checklist(h.sim, pr).body;
  await h.sim.userEditsComment(checklist(h.sim, pr).id, 'bob', tamper(before));
  await h.settle();
  const after = checklist(h.sim, pr).body;
  expect(after).toBe(before);
  expect(isTicked(after, 'qa-signoff')).toBe(true);
  expect(h.sim.validationErrors).toEqual([]);
});

test('after a restart (empty memory) a tampered block is restored from the check-run mirror', async () => {
  const before = checklist(h.sim, pr).body;
  await h.restart();
  await h.sim.userEditsComment(checklist(h.sim, pr).id, 'bob', toggle(tamper(before), 'customer-flow', true));
  await h.settle();
  const after = checklist(h.sim, pr).body;
  expect(isTicked(after, 'qa-signoff')).toBe(true);
  expect(line(after, 'qa-signoff')).toContain('@quinn');
  expect(isTicked(after, 'customer-flow')).toBe(true);
  const block = decodeStateBlock(after);
  expect(block.found && 'ledger' in block).toBe(true);
});

test('a deleted checklist comment is re-posted with its state', async () => {
  const old = checklist(h.sim, pr);
  await h.sim.userDeletesComment(old.id, 'bob');
  await h.settle();
  const now = checklist(h.sim, pr);
  expect(now.id).not.toBe(old.id);
  expect(isTicked(now.body, 'qa-signoff')).toBe(true);
  expect(isTicked(now.body, 'secrets')).toBe(true);
});

test('a redelivered webhook changes nothing', async () => {
  await h.sim.userEditsComment(
    checklist(h.sim, pr).id,
    'bob',
    toggle(checklist(h.sim, pr).body, 'eng-signoff', true),
  );
  await h.settle();
  const delivery = h.sim.deliveries
    .filter((d) => d.event === 'issue_comment' && d.action === 'edited')
    .at(-1);
  const comments = h.sim.commentsOn(pr).length;
  const events = eventCount();
  const writes = h.sim.requests.filter((r) => r.method !== 'GET').length;
  expect(await h.sim.redeliver(delivery?.id ?? '')).toBe(200);
  await h.settle();
  expect(h.sim.commentsOn(pr)).toHaveLength(comments);
  expect(eventCount()).toBe(events);
  expect(h.sim.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
});

test('injected 5xx and a secondary rate limit are retried and the result is consistent', async () => {
  h.sim.faults.inject({ match: { method: 'PATCH', path: /\/issues\/comments\// }, status: 502, times: 2 });
  h.sim.faults.inject({ match: { method: 'PATCH', path: /\/check-runs\// }, status: 'secondary-rate-limit' });
  await h.sim.userEditsComment(
    checklist(h.sim, pr).id,
    'bob',
    toggle(checklist(h.sim, pr).body, 'rollback-plan', true),
  );
  await h.settle();
  expect(h.sim.faults.pending()).toBe(0);
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'rollback-plan')).toBe(true);
  expect(gateRun(h.sim, sha)?.output.summary).toContain('Engineering Lead');
  expect(gateRun(h.sim, sha)?.output.text).toContain(
    body.match(/<!-- shipgate:state v1 [^ ]+ -->/)?.[0] ?? 'missing',
  );
  expect(h.sim.validationErrors).toEqual([]);
});

test('results from a workflow the PR modifies are ignored, and the check says so', async () => {
  const opened = await h.sim.openPullRequest({
    head: 'release/7.2.0',
    user: 'rita',
    files: { [WORKFLOW]: 'on: pull_request\n# always pass\n' },
  });
  await h.settle();
  const head = opened.pull?.head.sha ?? '';
  await publishEvidence(h, head, PASSING);
  const body = checklist(h.sim, opened.number).body;
  expect(isTicked(body, 'secrets')).toBe(false);
  expect(gateRun(h.sim, head)?.output.summary).toContain('is modified by this pull request');
  expect(h.sim.validationErrors).toEqual([]);
});

test('unsigned and badly signed webhooks are refused', async () => {
  const body = JSON.stringify({ action: 'opened' });
  expect(await h.sim.deliverRaw('pull_request', body, { signature: null })).toBeGreaterThanOrEqual(400);
  expect(await h.sim.deliverRaw('pull_request', body, { signature: 'sha256=00' })).toBeGreaterThanOrEqual(
    400,
  );
  const health = await fetch(`${h.server.url}/healthz`);
  expect(health.status).toBe(200);
});
