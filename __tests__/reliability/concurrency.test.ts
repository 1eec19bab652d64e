/**
 * 50 people tick 50 different items at the same moment, each editing the same stale copy of the
 * comment (so every save overwrites the others on GitHub). Half may tick, half may not: every
 * authorized tick must survive, every other one be reverted, with exactly one checklist comment.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { decodeStateBlock } from '../../src/core/comment/state-block.js';
import { foldLedger } from '../../src/core/ledger/ledger.js';
import {
  checklist,
  checklistComments,
  type Harness,
  isTicked,
  REPO,
  startHarness,
  toggle,
} from '../app/harness.js';

const PEOPLE = 50;
const ids = Array.from({ length: PEOPLE }, (_, i) => `step-${i}`);
// Everyone has write access (GitHub lets only them edit the bot's comment); the odd steps are
// qa-lead sign-offs, and none of the odd people is in the qa team: their ticks are refused.
const person = (i: number) => (i % 2 === 0 ? `writer-${i}` : `outsider-${i}`);
const allowed = (i: number) => i % 2 === 0;

const TEMPLATE = `# {{app|Web}} v{{version}} - Release Checklist

## Manual
${ids.map((id, i) => `- [ ] Step ${i} verified <!-- shipgate: id=${id}${allowed(i) ? '' : ' role=qa-lead'} -->`).join('\n')}

## Notes
{{notes}}
`;

let h: Harness;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // A production-like window: a burst of reverted ticks gets a few explanation replies, not one each.
  h = await startHarness({ validateWebhooks: false, replyBurstMs: 1500 });
  h.sim.commit(REPO, { branch: 'main', files: { '.github/release-checklist.md': TEMPLATE } });
  for (let i = 0; i < PEOPLE; i++) h.sim.setPermission(REPO, person(i), 'write');
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await h?.close();
});

test('50 simultaneous overwriting edits: authorized ticks kept, the rest reverted, one comment', async () => {
  const opened = await h.sim.openPullRequest({ head: 'release/9.0.0', user: 'rita', files: { a: '1' } });
  await h.settle();
  const pr = opened.number;
  const { id, body: stale } = checklist(h.sim, pr);
  const started = Date.now();
  // every edit starts from the same stale body; each save replaces whatever was stored before
  await Promise.all(ids.map((item, i) => h.sim.userEditsComment(id, person(i), toggle(stale, item, true))));
  await h.settle();
  expect(Date.now() - started).toBeLessThan(30_000);

  const body = checklist(h.sim, pr).body;
  const block = decodeStateBlock(body);
  const states = block.found && 'ledger' in block ? foldLedger(block.ledger) : {};
  const kept = ids.filter((item) => isTicked(body, item));
  expect(kept).toEqual(ids.filter((_, i) => allowed(i)));
  ids.forEach((item, i) => {
    expect(states[item]?.checked ?? false).toBe(allowed(i));
    if (allowed(i)) expect(states[item]?.by).toBe(person(i));
  });
  expect(checklistComments(h.sim, pr)).toHaveLength(1);
  const replies = h.sim.commentsOn(pr).filter((c) => c.body.startsWith('shipgate reverted'));
  expect(replies.length).toBeGreaterThanOrEqual(1);
  expect(replies.length).toBeLessThan(PEOPLE / 4);
  // every refused person is accounted for: named, or counted in "…and N more"
  const named = ids.filter((_, i) => !allowed(i) && replies.some((r) => r.body.includes(`@${person(i)} `)));
  const more = replies.reduce((sum, r) => sum + Number(/…and (\d+) more/.exec(r.body)?.[1] ?? 0), 0);
  expect(named.length + more).toBe(PEOPLE / 2);
  expect(h.sim.validationErrors).toEqual([]);
  expect(unhandled).toEqual([]);
});
