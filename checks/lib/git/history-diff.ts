/**
 * Reads `git log -p` for the history reachable from HEAD, limited to a directory, and hands over
 * the lines each commit added to each file (with their line numbers in that commit's version).
 */
import { MAX_SCAN_BYTES } from '../secrets/scan-files.js';
import { streamGitLines } from './git.js';

export interface AddedLine {
  /** 1-based line number in the file as of the commit. */
  line: number;
  text: string;
}

export interface AddedChunk {
  commit: string;
  shortCommit: string;
  /** Path relative to the scanned directory. */
  file: string;
  lines: AddedLine[];
}

const HUNK_RE = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

function pathFromHeader(header: string): string | undefined {
  let file = header.slice(4).replace(/\t$/, '');
  if (file === '/dev/null') return undefined;
  if (file.startsWith('"') && file.endsWith('"')) file = JSON.parse(file) as string;
  return file.startsWith('b/') ? file.slice(2) : file;
}

/**
 * Streams the added lines of every non-merge commit reachable from HEAD that touched `dir`
 * (`--full-history`: side branches merged without their changes are included too).
 * Files whose added text exceeds 1 MB in one commit are dropped, as in the working-tree scan.
 */
export async function forEachAddedChunk(
  dir: string,
  onChunk: (chunk: AddedChunk) => void,
  signal?: AbortSignal,
): Promise<{ commits: number }> {
  let commits = 0;
  let commit = '';
  let shortCommit = '';
  let file: string | undefined;
  let lines: AddedLine[] = [];
  let bytes = 0;
  let inHunk = false;
  let next = 0;

  const flush = () => {
    if (file && lines.length > 0 && bytes <= MAX_SCAN_BYTES) onChunk({ commit, shortCommit, file, lines });
    file = undefined;
    lines = [];
    bytes = 0;
    inHunk = false;
  };

  const args = [
    'log',
    '-p',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--unified=0',
    '--full-history',
    '--relative',
    '--format=%x00%H %h',
    'HEAD',
    '--',
    '.',
  ];
  await streamGitLines(
    args,
    dir,
    (line) => {
      if (line.startsWith('\0')) {
        flush();
        [commit = '', shortCommit = ''] = line.slice(1).split(' ');
        commits++;
      } else if (line.startsWith('diff --git ')) {
        flush();
      } else if (!inHunk && line.startsWith('+++ ')) {
        file = pathFromHeader(line);
      } else if (line.startsWith('@@')) {
        const m = HUNK_RE.exec(line);
        inHunk = m !== null;
        next = Number(m?.[1] ?? 0);
      } else if (inHunk && line.startsWith('+')) {
        bytes += line.length;
        if (bytes <= MAX_SCAN_BYTES) lines.push({ line: next, text: line.slice(1) });
        next++;
      }
    },
    signal,
  );
  flush();
  return { commits };
}
