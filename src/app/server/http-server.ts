import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import { createNodeMiddleware, createProbot } from 'probot';
import { cutoverIntervalFrom } from '../../bot/cutover/cutover-watch.js';
import { SWEEP_INTERVAL_MS } from '../../bot/pr/missing-results.js';
import type { WindowClock } from '../../bot/runtime/write-coalescer.js';
import { GITHUB_OIDC_ISSUER } from '../../core/evidence/provenance.js';
import { type OctokitTuning, tunedOctokit } from '../../github/octokit.js';
import { ledgerSecretFrom } from '../../load/ledger-secret.js';
import type { Coordinator } from '../../scale/coordinator.js';
import { createCoordinator } from '../../scale/create-coordinator.js';
import { createShipgateApp, type ShipgateApp } from './app.js';
import { AppMetrics } from './metrics.js';
import { REDELIVER_INTERVAL_MS } from './redeliver-failed.js';
import { settleWithin, shutdownTimeoutFrom } from './shutdown.js';
import { logInstallationProblems } from './startup-doctor.js';

export interface ServerOptions {
  /** APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, GHE_PROTOCOL, LOG_LEVEL, SHIPGATE_LEDGER_SECRET… */
  env: NodeJS.ProcessEnv;
  port?: number;
  host?: string;
  /** Octokit retry/throttle timings (tests shorten them; production keeps Probot's). */
  tuning?: OctokitTuning;
  /** Walk open release PRs once listening (repairs webhooks missed while down). */
  reconcileOnStart?: boolean;
  /** Once listening, ask GitHub to redeliver recent failed deliveries (GitHub never does it by itself). */
  redeliverOnStart?: boolean;
  /** Once listening, log each installation's missing permissions and events (the doctor's first checks). */
  doctorOnStart?: boolean;
  /** Period of that redelivery pass (default SHIPGATE_REDELIVER_INTERVAL_MS or 5 min; 0 turns it off). */
  redeliverIntervalMs?: number;
  now?: () => Date;
  /** Period of the missing-results sweep (default 60 s; 0 turns it off). */
  sweepIntervalMs?: number;
  /** Period of the cutover timer (default SHIPGATE_CUTOVER_INTERVAL_MS or 15 s; 0 off: tests call `cutoverTick()`). */
  cutoverIntervalMs?: number;
  /** Locks, de-dup and shared state; default from REDIS_URL (tests inject one). Closed with the server. */
  coordinator?: Coordinator;
  /** Window for batching revert explanations into one reply per PR (default 1.5 s). */
  replyBurstMs?: number;
  /** Toggles within this window of a PR's last write are written together (default SHIPGATE_WRITE_WINDOW_MS or 1 s). */
  writeWindowMs?: number;
  /** The clock that window is reckoned by (default the wall clock; tests move one by hand). */
  writeClock?: WindowClock;
  /** Also export process metrics (CPU, memory, event loop) on /metrics: once per process. */
  processMetrics?: boolean;
  /** How long close() waits for in-flight events (default SHIPGATE_SHUTDOWN_TIMEOUT_MS or 25 s). */
  shutdownTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  webhookUrl: string;
  app: ShipgateApp;
  metrics: AppMetrics;
  /**
   * Graceful: new deliveries get 503 (recorded as failed by GitHub; the next instance's redelivery
   * pass asks for them again), in-flight events finish (bounded wait).
   */
  close(): Promise<void>;
}

export const WEBHOOK_PATH = '/api/github/webhooks';

