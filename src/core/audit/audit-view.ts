import type { LedgerEvent } from '../ledger/ledger.js';
import type { AuditItem, AuditRecord } from './audit-record.js';

/**
 * Presentation facts shared by the Markdown export and the HTML audit page, so both tell the
 * same story in the same words. Returns raw (unescaped) text: each renderer escapes for its format.
 */

export type Tone = 'done' | 'waived' | 'failing' | 'waiting' | 'skipped' | 'pending' | 'optional';

export interface OutcomeView {
  tone: Tone;
  /** Status in words (never colour alone). */
  label: string;
  icon: string;
}

export function outcomeView(item: AuditItem): OutcomeView {
  // someone's attributed decision reads like a waiver; a condition not met like an optional item
  if (item.state.waived?.na) return { tone: 'waived', label: 'Not applicable', icon: '⚪' };
  if (item.state.waived) return { tone: 'waived', label: 'Waived', icon: '🟡' };
  if (item.notApplicable !== undefined) return { tone: 'optional', label: 'Not applicable', icon: '⚪' };
  switch (item.outcome) {
    case 'done':
      return { tone: 'done', label: item.kind === 'signoff' ? 'Signed off' : 'Done', icon: '✅' };
    case 'failing':
      return { tone: 'failing', label: item.state.status === 'error' ? 'Error' : 'Failing', icon: '❌' };
    case 'skipped':
      return { tone: 'skipped', label: 'Skipped', icon: '⏭️' };
    case 'pending':
      return item.required ? { tone: 'pending', label: 'Pending', icon: '⏳' } : optional();
    case 'waiting':
      return item.required ? { tone: 'waiting', label: 'Not done', icon: '⬜' } : optional();
  }
}

function optional(): OutcomeView {
  return { tone: 'optional', label: 'Optional, not done', icon: '➖' };
}

/** The item's name in a table: sign-off lines lose their blanks ("QA Lead: ____ Date: ____" → "QA Lead sign-off"). */
export function itemLabel(item: AuditItem): string {
  if (item.kind !== 'signoff') return item.text;
  const role = item.text.split(/:?\s*_{3,}/)[0]?.trim();
  return role ? `${role} sign-off` : item.text.replace(/_{3,}/g, '').trim();
}

/** Who is answerable for the item's current state. */
export function actorOf(item: AuditItem): string | undefined {
  if (item.state.waived) return item.state.waived.by;
  if (item.state.reset && !item.state.checked) return undefined;
  return item.state.by;
}

/** One line of context: waiver reason, reset note, or the check's measured summary. */
export function noteOf(item: AuditItem): string | undefined {
  if (item.state.waived?.na) return `Not applicable: ${item.state.waived.reason}`;
  if (item.state.waived) return `Waiver reason: ${item.state.waived.reason}`;
  if (item.notApplicable !== undefined) return `Not applicable: ${item.notApplicable}`;
  if (item.state.reset && !item.state.checked) return item.state.reset;
  if (item.kind === 'auto') {
    const summary = item.evidence?.summary ?? item.state.summary;
    // how the evidence was obtained: an auditor weighs a verified result above a reported one
    const how = item.state.how
      ? ` (${item.state.how}${item.state.run ? `, workflow run ${item.state.run.id}` : ''})`
      : '';
    return summary === undefined ? undefined : `${summary}${how}`;
  }
  return undefined;
}

export interface SectionView {
  /** "🔐 Pre-Deployment Security › Credentials & Secrets". */
  title: string;
  /** Top-level heading, to group tables under one h2. */
  group: string;
  items: AuditItem[];
}

/** Items grouped by heading path, in template order. */
export function sectionsOf(record: AuditRecord): SectionView[] {
  const sections = new Map<string, SectionView>();
  for (const item of record.items) {
    const title = item.section.length > 0 ? item.section.join(' › ') : 'Checklist';
    const group = item.section[0] ?? 'Checklist';
    const section = sections.get(title) ?? { title, group, items: [] };
    section.items.push(item);
    sections.set(title, section);
  }
  return [...sections.values()];
}

