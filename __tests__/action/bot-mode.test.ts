/**
 * `mode: bot`: the built Action runs the bot's handlers on workflow events against the simulator,
 * writing with an Actions GITHUB_TOKEN. Event payloads are the simulator's own webhook payloads.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVIDENCE_CHECK_NAME } from '../../src/core/evidence/evidence.js';
import {
  checklist,
  gateRun,
  isTicked,
  line,
  revertReplies,
  TEMPLATE,
  toggle,
  WORKFLOW_TEXT,
} from '../app/harness.js';
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
  [WORKFLOW]: WORKFLOW_TEXT,
  'package.json': '{"name":"web","version":"6.0.2"}\n',
};

const dirs: string[] = [];
let sim: Simulator;
let checkout: string;

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
});
afterAll(async () => {
  await sim.close();
  removeDirs(dirs);
});

/** A test's own release PR and the `pull_request` workflow run on its head (whose job runs the Action). */
interface ReleasePr {
  pr: number;
  sha: string;
  runId: number;
}

/** Opens release PR `version` (branch `release/<version>`); no workflow has run yet. */
async function openPr(version: string): Promise<ReleasePr> {
  const opened = await sim.openPullRequest({
    head: `release/${version}`,
    user: 'rita',
    title: `Release ${version}`,
    files: { 'src/app.ts': 'export const region = "eu";\n' },
  });
  const pr = opened.number;
  const sha = opened.pull?.head.sha ?? '';
  const runId = sim.addWorkflowRun(REPO, {
    path: WORKFLOW,
    head_sha: sha,
    event: 'pull_request',
    ref: `refs/pull/${pr}/merge`,
  }).id;
  return { pr, sha, runId };
}

/** The latest `event.action` delivery about PR `pr`. */
const lastDelivery = (pr: number, event: string, action: string): Delivery => {
  const about = (d: Delivery) =>
    ((d.payload.pull_request ?? d.payload.issue) as { number?: number } | undefined)?.number === pr;
  const found = sim.deliveries.filter((d) => d.event === event && d.action === action && about(d)).at(-1);
  if (!found) throw new Error(`no ${event}.${action} delivery for #${pr}`);
  return found;
};

