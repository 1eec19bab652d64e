import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/**
 * Which JS chunks of a build are vendor code, the way the bundler knows it — not by file name alone
 * (a Next.js build names its react-dom chunk by hash). Read, per chunk, in this order:
 * - the team's `vendorGlob`, when set (its rule decides every chunk);
 * - an esbuild/Vite-Rollup metafile (`meta.json`, `metafile.json`: `outputs[file].inputs` with bytes);
 * - webpack stats (`stats.json`: `chunks[].files` and their `modules` with sizes);
 * - the chunk's source map (`sources`, weighted by `sourcesContent`): modules under node_modules;
 * - the Vite manifest (`.vite/manifest.json`): a chunk built from a node_modules module, or named vendor;
 * - the Next.js build manifest: its `framework` and `polyfills` chunks;
 * - the runtime signature of React, Vue or core-js in the code (their production markers).
 * A file named `*vendor*` is a vendor chunk whatever else is known (the team named it so).
 * A chunk is vendor when most of its bytes (by that evidence) come from node_modules. Entry scripts
 * (index.html's, the Vite manifest's entries, Next.js's main/webpack runtime) are the main bundle,
 * never vendor chunks, unless named so. What none of these tells is `unknown`: the check never
 * passes an over-budget chunk it cannot classify.
 */
export type ChunkKind = 'vendor' | 'app' | 'unknown';

export interface ChunkClass {
  kind: ChunkKind;
  /** How it was decided, e.g. "source map: 94% node_modules". */
  how: string;
}

const NODE_MODULES = /(?:^|[/\\])node_modules[/\\]|^\0|^\(webpack\)|webpack\/runtime|^external /;
const MAX_MAP_BYTES = 64 * 1024 * 1024;

function readJson(file: string): unknown {
  try {
    if (!existsSync(file) || statSync(file).size > MAX_MAP_BYTES) return undefined;
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Share of bytes from node_modules, from (path, bytes) pairs; undefined without any bytes. */
function vendorShare(parts: readonly [string, number][]): number | undefined {
  const total = parts.reduce((sum, [, bytes]) => sum + bytes, 0);
  if (total <= 0) return undefined;
  return parts.filter(([path]) => NODE_MODULES.test(path)).reduce((sum, [, bytes]) => sum + bytes, 0) / total;
}

const byShare = (share: number, source: string): ChunkClass => ({
  kind: share > 0.5 ? 'vendor' : 'app',
  how: `${source}: ${Math.round(share * 100)}% node_modules`,
});

/** The chunk's source map: `<file>.map`, or the file its `sourceMappingURL` comment names. */
function sourceMapOf(buildDir: string, file: string): ChunkClass | undefined {
  const full = join(buildDir, file);
  let mapFile = `${full}.map`;
  if (!existsSync(mapFile)) {
    let tail = '';
    try {
      const text = readFileSync(full, 'utf8');
      tail = text.slice(-1024);
    } catch {
      return undefined;
    }
    const url = /\/\/[#@]\s*sourceMappingURL=([^\s'"]+)\s*$/.exec(tail)?.[1];
    if (!url || url.startsWith('data:') || /^[a-z]+:/i.test(url)) return undefined;
    mapFile = resolve(dirname(full), url);
  }
  const map = readJson(mapFile);
  if (!isRecord(map) || !Array.isArray(map.sources)) return undefined;
  const sources = map.sources.filter((s): s is string => typeof s === 'string');
  const contents = Array.isArray(map.sourcesContent) ? map.sourcesContent : [];
  const parts = sources.map((source, index): [string, number] => {
    const content = contents[index];
    return [source, typeof content === 'string' ? content.length : 1];
  });
  const share = vendorShare(parts);
  return share === undefined ? undefined : byShare(share, 'source map');
}

/** Files named like a bundler's metafile or stats, in the build dir, its parent and the repo root. */
function candidateFiles(buildDir: string, repoDir: string, names: RegExp): string[] {
  const dirs = [...new Set([buildDir, dirname(buildDir), repoDir].map((d) => resolve(d)))];
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((name) => names.test(name))
        .map((name) => join(dir, name));
    } catch {
      return [];
    }
  });
}

