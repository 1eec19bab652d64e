/** Path-aware push resets, conditional items (`when-paths`, `when-labels`) and `/shipgate na`, end to end. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { forcePushPullRequest } from '../simulator/pull-rewrites.js';
import {
  checklist,
  gateRun,
  type Harness,
  isTicked,
  line,
  openRelease,
  REPO,
  startHarness,
  toggle,
} from './harness.js';

const TEMPLATE = `# Web v{{version}} - Release Checklist

## Manual
- [ ] Customer flow: Browse → Order → Pay <!-- shipgate: id=customer-flow -->
- [ ] Docs reviewed <!-- shipgate: id=docs-reviewed -->
- [ ] Migrations ran on staging <!-- shipgate: id=migrations-staging when-paths="migrations/**" -->
- [ ] Database backup verified <!-- shipgate: id=db-backup when-labels=db -->

## Sign-off
- [ ] QA Lead: _______________ Date: ___________ <!-- shipgate: role=qa-lead id=qa-signoff -->
`;

const CONFIG = `template: .github/release-checklist.md
roles:
  qa-lead:
    teams: [acme/qa]
    invalidateOn: ['src/**']
invalidateOnPush:
  ignore: [CHANGELOG.md]
  versionFiles: [package.json]
`;

const pkg = (version: string, extra = '') =>
  `{\n  "name": "web",\n  "version": "${version}",\n  "scripts": { "build": "tsc"${extra} }\n}\n`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  h.sim.commit(REPO, {
    files: {
      '.github/shipgate.yml': CONFIG,
      '.github/release-checklist.md': TEMPLATE,
      'package.json': pkg('6.0.2'),
      'CHANGELOG.md': '# Changelog\n',
    },
  });
});
afterAll(async () => {
  await h?.close();
});

/** Each test's own release PR `version` (changing src/app.ts), with helpers acting on it. */
async function openPr(version: string) {
  const { number: pr } = await openRelease(h, {
    head: `release/${version}`,
    title: `Release ${version}`,
    files: { 'src/app.ts': 'export const a = 1;\n' },
  });
  const body = () => checklist(h.sim, pr).body;
  const edit = async (login: string, id: string, checked: boolean) => {
    await h.sim.userEditsComment(checklist(h.sim, pr).id, login, toggle(body(), id, checked));
    await h.settle();
  };
  return {
    pr,
    body,
    edit,
    headSha: () => h.sim.pull(REPO, pr).pull?.head.sha ?? '',
    lastComment: () => h.sim.commentsOn(pr).at(-1)?.body ?? '',
    async push(files: Record<string, string | null>) {
      await h.sim.pushToPullRequest(pr, { files });
      await h.settle();
    },
    async signQa() {
      await edit('quinn', 'qa-signoff', true);
      expect(isTicked(body(), 'qa-signoff')).toBe(true);
    },
  };
}

test('items whose condition the PR does not meet are shown not applicable and not required', async () => {
  const { body, headSha } = await openPr('7.1.0');
  expect(line(body(), 'migrations-staging')).toContain('⚪ not applicable (no changes in migrations/\\*\\*)');
  expect(line(body(), 'db-backup')).toContain('⚪ not applicable (no label db)');
  // 3 required: customer flow, docs, QA; 2 not applicable
  expect(body()).toContain('0 of 3 required items done (2 not applicable)');
  expect(gateRun(h.sim, headSha())?.output.title).toContain('0 of 3 required items done');
  expect(h.sim.validationErrors).toEqual([]);
});

test("QA's sign-off survives a push touching only docs/**, and resets on a push touching src/**", async () => {
  const { body, headSha, push, signQa } = await openPr('7.2.0');
  await signQa();
  await push({ 'docs/guide.md': '# Guide\n' });
  expect(isTicked(body(), 'qa-signoff')).toBe(true);

  await push({ 'src/app.ts': 'export const a = 2;\n' });
  const sha = headSha().slice(0, 7);
  expect(isTicked(body(), 'qa-signoff')).toBe(false);
  expect(line(body(), 'qa-signoff')).toContain(`↩️ reset by push of ${sha} (src/app.ts changed)`);
  expect(h.sim.validationErrors).toEqual([]);
});

test('a push touching only CHANGELOG.md and a version-only package.json bump resets nothing', async () => {
  const { pr, body, push, signQa } = await openPr('7.3.0');
  await signQa();
  // a waiver has no scope: any relevant change resets it
  await h.sim.userComments(pr, 'bob', '/shipgate waive customer-flow tested by hand on staging');
  await h.settle();
  expect(line(body(), 'customer-flow')).toContain('waived by @bob');
  const before = h.sim.requests.length;
  await push({ 'CHANGELOG.md': '# Changelog\n\n## 6.0.3\n', 'package.json': pkg('6.0.3') });
  const paths = h.sim.requests.slice(before).map((r) => r.path);
  expect(paths.filter((p) => p.includes('/compare/'))).toHaveLength(1);
  expect(paths.filter((p) => p.includes('/contents/package.json'))).toHaveLength(2); // before and after
  expect(isTicked(body(), 'qa-signoff')).toBe(true);
  expect(line(body(), 'customer-flow')).toContain('waived by @bob');

  // a package.json change beyond the version counts (QA's scope is src/**: it survives)
  await push({ 'package.json': pkg('6.0.4', ', "lint": "biome"') });
  expect(isTicked(body(), 'qa-signoff')).toBe(true);
  expect(isTicked(body(), 'customer-flow')).toBe(false);
  expect(line(body(), 'customer-flow')).toContain('(package.json changed)');
  expect(h.sim.validationErrors).toEqual([]);
});

