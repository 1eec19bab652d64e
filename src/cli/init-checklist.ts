import type { CheckContract } from '../../checks/contract.js';
import { checkContracts, findContract } from '../../checks/contracts/index.js';
import type { AppProfile } from '../core/fit/app-traits.js';
import { type Addition, addedItems, type Fit, fitBound, unmetNeed } from '../core/fit/applicability.js';
import { renderDirective, splitDirective, withoutDirectiveKeys } from '../core/template/directive.js';
import { FIT_KEYS } from '../core/template/item-fit.js';
import type { Checklist, ChecklistItem, CheckParams } from '../core/template/model.js';
import { appProfile, type InitFacts } from './init-traits.js';

export type { InitFacts } from './init-traits.js';

/**
 * The checklist `shipgate init` writes: a template fitted to what init found. Pure (text in, text
 * out) so the golden files pin it without a repository.
 *
 * Policy, printed with the report: an item that cannot apply to this app (a WebSocket latency
 * budget without a WebSocket server, the template's example-app flows and secrets, browser budgets
 * on an API) is dropped; an item that may apply but cannot be checked here (no Prometheus, no
 * coverage tool, a database without a migrations folder) stays as a manual item, with the reason
 * printed, so a person decides it. What applies where is data: a bound item by its check's
 * contract (`applicability`, src/core/fit/applicability.ts), any item by its own `needs=` and
 * `example` directive keys (src/core/template/item-fit.ts). Nothing here knows a check or an item.
 */
export const CHECKLIST_PATH = '.github/shipgate/checklist.md';

export type DecisionAction = 'bound' | 'manual' | 'dropped' | 'added';

export interface ItemDecision {
  action: DecisionAction;
  text: string;
  check?: string;
  reason: string;
}

export interface DerivedChecklist {
  text: string;
  decisions: ItemDecision[];
}

/** Directive keys that are not the check's: kept when an item becomes manual. */
const STRUCTURAL = new Set([
  'id',
  'role',
  'phase',
  'optional',
  'required',
  'invalidate-on',
  'when-paths',
  'when-labels',
]);

/** What to do with one template item: keep (optionally with new parameters), make manual, drop, or replace. */
type Plan = Fit | { action: 'replace'; text: string; reason: string };

function planItem(item: ChecklistItem, profile: AppProfile, exampleReason: string): Plan {
  if (item.example) {
    const { replacement } = item.example;
    return replacement
      ? { action: 'replace', text: replacement, reason: exampleReason }
      : { action: 'dropped', reason: exampleReason };
  }
  const needs = (item.needs ?? []).map((trait) => ({ trait, otherwise: 'dropped' as const }));
  const unmet = unmetNeed(needs, profile);
  if (unmet) return unmet;
  if (!item.check) return { action: 'keep', reason: '' };
  return fitBound(findContract(item.check)?.applicability, item.params, profile);
}

const FIT_KEY_SET: ReadonlySet<string> = new Set(FIT_KEYS);
const TITLE_RE = /^#\s/;

/** The source's lines without the fitting keys (`needs`, `example`): init resolves them here. */
function withoutFitKeys(source: string): string[] {
  let inFence = false;
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((row) => {
      if (FENCE_RE.test(row)) inFence = !inFence;
      return inFence || FENCE_RE.test(row) ? row : withoutDirectiveKeys(row, FIT_KEY_SET);
    });
}

/** The title with the app's name and version instead of the template's example app's (`{{app|…}}`, `{{version|…}}`). */
function fitTitle(row: string, facts: InitFacts): string {
  const name = (facts.appName ?? 'App').replace(/[|}]/g, '');
  const version = facts.version ? `{{version|${facts.version.replace(/[|}]/g, '')}}}` : '{{version}}';
  return row.replace(/\{\{app\|[^}]*\}\}/, `{{app|${name}}}`).replace(/\{\{version\|[^}]*\}\}/, version);
}

/** Why an `example` item goes: the example app named by the default of the title's `{{app|…}}`. */
function exampleAppReason(title: string | undefined): string {
  const name = title && /\{\{app\|([^}]*)\}\}/.exec(title)?.[1]?.trim();
  return `the template's example app${name ? ` (${name})` : ''} flow, not this app's`;
}

/** One item an addition puts into the checklist, after the item on `line`. */
interface Added {
  line: number;
  contract: CheckContract<unknown>;
  addition: Addition;
}

const hasParams = (item: ChecklistItem, params: CheckParams) =>
  Object.entries(params).every(([key, value]) => item.params[key] === value);

/** Where each contract's additions go: after each kept item they follow, or after the last item of their checks. */
function placeAdditions(checklist: Checklist, plans: ReadonlyMap<number, Plan>): Added[] {
  const placed: Added[] = [];
  for (const contract of checkContracts) {
    for (const addition of contract.applicability?.adds ?? []) {
      const { after } = addition;
      if ('each' in after) {
        for (const item of checklist.items)
          if (
            item.check === contract.id &&
            plans.get(item.line)?.action === 'keep' &&
            hasParams(item, after.each)
          )
            placed.push({ line: item.line, contract, addition });
      } else {
        const anchors = new Set([contract.id, ...after.last]);
        const lines = checklist.items
          .filter((item) => item.check && anchors.has(item.check))
          .map((i) => i.line);
        if (lines.length > 0) placed.push({ line: Math.max(...lines), contract, addition });
      }
    }
  }
  // After the same item, those following it (`each`) come before those closing a group (`last`).
  return placed.sort(
    (a, b) => a.line - b.line || Number('last' in a.addition.after) - Number('last' in b.addition.after),
  );
}

