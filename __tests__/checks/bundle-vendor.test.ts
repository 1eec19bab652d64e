/**
 * Vendor code found the way the bundler knows it (issue 22), and a repository's size-limit entries
 * applied only to the items they measure. Bundles are built for real with esbuild (with source maps
 * and a metafile); the manifests of Next.js, Vite and webpack are written by code in their shapes.
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { build } from 'esbuild';
import { bundleSizeCheck } from '../../checks/bundle-size.js';
import {
  buildTestContext,
  incompressibleText,
  makeRepo,
  minifiedJs,
  removeRepo,
} from '../helpers/build-fixtures.js';

/** A stand-in for react-dom: ~75 kB of code that gzip cannot shrink (≈ 56 kB gzip, over the 50 kB budget). */
const fakeReactDom = (signature: boolean) =>
  [
    // React's production error decoder, which every React build carries.
    signature
      ? 'function formatProdErrorMessage(c){return "Minified React error #"+c+"; visit https://react.dev/errors/"+c}'
      : 'function formatProdErrorMessage(c){return "error "+c}',
    `export const internals = ${JSON.stringify(incompressibleText(75_000, 11))};`,
    'export function render(x){return internals.length + formatProdErrorMessage(x).length}',
  ].join('\n');

const APP = {
  'node_modules/react-dom/package.json': '{"name":"react-dom","version":"19.0.0","main":"index.js"}',
  'src/page-a.js':
    "import { render } from 'react-dom';\nexport const a = () => render(1);\nconsole.info(a());\n",
  'src/page-b.js':
    "import { render } from 'react-dom';\nexport const b = () => render(2);\nconsole.info(b());\n",
};

const repos: string[] = [];
afterAll(() => {
  for (const repo of repos) removeRepo(repo);
});

/** Builds the two pages with code splitting: react-dom lands in a shared chunk named only by its hash. */
async function bundle(
  outdir: string,
  options: { signature?: boolean; sourcemap?: boolean; metafile?: boolean } = {},
): Promise<{ repo: string; sharedChunk: string }> {
  const repo = makeRepo({
    ...APP,
    'node_modules/react-dom/index.js': fakeReactDom(options.signature ?? false),
  });
  repos.push(repo);
  const result = await build({
    absWorkingDir: repo,
    entryPoints: ['src/page-a.js', 'src/page-b.js'],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir,
    entryNames: '[name]-[hash]',
    chunkNames: '[hash]-[hash]',
    sourcemap: options.sourcemap ?? false,
    metafile: options.metafile ?? false,
    logLevel: 'silent',
  });
  if (options.metafile) writeFileSync(join(repo, 'meta.json'), JSON.stringify(result.metafile));
  const files = readdirSync(join(repo, outdir)).filter((f) => f.endsWith('.js'));
  const sharedChunk = files.find((f) => !f.startsWith('page-')) as string;
  return { repo, sharedChunk };
}

const run = (repo: string, params: Record<string, unknown>) =>
  bundleSizeCheck.run(bundleSizeCheck.params.parse(params), buildTestContext({ repoDir: repo }).ctx);

describe('vendor chunks named by hash (a Next.js framework chunk)', () => {
  const NEXT_OUT = '.next/static/chunks';
  /** `.next/build-manifest.json` as Next.js writes it: every page's chunks, paths relative to `.next`. */
  const writeNextManifest = (repo: string) => {
    const chunks = readdirSync(join(repo, NEXT_OUT))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `static/chunks/${f}`);
    writeFileSync(
      join(repo, '.next/build-manifest.json'),
      JSON.stringify({
        polyfillFiles: [],
        devFiles: [],
        lowPriorityFiles: [],
        rootMainFiles: [],
        pages: { '/': chunks },
      }),
    );
  };

  test('before: "no JS file named *vendor*" passed; with source maps the chunk is react-dom and fails', async () => {
    const { repo, sharedChunk } = await bundle(NEXT_OUT, { sourcemap: true });
    writeNextManifest(repo);
    const vendor = await run(repo, { target: 'vendor', limit: '50 kB' });
    expect(vendor.status).toBe('fail');
    expect(vendor.summary).toMatch(
      new RegExp(
        `^largest vendor chunk chunks/${sharedChunk.replace('.', '\\.')} [\\d.]+ kB gzip > 50 kB each \\(1 chunk; found by source map\\)$`,
      ),
    );
    expect(vendor.findings?.[0]?.file).toBe(`${NEXT_OUT}/${sharedChunk}`);
    const all = await run(repo, { target: 'all' });
    expect(all.status).toBe('fail');
    expect(all.summary).toMatch(/^1 of 4 performance budgets exceeded: largest vendor chunk /);
  });

  test('without source maps, the React runtime in the code identifies it', async () => {
    const { repo } = await bundle(NEXT_OUT, { signature: true });
    writeNextManifest(repo);
    const vendor = await run(repo, { target: 'vendor', limit: '50 kB' });
    expect(vendor.status).toBe('fail');
    expect(vendor.summary).toContain('found by React runtime in the code');
  });

  test('with nothing to tell what it holds, the item is not judged (skipped with the reason), never passed', async () => {
    const { repo, sharedChunk } = await bundle(NEXT_OUT);
    writeNextManifest(repo);
    const vendor = await run(repo, { target: 'vendor', limit: '50 kB' });
    expect(vendor.status).toBe('skipped');
    expect(vendor.summary).toMatch(
      new RegExp(
        `^cannot tell whether chunks/${sharedChunk.replace('.', '\\.')} \\([\\d.]+ kB gzip > 50 kB\\) is vendor code: no source map, manifest, metafile or stats of the build says what it holds`,
      ),
    );
    const all = await run(repo, { target: 'all' });
    expect(all.status).toBe('skipped');
    expect(all.summary).toMatch(/^3 of 4 performance budgets met; not judged: cannot tell whether /);
  });

  test('the Next.js framework chunk is vendor by its build manifest', async () => {
    const { repo, sharedChunk } = await bundle(NEXT_OUT);
    renameSync(join(repo, NEXT_OUT, sharedChunk), join(repo, NEXT_OUT, 'framework-0123abcd.js'));
    writeNextManifest(repo);
    const vendor = await run(repo, { target: 'vendor' });
    expect(vendor.status).toBe('fail');
    expect(vendor.summary).toContain('(1 chunk; found by Next.js build manifest)');
  });
});

