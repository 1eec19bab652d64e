/**
 * The trust issue's six attacks, each reproduced against the simulator (which models the real
 * GITHUB_TOKEN check-run rules and the Actions OIDC issuer) and each now refused; plus the honest
 * loop: the built Action publishing real results turns the automated items green.
 */

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { evidenceAudience } from '../../src/core/evidence/provenance.js';
import { buildDist, runAction } from '../action/action-harness.js';
import { removeDirs, tempDir } from '../helpers/repo-temp.js';
import {
  CONFIG,
  checklist,
  checklistComments,
  gateRun,
  type Harness,
  isTicked,
  openRelease,
  PASSING,
  publishEvidence,
  REPO,
  startHarness,
  TEMPLATE,
  toggle,
  WORKFLOW,
} from './harness.js';

let h: Harness;
const dirs: string[] = [];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  removeDirs(dirs);
});

const summaryOf = (sha: string) => gateRun(h.sim, sha)?.output.summary ?? '';

/** The last `issue_comment.edited` delivery of a person's edit (the bot's own echoes excluded). */
function lastEditBy(login: string) {
  const delivery = h.sim.deliveries
    .filter((d) => d.event === 'issue_comment' && d.action === 'edited')
    .filter((d) => (d.payload.sender as { login?: string } | undefined)?.login === login)
    .at(-1);
  if (!delivery) throw new Error(`no edit by ${login} was delivered`);
  return delivery;
}

async function edit(pr: number, login: string, id: string, checked: boolean, body?: string): Promise<void> {
  const comment = checklist(h.sim, pr);
  await h.sim.userEditsComment(comment.id, login, body ?? toggle(comment.body, id, checked));
  await h.settle();
}

describe('1. evidence provenance comes from facts GitHub sets', () => {
  test('a workflow added by the PR that names the genuine run in details_url ticks nothing', async () => {
    const { number, sha } = await openRelease(h, {
      head: 'release/20.0.0',
      files: { '.github/workflows/evil.yml': 'on: pull_request\njobs: {}\n' },
    });
    // the evil run's own, genuine token: but for a workflow file the default branch does not have
    await publishEvidence(h, sha, PASSING, '.github/workflows/evil.yml');
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
    expect(summaryOf(sha)).toContain('(.github/workflows/evil.yml) is not on the default branch');
  });

  test('the unmodified workflow of another PR, a forged signature or another audience tick nothing', async () => {
    const { number, sha } = await openRelease(h, { head: 'release/20.1.0' });
    const other = await openRelease(h, { head: 'release/20.2.0' });
    // a genuine token, but for a run of the other PR
    await publishEvidence(h, sha, PASSING, WORKFLOW, {
      provenance: { kind: 'claims', claims: { ref: `refs/pull/${other.number}/merge`, sha: other.sha } },
    });
    expect(summaryOf(sha)).toContain(`not of this pull request or ${sha.slice(0, 7)}`);
    // signed by a key of the attacker's own
    const attacker = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const head = `${part({ alg: 'RS256' })}.${part({ iss: h.sim.oidc.issuer, aud: 'x', iat: 1, repository: REPO, ref: `refs/pull/${number}/merge`, sha, run_id: '1', event_name: 'pull_request', workflow_ref: `${REPO}/${WORKFLOW}@refs/pull/${number}/merge` })}`;
    const forged = `${head}.${crypto.sign('RSA-SHA256', Buffer.from(head), attacker.privateKey).toString('base64url')}`;
    await publishEvidence(h, sha, PASSING, WORKFLOW, { provenance: { kind: 'raw', token: forged } });
    expect(summaryOf(sha)).toContain(`the provenance token is not signed by ${h.sim.oidc.issuer}`);
    // a genuine token of this PR's run, lifted from other (failing) results
    const run = h.sim.addWorkflowRun(REPO, {
      path: WORKFLOW,
      head_sha: sha,
      event: 'pull_request',
      ref: `refs/pull/${number}/merge`,
    });
    const lifted = h.sim.oidc.tokenFor(run.id, evidenceAudience('other results'));
    await publishEvidence(h, sha, PASSING, WORKFLOW, { provenance: { kind: 'raw', token: lifted } });
    expect(summaryOf(sha)).toContain('audience does not match');
    // no token at all: details_url naming a genuine run proves nothing
    await publishEvidence(h, sha, PASSING, WORKFLOW, { provenance: { kind: 'none' } });
    expect(summaryOf(sha)).toContain('carry no GitHub OIDC token');
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
  });

  test('results of the configured workflow modified by the PR tick nothing', async () => {
    const { number, sha } = await openRelease(h, {
      head: 'release/20.3.0',
      files: { [WORKFLOW]: 'on: pull_request\njobs: { fake: { runs-on: x } }\n' },
    });
    await publishEvidence(h, sha, PASSING);
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
    expect(summaryOf(sha)).toContain('is modified by this pull request');
  });
});

