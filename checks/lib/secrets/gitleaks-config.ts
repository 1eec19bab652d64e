/**
 * `.gitleaks.toml` read by the built-in engine, so a team replacing gitleaks keeps its allow-lists:
 * global `[allowlist]` and `[[allowlists]]` (paths, regexes with `regexTarget`, stopwords, commits,
 * `condition`, `targetRules`), per-rule `[rules.allowlist]`/`[[rules.allowlists]]`, and custom
 * `[[rules]]` (id, regex, keywords, secretGroup, entropy). https://github.com/gitleaks/gitleaks#configuration
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SecretRule } from './rule.js';
import { parseToml, TomlError } from './toml.js';

export const GITLEAKS_CONFIG_FILE = '.gitleaks.toml';

const AllowlistSchema = z.object({
  description: z.string().optional(),
  condition: z.enum(['OR', 'AND', 'or', 'and']).default('OR'),
  commits: z.array(z.string()).default([]),
  paths: z.array(z.string()).default([]),
  regexTarget: z.enum(['secret', 'match', 'line']).default('secret'),
  regexes: z.array(z.string()).default([]),
  stopwords: z.array(z.string()).default([]),
  targetRules: z.array(z.string()).default([]),
});
const RuleSchema = z.object({
  id: z.string().min(1),
  description: z.string().optional(),
  regex: z.string().optional(),
  path: z.string().optional(),
  keywords: z.array(z.string()).default([]),
  secretGroup: z.number().int().min(0).optional(),
  entropy: z.number().min(0).optional(),
  allowlist: AllowlistSchema.optional(),
  allowlists: z.array(AllowlistSchema).default([]),
});
const ConfigSchema = z.object({
  title: z.string().optional(),
  allowlist: AllowlistSchema.optional(),
  allowlists: z.array(AllowlistSchema).default([]),
  rules: z.array(RuleSchema).default([]),
});

/** What an allow-list judges: a finding's place and (for regexes/stopwords) its raw text, never printed. */
export interface AllowTarget {
  file: string;
  ruleId: string;
  commit?: string;
  secret?: string;
  match?: string;
  lineText?: string;
}

export interface GitleaksAllowlist {
  /** Rule ids it applies to; empty: every rule. */
  ruleIds: readonly string[];
  /** True when only `paths` is set: a matching file need not be read at all. */
  pathOnly: boolean;
  matches(target: AllowTarget): boolean;
}

export interface GitleaksConfig {
  allowlists: readonly GitleaksAllowlist[];
  rules: readonly SecretRule[];
}

export const EMPTY_GITLEAKS_CONFIG: GitleaksConfig = { allowlists: [], rules: [] };

/** Line of the first occurrence of `needle` in `text` (1 when not found), to point at a bad regex. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at === -1 ? 1 : text.slice(0, at).split('\n').length;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  digit: '0-9',
  lower: 'a-z',
  upper: 'A-Z',
  space: '\\s',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  punct: '!-\\/:-@\\[-`{-~',
};

/** Go (RE2) regex → JavaScript. Inline `(?i)` anywhere makes the whole regex case-insensitive. */
export function goRegex(source: string, flags = ''): RegExp {
  let js = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\\z/g, '$')
    .replace(/\\A/g, '^')
    .replace(/\[:(\w+):\]/g, (whole, name: string) => POSIX_CLASSES[name] ?? whole);
  const extra = new Set(flags);
  js = js.replace(/\(\?([imsU]+)\)/g, (_, f: string) => {
    for (const flag of f) if (flag !== 'U') extra.add(flag);
    return '';
  });
  js = js.replace(/\(\?([imsU]*)-?([imsU]*):/g, (_, on: string) => {
    for (const flag of on) if (flag !== 'U') extra.add(flag);
    return '(?:';
  });
  return new RegExp(js, [...extra].join(''));
}

