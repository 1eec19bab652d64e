import { escapeInline, mention } from '../escape.js';
import { type GateDecision, itemStatus } from '../gate/gate.js';
import type { ItemState, ItemStates } from '../ledger/ledger.js';
import type { Checklist, ChecklistItem } from '../template/model.js';

/** Marks the one checklist comment of a PR; the bot finds its comment by this. */
export const COMMENT_MARKER = '<!-- shipgate:checklist -->';
export const NOTES_START = '<!-- shipgate:notes -->';
export const NOTES_END = '<!-- /shipgate:notes -->';
const BLANK = '_______________';
const DEFAULT_NOTES = [
  '_________________________________________________',
  '_________________________________________________',
  '_________________________________________________',
].join('\n');

export interface RenderInput {
  checklist: Checklist;
  states: ItemStates;
  headSha: string;
  /** date, version, deployed-by, environment, app, contact.<role>.name|contact, next-*-date … */
  variables: Readonly<Record<string, string | undefined>>;
  gate: GateDecision;
  /** Free text people wrote in the notes area; kept across re-renders. */
  notes?: string;
  /** The encoded hidden state block (see state-block.ts). */
  stateBlock?: string;
  /** Items whose `when-…` condition the PR does not meet: id → why (conditions.ts `notApplicableItems`). */
  notApplicable?: ReadonlyMap<string, string>;
  /** Once merged: post-deploy results belong to the merge commit, not the PR head. */
  postDeploySha?: string;
  /** Notes that replace an item's usual one (a cutover window's countdown and readings). */
  annotations?: ReadonlyMap<string, string>;
}

/** Renders the PR comment: status line, the template with every box reflecting state, hidden state. */
export function renderComment(input: RenderInput): string {
  const out: string[] = [COMMENT_MARKER, renderStatusLine(input.gate), ''];
  const byId = new Map(input.checklist.items.map((item) => [item.id, item]));
  for (const line of input.checklist.lines) {
    if (line.type === 'text') {
      out.push(fillPlaceholders(neutraliseMarkers(line.text), input.variables, input.notes));
      continue;
    }
    const item = byId.get(line.itemId);
    if (item) {
      const why = input.notApplicable?.get(item.id);
      const sha = item.phase === 'post-deploy' && input.postDeploySha ? input.postDeploySha : input.headSha;
      out.push(
        renderItemLine(item, input.states[item.id], sha, line.prefix, why, input.annotations?.get(item.id)),
      );
    }
  }
  while (out.at(-1) === '') out.pop();
  // which head the checklist was rendered for: an edit of an older rendering is stale (parse.ts)
  if (input.stateBlock)
    out.push('', `<!-- shipgate:head ${input.headSha.replace(/[^0-9a-f]/gi, '')} -->`, input.stateBlock);
  return `${out.join('\n')}\n`;
}

const CONCLUSION_ICON = { success: '✅', failure: '❌', action_required: '⏳' } as const;

export function renderStatusLine(gate: GateDecision): string {
  return `> ${CONCLUSION_ICON[gate.conclusion]} **shipgate** · ${escapeInline(gate.summary, 400)}`;
}

/** One checkbox line, with its id marker so state survives moved lines and edited text. */
export function renderItemLine(
  item: ChecklistItem,
  state: ItemState | undefined,
  headSha: string,
  prefix = '- ',
  /** Set when the item's `when-…` condition is not met: why, e.g. "no changes in migrations/**". */
  notApplicable?: string,
  /** Replaces the usual note (cutover windows: countdown and readings); already Markdown-safe. */
  override?: string,
): string {
  const status = itemStatus(item, state, headSha);
  const box = status === 'done' ? '[x]' : '[ ]';
  const text =
    item.kind === 'signoff' ? signoffText(item, state, status === 'done') : escapeItemText(item.text);
  const note =
    notApplicable !== undefined
      ? `⚪ not applicable (${escapeInline(escapeMarkdown(notApplicable), 160)})`
      : (override ?? annotation(item, state, status));
  return `${prefix}${box} ${text}${note ? ` — ${note}` : ''} <!-- sg:${item.id} -->`;
}

