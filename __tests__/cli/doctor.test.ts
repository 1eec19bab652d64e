/**
 * `shipgate doctor` against the simulator: a correct installation exits 0; misconfigured ones get
 * one line per problem with its fix (check not required, not bound to the app, missing permission).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { parse as parseYaml } from 'yaml';
import { main } from '../../src/cli/main.js';
import { REQUIRED_EVENTS, REQUIRED_PERMISSIONS } from '../../src/core/doctor/diagnose.js';
import { manifestPermissions } from '../app/harness.js';
import { generateAppPrivateKey, type Simulator, startSimulator } from '../simulator/index.js';

const APP_ID = 515;
const key = generateAppPrivateKey();
let sim: Simulator;

const WORKFLOW = `on: pull_request
permissions: { checks: write, contents: read, id-token: write, pull-requests: read }
jobs:
  shipgate:
    uses: acme/shipgate/.github/workflows/shipgate.yml@v1
    secrets: inherit
`;
const CONFIG = 'roles:\n  qa-lead:\n    teams: [acme/qa]\n';

beforeAll(async () => {
  sim = await startSimulator({ appId: APP_ID, privateKeyPem: key });
  sim.addRepo('acme/good', {
    files: { '.github/shipgate.yml': CONFIG, '.github/workflows/shipgate.yml': WORKFLOW },
  });
  sim.addTeamMember('acme', 'qa', 'quinn');
  Object.assign(sim.installationFor('acme'), {
    permissions: manifestPermissions(),
    events: [...REQUIRED_EVENTS],
  });
  sim.state.protections.set('acme/good@main', [{ context: 'shipgate', app_id: APP_ID }]);

  sim.addRepo('beta/unbound', {
    files: { '.github/workflows/shipgate.yml': 'on: pull_request\njobs: {}\n' },
  });
  sim.addRepo('beta/unrequired', {
    files: { '.github/shipgate.yml': 'roles:\n  qa-lead:\n    teams: [beta/nobody]\n' },
  });
  const { merge_queues: _, ...lacking } = manifestPermissions();
  Object.assign(sim.installationFor('beta'), {
    permissions: lacking,
    events: REQUIRED_EVENTS.filter((e) => e !== 'merge_group'),
  });
  sim.state.rulesets.set('beta/unbound@main', [{ context: 'shipgate' }]); // any source
  sim.state.protections.set('beta/unrequired@main', [{ context: 'ci' }]);
});
afterAll(async () => {
  await sim?.close();
});

async function doctor(repo: string): Promise<{ code: number; out: string }> {
  let out = '';
  const sink = { write: (text: string) => (out += text) };
  const code = await main({
    argv: ['doctor', '--repo', repo],
    cwd: process.cwd(),
    env: { APP_ID: String(APP_ID), PRIVATE_KEY: key, GITHUB_API_URL: sim.apiUrl },
    stdout: sink,
    stderr: sink,
    now: () => new Date(),
  });
  return { code, out };
}

test('the doctor knows exactly what app.yml asks for', () => {
  const manifest = parseYaml(fs.readFileSync('app.yml', 'utf8')) as {
    default_permissions: Record<string, string>;
    default_events: string[];
  };
  expect(REQUIRED_PERMISSIONS).toEqual(manifest.default_permissions);
  expect([...REQUIRED_EVENTS].sort()).toEqual([...manifest.default_events].sort());
});

test('a correct installation: every line holds, exit 0', async () => {
  const { code, out } = await doctor('acme/good');
  expect(out.trim().split('\n')).toEqual([
    '✔ `shipgate` is a required check on main (branch protection)',
    `✔ \`shipgate\` is bound to the shipgate app (id ${APP_ID})`,
    '✔ the app has every permission app.yml asks for',
    '✔ the app subscribes to every event it handles',
    "✔ the checks workflow .github/workflows/shipgate.yml runs shipgate in two jobs: the PR's code runs without the credentials that vouch for results",
    '✔ config and template on main are valid',
    '✔ every role team is readable (acme/qa)',
  ]);
  expect(code).toBe(0);
  expect(sim.validationErrors).toEqual([]);
});

test('required but from any source, a missing permission and event, a bare workflow: one fix per line', async () => {
  const { code, out } = await doctor('beta/unbound');
  const lines = out.trim().split('\n');
  expect(code).toBe(1);
  expect(lines).toHaveLength(7);
  expect(lines[0]).toBe('✔ `shipgate` is a required check on main (ruleset)');
  expect(lines[1]).toMatch(
    /^✘ `shipgate` is not bound to the app: fix: set its source .*shipgate app \(id 515\)/,
  );
  expect(lines[2]).toMatch(/^✘ the app lacks merge_queues: read: fix: /);
  expect(lines[3]).toMatch(/^✘ the app does not subscribe to merge_group: fix: /);
  expect(lines[4]).toMatch(
    /does not run shipgate: fix: call `acme\/shipgate\/.github\/workflows\/shipgate.yml@v1`/,
  );
  expect(lines.filter((line) => line.startsWith('✘')).every((line) => line.includes('fix:'))).toBe(true);
});

test('not required at all, no workflow, a team nobody can read', async () => {
  const { code, out } = await doctor('beta/unrequired');
  const lines = out.trim().split('\n');
  expect(code).toBe(1);
  expect(lines[0]).toMatch(
    /^✘ `shipgate` is not required on main: fix: branch protection or a ruleset → require/,
  );
  expect(
    lines.some((line) => /^✘ no checks workflow at \.github\/workflows\/shipgate\.yml: fix:/.test(line)),
  ).toBe(true);
  expect(lines.at(-1)).toMatch(/^✘ role teams not readable: beta\/nobody: fix:/);
});
