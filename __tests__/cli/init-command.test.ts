import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectStack } from '../../checks/lib/detect/stack.js';
import { runCli } from '../helpers/cli-io.js';
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

describe('shipgate init', () => {
  test('--dry-run prints what it found and the config, and writes nothing', async () => {
    const dir = repo({
      'package.json': pkg({ vite: '6' }, { build: 'vite build', preview: 'vite preview' }),
    });
    const { code, stdout } = await runCli(['init', dir, '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('stack       Vite (spa)  (package.json depends on vite)');
    expect(stdout).toContain('  start: "npm run preview"');
    expect(stdout).toContain('    enabled: false  # no WebSocket server found');
    expect(existsSync(join(dir, '.github/shipgate.yml'))).toBe(false);
  });

  test('writes a config that validates, and is idempotent', async () => {
    const dir = repo({ 'package.json': pkg({ express: '5' }, { start: 'node server.js' }) });
    expect((await runCli(['init', dir])).code).toBe(0);
    const written = readFileSync(join(dir, '.github/shipgate.yml'), 'utf8');
    expect(written).toContain('  lighthouse:\n    enabled: false  # API only: no browser build');
    const again = await runCli(['init', dir]);
    expect([again.code, again.stdout.trim().split('\n').at(-1)]).toEqual([
      0,
      '.github/shipgate.yml is up to date',
    ]);
    expect(readFileSync(join(dir, '.github/shipgate.yml'), 'utf8')).toBe(written);
    expect((await runCli(['validate', join(dir, '.github/shipgate.yml')])).code).toBe(0);
  });

  test('a missing DIR is a usage error', async () => {
    const { code, stderr } = await runCli(['init', '/nonexistent-shipgate-dir']);
    expect([code, stderr.split('\n')[0]]).toEqual([
      2,
      'shipgate: /nonexistent-shipgate-dir: no such directory',
    ]);
  });
});
