import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findDatabase,
  findHealthRoute,
  findPrometheusMetrics,
} from '../../checks/lib/detect/app-features.js';
import { detectStack } from '../../checks/lib/detect/stack.js';
import { deriveChecklist } from '../../src/cli/init-checklist.js';
import { checksWorkflowShape } from '../../src/core/doctor/workflow-shape.js';
import { defaultTemplatePath } from '../../src/load/default-template.js';
import { loadChecklist } from '../../src/load/load-checklist.js';
import { runCli } from '../helpers/cli-io.js';
import { expectGolden } from '../helpers/golden.js';
import { removeDirs, tempDir, writeFiles } from '../helpers/repo-temp.js';

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));
function repo(files: Record<string, string>): string {
  const dir = tempDir('shipgate-init-');
  dirs.push(dir);
  writeFiles(dir, files);
  return dir;
}

const pkg = (deps: Record<string, string>, scripts: Record<string, string>) =>
  JSON.stringify({ name: 'app', dependencies: deps, scripts });

describe('stack detection', () => {
  test.each([
    [
      'Vite SPA',
      { vite: '6', react: '19' },
      { build: 'vite build', preview: 'vite preview' },
      'Vite',
      'dist',
      'npm run preview',
      'http://127.0.0.1:4173/',
    ],
    [
      'SvelteKit',
      { '@sveltejs/kit': '2' },
      { build: 'vite build', preview: 'vite preview --port 5050' },
      'SvelteKit',
      '.svelte-kit/output/client',
      'npm run preview',
      'http://127.0.0.1:5050/',
    ],
    [
      'Next.js',
      { next: '15' },
      { build: 'next build', start: 'next start' },
      'Next.js',
      '.next',
      'npm run start',
      'http://127.0.0.1:3000/',
    ],
    [
      'Astro',
      { astro: '5' },
      { build: 'astro build', preview: 'astro preview' },
      'Astro',
      'dist',
      'npm run preview',
      'http://127.0.0.1:4321/',
    ],
    [
      'Fastify API',
      { fastify: '5' },
      { build: 'tsc', start: 'node dist/server.js' },
      'Fastify',
      undefined,
      'npm run start',
      'http://127.0.0.1:3000/',
    ],
    [
      'Nest API',
      { '@nestjs/core': '11', express: '5' },
      { start: 'PORT=8080 node dist/main.js' },
      'Nest',
      undefined,
      'npm run start',
      'http://127.0.0.1:8080/',
    ],
  ])('%s', (_name, deps, scripts, framework, buildDir, start, url) => {
    const facts = detectStack(repo({ 'package.json': pkg(deps, scripts) }));
    expect([facts.framework, facts.buildDir, facts.start, facts.url]).toEqual([
      framework,
      buildDir,
      start,
      url,
    ]);
  });

  test('migrations, coverage tool, WebSocket use and the secrets the app reads', () => {
    const facts = detectStack(
      repo({
        'package.json': JSON.stringify({
          dependencies: { fastify: '5', ws: '8' },
          devDependencies: { vitest: '3' },
        }),
        'migrations/001.do.init.sql': 'CREATE TABLE a (id int);',
        '.env.example': 'DATABASE_URL=\nJWT_SECRET=\nPORT=3000\n',
        'src/app.ts': 'const key = process.env.STRIPE_SECRET_KEY;\n',
      }),
    );
    expect(facts.migrationsDir).toBe('migrations');
    expect(facts.coverage).toBe('coverage/lcov.info');
    expect(facts.websocket).toBe('package.json depends on ws');
    expect(facts.secrets).toEqual(['DATABASE_URL', 'JWT_SECRET', 'STRIPE_SECRET_KEY']);
  });
});

