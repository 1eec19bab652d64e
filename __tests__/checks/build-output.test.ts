import { buildOutputCheck } from '../../checks/build-output.js';
import { findBuildDir } from '../../checks/lib/build/build-dir.js';
import {
  buildTestContext,
  incompressibleText,
  makeRepo,
  minifiedJs,
  removeRepo,
} from '../helpers/build-fixtures.js';

/** Hand-written-looking code: short indented lines (what an unminified build ships). */
function formattedJs(lines: number): string {
  const body: string[] = ['export function main() {'];
  for (let index = 0; index < lines; index++) body.push(`    const value${index} = compute(${index}, 'x');`);
  body.push('}');
  return body.join('\n');
}

// Assembled at run time so no secret-shaped literal is committed.
const SECRET = ['sk', 'live', '51NotARealKeyButLooksLikeOne'].join('_');

/** Minified code outside strings (string contents are not judged): `length` characters on one line. */
const code = (length: number) =>
  Array.from({ length: Math.ceil(length / 30) }, (_, i) => `function f${i}(a,b){return a*b+${i}}`)
    .join(';')
    .slice(0, length);
const css = (length: number) =>
  Array.from({ length: Math.ceil(length / 24) }, (_, i) => `.c${i}{margin:${i}px;color:red}`)
    .join('')
    .slice(0, length);

const goodFiles = {
  'dist/index.html': '<!doctype html><script type="module" src="/assets/app.js"></script>',
  'dist/assets/app.js': `${minifiedJs(4_000, 1)};${code(1_500)}\n//# sourceMappingURL=app.js.map`,
  'dist/assets/app.js.map': '{"version":3,"sources":["../src/app.ts"],"mappings":""}',
  'dist/assets/tiny.js': 'export{};\n//# sourceMappingURL=/assets/tiny.js.map',
  'dist/assets/tiny.js.map': '{"version":3}',
  'dist/assets/style.css': `.a{content:"${incompressibleText(3_000, 2)}"}${css(1_500)}`,
};

const inlineMap = Buffer.from('{"version":3}').toString('base64');
const badFiles = {
  'build/index.html': '<!doctype html><script src="app.js"></script>',
  // Line 3: console.log, line 4: process.env; the source map is inlined.
  'build/app.js': [
    'function start() {',
    '    const base = 1;',
    '    console.log("starting", base);',
    '    return fetch(process.env.API_URL);',
    formattedJs(60),
    '}',
    `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${inlineMap}`,
  ].join('\n'),
  'build/vendor.js': `${minifiedJs(3_000, 3)};${code(1_500)};console.debug("x")\n//# sourceMappingURL=vendor.js.map`,
  'build/other.js': `${minifiedJs(2_000, 4)};${code(1_500)}`,
  'build/other.js.map': '{"version":3}',
  'build/.env.production': `STRIPE_KEY=${SECRET}\n`,
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

async function run(repoDir: string, aspect: string, buildDir?: string) {
  const { ctx } = buildTestContext({ repoDir, buildDir });
  return buildOutputCheck.run(buildOutputCheck.params.parse({ aspect }), ctx);
}

describe('build-output', () => {
  test('skips without a build directory, and names a configured one that is missing', async () => {
    const empty = makeRepo({ 'README.md': '# app' });
    try {
      expect(await run(empty, 'console')).toEqual({
        status: 'skipped',
        summary:
          'no build directory (looked for dist/, build/, out/ and the client output of SvelteKit, Next.js, Nuxt, Vercel, Astro, Remix)',
      });
      expect((await run(empty, 'console', 'public')).summary).toBe('build directory public not found');
    } finally {
      removeRepo(empty);
    }
  });

  test('build dir detection: dist/ without index.html or JS is passed over for out/', () => {
    const repo = makeRepo({ 'dist/README.md': 'not a build', 'out/index.html': '<p>hi</p>' });
    try {
      expect(findBuildDir({ repoDir: repo })).toBe(`${repo}/out`);
      // A configured dir is used only when it holds browser assets.
      expect(findBuildDir({ repoDir: repo, buildDir: 'dist' })).toBeUndefined();
    } finally {
      removeRepo(repo);
    }
  });

  test('sourcemaps: separate referenced .map files pass', async () => {
    const outcome = await run(good, 'sourcemaps');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('Source maps: 2/2 JS files reference separate .map files, 0 inlined');
  });

  test('sourcemaps: inline, dangling and unreferenced maps fail with one finding each', async () => {
    const outcome = await run(bad, 'sourcemaps');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('Source maps: 0/3 JS files reference separate .map files, 1 inlined');
    expect(outcome.findings).toEqual([
      { file: 'build/app.js', message: 'source map is inlined as a data: URL (ships the sources)' },
      {
        file: 'build/other.js',
        message: expect.stringContaining('other.js.map exists but is not referenced'),
      },
      { file: 'build/vendor.js', message: 'references vendor.js.map, which is not in the build' },
    ]);
  });

  test('minified: documented heuristic passes minified output and flags formatted code', async () => {
    const pass = await run(good, 'minified');
    expect(pass.status).toBe('pass');
    expect(pass.summary).toBe('2/2 JS/CSS files > 1 kB minified (avg line > 200 chars and whitespace < 20%)');

    const fail = await run(bad, 'minified');
    expect(fail.status).toBe('fail');
    expect(fail.summary).toBe(
      '1 of 3 JS/CSS files > 1 kB not minified (avg line > 200 chars and whitespace < 20%)',
    );
    expect(fail.findings).toEqual([
      {
        file: 'build/app.js',
        message: expect.stringMatching(/^not minified: avg line \d+ chars, whitespace \d+%$/),
      },
    ]);
  });

  test('console: console.log/debug calls are reported with file and line', async () => {
    const pass = await run(good, 'console');
    expect(pass.status).toBe('pass');
    expect(pass.summary).toBe('no console.log/console.debug calls in 2 JS files');

    const fail = await run(bad, 'console');
    expect(fail.status).toBe('fail');
    expect(fail.summary).toBe('2 console.log/console.debug call(s) left in 2 JS file(s)');
    expect(fail.findings).toEqual([
      { file: 'build/app.js', line: 3, message: 'console.log( left in (column 5)' },
      {
        file: 'build/vendor.js',
        line: 1,
        message: expect.stringMatching(/^console\.debug\( left in \(column \d+\)$/),
      },
    ]);
  });

  test('env: no process.env and no .env file → "Environment variables verified"', async () => {
    const outcome = await run(good, 'env');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe(
      'Environment variables verified: no process.env in 2 JS files, no .env file in dist/',
    );
  });

  test('env: unreplaced process.env and a copied .env file fail without printing its values', async () => {
    const outcome = await run(bad, 'env');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('1 unreplaced process.env reference(s) in JS, 1 .env file(s) in build/');
    expect(outcome.findings).toEqual([
      {
        file: 'build/.env.production',
        message: '.env file copied into the build (would be served publicly)',
      },
      {
        file: 'build/app.js',
        line: 4,
        message: 'process.env reference not replaced at build time (column 18)',
      },
    ]);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  test('aspect is required and validated', () => {
    expect(buildOutputCheck.params.safeParse({}).success).toBe(false);
    expect(buildOutputCheck.params.safeParse({ aspect: 'gzip' }).success).toBe(false);
  });
});
