import type { z } from 'zod';
import { hasPermission } from '../../core/decide/authorize.js';
import { parseCommand } from '../../core/decide/commands.js';
import { escapeInline, mention } from '../../core/escape.js';
import { buildIncidentIssue, contactLines, incidentSeverities } from '../../core/gate/incident.js';
import { firedMetrics, reopenEvent, revertDraft, touchedItems } from '../../core/gate/revert.js';
import { rollbackPlan, rollbackStatus } from '../../core/gate/rollback.js';
import { foldLedger } from '../../core/ledger/ledger.js';
import { permissionOf } from '../pr/authorize-actor.js';
import { releaseVersion } from '../pr/facts.js';
import { reply } from '../pr/publish.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep, type StepEffect } from '../pr/run-step.js';
import { getPull, getSetup } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';
import type { IssueCommentPayload } from './payloads.js';

type Payload = z.infer<typeof IssueCommentPayload>;

export function isRollbackCommand(payload: Payload): boolean {
  return parseCommand(payload.comment.body ?? '')?.name === 'rollback';
}

/** `/shipgate rollback <reason>` (write access), on an open or merged release PR. */
export async function onRollbackCommand(scope: EventScope, payload: Payload): Promise<void> {
  if (
    payload.sender.login === scope.bot.botLogin() ||
    payload.sender.type === 'Bot' ||
    !payload.issue.pull_request
  )
    return;
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
  const repo = `${scope.gh.repo.owner}/${scope.gh.repo.repo}`;
  await runPrStep(scope, number, {
    // the version (package.json at worst) is looked up only for a rollback that starts
    read: async (session) => {
      const status = rollbackStatus(session.setup.checklist, foldLedger(session.ledger));
      if (status.started || (request.reason === undefined && status.fired.length === 0)) return undefined;
      return releaseVersion(scope, session);
    },
    decide(session, version, performed) {
      const { pull, setup } = session;
      const status = rollbackStatus(setup.checklist, foldLedger(session.ledger));
      if (status.started) {
        if (request.reason === undefined) return undefined;
        const body = `${mention(request.actor)} a rollback is already in progress${status.started.incident ? ` (incident #${status.started.incident})` : ''}.`;
        return { effects: [{ kind: 'reply', body }] };
      }
      if (request.reason === undefined && status.fired.length === 0) return undefined; // the tick was refused
      const reason =
        request.reason ??
        (request.detail
          ? `rollback trigger: ${request.detail}`
          : `rollback trigger: ${status.fired.map((item) => item.text).join('; ')}`
        ).slice(0, 300);
      const sha = pull.mergeCommitSha ?? pull.headSha;
      const contacts = contactLines(setup.config.contacts);
      const activated = setup.checklist.items.filter((item) => status.activated.includes(item.id));
      const steps = activated.length > 0 ? activated : rollbackPlan(setup.checklist).steps;
      // The incident's number goes into the ledger event, so the issue is opened first (the runner
      // does, then decides again with its number); the event then keeps a redelivered trigger
      // from opening a second one.
      const incident = performed.incident;
      if (incident === undefined)
        return {
          performFirst: {
            kind: 'open-incident',
            issue: buildIncidentIssue({
              repo,
              pr: { number, title: pull.title },
              sha,
              ...(version ? { version } : {}),
              reason,
              startedBy: request.actor,
              severities: incidentSeverities(setup.checklist),
              steps,
              contacts,
            }),
          },
        };
      let answer = [
        `🔄 **Rollback started** by ${mention(request.actor)}: ${escapeInline(reason, 300)}`,
        '',
        `Incident: #${incident} · the rollback steps are now required in the checklist.`,
        ...(contacts.length > 0 ? ['', 'Contacts:', ...contacts.map((line) => `- ${line}`)] : []),
      ].join('\n');
      scope.log.warn({ pr: session.key, incident, sha, by: request.actor }, 'rollback started');
      const at = scope.bot.now().toISOString();
      // a rollback by hand names no metric: every ticked telemetry item is reopened
      const touched = touchedItems(
        setup.checklist,
        foldLedger(session.ledger),
        request.reason === undefined ? firedMetrics(status.fired) : undefined,
      );
      if (touched.length > 0)
        answer += `\n\nReopened: ${touched.map((item) => `“${escapeInline(item.text, 80)}”`).join(', ')}.`;
      const effects: StepEffect[] = [];
      // the revert is drafted after the rollback is recorded: a failure there never blocks it
      if (pull.mergeCommitSha) {
        const draft = revertDraft({
          pr: { number, title: pull.title },
          mergeSha: pull.mergeCommitSha,
          ...(version ? { version } : {}),
          reason,
          startedBy: request.actor,
          incident,
          steps,
        });
        effects.push({
          kind: 'draft-revert',
          revert: {
            mergeSha: pull.mergeCommitSha,
            branch: draft.branch,
            base: pull.baseRef,
            title: draft.title,
            body: draft.body,
            message: draft.message,
          },
          incident,
          announce: answer,
        });
      } else effects.push({ kind: 'reply', body: answer });
      // config telemetry.rollback.dispatch: the rollback workflow, once, when the rollback starts
      const rollbackWorkflow = setup.config.telemetry?.rollback?.dispatch;
      if (rollbackWorkflow)
        effects.push({
          kind: 'dispatch-workflow',
          file: rollbackWorkflow.workflow.replace(/^\.github\/workflows\//, ''),
          ref: rollbackWorkflow.ref,
          inputs: { sha, incident: String(incident) },
          why: 'rollback workflow',
        });
      return {
        events: [
          { t: 'rollback', by: request.actor, at, sha, reason, source: request.source, incident },
          ...reopenEvent(touched, at, sha, reason),
        ],
        effects,
      };
    },
  });
}