describe('what init finds besides the stack', () => {
  test.each([
    [
      'Express literal',
      { 'src/app.js': "app.get('/healthz', (req, res) => res.json({ ok: true }));" },
      '/healthz',
    ],
    [
      'Fastify route object',
      { 'src/routes.ts': "fastify.route({ method: 'GET', url: '/api/health', handler })" },
      '/api/health',
    ],
    ['Next.js app route', { 'app/api/health/route.ts': 'export function GET() {}' }, '/api/health'],
    [
      'SvelteKit endpoint',
      { 'src/routes/health/+server.ts': 'export const GET = () => new Response("ok");' },
      '/health',
    ],
    ['/health preferred over /status', { 'a.ts': "r.get('/status', s); r.get('/health', h);" }, '/health'],
    ['a route only in a test is not the app’s', { 'test/app.test.ts': "app.get('/health', h)" }, undefined],
    ['a link is not a route', { 'src/nav.tsx': '<a href="/health">health</a>' }, undefined],
  ])('health route: %s', (_name, files, path) => {
    expect(findHealthRoute(repo({ 'package.json': '{}', ...files }))?.value).toBe(path);
  });

  test.each([
    ['prom-client', { dependencies: { 'prom-client': '15' } }, {}, 'prom-client'],
    ['a /metrics route', {}, { 'src/server.ts': "app.get('/metrics', handler)" }, '/metrics'],
    ['prom-client only in devDependencies', { devDependencies: { 'prom-client': '15' } }, {}, undefined],
    ['nothing', {}, {}, undefined],
  ])('prometheus: %s', (_name, manifest, files, value) => {
    const dir = repo({ 'package.json': JSON.stringify(manifest), ...files });
    expect(findPrometheusMetrics(dir)?.value).toBe(value);
  });

  test.each([
    ['pg', { dependencies: { pg: '8' } }, 'pg'],
    ['prisma', { devDependencies: { prisma: '6' } }, 'prisma'],
    ['none', { dependencies: { react: '19' } }, undefined],
  ])('database: %s', (_name, manifest, value) => {
    expect(findDatabase(repo({ 'package.json': JSON.stringify(manifest) }))?.value).toBe(value);
  });

  test('public build-time variables (VITE_, NEXT_PUBLIC_) are not secrets; a `-l PORT` flag is the port', () => {
    const facts = detectStack(
      repo({
        'package.json': pkg({ vite: '6' }, { build: 'vite build', preview: 'serve dist -l 3000 -s' }),
        '.env.example': 'VITE_API_KEY=\nNEXT_PUBLIC_TOKEN=\nSERVER_SECRET=\n',
      }),
    );
    expect(facts.secrets).toEqual(['SERVER_SECRET']);
    expect(facts.url).toBe('http://127.0.0.1:3000/');
  });
});

/** The fixtures the golden files pin: a Vite SPA and a Fastify API with metrics, migrations and ws. */
const FIXTURES: Record<string, Record<string, string>> = {
  'vite-spa': {
    'package.json': JSON.stringify({
      name: 'shop-front',
      version: '2.1.0',
      dependencies: { react: '19', 'react-dom': '19' },
      devDependencies: { vite: '6', vitest: '3' },
      scripts: { dev: 'vite', build: 'vite build', preview: 'vite preview' },
    }),
    'index.html': '<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>',
    'src/main.tsx': 'const api = import.meta.env.VITE_API_URL;\n',
    '.env.example': 'VITE_API_URL=http://localhost:8080\n',
  },
  'fastify-api': {
    'package.json': JSON.stringify({
      name: '@acme/orders-api',
      version: '0.9.0',
      dependencies: { fastify: '5', 'prom-client': '15', postgrator: '8', pg: '8', ws: '8' },
      devDependencies: { c8: '10' },
      scripts: { start: 'node server.js', test: 'c8 node --test' },
    }),
    'server.js': [
      "fastify.get('/healthz', async () => ({ status: 'ok' }));",
      "fastify.get('/metrics', async () => register.metrics());",
      'const secret = process.env.COOKIE_SECRET;',
      'const { JWT_SECRET, DATABASE_URL } = process.env;',
      '',
    ].join('\n'),
    'migrations/001.do.init.sql': 'CREATE TABLE orders (id int);',
    'migrations/001.undo.init.sql': 'DROP TABLE orders;',
    '.env.example': 'PORT=8080\nCOOKIE_SECRET=\n',
  },
};

