/**
 * The one event pipeline, without Probot: envelope check → delivery de-dup → repository scope →
 * dispatch to the handlers. Probot's `onAny` (app.ts) calls it for webhooks; the Action's bot mode
 * calls it with the workflow's event payload and token.
 */
import type { z } from 'zod';
import { type AdapterOctokit, gitHubFor } from '../../github/client.js';
import type { GitHub } from '../../github/types.js';
import { isCutoverCommand, onCutoverCommand } from '../cutover/on-cutover.js';
import { checkOverdueResults } from '../pr/missing-results.js';
import { rememberRepository } from '../pr/repository.js';
import type { Bot, EventScope } from '../runtime/bot.js';
import type { BotLog } from '../runtime/bot-log.js';
import { fencedGitHub } from '../runtime/coordinated-queue.js';
import { onCheckRun } from './on-check-run.js';
import { onCommand } from './on-command.js';
import { onChecklistDeleted, onChecklistEdited } from './on-comment-edited.js';
import { isDecideCommand, onDecideCommand } from './on-decide.js';
import { onDeploymentProtectionRule, onDeploymentStatus } from './on-deployment.js';
import { onMergeGroup } from './on-merge-group.js';
import { onMerged } from './on-merged.js';
import { isPostDeployEvidence, onPostDeployEvidence } from './on-post-deploy-evidence.js';
import { onPullRequest } from './on-pull-request.js';
import { isRollbackCommand, onRollbackCommand } from './on-rollback.js';
import { isSignOffCommand, onReviewSignOff, onSignOffCommand } from './on-sign-off.js';
import {
  CheckRunPayload,
  DeploymentProtectionRulePayload,
  DeploymentStatusPayload,
  Envelope,
  IssueCommentPayload,
  MergeGroupPayload,
  PullRequestPayload,
  PullRequestReviewPayload,
  repoOf,
} from './payloads.js';

export interface IncomingEvent {
  /** The event name (`X-GitHub-Event`, or `GITHUB_EVENT_NAME` in a workflow). */
  name: string;
  /** The delivery id (`X-GitHub-Delivery`, or `<run id>-<attempt>` in a workflow). */
  id: string;
  payload: unknown;
  /** Authenticated for the event's repository (installation token, or the workflow's token). */
  octokit: AdapterOctokit;
  /** Logger already bound to the delivery. */
  log: BotLog;
  bot: Bot;
  /**
   * The id is GitHub's delivery guid (kept by a redelivery), so an edit records it and a replay of
   * it is refused from the ledger. Not in bot mode, where the id names the workflow run.
   */
  idIsDeliveryGuid?: boolean;
  /** Adjusts the repository's GitHub adapter (bot mode: team look-ups with another token). */
  adapt?: (gh: GitHub) => GitHub;
}

/** `ignored`: not a repository event; `duplicate`: this delivery was already claimed. */
export type HandledAs = 'handled' | 'duplicate' | 'ignored';

/** Runs one event through the handlers; a failed delivery is released so a redelivery can retry it. */
export async function handleEvent(event: IncomingEvent): Promise<HandledAs> {
  const { bot, log } = event;
  const adapt = event.adapt ?? ((gh: GitHub) => gh);
  const envelope = Envelope.safeParse(event.payload);
  if (!envelope.success) return 'ignored'; // not a repository event (installation, ping…)
  if (!(await bot.memory.coordinator.claimDelivery(event.id))) {
    log.info({ delivery: event.id }, 'redelivered webhook ignored');
    return 'duplicate';
  }
  try {
    const scope: EventScope = {
      bot,
      gh: fencedGitHub(adapt(gitHubFor(event.octokit, repoOf(envelope.data)))),
      log,
      ...(event.idIsDeliveryGuid === false ? {} : { delivery: event.id }),
    };
    rememberRepository(scope, envelope.data.repository);
    await dispatch(scope, event.name, event.payload);
    await checkOverdueResults(scope).catch((error: unknown) =>
      log.error({ err: error }, 'missing-results check failed'),
    );
    return 'handled';
  } catch (error) {
    await bot.memory.coordinator.releaseDelivery(event.id).catch(() => undefined);
    throw error;
  }
}

/** A webhook the bot acts on, validated at the boundary (zod); undefined for events it ignores. */
export type ParsedEvent =
  | { name: 'pull_request'; payload: z.infer<typeof PullRequestPayload> }
  | { name: 'issue_comment'; payload: z.infer<typeof IssueCommentPayload> }
  | { name: 'check_run'; payload: z.infer<typeof CheckRunPayload> }
  | { name: 'deployment_protection_rule'; payload: z.infer<typeof DeploymentProtectionRulePayload> }
  | { name: 'deployment_status'; payload: z.infer<typeof DeploymentStatusPayload> }
  | { name: 'merge_group'; payload: z.infer<typeof MergeGroupPayload> }
  | { name: 'pull_request_review'; payload: z.infer<typeof PullRequestReviewPayload> };

/** Parses a payload for dispatch (throws a ZodError when a handled event does not have the fields read). */
export function parseEvent(name: string, payload: unknown): ParsedEvent | undefined {
  switch (name) {
    case 'pull_request':
      return { name, payload: PullRequestPayload.parse(payload) };
    case 'issue_comment':
      return { name, payload: IssueCommentPayload.parse(payload) };
    case 'check_run':
      return { name, payload: CheckRunPayload.parse(payload) };
    case 'deployment_protection_rule':
      return { name, payload: DeploymentProtectionRulePayload.parse(payload) };
    case 'deployment_status':
      return { name, payload: DeploymentStatusPayload.parse(payload) };
    case 'merge_group':
      return { name, payload: MergeGroupPayload.parse(payload) };
    case 'pull_request_review':
      return { name, payload: PullRequestReviewPayload.parse(payload) };
    default:
      return undefined;
  }
}

async function dispatch(scope: EventScope, name: string, payload: unknown): Promise<void> {
  const event = parseEvent(name, payload);
  switch (event?.name) {
    case 'pull_request': {
      const parsed = event.payload;
      if (parsed.action === 'closed' && parsed.pull_request.merged) return onMerged(scope, parsed);
      return onPullRequest(scope, parsed);
    }
    case 'issue_comment': {
      const parsed = event.payload;
      // one pass: the edit's step also sees whether a rollback trigger was ticked
      if (parsed.action === 'edited') return onChecklistEdited(scope, parsed);
      if (parsed.action === 'deleted') return onChecklistDeleted(scope, parsed);
      if (parsed.action === 'created' && isRollbackCommand(parsed)) return onRollbackCommand(scope, parsed);
      if (parsed.action === 'created' && isSignOffCommand(parsed)) return onSignOffCommand(scope, parsed);
      if (parsed.action === 'created' && isCutoverCommand(parsed)) return onCutoverCommand(scope, parsed);
      if (parsed.action === 'created' && isDecideCommand(parsed)) return onDecideCommand(scope, parsed);
      if (parsed.action === 'created') return onCommand(scope, parsed);
      return;
    }
    case 'check_run': {
      const parsed = event.payload;
      if (isPostDeployEvidence(parsed)) return onPostDeployEvidence(scope, parsed);
      return onCheckRun(scope, parsed);
    }
    case 'deployment_protection_rule':
      return onDeploymentProtectionRule(scope, event.payload);
    case 'deployment_status':
      return onDeploymentStatus(scope, event.payload);
    case 'merge_group':
      return onMergeGroup(scope, event.payload);
    case 'pull_request_review':
      return onReviewSignOff(scope, event.payload);
  }
}
