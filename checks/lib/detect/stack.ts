import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CLIENT_OUTPUT_DIRS, findBrowserBuild } from '../build/build-dir.js';
import { DEFAULT_MIGRATION_DIRS } from '../migrations/migration-pairs.js';
import { envNames } from './env-names.js';
import { detectOtherStack, type Language } from './other-stacks.js';
import { readPackage, readSmallFile } from './repo-files.js';
import { homeRedirect, knexMigrationsDir, viewEngine } from './server-app.js';
import { findWebSocketUse } from './websocket-use.js';

/** One fact found in a repository and why shipgate believes it. */
export interface Finding {
  what: string;
  value: string;
  why: string;
}

export interface StackFacts {
  framework?: string;
  /** Set for Python, Go, Ruby and Java apps; absent for JavaScript ones. */
  language?: Language;
  kind: 'spa' | 'ssr' | 'static' | 'api' | 'unknown';
  buildCommand?: string;
  buildDir?: string;
  start?: string;
  url?: string;
  migrationsDir?: string;
  coverage?: string;
  /** The coverage report exists already (not only a tool that can write it). */
  coverageReport?: boolean;
  websocket?: string;
  secrets: string[];
  findings: Finding[];
}

/** Frameworks by package, first match wins: build output, how it is served, and its default port. */
const FRAMEWORKS: readonly {
  dep: string;
  name: string;
  kind: StackFacts['kind'];
  dir: string;
  port: number;
}[] = [
  { dep: 'next', name: 'Next.js', kind: 'ssr', dir: '.next', port: 3000 },
  { dep: '@sveltejs/kit', name: 'SvelteKit', kind: 'ssr', dir: '.svelte-kit/output/client', port: 4173 },
  { dep: 'nuxt', name: 'Nuxt', kind: 'ssr', dir: '.output/public', port: 3000 },
  { dep: 'astro', name: 'Astro', kind: 'static', dir: 'dist', port: 4321 },
  { dep: '@remix-run/dev', name: 'Remix', kind: 'ssr', dir: 'build/client', port: 3000 },
  { dep: '@react-router/dev', name: 'React Router', kind: 'ssr', dir: 'build/client', port: 3000 },
  { dep: 'react-scripts', name: 'Create React App', kind: 'spa', dir: 'build', port: 3000 },
  { dep: 'vite', name: 'Vite', kind: 'spa', dir: 'dist', port: 4173 },
  { dep: '@nestjs/core', name: 'Nest', kind: 'api', dir: 'dist', port: 3000 },
  { dep: 'fastify', name: 'Fastify', kind: 'api', dir: 'dist', port: 3000 },
  { dep: 'koa', name: 'Koa', kind: 'api', dir: 'dist', port: 3000 },
  { dep: 'express', name: 'Express', kind: 'api', dir: 'dist', port: 3000 },
];

const SECRET_NAME = /SECRET|TOKEN|KEY|PASSWORD|PASS$|PEPPER|SALT|PRIVATE|CREDENTIAL|DSN|DATABASE_URL/;
/** Settings about a secret, not secrets: `JWT_RESET_PASSWORD_EXPIRATION_MINUTES`, `TOKEN_TTL`. */
const SECRET_SETTING =
  /_(?:MINUTES|HOURS|DAYS|SECONDS|TTL|EXPIRATION|EXPIRES(?:_IN)?|LENGTH|ROUNDS|NAME|URL_PATH)$/;

/** Variables the build inlines into the browser bundle: public by construction, never secrets. */
const PUBLIC_ENV = /^(?:VITE_|NEXT_PUBLIC_|NUXT_PUBLIC_|PUBLIC_|REACT_APP_|GATSBY_|EXPO_PUBLIC_)/;

/** Scripts that start a development server rather than the production build. */
export const DEV_SERVER =
  /(?:^|[;&|]\s*|\bnpx\s+)(?:nodemon|ts-node-dev|tsx\s+watch|vite(?:\s+dev)?(?:\s+--|\s*$|\s*[;&|])|(?:astro|next|nuxt|nuxi|svelte-kit|remix|react-router)\s+dev\b|react-scripts\s+start)|--watch\b/;