/** Values a kept item of the contract already names in the addition's `unlessParam`. */
function coveredValues(checklist: Checklist, plans: ReadonlyMap<number, Plan>, added: Added): Set<string> {
  const param = added.addition.unlessParam;
  if (!param) return new Set();
  return new Set(
    checklist.items.flatMap((item) => {
      const value = item.params[param];
      return item.check === added.contract.id &&
        plans.get(item.line)?.action === 'keep' &&
        value !== undefined
        ? [String(value)]
        : [];
    }),
  );
}

/** The template text with each item kept, rebound, made manual or dropped, and the decisions made. */
export function deriveChecklist(source: string, checklist: Checklist, facts: InitFacts): DerivedChecklist {
  const rows = withoutFitKeys(source);
  const profile = appProfile(facts);
  const titleIndex = rows.findIndex((row) => TITLE_RE.test(row));
  const exampleReason = exampleAppReason(rows[titleIndex]);
  const plans = new Map(checklist.items.map((item) => [item.line, planItem(item, profile, exampleReason)]));
  const byLine = new Map(checklist.items.map((item) => [item.line, item]));
  const additions = placeAdditions(checklist, plans);
  const decisions: ItemDecision[] = [];
  const out: string[] = [];
  rows.forEach((row, index) => {
    const lineNo = index + 1;
    const item = byLine.get(lineNo);
    const plan = plans.get(lineNo);
    if (index === titleIndex) out.push(fitTitle(row, facts));
    else if (!item || !plan) out.push(row);
    else {
      const directive = splitDirective(row);
      const values = directive?.values ?? {};
      const rest = directive?.rest ?? row.trimEnd();
      if (plan.action === 'dropped') {
        decisions.push({ action: 'dropped', text: item.text, check: item.check, reason: plan.reason });
      } else if (plan.action === 'manual') {
        const kept = Object.fromEntries(Object.entries(values).filter(([key]) => STRUCTURAL.has(key)));
        out.push(`${rest}${renderDirective(kept)}`);
        decisions.push({ action: 'manual', text: item.text, check: item.check, reason: plan.reason });
      } else if (plan.action === 'replace') {
        out.push(`${rest.slice(0, rest.length - item.text.length)}${plan.text}${renderDirective(values)}`);
        decisions.push({ action: 'added', text: plan.text, reason: `instead of ${plan.reason}` });
      } else if (plan.action === 'keep' && plan.params) {
        out.push(`${rest}${renderDirective({ ...values, ...plan.params })}`);
        decisions.push({ action: 'bound', text: item.text, check: item.check, reason: describe(plan) });
      } else {
        out.push(row);
        if (item.check)
          decisions.push({ action: 'bound', text: item.text, check: item.check, reason: plan.reason });
      }
    }
    for (const added of additions.filter((entry) => entry.line === lineNo)) {
      const covered = coveredValues(checklist, plans, added);
      for (const entry of addedItems(added.addition, profile, covered)) {
        out.push(`- [ ] ${entry.text}${renderDirective({ check: added.contract.id, ...entry.params })}`);
        decisions.push({ action: 'added', text: entry.text, check: added.contract.id, reason: entry.reason });
      }
    }
  });
  return { text: pruneEmptySections(out, rows).join('\n'), decisions };
}

const HEADING_RE = /^(#{1,6})\s/;
const ITEM_RE = /^\s*(?:[-*+]|\d+\.)\s+\[[ xX]\]\s/;
const FENCE_RE = /^\s*(```|~~~)/;

/** Heading levels and item counts of each heading's subtree, fences respected. */
function itemsUnderHeadings(rows: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const stack: { level: number; key: string }[] = [];
  let inFence = false;
  rows.forEach((row, index) => {
    if (FENCE_RE.test(row)) inFence = !inFence;
    if (inFence) return;
    const heading = HEADING_RE.exec(row);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
      // Keyed by the heading text and its occurrence, so the template's and the output's line up.
      const key = `${row}\0${[...counts.keys()].filter((k) => k.startsWith(`${row}\0`)).length}`;
      counts.set(key, 0);
      stack.push({ level, key });
      return;
    }
    if (ITEM_RE.test(row)) for (const frame of stack) counts.set(frame.key, (counts.get(frame.key) ?? 0) + 1);
    void index;
  });
  return counts;
}

/**
 * A section whose items were all dropped goes too (heading, commands, text), so an API's
 * checklist has no empty "Bundle Size Check". Sections that never had items (contacts) stay.
 */
function pruneEmptySections(rows: readonly string[], sourceRows: readonly string[]): string[] {
  const before = itemsUnderHeadings(sourceRows);
  const after = itemsUnderHeadings(rows);
  const emptied = new Set(
    [...after].filter(([key, n]) => n === 0 && (before.get(key) ?? 0) > 0).map(([key]) => key),
  );
  const out: string[] = [];
  const seen = new Map<string, number>();
  let skipLevel: number | undefined;
  let inFence = false;
  for (const row of rows) {
    const fence = FENCE_RE.test(row);
    const heading = !inFence && !fence ? HEADING_RE.exec(row) : null;
    if (fence) inFence = !inFence;
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const occurrence = seen.get(row) ?? 0;
      seen.set(row, occurrence + 1);
      if (skipLevel !== undefined && level <= skipLevel) skipLevel = undefined;
      if (skipLevel === undefined && emptied.has(`${row}\0${occurrence}`)) skipLevel = level;
    }
    if (skipLevel === undefined) out.push(row);
  }
  return out;
}

function describe(plan: { params?: CheckParams; reason?: string }): string {
  const params = Object.entries(plan.params ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  return [params, plan.reason].filter(Boolean).join(': ');
}
