import type { z } from 'zod';
import { codePointLabel, findControlCharacter } from '../control-characters.js';
import { InvalidInputError, type Problem } from '../errors.js';
import type { AppTrait } from '../fit/app-traits.js';
import { splitDirective } from './directive.js';
import { FIT_KEYS, readItemFit, readNeeds } from './item-fit.js';
import { readItemScope, SCOPE_KEYS } from './item-scope.js';
import type { Checklist, ChecklistItem, CheckParams, Phase, TemplateLine } from './model.js';

/** Parameter schemas of the known checks, by template name (the check registry supplies them). */
export type CheckSchemas = ReadonlyMap<string, z.ZodType<unknown>>;

// `[\s\S]*` (not `.*?\s*$`) so long whitespace runs or U+2028 cannot make these regexes backtrack quadratically.
const HEADING = /^(#{1,6})\s([\s\S]*)$/;
const ITEM = /^(\s*(?:[-*+]|\d+\.)\s+)\[[ xX]\]\s+([\s\S]*)$/;
const FENCE = /^\s*(```|~~~)/;
const RESERVED = new Set<string>([
  'id',
  'check',
  'role',
  'phase',
  'optional',
  'required',
  'manual',
  'note',
  ...SCOPE_KEYS,
  ...FIT_KEYS,
]);
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const MAX_TEMPLATE_BYTES = 256 * 1024;
const MAX_ITEMS = 1000;

interface SectionFrame {
  level: number;
  title: string;
  phase?: Phase;
  optional?: boolean;
  /** `needs=…` on the heading: every item under it needs these app traits (item-fit.ts). */
  needs?: AppTrait[];
}

/**
 * Parses a Markdown checklist template into a typed checklist.
 * Collects every problem (unknown check, bad parameter, duplicate id…) and throws them together.
 */
export function parseTemplate(source: string, file: string, checks: CheckSchemas): Checklist {
  const problems: Problem[] = [];
  const lines: TemplateLine[] = [];
  const items: ChecklistItem[] = [];
  const explicitIds = new Map<string, number>();
  const derivedCount = new Map<string, number>();
  const stack: SectionFrame[] = [];
  let title = '';
  let inFence = false;
  let tooMany = false;

  // Checked before any parsing; length first so a huge string is never encoded.
  if (source.length > MAX_TEMPLATE_BYTES || new TextEncoder().encode(source).length > MAX_TEMPLATE_BYTES) {
    throw new InvalidInputError([
      { file, line: 1, message: `template is larger than ${MAX_TEMPLATE_BYTES} bytes` },
    ]);
  }
  const rows = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  rows.forEach((raw, index) => {
    const lineNo = index + 1;
    const problem = (message: string) => problems.push({ file, line: lineNo, message });
    if (FENCE.test(raw)) inFence = !inFence;
    const bad = badCharacter(raw);
    if (bad) {
      problem(bad);
      return;
    }
    if (inFence || FENCE.test(raw)) {
      lines.push({ type: 'text', text: raw, line: lineNo });
      return;
    }
    let directive: ReturnType<typeof splitDirective>;
    try {
      directive = splitDirective(raw);
    } catch (error) {
      problem(`bad shipgate directive: ${(error as Error).message}`);
      lines.push({ type: 'text', text: raw, line: lineNo });
      return;
    }
    const text = directive?.rest ?? raw;
    const values = directive?.values ?? {};

    const heading = HEADING.exec(text);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const headingTitle = (heading[2] ?? '').trim();
      if (level === 1 && !title) title = headingTitle;
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
      const frame: SectionFrame = { level, title: headingTitle };
      for (const key of Object.keys(values)) {
        if (key === 'phase') frame.phase = readPhase(values.phase, problem);
        else if (key === 'optional') frame.optional = values.optional === true;
        else if (key === 'needs') frame.needs = readNeeds(values, problem);
        else problem(`heading directives take only "phase", "optional" and "needs", not "${key}"`);
      }
      stack.push(frame);
      lines.push({ type: 'text', text, line: lineNo });
      return;
    }

    const itemMatch = ITEM.exec(text);
    if (!itemMatch) {
      if (directive) problem('a shipgate directive must be on a heading or a checkbox item line');
      lines.push({ type: 'text', text, line: lineNo });
      return;
    }
    if (items.length >= MAX_ITEMS) {
      // Reported once: a flood of items must not become a flood of problems.
      if (!tooMany) problem(`more than ${MAX_ITEMS} checkbox items`);
      tooMany = true;
      return;
    }
    const prefix = itemMatch[1] ?? '- ';
    const itemText = (itemMatch[2] ?? '').trim();
    const section = stack.map((frame) => frame.title);
    const item = buildItem({ values, itemText, section, stack, lineNo, checks, problem });
    if (typeof values.id === 'string') {
      const seen = explicitIds.get(item.id);
      if (seen !== undefined) problem(`duplicate item id "${item.id}" (first used on line ${seen})`);
      explicitIds.set(item.id, lineNo);
    } else {
      const count = (derivedCount.get(item.id) ?? 0) + 1;
      derivedCount.set(item.id, count);
      if (count > 1) item.id = `${item.id}-${count}`;
    }
    items.push(item);
    lines.push({ type: 'item', itemId: item.id, prefix, line: lineNo });
  });

  for (const item of items) {
    if (explicitIds.has(item.id) && derivedCount.has(item.id)) {
      problems.push({
        file,
        line: item.line,
        message: `item id "${item.id}" collides with another item's id`,
      });
    }
  }
  if (inFence) problems.push({ file, line: rows.length, message: 'code block is never closed' });
  if (items.length === 0) problems.push({ file, line: 1, message: 'template has no checkbox items' });
  if (problems.length > 0) throw new InvalidInputError(problems);
  return { file, title, lines, items };
}

