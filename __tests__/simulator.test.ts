/** REST side of the GitHub simulator, driven by a real @octokit/rest client over loopback HTTP. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { Octokit } from '@octokit/rest';
import { generateAppPrivateKey, type Simulator, startSimulator } from './simulator/index.js';

const REPO = { owner: 'acme', repo: 'web' };
let sim: Simulator;
let privateKey: string;
const noop = (): void => undefined;
const quiet = { debug: noop, info: noop, warn: noop, error: noop };
let octokit: Octokit; // authenticated as the installation via the real JWT exchange

beforeAll(async () => {
  privateKey = generateAppPrivateKey();
  sim = await startSimulator({ appId: 4242, appSlug: 'shipgate', privateKeyPem: privateKey });
  sim.addRepo('acme/web', { files: { 'README.md': '# web\n', 'shipgate.md': '- [ ] tests pass\n' } });
  sim.addRepo('acme/private', { private: true, install: false });
  const installationId = sim.installationFor('acme').id;
  octokit = new Octokit({
    log: quiet,
    baseUrl: sim.apiUrl,
    authStrategy: createAppAuth,
    auth: { appId: 4242, privateKey, installationId },
  });
});
afterAll(async () => {
  await sim.close();
});

/** Negative tests take their expected validation errors out so the shared list stays meaningful. */
function takeValidationErrors(): Simulator['validationErrors'] {
  return sim.validationErrors.splice(0, sim.validationErrors.length);
}

describe('app authentication', () => {
  test('JWT exchange yields an installation token; repo installation lookup needs the app JWT', async () => {
    const { data } = await octokit.rest.repos.get(REPO);
    expect(data.full_name).toBe('acme/web');
    expect(
      sim.requests.some(
        (r) => r.route === '/app/installations/{installation_id}/access_tokens' && r.status === 201,
      ),
    ).toBe(true);
    const appOctokit = new Octokit({
      log: quiet,
      baseUrl: sim.apiUrl,
      authStrategy: createAppAuth,
      auth: { appId: 4242, privateKey },
    });
    const inst = await appOctokit.rest.apps.getRepoInstallation(REPO);
    expect(inst.data.app_id).toBe(4242);
    const list = await appOctokit.rest.apps.listInstallations();
    expect(list.data.map((i) => i.id)).toEqual([sim.installationFor('acme').id]);
    const repos = await octokit.rest.apps.listReposAccessibleToInstallation();
    expect(repos.data.repositories.map((r) => r.full_name)).toEqual(['acme/web']);
  });

  test('JWT signed with another key, bad tokens and repos outside the installation are refused', async () => {
    const other = new Octokit({
      log: quiet,
      baseUrl: sim.apiUrl,
      authStrategy: createAppAuth,
      auth: { appId: 4242, privateKey: generateAppPrivateKey() },
    });
    await expect(other.rest.apps.listInstallations()).rejects.toMatchObject({ status: 401 });
    const bogus = new Octokit({ log: quiet, baseUrl: sim.apiUrl, auth: 'ghs_nope' });
    await expect(bogus.rest.repos.get(REPO)).rejects.toMatchObject({ status: 401 });
    await expect(octokit.rest.repos.get({ owner: 'acme', repo: 'private' })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('repository contents and history', () => {
  test('contents are base64 at a ref, 404 when absent, also under /api/v3', async () => {
    const head = sim.commit('acme/web', { branch: 'feat', files: { 'src/app.ts': 'export const x = 1;\n' } });
    const { data } = await octokit.rest.repos.getContent({ ...REPO, path: 'src/app.ts', ref: 'feat' });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    expect(Buffer.from(data.content, 'base64').toString()).toBe('export const x = 1;\n');
    await expect(octokit.rest.repos.getContent({ ...REPO, path: 'src/app.ts' })).rejects.toMatchObject({
      status: 404,
    });
    const ghe = new Octokit({ log: quiet, baseUrl: sim.gheApiUrl, auth: sim.installationToken() });
    const viaGhe = await ghe.rest.repos.getContent({ ...REPO, path: 'shipgate.md', ref: head.sha });
    expect(viaGhe.status).toBe(200);
    expect(sim.requests.at(-1)?.ghe).toBe(true);
    const cmp = await octokit.rest.repos.compareCommitsWithBasehead({ ...REPO, basehead: 'main...feat' });
    expect(cmp.data.files?.map((f) => [f.filename, f.status])).toEqual([['src/app.ts', 'added']]);
    const c = await octokit.rest.repos.getCommit({ ...REPO, ref: head.sha });
    expect(c.data.files?.map((f) => f.filename)).toEqual(['src/app.ts']);
  });

  test('pull requests: get, list open, paginated files', async () => {
    const files = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`pkg/f${i}.ts`, `${i}\n`]));
    const pr = await sim.openPullRequest({ repo: 'acme/web', files, title: 'Big change' });
    const got = await octokit.rest.pulls.get({ ...REPO, pull_number: pr.number });
    expect(got.data).toMatchObject({ title: 'Big change', state: 'open', head: { sha: pr.pull?.head.sha } });
    const open = await octokit.paginate(octokit.rest.pulls.list, { ...REPO, state: 'open', per_page: 1 });
    expect(open.map((p) => p.number)).toContain(pr.number);
    const prFiles = await octokit.paginate(octokit.rest.pulls.listFiles, {
      ...REPO,
      pull_number: pr.number,
      per_page: 50,
    });
    expect(prFiles).toHaveLength(120);
  });
});

describe('issue comments', () => {
  test('create, read, update, delete; 250 comments paginate with Link headers', async () => {
    const issue = await octokit.rest.issues.create({
      ...REPO,
      title: 'Incident: deploy failed',
      labels: ['incident'],
    });
    const n = issue.data.number;
    for (let i = 0; i < 250; i++)
      sim.state.comments.set(sim.state.id(), {
        id: sim.state.id(),
        repo: 'acme/web',
        issueNumber: n,
        body: `c${i}`,
        user: 'octocat',
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
      });
    const first = await octokit.rest.issues.listComments({ ...REPO, issue_number: n, per_page: 100 });
    expect(first.headers.link).toMatch(/page=2>; rel="next".*page=3>; rel="last"/);
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...REPO,
      issue_number: n,
      per_page: 100,
    });
    expect(all).toHaveLength(250);
    const created = await octokit.rest.issues.createComment({ ...REPO, issue_number: n, body: 'hello' });
    expect(created.data.user?.login).toBe('shipgate[bot]');
    expect(created.data.user?.type).toBe('Bot');
    const updated = await octokit.rest.issues.updateComment({
      ...REPO,
      comment_id: created.data.id,
      body: 'edited',
    });
    expect(updated.data.body).toBe('edited');
    expect((await octokit.rest.issues.getComment({ ...REPO, comment_id: created.data.id })).data.body).toBe(
      'edited',
    );
    await octokit.rest.issues.deleteComment({ ...REPO, comment_id: created.data.id });
    await expect(
      octokit.rest.issues.getComment({ ...REPO, comment_id: created.data.id }),
    ).rejects.toMatchObject({ status: 404, response: { data: { message: 'Not Found' } } });
    await expect(
      octokit.rest.issues.createComment({ ...REPO, issue_number: n, body: 'x'.repeat(65537) }),
    ).rejects.toMatchObject({ status: 422 });
    expect(sim.validationErrors).toEqual([]);
  });
});

