import type { Config } from '../config/config.js';
import { eligible } from '../decide/authorize.js';
import { escapeInline } from '../escape.js';
import type { Checklist } from '../template/model.js';
import { cutToUtf8 } from '../utf8.js';
import { type Blocker, type GateDecision, roleTitle } from './gate.js';

/** GitHub's limits for check run actions. */
const MAX_ACTIONS = 3;
const MAX_IDENTIFIER = 20;
const MAX_LABEL = 20;
const MAX_DESCRIPTION = 40;

export interface CheckAction {
  label: string;
  description: string;
  identifier: string;
}

/** What the `shipgate` check run shows: waiting is `in_progress`, never a failure. */
export interface GateReport {
  status: 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure';
  title: string;
  summary: string;
  actions: CheckAction[];
}

export function buildCheckReport(input: {
  gate: GateDecision;
  checklist: Checklist;
  config: Config;
  problems?: readonly string[];
  notes?: readonly string[];
  /** The automated results with how each was obtained (evidence-report.ts). */
  evidence?: readonly string[];
  /** Rubber-stamp signals (rubber-stamp.ts): shown, never blocking. */
  signals?: readonly string[];
}): GateReport {
  const { gate } = input;
  const problems = input.problems ?? [];
  const failed = gate.conclusion === 'failure' || problems.length > 0;
  const status = failed || gate.conclusion === 'success' ? 'completed' : 'in_progress';
  const lines = [`**${escapeInline(gate.summary, 300)}**`];
  if (problems.length > 0) {
    lines.push(
      '',
      '### Configuration problems',
      ...problems.slice(0, 20).map((p) => `- \`${escapeInline(p, 300)}\``),
    );
  }
  const texts = new Map(input.checklist.items.map((item) => [item.id, item.text]));
  if (gate.blockers.length > 0) lines.push('', '### Waiting on');
  for (const blocker of gate.blockers) lines.push(describe(blocker, input.config, texts));
  for (const note of input.notes ?? []) lines.push('', `> ${escapeInline(note, 300)}`);
  lines.push(...(input.evidence ?? []));
  if (input.signals && input.signals.length > 0)
    lines.push(
      '',
      '### Rubber-stamp signals (not blocking)',
      ...input.signals.slice(0, 20).map((signal) => `- ⚠️ ${escapeInline(signal, 300)}`),
    );
  const roles = gate.blockers.filter((b): b is Extract<Blocker, { kind: 'role' }> => b.kind === 'role');
  return {
    status,
    ...(status === 'completed' ? { conclusion: failed ? 'failure' : 'success' } : {}),
    title: escapeInline(gate.summary, 100),
    summary: cutToUtf8(lines.join('\n'), 60_000), // bytes: GitHub refuses a summary over 65,535
    actions: failed ? [] : roles.slice(0, MAX_ACTIONS).map((b) => signOffAction(b.role)),
  };
}

function describe(blocker: Blocker, config: Config, texts: Map<string, string>): string {
  const list = (ids: string[]) =>
    ids
      .slice(0, 8)
      .map((id) => escapeInline(texts.get(id) ?? id, 80))
      .join('; ') + (ids.length > 8 ? `; …${ids.length - 8} more` : '');
  switch (blocker.kind) {
    case 'role': {
      const who = eligible(config, blocker.role);
      return `- **${roleTitle(blocker.role)}** sign-off — ${who || `no members configured for role \`${blocker.role}\``}`;
    }
    case 'write-access':
      return `- ${blocker.items.length} manual item(s) — anyone with ${config.manualPermission} access: ${list(blocker.items)}`;
    case 'failing-check':
      return `- ❌ failing: ${list(blocker.items)}`;
    case 'skipped-check':
      return `- ⏭️ skipped (waive or fix): ${list(blocker.items)}`;
    case 'pending-check':
      return `- ⏳ ${blocker.items.length} automated check(s) waiting for results for this commit`;
    case 'note':
      return `- 📝 ticked without the required note (\`/shipgate note <id> <text>\`): ${list(blocker.items)}`;
    case 'window':
      return `- ⏸ ${escapeInline(blocker.reason, 300)}`;
  }
}

/** A "Sign off as <Role>" button; the identifier is the role name (cut to GitHub's 20 chars). */
export function signOffAction(role: string): CheckAction {
  const title = roleTitle(role);
  return {
    identifier: role.slice(0, MAX_IDENTIFIER),
    label: cut(`Sign off: ${title}`, MAX_LABEL),
    description: cut(`Sign off as ${title}`, MAX_DESCRIPTION),
  };
}

/** The role a button identifier stands for (undefined when unknown or ambiguous). */
export function roleForAction(identifier: string, roles: readonly string[]): string | undefined {
  const matches = roles.filter((role) => role.slice(0, MAX_IDENTIFIER) === identifier);
  return matches.length === 1 ? matches[0] : undefined;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
