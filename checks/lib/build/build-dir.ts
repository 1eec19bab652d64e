import { type Dirent, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** Conventional output folders of Vite, CRA, Next export…, in the order we try them. */
export const BUILD_DIR_CANDIDATES = ['dist', 'build', 'out'] as const;

export const NO_BUILD_DIR_REASON = 'no build directory (looked for dist/, build/, out/)';

/** Listing is bounded so a mis-detected huge folder cannot stall a check. */
const MAX_FILES = 20_000;

export const JS_FILE = /\.(?:m|c)?js$/i;
export const CSS_FILE = /\.css$/i;

/** Files under `dir`, as POSIX-style paths relative to it (node_modules skipped, dotfiles kept). */
export function listBuildFiles(dir: string): string[] {
  const root = resolve(dir);
  const files: string[] = [];
  const pending: string[] = [root];
  while (pending.length > 0 && files.length < MAX_FILES) {
    const current = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') pending.push(full);
      } else if (entry.isFile()) {
        files.push(relative(root, full).split(sep).join('/'));
        if (files.length >= MAX_FILES) break;
      }
    }
  }
  return files.sort();
}

function looksLikeBuild(dir: string): boolean {
  if (existsSync(join(dir, 'index.html'))) return true;
  return listBuildFiles(dir).some((file) => JS_FILE.test(file));
}

/** The configured build dir, else the first of dist/, build/, out/ holding an index.html or JS files. */
export function findBuildDir(ctx: { buildDir?: string; repoDir: string }): string | undefined {
  if (ctx.buildDir) {
    const dir = resolve(ctx.repoDir, ctx.buildDir);
    return existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined;
  }
  for (const name of BUILD_DIR_CANDIDATES) {
    const dir = join(resolve(ctx.repoDir), name);
    if (existsSync(dir) && statSync(dir).isDirectory() && looksLikeBuild(dir)) return dir;
  }
  return undefined;
}

/** The skip reason matching what findBuildDir looked at. */
export function missingBuildDirReason(ctx: { buildDir?: string }): string {
  return ctx.buildDir ? `build directory ${ctx.buildDir} not found` : NO_BUILD_DIR_REASON;
}