/** Starts the app: webhooks at /api/github/webhooks (signature-checked by Probot), GET /healthz. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { env } = options;
  const metrics = new AppMetrics({ processMetrics: options.processMetrics ?? false });
  const timeout = Number(env.SHIPGATE_GITHUB_TIMEOUT_MS);
  // REDIS_URL clusters Octokit's throttling too. The connection is made here rather than by Probot
  // (which would do the same from its env) so that shutdown can close it.
  const { REDIS_URL: redisUrl, ...probotEnv } = env;
  const throttleConnection = redisUrl ? throttlingConnection(redisUrl) : undefined;
  const probot = createProbot({
    env: { LOG_LEVEL: 'info', ...probotEnv },
    overrides: {
      Octokit: tunedOctokit({
        ...(timeout > 0 ? { requestTimeoutMs: timeout } : {}),
        ...options.tuning,
        ...(throttleConnection ? { connection: throttleConnection } : {}),
        observer: metrics,
      }),
    },
  });
  throttleConnection?.on('error', (error: unknown) =>
    probot.log.error({ err: error }, 'Octokit throttling: Redis error'),
  );
  let draining = false;
  const coordinator =
    options.coordinator ?? createCoordinator(env, { onWarning: (message) => probot.log.warn(message) });
  const app = createShipgateApp({
    coordinator,
    ledgerSecret: ledgerSecretFrom(env),
    appId: Number(env.APP_ID),
    ...(env.APP_SLUG ? { appSlug: env.APP_SLUG } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...publicUrlFrom(env, probot.log),
    oidcIssuer: oidcIssuerFrom(env),
    metrics,
    ...(options.replyBurstMs === undefined ? {} : { replyBurstMs: options.replyBurstMs }),
    ...writeWindowFrom(options.writeWindowMs, env),
    ...(options.writeClock ? { writeClock: options.writeClock } : {}),
    telemetryEnv: prometheusEnvFrom(env),
    cutoverIntervalMs: options.cutoverIntervalMs ?? cutoverIntervalFrom(env),
    ...cutoverMaxFrom(env),
  });
  metrics.watchPendingWork(() => app.pendingWork());
  const middleware = await createNodeMiddleware(app.appFn, { probot, webhooksPath: WEBHOOK_PATH });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      if (draining) res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"draining"}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.method === 'GET' && req.url === '/metrics') {
      void metrics.render().then(({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType }).end(body);
      });
      return;
    }
    if (draining && req.method === 'POST') {
      // shutting down: refuse new deliveries. GitHub records them as failed and does not retry by
      // itself; a live replica's (or the next instance's) redelivery pass asks for them again.
      res.writeHead(503, { 'content-type': 'application/json', connection: 'close' });
      res.end('{"message":"shutting down"}');
      return;
    }
    if (req.url?.includes('/audit/')) {
      void app.handleAudit(req, res).then(
        (handled) => {
          if (!handled) void middleware(req, res, () => notFound(res));
        },
        (error: unknown) => {
          probot.log.error({ err: error }, 'audit page failed');
          if (!res.headersSent) res.writeHead(500).end();
        },
      );
      return;
    }
    void middleware(req, res, () => {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    });
  });
  server.keepAliveTimeout = 5_000;
  const port = options.port ?? Number(env.PORT ?? 3000);
  const host = options.host ?? env.HOST ?? '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  probot.log.info({ url }, 'shipgate listening');
  const redeliver = () =>
    app
      .redeliverFailed()
      .then((count) => {
        if (count > 0) probot.log.info({ count }, 'asked GitHub to redeliver failed deliveries');
      })
      .catch((error: unknown) => probot.log.error({ err: error }, 'redelivery pass failed'));
  if (options.redeliverOnStart) void redeliver();
  if (options.doctorOnStart)
    void logInstallationProblems(probot).catch((error: unknown) =>
      probot.log.warn({ err: error }, 'shipgate doctor at start-up could not read the installations'),
    );
  const redeliverMs = options.redeliverIntervalMs ?? redeliverIntervalFrom(env);
  const redeliveries = redeliverMs > 0 ? setInterval(() => void redeliver(), redeliverMs).unref() : undefined;
  if (options.reconcileOnStart) {
    void app
      .reconcile()
      .then((count) => probot.log.info({ count }, 'reconciled open release pull requests'))
      .catch((error: unknown) => probot.log.error({ err: error }, 'start-up reconcile failed'));
  }
  const sweepMs = options.sweepIntervalMs ?? SWEEP_INTERVAL_MS;
  // The sweep dispatches the checks workflow for commits whose results never came (missing-results.ts).
  const sweep =
    sweepMs > 0
      ? setInterval(() => {
          void app
            .sweepMissingResults()
            .catch((error: unknown) => probot.log.error({ err: error }, 'missing-results sweep failed'));
        }, sweepMs).unref()
      : undefined;
  const cutoverMs = options.cutoverIntervalMs ?? cutoverIntervalFrom(env);
  // The cutover timer samples open windows and ticks (or fails) them (cutover/cutover-watch.ts).
  let cutoverRunning = false;
  const cutover =
    cutoverMs > 0
      ? setInterval(() => {
          if (cutoverRunning) return; // a slow Prometheus must not pile passes up
          cutoverRunning = true;
          void app
            .cutoverTick()
            .catch((error: unknown) => probot.log.error({ err: error }, 'cutover pass failed'))
            .finally(() => {
              cutoverRunning = false;
            });
        }, cutoverMs).unref()
      : undefined;
  return {
    url,
    webhookUrl: `${url}${WEBHOOK_PATH}`,
    app,
    metrics,
    async close() {
      draining = true;
      probot.log.info('shutting down: refusing new deliveries, finishing in-flight events');
      clearInterval(sweep);
      clearInterval(redeliveries);
      clearInterval(cutover);
      // keep listening while draining so late deliveries get an explicit 503 rather than a refused connection
      const limit = options.shutdownTimeoutMs ?? shutdownTimeoutFrom(env);
      if (!(await settleWithin(app.idle(), limit)))
        probot.log.warn({ timeoutMs: limit }, 'shutdown: in-flight events did not finish in time');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await coordinator.close();
      await throttleConnection?.disconnect();
    },
  };
}

/**
 * Only `PROMETHEUS_*` variables reach the cutover timer: the config (a repository's) names the
 * variable holding the token, and must not be able to name PRIVATE_KEY or WEBHOOK_SECRET.
 */
