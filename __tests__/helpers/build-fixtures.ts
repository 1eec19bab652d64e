import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckContext } from '../../checks/check.js';
import { testContext } from './check-context.js';

/** A temp "repo" with the given files (paths relative to it, e.g. `dist/index.html`). */
export function makeRepo(files: Record<string, string | Buffer>): string {
  const repoDir = mkdtempSync(join(tmpdir(), 'shipgate-build-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(repoDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return repoDir;
}

export function removeRepo(repoDir: string): void {
  rmSync(repoDir, { recursive: true, force: true });
}

/**
 * Deterministic text that gzip/brotli can barely shrink (xorshift bytes, base64): lets a fixture hit a
 * compressed-size budget without shipping big binary fixtures.
 */
export function incompressibleText(length: number, seed = 1): string {
  let state = seed >>> 0 || 1;
  const bytes = Buffer.alloc(Math.ceil((length * 3) / 4) + 3);
  for (let index = 0; index < bytes.length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[index] = state & 0xff;
  }
  return bytes.toString('base64').slice(0, length);
}

/** A one-line "minified" JS file of about `length` characters holding an incompressible string. */
export function minifiedJs(length: number, seed = 1): string {
  const prefix = 'var a="';
  const suffix = '";console.info(a.length);';
  return prefix + incompressibleText(Math.max(0, length - prefix.length - suffix.length), seed) + suffix;
}

/** A context with a real per-test memo; `memoCalls` counts how often a measurement was actually computed. */
export function buildTestContext(overrides: Partial<CheckContext> & { repoDir: string }) {
  const counter = { memoCalls: 0 };
  const base = testContext({ timeoutMs: 120_000, ...overrides });
  const ctx: CheckContext = {
    ...base,
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      return base.memo(key, () => {
        counter.memoCalls++;
        return compute();
      });
    },
  };
  return { ctx, counter, logs: base.logs };
}
