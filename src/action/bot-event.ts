/**
 * The workflow's event as the bot sees it, and the bot-mode rules that webhooks do not need:
 * which events are the bot's own writes, when an event happened, and whether a re-run of a
 * checklist edit was already applied (a workflow re-run is a new delivery to the de-dup).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { itemIdOfLine } from '../core/comment/parse.js';
import { decodeStateBlock } from '../core/comment/state-block.js';
import { EVIDENCE_CHECK_NAME } from '../core/evidence/evidence.js';
import { chooseLedger } from '../core/ledger/choose-ledger.js';
import { InputError } from './inputs.js';

/** Who comments and owns check runs when the bot writes with the workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
/** The GitHub Actions app on GitHub.com (check runs made with GITHUB_TOKEN belong to it). */
export const GITHUB_COM_ACTIONS_APP_ID = 15368;

/** Events the bot handles; `pull_request_target` carries a `pull_request` payload. */
const HANDLED = new Map([
  ['pull_request', 'pull_request'],
  ['pull_request_target', 'pull_request'],
  ['issue_comment', 'issue_comment'],
  ['check_run', 'check_run'],
  ['merge_group', 'merge_group'],
]);

export interface WorkflowEvent {
  /** The name the bot dispatches on (`pull_request_target` → `pull_request`). */
  name: string;
  /** `GITHUB_EVENT_NAME` as given. */
  trigger: string;
  /** `<run id>-<attempt>`: a re-run of the workflow is a new delivery. */
  id: string;
  payload: Record<string, unknown>;
}

/** Reads GITHUB_EVENT_NAME / GITHUB_EVENT_PATH; undefined for events the bot does not handle. */
export function readWorkflowEvent(env: Record<string, string | undefined>): WorkflowEvent | undefined {
  const trigger = env.GITHUB_EVENT_NAME ?? '';
  const name = HANDLED.get(trigger);
  if (!name) return undefined;
  if (!env.GITHUB_EVENT_PATH)
    throw new InputError('GITHUB_EVENT_PATH is not set: run shipgate inside a workflow');
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read the event payload at GITHUB_EVENT_PATH: ${(error as Error).message}`);
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload))
    throw new InputError('the event payload at GITHUB_EVENT_PATH is not a JSON object');
  const id = `${env.GITHUB_RUN_ID || 'local'}-${env.GITHUB_RUN_ATTEMPT || '1'}`;
  return { name, trigger, id, payload: payload as Record<string, unknown> };
}

/** The Actions app id: GitHub.com's, or SHIPGATE_ACTIONS_APP_ID on GitHub Enterprise Server. */
export function actionsAppId(env: Record<string, string | undefined>): number {
  const given = Number(env.SHIPGATE_ACTIONS_APP_ID);
  return Number.isInteger(given) && given > 0 ? given : GITHUB_COM_ACTIONS_APP_ID;
}

const Sender = z.object({
  sender: z.object({ login: z.string() }),
  check_run: z.object({ name: z.string() }).optional(),
});

/**
 * Why the event is the bot's own write (its comment, its `shipgate` check run), else undefined.
 * GITHUB_TOKEN writes start no workflows on GitHub.com, so this guards against loops when they do
 * (another token, other hosts). `shipgate/checks` results are not the bot's: they are evidence.
 */
export function ownEventReason(name: string, payload: unknown): string | undefined {
  const parsed = Sender.safeParse(payload);
  if (!parsed.success || parsed.data.sender.login !== ACTIONS_BOT_LOGIN) return undefined;
  if (name === 'issue_comment') return `${ACTIONS_BOT_LOGIN} changed a comment (the bot's own write)`;
  if (name === 'check_run' && parsed.data.check_run?.name !== EVIDENCE_CHECK_NAME)
    return `${ACTIONS_BOT_LOGIN} changed its own check run`;
  return undefined;
}

const CommentEdit = z.object({
  action: z.literal('edited'),
  sender: z.object({ login: z.string() }),
  comment: z.object({ id: z.number(), updated_at: z.string(), body: z.string().nullable() }),
  issue: z.object({ number: z.number() }),
  changes: z.object({ body: z.object({ from: z.string() }).optional() }).optional(),
});

export interface CommentEdit {
  commentId: number;
  /** The PR (issue) the comment is on. */
  pr: number;
  actor: string;
  /** When the person saved the edit. */
  at: Date;
  /** Ids of the checklist lines the edit changed. */
  items: Set<string>;
}

/** A comment edit: the comment, who saved it when, and which checklist lines changed. */
export function commentEditOf(name: string, payload: unknown): CommentEdit | undefined {
  if (name !== 'issue_comment') return undefined;
  const parsed = CommentEdit.safeParse(payload);
  if (!parsed.success) return undefined;
  const at = new Date(parsed.data.comment.updated_at);
  if (Number.isNaN(at.getTime())) return undefined;
  const before = itemLines(parsed.data.changes?.body?.from ?? '');
  const items = new Set<string>();
  for (const [id, text] of itemLines(parsed.data.comment.body ?? ''))
    if (before.get(id) !== text) items.add(id);
  return {
    commentId: parsed.data.comment.id,
    pr: parsed.data.issue.number,
    actor: parsed.data.sender.login,
    at,
    items,
  };
}

/** Checklist lines by item id (the renderer marks each with `<!-- sg:<id> -->`). */
function itemLines(body: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const text of body.split('\n')) {
    const id = itemIdOfLine(text);
    if (id) lines.set(id, text.trim());
  }
  return lines;
}

/**
 * True when the comment's verified ledger already holds an event by the actor, for an item the
 * edit changed, stamped with the edit's time: bot mode stamps ticks and rejections with the time
 * the person saved the edit, so an earlier run handled this edit (handling it again would reply
 * and record it twice).
 */
export function editAlreadyApplied(
  currentBody: string | undefined,
  edit: Pick<CommentEdit, 'actor' | 'at' | 'items'>,
  /** The PR's ledger key (prLedgerKey). */
  ledgerKey: string,
): boolean {
  const decoded = currentBody ? decodeStateBlock(currentBody) : { found: false as const };
  if (!decoded.found || !('ledger' in decoded)) return false;
  const ledger = chooseLedger([decoded.ledger], ledgerKey);
  return (
    ledger?.events.some(
      (event) =>
        'by' in event &&
        event.by === edit.actor &&
        'item' in event &&
        edit.items.has(event.item) &&
        Date.parse(event.at) === edit.at.getTime(),
    ) ?? false
  );
}