function compile(text: string, file: string, source: string, flags = ''): RegExp {
  try {
    return goRegex(source, flags);
  } catch (error) {
    throw new TomlError(file, lineOf(text, source), `invalid regex "${source}": ${(error as Error).message}`);
  }
}

type AllowlistInput = z.infer<typeof AllowlistSchema>;

function buildAllowlist(
  input: AllowlistInput,
  ruleIds: readonly string[],
  text: string,
  file: string,
): GitleaksAllowlist {
  const paths = input.paths.map((p) => compile(text, file, p));
  const regexes = input.regexes.map((r) => compile(text, file, r));
  const stopwords = input.stopwords.map((w) => w.toLowerCase());
  const commits = input.commits;
  const and = input.condition.toUpperCase() === 'AND';
  const criteria: ((t: AllowTarget) => boolean)[] = [];
  if (commits.length > 0)
    criteria.push(
      (t) =>
        t.commit !== undefined &&
        commits.some((c) => c.startsWith(t.commit ?? '') || (t.commit ?? '').startsWith(c)),
    );
  if (paths.length > 0) criteria.push((t) => paths.some((re) => re.test(t.file)));
  if (regexes.length > 0)
    criteria.push((t) => {
      const subject =
        input.regexTarget === 'line' ? t.lineText : input.regexTarget === 'match' ? t.match : t.secret;
      return subject !== undefined && regexes.some((re) => re.test(subject));
    });
  if (stopwords.length > 0)
    criteria.push(
      (t) => t.secret !== undefined && stopwords.some((w) => (t.secret ?? '').toLowerCase().includes(w)),
    );
  return {
    ruleIds: [...ruleIds, ...input.targetRules],
    pathOnly: paths.length > 0 && (criteria.length === 1 || !and),
    matches: (t) => criteria.length > 0 && (and ? criteria.every((c) => c(t)) : criteria.some((c) => c(t))),
  };
}

function buildRule(input: z.infer<typeof RuleSchema>, text: string, file: string): SecretRule | undefined {
  if (!input.regex) return undefined; // path-only rules flag file names; the built-in rules cover key files
  const base = compile(text, file, input.regex);
  const group = input.secretGroup;
  return {
    id: input.id,
    family: 'custom',
    description: input.description ?? `custom rule ${input.id} from ${GITLEAKS_CONFIG_FILE}`,
    keywords: input.keywords.map((k) => k.toLowerCase()),
    pattern: new RegExp(base.source, base.flags.includes('g') ? base.flags : `${base.flags}g`),
    visible: 0,
    minEntropy: input.entropy,
    secretGroup: group,
  };
}

/** Parses a `.gitleaks.toml` text; throws TomlError (file:line) on anything it cannot honour. */
export function parseGitleaksConfig(text: string, file = GITLEAKS_CONFIG_FILE): GitleaksConfig {
  const parsed = ConfigSchema.safeParse(parseToml(text, file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    const key = String(issue?.path[issue.path.length - 1] ?? '');
    throw new TomlError(file, key ? lineOf(text, key) : 1, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  const config = parsed.data;
  const allowlists = [...(config.allowlist ? [config.allowlist] : []), ...config.allowlists].map((a) =>
    buildAllowlist(a, [], text, file),
  );
  for (const rule of config.rules) {
    for (const a of [...(rule.allowlist ? [rule.allowlist] : []), ...rule.allowlists])
      allowlists.push(buildAllowlist(a, [rule.id], text, file));
  }
  const rules = config.rules.flatMap((r) => buildRule(r, text, file) ?? []);
  return { allowlists, rules };
}

/** Reads `dir/.gitleaks.toml` when present. */
export async function loadGitleaksConfig(dir: string): Promise<GitleaksConfig> {
  let text: string;
  try {
    text = await readFile(path.join(dir, GITLEAKS_CONFIG_FILE), 'utf8');
  } catch {
    return EMPTY_GITLEAKS_CONFIG;
  }
  return parseGitleaksConfig(text);
}
