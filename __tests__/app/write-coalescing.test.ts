/**
 * Coalesced writes with the production window (1 s): a burst of toggles on one PR folds into one
 * comment update and one check-run update per window, and nothing anybody ticked is lost.
 * GitHub allows about 80 content-creating requests a minute per installation
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits).
 * The window is reckoned by a clock the test moves (HandClock): on a loaded machine the toggles
 * sent "within one second" of wall-clock time reach the bot over several seconds, and the bot
 * then rightly writes once per window it saw them in. Here the burst is within one window by
 * construction, and the window ends when the test says, after every toggle has reached the bot.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { stepsWaiting } from '../../src/bot/pr/run-step.js';
import { HandClock } from '../helpers/hand-clock.js';
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

const WINDOW_MS = 1000;
const clock = new HandClock();
let h: Harness;
let pr: number;
let sha: string;

/**
 * Sends the edits one after another (each from the comment as the previous one left it), waits
 * until each has either been handled or is waiting in the PR's write window, then ends the window.
 */
async function burst(edits: { login: string; id: string; checked: boolean }[]): Promise<void> {
  let answered = 0;
  const sent: Promise<unknown>[] = [];
  for (const { login, id, checked } of edits) {
    const edit = h.sim.userEditsComment(
      checklist(h.sim, pr).id,
      login,
      toggle(checklist(h.sim, pr).body, id, checked),
    );
    sent.push(edit.finally(() => answered++));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  while (answered + stepsWaiting(h.server.app.bot) < edits.length)
    await new Promise((resolve) => setTimeout(resolve, 5));
  clock.advance(WINDOW_MS);
  await Promise.all(sent);
  await h.settle();
}

beforeAll(async () => {
  h = await startHarness({ writeWindowMs: WINDOW_MS, writeClock: clock });
  h.sim.commit(REPO, { branch: 'main', files: { '.github/release-checklist.md': TEMPLATE } });
  ({ number: pr, sha } = await openRelease(h, { head: 'release/3.0.0', files: { 'a.ts': '1\n' } }));
  // one toggle per person warms the permission cache, as on a PR people have been working on
  for (const [i, login] of PEOPLE.entries()) {
    clock.advance(WINDOW_MS);
    await h.sim.userEditsComment(
      checklist(h.sim, pr).id,
      login,
      toggle(checklist(h.sim, pr).body, ITEMS[i] ?? '', true),
    );
    await h.settle();
    clock.advance(WINDOW_MS);
    await h.sim.userEditsComment(
      checklist(h.sim, pr).id,
      login,
      toggle(checklist(h.sim, pr).body, ITEMS[i] ?? '', false),
    );
    await h.settle();
  }
});
afterAll(async () => {
  clock.advance(WINDOW_MS);
  await h?.close();
});

/** A content write by the app (installation token); token exchanges and people's edits are not. */
const isWrite = (r: { method: string; identity: string }) =>
  r.method !== 'GET' && r.identity.startsWith('installation:');

test('20 toggles by 4 people within one second: at most 4 GitHub writes, every tick kept', async () => {
  clock.advance(WINDOW_MS); // a quiet PR: the window has passed
  const before = h.sim.requests.length;
  // the first toggle is written at once; the others, arriving while it is written or within the
  // window after it, are written together when the window ends
  await burst(ITEMS.map((id, i) => ({ login: PEOPLE[i % PEOPLE.length] ?? 'bob', id, checked: true })));
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
  clock.advance(WINDOW_MS);
  // bob has write access (GitHub lets him edit the comment) but is not in the qa-lead role
  await burst(['m1', 'qa', 'm3'].map((id, i) => ({ login: 'bob', id, checked: i === 1 })));
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'm1')).toBe(false);
  expect(isTicked(body, 'qa')).toBe(false); // reverted: bob is not in the qa-lead role
  expect(isTicked(body, 'm3')).toBe(false);
  expect(
    h.sim.commentsOn(pr).filter((c) => c.body.startsWith('shipgate reverted') && c.body.includes('@bob')),
  ).toHaveLength(1);
});
