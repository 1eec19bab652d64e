/**
 * # GitHub simulator (test infrastructure)
 *
 * A stateful fake of the GitHub REST API + webhook sender on 127.0.0.1, validated against the
 * official OpenAPI description. Drive it with real clients (Octokit, Probot, the built Action).
 *
 * ```ts
 * const sim = await startSimulator({ webhookTarget: 'http://127.0.0.1:PORT/api/github/webhooks',
 *   webhookSecret: 'secret', appId: 42, appSlug: 'shipgate', privateKeyPem });
 * sim.addRepo('acme/web', { files: { 'shipgate.md': '- [ ] ...' } }); // + installs the app on acme
 * const pr = await sim.openPullRequest({ files: { 'src/a.ts': 'x' } }); // awaits the webhook POST
 * expect(sim.commentsOn(pr.number)).toHaveLength(1);
 * expect(sim.validationErrors).toEqual([]);
 * await sim.close();
 * ```
 *
 * - URLs: `sim.url`/`sim.apiUrl` (GitHub.com root, `new Octokit({ baseUrl: sim.apiUrl })`,
 *   `GITHUB_API_URL` for the Action) and `sim.gheApiUrl` (`${url}/api/v3`; Probot with
 *   `GHE_HOST=127.0.0.1:PORT GHE_PROTOCOL=http`). Every route is served under both.
 * - Auth: app JWT (RS256; signature checked when `privateKeyPem` is given) → `POST
 *   /app/installations/{id}/access_tokens`; or mint tokens directly: `sim.installationToken()`,
 *   `sim.actionsToken(repo)` (check runs then belong to app 15368 `github-actions`), `sim.userToken(login)`.
 *   Installation tokens see only their installation's repos (404 otherwise), like GitHub.
 * - Seeding (seed.ts): `addRepo`, `commit(repo, {branch, files})`, `setPermission`, `addTeamMember`,
 *   `addSecret`, `addWorkflowRun`, `addRelease`, `installationFor(account)`; raw maps in `sim.state`.
 *   Reading: `pull(repo, n)`, `commentsOn(n)`, `checkRunsFor(sha)`, `issuesIn()`, `state.deploymentReviews`,
 *   `state.statuses`, `state.dispatches`. `repo` arguments default to the first seeded repo.
 *   Routes/releases.ts: `PATCH …/releases/{id}` updates `state.releases`; `GET
 *   …/commits/{sha}/pulls` lists PRs whose head or merge commit is the SHA.
 * - Events (events.ts + events-deploy.ts, each awaits delivery): `openPullRequest`, `pushToPullRequest`, `labelPullRequest`,
 *   `closePullRequest`, `userComments`, `userEditsComment`, `userDeletesComment`, `rerequestCheckRun`,
 *   `requestedAction`, `mergeGroup`, `deploymentProtectionRule`, `deploymentStatus`, `push`.
 *   Re-runs and button presses go only to the app that created the run (others: `undeliveredPresses`).
 *   REST mutations also emit webhooks (comment created/edited/deleted with the bot as sender,
 *   check_run created/completed, labeled, issues.opened) in the background: `await sim.idle()`.
 * - Webhooks: `deliver(event, payload, {deliveryId})`, `deliverRaw(event, body, {signature})`,
 *   `deliveries`, `autoDeliver: false` + `flush()`; several targets are used round-robin. Like GitHub,
 *   a failed delivery is never retried by itself: every attempt is logged in `hookLog` and served by
 *   `GET /app/hook/deliveries`; `POST /app/hook/deliveries/{id}/attempts` (the app) or `redeliver(id)`
 *   (a person's "Redeliver" button) sends it again with the same guid, marked `redelivery`.
 * - Checks on the client: `requests` (log), `validationErrors` (unknown route, wrong method, body
 *   not matching the OpenAPI requestBody schema → 404/405/422), `unimplemented` (valid but not simulated),
 *   `webhookValidationErrors` (outgoing payloads checked against the OpenAPI `x-webhooks` schemas).
 * - Probot: `createProbot({ env: { APP_ID, PRIVATE_KEY: generateAppPrivateKey() (also passed as
 *   privateKeyPem), WEBHOOK_SECRET, GHE_HOST: sim.url minus 'http://', GHE_PROTOCOL: 'http' } })`; see
 *   probot.test.ts. `startReceiver(secret)` (receiver.ts) is a signature-checking webhook sink for tests.
 * - Secondary rate limits (secondary-limits.ts, on by default at GitHub's figures):
 *   `secondaryLimits: { perMinute, perHour, concurrent, status } | false`; refusals in `sim.limits.refused`.
 * - Faults: `faults.inject({ match: {method, path}, status: 503 | 'secondary-rate-limit' |
 *   'primary-rate-limit', times, latencyMs })`, `faults.latency(ms)`, `faults.clear()`.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Events } from './events-deploy.js';
import { Faults } from './faults.js';
import type { RouteTable } from './http.js';
import { ActionsOidc } from './oidc.js';
import { validateWebhookPayload } from './openapi.js';
import { appRoutes } from './routes/apps.js';
import { checkRoutes } from './routes/checks.js';
import { issueRoutes } from './routes/issues.js';
import { protectionRoutes } from './routes/protection.js';
import { pullRoutes } from './routes/pulls.js';
import { releaseRoutes } from './routes/releases.js';
import { repoRoutes } from './routes/repos.js';
import { GITHUB_SECONDARY_LIMITS, type SecondaryLimitOptions, SecondaryLimits } from './secondary-limits.js';
import { createServer, type LoggedRequest, type ValidationError } from './server.js';
import { type Delivery, type HookDelivery, type RawDeliveryOptions, WebhookSender } from './webhooks.js';

export { CommentEditRefused } from './events.js';
export type { LoggedRequest, ValidationError } from './server.js';
export { GITHUB_ACTIONS_APP } from './state.js';
export type { Delivery, HookDelivery } from './webhooks.js';
export { sign as signWebhook } from './webhooks.js';

export interface SimulatorOptions {
  /** app URL(s) webhooks are POSTed to; several → round-robin */
  webhookTarget?: string | string[];
  webhookSecret?: string;
  appId?: number;
  appSlug?: string;
  /** the app's private key; its public half verifies app JWTs (shape-only check when absent) */
  privateKeyPem?: string;
  /** false → state-change webhooks queue until flush() */
  autoDeliver?: boolean;
  /** validate outgoing webhook payloads against the OpenAPI x-webhooks schemas (default true) */
  validateWebhooks?: boolean;
  /**
   * GitHub's secondary rate limits (secondary-limits.ts): default on at GitHub's figures (80
   * content-generating requests a minute, 500 an hour, 100 concurrent, per caller); `false` turns
   * them off, an object sets other figures.
   */
  secondaryLimits?: SecondaryLimitOptions | false;
}

