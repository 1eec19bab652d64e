/**
 * The built-in secret scanner: keyword prefilter, then each rule's regex, then the filters that
 * make a match a finding (placeholders, env references, lockfile hashes, inline pragmas).
 */
import { isPlaceholder, isReference } from './placeholders.js';
import { redactWithin } from './redact.js';
import { entropyOk, SECRET_RULES, type SecretRule, secretOf } from './secret-rules.js';

export interface SecretHit {
  ruleId: string;
  /** 1-based line of the match's start within the scanned text. */
  line: number;
  /** The match with its secret part redacted: safe to print. */
  display: string;
  /** The raw secret, for de-duplication only. Never print or store it. */
  secret: string;
}

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

function scanRule(rule: SecretRule, text: string, path: string, lines: LineIndex): SecretHit[] {
  const hits: SecretHit[] = [];
  const pattern = new RegExp(rule.pattern.source, rule.pattern.flags);
  for (let m = pattern.exec(text); m !== null && hits.length < MAX_MATCHES_PER_RULE; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    const secret = secretOf(m);
    if ((!rule.binaryBody && isPlaceholder(secret)) || isReference(secret) || !entropyOk(rule, secret))
      continue;
    if (rule.verify && !rule.verify({ secret, match: m, path })) continue;
    const secretStart = m.index + Math.max(0, m[0].indexOf(secret));
    if (INTEGRITY_PREFIX_RE.test(enclosingToken(text, secretStart))) continue;
    if (isSuppressed(lines, m.index, m.index + m[0].length)) continue;
    hits.push({
      ruleId: rule.id,
      line: lines.lineOf(secretStart),
      display: redactWithin(m[0], secret, rule.visible),
      secret,
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

/**
 * The rules' keywords that occur in `text`, found in one case-insensitive pass: one combined regex
 * beats an `includes` scan per keyword once there are dozens. Matches may overlap (the search
 * resumes one character after each match start) and a match implies the keywords it contains.
 */
function keywordsIn(text: string, rules: readonly SecretRule[]): Set<string> {
  const found = new Set<string>();
  const index = keywordIndexOf(rules);
  if (!index) return found;
  const pattern = new RegExp(index.pattern.source, index.pattern.flags);
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    for (const keyword of index.implied.get(m[0].toLowerCase()) ?? []) found.add(keyword);
    pattern.lastIndex = m.index + 1;
  }
  return found;
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
  const present = keywordsIn(text, rules);
  const lines = new LineIndex(text);
  const lockfile = LOCKFILE_RE.test(path);
  const specific: SecretHit[] = [];
  const generic: SecretHit[] = [];
  for (const rule of rules) {
    if (rule.generic && lockfile) continue;
    if (!rule.keywords.some((keyword) => present.has(keyword))) continue;
    (rule.generic ? generic : specific).push(...scanRule(rule, text, path, lines));
  }
  // A generic hit on a line that a specific rule already explains adds nothing.
  const explained = (hit: SecretHit) =>
    specific.some(
      (s) => s.line === hit.line && (s.secret.includes(hit.secret) || hit.secret.includes(s.secret)),
    );
  return [...specific, ...generic.filter((hit) => !explained(hit))].sort((a, b) => a.line - b.line);
}
