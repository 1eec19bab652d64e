import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listSourceFiles, readPackage, readSmallFile } from './repo-files.js';

/** What init found and where, so the printed report can say why. */
export interface Found {
  value: string;
  why: string;
}

/** Test sources: a route registered only in a test is not the app's. */
export const TEST_PATH =
  /(?:^|\/)(?:test|tests|__tests__|__mocks__|fixtures?|e2e|cypress|playwright)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/i;

/** Health paths by preference: a dedicated `/health*` beats the generic `/status` or `/ping`. */
const HEALTH_PATHS = [
  '/health',
  '/healthz',
  '/api/health',
  '/api/healthz',
  '/healthcheck',
  '/health-check',
  '/api/healthcheck',
  '/livez',
  '/readyz',
  '/api/status',
  '/status',
  '/ping',
  '/api/ping',
];

/** File-based routes (Next.js, SvelteKit, Astro, Nuxt, Remix) that serve a health path. */
const ROUTE_FILES: readonly { path: string; file: RegExp }[] = [
  {
    path: '/api/health',
    file: /^(?:src\/)?(?:app\/api\/health\/route|pages\/api\/health(?:\/index)?|server\/api\/health|routes\/api\.health|src\/routes\/api\/health\/\+server|src\/pages\/api\/health)\.[cm]?[jt]sx?$/,
  },
  {
    path: '/health',
    file: /^(?:src\/)?(?:app\/health\/route|pages\/health|server\/routes\/health|routes\/health|src\/routes\/health\/\+server|src\/pages\/health)\.[cm]?[jt]sx?$/,
  },
];

/** `app.get('/healthz', …)`, `{ url: '/health' }`, `router.route('/api/health')`: the literal, quoted. */
function literalRoute(text: string, path: string): boolean {
  const escaped = path.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  return new RegExp(
    `(?:\\.(?:get|all|route|head|use)\\s*\\(\\s*|(?:url|path)\\s*:\\s*)['"\`]${escaped}/?['"\`]`,
  ).test(text);
}

/** The app's health endpoint, from a file-based route or a route literal in its (non-test) sources. */
export function findHealthRoute(repoDir: string): Found | undefined {
  const files = listSourceFiles(repoDir).filter((file) => !TEST_PATH.test(file));
  for (const route of ROUTE_FILES) {
    const file = files.find((candidate) => route.file.test(candidate));
    if (file) return { value: route.path, why: `${file} is a file-based route` };
  }
  const texts = files.map((file) => ({ file, text: readSmallFile(join(repoDir, file)) }));
  for (const path of HEALTH_PATHS) {
    const hit = texts.find(({ text }) => text.includes(path) && literalRoute(text, path));
    if (hit) return { value: path, why: `${hit.file} registers ${path}` };
  }
  return undefined;
}

/** Packages that expose Prometheus metrics from a Node app. */
export const METRICS_PACKAGES = [
  'prom-client',
  'express-prom-bundle',
  'fastify-metrics',
  '@willsoto/nestjs-prometheus',
  'koa-prometheus-adv',
  '@opentelemetry/exporter-prometheus',
];

/** Whether the app exposes Prometheus metrics: a metrics package, or a `/metrics` route in its sources. */
export function findPrometheusMetrics(repoDir: string): Found | undefined {
  const pkg = readPackage(repoDir);
  const dep = pkg && METRICS_PACKAGES.find((name) => pkg.runtimeDeps.has(name));
  if (dep) return { value: dep, why: `package.json depends on ${dep}` };
  for (const file of listSourceFiles(repoDir)) {
    if (TEST_PATH.test(file)) continue;
    const text = readSmallFile(join(repoDir, file));
    if (text.includes('/metrics') && literalRoute(text, '/metrics'))
      return { value: '/metrics', why: `${file} registers /metrics` };
  }
  return undefined;
}

/** Database clients and ORMs: an app using one may need migrations even without a migrations folder. */
export const DATABASE_PACKAGES = [
  'pg',
  'postgres',
  'mysql',
  'mysql2',
  'mariadb',
  'mongodb',
  'mongoose',
  '@prisma/client',
  'prisma',
  'knex',
  'sequelize',
  'typeorm',
  'drizzle-orm',
  '@mikro-orm/core',
  'better-sqlite3',
  'sqlite3',
  '@vercel/postgres',
  '@neondatabase/serverless',
  '@planetscale/database',
  '@supabase/supabase-js',
  'kysely',
  'objection',
];

export function findDatabase(repoDir: string): Found | undefined {
  const pkg = readPackage(repoDir);
  const dep = pkg && DATABASE_PACKAGES.find((name) => pkg.deps.has(name));
  if (dep) return { value: dep, why: `package.json depends on ${dep}` };
  if (existsSync(join(repoDir, 'prisma', 'schema.prisma')))
    return { value: 'prisma', why: 'prisma/schema.prisma exists' };
  return undefined;
}
