/**
 * A role holder with read access cannot edit the bot's comment on GitHub, so they sign off by
 * `/shipgate sign-off <role>` or by approving the PR: authorized and audited like a tick.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { decodeStateBlock } from '../../src/core/comment/state-block.js';
import { CommentEditRefused } from '../simulator/index.js';
import {
  checklist,
  type Harness,
  isTicked,
  line,
  openRelease,
  REPO,
  startHarness,
  toggle,
} from './harness.js';

let h: Harness;
let pr: number;

beforeAll(async () => {
  h = await startHarness();
  // Rosa (read) is QA lead through the acme/qa team; Ed (read) is the engineering lead by name
  h.sim.setPermission(REPO, 'rosa', 'read');
  h.sim.addTeamMember('acme', 'qa', 'rosa');
  h.sim.setPermission(REPO, 'ed', 'read');
  h.sim.commit(REPO, {
    branch: 'main',
    files: {
      '.github/shipgate.yml':
        'template: .github/release-checklist.md\nroles:\n  qa-lead:\n    teams: [acme/qa]\n  engineering-lead:\n    users: [ed]\n',
    },
  });
  ({ number: pr } = await openRelease(h, { head: 'release/9.1.0', files: { 'x.ts': '1\n' } }));
  await h.settle();
});
afterAll(async () => {
  await h?.close();
});

const ledgerEvents = (number = pr) => {
  const block = decodeStateBlock(checklist(h.sim, number).body);
  return block.found && 'ledger' in block ? block.ledger.events : [];
};
const replies = (number = pr) =>
  h.sim.commentsOn(number).filter((c) => c.body.startsWith('shipgate reverted'));

test('the box is out of reach: GitHub refuses the read-only role holder edit', async () => {
  const { id, body } = checklist(h.sim, pr);
  await expect(h.sim.userEditsComment(id, 'rosa', toggle(body, 'qa-signoff', true))).rejects.toBeInstanceOf(
    CommentEditRefused,
  );
});

test('/shipgate sign-off qa-lead by a team member with read access is a tick with attribution', async () => {
  await h.sim.userComments(pr, 'rosa', '/shipgate sign-off qa-lead');
  await h.settle();
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'qa-signoff')).toBe(true);
  expect(line(body, 'qa-signoff')).toContain('@rosa');
  expect(ledgerEvents().at(-1)).toMatchObject({ t: 'tick', item: 'qa-signoff', by: 'rosa' });
});

test('an outsider asking is refused, audited as a reject and told why; an unknown role too', async () => {
  h.sim.setPermission(REPO, 'mallory', 'read');
  // a PR of its own: the tests run in any order, and Ed's approval in another may have ticked the box
  const { number: own } = await openRelease(h, { head: 'release/9.1.1', files: { 'y.ts': '1\n' } });
  await h.settle();
  await h.sim.userComments(own, 'mallory', '/shipgate sign-off engineering-lead');
  await h.settle();
  expect(isTicked(checklist(h.sim, own).body, 'eng-signoff')).toBe(false);
  expect(ledgerEvents(own).at(-1)).toMatchObject({ t: 'reject', item: 'eng-signoff', by: 'mallory' });
  expect(replies(own).at(-1)?.body).toContain('not in role engineering-lead');
  await h.sim.userComments(own, 'mallory', '/shipgate sign-off ceo');
  await h.settle();
  expect(replies(own).at(-1)?.body).toMatch(/unknown role \(roles: `qa-lead`, `engineering-lead`\)/);
});

test('an approving review of the head by the engineering lead signs that role off; others are not sign-offs', async () => {
  const before = ledgerEvents().length;
  await h.sim.userReviews(pr, 'mallory', 'approved'); // approves, holds no role: nothing recorded
  await h.sim.userReviews(pr, 'ed', 'commented'); // not an approval
  await h.sim.userReviews(pr, 'ed', 'approved', { commitId: 'f'.repeat(40) }); // an older commit
  await h.settle();
  expect(ledgerEvents()).toHaveLength(before);
  await h.sim.userReviews(pr, 'ed', 'approved');
  await h.settle();
  const body = checklist(h.sim, pr).body;
  expect(isTicked(body, 'eng-signoff')).toBe(true);
  expect(line(body, 'eng-signoff')).toContain('@ed');
  expect(ledgerEvents().slice(before)).toEqual([
    expect.objectContaining({ t: 'tick', item: 'eng-signoff', by: 'ed' }),
  ]);
  expect(h.sim.validationErrors).toEqual([]);
  expect(h.sim.webhookValidationErrors).toEqual([]);
});