describe('check runs', () => {
  test('create, update, get and list; app comes from the token', async () => {
    const sha = sim.repo('acme/web').branches.get('main') ?? '';
    const created = await octokit.rest.checks.create({
      ...REPO,
      name: 'shipgate',
      head_sha: sha,
      status: 'in_progress',
    });
    expect(created.data.app).toMatchObject({ id: 4242, slug: 'shipgate' });
    const done = await octokit.rest.checks.update({
      ...REPO,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: '2 items open', summary: 's' },
    });
    expect(done.data).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const actions = new Octokit({ log: quiet, baseUrl: sim.apiUrl, auth: sim.actionsToken('acme/web') });
    const byActions = await actions.rest.checks.create({
      ...REPO,
      name: 'shipgate-action',
      head_sha: sha,
      conclusion: 'success',
    });
    expect(byActions.data.app).toMatchObject({ id: 15368, slug: 'github-actions' });
    await expect(
      actions.rest.checks.update({ ...REPO, check_run_id: created.data.id, conclusion: 'success' }),
    ).rejects.toMatchObject({ status: 403 });
    const list = await octokit.paginate(octokit.rest.checks.listForRef, { ...REPO, ref: sha, per_page: 1 });
    expect(list.map((r) => r.name).sort()).toEqual(['shipgate', 'shipgate-action']);
    const got = await octokit.rest.checks.get({ ...REPO, check_run_id: created.data.id });
    expect(got.data.output.title).toBe('2 items open');
    expect(sim.validationErrors).toEqual([]);
  });
});

