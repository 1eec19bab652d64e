import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bundleSizeCheck } from '../../checks/bundle-size.js';
import { formatBytes, parseByteSize } from '../../src/core/byte-size.js';
import {
  buildTestContext,
  incompressibleText,
  makeRepo,
  minifiedJs,
  removeRepo,
} from '../helpers/build-fixtures.js';

const css = (length: number, seed: number) => `.a{content:"${incompressibleText(length - 16, seed)}"}`;

/** Vite-shaped build within every budget; a lazy chunk is the largest non-vendor JS but not the entry. */
const goodFiles = {
  'dist/index.html':
    '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-abc.js?v=1"></script>' +
    '<script src="https://cdn.example.com/analytics.js"></script><link rel="stylesheet" href="/assets/style.css">' +
    '</head><body></body></html>',
  'dist/assets/index-abc.js': minifiedJs(20_000, 1),
  'dist/assets/index-abc.js.map': '{"version":3}',
  'dist/assets/vendor-react-123.js': minifiedJs(30_000, 2),
  'dist/assets/lazy-chunk.js': minifiedJs(60_000, 3),
  'dist/assets/style.css': css(5_000, 4),
};

/** Over budget on main (~113 kB gzip), one vendor chunk (~60 kB) and CSS (~45 kB); total JS still < 500 kB. */
const badFiles = {
  'build/index.html': '<!doctype html><title>no script tags</title>',
  'build/main.js': minifiedJs(150_000, 5),
  'build/vendor-a.js': minifiedJs(80_000, 6),
  'build/vendor-b.js': minifiedJs(10_000, 7),
  'build/chunk-lib.js': minifiedJs(75_000, 9),
  'build/app.css': css(60_000, 8),
};

let good: string;
let bad: string;
beforeAll(() => {
  good = makeRepo(goodFiles);
  bad = makeRepo(badFiles);
});
afterAll(() => {
  removeRepo(good);
  removeRepo(bad);
});

const gzipOf = (repo: string, file: string) => gzipSync(readFileSync(join(repo, file)), { level: 9 }).length;

async function run(repoDir: string, params: Record<string, unknown>) {
  const { ctx } = buildTestContext({ repoDir });
  return bundleSizeCheck.run(bundleSizeCheck.params.parse(params), ctx);
}