/** "2026-11-25 12:00 UTC" from an ISO time (string slicing: the core reads no clock or locale). */
export function formatWhen(at: string | undefined): string {
  if (!at) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return match ? `${match[1]} ${match[2]} UTC` : at;
}

export function shortSha(sha: string | undefined): string {
  return sha ? sha.slice(0, 7) : '';
}

export interface EventView {
  at: string;
  /** "Ticked", "Rejected", … */
  action: string;
  by?: string;
  /** The item texts the event is about. */
  items: string[];
  detail?: string;
  sha: string;
  rejected: boolean;
}

const ACTIONS: Record<LedgerEvent['t'], string> = {
  tick: 'Ticked',
  untick: 'Unticked',
  waive: 'Waived',
  result: 'Check result',
  decide: 'Decided (inconclusive)',
  invalidate: 'Reset by push',
  reject: 'Rejected attempt',
  rollback: 'Rollback started',
  exception: 'Change-window exception',
  'break-glass': 'Break-glass (emergency change)',
  note: 'Note',
  freeze: 'Repository frozen',
  unfreeze: 'Freeze lifted',
  escalate: 'Post-review escalation',
};

export function eventView(event: LedgerEvent, textOf: (id: string) => string): EventView {
  const action = event.t === 'waive' && event.na ? 'Marked not applicable' : ACTIONS[event.t];
  const base = { at: event.at, action, sha: event.sha, rejected: event.t === 'reject' };
  switch (event.t) {
    case 'tick':
    case 'untick':
      return { ...base, by: event.by, items: [textOf(event.item)] };
    case 'waive':
    case 'reject':
      return { ...base, by: event.by, items: [textOf(event.item)], detail: event.reason };
    case 'result':
      return {
        ...base,
        by: 'shipgate',
        items: [textOf(event.item)],
        detail: `${event.status}: ${event.summary}`,
      };
    case 'decide':
      return {
        ...base,
        by: event.by,
        items: [textOf(event.item)],
        detail: `${event.outcome}: ${event.reason}`,
      };
    case 'invalidate':
      return { ...base, items: event.items.map(textOf), detail: event.reason };
    case 'rollback':
      return {
        ...base,
        by: event.by,
        items: ['rollback'],
        detail: `${event.reason}${event.incident ? ` (incident issue ${event.incident})` : ''}`,
      };
    case 'exception':
      return { ...base, by: event.by, items: ['change window'], detail: event.reason };
    case 'break-glass':
      return {
        ...base,
        by: event.by,
        items: event.skipped.map(textOf),
        detail: `${event.reason} — post-review due ${event.due}`,
      };
    case 'note':
      return { ...base, by: event.by, items: [textOf(event.item)], detail: event.text };
    case 'freeze':
      return {
        ...base,
        by: event.by,
        items: ['repository'],
        detail: `${event.reason} (until ${event.until})`,
      };
    case 'unfreeze':
      return { ...base, by: event.by, items: ['repository'] };
    case 'escalate':
      return {
        ...base,
        by: 'shipgate',
        items: ['post-review'],
        detail:
          event.level === 'overdue'
            ? `emergency change not reviewed${event.issue ? ` (issue ${event.issue})` : ''}`
            : 'reminder: post-review pending',
      };
  }
}

/** Looks up item texts by id; unknown ids (items since removed from the template) show as the id. */
export function itemTexts(record: AuditRecord): (id: string) => string {
  const texts = new Map(record.items.map((item) => [item.id, itemLabel(item)]));
  return (id) => texts.get(id) ?? id;
}

export const CONCLUSION_LABEL = {
  success: 'Passed',
  failure: 'Failed',
  action_required: 'Incomplete',
} as const;
