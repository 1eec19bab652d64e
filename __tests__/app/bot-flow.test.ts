/** The main path end to end: the real app over HTTP against the GitHub simulator. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { CommentEditRefused } from '../simulator/index.js';
import {
  checklist,
  completeGate,
  editChecklist,
  gateRun,
  type Harness,
  isTicked,
  line,
  openRelease,
  PASSING,
  publishEvidence,
  revertReplies,
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

/** Each test's own release PR `version` (no test sees another's PR). */
const open = async (version: string) => {
  const { number: pr, sha } = await openRelease(h, {
    head: `release/${version}`,
    title: `Release ${version}`,
  });
  return { pr, sha };
};
const replies = (pr: number) => revertReplies(h.sim, pr);

test('opening a release PR posts exactly one checklist and a waiting shipgate check', async () => {
  const { pr, sha } = await open('7.1.0');
  const body = checklist(h.sim, pr).body;
  expect(body).toContain('# Web v7.1.0 - Release Checklist');
  expect(body).toMatch(/\*\*Deployed By\*\*: @\u200b?rita/);
  const run = gateRun(h.sim, sha);
  expect(run?.status).toBe('in_progress');
  expect(run?.conclusion).toBeNull();
  expect(run?.output.summary).toContain('**QA Lead** sign-off — @acme/qa');
  expect(run?.output.summary).toContain('**Engineering Lead** sign-off — @erin');
  expect(run?.actions).toHaveLength(2);
  // more pull_request events do not duplicate the comment
  await h.sim.labelPullRequest(pr, 'release');
  await h.settle();
  expect(h.sim.commentsOn(pr)).toHaveLength(1);
  expect(h.sim.validationErrors).toEqual([]);
});

test('results from the Action tick the automated items', async () => {
  const { pr, sha } = await open('7.2.0');
  await publishEvidence(h, sha, PASSING);
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'secrets')).toBe(true);
  expect(line(body, 'secrets')).toContain('0 secrets in 120 files');
  expect(isTicked(body, 'env-files')).toBe(true);
  expect(h.sim.validationErrors).toEqual([]);
});

test('an authorized manual tick is kept and attributed', async () => {
  const { pr } = await open('7.3.0');
  await editChecklist(h, pr, 'bob', 'customer-flow', true);
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'customer-flow')).toBe(true);
  expect(line(body, 'customer-flow')).toContain('@bob');
  expect(replies(pr)).toHaveLength(0);
  expect(h.sim.validationErrors).toEqual([]);
});

test('GitHub itself refuses a read-only user edit of the checklist: no webhook, nothing changes', async () => {
  const { pr } = await open('7.4.0');
  const before = checklist(h.sim, pr);
  const deliveries = h.sim.deliveries.length;
  await expect(
    h.sim.userEditsComment(before.id, 'rando', toggle(before.body, 'rollback-plan', true)),
  ).rejects.toBeInstanceOf(CommentEditRefused);
  expect(h.sim.deliveries).toHaveLength(deliveries);
  expect(checklist(h.sim, pr).body).toBe(before.body);
});

test('a sign-off by someone outside the role is reverted with one explanation', async () => {
  const { pr } = await open('7.5.0');
  await editChecklist(h, pr, 'bob', 'customer-flow', true);
  const before = replies(pr).length;
  await editChecklist(
    h,
    pr,
    'bob',
    'qa-signoff',
    true,
    toggle(checklist(h.sim, pr).body, 'eng-signoff', true),
  );
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'qa-signoff')).toBe(false);
  expect(isTicked(body, 'eng-signoff')).toBe(false);
  expect(isTicked(body, 'customer-flow')).toBe(true);
  expect(replies(pr)).toHaveLength(before + 1);
  const reply = replies(pr).at(-1)?.body ?? '';
  expect(reply).toContain('@bob cannot sign off "QA Lead": not in role qa-lead (ask @acme/qa)');
  expect(reply).toContain(
    '@bob cannot sign off "Engineering Lead": not in role engineering-lead (ask @erin)',
  );
  expect(h.sim.validationErrors).toEqual([]);
});

