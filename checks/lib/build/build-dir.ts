import { type Dirent, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** Conventional output folders of Vite, CRA, Next export…, in the order we try them. */
export const BUILD_DIR_CANDIDATES = ['dist', 'build', 'out'] as const;

export const NO_BUILD_DIR_REASON =
  'no build directory (looked for dist/, build/, out/ and the client output of SvelteKit, Next.js, Nuxt, Vercel, Astro, Remix)';

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

/**
 * Where frameworks put what the browser loads, in the order tried. Server bundles next to them
 * (`.next/server`, `.svelte-kit/output/server`, `.output/server`, `build/server`) are never judged as
 * browser assets.
 */
export const CLIENT_OUTPUT_DIRS: readonly { dir: string; framework: string }[] = [
  { dir: '.svelte-kit/output/client', framework: 'SvelteKit' },
  { dir: '.next/static', framework: 'Next.js' },
  { dir: '.output/public', framework: 'Nuxt/Nitro' },
  { dir: '.vercel/output/static', framework: 'Vercel Build Output' },
  { dir: 'dist/client', framework: 'Astro/Vite SSR' },
  { dir: 'build/client', framework: 'Remix/React Router' },
  { dir: 'public/build', framework: 'Remix (classic)' },
];

/** `dist/`, `build/`, `out/` count only with an HTML entry point: a server's tsc output has none. */
function htmlEntries(dir: string): string[] {
  return listBuildFiles(dir)
    .filter((file) => /\.html?$/i.test(file) && file.split('/').length <= 3)
    .slice(0, 50);
}

function isDir(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}

/** A browser build to judge, or why there is none (the `skipped` reason). */
export type BrowserBuild = { ok: true; dir: string; how: string } | { ok: false; reason: string };

/**
 * The browser assets of the production build: the configured `build.dir` (mapped to its client
 * output for `.next`, `.svelte-kit`, `.output`, `.vercel/output`), else a framework's client output,
 * else the first of dist/, build/, out/ holding an HTML entry point. A folder of JS without HTML
 * (`tsc` output of a server) is not a browser build: bundle checks skip it with that reason.
 */
export function findBrowserBuild(ctx: { buildDir?: string; repoDir: string }): BrowserBuild {
  const root = resolve(ctx.repoDir);
  const label = (dir: string) => `${relative(root, dir).split(sep).join('/') || '.'}/`;
  const judge = (dir: string, configured: boolean): BrowserBuild | undefined => {
    const client = CLIENT_OUTPUT_DIRS.find(
      (entry) => join(root, entry.dir) === dir || join(root, entry.dir).startsWith(`${dir}${sep}`),
    );
    if (client && isDir(join(root, client.dir))) {
      return { ok: true, dir: join(root, client.dir), how: `${client.framework} client output` };
    }
    if (htmlEntries(dir).length > 0) return { ok: true, dir, how: 'HTML entry points' };
    if (!configured) return undefined;
    const js = listBuildFiles(dir).some((file) => JS_FILE.test(file));
    return {
      ok: false,
      reason: `${label(dir)} has ${js ? 'JS but ' : ''}no HTML entry point and is no framework client output: not browser assets${js ? ' (a server build?)' : ''}`,
    };
  };
  if (ctx.buildDir) {
    const dir = resolve(root, ctx.buildDir);
    if (!isDir(dir)) return { ok: false, reason: `build directory ${ctx.buildDir} not found` };
    return judge(dir, true) as BrowserBuild;
  }
  for (const entry of CLIENT_OUTPUT_DIRS) {
    const dir = join(root, entry.dir);
    if (isDir(dir) && listBuildFiles(dir).length > 0)
      return { ok: true, dir, how: `${entry.framework} client output` };
  }
  const serverLike: string[] = [];
  for (const name of BUILD_DIR_CANDIDATES) {
    const dir = join(root, name);
    if (!isDir(dir)) continue;
    const found = judge(dir, false);
    if (found) return found;
    if (listBuildFiles(dir).some((file) => JS_FILE.test(file))) serverLike.push(`${name}/`);
  }
  if (serverLike.length > 0) {
    return {
      ok: false,
      reason: `no browser build: ${serverLike.join(', ')} has JS but no HTML entry point (server output, not browser assets); set build.dir to the client output if this is wrong`,
    };
  }
  return { ok: false, reason: NO_BUILD_DIR_REASON };
}

/** The browser build dir (see findBrowserBuild), or undefined. */
export function findBuildDir(ctx: { buildDir?: string; repoDir: string }): string | undefined {
  const found = findBrowserBuild(ctx);
  return found.ok ? found.dir : undefined;
}

/** The skip reason matching what findBuildDir looked at. */
export function missingBuildDirReason(ctx: { buildDir?: string; repoDir: string }): string {
  const found = findBrowserBuild(ctx);
  return found.ok ? '' : found.reason;
}
