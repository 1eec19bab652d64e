/**
 * Which files a secret scan reads: git-tracked plus untracked-but-not-ignored files (or a plain
 * directory walk outside git), minus node_modules, marked test fixtures, binaries and files > 1 MB.
 */
import { closeSync, type Dirent, fstatSync, openSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isGitRepo, splitNul, tryGit } from '../git/git.js';

export const MAX_SCAN_BYTES = 1024 * 1024;
/** A `fixtures`/`__fixtures__` directory holding this marker file is test data: not scanned. */
export const FIXTURE_MARKER = '.shipgate-fixture';
const FIXTURE_DIR_NAMES = new Set(['fixtures', '__fixtures__']);
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const MAX_WALK_ENTRIES = 200_000;

export interface FileListing {
  /** Paths relative to the scanned directory, `/`-separated. */
  files: string[];
  /** Directories (relative) that are marked test fixtures. */
  fixtureDirs: string[];
  source: 'git' | 'walk';
}

function inSkippedDir(file: string): boolean {
  return file.split('/').some((segment) => SKIPPED_DIRS.has(segment));
}

/** Fixture directories: a `fixtures`/`__fixtures__` dir that contains the marker file. */
export function fixtureDirsOf(files: readonly string[]): string[] {
  return files
    .filter((file) => path.posix.basename(file) === FIXTURE_MARKER)
    .map((file) => path.posix.dirname(file))
    .filter((dir) => FIXTURE_DIR_NAMES.has(path.posix.basename(dir)));
}

export function isUnderFixtureDir(file: string, fixtureDirs: readonly string[]): boolean {
  return fixtureDirs.some((dir) => file.startsWith(`${dir}/`));
}

async function walk(dir: string, signal?: AbortSignal): Promise<string[]> {
  const files: string[] = [];
  const pending = [''];
  let seen = 0;
  while (pending.length > 0 && seen < MAX_WALK_ENTRIES) {
    signal?.throwIfAborted();
    const rel = pending.pop() ?? '';
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      seen++;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) pending.push(child);
      else if (entry.isFile()) files.push(child);
    }
  }
  return files.sort();
}

/** Lists candidate files under `dir` (paths relative to it). */
export async function listScanFiles(dir: string, signal?: AbortSignal): Promise<FileListing> {
  let files: string[];
  let source: FileListing['source'];
  if (await isGitRepo(dir, signal)) {
    const result = await tryGit(
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      dir,
      signal,
    );
    files = [...new Set(splitNul(result.stdout))];
    source = 'git';
  } else {
    files = await walk(dir, signal);
    source = 'walk';
  }
  files = files.filter((file) => !inSkippedDir(file));
  const fixtureDirs = fixtureDirsOf(files);
  return { files: files.filter((file) => !isUnderFixtureDir(file, fixtureDirs)), fixtureDirs, source };
}

export type ReadOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'skipped'; reason: 'binary' | 'large' | 'unreadable' };

/**
 * Reads a file as text unless it is missing, not a regular file, > 1 MB, or binary (NUL byte): one
 * open/fstat/read/close on this thread. For many small files the promise-based FileHandle round trips
 * cost more than the reading (5,000 files: ~0.5 s of the scan), so callers read synchronously and
 * yield to the event loop between batches (`forEachScanTarget`).
 */
export function readScanTargetSync(file: string): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { kind: 'skipped', reason: 'unreadable' };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: 'skipped', reason: 'unreadable' };
    if (info.size > MAX_SCAN_BYTES) return { kind: 'skipped', reason: 'large' };
    const buffer = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const read = readSync(fd, buffer, filled, info.size - filled, null);
      if (read === 0) break;
      filled += read;
    }
    const bytes = buffer.subarray(0, filled);
    if (bytes.subarray(0, 8000).includes(0)) return { kind: 'skipped', reason: 'binary' };
    return { kind: 'text', text: bytes.toString('utf8') };
  } catch {
    return { kind: 'skipped', reason: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** Files read between two yields to the event loop: other checks run in the same process. */
const FILES_PER_TURN = 64;

/**
 * Reads each file of `files` (relative to `dir`) and hands it to `visit`, synchronously in batches,
 * yielding to the event loop between batches and stopping when `signal` aborts.
 */
export async function forEachScanTarget(
  dir: string,
  files: readonly string[],
  signal: AbortSignal,
  visit: (file: string, read: ReadOutcome) => void,
): Promise<void> {
  for (let i = 0; i < files.length; i++) {
    if (i % FILES_PER_TURN === 0) {
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      signal.throwIfAborted();
    }
    const file = files[i] as string;
    visit(file, readScanTargetSync(`${dir}/${file}`));
  }
}
