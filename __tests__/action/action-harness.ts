/** Runs the BUILT Action (dist/index.js) as a subprocess, the way an Actions runner does. */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: found upward, so this also works when bundled (the bench runs a bundle). */
export const ROOT = findRoot(fileURLToPath(new URL('.', import.meta.url)));

function findRoot(start: string): string {
  let dir = start;
  for (let depth = 0; depth < 8; depth++) {
    if (existsSync(join(dir, 'scripts', 'build.mjs')) && existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}
export const DIST = join(ROOT, 'dist/index.js');

const SOURCES = ['src', 'checks', 'templates', 'scripts/build.mjs'];
const LOCK = join(tmpdir(), 'shipgate-action-dist.lock');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function isStale(): boolean {
  if (!existsSync(DIST)) return true;
  return Math.max(...SOURCES.map((path) => newestMtime(join(ROOT, path)))) > statSync(DIST).mtimeMs;
}

/**
 * Rebuilds dist/ (esbuild, < 1 s) when a source is newer than dist/index.js. Under a lock
 * directory (mkdir is atomic), so parallel jest workers build once and never rewrite the bundle
 * while another worker's Action is loading it. Waits at most 60 s for the lock.
 */
export function buildDist(): void {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      mkdirSync(LOCK);
    } catch {
      // A lock left by a killed worker (builds take < 1 s) is stale after a minute.
      if (Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 60_000) {
        rmSync(LOCK, { recursive: true, force: true });
      }
      Atomics.wait(sleeper, 0, 0, 100);
      continue;
    }
    try {
      if (isStale()) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  throw new Error(`could not take the dist build lock ${LOCK} within 60 s`);
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes them to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}

/**
 * Spawns `node dist/index.js` (asynchronously: the simulator answers from this process) with
 * `INPUT_*` from `inputs` and `GITHUB_*` files in a fresh temp dir. Bounded by `timeoutMs`.
 */
export function runAction(
  options: {
    inputs?: Record<string, string>;
    env?: Record<string, string>;
    event?: { name: string; payload: unknown };
    cwd?: string;
    dist?: string;
    timeoutMs?: number;
  } = {},
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-action-run-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
  };
  writeFileSync(files.GITHUB_OUTPUT, '');
  writeFileSync(files.GITHUB_STEP_SUMMARY, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.event?.payload ?? {}));
  const inputs = Object.fromEntries(
    Object.entries(options.inputs ?? {}).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
  );
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    ...files,
    ...inputs,
    ...options.env,
  };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [options.dist ?? DIST], {
      cwd: options.cwd ?? ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.once('error', fail);
    child.once('close', (code) => {
      clearTimeout(timer);
      done({
        code,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      });
    });
  });
}
