/**
 * `mode: bot`: the built Action runs the bot's handlers on workflow events against the simulator,
 * writing with an Actions GITHUB_TOKEN. Event payloads are the simulator's own webhook payloads.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVIDENCE_CHECK_NAME } from '../../src/core/evidence/evidence.js';
import { checklist, gateRun, isTicked, line, TEMPLATE, toggle } from '../app/harness.js';
import { commitAll, gitInit, removeDirs, tempDir, writeFiles } from '../helpers/repo-temp.js';
import { type Delivery, type Simulator, startSimulator } from '../simulator/index.js';
import { type ActionRun, buildDist, runAction } from './action-harness.js';

const REPO = 'acme/web';
const WORKFLOW = '.github/workflows/shipgate.yml';
const LEDGER_SECRET = 'bot-mode-ledger-secret-0123456789';
// Roles as user lists: a workflow token cannot read org team membership.
const CONFIG = `template: .github/release-checklist.md
roles:
  qa-lead:
    users: [quinn]
  engineering-lead:
    users: [erin]
`;
const FILES = {
  '.github/shipgate.yml': CONFIG,
  '.github/release-checklist.md': TEMPLATE,
  [WORKFLOW]: 'on: pull_request\n',
  'package.json': '{"name":"web","version":"6.0.2"}\n',
};

const dirs: string[] = [];
let sim: Simulator;
let checkout: string;
let pr: number;
let sha: string;
let runId: number;

beforeAll(async () => {
  buildDist();
  sim = await startSimulator({});
  sim.addRepo(REPO, { files: FILES });
  for (const [login, role] of [
    ['rita', 'write'],
    ['quinn', 'write'],
    ['erin', 'write'],
    ['bob', 'write'],
  ] as const)
    sim.setPermission(REPO, login, role);
  // The workflow's checkout of the pull request (run-checks runs the checks here).
  checkout = tempDir('shipgate-bot-mode-');
  dirs.push(checkout);
  gitInit(checkout);
  writeFiles(checkout, {
    ...FILES,
    '.gitignore': '.env*\nnode_modules\n',
    'src/app.ts': 'export const region = "eu";\n',
  });
  commitAll(checkout, 'release 6.0.3');
  const opened = await sim.openPullRequest({
    head: 'release/6.0.3',
    user: 'rita',
    title: 'Release 6.0.3',
    files: { 'src/app.ts': 'export const region = "eu";\n' },
  });
  pr = opened.number;
  sha = opened.pull?.head.sha ?? '';
  runId = sim.addWorkflowRun(REPO, {
    path: WORKFLOW,
    head_sha: sha,
    event: 'pull_request',
    ref: `refs/pull/${pr}/merge`,
  }).id;
});
afterAll(async () => {
  await sim.close();
  removeDirs(dirs);
});

const lastDelivery = (event: string, action: string): Delivery => {
  const found = sim.deliveries.filter((d) => d.event === event && d.action === action).at(-1);
  if (!found) throw new Error(`no ${event}.${action} delivery`);
  return found;
};

async function runBot(delivery: Delivery, inputs: Record<string, string> = {}): Promise<ActionRun> {
  // the job has `id-token: write`: the runner hands it the OIDC request URL and token
  const oidc = sim.oidc.requestFor(runId);
  const run = await runAction({
    inputs: {
      mode: 'bot',
      'github-token': sim.actionsToken(REPO),
      'ledger-secret': LEDGER_SECRET,
      'run-checks': 'true',
      ...inputs,
    },
    env: {
      GITHUB_API_URL: sim.apiUrl,
      GITHUB_SERVER_URL: sim.url,
      GITHUB_REPOSITORY: REPO,
      GITHUB_RUN_ID: String(runId),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKSPACE: checkout,
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.token,
    },
    event: { name: delivery.event, payload: delivery.payload },
    cwd: checkout,
  });
  await sim.idle();
  return run;
}

/** A person's edit of the checklist: the `issue_comment.edited` delivery it caused. */
async function userEdit(login: string, id: string): Promise<Delivery> {
  const comment = checklist(sim, pr);
  await sim.userEditsComment(comment.id, login, toggle(comment.body, id, true));
  return lastDelivery('issue_comment', 'edited');
}

const writes = () => sim.requests.filter((r) => r.method !== 'GET').length;
const replies = () => sim.commentsOn(pr).filter((c) => c.body.startsWith('shipgate reverted'));
const snapshot = () => ({
  comments: sim.commentsOn(pr).map((c) => ({ id: c.id, user: c.user, body: c.body })),
  runs: sim.checkRunsFor(sha).map((r) => ({ id: r.id, name: r.name, status: r.status, output: r.output })),
});

