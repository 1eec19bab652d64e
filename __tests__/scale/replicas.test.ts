/**
 * Two real app processes (`node dist/server.js`) share one real redis-server; the simulator
 * delivers webhooks to them round-robin. Locks, de-duplication and fencing must make the pair
 * behave like one bot: one comment, every authorized tick kept, no duplicate effects.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  freePort,
  type RedisServerProcess,
  redisServerBinary,
  startRedisServer,
} from '../../bench/redis-server.js';
import { buildDist, ROOT } from '../action/action-harness.js';
import {
  CONFIG,
  checklistComments,
  isTicked,
  REPO,
  TEMPLATE,
  toggle,
  WEBHOOK_SECRET,
  WORKFLOW,
} from '../app/harness.js';
import { generateAppPrivateKey, type Simulator, startSimulator } from '../simulator/index.js';

const APP_ID = 5151;
const hasRedis = redisServerBinary() !== undefined;
const describeWithRedis = hasRedis ? describe : describe.skip;
if (!hasRedis)
  console.warn('replicas.test.ts skipped: redis-server is not installed (apt-get install redis-server)');

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited early (${child.exitCode}): ${log()}`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(500) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`app at ${url} did not become healthy: ${log()}`);
}

describeWithRedis('two replicas behind one Redis', () => {
  let redis: RedisServerProcess;
  let sim: Simulator;
  const replicas: { child: ChildProcess; url: string; output: string }[] = [];

  beforeAll(async () => {
    buildDist();
    redis = await startRedisServer();
    const key = generateAppPrivateKey();
    const ports = [await freePort(), await freePort()];
    sim = await startSimulator({
      webhookTarget: ports.map((port) => `http://127.0.0.1:${port}/api/github/webhooks`),
      webhookSecret: WEBHOOK_SECRET,
      appId: APP_ID,
      appSlug: 'shipgate',
      privateKeyPem: key,
      validateWebhooks: false,
    });
    sim.addRepo(REPO, {
      files: {
        '.github/shipgate.yml': CONFIG,
        '.github/release-checklist.md': TEMPLATE,
        [WORKFLOW]: 'on: pull_request\n',
        'package.json': '{"name":"web","version":"6.0.2"}\n',
      },
    });
    for (const login of ['rita', 'quinn', 'erin', 'bob']) sim.setPermission(REPO, login, 'write');
    sim.setPermission(REPO, 'rando', 'read');
    sim.addTeamMember('acme', 'qa', 'quinn');
    for (const port of ports) {
      const child = spawn(process.execPath, ['dist/server.js'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          APP_ID: String(APP_ID),
          PRIVATE_KEY: key,
          WEBHOOK_SECRET,
          GHE_HOST: sim.url.replace('http://', ''),
          GHE_PROTOCOL: 'http',
          PORT: String(port),
          HOST: '127.0.0.1',
          REDIS_URL: redis.url,
          LOG_LEVEL: 'warn',
          SHIPGATE_RECONCILE: 'false',
          SHIPGATE_GITHUB_WRITE_INTERVAL_MS: '0',
          SHIPGATE_GITHUB_NOTIFY_INTERVAL_MS: '0',
          SHIPGATE_GITHUB_RETRY_BASE_MS: '20',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const replica = { child, url: `http://127.0.0.1:${port}`, output: '' };
      child.stdout?.on('data', (chunk: Buffer) => (replica.output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (replica.output += chunk.toString()));
      replicas.push(replica);
      await waitForHealth(replica.url, child, () => replica.output.slice(-2000));
    }
  }, 60_000);

  afterAll(async () => {
    for (const { child } of replicas) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
    await sim?.close();
    await redis?.stop();
  });

  async function settled(check: () => boolean, what: string | (() => string)): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      await sim.idle();
      if (check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for: ${typeof what === 'string' ? what : what()}`);
  }

  it('posts exactly one checklist even when the same PR events hit both replicas at once', async () => {
    const pr = await sim.openPullRequest({ head: 'release/6.0.3', title: 'Release 6.0.3', user: 'rita' });
    // The same PR's label and reopen-like events land on the other replica concurrently.
    await Promise.all([
      sim.labelPullRequest(pr.number, 'release'),
      sim.labelPullRequest(pr.number, 'deploy'),
    ]);
    await settled(() => checklistComments(sim, pr.number).length >= 1, 'a checklist comment');
    await sim.idle();
    expect(checklistComments(sim, pr.number)).toHaveLength(1);
    const targets = new Set(
      sim.deliveries.flatMap((delivery) => delivery.attempts.map((attempt) => attempt.target)),
    );
    expect(targets.size).toBe(2);
  });

  it('keeps every authorized tick from overlapping edits handled by different replicas, and reverts the rest', async () => {
    const pr = await sim.openPullRequest({ head: 'release/6.0.4', title: 'Release 6.0.4', user: 'rita' });
    await settled(() => checklistComments(sim, pr.number).length === 1, 'the checklist comment');
    const comment = checklistComments(sim, pr.number)[0];
    if (!comment) throw new Error('no checklist comment');
    const stale = comment.body;
    // Four people edit from the same stale copy at once: each save overwrites the others on GitHub.
    await Promise.all([
      sim.userEditsComment(comment.id, 'bob', toggle(stale, 'customer-flow', true)),
      sim.userEditsComment(comment.id, 'erin', toggle(stale, 'rollback-plan', true)),
      sim.userEditsComment(comment.id, 'quinn', toggle(stale, 'qa-signoff', true)),
      sim.userEditsComment(comment.id, 'rando', toggle(stale, 'eng-signoff', true)),
    ]);
    await settled(() => {
      const body = checklistComments(sim, pr.number)[0]?.body ?? '';
      return (
        ['customer-flow', 'rollback-plan', 'qa-signoff'].every((id) => isTicked(body, id)) &&
        !isTicked(body, 'eng-signoff')
      );
    }, () => `the three authorized ticks kept and the unauthorized one reverted: ${(checklistComments(sim, pr.number)[0]?.body ?? '').split('\n').filter((l) => l.includes('sg:')).join('\n')}`);
    expect(checklistComments(sim, pr.number)).toHaveLength(1);
  });

  it('ignores a redelivery that lands on the other replica', async () => {
    const pr = await sim.openPullRequest({ head: 'release/6.0.5', title: 'Release 6.0.5', user: 'rita' });
    await settled(() => checklistComments(sim, pr.number).length === 1, 'the checklist comment');
    const comment = checklistComments(sim, pr.number)[0];
    if (!comment) throw new Error('no checklist comment');
    await sim.userEditsComment(comment.id, 'bob', toggle(comment.body, 'customer-flow', true));
    await settled(
      () => isTicked(checklistComments(sim, pr.number)[0]?.body ?? '', 'customer-flow'),
      'the tick',
    );
    const edit = [...sim.deliveries]
      .reverse()
      .find((d) => d.event === 'issue_comment' && d.action === 'edited');
    const writesBefore = sim.requests.filter((r) => r.method !== 'GET').length;
    if (edit) await sim.redeliver(edit.id);
    await sim.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sim.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
  });
});