describe('bundle-size', () => {
  test('skips without a build directory', async () => {
    const empty = makeRepo({ 'src/index.ts': 'export {};' });
    try {
      const outcome = await run(empty, { target: 'main' });
      expect(outcome).toEqual({
        status: 'skipped',
        summary:
          'no build directory (looked for dist/, build/, out/ and the client output of SvelteKit, Next.js, Nuxt, Vercel, Astro, Remix)',
      });
    } finally {
      removeRepo(empty);
    }
  });

  test('main = the index.html entry script, measured as gzip like zlib level 9', async () => {
    const outcome = await run(good, { target: 'main', limit: '80 kB' });
    const expected = gzipOf(good, 'dist/assets/index-abc.js');
    expect(outcome.status).toBe('pass');
    expect(outcome.metrics?.mainBytes).toBe(expected);
    expect(outcome.summary).toBe(`main ${formatBytes(expected)} gzip ≤ 80 kB`);
    expect(outcome.findings).toEqual([]);
  });

  test('main over budget fails and names the file (largest non-vendor JS without index.html)', async () => {
    const outcome = await run(bad, { target: 'main' });
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/^main \d+(\.\d)? kB gzip > 80 kB$/);
    expect(outcome.findings).toEqual([
      { file: 'build/main.js', message: expect.stringContaining('main bundle over its 80 kB budget') },
    ]);
  });

  test('vendor chunks are judged one by one; the summary names the largest', async () => {
    const pass = await run(good, { target: 'vendor' });
    expect(pass.status).toBe('pass');
    expect(pass.summary).toMatch(
      /^largest vendor chunk assets\/vendor-react-123\.js .* gzip ≤ 50 kB each \(1 chunk\)$/,
    );

    const fail = await run(bad, { target: 'vendor', limit: '50KB' });
    expect(fail.status).toBe('fail');
    expect(fail.summary).toMatch(/^largest vendor chunk vendor-a\.js .* > 50 kB each \(2 chunks\)$/);
    expect(fail.findings?.map((finding) => finding.file)).toEqual(['build/vendor-a.js']);
  });

  test('vendorGlob selects the chunks and takes them out of main', async () => {
    const outcome = await run(bad, { target: 'vendor', vendorGlob: 'chunk-*.js', limit: 100_000 });
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/^largest vendor chunk chunk-lib\.js .* ≤ 100 kB each \(1 chunk\)$/);
    const main = await run(bad, { target: 'main', vendorGlob: '*.js', limit: 1 });
    expect(main.summary).toBe('main 0 B gzip ≤ 1 B (no entry script found)');
  });

  test('total JS and CSS budgets, with custom limits', async () => {
    const js = await run(good, { target: 'js' });
    expect(js.status).toBe('pass');
    expect(js.summary).toMatch(/^total JS \d+(\.\d)? kB gzip ≤ 500 kB \(3 files\)$/);
    const tight = await run(good, { target: 'js', limit: '50KB' });
    expect(tight.status).toBe('fail');
    expect(tight.findings?.[0]?.file).toBe('dist/assets/lazy-chunk.js');

    expect((await run(good, { target: 'css' })).status).toBe('pass');
    const cssFail = await run(bad, { target: 'css' });
    expect(cssFail.status).toBe('fail');
    expect(cssFail.summary).toMatch(/^CSS \d+(\.\d)? kB gzip > 30 kB \(1 file\)$/);
    expect(cssFail.findings?.map((finding) => finding.file)).toEqual(['build/app.css']);
  });

  test('all: every budget at once with the seed limits', async () => {
    const pass = await run(good, { target: 'all' });
    expect(pass.status).toBe('pass');
    expect(pass.summary).toMatch(/^All performance budgets met \(gzip\): main .* ≤ 80 kB, .* ≤ 30 kB$/);

    const fail = await run(bad, {});
    expect(fail.status).toBe('fail');
    expect(fail.summary).toMatch(
      /^3 of 4 performance budgets exceeded: main .*; largest vendor chunk .*; CSS .*$/,
    );
    expect(fail.findings?.map((finding) => finding.file).sort()).toEqual([
      'build/app.css',
      'build/main.js',
      'build/vendor-a.js',
    ]);
  });

  test('compression is configurable and stated in the summary', async () => {
    const raw = await run(good, { target: 'main', compression: 'none' });
    expect(raw.metrics?.mainBytes).toBe(goodFiles['dist/assets/index-abc.js'].length);
    expect(raw.summary).toMatch(/ uncompressed ≤ 80 kB$/);

    const brotli = await run(good, { target: 'main', compression: 'brotli' });
    const source = readFileSync(join(good, 'dist/assets/index-abc.js'));
    const expected = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    expect(brotli.metrics?.mainBytes).toBe(expected);
    expect(brotli.summary).toMatch(/ brotli ≤ 80 kB$/);
  });

  test('one size-limit run is shared by all items of a check run', async () => {
    const { ctx, counter } = buildTestContext({ repoDir: good });
    for (const target of ['main', 'vendor', 'js', 'css', 'all'] as const) {
      await bundleSizeCheck.run(bundleSizeCheck.params.parse({ target }), ctx);
    }
    // One read of the repo's size-limit config (none here), one measurement and one reading of what
    // the build's chunks are (vendor or not), for every item.
    expect(counter.memoCalls).toBe(3);
  });

  test('limits are read like size-limit (kB = 1000 B); bad limits are rejected', () => {
    expect(parseByteSize('80kB')).toBe(80_000);
    expect(parseByteSize('80 kB')).toBe(80_000);
    expect(parseByteSize('50KB')).toBe(50_000);
    expect(parseByteSize('1.5 MB')).toBe(1_500_000);
    expect(parseByteSize('1 KiB')).toBe(1024);
    expect(parseByteSize(512)).toBe(512);
    expect(parseByteSize('eighty')).toBeUndefined();
    expect(bundleSizeCheck.params.safeParse({ limit: '80 parsecs' }).success).toBe(false);
    expect(bundleSizeCheck.params.safeParse({ target: 'fonts' }).success).toBe(false);
  });
});