/** What `shipgate init` writes down: the stack, its commands and folders, each with the reason. */
export function detectStack(repoDir: string): StackFacts {
  const findings: Finding[] = [];
  const pkg = readPackage(repoDir);
  const facts: StackFacts = { kind: 'unknown', secrets: [], findings };
  const framework = pkg && FRAMEWORKS.find((entry) => pkg.deps.has(entry.dep));
  const other = framework ? undefined : detectOtherStack(repoDir);
  if (framework) {
    facts.framework = framework.name;
    facts.kind = framework.kind;
    // A server framework that renders pages (Handlebars, EJS, Pug…) serves a browser, not only JSON.
    const views = framework.kind === 'api' ? viewEngine(repoDir, pkg) : undefined;
    if (views) facts.kind = 'ssr';
    findings.push({
      what: 'stack',
      value: `${framework.name} (${facts.kind})`,
      why: `package.json depends on ${framework.dep}${views ? `; renders pages: ${views}` : ''}`,
    });
  } else if (other) {
    return otherStackFacts(repoDir, other, facts);
  } else if (existsSync(join(repoDir, 'index.html'))) {
    facts.kind = 'static';
    findings.push({
      what: 'stack',
      value: 'static site',
      why: 'index.html at the top level, no framework in package.json',
    });
  }
  if (pkg?.scripts.build) {
    facts.buildCommand = 'npm run build';
    findings.push({
      what: 'build',
      value: 'npm run build',
      why: `package.json scripts.build: ${pkg.scripts.build}`,
    });
  }
  if (framework && framework.kind !== 'api') {
    facts.buildDir = framework.dir;
    const client = CLIENT_OUTPUT_DIRS.find((entry) => entry.dir === framework.dir);
    findings.push({
      what: 'build dir',
      value: framework.dir,
      why: client ? `${client.framework} client output` : `${framework.name} default output`,
    });
  }
  if (!facts.buildDir) {
    const built = findBrowserBuild({ repoDir });
    if (built.ok) {
      facts.buildDir = relative(repoDir, built.dir).split(sep).join('/');
      findings.push({ what: 'build dir', value: facts.buildDir, why: built.how });
    }
  }
  // A development server (`astro dev`, bare `vite`, `next dev`, nodemon) is not what production
  // runs: its headers, bundles and timings would be judged instead of the build's.
  const script =
    pkg &&
    (['start', 'preview', 'serve'] as const).find(
      (name) => pkg.scripts[name] && !DEV_SERVER.test(pkg.scripts[name] ?? ''),
    );
  if (pkg && script) {
    facts.start = `npm run ${script}`;
    const portMatch = /(?:--port[= ]|--listen[= ](?:tcp:\/\/[\w.]+:)?|-[pl]\s+|PORT=)(\d{2,5})\b/.exec(
      pkg.scripts[script] ?? '',
    );
    const envPort = /^\s*PORT\s*=\s*(\d{2,5})\s*$/m.exec(readSmallFile(join(repoDir, '.env.example')))?.[1];
    const port = portMatch?.[1] ?? envPort ?? String(framework?.port ?? 3000);
    const home = homeRedirect(repoDir);
    facts.url = `http://127.0.0.1:${port}${home?.path ?? '/'}`;
    findings.push({
      what: 'start',
      value: facts.start,
      why: `package.json scripts.${script}: ${pkg.scripts[script]}`,
    });
    findings.push({
      what: 'url',
      value: facts.url,
      why: portMatch
        ? `port in scripts.${script}`
        : envPort
          ? 'PORT in .env.example'
          : `${framework?.name ?? 'Node'} default port ${port}`,
    });
    if (home) findings.push({ what: 'home page', value: home.path, why: home.why });
  }
  const knex = knexMigrationsDir(repoDir);
  facts.migrationsDir = knex?.dir ?? DEFAULT_MIGRATION_DIRS.find((dir) => existsSync(join(repoDir, dir)));
  findings.push(
    knex
      ? { what: 'migrations', value: knex.dir, why: knex.why }
      : facts.migrationsDir
        ? { what: 'migrations', value: facts.migrationsDir, why: 'folder exists' }
        : { what: 'migrations', value: 'none', why: `none of ${DEFAULT_MIGRATION_DIRS.join(', ')} exists` },
  );
  const coverage = ['coverage/coverage-summary.json', 'coverage/lcov.info'].find((file) =>
    existsSync(join(repoDir, file)),
  );
  const coverageTool = pkg && ['vitest', 'jest', 'c8', 'nyc'].find((dep) => pkg.deps.has(dep));
  facts.coverage = coverage ?? (coverageTool ? 'coverage/lcov.info' : undefined);
  facts.coverageReport = coverage !== undefined;
  if (facts.coverage) {
    findings.push({
      what: 'coverage',
      value: facts.coverage,
      why: coverage ? 'report exists' : `${coverageTool} writes it with --coverage`,
    });
  }
  facts.websocket = findWebSocketUse(repoDir);
  findings.push({
    what: 'websocket',
    value: facts.websocket ? 'yes' : 'none',
    why: facts.websocket ?? 'no WebSocket server package or upgrade handler',
  });
  addSecrets(repoDir, facts, 'process.env');
  return facts;
}

