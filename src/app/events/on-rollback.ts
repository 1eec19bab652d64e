import type { z } from 'zod';
import { parseChecklistComment } from '../../core/comment/parse.js';
import { hasPermission } from '../../core/decide/authorize.js';
import { parseCommand } from '../../core/decide/commands.js';
import { escapeInline, mention } from '../../core/escape.js';
import { buildIncidentIssue, contactLines, incidentSeverities } from '../../core/gate/incident.js';
import {
  firedMetrics,
  type RevertDraft,
  reopenEvent,
  revertDraft,
  touchedItems,
} from '../../core/gate/revert.js';
import { rollbackPlan, rollbackStatus } from '../../core/gate/rollback.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { permissionOf } from '../pr/authorize-actor.js';
import { releaseVersion } from '../pr/facts.js';
import { dispatchWorkflow, draftRevertPull, noteOnIncident, openIncident, reply } from '../pr/publish.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getPull, getSetup } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';
import { isBotSender, isChecklistComment } from './on-comment-edited.js';
import type { IssueCommentPayload } from './payloads.js';

type Payload = z.infer<typeof IssueCommentPayload>;

export function isRollbackCommand(payload: Payload): boolean {
  return parseCommand(payload.comment.body ?? '')?.name === 'rollback';
}

/** `/shipgate rollback <reason>` (write access), on an open or merged release PR. */
export async function onRollbackCommand(scope: EventScope, payload: Payload): Promise<void> {
  if (isBotSender(scope, payload) || payload.sender.type === 'Bot' || !payload.issue.pull_request) return;
  const command = parseCommand(payload.comment.body ?? '');
  if (command?.name !== 'rollback') return;
  const number = payload.issue.number;
  const actor = payload.sender.login;
  const pull = await getPull(scope, number, true);
  if (!(pull.open || pull.mergeCommitSha) || !isReleasePull((await getSetup(scope, pull)).config, pull))
    return;
  if (!hasPermission(await permissionOf(scope, actor), 'write')) {
    await reply(scope, number, `${mention(actor)} shipgate commands need write access to the repository.`);
    return;
  }
  if (command.reason.length < 3) {
    await reply(
      scope,
      number,
      `${mention(actor)} a rollback needs a reason: \`/shipgate rollback <reason>\``,
    );
    return;
  }
  await startRollback(scope, number, {
    actor,
    reason: command.reason.slice(0, 300),
    source: `comment:${payload.comment.id}`,
  });
}

/** After a checklist edit: a ticked rollback trigger starts the rollback (once per PR). */
export async function onRollbackTriggers(scope: EventScope, payload: Payload): Promise<void> {
  if (isBotSender(scope, payload) || !isChecklistComment(scope, payload) || !payload.issue.pull_request)
    return;
  const number = payload.issue.number;
  const pull = await getPull(scope, number);
  const setup = await getSetup(scope, pull);
  if (!isReleasePull(setup.config, pull)) return;
  const triggers = rollbackPlan(setup.checklist).triggers;
  const ticked = parseChecklistComment(payload.comment.body ?? '', setup.checklist).items;
  if (!triggers.some((trigger) => ticked.get(trigger.id)?.checked)) return;
  await startRollback(scope, number, { actor: payload.sender.login, source: 'trigger' });
}

interface RollbackRequest {
  actor: string;
  /** Absent for a trigger: the ticked triggers are the reason. */
  reason?: string;
  /** For a trigger ticked by the bot: the readings that fired it, added to the reason. */
  detail?: string;
  source: string;
}

/**
 * Starts the rollback once: opens the incident issue, records the rollback in the ledger (which
 * makes the rollback steps required and keeps a redelivered event from opening a second
 * incident), then pings the contacts on the PR.
 */
