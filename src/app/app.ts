import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplicationFunction, Context, Probot } from 'probot';
import { type AppOctokit, gitHubFor } from '../github/client.js';
import { auditRequestHandler } from './audit-access.js';
import { type Bot, BotMemory, type BotOptions, type EventScope } from './bot.js';
import { fencedGitHub } from './coordinated-queue.js';
import { checkOverdueResults, sweepMissingResults } from './missing-results.js';
import { onCheckRun } from './on-check-run.js';
import { onCommand } from './on-command.js';
import { onChecklistDeleted, onChecklistEdited } from './on-comment-edited.js';
import { onDeploymentProtectionRule, onDeploymentStatus } from './on-deployment.js';
import { onMergeGroup } from './on-merge-group.js';
import { onMerged } from './on-merged.js';
import { isPostDeployEvidence, onPostDeployEvidence } from './on-post-deploy-evidence.js';
import { onPullRequest } from './on-pull-request.js';
import { isRollbackCommand, onRollbackCommand, onRollbackTriggers } from './on-rollback.js';
import {
  CheckRunPayload,
  DeploymentProtectionRulePayload,
  DeploymentStatusPayload,
  Envelope,
  IssueCommentPayload,
  MergeGroupPayload,
  PullRequestPayload,
  repoOf,
} from './payloads.js';
import type { EventOutcome } from './metrics.js';
import { reconcile } from './reconcile.js';

export interface ShipgateApp {
  appFn: ApplicationFunction;
  bot: Bot;
  /** Re-syncs every open release PR of every installation (missed webhooks). */
  reconcile(): Promise<number>;
  /** Resolves when no event is being handled. */
  idle(): Promise<void>;
  /** Dispatches the checks workflow for head commits whose results are overdue (the server runs it periodically). */
  sweepMissingResults(): Promise<number>;
  /** Serves `GET /audit/:owner/:repo/:pr?exp&sig`; resolves false for other paths. */
  handleAudit(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/** The shipgate Probot app: one entry point, delivery de-duplication, per-PR ordering. */
export function createShipgateApp(options: BotOptions): ShipgateApp {
  const memory = new BotMemory(options.cacheTtlMs ?? 5 * 60_000, options.coordinator);
  let slug = options.appSlug;
  let probot: Probot | undefined;
  const bot: Bot = {
    options: { ledgerSecret: options.ledgerSecret, appId: options.appId },
    memory,
    now: options.now ?? (() => new Date()),
    botLogin: () => `${slug ?? 'shipgate'}[bot]`,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
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
    const envelope = Envelope.safeParse(context.payload);
    if (!envelope.success) return count('ignored'); // not a repository event (installation, ping…)
    if (!(await memory.coordinator.claimDelivery(context.id))) {
      context.log.info({ delivery: context.id }, 'redelivered webhook ignored');
      return count('duplicate');
    }
    try {
      await ensureSlug(app);
      const log = context.log.child({
        delivery: context.id,
        event: `${context.name}.${envelope.data.action ?? ''}`,
      });
      // Octokit's own lines (request logging, retries) then carry the delivery id too.
      (context.octokit as { log: unknown }).log = log;
      const scope: EventScope = {
        bot,
        gh: fencedGitHub(gitHubFor(context.octokit as AppOctokit, repoOf(envelope.data))),
        log,
      };
      await dispatch(scope, context.name, context.payload);
      await checkOverdueResults(scope).catch((error: unknown) =>
        log.error({ err: error }, 'missing-results check failed'),
      );
      count('handled');
    } catch (error) {
      await memory.coordinator.releaseDelivery(context.id).catch(() => undefined);
      count('error');
      throw error;
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
    async idle() {
      for (let i = 0; i < 100 && inflight.size > 0; i++) await Promise.allSettled([...inflight]);
      await memory.queue.idle();
    },
    sweepMissingResults() {
      const task = loaded().then((app) => sweepMissingResults(app, bot));
      inflight.add(task);
      return task.finally(() => inflight.delete(task));
    },
    handleAudit: auditRequestHandler(loaded, bot),
  };
}

async function dispatch(scope: EventScope, name: string, payload: unknown): Promise<void> {
  switch (name) {
    case 'pull_request': {
      const parsed = PullRequestPayload.parse(payload);
      if (parsed.action === 'closed' && parsed.pull_request.merged) return onMerged(scope, parsed);
      return onPullRequest(scope, parsed);
    }
    case 'issue_comment': {
      const parsed = IssueCommentPayload.parse(payload);
      if (parsed.action === 'edited') {
        await onChecklistEdited(scope, parsed);
        return onRollbackTriggers(scope, parsed);
      }
      if (parsed.action === 'deleted') return onChecklistDeleted(scope, parsed);
      if (parsed.action === 'created' && isRollbackCommand(parsed)) return onRollbackCommand(scope, parsed);
      if (parsed.action === 'created') return onCommand(scope, parsed);
      return;
    }
    case 'check_run': {
      const parsed = CheckRunPayload.parse(payload);
      if (isPostDeployEvidence(parsed)) return onPostDeployEvidence(scope, parsed);
      return onCheckRun(scope, parsed);
    }
    case 'deployment_protection_rule':
      return onDeploymentProtectionRule(scope, DeploymentProtectionRulePayload.parse(payload));
    case 'deployment_status':
      return onDeploymentStatus(scope, DeploymentStatusPayload.parse(payload));
    case 'merge_group':
      return onMergeGroup(scope, MergeGroupPayload.parse(payload));
  }
}
