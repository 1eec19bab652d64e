import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, createProbot } from 'probot';
import { type OctokitTuning, tunedOctokit } from '../github/octokit.js';
import { createShipgateApp, type ShipgateApp } from './app.js';
import { ledgerSecretFrom } from './secret.js';

export interface ServerOptions {
  /** APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, GHE_PROTOCOL, LOG_LEVEL, SHIPGATE_LEDGER_SECRET… */
  env: NodeJS.ProcessEnv;
  port?: number;
  host?: string;
  /** Octokit retry/throttle timings (tests shorten them; production keeps Probot's). */
  tuning?: OctokitTuning;
  /** Walk open release PRs once listening (repairs webhooks missed while down). */
  reconcileOnStart?: boolean;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  webhookUrl: string;
  app: ShipgateApp;
  close(): Promise<void>;
}

export const WEBHOOK_PATH = '/api/github/webhooks';

/** Starts the app: webhooks at /api/github/webhooks (signature-checked by Probot), GET /healthz. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { env } = options;
  const probot = createProbot({
    env: { LOG_LEVEL: 'info', ...env },
    overrides: { Octokit: tunedOctokit(options.tuning) },
  });
  const app = createShipgateApp({
    ledgerSecret: ledgerSecretFrom(env),
    appId: Number(env.APP_ID),
    ...(env.APP_SLUG ? { appSlug: env.APP_SLUG } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const middleware = await createNodeMiddleware(app.appFn, { probot, webhooksPath: WEBHOOK_PATH });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
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
  if (options.reconcileOnStart) {
    void app
      .reconcile()
      .then((count) => probot.log.info({ count }, 'reconciled open release pull requests'))
      .catch((error: unknown) => probot.log.error({ err: error }, 'start-up reconcile failed'));
  }
  return {
    url,
    webhookUrl: `${url}${WEBHOOK_PATH}`,
    app,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await app.idle();
      server.closeAllConnections();
      await closed;
    },
  };
}