export async function startRollback(
  scope: EventScope,
  number: number,
  request: RollbackRequest,
): Promise<void> {
  let answer: string | undefined;
  let dispatch: { file: string; ref: string; inputs: Record<string, string> } | undefined;
  let revert: { draft: RevertDraft; mergeSha: string; base: string; incident: number } | undefined;
  await runPrStep(scope, number, {
    async decide(session) {
      const { pull, setup } = session;
      const status = rollbackStatus(setup.checklist, foldLedger(session.ledger));
      if (status.started) {
        if (request.reason !== undefined)
          answer = `${mention(request.actor)} a rollback is already in progress${status.started.incident ? ` (incident #${status.started.incident})` : ''}.`;
        return undefined;
      }
      if (request.reason === undefined && status.fired.length === 0) return undefined; // the tick was refused
      const reason =
        request.reason ??
        (request.detail
          ? `rollback trigger: ${request.detail}`
          : `rollback trigger: ${status.fired.map((item) => item.text).join('; ')}`
        ).slice(0, 300);
      const sha = pull.mergeCommitSha ?? pull.headSha;
      const version = await releaseVersion(scope, session);
      const contacts = contactLines(setup.config.contacts);
      const steps = setup.checklist.items.filter((item) => status.activated.includes(item.id));
      // The incident's number goes into the ledger event, so the issue is opened first; the event
      // then keeps a redelivered trigger from opening a second one.
      const incident = await openIncident(
        scope,
        buildIncidentIssue({
          repo: `${scope.gh.repo.owner}/${scope.gh.repo.repo}`,
          pr: { number, title: pull.title },
          sha,
          ...(version ? { version } : {}),
          reason,
          startedBy: request.actor,
          severities: incidentSeverities(setup.checklist),
          steps: steps.length > 0 ? steps : rollbackPlan(setup.checklist).steps,
          contacts,
        }),
      );
      answer = [
        `🔄 **Rollback started** by ${mention(request.actor)}: ${escapeInline(reason, 300)}`,
        '',
        `Incident: #${incident} · the rollback steps are now required in the checklist.`,
        ...(contacts.length > 0 ? ['', 'Contacts:', ...contacts.map((line) => `- ${line}`)] : []),
      ].join('\n');
      scope.log.warn({ pr: session.key, incident, sha, by: request.actor }, 'rollback started');
      const rollbackWorkflow = setup.config.telemetry?.rollback?.dispatch;
      if (rollbackWorkflow)
        dispatch = {
          file: rollbackWorkflow.workflow.replace(/^\.github\/workflows\//, ''),
          ref: rollbackWorkflow.ref,
          inputs: { sha, incident: String(incident) },
        };
      const at = scope.bot.now().toISOString();
      if (pull.mergeCommitSha)
        revert = {
          draft: revertDraft({
            pr: { number, title: pull.title },
            mergeSha: pull.mergeCommitSha,
            ...(version ? { version } : {}),
            reason,
            startedBy: request.actor,
            incident,
            steps: steps.length > 0 ? steps : rollbackPlan(setup.checklist).steps,
          }),
          mergeSha: pull.mergeCommitSha,
          base: pull.baseRef,
          incident,
        };
      // a rollback by hand names no metric: every ticked telemetry item is reopened
      const touched = touchedItems(
        setup.checklist,
        foldLedger(session.ledger),
        request.reason === undefined ? firedMetrics(status.fired) : undefined,
      );
      if (touched.length > 0)
        answer += `\n\nReopened: ${touched.map((item) => `“${escapeInline(item.text, 80)}”`).join(', ')}.`;
      return {
        events: [
          { t: 'rollback', by: request.actor, at, sha, reason, source: request.source, incident },
          ...reopenEvent(touched, at, sha, reason),
        ],
      };
    },
    async after() {
      if (revert) {
        // the revert is drafted after the rollback is recorded: a failure here never blocks it
        try {
          const drafted = await draftRevertPull(scope, {
            mergeSha: revert.mergeSha,
            branch: revert.draft.branch,
            base: revert.base,
            title: revert.draft.title,
            body: revert.draft.body,
            message: revert.draft.message,
          });
          answer = `${answer ?? ''}\n\nRevert drafted: #${drafted.number} (draft pull request with the rollback steps).`;
          await noteOnIncident(
            scope,
            revert.incident,
            `Revert drafted: #${drafted.number} reverts the release's merge commit \`${revert.mergeSha.slice(0, 7)}\`, with the rollback steps as its checklist.`,
          );
          scope.log.warn({ pr: number, revert: drafted.number }, 'revert pull request drafted');
        } catch (error) {
          scope.log.error({ pr: number, err: (error as Error).message }, 'revert pull request not drafted');
          answer = `${answer ?? ''}\n\n⚠️ The revert pull request could not be drafted: ${escapeInline((error as Error).message, 200)}`;
        }
      }
      if (answer) await reply(scope, number, answer);
      if (!dispatch) return;
      // config telemetry.rollback.dispatch: the rollback workflow, once, when the rollback starts
      try {
        await dispatchWorkflow(scope, dispatch.file, dispatch.ref, dispatch.inputs);
        scope.log.warn({ workflow: dispatch.file, ...dispatch.inputs }, 'rollback workflow dispatched');
      } catch (error) {
        scope.log.error(
          { workflow: dispatch.file, err: (error as Error).message },
          'rollback workflow dispatch failed',
        );
      }
    },
  });
}
