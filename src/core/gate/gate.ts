import { type ItemState, type ItemStates, notesStateOf } from '../ledger/ledger.js';
import type { Checklist, ChecklistItem, Phase } from '../template/model.js';

export type GateConclusion = 'success' | 'failure' | 'action_required';

/** Why an item is not done yet, grouped by who or what is needed. */
export type Blocker =
  | { kind: 'role'; role: string; items: string[] }
  | { kind: 'write-access'; items: string[] }
  | { kind: 'failing-check'; items: string[] }
  | { kind: 'skipped-check'; items: string[] }
  | { kind: 'pending-check'; items: string[] }
  /** Ticked, but the item has `note=required` and nobody wrote `/shipgate note <id> <text>`. */
  | { kind: 'note'; items: string[] }
  /** Outside the change window or in a freeze (governance.ts); `opensAt` is the next opening. */
  | { kind: 'window'; items: string[]; reason: string; opensAt?: string };

export interface GateInput {
  checklist: Checklist;
  states: ItemStates;
  headSha: string;
  phase: Phase;
  /** Config or template problems: the gate fails closed while there are any. */
  problems?: readonly string[];
  /** Optional items that became required (e.g. rollback steps once a trigger fired). */
  activated?: readonly string[];
  /** Items whose `when-…` condition this PR does not meet (conditions.ts): never required. */
  notApplicable?: readonly string[];
}

export interface GateDecision {
  conclusion: GateConclusion;
  /** "41 of 98 required items done — waiting on: QA Lead, 3 failing checks" */
  summary: string;
  done: number;
  required: number;
  blockers: Blocker[];
}

export type ItemStatus = 'done' | 'waiting' | 'failing' | 'skipped' | 'pending';

/** The status of one item against the current head. */
export function itemStatus(item: ChecklistItem, state: ItemState | undefined, headSha: string): ItemStatus {
  if (state?.waived) return 'done';
  if (item.kind !== 'auto') return state?.checked ? 'done' : 'waiting';
  if (!state || state.sha !== headSha || !state.status) return 'pending';
  if (state.status === 'pass') return 'done';
  if (state.status === 'skipped') return 'skipped';
  return 'failing';
}

export function isRequired(item: ChecklistItem, activated: readonly string[] = []): boolean {
  return !item.optional || activated.includes(item.id);
}

/** Decides the gate for one phase: plain data in, decision out. */
export function evaluateGate(input: GateInput): GateDecision {
  // Not applicable: by condition (`when-…`) or marked N/A by someone, with a reason, in the ledger.
  const skipped = new Set(input.notApplicable ?? []);
  const isNotApplicable = (item: ChecklistItem) =>
    skipped.has(item.id) || input.states[item.id]?.waived?.na === true;
  const wanted = input.checklist.items.filter(
    (item) => item.phase === input.phase && isRequired(item, input.activated),
  );
  const required = wanted.filter((item) => !isNotApplicable(item));
  const roles = new Map<string, string[]>();
  const groups = {
    'write-access': [] as string[],
    failing: [] as string[],
    skipped: [] as string[],
    pending: [] as string[],
    note: [] as string[],
  };
  let done = 0;
  for (const item of required) {
    const state = input.states[item.id];
    const status = itemStatus(item, state, input.headSha);
    // `note=required`: a tick without a note on the item does not count (a waiver stands on its reason)
    if (status === 'done' && item.noteRequired && !state?.waived && !input.states[notesStateOf(item.id)])
      groups.note.push(item.id);
    else if (status === 'done') done++;
    else if (status === 'waiting' && item.kind === 'signoff') {
      const role = item.role ?? 'unknown';
      roles.set(role, [...(roles.get(role) ?? []), item.id]);
    } else if (status === 'waiting') groups['write-access'].push(item.id);
    else groups[status].push(item.id);
  }
  const blockers: Blocker[] = [];
  if (groups.failing.length > 0) blockers.push({ kind: 'failing-check', items: groups.failing });
  for (const [role, items] of roles) blockers.push({ kind: 'role', role, items });
  if (groups['write-access'].length > 0)
    blockers.push({ kind: 'write-access', items: groups['write-access'] });
  if (groups.skipped.length > 0) blockers.push({ kind: 'skipped-check', items: groups.skipped });
  if (groups.pending.length > 0) blockers.push({ kind: 'pending-check', items: groups.pending });
  if (groups.note.length > 0) blockers.push({ kind: 'note', items: groups.note });

  const problems = input.problems ?? [];
  const conclusion: GateConclusion =
    problems.length > 0 || groups.failing.length > 0
      ? 'failure'
      : blockers.length === 0
        ? 'success'
        : 'action_required';
  const na = wanted.length - required.length;
  const head = `${done} of ${required.length} required items done${na > 0 ? ` (${na} not applicable)` : ''}`;
  const summary =
    problems.length > 0
      ? `${head} — configuration invalid: ${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`
      : blockers.length === 0
        ? `${head} — ready`
        : `${head} — waiting on: ${blockers.map(describeBlocker).join(', ')}`;
  return { conclusion, summary, done, required: required.length, blockers };
}

export function describeBlocker(blocker: Blocker): string {
  const n = blocker.items.length;
  const plural = (word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  switch (blocker.kind) {
    case 'role':
      return roleTitle(blocker.role);
    case 'write-access':
      return `${plural('manual item')}`;
    case 'failing-check':
      return plural('failing check');
    case 'skipped-check':
      return plural('skipped check');
    case 'pending-check':
      return plural('pending check');
    case 'note':
      return `${plural('note')} (\`/shipgate note <id> <text>\`)`;
    case 'window':
      return blocker.reason;
  }
}

const ROLE_WORDS: Record<string, string> = { qa: 'QA', ops: 'Ops', devops: 'DevOps', sre: 'SRE', ci: 'CI' };

/** `qa-lead` → `QA Lead`. */
export function roleTitle(role: string): string {
  return role
    .split('-')
    .map((word) => ROLE_WORDS[word] ?? word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