interface ItemInput {
  values: CheckParams;
  itemText: string;
  section: string[];
  stack: SectionFrame[];
  lineNo: number;
  checks: CheckSchemas;
  problem: (message: string) => void;
}

function buildItem({ values, itemText, section, stack, lineNo, checks, problem }: ItemInput): ChecklistItem {
  const inherited = [...stack].reverse();
  const phase =
    values.phase !== undefined
      ? readPhase(values.phase, problem)
      : (inherited.find((frame) => frame.phase)?.phase ?? 'pre-merge');
  const optional =
    values.optional === true ||
    // `dryRun=true`: judged and shown, never gating (Argo's dryRun)
    values.dryRun === true ||
    (values.required !== true && inherited.find((frame) => frame.optional !== undefined)?.optional === true);
  const params: CheckParams = {};
  for (const [key, value] of Object.entries(values)) if (!RESERVED.has(key)) params[key] = value;

  let id = deriveId(section, itemText);
  if (values.id !== undefined) {
    if (typeof values.id !== 'string' || !ID_PATTERN.test(values.id)) {
      problem(`item id must match ${ID_PATTERN} (got "${String(values.id)}")`);
    } else id = values.id;
  }
  const item: ChecklistItem = {
    id,
    text: itemText,
    kind: 'manual',
    params: {},
    phase,
    optional,
    section,
    line: lineNo,
  };
  if (!itemText) problem('checkbox item has no text');
  if (values.note !== undefined) {
    if (values.note !== 'required') problem(`note takes only "required" (got "${String(values.note)}")`);
    else item.noteRequired = true;
  }
  Object.assign(item, readItemScope(values, problem));
  Object.assign(
    item,
    readItemFit(
      values,
      stack.flatMap((frame) => frame.needs ?? []),
      problem,
    ),
  );

  if (values.check !== undefined && values.role !== undefined)
    problem('an item is either a check or a sign-off, not both');
  if (values.check !== undefined) {
    const name = String(values.check);
    const schema = checks.get(name);
    item.kind = 'auto';
    item.check = name;
    item.params = params;
    if (!schema) problem(`unknown check "${name}"; known checks: ${[...checks.keys()].join(', ')}`);
    else {
      const parsed = schema.safeParse(params);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const key = issue.path.join('.') || '(parameters)';
          problem(`check "${name}": parameter ${key}: ${issue.message}`);
        }
      }
    }
  } else if (values.role !== undefined) {
    if (typeof values.role !== 'string' || !/^[a-z0-9-]+$/.test(values.role)) {
      problem(`role must be a kebab-case name (got "${String(values.role)}")`);
    }
    item.kind = 'signoff';
    item.role = String(values.role);
  }
  if (item.kind !== 'auto') {
    const stray = Object.keys(params);
    if (stray.length > 0)
      problem(
        `unknown directive key(s) ${stray.map((key) => `"${key}"`).join(', ')} (parameters need check=…)`,
      );
  }
  return item;
}

function readPhase(value: CheckParams[string] | undefined, problem: (message: string) => void): Phase {
  if (value === 'pre-merge' || value === 'post-deploy') return value;
  problem(`phase must be "pre-merge" or "post-deploy" (got "${String(value)}")`);
  return 'pre-merge';
}

/** Why a line cannot be part of a template (control character, undecodable bytes), if it cannot. */
function badCharacter(line: string): string | undefined {
  // a line has no line break left; tab is the one control character Markdown uses
  const control = findControlCharacter(line, '\t');
  if (control) {
    return `line contains control character ${codePointLabel(control.char)}; templates must be plain UTF-8 text`;
  }
  // Readers decode invalid UTF-8 to U+FFFD; a template with it was not saved as UTF-8.
  if (line.includes('\uFFFD')) return 'line is not valid UTF-8 (contains U+FFFD)';
  return undefined;
}

/** `['🔐 Pre-Deployment Security', 'Credentials & Secrets'] + 'JWT secrets generated'` → `credentials-secrets.jwt-secrets-generated`. */
export function deriveId(section: string[], text: string): string {
  const last = section.at(-1) ?? 'checklist';
  return `${slug(last, 24) || 'section'}.${slug(text, 40) || 'item'}`;
}

function slug(value: string, max: number): string {
  const cleaned = value
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned.slice(0, max).replace(/-+$/, '');
}
