/**
 * The built-in secret scanner: keyword prefilter, then each rule's regex, then the filters that
 * make a match a finding (placeholders, env references, lockfile hashes, inline pragmas).
 */

import { type KeywordOffsets, KeywordScanner } from './keywords.js';
import { handWrittenShare, isDegenerate, isPlaceholder, isReference } from './placeholders.js';
import { redactWithin } from './redact.js';
import { entropyOk, SECRET_RULES, type SecretRule } from './rules.js';

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
  /**
   * What the token's format checksum says, for rules whose format has one (GitHub and npm CRC32,
   * age Bech32): the token is reported either way, the report says which.
   */
  checksum?: 'valid' | 'invalid';
}

/** The words a report uses for `SecretHit.checksum`. */
export const CHECKSUM_NOTE = {
  valid: 'checksum valid: likely live',
  invalid: 'checksum invalid: likely a test value',
} as const;

/** `display`, plus the checksum note when the format has one: the text a finding shows. */
export function describeHit(hit: Pick<SecretHit, 'display' | 'checksum'>): string {
  return hit.checksum ? `${hit.display}; ${CHECKSUM_NOTE[hit.checksum]}` : hit.display;
}

/** Share of dictionary-like words above which a structured token's random part is a hand-made fake. */
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

/**
 * The filters a candidate must pass. A valid format checksum vouches for the token by itself; an
 * invalid one does not drop a token of the documented shape (gitleaks flags it too): only
 * placeholders and low-entropy fakes are dropped, and the report says what the checksum says.
 */
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
    if (!rule.binaryBody && (rule.exactShape ? isDegenerate(body) : isPlaceholder(body))) return false;
    // structured tokens (Slack ids) are judged by their random part
    if (!entropyOk(rule, rule.bodyOf ? body : secret)) return false;
    // `ghp_PersonalAccessTokenGoesHere…`, `my_bot_token`: written by a person, whatever the checksum
    if ((rule.bodyOf || rule.checksum) && handWrittenShare(body) > MAX_WORDINESS) return false;
  }
  return !rule.verify || rule.verify({ secret, match: m, path, text });
}

/** A rule ready to run: keyword ids, its regex compiled once (reused: scans are synchronous). */
interface CompiledRule {
  rule: SecretRule;
  keywordIds: readonly number[];
  /** Sticky attempts at these keywords' offsets instead of a global scan (`SecretRule.anchors`). */
  anchorIds: readonly number[] | undefined;
  pattern: RegExp;
  /** Named groups ending in `secret`, in pattern order (read from the first match). */
  secretGroups: string[] | undefined;
}

interface CompiledRules {
  scanner: KeywordScanner;
  rules: CompiledRule[];
  /** Keyword id of FIXTURE_PRAGMA, found by the same pass (then checked case-sensitively). */
  fixtureId: number;
}

const compiledRules = new WeakMap<readonly SecretRule[], CompiledRules>();

