/**
 * The built-in secret scanner: keyword prefilter, then each rule's regex, then the filters that
 * make a match a finding (placeholders, env references, lockfile hashes, inline pragmas).
 */
import { isPlaceholder, isReference, wordiness } from './placeholders.js';
import { redactWithin } from './redact.js';
import { entropyOk, SECRET_RULES, type SecretRule, secretOf } from './rules.js';

export interface SecretHit {
  ruleId: string;
  /** 1-based line of the match's start within the scanned text. */
  line: number;
  /** The match with its secret part redacted: safe to print. */
  display: string;
  /** The raw secret, for de-duplication and allow-lists only. Never print or store it. */
  secret: string;
  /** The raw match and its line, for `.gitleaks.toml` regexes (`regexTarget`). Never print them. */
  match: string;
  lineText: string;
}

/** Share of dictionary-like words above which a token without a valid checksum is a hand-made fake. */
const MAX_WORDINESS = 0.6;

/** Inline pragmas that silence a finding on their line (`gitleaks:allow` for compatibility). */
const ALLOW_PRAGMA_RE = /\b(?:shipgate|gitleaks):allow\b/;
/** A file (or added chunk) carrying this pragma is a test fixture: none of its matches count. */
export const FIXTURE_PRAGMA = 'shipgate:fixture';
const MAX_MATCHES_PER_RULE = 500;
const LOCKFILE_RE =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|go\.sum)$/;
const INTEGRITY_PREFIX_RE = /^(?:sha1|sha256|sha384|sha512)-/;

/** Maps string offsets to 1-based line numbers (computed once, only when a file has matches). */
class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1))
        this.starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Text of the line containing `offset`. */
  lineText(offset: number): string {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    const end = this.text.indexOf('\n', offset);
    return this.text.slice(start, end === -1 ? undefined : end);
  }
}

