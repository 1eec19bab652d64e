import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckContext } from '../../checks/check.js';
import { testContext } from './check-context.js';

/** A fresh temp directory (removed by `removeDirs` in afterAll). */
export function tempDir(prefix = 'shipgate-repo-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDirs(dirs: readonly string[]): void {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes files (creating folders) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

const IDENTITY = [
  '-c',
  'user.name=Shipgate Test',
  '-c',
  'user.email=test@shipgate.invalid',
  '-c',
  'commit.gpgsign=false',
];

export function runGit(dir: string, args: readonly string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function gitInit(dir: string): void {
  runGit(dir, ['-c', 'init.defaultBranch=main', 'init', '--quiet']);
}

/** Stages everything and commits; returns the full sha. */
export function commitAll(dir: string, message: string): string {
  runGit(dir, ['add', '--all']);
  runGit(dir, ['commit', '--quiet', '--allow-empty', '-m', message]);
  return runGit(dir, ['rev-parse', 'HEAD']).trim();
}

/** A real CheckContext for repository checks: in-memory memo, collected logs, no GitHub. */
export function repoContext(
  repoDir: string,
  overrides: Partial<CheckContext> = {},
): CheckContext & { logs: string[] } {
  return testContext({ repoDir, env: { PATH: '' }, ...overrides });
}