function prometheusEnvFrom(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('PROMETHEUS_')));
}

/** SHIPGATE_CUTOVER_MAX_WINDOWS: windows sampled per pass of the cutover timer (default 20). */
function cutoverMaxFrom(env: NodeJS.ProcessEnv): { cutoverMaxWindows?: number } {
  const value = Number(env.SHIPGATE_CUTOVER_MAX_WINDOWS);
  return Number.isInteger(value) && value > 0 ? { cutoverMaxWindows: value } : {};
}

/** SHIPGATE_REDELIVER_INTERVAL_MS (milliseconds; 0 off), else every 5 minutes. */
function redeliverIntervalFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.SHIPGATE_REDELIVER_INTERVAL_MS;
  if (raw === undefined || raw === '') return REDELIVER_INTERVAL_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(
      `SHIPGATE_REDELIVER_INTERVAL_MS must be a whole number of milliseconds (0: off), got "${raw}"`,
    );
  return value;
}

/** Bottleneck's Redis connection for Octokit's throttling plugin (what Probot builds from REDIS_URL). */
function throttlingConnection(url: string): Bottleneck.IORedisConnection {
  return new Bottleneck.IORedisConnection({ client: new Redis(url, { maxRetriesPerRequest: 3 }) });
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
}

/** SHIPGATE_PUBLIC_URL: the app's external base URL (http/https); check runs link to audit pages under it. */
function publicUrlFrom(env: NodeJS.ProcessEnv, log: { warn(message: string): void }): { publicUrl?: string } {
  const raw = env.SHIPGATE_PUBLIC_URL?.trim();
  if (!raw) return {};
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { publicUrl: url.toString() };
  } catch {
    // reported below
  }
  log.warn('SHIPGATE_PUBLIC_URL is not an http(s) URL: check runs get no audit link');
  return {};
}

/** The write-coalescing window: the option, else SHIPGATE_WRITE_WINDOW_MS (milliseconds), else the default. */
function writeWindowFrom(option: number | undefined, env: NodeJS.ProcessEnv): { writeWindowMs?: number } {
  if (option !== undefined) return { writeWindowMs: option };
  const raw = env.SHIPGATE_WRITE_WINDOW_MS;
  if (raw === undefined || raw === '') return {};
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 10_000)
    throw new Error(
      `SHIPGATE_WRITE_WINDOW_MS must be a whole number of milliseconds from 0 to 10000, got "${raw}"`,
    );
  return { writeWindowMs: value };
}

/**
 * Who signs the Actions ID tokens that vouch for results: SHIPGATE_OIDC_ISSUER, else GHES's
 * `https://HOST/_services/token` (GHE_HOST), else github.com's issuer.
 */
export function oidcIssuerFrom(env: NodeJS.ProcessEnv): string {
  if (env.SHIPGATE_OIDC_ISSUER) return env.SHIPGATE_OIDC_ISSUER.replace(/\/+$/, '');
  if (env.GHE_HOST) return `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}/_services/token`;
  return GITHUB_OIDC_ISSUER;
}
