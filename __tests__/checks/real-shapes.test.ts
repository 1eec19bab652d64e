/**
 * The shapes real repositories have and our own fixtures did not (issue 14): a SPA fallback
 * server, a server's tsc output in dist/, postgrator and Flyway trees, Prisma/Drizzle/Knex
 * migrations, an app without WebSockets, a repo's own size-limit config, a target URL with a path.
 */
import { describe, expect, test } from '@jest/globals';
import { buildOutputCheck } from '../../checks/build-output.js';
import { bundleSizeCheck } from '../../checks/bundle-size.js';
import { strictParams } from '../../checks/contract.js';
import { healthCheck } from '../../checks/health.js';
import { findBrowserBuild } from '../../checks/lib/build/build-dir.js';
import { textShape } from '../../checks/lib/build/build-scan.js';
import { DEV_SERVER } from '../../checks/lib/detect/stack.js';
import { joinBase, resolveTarget } from '../../checks/lib/http/http-target.js';
import { migrationsCheck } from '../../checks/migrations.js';
import { websocketCheck } from '../../checks/websocket.js';
import { buildTestContext, makeRepo, minifiedJs, removeRepo } from '../helpers/build-fixtures.js';
import { repoContext } from '../helpers/repo-temp.js';
import { runtimeContext } from '../helpers/runtime-context.js';
import { startHttpServer } from '../helpers/runtime-servers.js';

const INDEX_HTML =
  '<!doctype html><html><head><title>Vite App</title></head><body><div id="root"></div></body></html>';

describe('health on real shapes', () => {
  test('a SPA fallback (vite preview answers every path with index.html, 200) fails', async () => {
    const spa = await startHttpServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(INDEX_HTML),
    );
    try {
      const outcome = await healthCheck.run(
        healthCheck.params.parse({}),
        runtimeContext({ targetUrl: spa.url }),
      );
      expect(outcome.status).toBe('fail');
      expect(outcome.summary).toMatch(
        /^GET \/health → 200 in .*, but answered with an HTML page \("Vite App"\)/,
      );
    } finally {
      await spa.close();
    }
  });

  test('an HTML body without a content type is still a page; JSON and plain "ok" pass; {"status":"down"} fails', async () => {
    const server = await startHttpServer((req, res) => {
      if (req.url === '/bare') return res.end('<!DOCTYPE html>\n<html><body>app</body></html>');
      if (req.url === '/json')
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      if (req.url === '/plain') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      if (req.url === '/down')
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"down"}');
      if (req.url === '/moved') return res.writeHead(308, { location: '/health/' }).end();
      res.writeHead(404).end();
    });
    const run = (params: Record<string, unknown>) =>
      healthCheck.run(healthCheck.params.parse(params), runtimeContext({ targetUrl: server.url }));
    try {
      expect((await run({ path: '/bare' })).status).toBe('fail');
      expect(await run({ path: '/json' })).toMatchObject({
        status: 'pass',
        summary: expect.stringContaining('(application/json)'),
      });
      expect((await run({ path: '/plain' })).status).toBe('pass');
      expect(await run({ path: '/down' })).toMatchObject({
        status: 'fail',
        summary: expect.stringContaining('reports itself unhealthy'),
      });
      expect(await run({ path: '/moved' })).toMatchObject({
        status: 'fail',
        summary: expect.stringMatching(/→ 308 .*redirects to \/health\/$/),
      });
      expect(await run({ path: '/json', expect: '"status":"ok"' })).toMatchObject({ status: 'pass' });
      expect(await run({ path: '/plain', expect: 'healthy' })).toMatchObject({ status: 'fail' });
    } finally {
      await server.close();
    }
  });
});