function annotation(
  item: ChecklistItem,
  state: ItemState | undefined,
  status: ReturnType<typeof itemStatus>,
): string {
  if (state?.waived?.na)
    return `⚪ N/A by ${mention(state.waived.by)}: ${escapeInline(state.waived.reason, 200)}`;
  if (state?.waived)
    return `🟡 waived by ${mention(state.waived.by)}: ${escapeInline(state.waived.reason, 200)}`;
  if (state?.reset && !state.checked) return `↩️ ${escapeInline(state.reset, 80)}`;
  if (item.kind === 'auto') {
    // how the evidence was obtained (core/evidence/evidence.ts), for results from the Action
    const how = state?.how ? ` · ${state.how}` : '';
    const summary = escapeInline(state?.summary ?? '', 160) + how;
    switch (status) {
      case 'done':
        return `✅ ${summary}`;
      case 'failing':
        return `❌ ${state?.status === 'error' ? 'error: ' : ''}${summary}`;
      case 'skipped':
        return `⏭️ skipped: ${summary}`;
      default:
        return '⏳ pending';
    }
  }
  if (item.kind === 'manual' && state?.checked && state.by)
    return `✔️ ${mention(state.by)} · ${day(state.at)}`;
  return '';
}

/** "Engineering Lead: _______________ Date: ___________" with the blanks filled once signed. */
function signoffText(item: ChecklistItem, state: ItemState | undefined, signed: boolean): string {
  const text = escapeItemText(item.text);
  if (!signed || !state?.by || state.waived) return text;
  const values = [mention(state.by), day(state.at)];
  let index = 0;
  const filled = text.replace(/_{3,}/g, (blank) => values[index++] ?? blank);
  return index === 0 ? `${text} ${values.join(' · ')}` : filled;
}

/**
 * Template item text is Markdown on purpose, but no HTML: `<` before a tag name, `/`, `!` or `?`
 * becomes `&lt;`, so it cannot open tags (`<img onerror>`, `<details>`), HTML comments or hidden
 * blocks (`<!-- sg:… -->`). Plain comparisons like `< 80KB` stay as written.
 */
export function escapeItemText(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, '&lt;').replace(/-->/g, '--&gt;');
}

/**
 * Template text lines may hold HTML, but never our own markers: a copied `<!-- sg:id -->`,
 * `<!-- shipgate:state … -->` or `<!-- shipgate:notes -->` would be read back as ours.
 */
function neutraliseMarkers(text: string): string {
  return text.replace(/<!--(?=\s*\/?\s*(?:shipgate|sg)\s*:)/gi, '&lt;!--');
}

/** Globs such as `src/**` shown literally, not as bold/italic Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~[\]|]/g, '\\$&');
}

function day(at: string | undefined): string {
  return at ? at.slice(0, 10) : '';
}

// The fallback excludes `{` so a line of repeated unclosed `{{a|` is scanned once, not quadratically.
const PLACEHOLDER = /\{\{([a-z0-9.-]+)(?:\|([^{}]*))?\}\}/g;

function fillPlaceholders(
  text: string,
  variables: RenderInput['variables'],
  notes: string | undefined,
): string {
  return text.replace(PLACEHOLDER, (_match, name: string, fallback: string | undefined) => {
    if (name === 'notes')
      return `${NOTES_START}\n${notes?.trim() ? notes.trim() : DEFAULT_NOTES}\n${NOTES_END}`;
    if (name === 'environment-choice') return environmentChoice(variables.environment);
    const value = variables[name];
    if (value?.trim()) return escapeInline(value, 120);
    return fallback ?? BLANK;
  });
}

function environmentChoice(environment: string | undefined): string {
  const env = (environment ?? '').toLowerCase();
  return `[${env === 'staging' ? 'x' : ' '}] Staging [${env === 'production' ? 'x' : ' '}] Production`;
}
