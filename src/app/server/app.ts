import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplicationFunction, Context, Probot } from 'probot';
import { handleEvent } from '../../bot/events/handle-event.js';
import { sweepMissingResults } from '../../bot/pr/missing-results.js';
import { stepsBusy, stepsIdle } from '../../bot/pr/run-step.js';
import { type Bot, BotMemory, type BotOptions, type EventOutcome } from '../../bot/runtime/bot.js';
import { GITHUB_OIDC_ISSUER } from '../../core/evidence/provenance.js';
import type { AppOctokit } from '../../github/client.js';
import { auditRequestHandler } from './audit-access.js';
import { type CutoverTick, cutoverPass } from './cutover-pass.js';
import { governancePass } from './governance-pass.js';
import { reconcile } from './reconcile.js';
import { redeliverFailed } from './redeliver-failed.js';

export interface ShipgateApp {
  appFn: ApplicationFunction;
  bot: Bot;
  /** Re-syncs every open release PR of every installation (missed webhooks). */
  reconcile(): Promise<number>;
  /** Asks GitHub to redeliver recent failed deliveries (GitHub never does it by itself); resolves with how many. */
  redeliverFailed(): Promise<number>;
  /** Resolves when no event is being handled. */
  idle(): Promise<void>;
  /**
   * Work still to be done: events being handled, steps waiting for their write window or being
   * written, PR tasks queued, replies waiting for their burst (`shipgate_pending_work` on /metrics).
   */
  pendingWork(): number;
  /** Dispatches the checks workflow for head commits whose results are overdue (the server runs it periodically). */
  sweepMissingResults(): Promise<number>;
  /** One pass of the cutover timer over the PRs with open windows (the server runs it periodically). */
  cutoverTick(): Promise<CutoverTick>;
  /** Serves `GET /audit/:owner/:repo/:pr?exp&sig`; resolves false for other paths. */
  handleAudit(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/**
 * What a failed handler throws to Probot: the cause's message and stack, never the webhook payload.
 * @octokit/webhooks attaches the whole event (payload included) to a handler's error as `event`
 * and Probot logs the error object at error level; here `event` keeps only the delivery id and name.
 */
export class DeliveryFailed extends Error {
  #event: { id: string; name: string };
  constructor(name: string, id: string, cause: unknown) {
    super(`${name} delivery ${id} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DeliveryFailed';
    this.#event = { id, name };
    if (cause instanceof Error && cause.stack)
      this.stack = `${this.name}: ${this.message}\n${cause.stack.split('\n').slice(1).join('\n')}`;
  }
  get event(): { id: string; name: string } {
    return this.#event;
  }
  set event(value: unknown) {
    // Object.assign(error, { event }) in @octokit/webhooks lands here: keep the id and name only.
    const from = (value ?? {}) as { id?: unknown; name?: unknown };
    this.#event = { id: String(from.id ?? this.#event.id), name: String(from.name ?? this.#event.name) };
  }
}

/** The shipgate Probot app: one entry point, delivery de-duplication, per-PR ordering. */
export function createShipgateApp(options: BotOptions): ShipgateApp {
  const memory = new BotMemory({
    ttlMs: options.cacheTtlMs ?? 5 * 60_000,
    ...(options.coordinator ? { coordinator: options.coordinator } : {}),
    ...(options.replyBurstMs === undefined ? {} : { replyBurstMs: options.replyBurstMs }),
    ...(options.writeWindowMs === undefined ? {} : { writeWindowMs: options.writeWindowMs }),
    ...(options.writeClock ? { writeClock: options.writeClock } : {}),
  });
  let slug = options.appSlug;
  let probot: Probot | undefined;
  const bot: Bot = {
    options: { ledgerSecret: options.ledgerSecret, appId: options.appId },
    memory,
    now: options.now ?? (() => new Date()),
    botLogin: () => `${slug ?? 'shipgate'}[bot]`,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    oidcIssuer: options.oidcIssuer ?? GITHUB_OIDC_ISSUER,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.telemetryEnv ? { telemetryEnv: options.telemetryEnv } : {}),
    auth: async (installationId) => (await loaded()).auth(installationId) as Promise<AppOctokit>,
  };
  const inflight = new Set<Promise<unknown>>();
  const loaded = async (): Promise<Probot> => {
    if (!probot) throw new Error('load the app into Probot first');
    await ensureSlug(probot);
    return probot;
  };

  async function ensureSlug(app: Probot): Promise<void> {
    if (slug) return;
    const octokit = (await app.auth()) as AppOctokit;
    const { data } = await octokit.rest.apps.getAuthenticated();
    slug = data?.slug ?? 'shipgate';
  }

  async function handle(app: Probot, context: Context): Promise<void> {
    const started = performance.now();
    const action = (context.payload as { action?: unknown }).action;
    const count = (outcome: EventOutcome) =>
      options.metrics?.event(
        context.name,
        typeof action === 'string' ? action : undefined,
        outcome,
        (performance.now() - started) / 1000,
      );
    try {
      await ensureSlug(app);
      const log = context.log.child({
        delivery: context.id,
        event: `${context.name}.${typeof action === 'string' ? action : ''}`,
      });
      // Octokit's own lines (request logging, retries) then carry the delivery id too.
      (context.octokit as { log: unknown }).log = log;
      const outcome = await handleEvent({
        name: context.name,
        id: context.id,
        payload: context.payload,
        octokit: context.octokit as AppOctokit,
        log,
        bot,
      });
      count(outcome);
    } catch (error) {
      count('error');
      throw new DeliveryFailed(context.name, context.id, error);
    }
  }

  const appFn: ApplicationFunction = (app) => {
    probot = app;
    app.onAny(async (context) => {
      const task = handle(app, context as Context);
      inflight.add(task);
      try {
        await task;
      } finally {
        inflight.delete(task);
      }
    });
  };

  return {
    appFn,
    bot,
    async reconcile() {
      if (!probot) throw new Error('load the app into Probot before reconciling');
      await ensureSlug(probot);
      return reconcile(probot, bot);
    },
    redeliverFailed() {
      const task = loaded().then((app) =>
        redeliverFailed(app, {
          coordinator: memory.coordinator,
          now: bot.now,
          ...(options.metrics ? { metrics: options.metrics } : {}),
        }),
      );
      inflight.add(task);
      return task.finally(() => inflight.delete(task));
    },
    pendingWork() {
      return inflight.size + stepsBusy(bot) + memory.queue.size + memory.replies.size;
    },
    async idle() {
      for (let i = 0; i < 100 && inflight.size > 0; i++) await Promise.allSettled([...inflight]);
      await stepsIdle(bot);
      await memory.queue.idle();
      await memory.replies.idle();
    },
    sweepMissingResults() {
      const task = loaded().then((app) => sweepMissingResults(app, bot));
      inflight.add(task);
      return task.finally(() => inflight.delete(task));
    },
    cutoverTick() {
      const task = loaded().then(async (app) => {
        const slotMs = options.cutoverIntervalMs || 1000; // ticks by hand (tests, the Action): a 1 s slot
        const tick = await cutoverPass(app, bot, { maxWindows: options.cutoverMaxWindows ?? 20, slotMs });
        return { ...tick, governance: await governancePass(app, bot, { maxPulls: 20, slotMs }) };
      });
      inflight.add(task);
      return task.finally(() => inflight.delete(task));
    },
    handleAudit: auditRequestHandler(loaded, bot),
  };
}
