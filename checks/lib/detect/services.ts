/**
 * The backing services an app needs to start: PostgreSQL, MySQL/MariaDB, Redis, MongoDB. Read
 * from what the app itself declares — its compose file, its ORM/migration tool config (Django
 * DATABASES, knexfile `client`, Prisma `datasource`, Rails database.yml, Spring datasource URL),
 * the URL schemes in its env example, and its driver dependencies in any of the five ecosystems —
 * so `shipgate init` can put them beside the job that runs the app, and `check` can say which
 * one is missing instead of erroring item by item.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { envNames } from './env-names.js';
import { detectOtherStack, pythonDeps } from './other-stacks.js';
import { readPackage, readSmallFile } from './repo-files.js';
import { knexMigrationsDir } from './server-app.js';

export type ServiceKind = 'postgres' | 'mysql' | 'redis' | 'mongo';

export interface ServiceNeed {
  kind: ServiceKind;
  /** Where the need was read, for the printed report and the workflow comment. */
  why: string;
  /** Image the compose file pins, when it names one for this service. */
  image?: string;
  /** The app's variables that point at this service (DATABASE_URL, REDIS_URL, PGHOST…). */
  env: string[];
}

export const SERVICE_NAMES: Record<ServiceKind, string> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  redis: 'Redis',
  mongo: 'MongoDB',
};

export const SERVICE_PORTS: Record<ServiceKind, number> = {
  postgres: 5432,
  mysql: 3306,
  redis: 6379,
  mongo: 27017,
};

/**
 * Driver and ORM packages per service, across npm, PyPI, Go modules, gems and Maven artifacts.
 * HTTP drivers of hosted databases (`@neondatabase/serverless`, `@vercel/postgres`,
 * `@planetscale/database`) are left out: a service container cannot answer them.
 */
const DRIVERS: Record<ServiceKind, readonly string[]> = {
  postgres: [
    'pg',
    'postgres',
    'pg-promise',
    'psycopg2',
    'psycopg2-binary',
    'psycopg',
    'psycopg-binary',
    'asyncpg',
    'github.com/lib/pq',
    'github.com/jackc/pgx',
    'github.com/jackc/pgx/v4',
    'github.com/jackc/pgx/v5',
    'gorm.io/driver/postgres',
    'postgresql',
    'r2dbc-postgresql',
  ],
  mysql: [
    'mysql',
    'mysql2',
    'mariadb',
    'mysqlclient',
    'pymysql',
    'aiomysql',
    'mysql-connector-python',
    'github.com/go-sql-driver/mysql',
    'gorm.io/driver/mysql',
    'mysql-connector-java',
    'mysql-connector-j',
    'mariadb-java-client',
    'trilogy',
  ],
  redis: [
    'redis',
    'ioredis',
    '@redis/client',
    'bullmq',
    'bull',
    'django-redis',
    'rq',
    'celery[redis]',
    'github.com/go-redis/redis',
    'github.com/redis/go-redis/v9',
    'github.com/go-redis/redis/v8',
    'github.com/gomodule/redigo',
    'sidekiq',
    'jedis',
    'lettuce-core',
    'spring-boot-starter-data-redis',
  ],
  mongo: [
    'mongodb',
    'mongoose',
    'pymongo',
    'motor',
    'mongoengine',
    'go.mongodb.org/mongo-driver',
    'mongoid',
    'mongo',
    'spring-boot-starter-data-mongodb',
    'mongodb-driver-sync',
  ],
};

/** A URL scheme or config word naming the service. */
function kindOf(word: string): ServiceKind | undefined {
  const w = word.toLowerCase();
  if (/^(?:postgres(?:ql)?|pg|psql|cockroachdb)\b|postgis|postgresql/.test(w)) return 'postgres';
  if (/^(?:mysql2?|mariadb)\b|mysql|mariadb/.test(w)) return 'mysql';
  if (/^rediss?\b|redis/.test(w)) return 'redis';
  if (/^mongo(?:db)?(?:\+srv)?\b|mongo/.test(w)) return 'mongo';
  return undefined;
}

const SERVICE_ENV: Record<ServiceKind, RegExp> = {
  postgres:
    /^(?:DATABASE_URL|DB_URL|POSTGRES_\w+|PG(?:HOST|PORT|USER|PASSWORD|DATABASE)|DATABASE_(?:HOST|PORT|USER|PASSWORD|NAME)|DB_(?:HOST|PORT|USER|USERNAME|PASSWORD|NAME|DATABASE)|SPRING_DATASOURCE_\w+)$/,
  mysql:
    /^(?:DATABASE_URL|DB_URL|MYSQL_\w+|MARIADB_\w+|DATABASE_(?:HOST|PORT|USER|PASSWORD|NAME)|DB_(?:HOST|PORT|USER|USERNAME|PASSWORD|NAME|DATABASE)|SPRING_DATASOURCE_\w+)$/,
  redis: /^(?:REDIS_\w+|CACHE_URL|BROKER_URL|CELERY_BROKER_URL)$/,
  mongo: /^(?:MONGO\w*_(?:URL|URI|HOST|PORT|DB|DATABASE)|MONGODB_\w+|MONGO_URL|MONGO_URI)$/,
};

