import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { CheckStatus } from '../template/model.js';

/**
 * The ledger: an append-only, HMAC-chained log of everything that changed an item's state.
 * Each event's hash covers the previous hash, so removing, reordering or editing any event
 * (or the compacted base) breaks verification.
 */
export type LedgerEvent =
  /** `d`: the webhook delivery of the edit, so a replay of it is refused from the ledger itself. */
  | { t: 'tick' | 'untick'; item: string; by: string; at: string; sha: string; d?: string }
  /** `na: true`: "not applicable" (with a required reason) rather than a waiver; audited the same way. */
  | { t: 'waive'; item: string; by: string; at: string; sha: string; reason: string; na?: true }
  | {
      t: 'result';
      item: string;
      status: CheckStatus;
      summary: string;
      at: string;
      sha: string;
      /** How the evidence was obtained (core/evidence/evidence.ts); absent: judged by the bot itself. */
      how?: 'verified' | 'reported';
      /** The workflow run it came from: the newest run wins (judge-evidence.ts). */
      run?: ResultRun;
      /** Build-pipeline files the PR changes, named on a `reported` result. */
      pipeline?: string[];
    }
  /** A person decided an inconclusive judgement (`/shipgate decide <item> pass|fail <reason>`). */
  | {
      t: 'decide';
      item: string;
      by: string;
      at: string;
      sha: string;
      outcome: 'pass' | 'fail';
      reason: string;
    }
  | { t: 'invalidate'; items: string[]; at: string; sha: string; reason: string }
  | { t: 'reject'; item: string; by: string; at: string; sha: string; reason: string; d?: string }
  /** A rollback started (command or trigger); `incident` is the issue opened for it. */
  | {
      t: 'rollback';
      by: string;
      at: string;
      sha: string;
      reason: string;
      source: string;
      incident?: number;
    }
  /** `/shipgate exception <reason>`: this PR may go out outside the change window or in a freeze. */
  | { t: 'exception'; by: string; at: string; sha: string; reason: string }
  /**
   * `/shipgate break-glass <reason>`: the gate passes for `sha` at once; `skipped` (the required
   * pre-merge items not done then) must be given on the merged PR by `due`.
   */
  | { t: 'break-glass'; by: string; at: string; sha: string; reason: string; skipped: string[]; due: string }
  /** `/shipgate note <id> <text>`: what was checked, for an item (required by `note=required`). */
  | { t: 'note'; item: string; by: string; at: string; sha: string; text: string }
  /** A repository freeze set or lifted while this PR was open (recorded in every open release PR). */
  | { t: 'freeze'; by: string; at: string; sha: string; until: string; reason: string }
  | { t: 'unfreeze'; by: string; at: string; sha: string }
  /** The post-review of a break-glass was reminded of, or escalated when overdue (`issue` opened). */
  | { t: 'escalate'; level: 'reminder' | 'overdue'; at: string; sha: string; issue?: number };

/** A workflow run, ordered by its ID token's `iat`, then `run_id`, then `run_attempt`. */
export interface ResultRun {
  iat: number;
  id: string;
  attempt: number;
}

/** Pseudo item under which a started rollback is folded (so it survives ledger compaction). */
export const ROLLBACK_STATE = 'shipgate:rollback';
/** Pseudo items of the governance events (docs/governance.md), folded like the rollback. */
export const EXCEPTION_STATE = 'shipgate:exception';
export const BREAK_GLASS_STATE = 'shipgate:break-glass';
export const FREEZE_STATE = 'shipgate:freeze';
export const ESCALATION_STATE = 'shipgate:escalation';
/** `shipgate:note:<item id>`: the latest note on an item. */
export const notesStateOf = (item: string) => `shipgate:note:${item}`;