describe('target URL and paths, composed as a user reads them', () => {
  test.each([
    ['http://h:1/', '/health', 'http://h:1/health'],
    ['http://h:1/app/', '/health', 'http://h:1/app/health'],
    ['http://h:1/app/', 'health', 'http://h:1/app/health'],
    ['http://h:1/login', '/health', 'http://h:1/health'],
    ['http://h:1/app/login', '/api/x?y=1', 'http://h:1/app/api/x?y=1'],
  ])('%s + %s → %s', (base, path, expected) => {
    expect(joinBase(new URL(base), path).href).toBe(expected);
  });

  test('without a path a check uses the target URL itself (a load test on /login, not /login/)', () => {
    const resolved = resolveTarget(runtimeContext({ targetUrl: 'http://h:1/login' }));
    expect(resolved.ok && resolved.url.href).toBe('http://h:1/login');
  });
});

describe('browser-bundle checks only on browser assets', () => {
  const serverDist = {
    'package.json': '{"name":"api","dependencies":{"fastify":"5"}}',
    'dist/server.js': `"use strict";\nconst fastify = require("fastify");\nconsole.log(process.env.PORT);\n`,
    'dist/server.d.ts': 'export {};',
    'dist/routes/users.js': 'module.exports = {};\n',
  };

  test("a server's tsc output in dist/ is skipped by build-output and bundle-size, with the reason", async () => {
    const repo = makeRepo(serverDist);
    try {
      const { ctx } = buildTestContext({ repoDir: repo });
      for (const aspect of ['minified', 'sourcemaps', 'env', 'console']) {
        const outcome = await buildOutputCheck.run(buildOutputCheck.params.parse({ aspect }), ctx);
        expect(outcome.status).toBe('skipped');
        expect(outcome.summary).toContain(
          'dist/ has JS but no HTML entry point (server output, not browser assets)',
        );
      }
      const size = await bundleSizeCheck.run(bundleSizeCheck.params.parse({ target: 'main' }), ctx);
      expect(size.status).toBe('skipped');
    } finally {
      removeRepo(repo);
    }
  });

  test.each([
    ['.svelte-kit/output/client/_app/immutable/entry/start.js', '.svelte-kit/output/client', 'SvelteKit'],
    ['.next/static/chunks/main.js', '.next/static', 'Next.js'],
    ['.output/public/_nuxt/entry.js', '.output/public', 'Nuxt/Nitro'],
    ['.vercel/output/static/assets/a.js', '.vercel/output/static', 'Vercel Build Output'],
    ['dist/client/_astro/page.js', 'dist/client', 'Astro/Vite SSR'],
    ['build/client/assets/root.js', 'build/client', 'Remix/React Router'],
  ])('framework client output %s is the browser build', (file, dir, framework) => {
    const repo = makeRepo({ [file]: minifiedJs(2000), 'dist/server/entry.mjs': 'export {}' });
    try {
      expect(findBrowserBuild({ repoDir: repo })).toEqual({
        ok: true,
        dir: `${repo}/${dir}`,
        how: `${framework} client output`,
      });
    } finally {
      removeRepo(repo);
    }
  });

  test('a configured framework root maps to its client output; a configured server dir is refused', () => {
    const repo = makeRepo({
      '.next/static/chunks/a.js': 'x',
      '.next/server/app/page.js': 'x',
      'lib/index.js': 'x',
    });
    try {
      expect(findBrowserBuild({ repoDir: repo, buildDir: '.next' })).toMatchObject({
        ok: true,
        dir: `${repo}/.next/static`,
      });
      expect(findBrowserBuild({ repoDir: repo, buildDir: 'lib' })).toEqual({
        ok: false,
        reason:
          'lib/ has JS but no HTML entry point and is no framework client output: not browser assets (a server build?)',
      });
    } finally {
      removeRepo(repo);
    }
  });
});