const COMPOSE_FILES = [
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.yml',
  'compose.yaml',
  'docker-compose.dev.yml',
  'docker-compose.test.yml',
];

/** Every dependency name the app declares, whatever its ecosystem. */
function allDeps(repoDir: string): Set<string> {
  const deps = new Set<string>(readPackage(repoDir)?.deps ?? []);
  for (const dep of pythonDeps(repoDir)) deps.add(dep);
  for (const dep of detectOtherStack(repoDir)?.deps ?? []) deps.add(dep);
  return deps;
}

/** The services the app needs, each once, the most specific reason first (compose, config, env, dependency). */
export function findServices(repoDir: string): ServiceNeed[] {
  const found = new Map<ServiceKind, ServiceNeed>();
  const env = envNames(repoDir);
  const names = [...new Set([...env.documented, ...env.read])].sort();
  const add = (kind: ServiceKind, why: string, image?: string) => {
    if (found.has(kind)) return;
    found.set(kind, {
      kind,
      why,
      env: names.filter((name) => SERVICE_ENV[kind].test(name)),
      ...(image ? { image } : {}),
    });
  };
  for (const file of COMPOSE_FILES) {
    for (const match of readSmallFile(join(repoDir, file)).matchAll(
      /^\s*image\s*:\s*['"]?([\w./-]+(?::[\w.-]+)?)['"]?\s*$/gm,
    )) {
      const image = match[1] ?? '';
      const kind = kindOf(image.split('/').pop()?.split(':')[0] ?? '');
      if (kind) add(kind, `${file} runs ${image}`, image);
    }
  }
  const knex = knexMigrationsDir(repoDir);
  const knexKind = knex?.client ? kindOf(knex.client) : undefined;
  if (knexKind) add(knexKind, `knexfile client ${knex?.client}`);
  const prisma = /datasource\s+\w+\s*\{[^}]*provider\s*=\s*"(\w+)"/.exec(
    readSmallFile(join(repoDir, 'prisma/schema.prisma')),
  );
  const prismaKind = prisma?.[1] ? kindOf(prisma[1]) : undefined;
  if (prismaKind) add(prismaKind, `prisma/schema.prisma datasource provider ${prisma?.[1]}`);
  const settings = djangoSettings(repoDir);
  const engine = settings
    ? /['"]ENGINE['"]\s*:\s*['"]django\.db\.backends\.(\w+)['"]/.exec(settings.text)?.[1]
    : undefined;
  const engineKind = engine ? kindOf(engine) : undefined;
  if (engineKind) add(engineKind, `${settings?.file} DATABASES ENGINE django.db.backends.${engine}`);
  const databaseYml = /^production:[\s\S]*?adapter:\s*(\w+)|^\s*adapter:\s*(\w+)/m.exec(
    readSmallFile(join(repoDir, 'config/database.yml')),
  );
  const adapter = databaseYml?.[1] ?? databaseYml?.[2];
  const adapterKind = adapter ? kindOf(adapter) : undefined;
  if (adapterKind) add(adapterKind, `config/database.yml adapter ${adapter}`);
  const spring = /jdbc:(\w+):/.exec(
    readSmallFile(join(repoDir, 'src/main/resources/application.properties')) +
      readSmallFile(join(repoDir, 'src/main/resources/application.yml')),
  );
  const springKind = spring?.[1] ? kindOf(spring[1]) : undefined;
  if (springKind) add(springKind, `application.properties datasource jdbc:${spring?.[1]}`);
  if (env.exampleFile) {
    for (const line of readSmallFile(join(repoDir, env.exampleFile)).split(/\r?\n/)) {
      const url = /^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=\s*['"]?([a-z][a-z0-9+]*):\/\//.exec(line);
      const kind = url?.[2] ? kindOf(url[2]) : undefined;
      if (kind) add(kind, `${env.exampleFile}: ${url?.[1]} is a ${url?.[2]}:// URL`);
    }
  }
  // A SQLite default (Django's sqlite3 ENGINE, sqlite:// URL) runs without a server: drivers alone
  // then only say what production may use, not what the app needs to start.
  const sqliteDefault = engine === 'sqlite3';
  const deps = allDeps(repoDir);
  for (const kind of ['postgres', 'mysql', 'mongo', 'redis'] as const) {
    if (sqliteDefault && (kind === 'postgres' || kind === 'mysql')) continue;
    const dep = DRIVERS[kind].find((name) => deps.has(name));
    if (dep) add(kind, `depends on ${dep}`);
  }
  return [...found.values()];
}

/** The Django settings module (`<project>/settings.py` or a settings package's base). */
function djangoSettings(repoDir: string): { file: string; text: string } | undefined {
  const project = /DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)['"]/.exec(
    readSmallFile(join(repoDir, 'manage.py')),
  )?.[1];
  if (!project) return undefined;
  const base = project.split('.').join('/');
  for (const file of [
    `${base}.py`,
    `${base}/__init__.py`,
    `${base}/base.py`,
    `${base.replace(/\/settings$/, '')}/settings/base.py`,
  ]) {
    if (existsSync(join(repoDir, file))) return { file, text: readSmallFile(join(repoDir, file)) };
  }
  return undefined;
}
