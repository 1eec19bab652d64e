import { join, relative } from 'node:path';
import { formatBytes, parseByteSize } from '../src/core/byte-size.js';
import type { Finding } from '../src/core/template/model.js';
import { type CheckOutcome, defineCheck } from './check.js';
import { bundleSizeContract } from './contracts/bundle-size.js';
import { findBuildDir, missingBuildDirReason } from './lib/build/build-dir.js';
import {
  type AssetSize,
  type BuildSizes,
  type Compression,
  entryScripts,
  mainScripts,
  measureBuild,
  measureTotal,
  totalBytes,
} from './lib/bundle/bundle-measure.js';
import { classifyChunks, type VendorMap } from './lib/bundle/bundle-vendor.js';
import {
  entryCompression,
  entryFiles,
  readSizeLimitConfig,
  repoFiles,
  type SizeLimitConfig,
  type SizeLimitEntry,
  unmeasurable,
} from './lib/bundle/size-limit-config.js';

type Budget = 'main' | 'vendor' | 'js' | 'css';

/** Seed checklist budgets: main < 80KB, vendor chunks < 50KB each, total JS < 500KB, CSS < 30KB. */
const DEFAULT_LIMITS: Record<Budget, number> = { main: 80_000, vendor: 50_000, js: 500_000, css: 30_000 };

interface BudgetResult {
  pass: boolean;
  /** Set when the budget could not be judged (vendor code not identifiable): never a pass. */
  unknown?: string;
  /** e.g. "main 61.2 kB gzip ≤ 80 kB" */
  text: string;
  bytes: number;
  /** Files to annotate when the budget is exceeded. */
  culprits: AssetSize[];
}

const COMPRESSION_WORD: Record<Compression, string> = {
  gzip: 'gzip',
  brotli: 'brotli',
  none: 'uncompressed',
};

const SHORT_LABEL: Record<Budget, string> = {
  main: 'main',
  vendor: 'largest vendor chunk',
  js: 'total JS',
  css: 'CSS',
};

function versus(bytes: number, limit: number, compression: Compression): string {
  return `${formatBytes(bytes)} ${COMPRESSION_WORD[compression]} ${bytes <= limit ? '≤' : '>'} ${formatBytes(limit)}`;
}

