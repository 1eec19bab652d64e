/**
 * Coalesced writes with the production window (1 s): a burst of toggles on one PR folds into one
 * comment update and one check-run update per window, and nothing anybody ticked is lost.
 * GitHub allows about 80 content-creating requests a minute per installation
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import {
  checklist,
  gateRun,
  type Harness,
  isTicked,
  openRelease,
  REPO,
  startHarness,
  toggle,
} from './harness.js';

const ITEMS = Array.from({ length: 20 }, (_, i) => `m${i + 1}`);
const TEMPLATE = `# Web v{{version}} - Release Checklist

## Manual
${ITEMS.map((id) => `- [ ] Manual step ${id} <!-- shipgate: id=${id} -->`).join('\n')}

## Sign-off
- [ ] QA Lead (optional here) <!-- shipgate: role=qa-lead id=qa optional -->
`;
const PEOPLE = ['rita', 'quinn', 'erin', 'bob'];

let h: Harness;
let pr: number;
let sha: string;

beforeAll(async () => {
  h = await startHarness({ writeWindowMs: 1000 });
  h.sim.commit(REPO, { branch: 'main', files: { '.github/release-checklist.md': TEMPLATE } });
  ({ number: pr, sha } = await openRelease(h, { head: 'release/3.0.0', files: { 'a.ts': '1\n' } }));
  // one toggle per person warms the permission cache, as on a PR people have been working on
  for (const [i, login] of PEOPLE.entries()) {
    await h.sim.userEditsComment(
      checklist(h.sim, pr).id,
      login,
      toggle(checklist(h.sim, pr).body, ITEMS[i] ?? '', true),
    );
    await h.settle();
    await h.sim.userEditsComment(
      checklist(h.sim, pr).id,
      login,
      toggle(checklist(h.sim, pr).body, ITEMS[i] ?? '', false),
    );
    await h.settle();
  }
});
afterAll(async () => {
  await h?.close();
});

/** A content write by the app (installation token); token exchanges and people's edits are not. */
const isWrite = (r: { method: string; identity: string }) =>
  r.method !== 'GET' && r.identity.startsWith('installation:');

test('20 toggles by 4 people within one second: at most 4 GitHub writes, every tick kept', async () => {
  await new Promise((resolve) => setTimeout(resolve, 1100)); // a quiet PR: the window has passed
  const before = h.sim.requests.length;
  const edits: Promise<unknown>[] = [];
  for (const [i, id] of ITEMS.entries()) {
    const login = PEOPLE[i % PEOPLE.length] ?? 'bob';
    edits.push(
      h.sim.userEditsComment(checklist(h.sim, pr).id, login, toggle(checklist(h.sim, pr).body, id, true)),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(edits);
  await h.settle();
  const writes = h.sim.requests.slice(before).filter(isWrite);
  expect(writes.length).toBeLessThanOrEqual(4);
  expect(writes.length).toBeGreaterThanOrEqual(2);
  const body = checklist(h.sim, pr).body;
  for (const id of ITEMS) expect(isTicked(body, id)).toBe(true);
  expect(body).toContain('20 of 20 required items done');
  expect(gateRun(h.sim, sha)?.conclusion).toBe('success');
  expect(h.sim.validationErrors).toEqual([]);
});

test('a refused tick inside a burst is reverted and explained once; the others stand', async () => {
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const edits: Promise<unknown>[] = [];
  // bob has write access (GitHub lets him edit the comment) but is not in the qa-lead role
  for (const [i, id] of ['m1', 'qa', 'm3'].entries()) {
    edits.push(
      h.sim.userEditsComment(checklist(h.sim, pr).id, 'bob', toggle(checklist(h.sim, pr).body, id, i === 1)),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await Promise.all(edits);
  await h.settle();
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'm1')).toBe(false);
  expect(isTicked(body, 'qa')).toBe(false); // reverted: bob is not in the qa-lead role
  expect(isTicked(body, 'm3')).toBe(false);
  expect(
    h.sim.commentsOn(pr).filter((c) => c.body.startsWith('shipgate reverted') && c.body.includes('@bob')),
  ).toHaveLength(1);
});