describe("a repository's own size-limit config is the source of truth", () => {
  test('.size-limit.json with a 10 kB limit fails a 47 kB bundle that the 80 kB default would pass', async () => {
    const repo = makeRepo({
      'dist/index.html': '<!doctype html><script type="module" src="/assets/index.js"></script>',
      'dist/assets/index.js': minifiedJs(47_000, 3),
      '.size-limit.json': JSON.stringify([{ name: 'app', path: 'dist/assets/*.js', limit: '10 kB' }]),
    });
    try {
      const { ctx } = buildTestContext({ repoDir: repo });
      const outcome = await bundleSizeCheck.run(
        bundleSizeCheck.params.parse({ target: 'main', limit: '80 kB' }),
        ctx,
      );
      expect(outcome.status).toBe('fail');
      expect(outcome.summary).toMatch(
        /^1 of 1 size-limit entries over budget \(\.size-limit\.json\): app [\d.]+ kB brotli > 10 kB \[the main bundle as \.size-limit\.json measures it\]$/,
      );
    } finally {
      removeRepo(repo);
    }
  });

  test('package.json "size-limit" entries pass within their limits (gzip when the entry says so); "import" entries are not guessed', async () => {
    const pkg = { name: 'x', 'size-limit': [{ path: 'dist/a.js', limit: '100 kB', gzip: true }] };
    const repo = makeRepo({
      'dist/index.html': '<!doctype html>',
      'dist/a.js': minifiedJs(5000),
      'package.json': JSON.stringify(pkg),
    });
    const withImport = makeRepo({
      'package.json': JSON.stringify({
        'size-limit': [{ path: 'index.js', import: '{ a }', limit: '1 kB' }],
      }),
      'index.js': 'export const a = 1;',
    });
    try {
      const ok = await bundleSizeCheck.run(
        bundleSizeCheck.params.parse({}),
        buildTestContext({ repoDir: repo }).ctx,
      );
      expect(ok).toMatchObject({
        status: 'pass',
        summary: expect.stringMatching(
          /^1 size-limit budget met \(package\.json "size-limit"\): dist\/a\.js [\d.]+ kB gzip ≤ 100 kB$/,
        ),
      });
      const skipped = await bundleSizeCheck.run(
        bundleSizeCheck.params.parse({}),
        buildTestContext({ repoDir: withImport }).ctx,
      );
      expect(skipped.status).toBe('skipped');
    } finally {
      removeRepo(repo);
      removeRepo(withImport);
    }
  });
});

