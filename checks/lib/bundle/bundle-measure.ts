import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import filePlugin from '@size-limit/file';
import sizeLimit from 'size-limit';
import { z } from 'zod';
import { CSS_FILE, JS_FILE, listBuildFiles } from '../build/build-dir.js';

export type Compression = 'gzip' | 'brotli' | 'none';

/** Size of one build asset as size-limit measured it. */
export interface AssetSize {
  /** Path relative to the build dir, POSIX separators. */
  file: string;
  bytes: number;
}

export interface BuildSizes {
  js: AssetSize[];
  css: AssetSize[];
}

/** size-limit opens every file at once: measure in slices so a large build cannot exhaust file handles. */
const SLICE = 200;
const sizeLimitResult = z.array(z.object({ size: z.number() }));

/** size-limit's @size-limit/file options: gzip flag → gzip; brotli:false without gzip → raw; else brotli. */
function compressionOptions(compression: Compression): { gzip?: boolean; brotli?: boolean } {
  if (compression === 'gzip') return { gzip: true, brotli: false };
  if (compression === 'none') return { gzip: false, brotli: false };
  return {};
}

async function measure(buildDir: string, files: string[], compression: Compression): Promise<AssetSize[]> {
  const plugins = filePlugin as unknown as Parameters<typeof sizeLimit>[0];
  const sizes: AssetSize[] = [];
  for (let start = 0; start < files.length; start += SLICE) {
    const slice = files.slice(start, start + SLICE);
    const checks = slice.map((file) => ({
      files: [join(buildDir, file)],
      ...compressionOptions(compression),
    }));
    const result = sizeLimitResult.parse(await sizeLimit(plugins, { checks }));
    slice.forEach((file, index) => {
      sizes.push({ file, bytes: result[index]?.size ?? 0 });
    });
  }
  return sizes;
}

/** One size-limit run over every JS and CSS file of the build (one size-limit check per file). */
export async function measureBuild(buildDir: string, compression: Compression): Promise<BuildSizes> {
  const files = listBuildFiles(buildDir);
  const [js, css] = await Promise.all([
    measure(
      buildDir,
      files.filter((file) => JS_FILE.test(file)),
      compression,
    ),
    measure(
      buildDir,
      files.filter((file) => CSS_FILE.test(file)),
      compression,
    ),
  ]);
  return { js, css };
}

/** `<script src>` values of index.html that point into the build (external URLs dropped). */
function scriptSources(buildDir: string): string[] | undefined {
  const indexPath = join(buildDir, 'index.html');
  if (!existsSync(indexPath)) return undefined;
  const html = readFileSync(indexPath, 'utf8');
  const sources: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = (match[1] ?? match[2] ?? match[3] ?? '').split(/[?#]/)[0] ?? '';
    if (src === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) continue;
    sources.push(posix.normalize(src.replace(/^\/+/, '')).replace(/^(\.\/)+/, ''));
  }
  return sources;
}

/** The JS files index.html loads with `<script src>` (a site under a base path matched by suffix). */
export function entryScripts(buildDir: string, jsFiles: readonly string[]): string[] {
  const found = new Set<string>();
  for (const src of scriptSources(buildDir) ?? []) {
    const file =
      jsFiles.find((candidate) => candidate === src) ??
      jsFiles.find((candidate) => src.endsWith(`/${candidate}`));
    if (file) found.add(file);
  }
  return [...found];
}

/**
 * The main bundle: the entry scripts (index.html's, or the bundler manifest's) that are not vendor
 * chunks. Without any (no index.html, none resolving), the largest non-vendor JS file.
 */
export function mainScripts(
  sizes: BuildSizes,
  entries: ReadonlySet<string>,
  isVendor: (file: string) => boolean,
): AssetSize[] {
  const own = sizes.js.filter((asset) => !isVendor(asset.file));
  const found = own.filter((asset) => entries.has(asset.file));
  if (found.length > 0) return found;
  const largest = [...own].sort((a, b) => b.bytes - a.bytes)[0];
  return largest ? [largest] : [];
}

export function totalBytes(assets: readonly AssetSize[]): number {
  return assets.reduce((sum, asset) => sum + asset.bytes, 0);
}

/** Summed compressed size of files (paths relative to `dir`), as size-limit reports one check of several files. */
export async function measureTotal(dir: string, files: string[], compression: Compression): Promise<number> {
  return totalBytes(await measure(dir, files, compression));
}
