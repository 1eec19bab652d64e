import path from 'node:path';
import type { Finding } from '../src/core/template/model.js';
import { type CheckOutcome, defineCheck } from './check.js';
import { envFilesContract } from './contracts/env-files.js';
import { isGitRepo, resolveCommit, splitNul, tryGit } from './lib/git/git.js';

const ENV_FILE_RE = /^\.env(?:rc|\..+)?$/;
const TEMPLATE_SUFFIXES = new Set(['example', 'sample', 'template']);
/** The file the checklist says must exist locally but never be committed. */
const MUST_BE_IGNORED = '.env.production';

/** `.env`, `.env.local`, `.env.production`, `.envrc`… but not `.env.example` / `.env.sample` / `.env.template`. */
export function isSecretEnvFile(file: string, allowed: ReadonlySet<string> = new Set()): boolean {
  const name = path.posix.basename(file);
  if (!ENV_FILE_RE.test(name) || allowed.has(name)) return false;
  return !TEMPLATE_SUFFIXES.has(name.split('.').at(-1) ?? '');
}

/** Env files ever added in history reachable from HEAD (within `dir`), each with the oldest adding commit. */
async function envFilesInHistory(dir: string, allowed: ReadonlySet<string>, signal: AbortSignal) {
  const args = ['log', '--full-history', '--no-renames', '--diff-filter=A', '--name-only', '--format=%x00%h'];
  const result = await tryGit([...args, '--relative', 'HEAD', '--', '.'], dir, signal);
  const added = new Map<string, string>();
  let commit = '';
  let commits = 0;
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('\0')) {
      commit = line.slice(1);
      commits++;
    } else if (line && isSecretEnvFile(line, allowed)) {
      added.set(line, commit); // newest first, so the last write is the oldest commit
    }
  }
  return { added, commits };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export const envFilesCheck = defineCheck({
  ...envFilesContract,
  async run(params, ctx): Promise<CheckOutcome> {
    const dir = ctx.repoDir;
    if (!(await isGitRepo(dir, ctx.signal))) {
      return {
        status: 'skipped',
        summary: 'not a git repository: cannot tell which env files are committed',
      };
    }
    const allowed = new Set(
      params.allow
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    );
    const tracked = splitNul((await tryGit(['ls-files', '-z', '--cached'], dir, ctx.signal)).stdout).filter(
      (f) => isSecretEnvFile(f, allowed),
    );
    const untracked = splitNul(
      (await tryGit(['ls-files', '-z', '--others', '--exclude-standard'], dir, ctx.signal)).stdout,
    ).filter((f) => isSecretEnvFile(f, allowed));
    const history = (await resolveCommit('HEAD', dir, ctx.signal))
      ? await envFilesInHistory(dir, allowed, ctx.signal)
      : { added: new Map<string, string>(), commits: 0 };
    const ignoreCheck = await tryGit(['check-ignore', '--no-index', '-q', MUST_BE_IGNORED], dir, ctx.signal);
    if (ignoreCheck.code > 1) throw new Error(`git check-ignore failed: ${ignoreCheck.stderr.trim()}`);

    const findings: Finding[] = [];
    for (const file of tracked) {
      const commit = history.added.get(file);
      findings.push({
        file,
        commit,
        message: `${file} is tracked by git${commit ? ` (added in ${commit})` : ''}: remove it with \`git rm --cached\` and rotate its values`,
      });
    }
    for (const [file, commit] of history.added) {
      if (tracked.includes(file)) continue;
      findings.push({
        file,
        commit,
        message: `${file} was committed in ${commit}: rotate every value it held`,
      });
    }
    for (const file of untracked) {
      findings.push({
        file,
        message: `${file} is not git-ignored: one \`git add .\` away from being committed`,
      });
    }
    const ignored = ignoreCheck.code === 0;
    if (!ignored) {
      findings.push({
        file: '.gitignore',
        message: `${MUST_BE_IGNORED} is not ignored: add \`.env*\` and \`!.env.example\` to .gitignore`,
      });
    }
    const metrics = {
      tracked: tracked.length,
      inHistory: history.added.size,
      untrackedNotIgnored: untracked.length,
      commits: history.commits,
    };
    if (findings.length === 0) {
      return {
        status: 'pass',
        summary: `0 env files committed in ${plural(history.commits, 'commit')}; ${MUST_BE_IGNORED} is git-ignored`,
        metrics,
      };
    }
    const named = findings
      .map((f) => (f.file === '.gitignore' ? `${MUST_BE_IGNORED} not ignored` : f.file))
      .join(', ');
    return {
      status: 'fail',
      summary: `${plural(findings.length, 'env file problem')}: ${named}`,
      findings,
      metrics,
    };
  },
});
