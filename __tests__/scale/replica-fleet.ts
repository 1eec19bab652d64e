/**
 * N real app processes (`node dist/server.js`) behind the simulator's round-robin webhook
 * delivery, optionally sharing a real redis-server. Used by the replica tests and the bench.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort, type RedisServerProcess, startRedisServer } from '../../bench/redis-server.js';
import { buildDist, ROOT } from '../action/action-harness.js';
import { seedRepo, WEBHOOK_SECRET } from '../app/harness.js';
import { generateAppPrivateKey, type Simulator, startSimulator } from '../simulator/index.js';

export interface Replica {
  child: ChildProcess;
  url: string;
  output: string;
}

export interface Fleet {
  sim: Simulator;
  replicas: Replica[];
  redis?: RedisServerProcess;
  close(): Promise<void>;
}

const APP_ID = 5151;

async function waitForHealth(replica: Replica): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (replica.child.exitCode !== null) {
      throw new Error(`app exited early (${replica.child.exitCode}): ${replica.output.slice(-2000)}`);
    }
    try {
      const response = await fetch(`${replica.url}/healthz`, { signal: AbortSignal.timeout(500) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`app at ${replica.url} did not become healthy: ${replica.output.slice(-2000)}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Starts the simulator (seeded like the E2E harness), optionally Redis, and `count` app processes. */
export async function startFleet(options: {
  count: number;
  redis: boolean;
  /** Keep Probot's production write spacing (≥ 1 s per installation, clustered through Redis). */
  productionThrottling?: boolean;
}): Promise<Fleet> {
  buildDist();
  const redis = options.redis ? await startRedisServer() : undefined;
  const key = generateAppPrivateKey();
  const ports = await Promise.all(Array.from({ length: options.count }, () => freePort()));
  const sim = await startSimulator({
    webhookTarget: ports.map((port) => `http://127.0.0.1:${port}/api/github/webhooks`),
    webhookSecret: WEBHOOK_SECRET,
    appId: APP_ID,
    appSlug: 'shipgate',
    privateKeyPem: key,
    validateWebhooks: false,
    // GitHub's secondary rate limits only with production write spacing: with writes unspaced the
    // replicas can exceed 80 a minute, and a refused write retried a retry-after later lands in a
    // later test's count (see startHarness in __tests__/app/harness.ts).
    ...(options.productionThrottling ? {} : { secondaryLimits: false as const }),
  });
  seedRepo(sim);
  const replicas: Replica[] = [];
  const fleet: Fleet = {
    sim,
    replicas,
    ...(redis ? { redis } : {}),
    async close() {
      await Promise.all(replicas.map((replica) => stop(replica.child)));
      await sim.close();
      await redis?.stop();
    },
  };
  try {
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
          ...(redis ? { REDIS_URL: redis.url } : {}),
          LOG_LEVEL: 'warn',
          SHIPGATE_RECONCILE: 'false',
          ...(options.productionThrottling
            ? {}
            : {
                SHIPGATE_GITHUB_WRITE_INTERVAL_MS: '0',
                SHIPGATE_GITHUB_NOTIFY_INTERVAL_MS: '0',
                SHIPGATE_GITHUB_RETRY_BASE_MS: '20',
              }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const replica: Replica = { child, url: `http://127.0.0.1:${port}`, output: '' };
      child.stdout?.on('data', (chunk: Buffer) => (replica.output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (replica.output += chunk.toString()));
      replicas.push(replica);
      await waitForHealth(replica);
    }
  } catch (error) {
    await fleet.close();
    throw error;
  }
  return fleet;
}

/** Polls until `check` holds (the simulator delivers state-change webhooks in the background). */
export async function settled(
  sim: Simulator,
  check: () => boolean,
  what: string | (() => string),
): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    await sim.idle();
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for: ${typeof what === 'string' ? what : what()}`);
}

/** A replica's `shipgate_pending_work` (src/app/server/metrics.ts), read from its /metrics. */
async function pendingWork(replica: Replica): Promise<number> {
  const response = await fetch(`${replica.url}/metrics`, { signal: AbortSignal.timeout(5000) });
  const match = /^shipgate_pending_work (\d+)$/m.exec(await response.text());
  if (!match) throw new Error(`no shipgate_pending_work on ${replica.url}/metrics`);
  return Number(match[1]);
}

/**
 * Waits until nothing is left to happen: the simulator has no delivery or request in flight and
 * every replica reports no pending work (no event handled, no step waiting or being written, no
 * reply waiting) — twice in a row, since a delivery answered can start a step. Bounded (20 s).
 */
export async function quiet(fleet: Fleet): Promise<void> {
  const deadline = Date.now() + 20_000;
  let calm = 0;
  while (Date.now() < deadline) {
    await fleet.sim.idle();
    const pending = await Promise.all(fleet.replicas.map(pendingWork));
    calm = pending.every((count) => count === 0) ? calm + 1 : 0;
    if (calm >= 2) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting for the replicas to finish their work');
}
