/**
 * The Action's tool cache: the directory where it keeps the tools it fetches itself on a runner
 * (the pinned Lighthouse, the pinned gitleaks), one directory per tool and version.
 *
 * Plain fs rather than @actions/tool-cache: its `cacheDir`/`find` assert `RUNNER_TOOL_CACHE` is set
 * and copy a finished directory in, while we also want a fallback outside a runner and an atomic
 * publish when two steps of one job install at the same time (populate a sibling temp dir, then
 * rename it into place; the loser of the race discards its copy). The layout is tool-cache's own
 * (`<root>/<tool>/<version>/`), so a runner image that pre-populates it works.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type Env = Record<string, string | undefined>;

/** Written last into a populated tool directory: a directory without it is an interrupted install. */
const COMPLETE = '.shipgate-complete';

/** `RUNNER_TOOL_CACHE` on a runner (https://docs.github.com/en/actions/reference/variables-reference), else a temp dir. */
export function toolCacheRoot(env: Env): string {
  return env.RUNNER_TOOL_CACHE || path.join(os.tmpdir(), 'shipgate-tool-cache');
}

export interface CachedDir {
  dir: string;
  /** true when a previous run had populated it (nothing was fetched) */
  hit: boolean;
}

/**
 * Returns `dir` populated: as it is when a previous run completed it, else filled by `populate`
 * (given an empty temp dir next to `dir`) and moved into place. A failed `populate` leaves nothing.
 */
export async function cachedDir(dir: string, populate: (tmp: string) => Promise<void>): Promise<CachedDir> {
  if (existsSync(path.join(dir, COMPLETE))) return { dir, hit: true };
  await mkdir(path.dirname(dir), { recursive: true });
  const tmp = await mkdtemp(`${dir}.partial-`);
  try {
    await populate(tmp);
    await writeFile(path.join(tmp, COMPLETE), `${new Date().toISOString()}\n`);
    if (existsSync(dir) && !existsSync(path.join(dir, COMPLETE)))
      await rm(dir, { recursive: true, force: true });
    try {
      await rename(tmp, dir);
    } catch (error) {
      // another step published the same version first: use theirs
      if (!existsSync(path.join(dir, COMPLETE))) throw error;
    }
    return { dir, hit: false };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Runs a command with a deadline; resolves with stdout, rejects with the first lines of stderr. */
export function runBounded(
  file: string,
  args: readonly string[],
  options: { env: Env; timeoutMs: number; cwd?: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        env: options.env as NodeJS.ProcessEnv,
        cwd: options.cwd,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        // npm is npm.cmd on Windows, which Node only runs through a shell
        shell: process.platform === 'win32',
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const timedOut = error.killed === true || error.signal === 'SIGKILL';
        const lines = String(stderr)
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line && !/^npm (?:error|ERR!) (?:A complete log|$)/.test(line))
          .slice(0, 3)
          .join(' / ');
        reject(
          new Error(
            timedOut
              ? `timed out after ${Math.round(options.timeoutMs / 1000)} s`
              : (lines || error.message.split('\n')[0] || 'failed').slice(0, 300),
          ),
        );
      },
    );
  });
}