/** The folded state of one item. */
export interface ItemState {
  checked: boolean;
  by?: string;
  at?: string;
  sha?: string;
  status?: CheckStatus;
  summary?: string;
  /** A waiver, or with `na` a "not applicable" mark; both stand until a push resets them. */
  waived?: { by: string; reason: string; na?: true };
  /** Set when a push reset this item: "reset by push of abc1234". */
  reset?: string;
  /** For the rollback pseudo item: the incident issue number. */
  incident?: number;
  /** For a result: how its evidence was obtained, the run it came from, pipeline files changed. */
  how?: 'verified' | 'reported';
  run?: ResultRun;
  pipeline?: string[];
  /** For the break-glass pseudo item: the items skipped; its review is due at `due` (a freeze ends then). */
  items?: string[];
  due?: string;
}

export type ItemStates = Record<string, ItemState>;

/** Events folded away to keep the comment under GitHub's size limit; `hash` continues the chain. */
export interface LedgerBase {
  count: number;
  hash: string;
  states: ItemStates;
  rejected: number;
}

export interface Ledger {
  base: LedgerBase;
  events: LedgerEvent[];
  /** Chain hash after the last event. */
  head: string;
}

const GENESIS = 'shipgate-ledger-v1';

/** Which PR a ledger belongs to: its key is derived from the app's secret and these. */
export interface LedgerBinding {
  /** GitHub's repository id (stays the same through renames and transfers). */
  repositoryId: number;
  pr: number;
}

/**
 * The key that signs one PR's ledger. Bound to the repository and the PR, so a signed state block
 * copied from another PR (or another repository) does not verify here.
 */
export function prLedgerKey(secret: string, binding: LedgerBinding): string {
  return createHmac('sha256', secret)
    .update(`shipgate-ledger-v2:${binding.repositoryId}#${binding.pr}`)
    .digest('base64url');
}

export function emptyLedger(secret: string): Ledger {
  const hash = baseHash(secret, {}, 0, 0);
  return { base: { count: 0, hash, states: {}, rejected: 0 }, events: [], head: hash };
}

/** Returns a new ledger with the events appended (the input is not modified). */
export function appendEvents(ledger: Ledger, events: readonly LedgerEvent[], secret: string): Ledger {
  let head = ledger.head;
  for (const event of events) head = chain(secret, head, event);
  return { base: ledger.base, events: [...ledger.events, ...events], head };
}

/**
 * Verdicts of verifyLedger by a digest of (secret, exact ledger JSON): the same copy is checked
 * several times per event (memory, the comment, the body before an edit), and re-running the
 * HMAC chain each time dominated the bot's CPU. Identical content gets the identical verdict.
 */
const verdicts = new Map<string, boolean>();
const VERDICTS_MAX = 2000;

