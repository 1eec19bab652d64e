/**
 * What the Action's tools share around `@actions/tool-cache` (the Actions toolkit's download,
 * extract and cache library): where the cache is, a scratch directory, and a deadline.
 *
 * The cache layout is tool-cache's own, `<RUNNER_TOOL_CACHE>/<tool>/<version>/<arch>/` with a
 * `<arch>.complete` marker written last, so an interrupted install is never found and a runner
 * image that pre-populates the cache works.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type Env = Record<string, string | undefined>;

/** `RUNNER_TOOL_CACHE` on a runner (https://docs.github.com/en/actions/reference/variables-reference), else a temp dir. */
export function toolCacheRoot(env: Env): string {
  return env.RUNNER_TOOL_CACHE || path.join(os.tmpdir(), 'shipgate-tool-cache');
}

/**
 * tool-cache reads its root from `process.env.RUNNER_TOOL_CACHE` and asserts it is set; outside a
 * runner (the CLI, a local run of the Action) we point it at the temp-dir fallback first.
 */
export function useToolCacheRoot(env: Env): string {
  const root = process.env.RUNNER_TOOL_CACHE || toolCacheRoot(env);
  process.env.RUNNER_TOOL_CACHE = root;
  return root;
}

/** A fresh directory for a download or an install before it is cached (`RUNNER_TEMP` on a runner). */
export function scratchDir(env: Env, prefix: string): Promise<string> {
  return mkdtemp(path.join(env.RUNNER_TEMP || os.tmpdir(), prefix));
}

/**
 * Rejects with "timed out after N s" when `work` has not settled in `timeoutMs`. tool-cache's
 * `downloadTool` takes no timeout or abort signal (it retries a failed connection twice after
 * 10–20 s), so the deadline of the step is ours. The abandoned request is still bounded: its HTTP
 * client ends a socket idle for 3 minutes, so a hung server delays the process's exit, never forever.
 */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
  });
  // a late rejection of the abandoned work is not an unhandled one
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