test("the PR author's own sign-off is rejected under separation of duties", async () => {
  const { pr } = await open('7.6.0');
  await editChecklist(h, pr, 'rita', 'qa-signoff', true);
  expect(isTicked(checklist(h.sim, pr).body, 'qa-signoff')).toBe(false);
  expect(replies(pr).at(-1)?.body).toContain('@rita cannot sign off "QA Lead"');
  expect(replies(pr).at(-1)?.body).toContain('separation of duties');
});

test('a human ticking or unticking an automated item is reverted', async () => {
  const { pr, sha } = await open('7.7.0');
  await publishEvidence(h, sha, PASSING);
  expect(isTicked(checklist(h.sim, pr).body, 'secrets')).toBe(true);
  await editChecklist(h, pr, 'erin', 'secrets', false);
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'secrets')).toBe(true);
  expect(replies(pr).at(-1)?.body).toContain(
    '@erin cannot untick "No hardcoded credentials in code": it is automated',
  );
});

test("two people's overlapping edits that overwrite each other keep both ticks", async () => {
  const { pr } = await open('7.8.0');
  const base = checklist(h.sim, pr).body;
  const quinnCopy = toggle(base, 'qa-signoff', true);
  const erinCopy = toggle(base, 'eng-signoff', true); // made from the same old copy
  const id = checklist(h.sim, pr).id;
  await h.sim.userEditsComment(id, 'quinn', quinnCopy);
  await h.sim.userEditsComment(id, 'erin', erinCopy); // saved over quinn's version
  await h.settle();
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'qa-signoff')).toBe(true);
  expect(line(body, 'qa-signoff')).toContain('@quinn');
  expect(isTicked(body, 'eng-signoff')).toBe(true);
  expect(line(body, 'eng-signoff')).toContain('@erin');
  expect(h.sim.validationErrors).toEqual([]);
});

test('free text in the notes area survives re-renders', async () => {
  const { pr, sha } = await open('7.9.0');
  await completeGate(h, pr, sha, { except: ['rollback-plan'] });
  expect(gateRun(h.sim, sha)?.status).toBe('in_progress');
  const body = checklist(h.sim, pr).body.replace(
    /<!-- shipgate:notes -->\n[\s\S]*?\n<!-- \/shipgate:notes -->/,
    '<!-- shipgate:notes -->\nDB migration runs at 09:00 UTC\n<!-- /shipgate:notes -->',
  );
  await h.sim.userEditsComment(checklist(h.sim, pr).id, 'bob', toggle(body, 'rollback-plan', true));
  await h.settle();
  const after = checklist(h.sim, pr).body;
  expect(after).toContain('DB migration runs at 09:00 UTC');
  expect(isTicked(after, 'rollback-plan')).toBe(true);
  expect(gateRun(h.sim, sha)?.conclusion).toBe('success');
  expect(gateRun(h.sim, sha)?.status).toBe('completed');
});

test('a push resets sign-offs and automated results; everything done again → success', async () => {
  const { pr, sha } = await open('7.10.0');
  await completeGate(h, pr, sha);
  expect(gateRun(h.sim, sha)?.conclusion).toBe('success');
  const pushed = await h.sim.pushToPullRequest(pr, { files: { 'src/app.ts': 'export const x = 1;\n' } });
  const next = pushed.pull?.head.sha ?? '';
  await h.settle();
  let body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'qa-signoff')).toBe(false);
  expect(line(body, 'qa-signoff')).toContain(`reset by push of ${next.slice(0, 7)}`);
  expect(line(body, 'secrets')).toContain('pending');
  expect(isTicked(body, 'customer-flow')).toBe(true); // manual ticks survive by default
  expect(gateRun(h.sim, next)?.status).toBe('in_progress');

  await publishEvidence(h, next, PASSING);
  await editChecklist(h, pr, 'quinn', 'qa-signoff', true);
  expect(gateRun(h.sim, next)?.status).toBe('in_progress');
  await editChecklist(h, pr, 'erin', 'eng-signoff', true);
  body = checklist(h.sim, pr).body;
  expect(body).toContain('✅ **shipgate**');
  const run = gateRun(h.sim, next);
  expect(run?.status).toBe('completed');
  expect(run?.conclusion).toBe('success');
  expect(h.sim.commentsOn(pr).filter((c) => c.body.includes('shipgate:checklist'))).toHaveLength(1);
  expect(h.sim.validationErrors).toEqual([]);
  expect(h.sim.webhookValidationErrors).toEqual([]);
});
