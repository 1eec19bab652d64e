/**
 * Allow-list for secret findings, read from `.shipgate-allowlist`, `.gitleaksignore` and the
 * allow-lists of `.gitleaks.toml` (see gitleaks-config.ts) in the checked directory. Format: one entry per line; blank lines and lines starting with `#` are ignored.
 *
 *   src/config.ts:github-token:12            a working-tree finding's fingerprint (file:rule:line)
 *   3f2a9c1:src/config.ts:github-token:12    a history finding's fingerprint (commit:file:rule:line;
 *                                            the commit may be abbreviated)
 *   docs/**                                   a path glob (picomatch syntax): ignore all findings there
 *
 * Fingerprints are printed with every finding, so allowing one is a copy-paste.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import {
  type AllowTarget,
  EMPTY_GITLEAKS_CONFIG,
  type GitleaksConfig,
  loadGitleaksConfig,
} from './gitleaks-config.js';

export const ALLOWLIST_FILES = ['.shipgate-allowlist', '.gitleaksignore'] as const;

interface FingerprintEntry {
  commit?: string;
  file: string;
  ruleId: string;
  line: number;
}

export interface AllowCandidate extends AllowTarget {
  line: number;
}

/**
 * gitleaks' ids for what our rules find, so `.gitleaksignore` fingerprints and `.gitleaks.toml`
 * rule allow-lists written for gitleaks keep working.
 */
const GITLEAKS_IDS: Readonly<Record<string, readonly string[]>> = {
  'aws-access-key-id': ['aws-access-token'],
  'github-token': ['github-pat', 'github-oauth', 'github-app-token', 'github-refresh-token'],
  'gitlab-token': [
    'gitlab-pat',
    'gitlab-ptt',
    'gitlab-rrt',
    'gitlab-deploy-token',
    'gitlab-cicd-job-token',
    'gitlab-runner-authentication-token',
  ],
  'slack-token': [
    'slack-bot-token',
    'slack-user-token',
    'slack-app-token',
    'slack-legacy-token',
    'slack-config-access-token',
    'slack-config-refresh-token',
    'slack-legacy-workspace-token',
    'slack-legacy-bot-token',
  ],
  'slack-webhook': ['slack-webhook-url'],
  'stripe-secret-key': ['stripe-access-token'],
  'npm-token': ['npm-access-token'],
  'pypi-token': ['pypi-upload-token'],
  'gcp-api-key': ['gcp-api-key'],
  'sendgrid-api-key': ['sendgrid-api-token'],
  'shopify-token': [
    'shopify-access-token',
    'shopify-custom-access-token',
    'shopify-private-app-access-token',
    'shopify-shared-secret',
  ],
  'openai-api-key': ['openai-api-key'],
  'anthropic-api-key': ['anthropic-api-key', 'anthropic-admin-api-key'],
  'huggingface-token': ['huggingface-access-token', 'huggingface-organization-api-token'],
  jwt: ['jwt', 'jwt-base64'],
  'generic-secret-assignment': ['generic-api-key'],
  'private-key': ['private-key'],
};

/** True when `listed` (ours or gitleaks') names rule `ruleId`. */
export function sameRule(listed: string, ruleId: string): boolean {
  return listed === ruleId || (GITLEAKS_IDS[ruleId]?.includes(listed) ?? false);
}

const FINGERPRINT_RE = /^(?:([0-9a-f]{7,40}):)?(.+):([a-z0-9][a-z0-9-]*):(\d+)$/;

export class SecretAllowlist {
  constructor(
    private readonly fingerprints: readonly FingerprintEntry[],
    private readonly globs: readonly ((file: string) => boolean)[],
    private readonly gitleaks: GitleaksConfig = EMPTY_GITLEAKS_CONFIG,
  ) {}

  /** Custom rules from `.gitleaks.toml`, to scan with alongside the built-in ones. */
  get customRules(): GitleaksConfig['rules'] {
    return this.gitleaks.rules;
  }

  static parse(text: string, gitleaks: GitleaksConfig = EMPTY_GITLEAKS_CONFIG): SecretAllowlist {
    const fingerprints: FingerprintEntry[] = [];
    const globs: ((file: string) => boolean)[] = [];
    for (const raw of text.split(/\r?\n/)) {
      const entry = raw.trim();
      if (!entry || entry.startsWith('#')) continue;
      const m = FINGERPRINT_RE.exec(entry);
      if (m) {
        fingerprints.push({ commit: m[1], file: m[2] ?? '', ruleId: m[3] ?? '', line: Number(m[4]) });
      } else {
        globs.push(picomatch(entry.replace(/^\.?\//, ''), { dot: true }));
      }
    }
    return new SecretAllowlist(fingerprints, globs, gitleaks);
  }

  /**
   * Reads every allow-list file present in `dir` (missing files are simply empty). A `.gitleaks.toml`
   * that cannot be read throws (file:line): a broken allow-list must not pass a scan.
   */
  static async load(dir: string): Promise<SecretAllowlist> {
    const [gitleaks, ...texts] = await Promise.all([
      loadGitleaksConfig(dir),
      ...ALLOWLIST_FILES.map((name) => readFile(path.join(dir, name), 'utf8').catch(() => '')),
    ]);
    return SecretAllowlist.parse(texts.join('\n'), gitleaks);
  }

  get size(): number {
    return this.fingerprints.length + this.globs.length + this.gitleaks.allowlists.length;
  }

  /** True when a path glob (or a paths-only `.gitleaks.toml` allow-list for all rules) covers `file`. */
  allowsPath(file: string): boolean {
    return (
      this.globs.some((matches) => matches(file)) ||
      this.gitleaks.allowlists.some(
        (a) => a.pathOnly && a.ruleIds.length === 0 && a.matches({ file, ruleId: '' }),
      )
    );
  }

  /** True when the finding is allow-listed (pass `secret`/`match`/`lineText` for `.gitleaks.toml` regexes). */
  allows(candidate: AllowCandidate): boolean {
    if (this.allowsPath(candidate.file)) return true;
    const applies = (ids: readonly string[]) =>
      ids.length === 0 || ids.some((id) => sameRule(id, candidate.ruleId));
    if (this.gitleaks.allowlists.some((a) => applies(a.ruleIds) && a.matches(candidate))) return true;
    return this.fingerprints.some(
      (f) =>
        f.file === candidate.file &&
        sameRule(f.ruleId, candidate.ruleId) &&
        f.line === candidate.line &&
        (f.commit === undefined
          ? candidate.commit === undefined
          : candidate.commit !== undefined &&
            (candidate.commit.startsWith(f.commit) || f.commit.startsWith(candidate.commit))),
    );
  }
}

/** The fingerprint printed with a finding (gitleaks' layout, so `.gitleaksignore` entries carry over). */
export function fingerprintOf(candidate: AllowCandidate): string {
  const base = `${candidate.file}:${candidate.ruleId}:${candidate.line}`;
  return candidate.commit ? `${candidate.commit}:${base}` : base;
}
