import { execFileSync } from 'node:child_process';

function git(cwd: string, args: string[]): string | undefined {
  try {
    return (
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}

/** The merge base of HEAD with main or master (local or origin), when there is one. */
export function defaultBaseRef(cwd: string): string | undefined {
  for (const candidate of ['main', 'master', 'origin/main', 'origin/master']) {
    if (!git(cwd, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`])) continue;
    const base = git(cwd, ['merge-base', 'HEAD', candidate]);
    if (base) return base;
  }
  return undefined;
}

/** The checked-out branch name (undefined when detached or not a git repository). */
export function currentBranch(cwd: string): string | undefined {
  const branch = git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']);
  return branch && branch !== 'HEAD' ? branch : undefined;
}

export function headSha(cwd: string): string | undefined {
  return git(cwd, ['rev-parse', 'HEAD']);
}