function addSecrets(repoDir: string, facts: StackFacts, reads: string): void {
  const env = envNames(repoDir);
  facts.secrets = [...new Set([...env.documented, ...env.read])]
    .filter((name) => SECRET_NAME.test(name) && !SECRET_SETTING.test(name) && !PUBLIC_ENV.test(name))
    .sort();
  facts.findings.push({
    what: 'secrets',
    value: facts.secrets.join(', ') || 'none',
    why: env.exampleFile
      ? `${env.exampleFile} and ${reads} reads, secret-like names`
      : `${reads} reads, secret-like names`,
  });
}

const ENV_READS: Record<Language, string> = {
  python: 'os.environ/os.getenv',
  go: 'os.Getenv',
  ruby: 'ENV[]/ENV.fetch',
  java: 'System.getenv and Spring placeholder',
};

/** The facts of a Python, Go, Ruby or Java app, in the same shape and order as a JavaScript one's. */
function otherStackFacts(
  repoDir: string,
  other: NonNullable<ReturnType<typeof detectOtherStack>>,
  facts: StackFacts,
): StackFacts {
  const { findings } = facts;
  facts.language = other.language;
  facts.framework = other.framework;
  facts.kind = other.kind;
  findings.push({
    what: 'stack',
    value: `${other.framework} (${other.kind})`,
    why: `${other.why}; ${other.kindWhy}`,
  });
  if (other.build) {
    facts.buildCommand = other.build.command;
    findings.push({ what: 'build', value: other.build.command, why: other.build.why });
  }
  if (other.start) {
    facts.start = other.start.command;
    const home = homeRedirect(repoDir);
    facts.url = `http://127.0.0.1:${other.port}${home?.path ?? '/'}`;
    findings.push({ what: 'start', value: other.start.command, why: other.start.why });
    findings.push({ what: 'url', value: facts.url, why: other.portWhy });
    if (home) findings.push({ what: 'home page', value: home.path, why: home.why });
  } else {
    findings.push({
      what: 'start',
      value: 'none',
      why: 'no server command found (Procfile, boot script, server package)',
    });
  }
  facts.migrationsDir = other.migrations?.dir;
  findings.push(
    other.migrations
      ? { what: 'migrations', value: other.migrations.dir, why: other.migrations.why }
      : { what: 'migrations', value: 'none', why: "no migrations folder of the stack's tools" },
  );
  facts.coverageReport = existsSync(join(repoDir, other.coverage));
  facts.coverage = other.coverage;
  findings.push({
    what: 'coverage',
    value: other.coverage,
    why: facts.coverageReport ? 'report exists' : other.coverageWhy,
  });
  facts.websocket = findWebSocketUse(repoDir);
  findings.push({
    what: 'websocket',
    value: facts.websocket ? 'yes' : 'none',
    why: facts.websocket ?? 'no WebSocket server package or upgrade handler',
  });
  addSecrets(repoDir, facts, ENV_READS[other.language]);
  return facts;
}
