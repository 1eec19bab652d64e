import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { detectOtherStack, listAnySourceFiles } from './other-stacks.js';
import { listSourceFiles, readPackage, readSmallFile } from './repo-files.js';
import { mountPrefix, routerPrefix } from './server-app.js';
import { TEST_PATH } from './test-path.js';

export { TEST_PATH };

/** What init found and where, so the printed report can say why. */
export interface Found {
  value: string;
  why: string;
}

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

/**
 * `app.get('/healthz', …)`, `{ url: '/health' }`, `router.route('/api/health')`, Flask/FastAPI
 * `@app.route('/health')` / `@app.get("/health")`, Go `http.HandleFunc("/health", …)` / gin
 * `r.GET("/health", …)`, Spring `@GetMapping("/health")`, Rails `get "/health"`: the literal, quoted.
 */
function literalRoute(text: string, path: string): boolean {
  const escaped = path.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  return new RegExp(
    `(?:\\.(?:get|all|route|head|use|GET|Get|HEAD|Handle|HandleFunc|api_route)\\s*\\(\\s*|(?:url|path)\\s*:\\s*|@(?:Get|Request)Mapping\\(\\s*(?:(?:value|path)\\s*=\\s*)?\\{?\\s*|^\\s*get\\s+)['"\`]${escaped}/?['"\`]`,
    'm',
  ).test(text);
}

/** `receiver.get('/health'`: the object the route is registered on (`app`, `router`, `r`). */
function routeReceiver(text: string, path: string): string | undefined {
  const escaped = path.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  return new RegExp(
    `(\\w+)\\s*\\.\\s*(?:get|all|route|head|use|GET|Get|HEAD|api_route|HandleFunc|Handle)\\s*\\(\\s*['"\`]${escaped}/?['"\`]`,
  ).exec(text)?.[1];
}

/** Django `path('health/', …)` / `re_path(r'^healthz/?$', …)` in a urls.py, with the include() prefix. */
function djangoHealth(repoDir: string, files: readonly string[]): Found | undefined {
  const urls = files.filter((file) => /(?:^|\/)urls\.py$/.test(file));
  for (const file of urls) {
    const text = readSmallFile(join(repoDir, file));
    const route =
      /\b(?:re_)?path\(\s*r?['"]\^?((?:api\/)?(?:health|healthz|healthcheck|health-check|status|ping|livez|readyz)\/?)\$?['"]/.exec(
        text,
      );
    if (!route?.[1]) continue;
    // include('app.urls') under path('api/', …) in another urls.py
    const module = file.replace(/\.py$/, '').split('/').join('.');
    let prefix = '';
    for (const other of urls) {
      const include = new RegExp(
        `path\\(\\s*['"]([^'"]*)['"]\\s*,\\s*include\\(\\s*['"]${module.replace(/\./g, '\\.')}['"]`,
      ).exec(readSmallFile(join(repoDir, other)));
      if (include) prefix = include[1] ?? '';
    }
    const path = `/${prefix}${route[1]}`.replace(/\/{2,}/g, '/');
    return { value: path, why: `${file} routes ${route[1]}${prefix ? ` under include at ${prefix}` : ''}` };
  }
  return undefined;
}

/** Health endpoints a framework ships: Rails 7.1 `/up`, Spring Boot Actuator `/actuator/health`. */
function frameworkHealth(repoDir: string): Found | undefined {
  const routes = readSmallFile(join(repoDir, 'config/routes.rb'));
  const up = /^\s*get\s+['"]\/?(up|health|healthz)['"]\s*(?:=>|,\s*to:)\s*['"]([\w/#]+)['"]/m.exec(routes);
  if (up?.[1]) return { value: `/${up[1]}`, why: `config/routes.rb routes /${up[1]} to ${up[2]}` };
  const other = detectOtherStack(repoDir);
  if (other?.language === 'java' && other.deps.has('spring-boot-starter-actuator'))
    return { value: '/actuator/health', why: 'spring-boot-starter-actuator serves /actuator/health' };
  return undefined;
}

/** The app's health endpoint, from a file-based route or a route literal in its (non-test) sources. */
export function findHealthRoute(repoDir: string): Found | undefined {
  const files = listAnySourceFiles(repoDir).filter((file) => !TEST_PATH.test(file));
  for (const route of ROUTE_FILES) {
    const file = files.find((candidate) => route.file.test(candidate));
    if (file) return { value: route.path, why: `${file} is a file-based route` };
  }
  const framework = frameworkHealth(repoDir);
  if (framework) return framework;
  const django = djangoHealth(repoDir, files);
  if (django) return django;
  const texts = files.map((file) => ({ file, text: readSmallFile(join(repoDir, file)) }));
  const jsSources = files.filter((file) => /\.[cm]?[jt]sx?$/.test(file));
  for (const path of HEALTH_PATHS) {
    const hit = texts.find(({ text }) => text.includes(path) && literalRoute(text, path));
    if (!hit) continue;
    // A route on a router is served under the prefix the router is mounted at (`app.use('/api', router)`).
    const receiver = routeReceiver(hit.text, path);
    const prefix = /\.[cm]?[jt]sx?$/.test(hit.file)
      ? receiver && receiver !== 'app'
        ? mountPrefix(repoDir, hit.file, jsSources)
        : ''
      : routerPrefix(hit.text, receiver, texts);
    if (prefix)
      return {
        value: `${prefix}${path}`,
        why: `${hit.file} registers ${path} on a router mounted at ${prefix}`,
      };
    return { value: path, why: `${hit.file} registers ${path}` };
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
  const other = detectOtherStack(repoDir);
  const orm = other && OTHER_DATABASE_PACKAGES.find((name) => other.deps.has(name));
  if (orm) return { value: orm, why: `${other.framework} app depends on ${orm}` };
  if (other?.framework === 'Django' && other.migrations)
    return { value: 'django.db', why: 'Django models with migrations' };
  if (other?.framework === 'Rails' && existsSync(join(repoDir, 'config/database.yml')))
    return { value: 'activerecord', why: 'Rails config/database.yml' };
  return undefined;
}

/** ORMs and drivers of Python, Go, Ruby and Java apps (dependency names as their manifests spell them). */
const OTHER_DATABASE_PACKAGES = [
  'sqlalchemy',
  'flask-sqlalchemy',
  'sqlmodel',
  'tortoise-orm',
  'peewee',
  'psycopg2',
  'psycopg2-binary',
  'psycopg',
  'asyncpg',
  'pymysql',
  'mysqlclient',
  'pymongo',
  'gorm.io/gorm',
  'github.com/jinzhu/gorm',
  'github.com/jmoiron/sqlx',
  'github.com/lib/pq',
  'github.com/jackc/pgx/v5',
  'github.com/go-sql-driver/mysql',
  'go.mongodb.org/mongo-driver',
  'activerecord',
  'pg',
  'mysql2',
  'sqlite3',
  'mongoid',
  'sequel',
  'spring-boot-starter-data-jpa',
  'spring-boot-starter-jdbc',
  'spring-boot-starter-data-mongodb',
  'hibernate-core',
  'postgresql',
  'mysql-connector-j',
  'mysql-connector-java',
  'mariadb-java-client',
  'flyway-core',
  'liquibase-core',
];