describe('permissions, teams, secrets, actions, statuses, releases', () => {
  test('lookups return GitHub-shaped answers', async () => {
    sim.setPermission('acme/web', 'alice', 'maintain');
    sim.addTeamMember('acme', 'release-managers', 'alice', 'maintainer');
    sim.addSecret('acme/web', 'SENTRY_DSN');
    const perm = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...REPO, username: 'alice' });
    expect(perm.data).toMatchObject({ permission: 'write', role_name: 'maintain', user: { login: 'alice' } });
    const team = await octokit.rest.teams.getMembershipForUserInOrg({
      org: 'acme',
      team_slug: 'release-managers',
      username: 'alice',
    });
    expect(team.data).toMatchObject({ state: 'active', role: 'maintainer' });
    await expect(
      octokit.rest.teams.getMembershipForUserInOrg({
        org: 'acme',
        team_slug: 'release-managers',
        username: 'bob',
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await octokit.rest.actions.getRepoSecret({ ...REPO, secret_name: 'SENTRY_DSN' })).data.name).toBe(
      'SENTRY_DSN',
    );
    await expect(octokit.rest.actions.getRepoSecret({ ...REPO, secret_name: 'NOPE' })).rejects.toMatchObject({
      status: 404,
    });
    const run = sim.addWorkflowRun('acme/web', { path: '.github/workflows/deploy.yml', head_sha: 'abc' });
    expect((await octokit.rest.actions.getWorkflowRun({ ...REPO, run_id: run.id })).data).toMatchObject({
      path: '.github/workflows/deploy.yml',
      head_sha: 'abc',
    });
    await octokit.rest.actions.createWorkflowDispatch({
      ...REPO,
      workflow_id: 'deploy.yml',
      ref: 'main',
      inputs: { env: 'prod' },
    });
    expect(sim.state.dispatches).toEqual([
      { repo: 'acme/web', workflow_id: 'deploy.yml', ref: 'main', inputs: { env: 'prod' } },
    ]);
    await octokit.rest.repos.createCommitStatus({
      ...REPO,
      sha: 'abc',
      state: 'success',
      context: 'shipgate',
    });
    expect(sim.state.statuses[0]).toMatchObject({ sha: 'abc', state: 'success' });
    sim.addRelease('acme/web', 'v1.2.0');
    expect((await octokit.rest.repos.getReleaseByTag({ ...REPO, tag: 'v1.2.0' })).data.tag_name).toBe(
      'v1.2.0',
    );
    expect((await octokit.rest.rateLimit.get()).data.rate.limit).toBe(5000);
    expect(sim.validationErrors).toEqual([]);
  });
});

describe('OpenAPI validation', () => {
  test('invalid body → 422, unknown route → 404, wrong method → 405, all recorded', async () => {
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/check-runs', {
        ...REPO,
        name: 'x',
        head_sha: 'abc',
        // deliberately outside the enum; the cast gets it past Octokit's types to the server
        conclusion: 'bogus' as 'success',
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/no-such-thing', REPO)).rejects.toMatchObject({
      status: 404,
    });
    await expect(octokit.request('PUT /repos/{owner}/{repo}/check-runs', REPO)).rejects.toMatchObject({
      status: 405,
    });
    expect(takeValidationErrors().map((e) => e.kind)).toEqual([
      'invalid-body',
      'unknown-route',
      'method-not-allowed',
    ]);
  });
});

describe('faults', () => {
  test('5xx then success with @octokit/plugin-retry; rate-limit headers everywhere', async () => {
    const Retrying = Octokit.plugin(retry);
    const client = new Retrying({
      baseUrl: sim.apiUrl,
      auth: sim.installationToken(),
      retry: { retryAfterBaseValue: 5 },
      log: quiet,
    });
    // a PR of its own: the tests run in any order (--randomize), so #1 may not exist yet
    const pr = await sim.openPullRequest({ repo: 'acme/web', files: { 'retry.txt': 'x\n' }, title: 'Retry' });
    sim.faults.inject({ match: { method: 'GET', path: /\/pulls\/\d+$/ }, status: 503, times: 2 });
    const res = await client.rest.pulls.get({ ...REPO, pull_number: pr.number });
    expect(res.status).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('5000');
    const statuses = sim.requests
      .filter((r) => r.path === `/repos/acme/web/pulls/${pr.number}`)
      .slice(-3)
      .map((r) => r.status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  test('secondary and primary rate limits are shaped like GitHub', async () => {
    const plain = new Octokit({ log: quiet, baseUrl: sim.apiUrl, auth: sim.installationToken() });
    sim.faults.inject({ match: { path: '/repos/acme/web' }, status: 'secondary-rate-limit' });
    const e1 = await plain.rest.repos
      .get(REPO)
      .catch(
        (e: { status: number; response: { headers: Record<string, string>; data: { message: string } } }) =>
          e,
      );
    expect(e1).toMatchObject({
      status: 403,
      response: {
        headers: { 'retry-after': '1' },
        data: { message: expect.stringMatching(/secondary rate limit/) },
      },
    });
    sim.faults.inject({ match: { path: '/repos/acme/web' }, status: 'primary-rate-limit', httpStatus: 429 });
    const e2 = await plain.rest.repos
      .get(REPO)
      .catch((e: { status: number; response: { headers: Record<string, string> } }) => e);
    expect(e2).toMatchObject({ status: 429, response: { headers: { 'x-ratelimit-remaining': '0' } } });
    expect(sim.faults.pending()).toBe(0);
    expect((await plain.rest.repos.get(REPO)).status).toBe(200);
  });
});

test('webhooks emitted by REST mutations match the OpenAPI x-webhooks schemas', async () => {
  // a mutation of its own (the tests run in any order), on top of whatever the others emitted
  const pr = await sim.openPullRequest({ repo: 'acme/web', files: { 'hook.txt': 'x\n' }, title: 'Hooks' });
  await octokit.rest.issues.createComment({ ...REPO, issue_number: pr.number, body: 'emits issue_comment' });
  expect(sim.deliveries.length).toBeGreaterThan(0);
  expect(sim.webhookValidationErrors).toEqual([]);
  expect(sim.unimplemented).toEqual([]);
});
