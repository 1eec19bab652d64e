/**
 * `/shipgate doctor` on a PR, over HTTP against the simulator: the bot (the real server, with the
 * app's own credentials) replies with the doctor's findings for that repository, one fix per line;
 * write access only; a repeated command within a minute reads nothing again.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { REQUIRED_EVENTS } from '../../src/core/doctor/diagnose.js';
import { APP_ID, type Harness, manifestPermissions, REPO, startHarness, WORKFLOW } from './harness.js';

const BROKEN = 'beta/broken';
const GOOD_WORKFLOW = `on: pull_request
permissions: { checks: write, contents: read, id-token: write, pull-requests: read }
jobs:
  shipgate:
    uses: acme/shipgate/.github/workflows/shipgate.yml@v1
    secrets: inherit
`;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  // acme/web set up as docs/app.md says: required, bound to the app, every event, the checks workflow
  h.sim.commit(REPO, { branch: 'main', files: { [WORKFLOW]: GOOD_WORKFLOW } });
  h.sim.state.protections.set(`${REPO}@main`, [{ context: 'shipgate', app_id: APP_ID }]);
  h.sim.installationFor('acme').events = [...REQUIRED_EVENTS];
  // beta/broken: a second installation lacking merge_queues and merge_group, nothing required
  h.sim.addRepo(BROKEN, { files: { 'README.md': '# broken\n' } });
  const { merge_queues: _, ...lacking } = manifestPermissions();
  Object.assign(h.sim.installationFor('beta'), {
    permissions: lacking,
    events: REQUIRED_EVENTS.filter((event) => event !== 'merge_group'),
  });
  h.sim.setPermission(BROKEN, 'rita', 'write');
  h.sim.setPermission(BROKEN, 'rando', 'read');
});
afterAll(async () => {
  await h?.close();
});

async function doctorReply(repo: string, login: string): Promise<string> {
  const pr = await h.sim.openPullRequest({ repo, files: { 'src/a.ts': 'export {};\n' }, title: 'Tidy up' });
  await h.sim.userComments(pr.number, login, '/shipgate doctor', repo);
  await h.settle();
  const replies = h.sim.commentsOn(pr.number, repo).filter((c) => c.user === 'shipgate[bot]');
  expect(replies).toHaveLength(1);
  return replies[0]?.body ?? '';
}

test('a misconfigured repository: one problem per line, each with its fix', async () => {
  const body = await doctorReply(BROKEN, 'rita');
  const lines = body.split('\n');
  expect(lines[0]).toBe('@rita shipgate doctor: 4 problem(s) in beta/broken, each with its fix:');
  expect(lines.slice(2)).toEqual([
    '- ✘ `shipgate` is not required on main: fix: branch protection or a ruleset → require the status check "shipgate"',
    '- ✘ the app lacks merge_queues: read: fix: app settings → Permissions & events, then accept the new permissions on the installation',
    '- ✘ the app does not subscribe to merge_group: fix: app settings → Permissions & events → Subscribe to events',
    '- ✘ no checks workflow at .github/workflows/shipgate.yml: fix: add it (docs/security.md: call acme/shipgate/.github/workflows/shipgate.yml@v1 with id-token: write and checks: write)',
    '- ✔ config and template on main are valid',
    '- ✔ no role uses a team',
  ]);
  expect(h.sim.validationErrors).toEqual([]);
});

test('a correct repository: every line holds', async () => {
  const body = await doctorReply(REPO, 'rita');
  expect(body.split('\n')).toEqual([
    '@rita shipgate doctor: acme/web is set up correctly.',
    '',
    '- ✔ `shipgate` is a required check on main (branch protection)',
    `- ✔ \`shipgate\` is bound to the shipgate app (id ${APP_ID})`,
    '- ✔ the app has every permission app.yml asks for',
    '- ✔ the app subscribes to every event it handles',
    "- ✔ the checks workflow .github/workflows/shipgate.yml runs shipgate in two jobs: the PR's code runs without the credentials that vouch for results",
    '- ✔ config and template on main are valid',
    '- ✔ every role team is readable (acme/qa)',
  ]);
});

test('read access gets no report; a repeat within a minute reads nothing again', async () => {
  expect(await doctorReply(BROKEN, 'rando')).toBe(
    '@rando shipgate commands need write access to the repository.',
  );
  // the first report on beta/broken (the other tests may have asked already, or not: any order)
  expect(await doctorReply(BROKEN, 'rita')).toContain('4 problem(s) in beta/broken');
  const before = h.sim.requests.filter((r) => r.route === '/repos/{owner}/{repo}/installation').length;
  const again = await doctorReply(BROKEN, 'rita');
  expect(again).toContain('4 problem(s) in beta/broken');
  expect(h.sim.requests.filter((r) => r.route === '/repos/{owner}/{repo}/installation')).toHaveLength(before);
});