describe('mode: bot on pull_request, issue_comment and check_run events', () => {
  let opened: ActionRun;
  beforeAll(async () => {
    opened = await runBot(lastDelivery('pull_request', 'opened'));
  });

  it('pull_request.opened posts one checklist comment and the shipgate check run', () => {
    expect(opened.stderr).toBe('');
    expect(opened.code).toBe(0);
    expect(sim.commentsOn(pr)).toHaveLength(1);
    const comment = checklist(sim, pr);
    expect(comment.user).toBe('github-actions[bot]');
    expect(comment.body).toContain('# Web v6.0.3 - Release Checklist');
    const gate = gateRun(sim, sha);
    expect(gate?.app.slug).toBe('github-actions');
    expect(gate?.status).toBe('in_progress'); // waiting for people: not a failed step
    expect(gate?.output.summary).toContain('**QA Lead** sign-off — @quinn');
    expect(opened.stdout).toMatch(/::notice::shipgate: /);
    expect(sim.validationErrors).toEqual([]);
  });

  it('run-checks: the checks run in the step and their results tick the automated items', () => {
    const evidence = sim.checkRunsFor(sha).filter((r) => r.name === EVIDENCE_CHECK_NAME);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]?.app.slug).toBe('github-actions');
    // GitHub ignores the details_url of a run created with GITHUB_TOKEN: the OIDC token vouches instead
    expect(evidence[0]?.details_url).toBeNull();
    expect(evidence[0]?.output.text).toContain('<!-- shipgate:provenance ');
    const body = checklist(sim, pr).body;
    expect(isTicked(body, 'secrets')).toBe(true);
    expect(isTicked(body, 'env-files')).toBe(true);
    expect(line(body, 'secrets')).toMatch(/secret/i);
    expect(isTicked(body, 'customer-flow')).toBe(false);
  });

  it('the same event run again changes nothing (no new comment, results or check run)', async () => {
    const before = snapshot();
    const posts = sim.requests.filter((r) => r.method === 'POST').length;
    const again = await runBot(lastDelivery('pull_request', 'opened'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already applied');
    expect(sim.requests.filter((r) => r.method === 'POST').length).toBe(posts);
    expect(snapshot()).toEqual(before);
    expect(sim.validationErrors).toEqual([]);
  });

  it('an authorized manual tick (issue_comment.edited) is kept and attributed', async () => {
    const run = await runBot(await userEdit('bob', 'customer-flow'));
    expect(run.code).toBe(0);
    const body = checklist(sim, pr).body;
    expect(isTicked(body, 'customer-flow')).toBe(true);
    expect(line(body, 'customer-flow')).toContain('@bob');
    expect(replies()).toHaveLength(0);
    expect(sim.validationErrors).toEqual([]);
  });

  let unauthorized: Delivery;
  it('an unauthorized sign-off is reverted with one reply', async () => {
    unauthorized = await userEdit('bob', 'qa-signoff');
    const run = await runBot(unauthorized);
    expect(run.code).toBe(0);
    expect(isTicked(checklist(sim, pr).body, 'qa-signoff')).toBe(false);
    expect(isTicked(checklist(sim, pr).body, 'customer-flow')).toBe(true);
    expect(replies()).toHaveLength(1);
    expect(replies()[0]?.body).toContain('@bob cannot sign off "QA Lead": not in role qa-lead (ask @quinn)');
    expect(replies()[0]?.user).toBe('github-actions[bot]');
    expect(sim.validationErrors).toEqual([]);
  });

  it('a re-run of that edit (same payload) changes nothing', async () => {
    const before = snapshot();
    const count = writes();
    const run = await runBot(unauthorized);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('was already handled by an earlier run');
    expect(writes()).toBe(count);
    expect(snapshot()).toEqual(before);
  });

  it("the bot's own comment edits and check runs are ignored without a request", async () => {
    const own = sim.deliveries.filter(
      (d) =>
        (d.event === 'issue_comment' || (d.event === 'check_run' && d.payload.check_run !== undefined)) &&
        (d.payload.sender as { login?: string } | undefined)?.login === 'github-actions[bot]',
    );
    const comment = own.find((d) => d.event === 'issue_comment');
    const gate = own.find(
      (d) => d.event === 'check_run' && (d.payload.check_run as { name?: string }).name === 'shipgate',
    );
    expect(comment).toBeDefined();
    expect(gate).toBeDefined();
    const count = sim.requests.length;
    for (const delivery of [comment, gate]) {
      const run = await runBot(delivery as Delivery);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('ignored: github-actions[bot] changed');
    }
    expect(sim.requests.length).toBe(count);
  });

  it('an authorized sign-off completes the gate', async () => {
    for (const [login, id] of [
      ['quinn', 'qa-signoff'],
      ['erin', 'eng-signoff'],
      ['erin', 'rollback-plan'],
    ] as const) {
      expect((await runBot(await userEdit(login, id))).code).toBe(0);
    }
    expect(gateRun(sim, sha)?.conclusion).toBe('success');
    expect(sim.validationErrors).toEqual([]);
  });
});

describe('mode: bot input and event errors', () => {
  it('fails clearly without a ledger secret', async () => {
    const run = await runBot(lastDelivery('pull_request', 'opened'), { 'ledger-secret': '' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::input "ledger-secret" is required when mode is "bot"');
  });

  it('does nothing (and succeeds) for an event it does not handle', async () => {
    const run = await runBot({ ...lastDelivery('pull_request', 'opened'), event: 'push' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::notice::shipgate bot: push event is not handled');
  });
});
