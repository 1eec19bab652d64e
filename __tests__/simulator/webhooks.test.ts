/** Webhook side of the simulator: signing, shapes, event helpers, redelivery, round-robin and queueing. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { type Simulator, startSimulator } from './index.js';
import { type Receiver, startReceiver } from './receiver.js';

const SECRET = 'webhook-secret';
const REPO = { owner: 'acme', repo: 'api' };
const noop = (): void => undefined;
const quiet = { debug: noop, info: noop, warn: noop, error: noop };
let receiver: Receiver;
let second: Receiver;
let sim: Simulator;

beforeAll(async () => {
  receiver = await startReceiver(SECRET);
  second = await startReceiver(SECRET);
  sim = await startSimulator({
    webhookTarget: receiver.url,
    webhookSecret: SECRET,
    appId: 7,
    appSlug: 'shipgate',
  });
  sim.addRepo('acme/api', { files: { 'shipgate.md': '- [ ] docs\n' } });
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
  await second.close();
});

const last = () => {
  const r = receiver.received.at(-1);
  if (!r) throw new Error('nothing received');
  return r;
};

describe('webhook deliveries', () => {
  test('headers and signature verify with @octokit/webhooks; PR opened carries real state', async () => {
    const pr = await sim.openPullRequest({ files: { 'src/x.ts': 'x\n' }, user: 'alice', title: 'Add x' });
    const got = last();
    expect(got.verified).toBe(true);
    expect(got.event).toBe('pull_request');
    expect(got.headers['user-agent']).toBe('GitHub-Hookshot/sim');
    expect(got.deliveryId).toMatch(/^[0-9a-f-]{36}$/);
    expect(got.payload).toMatchObject({
      action: 'opened',
      number: pr.number,
      pull_request: { title: 'Add x', head: { sha: pr.pull?.head.sha }, user: { login: 'alice' } },
      repository: { full_name: 'acme/api' },
      installation: { id: sim.installationFor('acme').id },
      sender: { login: 'alice' },
    });
    await sim.pushToPullRequest(pr.number, { files: { 'src/y.ts': 'y\n' } });
    expect(last().payload).toMatchObject({
      action: 'synchronize',
      before: pr.pull?.base.sha === undefined ? '' : expect.any(String),
      after: sim.pull(undefined, pr.number).pull?.head.sha,
    });
    await sim.labelPullRequest(pr.number, 'shipgate:skip', { login: 'bob' });
    expect(last().payload).toMatchObject({
      action: 'labeled',
      label: { name: 'shipgate:skip' },
      sender: { login: 'bob' },
    });
    await sim.closePullRequest(pr.number, { merged: true });
    expect(last().payload).toMatchObject({ action: 'closed', pull_request: { merged: true } });
  });

  test('bot edits echo back with the bot as sender; user edits carry changes.body.from', async () => {
    const pr = await sim.openPullRequest({ files: { 'a.md': 'a\n' } });
    const octokit = new Octokit({ log: quiet, baseUrl: sim.apiUrl, auth: sim.installationToken() });
    const c = await octokit.rest.issues.createComment({
      ...REPO,
      issue_number: pr.number,
      body: '- [ ] docs',
    });
    await octokit.rest.issues.updateComment({ ...REPO, comment_id: c.data.id, body: '- [ ] docs (updated)' });
    await sim.idle();
    expect(last().payload).toMatchObject({
      action: 'edited',
      sender: { login: 'shipgate[bot]', type: 'Bot' },
    });
    sim.setPermission('acme/api', 'alice', 'write'); // GitHub: only write access edits others' comments
    await sim.userEditsComment(c.data.id, 'alice', '- [x] docs');
    expect(last().payload).toMatchObject({
      action: 'edited',
      changes: { body: { from: '- [ ] docs (updated)' } },
      comment: { body: '- [x] docs' },
      sender: { login: 'alice', type: 'User' },
    });
    await octokit.rest.issues.deleteComment({ ...REPO, comment_id: c.data.id });
    await sim.idle();
    expect(last().payload).toMatchObject({ action: 'deleted', comment: { id: c.data.id } });
  });

  test('check run events, requested actions, merge queue, deployment protection rule callback', async () => {
    const octokit = new Octokit({ log: quiet, baseUrl: sim.apiUrl, auth: sim.installationToken() });
    const sha = sim.repo().branches.get('main') ?? '';
    const run = await octokit.rest.checks.create({
      ...REPO,
      name: 'shipgate',
      head_sha: sha,
      conclusion: 'action_required',
      output: { title: 't', summary: 's' },
      actions: [{ label: 'Override', description: 'x', identifier: 'override' }],
    });
    await sim.idle();
    expect(receiver.received.slice(-2).map((r) => r.payload.action)).toEqual(['created', 'completed']);
    await sim.requestedAction(run.data.id, 'override', 'alice');
    expect(last().payload).toMatchObject({
      action: 'requested_action',
      requested_action: { identifier: 'override' },
      check_run: { id: run.data.id },
    });
    await sim.rerequestCheckRun(run.data.id);
    expect(last().payload).toMatchObject({ action: 'rerequested' });
    const pr = await sim.openPullRequest({ files: { 'q.ts': 'q\n' } });
    const installation = sim.installationFor('acme');
    const before = sim.deliveries.length;
    await sim.mergeGroup(pr.number); // the app lacks merge_queues: GitHub sends nothing
    expect(sim.deliveries).toHaveLength(before);
    installation.permissions = { ...installation.permissions, merge_queues: 'read' };
    const mg = await sim.mergeGroup(pr.number);
    expect(last().payload).toMatchObject({
      action: 'checks_requested',
      merge_group: { head_sha: mg.head_sha },
    });
    const wf = await sim.deploymentProtectionRule({ environment: 'production' });
    const callback = String(last().payload.deployment_callback_url);
    await octokit.request(`POST ${callback}`, {
      environment_name: 'production',
      state: 'rejected',
      comment: '2 items open',
    });
    expect(sim.state.deploymentReviews).toEqual([
      {
        repo: 'acme/api',
        run_id: wf.id,
        environment_name: 'production',
        state: 'rejected',
        comment: '2 items open',
        by: 'shipgate[bot]',
      },
    ]);
    const pushed = await sim.push({ files: { 'CHANGELOG.md': '## 1.0.0\n' } });
    expect(last().payload).toMatchObject({
      ref: 'refs/heads/main',
      after: pushed,
      head_commit: { added: ['CHANGELOG.md'] },
    });
    await sim.deploymentStatus({ environment: 'production', state: 'success' });
    expect(last().payload).toMatchObject({
      deployment_status: { state: 'success' },
      deployment: { environment: 'production' },
    });
    expect(sim.validationErrors).toEqual([]);
  });

  test('redelivery reuses id and body; bad or missing signatures are rejected by the receiver', async () => {
    const status = await sim.deliver(
      'ping',
      { zen: 'Keep it simple.', hook_id: 1 },
      { deliveryId: 'fixed-id' },
    );
    expect(status).toBe(200);
    expect(await sim.redeliver('fixed-id')).toBe(200);
    const [a, b] = receiver.received.slice(-2);
    expect(b?.deliveryId).toBe('fixed-id');
    expect(b?.body).toBe(a?.body);
    expect(await sim.deliverRaw('ping', '{"zen":"x"}', { signature: 'sha256=00' })).toBe(401);
    expect(await sim.deliverRaw('ping', '{"zen":"x"}', { signature: null })).toBe(401);
  });

  test('several targets round-robin; manual mode queues until flush()', async () => {
    const multi = await startSimulator({
      webhookTarget: [receiver.url, second.url],
      webhookSecret: SECRET,
      autoDeliver: false,
    });
    try {
      multi.addRepo('acme/api');
      await multi.openPullRequest({ files: { 'a.ts': '1' } });
      await multi.openPullRequest({ files: { 'b.ts': '2' } });
      const before = second.received.length;
      expect(await multi.flush()).toEqual([200, 200]);
      expect(second.received.length).toBe(before + 1);
      expect(multi.deliveries.map((d) => d.attempts[0]?.target)).toEqual([receiver.url, second.url]);
    } finally {
      await multi.close();
    }
  });

  test('a changed webhook URL takes the next deliveries (the App owner updated its webhook config)', async () => {
    const moved = await startSimulator({
      webhookTarget: receiver.url,
      webhookSecret: SECRET,
      autoDeliver: false,
    });
    try {
      moved.addRepo('acme/api');
      await moved.openPullRequest({ files: { 'a.ts': '1' } });
      moved.setWebhookTarget(second.url);
      await moved.openPullRequest({ files: { 'b.ts': '2' } });
      expect(await moved.flush()).toEqual([200, 200]);
      expect(moved.deliveries.map((d) => d.attempts[0]?.target)).toEqual([second.url, second.url]);
    } finally {
      await moved.close();
    }
  });

  test('outgoing payloads match the OpenAPI x-webhooks schemas', () => {
    expect(sim.webhookValidationErrors).toEqual([]);
  });
});
