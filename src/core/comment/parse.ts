import type { Checklist } from '../template/model.js';
import { escapeItemText, NOTES_END, NOTES_START } from './render.js';
import { type DecodedBlock, decodeStateBlock } from './state-block.js';

// `[\s\S]*`, not `.*`: a U+2028 in a long line must not make the match backtrack quadratically.
const ITEM_LINE = /^\s*(?:[-*+]|\d+\.)\s+\[([ xX])\]\s+([\s\S]*)$/;
const ID_MARKER = /<!--\s*sg:([a-z0-9][a-z0-9._-]*)\s*-->/;

/** The head commit a checklist body was rendered for (`<!-- shipgate:head <sha> -->`), if it says. */
export function renderedForHead(body: string): string | undefined {
  return /<!-- shipgate:head ([0-9a-f]{7,64}) -->/i.exec(body)?.[1];
}

/** The item id a rendered checklist line carries (`<!-- sg:<id> -->`), if any. */
export function itemIdOfLine(line: string): string | undefined {
  return ID_MARKER.exec(line)?.[1];
}

export interface ParsedItem {
  id: string;
  checked: boolean;
  /** The line without its checkbox, whitespace-normalised: to tell a toggle from a stale overwrite. */
  rest: string;
}

export interface ParsedComment {
  items: Map<string, ParsedItem>;
  /** Text in the notes area, with any shipgate markers neutralised. */
  notes?: string;
  block: DecodedBlock;
}

/**
 * Reads checked state per item id from a comment body as GitHub returns it after people edited it:
 * `[x]`/`[X]`, CRLF, moved lines, edited item text (matched by the hidden id marker, then by text),
 * a removed state block.
 */
export function parseChecklistComment(body: string, checklist: Checklist): ParsedComment {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const known = new Set(checklist.items.map((item) => item.id));
  const byText = new Map<string, string[]>();
  for (const item of checklist.items) {
    // Keyed by the text as rendered (escaped), which is what a line without its marker shows.
    const key = textKey(escapeItemText(item.text));
    byText.set(key, [...(byText.get(key) ?? []), item.id]);
  }
  const items = new Map<string, ParsedItem>();
  const unmatched: { checked: boolean; rest: string; text: string }[] = [];
  for (const line of lines) {
    const match = ITEM_LINE.exec(line);
    if (!match) continue;
    const checked = match[1] !== ' ';
    const rest = normalise(match[2] ?? '');
    const marker = ID_MARKER.exec(rest)?.[1];
    if (marker && known.has(marker)) {
      if (!items.has(marker)) items.set(marker, { id: marker, checked, rest });
    } else unmatched.push({ checked, rest, text: stripHtmlComments(rest) });
  }
  // Lines whose marker was removed: match by text (annotation after " — " ignored), in order.
  for (const line of unmatched) {
    const candidates =
      byText.get(textKey(line.text)) ?? byText.get(textKey(line.text.split(' — ')[0] ?? '')) ?? [];
    const id = candidates.find((candidate) => !items.has(candidate));
    if (id) items.set(id, { id, checked: line.checked, rest: line.rest });
  }
  return { items, notes: extractNotes(lines), block: decodeStateBlock(body) };
}

export interface ItemChange {
  id: string;
  before: boolean;
  after: boolean;
  /**
   * True when only the checkbox changed on that line. False when the whole line came back from an
   * older version of the comment (someone saved a stale copy over a newer one).
   */
  deliberate: boolean;
  /** The line (without checkbox) before the change, to compare with what the bot rendered. */
  fromRest: string;
}

/** The item changes between two bodies of the checklist comment. */
export function diffChecklistBodies(
  before: string | ParsedComment,
  after: string | ParsedComment,
  checklist: Checklist,
): ItemChange[] {
  // a body already parsed (the session's comment) is not parsed again
  const from = (typeof before === 'string' ? parseChecklistComment(before, checklist) : before).items;
  const to = (typeof after === 'string' ? parseChecklistComment(after, checklist) : after).items;
  const changes: ItemChange[] = [];
  for (const item of checklist.items) {
    const a = from.get(item.id);
    const b = to.get(item.id);
    if (!a || !b || a.checked === b.checked) continue;
    changes.push({
      id: item.id,
      before: a.checked,
      after: b.checked,
      deliberate: a.rest === b.rest,
      fromRest: a.rest,
    });
  }
  return changes;
}

/** The line of an item as rendered, without prefix and checkbox, normalised like parsed lines. */
export function restOfRenderedLine(renderedLine: string): string {
  return normalise(ITEM_LINE.exec(renderedLine)?.[2] ?? '');
}

function extractNotes(lines: string[]): string | undefined {
  const start = lines.indexOf(NOTES_START);
  const end = lines.indexOf(NOTES_END);
  if (start < 0 || end <= start) return undefined;
  return lines
    .slice(start + 1, end)
    .join('\n')
    .replace(/<!--\s*\/?shipgate:/g, '&lt;!-- shipgate:')
    .replace(/<!--(?=\s*sg:)/g, '&lt;!--')
    .trim();
}

/** Removes `<!-- … -->` comments in one pass (a `<!--.*?-->` regex is quadratic on many unclosed `<!--`). */
function stripHtmlComments(text: string): string {
  let out = '';
  let index = 0;
  for (;;) {
    const open = text.indexOf('<!--', index);
    if (open < 0) return out + text.slice(index);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out + text.slice(index);
    out += text.slice(index, open);
    index = close + 3;
  }
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function textKey(text: string): string {
  return normalise(text).toLowerCase();
}