describe('vendor code by each bundler’s own record', () => {
  test('esbuild metafile: bytes per input in each output', async () => {
    const { repo } = await bundle('dist/assets', { metafile: true });
    writeFileSync(
      join(repo, 'dist/index.html'),
      '<!doctype html><script type="module" src="/assets/page-a.js"></script>',
    );
    const vendor = await run(repo, { target: 'vendor' });
    expect(vendor.status).toBe('fail');
    expect(vendor.summary).toContain('found by metafile meta.json');
  });

  test('Vite manifest: a chunk built from node_modules is vendor; its entries are the main bundle', () => {
    const repo = makeRepo({
      'dist/index.html': '<!doctype html><script type="module" src="/assets/index-a1.js"></script>',
      'dist/assets/index-a1.js': minifiedJs(20_000, 1),
      'dist/assets/chart-b2.js': minifiedJs(80_000, 2),
      'dist/assets/Settings-c3.js': minifiedJs(75_000, 3),
      'dist/.vite/manifest.json': JSON.stringify({
        'index.html': {
          file: 'assets/index-a1.js',
          src: 'index.html',
          isEntry: true,
          dynamicImports: ['node_modules/chart.js/dist/chart.js', 'src/pages/Settings.tsx'],
        },
        'node_modules/chart.js/dist/chart.js': {
          file: 'assets/chart-b2.js',
          src: 'node_modules/chart.js/dist/chart.js',
          isDynamicEntry: true,
        },
        'src/pages/Settings.tsx': {
          file: 'assets/Settings-c3.js',
          src: 'src/pages/Settings.tsx',
          isDynamicEntry: true,
        },
      }),
    });
    repos.push(repo);
    return run(repo, { target: 'vendor' }).then((vendor) => {
      expect(vendor.status).toBe('fail');
      expect(vendor.summary).toMatch(
        /^largest vendor chunk assets\/chart-b2\.js .* \(1 chunk; found by Vite manifest\)$/,
      );
      expect(vendor.details).toContain(
        'assets/Settings-c3.js: app (Vite manifest: chunk of src/pages/Settings.tsx)',
      );
    });
  });

  test('SvelteKit: the Vite manifest inside .svelte-kit/output/client says which chunk is a dependency', async () => {
    const client = '.svelte-kit/output/client';
    const repo = makeRepo({
      [`${client}/_app/immutable/entry/start.A1.js`]: minifiedJs(10_000, 1),
      [`${client}/_app/immutable/chunks/index.B2.js`]: minifiedJs(80_000, 2),
      [`${client}/.vite/manifest.json`]: JSON.stringify({
        '.svelte-kit/generated/client-optimized/app.js': {
          file: '_app/immutable/entry/start.A1.js',
          isEntry: true,
        },
        'node_modules/@sveltejs/kit/src/runtime/client/entry.js': {
          file: '_app/immutable/chunks/index.B2.js',
          src: 'node_modules/@sveltejs/kit/src/runtime/client/entry.js',
          isDynamicEntry: true,
        },
      }),
    });
    repos.push(repo);
    const vendor = await run(repo, { target: 'vendor' });
    expect(vendor.status).toBe('fail');
    expect(vendor.summary).toMatch(
      /^largest vendor chunk _app\/immutable\/chunks\/index\.B2\.js .* \(1 chunk; found by Vite manifest\)$/,
    );
  });

  test('webpack stats: module sizes per chunk', async () => {
    const repo = makeRepo({
      'build/index.html': '<!doctype html><script src="/static/js/main.1.js"></script>',
      'build/static/js/main.1.js': minifiedJs(10_000, 1),
      'build/static/js/418.2.chunk.js': minifiedJs(80_000, 2),
      'build/static/js/77.3.chunk.js': minifiedJs(75_000, 3),
      'stats.json': JSON.stringify({
        outputPath: '',
        chunks: [
          {
            files: ['static/js/418.2.chunk.js'],
            modules: [
              { name: './node_modules/lodash/lodash.js', size: 540_000 },
              { name: './src/util.js', size: 900 },
            ],
          },
          { files: ['static/js/77.3.chunk.js'], modules: [{ name: './src/pages/Admin.js', size: 80_000 }] },
        ],
      }),
    });
    repos.push(repo);
    // stats.json's outputPath is the build dir in a real build; written here relative to it.
    const stats = JSON.parse(readFileSync(join(repo, 'stats.json'), 'utf8'));
    stats.outputPath = join(repo, 'build');
    writeFileSync(join(repo, 'stats.json'), JSON.stringify(stats));
    const vendor = await run(repo, { target: 'vendor' });
    expect(vendor.status).toBe('fail');
    expect(vendor.summary).toMatch(
      /^largest vendor chunk static\/js\/418\.2\.chunk\.js .* \(1 chunk; found by webpack stats\.json\)$/,
    );
    expect(relative(repo, join(repo, 'build'))).toBe('build');
  });

  test('a small vendor chunk passes, named with how it was found', async () => {
    const repo = makeRepo({
      ...APP,
      'node_modules/react-dom/index.js': 'export function render(x){return x*2}\n',
    });
    repos.push(repo);
    await build({
      absWorkingDir: repo,
      entryPoints: ['src/page-a.js', 'src/page-b.js'],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: 'dist',
      sourcemap: true,
      logLevel: 'silent',
    });
    writeFileSync(
      join(repo, 'dist/index.html'),
      '<!doctype html><script type="module" src="/page-a.js"></script>',
    );
    const vendor = await run(repo, { target: 'vendor' });
    expect(vendor.status).toBe('pass');
    expect(vendor.summary).toMatch(
      /^largest vendor chunk chunk-\w+\.js .* ≤ 50 kB each \(1 chunk; found by source map\)$/,
    );
    rmSync(join(repo, 'dist'), { recursive: true });
  });
});