describe('2. the policy comes from the default branch', () => {
  test('retargeting the PR at a branch whose config grants a role changes nothing', async () => {
    const { number, sha } = await openRelease(h, { head: 'release/21.0.0' });
    h.sim.commit(REPO, {
      branch: 'evil-base',
      files: { '.github/shipgate.yml': CONFIG.replace('teams: [acme/qa]', 'users: [bob]') },
    });
    const pr = h.sim.pull(REPO, number);
    const pull = pr.pull;
    if (!pull) throw new Error('unreachable');
    const from = { ref: pull.base.ref, sha: pull.base.sha };
    pull.base.ref = 'evil-base';
    pull.base.sha = h.sim.repo(REPO).branches.get('evil-base') ?? '';
    await h.sim.deliver(
      'pull_request',
      h.sim.payloads.pullRequest('edited', pr, 'bob', {
        changes: { base: { ref: { from: from.ref }, sha: { from: from.sha } } },
      }),
    );
    await h.settle();
    await edit(number, 'bob', 'qa-signoff', true);
    expect(isTicked(checklist(h.sim, number).body, 'qa-signoff')).toBe(false);
    expect(h.sim.commentsOn(number).at(-1)?.body).toContain('@bob cannot sign off "QA Lead"');
    expect(summaryOf(sha)).toMatch(/Policy: config and template of `main` at `[0-9a-f]{7}`/);
  });
});

describe('3. a signed state block belongs to one PR', () => {
  test("pasting another release PR's longer state block brings none of its sign-offs", async () => {
    const a = await openRelease(h, { head: 'release/22.0.0' });
    const b = await openRelease(h, { head: 'release/22.1.0' });
    await edit(b.number, 'quinn', 'qa-signoff', true);
    await edit(b.number, 'erin', 'eng-signoff', true);
    const stateOf = (body: string) =>
      body.split('\n').find((l) => l.startsWith('<!-- shipgate:state v1 ')) ?? '';
    const bBlock = stateOf(checklist(h.sim, b.number).body);
    const aBody = checklist(h.sim, a.number).body;
    await edit(a.number, 'bob', '', false, aBody.replace(stateOf(aBody), bBlock));
    const after = checklist(h.sim, a.number).body;
    expect(isTicked(after, 'qa-signoff')).toBe(false);
    expect(isTicked(after, 'eng-signoff')).toBe(false);
    expect(stateOf(after)).not.toBe(bBlock);
  });
});

describe('4. a tick cannot be replayed onto a new head', () => {
  test('a QA tick redelivered after a push and a restart (no Redis) does not sign the new head', async () => {
    const { number } = await openRelease(h, { head: 'release/23.0.0' });
    await edit(number, 'quinn', 'qa-signoff', true);
    expect(isTicked(checklist(h.sim, number).body, 'qa-signoff')).toBe(true);
    const delivery = lastEditBy('quinn');
    const pushed = await h.sim.pushToPullRequest(number, {
      files: { 'src/app.ts': 'export const v = 3;\n' },
    });
    await h.settle();
    expect(isTicked(checklist(h.sim, number).body, 'qa-signoff')).toBe(false); // the push reset it
    await h.restart();
    await h.sim.redeliver(delivery.id);
    await h.settle();
    expect(isTicked(checklist(h.sim, number).body, 'qa-signoff')).toBe(false);
    expect(gateRun(h.sim, pushed.pull?.head.sha ?? '')?.conclusion).not.toBe('success');
  });

  test('the same delivery twice (before any push) is applied once', async () => {
    const { number } = await openRelease(h, { head: 'release/23.1.0' });
    await edit(number, 'bob', 'customer-flow', true);
    const delivery = lastEditBy('bob');
    await edit(number, 'bob', 'customer-flow', false);
    await h.restart();
    await h.sim.redeliver(delivery.id);
    await h.settle();
    expect(isTicked(checklist(h.sim, number).body, 'customer-flow')).toBe(false);
  });
});