test('a force-push (old head not an ancestor) resets everything, as without path rules', async () => {
  const { pr, body, headSha, signQa } = await openPr('7.4.0');
  await signQa();
  await forcePushPullRequest(h.sim, pr, { files: { 'docs/only.md': 'x\n' } });
  await h.settle();
  expect(isTicked(body(), 'qa-signoff')).toBe(false);
  expect(line(body(), 'qa-signoff')).toContain(`reset by push of ${headSha().slice(0, 7)}`);
});

test('when GitHub cannot compare the push, everything resets (fail safe)', async () => {
  const { body, headSha, push, signQa } = await openPr('7.5.0');
  await signQa();
  h.sim.faults.inject({ match: { method: 'GET', path: /\/compare\// }, status: 503, times: 20 });
  try {
    await push({ 'docs/more.md': 'y\n' });
  } finally {
    h.sim.faults.clear();
  }
  expect(isTicked(body(), 'qa-signoff')).toBe(false);
  // the changed files are unknown, so the reason names none
  expect(line(body(), 'qa-signoff')).toContain(`↩️ reset by push of ${headSha().slice(0, 7)} <!--`);
  expect(h.sim.validationErrors).toEqual([]);
});

test('a when-paths item becomes required when a push adds a migration', async () => {
  const { body, edit, push } = await openPr('7.6.0');
  await push({ 'migrations/001_users.sql': 'create table users (id int);\n' });
  const l = line(body(), 'migrations-staging');
  expect(l).not.toContain('not applicable');
  expect(isTicked(body(), 'migrations-staging')).toBe(false);
  expect(body()).toContain('0 of 4 required items done (1 not applicable)');
  await edit('bob', 'migrations-staging', true);
  expect(isTicked(body(), 'migrations-staging')).toBe(true);
  expect(h.sim.validationErrors).toEqual([]);
});

test('a when-labels item follows labeling and unlabeling', async () => {
  const { pr, body, edit, push } = await openPr('7.7.0');
  // with a migration the when-paths item applies too: then no item at all is not applicable
  await push({ 'migrations/001_users.sql': 'create table users (id int);\n' });
  expect(line(body(), 'migrations-staging')).not.toContain('not applicable');
  await h.sim.labelPullRequest(pr, 'db');
  await h.settle();
  expect(line(body(), 'db-backup')).not.toContain('not applicable');
  expect(body()).toContain('required items done —');
  expect(body()).not.toContain('not applicable)');
  await edit('bob', 'db-backup', true);
  await h.sim.labelPullRequest(pr, 'db', { remove: true });
  await h.settle();
  expect(line(body(), 'db-backup')).toContain('⚪ not applicable (no label db)');
  // a tick made while it applied can still be taken back on the line as now rendered
  expect(isTicked(body(), 'db-backup')).toBe(true);
  await edit('bob', 'db-backup', false);
  expect(isTicked(body(), 'db-backup')).toBe(false);
  expect(h.sim.validationErrors).toEqual([]);
});

test('/shipgate na marks an item not applicable with attribution and reason; a short reason is refused', async () => {
  const { pr, body, lastComment } = await openPr('7.8.0');
  await h.sim.userComments(pr, 'bob', '/shipgate na docs-reviewed n/a');
  await h.settle();
  expect(lastComment()).toContain('@bob cannot mark N/A: N/A needs a reason of at least 10 characters');
  expect(isTicked(body(), 'docs-reviewed')).toBe(false);

  await h.sim.userComments(pr, 'bob', '/shipgate na qa-signoff nobody needs this one');
  await h.settle();
  expect(lastComment()).toContain('sign-offs cannot be marked not applicable');

  await h.sim.userComments(pr, 'rando', '/shipgate na docs-reviewed no docs in this release');
  await h.settle();
  expect(lastComment()).toContain('need write access');

  await h.sim.userComments(pr, 'bob', '/shipgate na docs-reviewed no docs change in this release');
  await h.settle();
  expect(isTicked(body(), 'docs-reviewed')).toBe(true);
  expect(line(body(), 'docs-reviewed')).toContain('⚪ N/A by @bob: no docs change in this release');
  expect(body()).toMatch(/\(\d+ not applicable\)/);
  expect(h.sim.validationErrors).toEqual([]);
});

test('a checkbox toggle still costs at most 2 GitHub API requests with warm caches', async () => {
  const { edit } = await openPr('7.9.0');
  await edit('bob', 'customer-flow', true); // warms the permission cache
  await edit('bob', 'customer-flow', false);
  const counts: number[] = [];
  for (let i = 0; i < 4; i++) {
    const before = h.sim.requests.length;
    await edit('bob', 'customer-flow', i % 2 === 0);
    counts.push(h.sim.requests.slice(before).filter((r) => !r.identity.startsWith('actions:')).length);
  }
  expect(Math.max(...counts)).toBeLessThanOrEqual(2);
  expect(h.sim.validationErrors).toEqual([]);
});