describe('migrations trees of real tools', () => {
  const UP = 'CREATE TABLE users (id int);\n';
  const DOWN = 'DROP TABLE users;\n';
  const run = async (files: Record<string, string>) => {
    const repo = makeRepo(files);
    try {
      return await migrationsCheck.run(migrationsCheck.params.parse({}), repoContext(repo));
    } finally {
      removeRepo(repo);
    }
  };

  test('postgrator: NNN.do + NNN.undo are ONE migration with its rollback', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 5; i++) {
      const n = String(i).padStart(3, '0');
      files[`migrations/${n}.do.step-${i}.sql`] = UP;
      files[`migrations/${n}.undo.step-${i}.sql`] = DOWN;
    }
    expect(await run(files)).toMatchObject({
      status: 'pass',
      summary: '5 migrations in migrations, all with a rollback',
    });
    delete files['migrations/004.undo.step-4.sql'];
    expect(await run(files)).toMatchObject({
      status: 'fail',
      summary: '1 of 5 migrations in migrations without a rollback',
      findings: [
        {
          file: 'migrations/004.do.step-4.sql',
          line: 1,
          message: expect.stringContaining('add 004.undo.step-4.sql (postgrator undo)'),
        },
      ],
    });
  });

  test('Flyway: V<version> paired with U<version>; repeatables R__ need none', async () => {
    const base = 'src/main/resources/db/migration';
    const outcome = await run({
      [`${base}/V1__init.sql`]: UP,
      [`${base}/U1__init.sql`]: DOWN,
      [`${base}/V1_1__add_email.sql`]: UP,
      [`${base}/R__views.sql`]: 'CREATE OR REPLACE VIEW v AS SELECT 1;',
    });
    expect(outcome).toMatchObject({
      status: 'fail',
      summary: `1 of 2 migrations in ${base} without a rollback`,
    });
    expect(outcome.findings?.[0]?.message).toContain('add U1_1__add_email.sql (Flyway undo migration');
  });

  test('Knex/Sequelize down exports; an empty down() is no rollback', async () => {
    const outcome = await run({
      'migrations/20240101_users.js':
        'exports.up = (knex) => knex.schema.createTable("u", () => {});\nexports.down = (knex) => knex.schema.dropTable("u");\n',
      'migrations/20240102_posts.cjs':
        'module.exports = { async up(q) { await q.createTable("p", {}); }, async down() {} };\n',
    });
    expect(outcome).toMatchObject({
      status: 'fail',
      summary: '1 of 2 migrations in migrations without a rollback',
    });
    expect(outcome.details).toContain('migrations/20240102_posts.cjs: down() is empty');
  });

  test('Prisma and Drizzle: no down migrations of their own, the advice says so', async () => {
    const prisma = await run({
      'prisma/migrations/20240101000000_init/migration.sql': UP,
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"',
    });
    expect(prisma.status).toBe('fail');
    expect(prisma.details).toContain('Prisma Migrate writes no down migrations');
    const drizzle = await run({ 'drizzle/0000_init.sql': UP, 'drizzle/meta/_journal.json': '{}' });
    expect(drizzle.status).toBe('fail');
    expect(drizzle.details).toContain('drizzle-kit generates no down migrations');
  });
});

describe('websocket', () => {
  test('skipped (not applicable) when the app has no WebSocket server', async () => {
    const repo = makeRepo({
      'package.json': '{"dependencies":{"express":"4"},"devDependencies":{"ws":"8"}}',
      'src/index.js': 'app.listen(3000)',
    });
    try {
      const outcome = await websocketCheck.run(
        websocketCheck.params.parse({}),
        runtimeContext({ repoDir: repo, targetUrl: 'http://127.0.0.1:9/' }),
      );
      expect(outcome.status).toBe('skipped');
      expect(outcome.summary).toMatch(/^not applicable: the app serves no WebSocket/);
    } finally {
      removeRepo(repo);
    }
  });
});

describe('unknown parameters are refused', () => {
  test('timeout=5 on health names the known parameters', () => {
    const parsed = strictParams(healthCheck.params).safeParse({ timeout: 5 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['timeout'],
      message: 'unknown parameter; known: path, timeoutMs, expect',
    });
  });
});

describe('shapes found in the real-app run (docs/real-apps.md)', () => {
  test('a minified chunk holding a formatted HTML template literal is minified (SvelteKit error page)', () => {
    const page = `<!doctype html>\n<html lang="en">\n\t<head>\n${'\t\t<style>\n\t\t\tbody { margin: 0; }\n\t\t</style>\n'.repeat(40)}</head></html>`;
    const chunk = `const e=({status:n,message:t})=>\`${page}\`+t+\`</p>\`;${'function f(a,b){return a*b};'.repeat(60)}export{e as t};`;
    expect(textShape(chunk).minified).toBe(true);
    const formatted = `function f(a, b) {\n  return a * b;\n}\n`.repeat(80);
    expect(textShape(formatted).minified).toBe(false);
  });

  test.each([
    ['astro dev', true],
    ['vite', true],
    ['vite --port 3000', true],
    ['next dev --turbopack', true],
    ['nodemon src/index.js', true],
    ['node --watch server.js', true],
    ['vite preview', false],
    ['astro preview', false],
    ['next start', false],
    ['npm run build && node dist/server.js', false],
  ])('start script %j is a development server: %s', (script, dev) => {
    expect(DEV_SERVER.test(script)).toBe(dev);
  });
});