function compile(rules: readonly SecretRule[]): CompiledRules {
  const cached = compiledRules.get(rules);
  if (cached) return cached;
  const keywords = [...new Set([...rules.flatMap((rule) => rule.keywords), FIXTURE_PRAGMA.toLowerCase()])];
  const idOf = new Map(keywords.map((keyword, id) => [keyword, id]));
  const ids = (words: readonly string[]) => words.map((word) => idOf.get(word) ?? -1);
  const compiled: CompiledRules = {
    scanner: new KeywordScanner(keywords),
    rules: rules.map((rule) => ({
      rule,
      keywordIds: ids(rule.keywords),
      anchorIds: rule.anchors ? ids(rule.anchors) : undefined,
      pattern: rule.anchors
        ? new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}y`)
        : new RegExp(rule.pattern.source, rule.pattern.flags),
      secretGroups: undefined,
    })),
    fixtureId: idOf.get(FIXTURE_PRAGMA.toLowerCase()) ?? -1,
  };
  compiledRules.set(rules, compiled);
  return compiled;
}

/** The secret part of a match: the first named group ending in `secret` that matched, else all of it. */
function secretOfMatch(compiled: CompiledRule, m: RegExpExecArray): string {
  const { rule } = compiled;
  if (rule.family === 'custom') return (rule.secretGroup !== undefined ? m[rule.secretGroup] : m[1]) ?? m[0];
  const groups = m.groups;
  if (!groups) return m[0];
  compiled.secretGroups ??= Object.keys(groups).filter((name) => name.endsWith('secret'));
  for (const name of compiled.secretGroups) {
    const value = groups[name];
    if (value !== undefined) return value;
  }
  return m[0];
}

/** Reused between scans (they are synchronous and forEachMatch does not nest). */
let anchorScratch = new Int32Array(1024);

/**
 * Calls `visit` with the rule's matches (a global scan, or sticky attempts at each anchor offset)
 * until it returns false.
 */
function forEachMatch(
  compiled: CompiledRule,
  text: string,
  offsets: KeywordOffsets,
  visit: (m: RegExpExecArray) => boolean,
): void {
  const { pattern, anchorIds } = compiled;
  pattern.lastIndex = 0;
  if (!anchorIds) {
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) pattern.lastIndex++;
      if (!visit(m)) return;
    }
    return;
  }
  let count = 0;
  for (const id of anchorIds) count += offsets[id]?.length ?? 0;
  if (anchorScratch.length < count) anchorScratch = new Int32Array(Math.max(count, 2 * anchorScratch.length));
  const anchors = anchorScratch.subarray(0, count);
  count = 0;
  for (const id of anchorIds) for (const at of offsets[id] ?? []) anchors[count++] = at;
  anchors.sort(); // numeric for a typed array, without a comparator call per pair
  let end = 0;
  for (let i = 0; i < anchors.length; i++) {
    const offset = anchors[i] ?? 0;
    // `pass` where `password` starts: a sticky attempt at the same offset gives the same answer
    if (offset < end || (i > 0 && offset === anchors[i - 1])) continue;
    pattern.lastIndex = offset;
    const m = pattern.exec(text);
    if (!m) continue;
    end = offset + Math.max(1, m[0].length);
    if (!visit(m)) return;
  }
}

function scanRule(
  compiled: CompiledRule,
  text: string,
  path: string,
  lines: LineIndex,
  offsets: KeywordOffsets,
): SecretHit[] {
  const { rule } = compiled;
  const hits: SecretHit[] = [];
  forEachMatch(compiled, text, offsets, (m) => {
    if (hits.length >= MAX_MATCHES_PER_RULE) return false;
    const secret = secretOfMatch(compiled, m);
    if (!isFinding(rule, secret, m, path, text)) return true;
    const secretStart = m.index + Math.max(0, m[0].indexOf(secret));
    if (INTEGRITY_PREFIX_RE.test(enclosingToken(text, secretStart))) return true;
    if (isSuppressed(lines, m.index, m.index + m[0].length)) return true;
    hits.push({
      ruleId: rule.id,
      line: lines.lineOf(secretStart),
      display: redactWithin(m[0], secret, rule.visible),
      secret,
      match: m[0],
      lineText: lines.lineText(secretStart),
      ...(rule.checksum
        ? { checksum: rule.checksum(secret) ? ('valid' as const) : ('invalid' as const) }
        : {}),
    });
    return true;
  });
  return hits;
}

/** Non-ASCII text lowercased with its offsets kept: a few letters (`İ`) grow, so then blank all non-ASCII. */
function lowercasedAligned(text: string): string {
  const lowered = text.toLowerCase();
  return lowered.length === text.length ? lowered : text.replace(/[\u0080-\uffff]/g, ' ').toLowerCase();
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
  const { scanner, rules: compiled, fixtureId } = compile(rules);
  const offsets = scanner.scanAscii(text) ?? scanner.scanLowercased(lowercasedAligned(text));
  if (offsets[fixtureId]?.some((at) => text.startsWith(FIXTURE_PRAGMA, at))) return [];
  const lines = new LineIndex(text);
  const lockfile = LOCKFILE_RE.test(path);
  const specific: SecretHit[] = [];
  const generic: SecretHit[] = [];
  for (const entry of compiled) {
    const { rule } = entry;
    if (rule.generic && lockfile) continue;
    if (!entry.keywordIds.some((id) => offsets[id] !== undefined)) continue;
    if (rule.requires !== undefined && !text.includes(rule.requires)) continue;
    (rule.generic ? generic : specific).push(...scanRule(entry, text, path, lines, offsets));
  }
  // A generic hit on a line that a specific rule already explains adds nothing.
  const explained = (hit: SecretHit) =>
    specific.some(
      (s) => s.line === hit.line && (s.secret.includes(hit.secret) || hit.secret.includes(s.secret)),
    );
  return [...specific, ...generic.filter((hit) => !explained(hit))].sort((a, b) => a.line - b.line);
}