describe('the checklist init derives from the template', () => {
  test.each(Object.keys(FIXTURES))('%s: report, config and checklist (golden)', async (name) => {
    const dir = repo(FIXTURES[name] ?? {});
    const { code, stdout } = await runCli(['init', dir]);
    expect(code).toBe(0);
    expectGolden(`init/${name}.report.txt`, stdout.replaceAll(dir, 'DIR'));
    const config = readFileSync(join(dir, '.github/shipgate.yml'), 'utf8');
    const checklist = readFileSync(join(dir, '.github/shipgate/checklist.md'), 'utf8');
    expectGolden(`init/${name}.shipgate.yml`, config);
    expectGolden(`init/${name}.checklist.md`, checklist);
    expect(config).toContain('template: ".github/shipgate/checklist.md"');
    for (const file of ['.github/shipgate.yml', '.github/shipgate/checklist.md'])
      expect((await runCli(['validate', join(dir, file)])).code).toBe(0);
  });

  test('the SPA: browser budgets bound, no WebSocket or database items, health manual, prometheus manual', () => {
    const template = loadChecklist();
    const source = readFileSync(defaultTemplatePath(), 'utf8');
    const dir = repo(FIXTURES['vite-spa'] ?? {});
    const { text, decisions } = deriveChecklist(source, template, {
      stack: detectStack(dir),
      envUsed: new Set(['VITE_API_URL']),
    });
    expect(text).toContain(
      '- [ ] Main bundle < 80KB <!-- shipgate: check=bundle-size target=main limit="80 kB" -->',
    );
    expect(text).not.toMatch(/check=websocket|check=migrations|Square|Kitchen/);
    expect(text).not.toContain('## 🗄️ Database Preparation'); // every item of the section dropped
    expect(text).toContain('- [ ] Load balancer health checks configured\n');
    expect(text).toContain('- [ ] No 500 errors\n');
    expect(text).toContain('1. [ ] Switch traffic back to blue'); // untouched lines stay verbatim
    const manual = decisions.filter((d) => d.action === 'manual').map((d) => d.check);
    expect(manual).toEqual(expect.arrayContaining(['health', 'prometheus']));
    expect(manual).not.toContain('coverage'); // vitest is there
  });

  test('the API with metrics: prometheus kept with a telemetry skeleton, migrations dir and health path fitted', async () => {
    const dir = repo(FIXTURES['fastify-api'] ?? {});
    const { stdout } = await runCli(['init', dir, '--dry-run']);
    expect(stdout).toContain('check=migrations dir=migrations');
    expect(stdout).toContain('check=health path=/healthz');
    expect(stdout).toContain('check=prometheus metric=error-rate max=5 phase=post-deploy');
    expect(stdout).toContain('    selector: \'job="orders-api"\'');
    expect(stdout).toContain(
      '- [ ] `COOKIE_SECRET` set for production <!-- shipgate: check=env-secrets name=COOKIE_SECRET minLength=32 -->',
    );
    expect(stdout).not.toMatch(/check=(?:bundle-size|lighthouse|build-output)/);
    expect(stdout).toMatch(/check=websocket max=500/);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });
});