/** Output path (as the metafile names it) → build-relative file, when it lies in the build dir. */
function toBuildFile(buildDir: string, baseDir: string, output: string): string | undefined {
  const rel = relative(buildDir, resolve(baseDir, output)).split(sep).join('/');
  return rel.startsWith('..') ? undefined : rel;
}

/** esbuild metafile (also written by Vite/Rollup plugins in its shape): outputs → inputs with bytes. */
function fromMetafiles(buildDir: string, repoDir: string): Map<string, ChunkClass> {
  const found = new Map<string, ChunkClass>();
  for (const file of candidateFiles(buildDir, repoDir, /^(?:meta|metafile)(?:[.-][\w-]+)?\.json$/i)) {
    const meta = readJson(file);
    if (!isRecord(meta) || !isRecord(meta.outputs)) continue;
    for (const [output, info] of Object.entries(meta.outputs)) {
      if (!isRecord(info) || !isRecord(info.inputs)) continue;
      const parts = Object.entries(info.inputs).map(([input, detail]): [string, number] => [
        input,
        isRecord(detail) && typeof detail.bytesInOutput === 'number' ? detail.bytesInOutput : 0,
      ]);
      const share = vendorShare(parts);
      // esbuild writes output paths relative to its working directory: the repo, or the metafile's folder.
      const target = toBuildFile(buildDir, repoDir, output) ?? toBuildFile(buildDir, dirname(file), output);
      if (target && share !== undefined)
        found.set(target, byShare(share, `metafile ${posix.basename(file)}`));
    }
  }
  return found;
}

/** webpack stats (`webpack --json`, webpack-bundle-analyzer): chunk files and their modules' sizes. */
function fromWebpackStats(buildDir: string, repoDir: string): Map<string, ChunkClass> {
  const found = new Map<string, ChunkClass>();
  for (const file of candidateFiles(buildDir, repoDir, /^(?:webpack-)?stats\.json$/i)) {
    const stats = readJson(file);
    if (!isRecord(stats) || !Array.isArray(stats.chunks)) continue;
    for (const chunk of stats.chunks) {
      if (!isRecord(chunk) || !Array.isArray(chunk.files) || !Array.isArray(chunk.modules)) continue;
      const parts = chunk.modules.flatMap((module): [string, number][] =>
        isRecord(module)
          ? [
              [
                String(module.name ?? module.identifier ?? ''),
                typeof module.size === 'number' ? module.size : 0,
              ],
            ]
          : [],
      );
      const share = vendorShare(parts);
      if (share === undefined) continue;
      for (const output of chunk.files) {
        if (typeof output !== 'string' || !/\.m?js$/.test(output)) continue;
        const outputDir = typeof stats.outputPath === 'string' ? stats.outputPath : buildDir;
        const target = toBuildFile(buildDir, outputDir, output) ?? toBuildFile(buildDir, buildDir, output);
        if (target) found.set(target, byShare(share, `webpack ${posix.basename(file)}`));
      }
    }
  }
  return found;
}

/** Vite's manifest: chunks built from a node_modules module or named vendor; its entries. */
function fromViteManifest(buildDir: string): { classes: Map<string, ChunkClass>; entries: Set<string> } {
  const classes = new Map<string, ChunkClass>();
  const entries = new Set<string>();
  for (const file of [join(buildDir, '.vite/manifest.json'), join(buildDir, 'manifest.json')]) {
    const manifest = readJson(file);
    if (!isRecord(manifest)) continue;
    for (const [key, chunk] of Object.entries(manifest)) {
      if (!isRecord(chunk) || typeof chunk.file !== 'string') continue;
      const src = typeof chunk.src === 'string' ? chunk.src : key;
      if (chunk.isEntry === true) entries.add(chunk.file);
      if (NODE_MODULES.test(src))
        classes.set(chunk.file, { kind: 'vendor', how: `Vite manifest: built from ${src}` });
      else if (typeof chunk.name === 'string' && /vendor/i.test(chunk.name))
        classes.set(chunk.file, { kind: 'vendor', how: `Vite manifest: chunk "${chunk.name}"` });
      else if (chunk.isEntry === true || chunk.isDynamicEntry === true)
        classes.set(chunk.file, { kind: 'app', how: `Vite manifest: chunk of ${src}` });
    }
  }
  return { classes, entries };
}

