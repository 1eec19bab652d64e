import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { z } from 'zod';
import { parseByteSize } from '../../../src/core/byte-size.js';
import { walkRepo } from '../detect/repo-files.js';

/** One entry of a repository's size-limit config, as size-limit reads it (unknown keys kept). */
const EntrySchema = z
  .object({
    name: z.string().optional(),
    path: z.union([z.string(), z.array(z.string())]),
    limit: z.union([z.string(), z.number()]).optional(),
    gzip: z.boolean().optional(),
    brotli: z.boolean().optional(),
    ignore: z.array(z.string()).optional(),
  })
  .loose();
const ConfigSchema = z.array(EntrySchema);
export type SizeLimitEntry = z.infer<typeof EntrySchema>;

export interface SizeLimitConfig {
  /** Where it came from, as the summary names it: `.size-limit.json`, `package.json "size-limit"`. */
  source: string;
  entries: SizeLimitEntry[];
}

const JS_CONFIGS = ['.size-limit.js', '.size-limit.cjs', '.size-limit.mjs'];

/** The repository's own size-limit config (its limits are the source of truth), or a problem reading it. */
export async function readSizeLimitConfig(
  repoDir: string,
): Promise<SizeLimitConfig | { source: string; problem: string } | undefined> {
  const parse = (source: string, raw: unknown) => {
    const parsed = ConfigSchema.safeParse(raw);
    if (parsed.success) return { source, entries: parsed.data };
    const issue = parsed.error.issues[0];
    return { source, problem: `${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}` };
  };
  const json = join(repoDir, '.size-limit.json');
  if (existsSync(json)) {
    try {
      return parse('.size-limit.json', JSON.parse(readFileSync(json, 'utf8')));
    } catch (error) {
      return { source: '.size-limit.json', problem: (error as Error).message };
    }
  }
  const pkgFile = join(repoDir, 'package.json');
  if (existsSync(pkgFile)) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(pkgFile, 'utf8'));
      if (pkg && typeof pkg === 'object' && 'size-limit' in pkg) {
        return parse('package.json "size-limit"', (pkg as Record<string, unknown>)['size-limit']);
      }
    } catch {
      // An unreadable package.json is another check's finding.
    }
  }
  for (const name of JS_CONFIGS) {
    const file = join(repoDir, name);
    if (!existsSync(file)) continue;
    try {
      // size-limit itself imports this file; so does shipgate, to read the same limits.
      const module: unknown = await import(pathToFileURL(file).href);
      const value = module && typeof module === 'object' && 'default' in module ? module.default : module;
      return parse(name, value);
    } catch (error) {
      return { source: name, problem: (error as Error).message.split('\n')[0] ?? 'cannot load' };
    }
  }
  if (existsSync(join(repoDir, '.size-limit.ts'))) {
    return {
      source: '.size-limit.ts',
      problem: 'TypeScript size-limit configs are not read; run size-limit itself',
    };
  }
  return undefined;
}

/** Repository files (POSIX, relative): build output included (limits point into it), bounded. */
function repoFiles(repoDir: string): string[] {
  return walkRepo(repoDir, { skipDirs: new Set(['node_modules', '.git']), maxFiles: 50_000 });
}

/** Files an entry's `path` globs match, relative to the repository (size-limit resolves them from the config's folder). */
export function entryFiles(repoDir: string, entry: SizeLimitEntry, all = repoFiles(repoDir)): string[] {
  const patterns = (Array.isArray(entry.path) ? entry.path : [entry.path]).map((p) => p.replace(/^\.\//, ''));
  const include = picomatch(
    patterns.filter((p) => !p.startsWith('!')),
    { dot: true },
  );
  const excluded = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const exclude = excluded.length > 0 ? picomatch(excluded, { dot: true }) : () => false;
  return all.filter((file) => include(file) && !exclude(file)).sort();
}

/** size-limit's own default is brotli; `gzip: true` → gzip; `brotli: false` without gzip → raw bytes. */
export function entryCompression(entry: SizeLimitEntry): 'gzip' | 'brotli' | 'none' {
  if (entry.gzip === true) return 'gzip';
  if (entry.brotli === false) return 'none';
  return 'brotli';
}

/** Why shipgate cannot measure an entry the way size-limit would (it measures files only), if so. */
export function unmeasurable(entry: SizeLimitEntry): string | undefined {
  for (const key of [
    'import',
    'webpack',
    'running',
    'modifyWebpackConfig',
    'modifyEsbuildConfig',
    'uiReports',
  ]) {
    if (key in entry && entry[key] !== false && entry[key] !== undefined) {
      return `uses "${key}" (needs a size-limit bundler/time plugin); run size-limit itself for it`;
    }
  }
  if (entry.limit !== undefined && parseByteSize(entry.limit) === undefined) {
    return `limit ${JSON.stringify(entry.limit)} is not a size shipgate reads`;
  }
  return undefined;
}

export { repoFiles };