describe('5. a redelivered edit of a deleted checklist', () => {
  test('posts no second checklist and brings no withdrawn tick back', async () => {
    const { number } = await openRelease(h, { head: 'release/24.0.0' });
    await edit(number, 'bob', 'customer-flow', true);
    const delivery = lastEditBy('bob');
    await edit(number, 'bob', 'customer-flow', false);
    await h.sim.userDeletesComment(checklist(h.sim, number).id, 'bob');
    await h.settle();
    expect(checklistComments(h.sim, number)).toHaveLength(1); // re-posted
    await h.restart();
    await h.sim.redeliver(delivery.id);
    await h.settle();
    expect(checklistComments(h.sim, number)).toHaveLength(1);
    expect(isTicked(checklist(h.sim, number).body, 'customer-flow')).toBe(false);
  });
});

describe('6. no cap is taken for completeness', () => {
  test('a workflow change hidden among more than 3,000 files is still seen', async () => {
    const files: Record<string, string> = { [WORKFLOW]: 'on: pull_request\njobs: { fake: {} }\n' };
    for (let i = 0; i < 3001; i++) files[`gen/f${i}.txt`] = `${i}\n`;
    const { number, sha } = await openRelease(h, { head: 'release/25.0.0', files });
    await publishEvidence(h, sha, PASSING);
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
    expect(summaryOf(sha)).toContain('is modified by this pull request');
  });
});

describe('the honest loop', () => {
  test('the built Action with id-token: write turns the automated items green with no manual step', async () => {
    buildDist();
    const { number, sha } = await openRelease(h, { head: 'release/26.0.0' });
    const dir = tempDir('shipgate-honest-');
    dirs.push(dir);
    mkdirSync(join(dir, '.github'), { recursive: true });
    writeFileSync(join(dir, '.github', 'shipgate.yml'), CONFIG);
    writeFileSync(join(dir, '.github', 'release-checklist.md'), TEMPLATE);
    writeFileSync(join(dir, 'index.js'), 'export const answer = 42;\n');
    writeFileSync(join(dir, '.gitignore'), '.env*\n!.env.example\n');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'add', '.');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'release');
    const run = h.sim.addWorkflowRun(REPO, {
      path: WORKFLOW,
      head_sha: sha,
      event: 'pull_request',
      ref: `refs/pull/${number}/merge`,
    });
    const oidc = h.sim.oidc.requestFor(run.id);
    const action = await runAction({
      inputs: { 'github-token': h.sim.actionsToken(REPO), only: 'secrets,env-files' },
      env: {
        GITHUB_API_URL: h.sim.apiUrl,
        GITHUB_SERVER_URL: h.sim.url,
        GITHUB_REPOSITORY: REPO,
        GITHUB_RUN_ID: String(run.id),
        GITHUB_WORKSPACE: dir,
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.token,
      },
      event: {
        name: 'pull_request',
        payload: {
          action: 'synchronize',
          number,
          pull_request: { number, title: 'Release 26.0.0', head: { sha, ref: 'release/26.0.0' } },
          repository: { name: 'web', owner: { login: 'acme' } },
        },
      },
      cwd: dir,
    });
    await h.settle();
    expect(action.stdout).not.toContain('no GitHub OIDC token');
    const body = checklist(h.sim, number).body;
    expect(isTicked(body, 'secrets')).toBe(true);
    expect(isTicked(body, 'env-files')).toBe(true);
    expect(h.sim.validationErrors).toEqual([]);
  });
});