async function runBot(
  on: ReleasePr,
  delivery: Delivery,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  // the job has `id-token: write`: the runner hands it the OIDC request URL and token
  const oidc = sim.oidc.requestFor(on.runId);
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
      GITHUB_RUN_ID: String(on.runId),
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

/** Release PR `version` whose `pull_request.opened` the Action (mode: bot) has handled. */
async function openHandledPr(version: string): Promise<ReleasePr & { opened: ActionRun }> {
  const release = await openPr(version);
  const opened = await runBot(release, lastDelivery(release.pr, 'pull_request', 'opened'));
  return { ...release, opened };
}

/** A person's edit of the checklist: the `issue_comment.edited` delivery it caused. */
async function userEdit(pr: number, login: string, id: string): Promise<Delivery> {
  const comment = checklist(sim, pr);
  await sim.userEditsComment(comment.id, login, toggle(comment.body, id, true));
  return lastDelivery(pr, 'issue_comment', 'edited');
}

const writes = () => sim.requests.filter((r) => r.method !== 'GET').length;
const replies = (pr: number) => revertReplies(sim, pr);
const snapshot = ({ pr, sha }: ReleasePr) => ({
  comments: sim.commentsOn(pr).map((c) => ({ id: c.id, user: c.user, body: c.body })),
  runs: sim.checkRunsFor(sha).map((r) => ({ id: r.id, name: r.name, status: r.status, output: r.output })),
});

describe('mode: bot on pull_request, issue_comment and check_run events', () => {
  it('pull_request.opened posts one checklist comment and the shipgate check run', async () => {
    const { pr, sha, opened } = await openHandledPr('6.0.3');
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

  it('run-checks: the checks run in the step and their results tick the automated items', async () => {
    const { pr, sha } = await openHandledPr('7.2.0');
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
    const release = await openHandledPr('7.3.0');
    const before = snapshot(release);
    const posts = sim.requests.filter((r) => r.method === 'POST').length;
    const again = await runBot(release, lastDelivery(release.pr, 'pull_request', 'opened'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already applied');
    expect(sim.requests.filter((r) => r.method === 'POST').length).toBe(posts);
    expect(snapshot(release)).toEqual(before);
    expect(sim.validationErrors).toEqual([]);
  });

  it('an authorized manual tick (issue_comment.edited) is kept and attributed', async () => {
    const release = await openHandledPr('7.4.0');
    const { pr } = release;
    const run = await runBot(release, await userEdit(pr, 'bob', 'customer-flow'));
    expect(run.code).toBe(0);
    const body = checklist(sim, pr).body;
    expect(isTicked(body, 'customer-flow')).toBe(true);
    expect(line(body, 'customer-flow')).toContain('@bob');
    expect(replies(pr)).toHaveLength(0);
    expect(sim.validationErrors).toEqual([]);
  });

  it('an unauthorized sign-off is reverted with one reply', async () => {
    const release = await openHandledPr('7.5.0');
    const { pr } = release;
    expect((await runBot(release, await userEdit(pr, 'bob', 'customer-flow'))).code).toBe(0);
    const run = await runBot(release, await userEdit(pr, 'bob', 'qa-signoff'));
    expect(run.code).toBe(0);
    expect(isTicked(checklist(sim, pr).body, 'qa-signoff')).toBe(false);
    expect(isTicked(checklist(sim, pr).body, 'customer-flow')).toBe(true);
    expect(replies(pr)).toHaveLength(1);
    expect(replies(pr)[0]?.body).toContain(
      '@bob cannot sign off "QA Lead": not in role qa-lead (ask @quinn)',
    );
    expect(replies(pr)[0]?.user).toBe('github-actions[bot]');
    expect(sim.validationErrors).toEqual([]);
  });

  it('a re-run of that edit (same payload) changes nothing', async () => {
    const release = await openHandledPr('7.6.0');
    const unauthorized = await userEdit(release.pr, 'bob', 'qa-signoff');
    expect((await runBot(release, unauthorized)).code).toBe(0);
    expect(replies(release.pr)).toHaveLength(1);
    const before = snapshot(release);
    const count = writes();
    const run = await runBot(release, unauthorized);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('was already handled by an earlier run');
    expect(writes()).toBe(count);
    expect(snapshot(release)).toEqual(before);
  });

  it("the bot's own comment edits and check runs are ignored without a request", async () => {
    const release = await openHandledPr('7.7.0');
    const { pr, sha } = release;
    const own = sim.deliveries.filter(
      (d) =>
        (d.event === 'issue_comment' || (d.event === 'check_run' && d.payload.check_run !== undefined)) &&
        (d.payload.sender as { login?: string } | undefined)?.login === 'github-actions[bot]',
    );
    const comment = own.find(
      (d) => d.event === 'issue_comment' && (d.payload.issue as { number?: number }).number === pr,
    );
    const gate = own.find(
      (d) =>
        d.event === 'check_run' &&
        (d.payload.check_run as { name?: string; head_sha?: string }).name === 'shipgate' &&
        (d.payload.check_run as { head_sha?: string }).head_sha === sha,
    );
    expect(comment).toBeDefined();
    expect(gate).toBeDefined();
    const count = sim.requests.length;
    for (const delivery of [comment, gate]) {
      const run = await runBot(release, delivery as Delivery);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('ignored: github-actions[bot] changed');
    }
    expect(sim.requests.length).toBe(count);
  });

  it('an authorized sign-off completes the gate', async () => {
    const release = await openHandledPr('7.8.0');
    for (const [login, id] of [
      ['bob', 'customer-flow'],
      ['quinn', 'qa-signoff'],
      ['erin', 'eng-signoff'],
    ] as const) {
      expect((await runBot(release, await userEdit(release.pr, login, id))).code).toBe(0);
    }
    expect(gateRun(sim, release.sha)?.conclusion).not.toBe('success');
    expect((await runBot(release, await userEdit(release.pr, 'erin', 'rollback-plan'))).code).toBe(0);
    expect(gateRun(sim, release.sha)?.conclusion).toBe('success');
    expect(sim.validationErrors).toEqual([]);
  });
});

describe('mode: bot input and event errors', () => {
  it('fails clearly without a ledger secret', async () => {
    const release = await openPr('7.9.0');
    const run = await runBot(release, lastDelivery(release.pr, 'pull_request', 'opened'), {
      'ledger-secret': '',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::input "ledger-secret" is required when mode is "bot"');
  });

  it('does nothing (and succeeds) for an event it does not handle', async () => {
    const release = await openPr('7.10.0');
    const run = await runBot(release, {
      ...lastDelivery(release.pr, 'pull_request', 'opened'),
      event: 'push',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::notice::shipgate bot: push event is not handled');
  });
});
