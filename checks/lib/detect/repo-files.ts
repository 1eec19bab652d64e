import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders never read when looking at a repository's own sources. */
const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.vercel',
  '.astro',
  '.turbo',
  '.cache',
  'vendor',
  // Python virtualenvs and caches, Java/Gradle output: dependencies and build products, not sources.
  'venv',
  '.venv',
  '__pycache__',
  'site-packages',
  'target',
  '.gradle',
]);

export const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|svelte|vue|astro)$/i;

/** Bounded: a huge monorepo is sampled, never walked for minutes. */
const MAX_FILES = 5000;
const MAX_BYTES = 512 * 1024;

/** Source files of the repository (POSIX paths relative to it), build output and dependencies excluded. */
export function listSourceFiles(repoDir: string, pattern: RegExp = SOURCE_FILE): string[] {
  return walkRepo(repoDir, { skipDirs: SKIP_DIRS, pattern, maxFiles: MAX_FILES });
}

/**
 * Files below `repoDir` whose name matches `pattern` (POSIX paths relative to it, sorted), the
 * `skipDirs` folders never entered; stops at `maxFiles` so a huge tree is sampled, not walked for minutes.
 */
export function walkRepo(
  repoDir: string,
  options: { skipDirs: ReadonlySet<string>; pattern?: RegExp; maxFiles: number },
): string[] {
  const files: string[] = [];
  const pending = [repoDir];
  while (pending.length > 0 && files.length < options.maxFiles) {
    const dir = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!options.skipDirs.has(entry.name)) pending.push(join(dir, entry.name));
      } else if (entry.isFile() && (!options.pattern || options.pattern.test(entry.name))) {
        files.push(relative(repoDir, join(dir, entry.name)).split(sep).join('/'));
        if (files.length >= options.maxFiles) break;
      }
    }
  }
  return files.sort();
}

/** A file's text, or '' when it is missing, unreadable or too large to be a hand-written source. */
export function readSmallFile(file: string): string {
  try {
    if (statSync(file).size > MAX_BYTES) return '';
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export interface PackageFacts {
  name?: string;
  scripts: Record<string, string>;
  /** dependencies + devDependencies + peer/optional, by name. */
  deps: Set<string>;
  /** `dependencies` only: what the app runs with (devDependencies may be test tools). */
  runtimeDeps: Set<string>;
  raw: Record<string, unknown>;
}

/** package.json of `dir`, or undefined when there is none (or it is not JSON). */
export function readPackage(dir: string): PackageFacts | undefined {
  const text = readSmallFile(join(dir, 'package.json'));
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  const deps = new Set<string>();
  const runtimeDeps = new Set<string>(
    record.dependencies && typeof record.dependencies === 'object' ? Object.keys(record.dependencies) : [],
  );
  for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const value = record[key];
    if (value && typeof value === 'object') for (const name of Object.keys(value)) deps.add(name);
  }
  const scripts: Record<string, string> = {};
  if (record.scripts && typeof record.scripts === 'object') {
    for (const [key, value] of Object.entries(record.scripts))
      if (typeof value === 'string') scripts[key] = value;
  }
  return {
    name: typeof record.name === 'string' ? record.name : undefined,
    scripts,
    deps,
    runtimeDeps,
    raw: record,
  };
}