export class Simulator extends Events {
  url = '';
  readonly faults = new Faults();
  /** undefined when the options turned them off */
  readonly limits: SecondaryLimits | undefined;
  readonly requests: LoggedRequest[] = [];
  readonly validationErrors: ValidationError[] = [];
  readonly unimplemented: string[] = [];
  readonly webhookValidationErrors: Array<{ event: string; action?: string; errors: string[] }> = [];
  protected readonly sender: WebhookSender;
  /** GitHub Actions' OIDC issuer (oidc.ts): `sim.oidc.issuer`, `requestFor(runId)`, `tokenFor(runId, audience)`. */
  readonly oidc: ActionsOidc;
  private server: http.Server | undefined;

  constructor(readonly options: SimulatorOptions) {
    super(options.appId ?? 1, options.appSlug ?? 'shipgate');
    this.limits =
      options.secondaryLimits === false
        ? undefined
        : new SecondaryLimits({ ...GITHUB_SECONDARY_LIMITS, ...options.secondaryLimits });
    this.oidc = new ActionsOidc(this.state);
    const targets = options.webhookTarget === undefined ? [] : [options.webhookTarget].flat();
    this.sender = new WebhookSender(
      targets,
      options.webhookSecret ?? 'development',
      options.autoDeliver ?? true,
      (event, payload) => {
        if (options.validateWebhooks === false) return;
        const action = typeof payload.action === 'string' ? payload.action : undefined;
        const errors = validateWebhookPayload(event, action, payload);
        if (errors.length) this.webhookValidationErrors.push({ event, action, errors });
      },
    );
  }

  get apiUrl(): string {
    return this.url;
  }
  get gheApiUrl(): string {
    return `${this.url}/api/v3`;
  }
  /** The App's webhook URL changed (WebhookSender.setTargets): later deliveries go to `target`. */
  setWebhookTarget(target: string | string[]): void {
    this.sender.setTargets([target].flat());
  }

  get deliveries(): Delivery[] {
    return this.sender.deliveries;
  }
  /** The App's delivery log (`GET /app/hook/deliveries`): one entry per attempt, oldest first. */
  get hookLog(): readonly HookDelivery[] {
    return this.sender.hookLog;
  }

  async listen(): Promise<this> {
    const payloads = this.payloads;
    const routes: RouteTable = {
      ...appRoutes,
      ...repoRoutes,
      ...releaseRoutes,
      ...pullRoutes(payloads),
      ...issueRoutes(payloads),
      ...checkRoutes(payloads),
      ...protectionRoutes,
    };
    const publicKey = this.options.privateKeyPem
      ? crypto.createPublicKey(this.options.privateKeyPem)
      : undefined;
    const server = createServer({
      state: this.state,
      shapes: this.shapes,
      faults: this.faults,
      ...(this.limits ? { limits: this.limits } : {}),
      hooks: this.sender,
      routes,
      publicKey,
      requests: this.requests,
      validationErrors: this.validationErrors,
      unimplemented: this.unimplemented,
      extra: (req, url, res) => this.oidc.handle(req, url, res),
    });
    // Idle keep-alive sockets stay open longer than any client keeps them: a server closing one just
    // as a loaded client reuses it shows up as ECONNRESET (the classic keep-alive race), not as
    // anything GitHub does.
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.oidc.baseUrl = this.url;
    return this;
  }

  deliver(
    event: string,
    payload: Record<string, unknown>,
    opts: { deliveryId?: string } = {},
  ): Promise<number> {
    return this.sender.deliver(event, payload, opts);
  }
  redeliver(deliveryId: string, target?: string): Promise<number> {
    return this.sender.redeliver(deliveryId, target);
  }
  deliverRaw(event: string, body: string, opts: RawDeliveryOptions = {}): Promise<number> {
    return this.sender.deliverRaw(event, body, opts);
  }
  flush(): Promise<number[]> {
    return this.sender.flush();
  }
  /** wait for background webhook deliveries (from REST mutations) to finish */
  idle(): Promise<void> {
    return this.sender.idle();
  }

  async close(): Promise<void> {
    await this.idle();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return new Simulator(options).listen();
}

/** A fresh RSA key in the PKCS#1 PEM form GitHub hands out for apps (for PRIVATE_KEY). */
export function generateAppPrivateKey(): string {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}