/**
 * Next.js: `.next/build-manifest.json` (and app-build-manifest.json) list the chunks of every page. Its
 * `framework` chunk (react, react-dom, scheduler) and `polyfills` are vendor; its `main`, `main-app` and
 * `webpack` runtime are the entry. Chunks named by hash are left to the other evidence.
 */
function fromNextManifests(buildDir: string): { classes: Map<string, ChunkClass>; entries: Set<string> } {
  const classes = new Map<string, ChunkClass>();
  const entries = new Set<string>();
  const nextDir = dirname(buildDir);
  const listed = new Set<string>();
  for (const name of ['build-manifest.json', 'app-build-manifest.json']) {
    const manifest = readJson(join(nextDir, name));
    if (!isRecord(manifest)) continue;
    const collect = (value: unknown) => {
      if (typeof value === 'string') listed.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (isRecord(value)) Object.values(value).forEach(collect);
    };
    collect(manifest);
  }
  for (const path of listed) {
    const file = toBuildFile(buildDir, nextDir, path);
    if (!file || !/\.m?js$/.test(file)) continue;
    const base = posix.basename(file);
    if (/^(?:framework|polyfills)[-.]/.test(base))
      classes.set(file, { kind: 'vendor', how: `Next.js build manifest: ${base.split(/[-.]/)[0]} chunk` });
    else if (/^(?:main|main-app|webpack)[-.]/.test(base)) entries.add(file);
  }
  return { classes, entries };
}

/** Production runtimes recognisable in minified code (their error-decoder and app markers). */
const SIGNATURES: readonly [string, RegExp][] = [
  ['React', /reactjs\.org\/docs\/error-decoder\.html|react\.dev\/errors\//],
  ['Vue', /__vue_app__|__VUE_PROD_DEVTOOLS__/],
  ['core-js', /Denis Pushkarev/],
];

function bySignature(buildDir: string, file: string): ChunkClass | undefined {
  let text: string;
  try {
    text = readFileSync(join(buildDir, file), 'utf8');
  } catch {
    return undefined;
  }
  const hit = SIGNATURES.find(([, pattern]) => pattern.test(text));
  return hit ? { kind: 'vendor', how: `${hit[0]} runtime in the code` } : undefined;
}

export interface VendorOptions {
  repoDir: string;
  vendorGlob?: string;
  /** The build's entry scripts (index.html's `<script src>`): the main bundle, never vendor chunks by share. */
  entryScripts?: readonly string[];
}

export interface VendorMap {
  classes: Map<string, ChunkClass>;
  /** Entry scripts found in the bundler's manifests (beside index.html's). */
  entries: Set<string>;
}

/** Classifies every JS file of the build (paths relative to `buildDir`). */
export function classifyChunks(
  buildDir: string,
  jsFiles: readonly string[],
  options: VendorOptions,
): VendorMap {
  const classes = new Map<string, ChunkClass>();
  if (options.vendorGlob) {
    const match = picomatch(options.vendorGlob, { basename: true, dot: true });
    for (const file of jsFiles)
      classes.set(
        file,
        match(file)
          ? { kind: 'vendor', how: `vendorGlob ${options.vendorGlob}` }
          : { kind: 'app', how: `vendorGlob ${options.vendorGlob}` },
      );
    return { classes, entries: new Set() };
  }
  const metafiles = fromMetafiles(buildDir, options.repoDir);
  const stats = fromWebpackStats(buildDir, options.repoDir);
  const vite = fromViteManifest(buildDir);
  const next = fromNextManifests(buildDir);
  const entries = new Set([...(options.entryScripts ?? []), ...vite.entries, ...next.entries]);
  for (const file of jsFiles) {
    // A chunk the team named vendor is one, whatever else is known (the rule before bundler evidence).
    if (/vendor/i.test(posix.basename(file))) {
      classes.set(file, { kind: 'vendor', how: 'file name' });
      continue;
    }
    if (entries.has(file)) {
      classes.set(file, { kind: 'app', how: 'entry script (main bundle)' });
      continue;
    }
    const decided =
      metafiles.get(file) ??
      stats.get(file) ??
      sourceMapOf(buildDir, file) ??
      vite.classes.get(file) ??
      next.classes.get(file) ??
      bySignature(buildDir, file);
    classes.set(
      file,
      decided ?? { kind: 'unknown', how: 'no source map, manifest or metafile says what it holds' },
    );
  }
  return { classes, entries };
}