describe("one size-limit budget is not every item's budget", () => {
  // The shape: one 30 kB entry; it failed Main bundle, Vendor chunks, Total JS and CSS with its message.
  const files = {
    'dist/index.html':
      '<!doctype html><script type="module" src="/assets/index-a1.js"></script><link rel="stylesheet" href="/assets/app.css">',
    'dist/assets/index-a1.js': minifiedJs(40_000, 1),
    'dist/assets/vendor-react-b2.js': minifiedJs(30_000, 2),
    'dist/assets/app.css': `.a{content:"${incompressibleText(5_000, 3)}"}`,
    '.size-limit.json': JSON.stringify([
      { name: 'app', path: 'dist/assets/index-*.js', limit: '30 kB', gzip: true },
    ]),
  };

  test('the entry judges "all" and the item it measures; the other items keep their own limits', async () => {
    const repo = makeRepo(files);
    repos.push(repo);
    const all = await run(repo, { target: 'all' });
    expect(all).toMatchObject({
      status: 'fail',
      summary: expect.stringMatching(
        /^1 of 1 size-limit entries over budget \(\.size-limit\.json\): app [\d.]+ kB gzip > 30 kB$/,
      ),
    });
    const main = await run(repo, { target: 'main', limit: '80 kB' });
    expect(main.status).toBe('fail');
    expect(main.summary).toMatch(/\[the main bundle as \.size-limit\.json measures it\]$/);
    for (const [target, limit] of [
      ['vendor', '50 kB'],
      ['js', '500 kB'],
      ['css', '30 kB'],
    ]) {
      const outcome = await run(repo, { target, limit });
      expect(outcome.status).toBe('pass');
      expect(outcome.summary).toContain(`(no entry of .size-limit.json measures the `);
    }
  });

  test('within the entry, "all" passes with the repository budget', async () => {
    const repo = makeRepo({
      ...files,
      '.size-limit.json': JSON.stringify([
        { name: 'app', path: 'dist/assets/index-*.js', limit: '60 kB', gzip: true },
      ]),
    });
    repos.push(repo);
    expect(await run(repo, { target: 'all' })).toMatchObject({
      status: 'pass',
      summary: expect.stringMatching(
        /^1 size-limit budget met \(\.size-limit\.json\): app [\d.]+ kB gzip ≤ 60 kB$/,
      ),
    });
  });
});