function largestFirst(assets: readonly AssetSize[], count: number): AssetSize[] {
  return [...assets].sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What the build is made of, measured once per run: sizes, the bundler's view of vendor code, the main bundle. */
interface BuildView {
  sizes: BuildSizes;
  vendor: VendorMap;
  isVendor: (file: string) => boolean;
  main: AssetSize[];
}

function viewOf(
  buildDir: string,
  sizes: BuildSizes,
  repoDir: string,
  vendorGlob: string | undefined,
): BuildView {
  const jsFiles = sizes.js.map((asset) => asset.file);
  const vendor = classifyChunks(buildDir, jsFiles, {
    repoDir,
    vendorGlob,
    entryScripts: entryScripts(buildDir, jsFiles),
  });
  const isVendor = (file: string) => vendor.classes.get(file)?.kind === 'vendor';
  return { sizes, vendor, isVendor, main: mainScripts(sizes, vendor.entries, isVendor) };
}

/** How the vendor chunks were told apart, for the summary ("source map", "Next.js build manifest: framework chunk"). */
function vendorHow(view: BuildView, files: readonly string[]): string {
  const hows = [...new Set(files.map((file) => view.vendor.classes.get(file)?.how.split(':')[0] ?? ''))];
  return hows.filter(Boolean).join(', ');
}

function evaluateVendor(
  limit: number,
  view: BuildView,
  compression: Compression,
  vendorGlob: string | undefined,
): BudgetResult {
  const chunks = view.sizes.js.filter((asset) => view.isVendor(asset.file));
  const over = chunks.filter((asset) => asset.bytes > limit);
  const largest = largestFirst(chunks, 1)[0];
  const how = vendorHow(
    view,
    chunks.map((asset) => asset.file),
  );
  const byName = how === 'file name' || how === '' || vendorGlob !== undefined;
  if (over.length > 0 && largest) {
    const text = `largest vendor chunk ${largest.file} ${versus(largest.bytes, limit, compression)} each (${plural(chunks.length, 'chunk')}${byName ? '' : `; found by ${how}`})`;
    return { pass: false, text, bytes: largest.bytes, culprits: over };
  }
  // A chunk over the budget that no evidence classifies may be vendor code: not judged, never passed.
  const unclassified = view.sizes.js.filter(
    (asset) => asset.bytes > limit && view.vendor.classes.get(asset.file)?.kind === 'unknown',
  );
  if (unclassified.length > 0) {
    const first = largestFirst(unclassified, 1)[0] as AssetSize;
    const why = `cannot tell whether ${first.file} (${formatBytes(first.bytes)} ${COMPRESSION_WORD[compression]} > ${formatBytes(limit)}) is vendor code: no source map, manifest, metafile or stats of the build says what it holds; emit source maps (or a metafile/stats.json), or set vendorGlob`;
    return { pass: false, unknown: why, text: why, bytes: first.bytes, culprits: [] };
  }
  if (!largest) {
    const rule = vendorGlob ? `matching ${vendorGlob}` : 'named *vendor* or identified as node_modules code';
    return { pass: true, text: `no vendor chunks (no JS file ${rule})`, bytes: 0, culprits: [] };
  }
  const text = `largest vendor chunk ${largest.file} ${versus(largest.bytes, limit, compression)} each (${plural(chunks.length, 'chunk')}${byName ? '' : `; found by ${how}`})`;
  return { pass: true, text, bytes: largest.bytes, culprits: [] };
}

function evaluate(
  budget: Budget,
  limit: number,
  view: BuildView,
  compression: Compression,
  vendorGlob: string | undefined,
): BudgetResult {
  if (budget === 'vendor') return evaluateVendor(limit, view, compression, vendorGlob);
  if (budget === 'main') {
    const scripts = view.main;
    const bytes = totalBytes(scripts);
    const which = scripts.length === 0 ? ' (no entry script found)' : '';
    return {
      pass: bytes <= limit,
      text: `main ${versus(bytes, limit, compression)}${which}`,
      bytes,
      culprits: scripts,
    };
  }
  const assets = budget === 'js' ? view.sizes.js : view.sizes.css;
  const bytes = totalBytes(assets);
  const label = budget === 'js' ? 'total JS' : 'CSS';
  const text = `${label} ${versus(bytes, limit, compression)} (${plural(assets.length, 'file')})`;
  return { pass: bytes <= limit, text, bytes, culprits: largestFirst(assets, 5) };
}

function findingsFor(
  budget: Budget,
  result: BudgetResult,
  limit: number,
  compression: Compression,
  toRepoPath: (file: string) => string,
): Finding[] {
  if (result.pass) return [];
  const size = (asset: AssetSize) => `${formatBytes(asset.bytes)} ${COMPRESSION_WORD[compression]}`;
  const why: Record<Budget, (asset: AssetSize) => string> = {
    main: (asset) => `${size(asset)}: entry script of a main bundle over its ${formatBytes(limit)} budget`,
    vendor: (asset) => `${size(asset)}: vendor chunk over the ${formatBytes(limit)} per-chunk budget`,
    js: (asset) =>
      `${size(asset)}: one of the largest files of a total JS over its ${formatBytes(limit)} budget`,
    css: (asset) =>
      `${size(asset)}: one of the largest files of a CSS total over its ${formatBytes(limit)} budget`,
  };
  return result.culprits.map((asset) => ({ file: toRepoPath(asset.file), message: why[budget](asset) }));
}

/** Judges the repository's own size-limit entries: their limits and compression, not shipgate's defaults. */
async function judgeOwnConfig(config: SizeLimitConfig, repoDir: string): Promise<CheckOutcome> {
  const all = repoFiles(repoDir);
  const lines: string[] = [];
  const findings: Finding[] = [];
  const metrics: Record<string, number> = {};
  let failed = 0;
  let unmeasured = 0;
  let judged = 0;
  for (const [index, entry] of config.entries.entries()) {
    const name = entry.name ?? (Array.isArray(entry.path) ? entry.path.join(', ') : entry.path);
    const why = unmeasurable(entry);
    if (why) {
      unmeasured++;
      lines.push(`SKIP ${name}: ${why}`);
      continue;
    }
    const files = entryFiles(repoDir, entry, all);
    if (files.length === 0) {
      failed++;
      const message = `${name}: no file matches ${JSON.stringify(entry.path)} (build first?)`;
      lines.push(`FAIL ${message}`);
      findings.push({ file: config.source.split(' ')[0], message });
      continue;
    }
    const compression = entryCompression(entry);
    const bytes = await measureTotal(repoDir, files, compression);
    metrics[`entry${index}Bytes`] = bytes;
    const limitBytes = entry.limit === undefined ? undefined : parseByteSize(entry.limit);
    if (limitBytes === undefined) {
      lines.push(`info ${name}: ${formatBytes(bytes)} ${COMPRESSION_WORD[compression]} (no limit set)`);
      continue;
    }
    judged++;
    const text = `${name} ${versus(bytes, limitBytes, compression)}`;
    if (bytes > limitBytes) {
      failed++;
      findings.push({ file: files[0], message: `${text} (limit from ${config.source})` });
    }
    lines.push(
      `${bytes > limitBytes ? 'FAIL' : 'ok  '} ${text} (${files.length} file${files.length === 1 ? '' : 's'})`,
    );
  }
  const details = [`limits from ${config.source}`, ...lines].join('\n');
  if (failed > 0) {
    const first =
      lines
        .find((line) => line.startsWith('FAIL'))
        ?.slice(5)
        .replace(/ \(\d+ files?\)$/, '') ?? '';
    return {
      status: 'fail',
      summary: `${failed} of ${config.entries.length} size-limit entries over budget (${config.source}): ${first}`,
      details,
      findings,
      metrics,
    };
  }
  if (unmeasured > 0 || judged === 0) {
    return {
      status: 'skipped',
      summary:
        judged === 0
          ? `${config.source} sets no limit shipgate can measure: run size-limit itself, or N/A`
          : `${unmeasured} of ${config.entries.length} entries in ${config.source} not measurable by shipgate (run size-limit itself); the rest within limits`,
      details,
      metrics,
    };
  }
  const ok = lines
    .filter((line) => line.startsWith('ok'))
    .map((line) => line.slice(5).replace(/ \(\d+ files?\)$/, ''));
  return {
    status: 'pass',
    summary: `${judged} size-limit budget${judged === 1 ? '' : 's'} met (${config.source}): ${ok.join('; ')}`,
    details,
    metrics,
  };
}

/** Bundle budgets of the production build, measured with size-limit (@size-limit/file), gzip by default. */
export const bundleSizeCheck = defineCheck({
  ...bundleSizeContract,
  async run({ target, limit, compression, vendorGlob }, ctx) {
    const own = await ctx.memo(`size-limit-config:${ctx.repoDir}`, () => readSizeLimitConfig(ctx.repoDir));
    if (own && 'problem' in own) {
      return { status: 'error', summary: `${own.source}: ${own.problem}` };
    }
    // The repository's budgets judge "all"; an item is judged by them only when an entry measures its files.
    if (own && target === 'all')
      return ctx.memo(`size-limit-own:${ctx.repoDir}`, () => judgeOwnConfig(own, ctx.repoDir));
    const buildDir = findBuildDir(ctx);
    if (!buildDir) return { status: 'skipped', summary: missingBuildDirReason(ctx) };
    const sizes = await ctx.memo(`size-limit:${buildDir}:${compression}`, async () => {
      const started = Date.now();
      const measured = await measureBuild(buildDir, compression);
      ctx.log(`size-limit: ${measured.js.length + measured.css.length} files in ${Date.now() - started} ms`);
      return measured;
    });
    const view = await ctx.memo(`bundle-view:${buildDir}:${compression}:${vendorGlob ?? ''}`, async () =>
      viewOf(buildDir, sizes, ctx.repoDir, vendorGlob),
    );
    const toRepoPath = (file: string) => relative(ctx.repoDir, join(buildDir, file)).split('\\').join('/');
    let ownNote: string | undefined;
    if (own && target !== 'all') {
      const matching = entriesFor(target, own, view, buildDir, ctx.repoDir);
      if (matching.length > 0) {
        const outcome = await judgeOwnConfig({ ...own, entries: matching }, ctx.repoDir);
        return {
          ...outcome,
          summary: `${outcome.summary} [the ${ITEM_NAME[target]} as ${own.source} measures it]`,
        };
      }
      ownNote = `no entry of ${own.source} measures the ${ITEM_NAME[target]}: judged by this item's own limit`;
    }
    const budgets: Budget[] = target === 'all' ? ['main', 'vendor', 'js', 'css'] : [target];
    const custom = target !== 'all' && limit !== undefined ? parseByteSize(limit) : undefined;
    const metrics: Record<string, number> = {};
    const findings: Finding[] = [];
    const results: BudgetResult[] = [];
    const short: string[] = [];
    for (const budget of budgets) {
      const budgetLimit = custom ?? DEFAULT_LIMITS[budget];
      const result = evaluate(budget, budgetLimit, view, compression, vendorGlob);
      metrics[`${budget}Bytes`] = result.bytes;
      metrics[`${budget}LimitBytes`] = budgetLimit;
      findings.push(...findingsFor(budget, result, budgetLimit, compression, toRepoPath));
      results.push(result);
      short.push(`${SHORT_LABEL[budget]} ${formatBytes(result.bytes)} ≤ ${formatBytes(budgetLimit)}`);
    }
    const failed = results.filter((result) => !result.pass && !result.unknown).map((result) => result.text);
    const unknown = results.flatMap((result) => (result.unknown ? [result.unknown] : []));
    const ignored =
      target === 'all' && limit !== undefined ? ['limit ignored for target=all (seed budgets apply)'] : [];
    const vendorLines = [...view.vendor.classes.entries()]
      .filter(([, c]) => c.kind !== 'app' || c.how !== 'entry script (main bundle)')
      .slice(0, 30)
      .map(([file, c]) => `  ${file}: ${c.kind} (${c.how})`);
    const details = [
      `build dir: ${toRepoPath('.') || '.'}`,
      ...(ownNote ? [ownNote] : []),
      ...ignored,
      ...results.map((result) => `${result.unknown ? 'SKIP' : result.pass ? 'ok  ' : 'FAIL'} ${result.text}`),
      ...(budgets.includes('vendor') ? ['JS chunks, vendor or not, as the build says:', ...vendorLines] : []),
    ].join('\n');
    const status = failed.length > 0 ? 'fail' : unknown.length > 0 ? 'skipped' : 'pass';
    const note = ownNote ? ` (${ownNote})` : '';
    if (target !== 'all')
      return { status, summary: `${results[0]?.text ?? ''}${note}`, details, findings, metrics };
    const summary =
      failed.length > 0
        ? `${failed.length} of 4 performance budgets exceeded: ${failed.join('; ')}`
        : unknown.length > 0
          ? `${4 - unknown.length} of 4 performance budgets met; not judged: ${unknown.join('; ')}`
          : `All performance budgets met (${COMPRESSION_WORD[compression]}): ${short.join(', ')}`;
    return { status, summary, details, findings, metrics };
  },
});

const ITEM_NAME: Record<Budget, string> = {
  main: 'main bundle',
  vendor: 'vendor chunks',
  js: 'total JS',
  css: 'CSS',
};

/**
 * The repository's size-limit entries that measure what an item measures: the same files as the main
 * bundle, as all the JS or all the CSS, or only vendor chunks. An entry over other files (one 30 kB
 * budget for the app's entry) says nothing about the other items, which keep their own limits.
 */
function entriesFor(
  target: Budget,
  config: SizeLimitConfig,
  view: BuildView,
  buildDir: string,
  repoDir: string,
): SizeLimitEntry[] {
  const all = repoFiles(repoDir);
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length > 0 && a.length === b.length && a.every((file) => b.includes(file));
  return config.entries.filter((entry) => {
    if (unmeasurable(entry)) return false;
    const files = entryFiles(repoDir, entry, all)
      .map((file) => relative(buildDir, join(repoDir, file)).split('\\').join('/'))
      .filter((file) => !file.startsWith('..') && /\.(?:m?js|cjs|css)$/i.test(file));
    if (files.length === 0) return false;
    const itemFiles: Record<Budget, () => boolean> = {
      main: () =>
        same(
          files,
          view.main.map((asset) => asset.file),
        ),
      js: () =>
        same(
          files,
          view.sizes.js.map((asset) => asset.file),
        ),
      css: () =>
        same(
          files,
          view.sizes.css.map((asset) => asset.file),
        ),
      vendor: () => files.every((file) => view.isVendor(file)),
    };
    return itemFiles[target]();
  });
}
