/** Git-like history for simulated repos: snapshot commits, ref resolution and compare (changed files). */
import { fakeSha, now, type SimCommit, type SimRepo, type SimState } from './state.js';

export interface CommitInput {
  branch?: string;
  /** path → new content, or null to delete the file */
  files: Record<string, string | null>;
  message?: string;
  author?: string;
  sha?: string;
}
export interface ChangedFile {
  sha: string;
  filename: string;
  status: 'added' | 'removed' | 'modified';
  additions: number;
  deletions: number;
  changes: number;
  patch: string;
}

export function addRepo(
  state: SimState,
  fullName: string,
  opts: { defaultBranch?: string; files?: Record<string, string>; private?: boolean } = {},
): SimRepo {
  const [owner = '', name = ''] = fullName.split('/');
  const repo: SimRepo = {
    id: state.id(),
    owner,
    name,
    fullName,
    defaultBranch: opts.defaultBranch ?? 'main',
    private: opts.private ?? false,
    branches: new Map(),
    tags: new Map(),
    commits: new Map(),
    collaborators: new Map(),
    secrets: new Map(),
  };
  state.repos.set(fullName, repo);
  state.user(owner, 'Organization');
  commit(repo, {
    branch: repo.defaultBranch,
    files: opts.files ?? { 'README.md': `# ${name}\n` },
    message: 'Initial commit',
  });
  return repo;
}

/** Create a commit on `branch` (default branch when omitted) whose tree is parent tree + `files`. */
export function commit(repo: SimRepo, input: CommitInput): SimCommit {
  const branch = input.branch ?? repo.defaultBranch;
  const parentSha = repo.branches.get(branch) ?? repo.branches.get(repo.defaultBranch);
  const parent = parentSha ? repo.commits.get(parentSha) : undefined;
  const tree = new Map(parent?.tree ?? []);
  for (const [path, content] of Object.entries(input.files)) {
    if (content === null) tree.delete(path);
    else tree.set(path, content);
  }
  const sha =
    input.sha ??
    fakeSha(`${repo.fullName}:${parentSha ?? ''}:${JSON.stringify(input.files)}:${repo.commits.size}`);
  const c: SimCommit = {
    sha,
    message: input.message ?? `Update ${Object.keys(input.files).join(', ')}`,
    parents: parentSha ? [parentSha] : [],
    tree,
    author: input.author ?? 'octocat',
    date: now(),
  };
  repo.commits.set(sha, c);
  repo.branches.set(branch, sha);
  return c;
}

/** Resolve a sha, branch, tag, `refs/heads/x`, `refs/tags/x` or undefined (default branch). */
export function resolveRef(repo: SimRepo, ref: string | undefined): SimCommit | undefined {
  const r = (ref ?? repo.defaultBranch).replace(/^refs\/(heads|tags)\//, '');
  const sha = repo.branches.get(r) ?? repo.tags.get(r) ?? (repo.commits.has(r) ? r : undefined);
  if (sha) return repo.commits.get(sha);
  // short shas, like git
  if (/^[0-9a-f]{7,39}$/.test(r)) for (const c of repo.commits.values()) if (c.sha.startsWith(r)) return c;
  return undefined;
}

/** Whether `ancestor` is reachable from `descendant` through first and merge parents. */
export function isAncestor(repo: SimRepo, ancestor: string, descendant: string): boolean {
  const seen = new Set<string>();
  const queue = [descendant];
  while (queue.length > 0 && seen.size < 100_000) {
    const sha = queue.pop() ?? '';
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(repo.commits.get(sha)?.parents ?? []));
  }
  return false;
}

/** The compare API's `status` of `base...head`: a force-pushed head has `diverged` from its old self. */
export function compareStatus(repo: SimRepo, base: string, head: string): string {
  if (base === head) return 'identical';
  if (isAncestor(repo, base, head)) return 'ahead';
  if (isAncestor(repo, head, base)) return 'behind';
  return 'diverged';
}

function lineCount(text: string | undefined): number {
  return text === undefined || text === ''
    ? 0
    : text.split('\n').filter((l, i, a) => i < a.length - 1 || l !== '').length;
}

/** Files changed between two commits, shaped like the `files[]` of the compare / pull files APIs. */
export function diffCommits(base: SimCommit, head: SimCommit): ChangedFile[] {
  const paths = new Set([...base.tree.keys(), ...head.tree.keys()]);
  const out: ChangedFile[] = [];
  for (const filename of [...paths].sort()) {
    const before = base.tree.get(filename);
    const after = head.tree.get(filename);
    if (before === after) continue;
    const status = before === undefined ? 'added' : after === undefined ? 'removed' : 'modified';
    const deletions = lineCount(before);
    const additions = lineCount(after);
    const patch = [
      `@@ -1,${deletions} +1,${additions} @@`,
      ...(before ?? '')
        .split('\n')
        .filter(Boolean)
        .map((l) => `-${l}`),
      ...(after ?? '')
        .split('\n')
        .filter(Boolean)
        .map((l) => `+${l}`),
    ].join('\n');
    out.push({
      sha: fakeSha(after ?? ''),
      filename,
      status,
      additions,
      deletions,
      changes: additions + deletions,
      patch,
    });
  }
  return out;
}