/** Recomputes the chain; false when anything was altered or signed with another secret. */
export function verifyLedger(ledger: Ledger, secret: string): boolean {
  const key = createHash('sha256')
    .update(secret)
    .update('\0')
    .update(JSON.stringify(ledger))
    .digest('base64url');
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = verifyChain(ledger, secret);
  if (verdicts.size >= VERDICTS_MAX) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function verifyChain(ledger: Ledger, secret: string): boolean {
  const { states, count, rejected } = ledger.base;
  if (!safeEqual(ledger.base.hash, baseHash(secret, states, count, rejected))) return false;
  let head = ledger.base.hash;
  for (const event of ledger.events) head = chain(secret, head, event);
  return safeEqual(head, ledger.head);
}

/** Folds the oldest events into the base so that at most `keep` events stay itemised. */
export function compactLedger(ledger: Ledger, keep: number, secret: string): Ledger {
  if (ledger.events.length <= keep) return ledger;
  const cut = ledger.events.length - keep;
  const folded = ledger.events.slice(0, cut);
  const states = foldEvents(ledger.base.states, folded);
  const rejected = ledger.base.rejected + folded.filter((event) => event.t === 'reject').length;
  const count = ledger.base.count + folded.length;
  const hash = baseHash(secret, states, count, rejected);
  const base: LedgerBase = { count, hash, states, rejected };
  return appendEvents({ base, events: [], head: hash }, ledger.events.slice(cut), secret);
}

/** The current state of every item the ledger mentions. */
export function foldLedger(ledger: Ledger): ItemStates {
  return foldEvents(ledger.base.states, ledger.events);
}

function foldEvents(start: ItemStates, events: readonly LedgerEvent[]): ItemStates {
  const states: ItemStates = structuredClone(start);
  for (const event of events) {
    switch (event.t) {
      case 'tick':
      case 'untick':
        states[event.item] = { checked: event.t === 'tick', by: event.by, at: event.at, sha: event.sha };
        break;
      case 'waive':
        states[event.item] = {
          checked: true,
          by: event.by,
          at: event.at,
          sha: event.sha,
          waived: { by: event.by, reason: event.reason, ...(event.na ? { na: true as const } : {}) },
        };
        break;
      case 'result': {
        const previous = states[event.item];
        if (previous?.waived) break; // a waiver stands until a push resets it
        states[event.item] = {
          checked: event.status === 'pass',
          at: event.at,
          sha: event.sha,
          status: event.status,
          summary: event.summary,
          by: 'shipgate',
          ...(event.how ? { how: event.how } : {}),
          ...(event.run ? { run: event.run } : {}),
          ...(event.pipeline ? { pipeline: event.pipeline } : {}),
        };
        break;
      }
      case 'decide': {
        const previous = states[event.item];
        states[event.item] = {
          checked: event.outcome === 'pass',
          by: event.by,
          at: event.at,
          sha: event.sha,
          status: event.outcome,
          summary:
            `decided ${event.outcome} by @${event.by}: ${event.reason}${previous?.summary ? ` (was ${previous.summary})` : ''}`.slice(
              0,
              600,
            ),
        };
        break;
      }
      case 'invalidate':
        for (const item of event.items) {
          states[item] = { checked: false, at: event.at, sha: event.sha, reset: event.reason };
        }
        break;
      case 'rollback':
        // the first rollback stands; later ones refer to the same incident
        if (states[ROLLBACK_STATE]?.checked) break;
        states[ROLLBACK_STATE] = {
          checked: true,
          by: event.by,
          at: event.at,
          sha: event.sha,
          summary: event.reason,
          ...(event.incident !== undefined ? { incident: event.incident } : {}),
        };
        break;
      case 'exception':
        states[EXCEPTION_STATE] = {
          checked: true,
          by: event.by,
          at: event.at,
          sha: event.sha,
          summary: event.reason,
        };
        break;
      case 'break-glass':
        states[BREAK_GLASS_STATE] = {
          checked: true,
          by: event.by,
          at: event.at,
          sha: event.sha,
          summary: event.reason,
          items: [...event.skipped],
          due: event.due,
        };
        break;
      case 'note':
        states[notesStateOf(event.item)] = {
          checked: true,
          by: event.by,
          at: event.at,
          sha: event.sha,
          summary: event.text,
        };
        break;
      case 'freeze':
      case 'unfreeze':
        states[FREEZE_STATE] = {
          checked: event.t === 'freeze',
          by: event.by,
          at: event.at,
          sha: event.sha,
          ...(event.t === 'freeze' ? { summary: event.reason, due: event.until } : {}),
        };
        break;
      case 'escalate': {
        const previous = states[ESCALATION_STATE];
        states[ESCALATION_STATE] = {
          checked: event.level === 'overdue' || previous?.checked === true,
          at: event.at,
          sha: event.sha,
          summary: previous?.checked ? 'overdue' : event.level,
          ...(event.issue !== undefined
            ? { incident: event.issue }
            : previous?.incident !== undefined
              ? { incident: previous.incident }
              : {}),
        };
        break;
      }
      case 'reject':
        break;
    }
  }
  return states;
}

function baseHash(secret: string, states: ItemStates, count: number, rejected: number): string {
  return mac(secret, `${GENESIS}|${canonical(states)}|${count}|${rejected}`);
}

function chain(secret: string, previous: string, event: LedgerEvent): string {
  return mac(secret, `${previous}|${canonical(event)}`);
}

function mac(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** JSON with sorted keys, so the hash does not depend on property order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when an event of the ledger came from webhook delivery `delivery` (a replay). */
export function hasDelivery(ledger: Ledger, delivery: string): boolean {
  return ledger.events.some((event) => 'd' in event && event.d === delivery);
}
