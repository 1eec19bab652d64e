/** Thin helpers around the `git` CLI for the repository checks (no git state is ever changed). */
import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

// Plain output whatever the user's config says: no pager, colour, quoting of non-ASCII paths.
const BASE_ARGS = ['-c', 'core.quotePath=false', '-c', 'color.ui=false', '--no-pager'];
const MAX_BUFFER = 256 * 1024 * 1024;

/** Runs git in `cwd`; resolves with the exit code instead of throwing on a non-zero exit. */
export function tryGit(args: readonly string[], cwd: string, signal?: AbortSignal): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...BASE_ARGS, ...args],
      {
        cwd,
        signal,
        maxBuffer: MAX_BUFFER,
        encoding: 'utf8',
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error); // git missing, aborted, buffer overflow
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs git and returns stdout; throws with git's message on a non-zero exit. */
export async function git(args: readonly string[], cwd: string, signal?: AbortSignal): Promise<string> {
  const result = await tryGit(args, cwd, signal);
  if (result.code !== 0)
    throw new Error(`git ${args[0] ?? ''} failed: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  return result.stdout;
}

/** True when `dir` is inside a git work tree. */
export async function isGitRepo(dir: string, signal?: AbortSignal): Promise<boolean> {
  const result = await tryGit(['rev-parse', '--is-inside-work-tree'], dir, signal).catch(() => undefined);
  return result?.code === 0 && result.stdout.trim() === 'true';
}

/** The commit a ref points to, or undefined when it does not resolve (unborn HEAD, unknown ref). */
export async function resolveCommit(
  ref: string,
  dir: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const result = await tryGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], dir, signal);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** `dir`'s path inside its repository, with a trailing slash ('' at the top level). */
export async function repoPrefix(dir: string, signal?: AbortSignal): Promise<string> {
  return (await git(['rev-parse', '--show-prefix'], dir, signal)).trim();
}

/** Splits NUL-separated git output (`-z`) into entries. */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((entry) => entry.length > 0);
}

/**
 * Streams git's stdout line by line (for `git log -p` over long histories) and resolves when git
 * exits. Rejects on a non-zero exit with git's first stderr line.
 */
export function streamGitLines(
  args: readonly string[],
  cwd: string,
  onLine: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...BASE_ARGS, ...args], {
      cwd,
      signal,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 10_000) stderr += chunk;
    });
    const lines = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
    lines.on('line', onLine);
    // settle only once both the last line was delivered and git exited
    const linesDone = new Promise<void>((done) => lines.once('close', done));
    child.on('error', reject);
    child.on('close', (code) => {
      linesDone.then(() => {
        if (code === 0) resolve();
        else
          reject(new Error(`git ${args[0] ?? ''} failed: ${stderr.trim().split('\n')[0] ?? `exit ${code}`}`));
      });
    });
  });
}
