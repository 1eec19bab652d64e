/**
 * Allow-list for secret findings, read from `.shipgate-allowlist` and `.gitleaksignore` in the
 * checked directory. Format: one entry per line; blank lines and lines starting with `#` are ignored.
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

export const ALLOWLIST_FILES = ['.shipgate-allowlist', '.gitleaksignore'] as const;

interface FingerprintEntry {
  commit?: string;
  file: string;
  ruleId: string;
  line: number;
}

export interface AllowCandidate {
  file: string;
  ruleId: string;
  line: number;
  commit?: string;
}

const FINGERPRINT_RE = /^(?:([0-9a-f]{7,40}):)?(.+):([a-z0-9][a-z0-9-]*):(\d+)$/;

export class SecretAllowlist {
  constructor(
    private readonly fingerprints: readonly FingerprintEntry[],
    private readonly globs: readonly ((file: string) => boolean)[],
  ) {}

  static parse(text: string): SecretAllowlist {
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
    return new SecretAllowlist(fingerprints, globs);
  }

  /** Reads every allow-list file present in `dir` (missing files are simply empty). */
  static async load(dir: string): Promise<SecretAllowlist> {
    const texts = await Promise.all(
      ALLOWLIST_FILES.map((name) => readFile(path.join(dir, name), 'utf8').catch(() => '')),
    );
    return SecretAllowlist.parse(texts.join('\n'));
  }

  get size(): number {
    return this.fingerprints.length + this.globs.length;
  }

  /** True when a path glob covers `file` (the file need not be scanned at all). */
  allowsPath(file: string): boolean {
    return this.globs.some((matches) => matches(file));
  }

  allows(candidate: AllowCandidate): boolean {
    if (this.allowsPath(candidate.file)) return true;
    return this.fingerprints.some(
      (f) =>
        f.file === candidate.file &&
        f.ruleId === candidate.ruleId &&
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