describe('shipgate init', () => {
  test('--dry-run prints what it found and both files, and writes nothing', async () => {
    const dir = repo({
      'package.json': pkg({ vite: '6' }, { build: 'vite build', preview: 'vite preview' }),
    });
    const { code, stdout } = await runCli(['init', dir, '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('stack         Vite (spa)  (package.json depends on vite)');
    expect(stdout).toContain('  start: "npm run preview"');
    expect(stdout).toContain('# .github/shipgate.yml (dry run, not written)');
    expect(stdout).toContain('# .github/shipgate/checklist.md (dry run, not written)');
    expect(stdout).toContain('# .github/workflows/shipgate.yml (dry run, not written)');
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  test('writes both files, is idempotent, refuses a differing file without --force (exit 2)', async () => {
    const dir = repo({ 'package.json': pkg({ express: '5' }, { start: 'node server.js' }) });
    expect((await runCli(['init', dir])).code).toBe(0);
    const config = readFileSync(join(dir, '.github/shipgate.yml'), 'utf8');
    const checklist = readFileSync(join(dir, '.github/shipgate/checklist.md'), 'utf8');
    const again = await runCli(['init', dir]);
    expect([again.code, again.stdout.trim().split('\n').slice(-3)]).toEqual([
      0,
      [
        '.github/shipgate.yml is up to date',
        '.github/shipgate/checklist.md is up to date',
        '.github/workflows/shipgate.yml is up to date',
      ],
    ]);
    // the checks workflow: shipgate's two-job workflow, the install from the lockfile, and the
    // config names it as the only workflow that may vouch
    const workflow = readFileSync(join(dir, '.github/workflows/shipgate.yml'), 'utf8');
    expect(checksWorkflowShape(workflow)).toEqual({ mode: 'reusable', problems: [] });
    expect(workflow).toContain('install: "npm install" # from package.json without a lockfile');
    expect(config).toContain('checksWorkflow:\n  file: "shipgate.yml"');
    expect(readFileSync(join(dir, '.github/shipgate.yml'), 'utf8')).toBe(config);
    expect(readFileSync(join(dir, '.github/shipgate/checklist.md'), 'utf8')).toBe(checklist);

    writeFileSync(join(dir, '.github/shipgate/checklist.md'), `${checklist}- [ ] Our own item\n`);
    const refused = await runCli(['init', dir]);
    expect([refused.code, refused.stderr.trim()]).toEqual([
      2,
      'shipgate: .github/shipgate/checklist.md exists and differs from what init would write; nothing written (--force overwrites)',
    ]);
    expect(readFileSync(join(dir, '.github/shipgate/checklist.md'), 'utf8')).toContain('Our own item');
    expect((await runCli(['init', dir, '--force'])).code).toBe(0);
    expect(readFileSync(join(dir, '.github/shipgate/checklist.md'), 'utf8')).toBe(checklist);
  });

  test('check on an init’ed repository uses the written checklist', async () => {
    const dir = repo({ 'package.json': pkg({ express: '5' }, { start: 'node server.js' }) });
    await runCli(['init', dir]);
    const file = join(dir, '.github/shipgate/checklist.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('CHANGELOG.md updated', 'Changelog written'));
    const { stdout } = await runCli(['check', dir, '--only', 'changelog', '--format', 'json']);
    const report = JSON.parse(stdout) as { results: { text: string }[] };
    expect(report.results.map((result) => result.text)).toEqual(['Changelog written']);
  });

  test('a missing DIR is a usage error', async () => {
    const { code, stderr } = await runCli(['init', '/nonexistent-shipgate-dir']);
    expect([code, stderr.split('\n')[0]]).toEqual([
      2,
      'shipgate: /nonexistent-shipgate-dir: no such directory',
    ]);
  });
});

test('a Lighthouse CI config adds an item judging all its assertions', async () => {
  const dir = repo({
    'package.json': pkg({ vite: '6' }, { build: 'vite build', preview: 'vite preview' }),
    'lighthouserc.json': JSON.stringify({ ci: { assert: { preset: 'lighthouse:no-pwa' } } }),
  });
  const { stdout } = await runCli(['init', dir, '--dry-run']);
  expect(stdout).toContain('lighthouse ci  lighthouserc.json');
  expect(stdout).toContain(
    '- [ ] Lighthouse score > 90 <!-- shipgate: check=lighthouse metric=performance min=0.9 -->\n- [ ] Lighthouse CI assertions pass (lighthouserc.json) <!-- shipgate: check=lighthouse metric=lhci -->\n',
  );
});