/** The whitespace/quote-delimited token around a match: `sha512-…` there means a lockfile hash. */
function enclosingToken(text: string, start: number): string {
  let i = start;
  while (i > 0 && !/[\s"'`,=]/.test(text[i - 1] ?? ' ')) i--;
  return text.slice(i, i + 8);
}

function isSuppressed(lines: LineIndex, start: number, end: number): boolean {
  return (
    ALLOW_PRAGMA_RE.test(lines.lineText(start)) ||
    ALLOW_PRAGMA_RE.test(lines.lineText(Math.max(start, end - 1)))
  );
}

/** Custom rules name their group (gitleaks: else the first group, else the whole match). */
function secretOfRule(rule: SecretRule, m: RegExpExecArray): string {
  if (rule.family !== 'custom') return secretOf(m);
  return (rule.secretGroup !== undefined ? m[rule.secretGroup] : m[1]) ?? m[0];
}

/** The filters a candidate must pass; a valid format checksum vouches for the token by itself. */
function isFinding(
  rule: SecretRule,
  secret: string,
  m: RegExpExecArray,
  path: string,
  text: string,
): boolean {
  if (isReference(secret)) return false;
  if (!rule.checksum?.(secret)) {
    const body = rule.bodyOf ? rule.bodyOf(secret) : secret.slice(rule.visible);
    if (!rule.binaryBody && isPlaceholder(body)) return false;
    // structured tokens (Slack ids) are judged by their random part
    if (!entropyOk(rule, rule.bodyOf ? body : secret)) return false;
    if (rule.checksum && wordiness(body) > MAX_WORDINESS) return false;
    if (rule.bodyOf && wordiness(body) > MAX_WORDINESS) return false;
  }
  return !rule.verify || rule.verify({ secret, match: m, path, text });
}

/** The rule's matches: a global scan, or sticky attempts at each anchor offset. */
function* matchesOf(
  rule: SecretRule,
  text: string,
  anchorsAt: (words: readonly string[]) => number[],
): Generator<RegExpExecArray> {
  if (!rule.anchors) {
    const pattern = new RegExp(rule.pattern.source, rule.pattern.flags);
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) pattern.lastIndex++;
      yield m;
    }
    return;
  }
  const sticky = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}y`);
  let end = 0;
  for (const offset of anchorsAt(rule.anchors)) {
    if (offset < end) continue;
    sticky.lastIndex = offset;
    const m = sticky.exec(text);
    if (!m) continue;
    end = offset + Math.max(1, m[0].length);
    yield m;
  }
}

function scanRule(
  rule: SecretRule,
  text: string,
  path: string,
  lines: LineIndex,
  anchorsAt: (words: readonly string[]) => number[],
): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const m of matchesOf(rule, text, anchorsAt)) {
    if (hits.length >= MAX_MATCHES_PER_RULE) break;
    const secret = secretOfRule(rule, m);
    if (!isFinding(rule, secret, m, path, text)) continue;
    const secretStart = m.index + Math.max(0, m[0].indexOf(secret));
    if (INTEGRITY_PREFIX_RE.test(enclosingToken(text, secretStart))) continue;
    if (isSuppressed(lines, m.index, m.index + m[0].length)) continue;
    hits.push({
      ruleId: rule.id,
      line: lines.lineOf(secretStart),
      display: redactWithin(m[0], secret, rule.visible),
      secret,
      match: m[0],
      lineText: lines.lineText(secretStart),
    });
  }
  return hits;
}

interface KeywordIndex {
  pattern: RegExp;
  /** For each keyword, the keywords it contains (itself included): `secret_access_key` → `secret`, … */
  implied: Map<string, string[]>;
}

const keywordIndexes = new WeakMap<readonly SecretRule[], KeywordIndex>();

function keywordIndexOf(rules: readonly SecretRule[]): KeywordIndex | undefined {
  const cached = keywordIndexes.get(rules);
  if (cached) return cached;
  const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))].sort((a, b) => b.length - a.length);
  if (keywords.length === 0) return undefined;
  const escaped = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const index: KeywordIndex = {
    pattern: new RegExp(escaped.join('|'), 'gi'),
    implied: new Map(keywords.map((k) => [k, keywords.filter((other) => k.includes(other))])),
  };
  keywordIndexes.set(rules, index);
  return index;
}

/** Keyword occurrences: which keywords the text contains, and where each starts. */
interface KeywordHits {
  present: Set<string>;
  offsets: Map<string, number[]>;
}

/**
 * The rules' keywords that occur in `lower` (the text lowercased), found in one case-sensitive pass:
 * one combined regex beats an `includes` scan per keyword once there are dozens, and a lowercased
 * copy lets the regex engine skip ahead where a case-insensitive alternation cannot. Matches may
 * overlap (the search resumes one character after each match start) and a match implies the
 * keywords it contains, at their own offsets.
 */
function keywordsIn(lower: string, rules: readonly SecretRule[]): KeywordHits {
  const hits: KeywordHits = { present: new Set(), offsets: new Map() };
  const index = keywordIndexOf(rules);
  if (!index) return hits;
  const pattern = new RegExp(index.pattern.source, 'g');
  for (let m = pattern.exec(lower); m !== null; m = pattern.exec(lower)) {
    for (const keyword of index.implied.get(m[0]) ?? []) {
      hits.present.add(keyword);
      const at = m.index + m[0].indexOf(keyword);
      const list = hits.offsets.get(keyword);
      if (list) list.push(at);
      else hits.offsets.set(keyword, [at]);
    }
    pattern.lastIndex = m.index + 1;
  }
  return hits;
}

/**
 * Scans one text (a file, or the added lines of one file in one commit) with the rules.
 * `path` is used for file-type decisions (lockfiles, config files), never read.
 */
export function scanText(
  text: string,
  path: string,
  rules: readonly SecretRule[] = SECRET_RULES,
): SecretHit[] {
  if (text.includes(FIXTURE_PRAGMA)) return [];
  // toLowerCase keeps offsets except for a few non-ASCII letters (`İ`): blank those out instead
  const lowered = text.toLowerCase();
  const aligned = lowered.length === text.length;
  const { present, offsets } = keywordsIn(
    aligned ? lowered : text.replace(/[\u0080-\uffff]/g, ' ').toLowerCase(),
    rules,
  );
  const lines = new LineIndex(text);
  const lockfile = LOCKFILE_RE.test(path);
  const specific: SecretHit[] = [];
  const generic: SecretHit[] = [];
  const anchorsAt = (words: readonly string[]) =>
    words.flatMap((word) => offsets.get(word) ?? []).sort((a, b) => a - b);
  for (const rule of rules) {
    if (rule.generic && lockfile) continue;
    if (!rule.keywords.some((keyword) => present.has(keyword))) continue;
    if (rule.requires !== undefined && !text.includes(rule.requires)) continue;
    (rule.generic ? generic : specific).push(...scanRule(rule, text, path, lines, anchorsAt));
  }
  // A generic hit on a line that a specific rule already explains adds nothing.
  const explained = (hit: SecretHit) =>
    specific.some(
      (s) => s.line === hit.line && (s.secret.includes(hit.secret) || hit.secret.includes(s.secret)),
    );
  return [...specific, ...generic.filter((hit) => !explained(hit))].sort((a, b) => a.line - b.line);
}
