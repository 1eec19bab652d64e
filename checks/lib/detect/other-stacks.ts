/**
 * Python (Django, Flask, FastAPI), Go, Ruby (Rails, Rack) and Java (Spring Boot on Maven or
 * Gradle) apps: the framework, whether it serves pages, how production starts it, its port, its
 * migrations folders and where its coverage report lands. Read from the files each ecosystem
 * keeps (requirements.txt, pyproject.toml, Procfile, manage.py, go.mod, Gemfile, pom.xml,
 * build.gradle, application.properties), never by running anything.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { versionFromManifest } from '../git/project-version.js';
import { listSourceFiles, readSmallFile, walkRepo } from './repo-files.js';

export type Language = 'python' | 'go' | 'ruby' | 'java';

export interface OtherStack {
  language: Language;
  framework: string;
  kind: 'ssr' | 'api';
  /** Why the kind: the templates folder or view dependency seen, or their absence. */
  kindWhy: string;
  why: string;
  build?: { command: string; why: string };
  start?: { command: string; why: string };
  port: number;
  portWhy: string;
  /** Migrations folders (comma-joined when several, as the migrations check reads them). */
  migrations?: { dir: string; why: string };
  coverage: string;
  coverageWhy: string;
  /** The dependency names, lower case, for service detection. */
  deps: Set<string>;
}

const SKIP = new Set([
  'node_modules',
  '.git',
  'venv',
  '.venv',
  'env',
  '__pycache__',
  'target',
  'build',
  '.gradle',
  'vendor',
  'site-packages',
  'tmp',
  'log',
]);

/** Python requirement names from requirements*.txt, pyproject.toml, Pipfile and setup.cfg/setup.py. */
export function pythonDeps(repoDir: string): Set<string> {
  const deps = new Set<string>();
  const add = (name: string) => deps.add(name.toLowerCase().replace(/_/g, '-'));
  for (const file of [
    'requirements.txt',
    'requirements/base.txt',
    'requirements/production.txt',
    'requirements/prod.txt',
    'requirements-prod.txt',
  ]) {
    for (const line of readSmallFile(join(repoDir, file)).split(/\r?\n/)) {
      const name = /^\s*([A-Za-z0-9][\w.-]*)/.exec(line)?.[1];
      if (name && !line.trim().startsWith('-')) add(name);
    }
  }
  const pyproject = readSmallFile(join(repoDir, 'pyproject.toml'));
  // PEP 621 `dependencies = [...]` and `optional-dependencies` lists, one line or many
  // (extras such as "uvicorn[standard]" hold brackets: the list ends at a `]` closing its line)
  for (const list of pyproject.matchAll(/^\s*[\w-]+\s*=\s*\[([\s\S]*?)\]\s*$/gm)) {
    for (const item of (list[1] ?? '').matchAll(/["']([A-Za-z0-9][\w.-]*)/g)) add(item[1] ?? '');
  }
  // Poetry: `django = "^5.0"` under [tool.poetry.dependencies]
  const poetry = /\[tool\.poetry\.dependencies\]([\s\S]*?)(?:\n\[|$)/.exec(pyproject)?.[1] ?? '';
  for (const match of poetry.matchAll(/^\s*([A-Za-z0-9][\w.-]*)\s*=/gm)) add(match[1] ?? '');
  const pipfile = /\[packages\]([\s\S]*?)(?:\n\[|$)/.exec(readSmallFile(join(repoDir, 'Pipfile')))?.[1] ?? '';
  for (const match of pipfile.matchAll(/^\s*([A-Za-z0-9][\w.-]*)\s*=/gm)) add(match[1] ?? '');
  const setup = `${readSmallFile(join(repoDir, 'setup.cfg'))}\n${readSmallFile(join(repoDir, 'setup.py'))}`;
  for (const match of setup.matchAll(/^\s*["']?([A-Za-z][\w.-]*)\s*(?:[<>=!~]=?[^'"\n]*)?["']?,?\s*$/gm))
    if (/install_requires|\[options\]/.test(setup)) add(match[1] ?? '');
  deps.delete('python');
  return deps;
}

/**
 * A Procfile's `web:` line and its server part (`gunicorn x.wsgi` in `python manage.py migrate &&
 * … && gunicorn x.wsgi`). The steps before the server stay in the start command: a fresh checkout
 * needs its migrations applied before a page can answer, as on the platform the Procfile is for.
 */
function procfileWeb(repoDir: string): { line: string; server: string } | undefined {
  const line = /^web:\s*(.+)$/m.exec(readSmallFile(join(repoDir, 'Procfile')))?.[1]?.trim();
  if (!line) return undefined;
  const parts = line.split(/\s*(?:&&|;)\s*/).map((part) => part.trim());
  const server =
    parts.find((part) =>
      /\b(?:gunicorn|uvicorn|hypercorn|daphne|waitress-serve|puma|rails\s+s(?:erver)?|rackup|java\s+-jar|bin\/\w+|\.\/\w+)\b/.test(
        part,
      ),
    ) ?? parts.at(-1);
  return server ? { line, server } : undefined;
}

/** The Procfile line with its server bound to loopback on `port`. */
function procfileStart(web: { line: string; server: string }, port: number): string {
  return web.line.replace(web.server, bound(web.server, port));
}

/**
 * `-b :5000`, `--bind 0.0.0.0:8000`, `--port 8000`, `-p 3000`: the port a server command names. A
 * privileged port (a container's `--port 80`) is not one a check run may bind: undefined then.
 */
function commandPort(command: string): number | undefined {
  const port = /(?:-b|--bind)[= ]\S*:(\d{2,5})\b|(?:--port|-p)[= ](\d{2,5})\b/.exec(command);
  const value = port ? Number(port[1] ?? port[2]) : undefined;
  return value !== undefined && value >= 1024 ? value : undefined;
}

/** The Python server a Dockerfile's CMD/ENTRYPOINT runs (`["uvicorn", "app.main:app", …]`), from the server on. */
function dockerServer(repoDir: string): string | undefined {
  const docker = readSmallFile(join(repoDir, 'Dockerfile'));
  const lines = [...docker.matchAll(/^\s*(?:CMD|ENTRYPOINT)\s+(.+)$/gm)].map(
    (match) => match[1]?.trim() ?? '',
  );
  for (const line of lines.reverse()) {
    let command = line;
    if (line.startsWith('[')) {
      try {
        const parts: unknown = JSON.parse(line);
        if (Array.isArray(parts) && parts.every((part) => typeof part === 'string'))
          command = parts.join(' ');
      } catch {
        continue;
      }
    }
    const server = /\b((?:gunicorn|uvicorn|hypercorn)\b.*)$/.exec(command)?.[1];
    if (server) return server.replace(/["']/g, '');
  }
  return undefined;
}

/** Bind a gunicorn/uvicorn command to loopback on `port` so the target URL is where it listens. */
function bound(command: string, port: number): string {
  const without = command.replace(/\s+(?:-b|--bind|--host|--port|-p)[= ]\S+/g, '');
  if (/^gunicorn\b/.test(without)) return `${without} --bind 127.0.0.1:${port}`;
  if (/^(?:uvicorn|hypercorn)\b/.test(without)) return `${without} --host 127.0.0.1 --port ${port}`;
  return command;
}

/** Whether a Python module in the repo creates `ctor(` (Flask/FastAPI app object): `module:name`. */
function pythonAppObject(repoDir: string, ctor: string): { target: string; file: string } | undefined {
  const files = walkRepo(repoDir, { skipDirs: SKIP, pattern: /\.py$/, maxFiles: 2000 }).filter(
    (file) => !/(?:^|\/)tests?\//.test(file),
  );
  for (const file of files.sort((a, b) => a.split('/').length - b.split('/').length)) {
    const match = new RegExp(`^(\\w+)\\s*=\\s*${ctor}\\(`, 'm').exec(readSmallFile(join(repoDir, file)));
    if (match?.[1]) {
      const module = file
        .replace(/\.py$/, '')
        .replace(/\/__init__$/, '')
        .split('/')
        .join('.');
      return { target: `${module}:${match[1]}`, file };
    }
  }
  return undefined;
}

/** Folders holding Django migrations: `<app>/migrations/0001_*.py`. */
function djangoMigrationDirs(repoDir: string): string[] {
  return [
    ...new Set(
      walkRepo(repoDir, { skipDirs: SKIP, pattern: /^\d{4}_\w+\.py$/, maxFiles: 5000 })
        .filter((file) => /(?:^|\/)migrations\/\d{4}_\w+\.py$/.test(file))
        .map((file) => file.replace(/\/[^/]+$/, '')),
    ),
  ].sort();
}

/** HTML templates an app renders, in the framework's folders. */
function hasTemplates(repoDir: string, pattern: RegExp, under?: string): string | undefined {
  return walkRepo(under ? join(repoDir, under) : repoDir, {
    skipDirs: SKIP,
    pattern: /\.(?:html|jinja2?|j2|erb|haml|slim|tmpl|gohtml|jsp)$/,
    maxFiles: 2000,
  }).find(
    (file) =>
      pattern.test(file) && !/(?:^|\/)(?:email|mail|mailer)s?\//.test(file) && !/_mailer\//.test(file),
  );
}

function python(repoDir: string): OtherStack | undefined {
  const deps = pythonDeps(repoDir);
  const manage = readSmallFile(join(repoDir, 'manage.py'));
  const web = procfileWeb(repoDir);
  const base = {
    language: 'python' as const,
    deps,
    coverage: 'coverage.xml',
    coverageWhy: 'coverage.py writes it with `coverage xml` (Cobertura)',
  };
  if (deps.has('django') || /DJANGO_SETTINGS_MODULE/.test(manage)) {
    const project = /DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)\.settings/.exec(manage)?.[1];
    const docker = dockerServer(repoDir);
    const server =
      web?.server ?? docker ?? (deps.has('gunicorn') && project ? `gunicorn ${project}.wsgi` : undefined);
    const port = (server ? commandPort(server) : undefined) ?? 8000;
    const dirs = djangoMigrationDirs(repoDir);
    const templates = hasTemplates(repoDir, /(?:^|\/)templates\//);
    return {
      ...base,
      framework: 'Django',
      why: deps.has('django') ? 'requirements name Django' : 'manage.py sets DJANGO_SETTINGS_MODULE',
      kind: templates ? 'ssr' : 'api',
      kindWhy: templates ? `renders templates (${templates})` : 'no templates folder: an API',
      start: server
        ? {
            command: web ? procfileStart(web, port) : bound(server, port),
            why: web
              ? `Procfile web: ${web.line}`
              : docker
                ? `Dockerfile: ${docker}`
                : `gunicorn serves ${project}.wsgi`,
          }
        : {
            command: `python3 manage.py runserver --noreload --insecure 127.0.0.1:${port}`,
            why: "no WSGI server in the requirements: Django's own server",
          },
      port,
      portWhy:
        server && commandPort(server)
          ? 'port in the start command'
          : server
            ? 'gunicorn default port 8000'
            : 'Django default port 8000',
      ...(dirs.length > 0
        ? {
            migrations: {
              dir: dirs.join(','),
              why: `Django migrations in ${dirs.length === 1 ? 'one app' : `${dirs.length} apps`}`,
            },
          }
        : {}),
    };
  }
  const flask = deps.has('flask') ? pythonAppObject(repoDir, 'Flask') : undefined;
  const fastapi = deps.has('fastapi') ? pythonAppObject(repoDir, 'FastAPI') : undefined;
  if (!deps.has('flask') && !deps.has('fastapi')) return undefined;
  const name = deps.has('fastapi') ? 'FastAPI' : 'Flask';
  const object = fastapi ?? flask;
  const boot = readSmallFile(join(repoDir, 'boot.sh'));
  const bootServer = /(?:exec\s+)?((?:gunicorn|uvicorn)\b.*)$/m.exec(boot)?.[1];
  const docker = dockerServer(repoDir);
  const server =
    web?.server ??
    bootServer ??
    docker ??
    (name === 'FastAPI' && object
      ? `uvicorn ${object.target}`
      : deps.has('gunicorn') && object
        ? `gunicorn ${object.target}`
        : undefined);
  const port = (server ? commandPort(server) : undefined) ?? 8000;
  const migrations = existsSync(join(repoDir, 'migrations/versions'))
    ? { dir: 'migrations', why: 'Alembic (Flask-Migrate) migrations/versions' }
    : existsSync(join(repoDir, 'alembic/versions'))
      ? { dir: 'alembic', why: 'Alembic alembic/versions' }
      : undefined;
  const templates = hasTemplates(repoDir, /(?:^|\/)templates\//);
  return {
    ...base,
    framework: name,
    why: `requirements name ${name}${object ? ` (${object.file} creates the app)` : ''}`,
    kind: templates ? 'ssr' : 'api',
    kindWhy: templates ? `renders templates (${templates})` : 'no templates folder: an API',
    ...(server
      ? {
          start: {
            command: web
              ? procfileStart(web, port)
              : bound(server.replace(/\s+--(?:access|error)-logfile\s+\S+/g, ''), port),
            why: web
              ? `Procfile web: ${web.line}`
              : bootServer
                ? `boot.sh: ${bootServer}`
                : docker
                  ? `Dockerfile: ${docker}`
                  : `${server.split(' ')[0]} serves ${object?.target}`,
          },
        }
      : {}),
    port,
    portWhy:
      server && commandPort(server)
        ? 'port in the start command'
        : `${server?.split(' ')[0] ?? 'gunicorn'} default port 8000`,
    ...(migrations ? { migrations } : {}),
  };
}

const GO_FRAMEWORKS: readonly [string, string][] = [
  ['github.com/gin-gonic/gin', 'Gin'],
  ['github.com/labstack/echo', 'Echo'],
  ['github.com/gofiber/fiber', 'Fiber'],
  ['github.com/go-chi/chi', 'chi'],
  ['github.com/gorilla/mux', 'gorilla/mux'],
];

function go(repoDir: string): OtherStack | undefined {
  const mod = readSmallFile(join(repoDir, 'go.mod'));
  if (!mod) return undefined;
  const deps = new Set(
    [...mod.matchAll(/^\s*(?:require\s+)?([\w.-]+\.[\w./-]+)\s+v[\d.][^\n]*$/gm)]
      .filter((m) => !m[0].includes('// indirect'))
      .map((m) => (m[1] ?? '').toLowerCase()),
  );
  const framework =
    GO_FRAMEWORKS.find(([path]) => [...deps].some((dep) => dep.startsWith(path)))?.[1] ?? 'net/http';
  const goFiles = walkRepo(repoDir, { skipDirs: SKIP, pattern: /\.go$/, maxFiles: 3000 }).filter(
    (f) => !f.endsWith('_test.go'),
  );
  const mains = goFiles.filter((file) => /^package main\b/m.test(readSmallFile(join(repoDir, file))));
  const mainDir = mains.map((file) => file.replace(/\/?[^/]+$/, '')).sort((a, b) => a.length - b.length)[0];
  const listen = /(?:ListenAndServe|\.Run|\.Start|\.Listen)\(\s*"[\w.]*:(\d{2,5})"/.exec(
    goFiles.map((file) => readSmallFile(join(repoDir, file))).join('\n'),
  );
  const port = listen ? Number(listen[1]) : framework === 'Gin' ? 8080 : 8080;
  const pages = /LoadHTMLGlob|LoadHTMLFiles|"html\/template"/.test(
    goFiles.map((file) => readSmallFile(join(repoDir, file))).join('\n'),
  );
  const migrations = ['migrations', 'db/migrations'].find((dir) => existsSync(join(repoDir, dir)));
  return {
    language: 'go',
    framework,
    why:
      framework === 'net/http'
        ? 'go.mod, no router package: net/http'
        : `go.mod requires ${GO_FRAMEWORKS.find(([, n]) => n === framework)?.[0]}`,
    kind: pages ? 'ssr' : 'api',
    kindWhy: pages ? 'renders html/template pages' : 'no HTML templates: an API',
    deps,
    ...(mainDir !== undefined
      ? {
          // Compiled then run as production runs it (a binary, not `go run`'s wrapper process); the
          // build is part of the start command because no checklist item of a Go service judges a
          // browser build, and a missing toolchain then reads as "go is not installed here".
          start: {
            command: `go build -o bin/app ./${mainDir} && ./bin/app`,
            why: `package main in ${mainDir || 'the module root'}`,
          },
        }
      : {}),
    port,
    portWhy: listen ? `${listen[0].split('(')[0]} on :${port}` : `${framework} default port ${port}`,
    ...(migrations ? { migrations: { dir: migrations, why: 'folder exists' } } : {}),
    coverage: 'coverage.out',
    coverageWhy: '`go test -coverprofile=coverage.out` writes it (Go cover profile)',
  };
}

function ruby(repoDir: string): OtherStack | undefined {
  const gemfile = readSmallFile(join(repoDir, 'Gemfile'));
  if (!gemfile) return undefined;
  const deps = new Set(
    [...gemfile.matchAll(/^\s*gem\s+['"]([\w-]+)['"]/gm)].map((m) => (m[1] ?? '').toLowerCase()),
  );
  const rails = deps.has('rails') || existsSync(join(repoDir, 'config/application.rb'));
  const rack = existsSync(join(repoDir, 'config.ru'));
  if (!rails && !rack) return undefined;
  const apiOnly = /config\.api_only\s*=\s*true/.test(readSmallFile(join(repoDir, 'config/application.rb')));
  const views = hasTemplates(repoDir, /./, 'app/views') ?? hasTemplates(repoDir, /(?:^|\/)views\//);
  const port = rails ? 3000 : 9292;
  const web = procfileWeb(repoDir);
  return {
    language: 'ruby',
    framework: rails ? 'Rails' : deps.has('sinatra') ? 'Sinatra' : 'Rack',
    why: rails ? 'Gemfile names rails' : 'config.ru (Rack)',
    kind: !apiOnly && views ? 'ssr' : 'api',
    kindWhy: apiOnly ? 'config.api_only = true' : views ? `renders views (${views})` : 'no views: an API',
    deps,
    start: rails
      ? {
          command: `bundle exec rails server -e production -b 127.0.0.1 -p ${port}`,
          why: web
            ? `Procfile web: ${web.line}; rails server bound to loopback`
            : 'rails server in production',
        }
      : { command: `bundle exec rackup -E production -o 127.0.0.1 -p ${port}`, why: 'config.ru' },
    port,
    portWhy: `${rails ? 'Rails' : 'rackup'} default port ${port}`,
    ...(existsSync(join(repoDir, 'db/migrate'))
      ? { migrations: { dir: 'db/migrate', why: 'ActiveRecord migrations' } }
      : {}),
    coverage: 'coverage/coverage.xml',
    coverageWhy: 'simplecov-cobertura writes it (Cobertura)',
  };
}

function java(repoDir: string): OtherStack | undefined {
  const pom = readSmallFile(join(repoDir, 'pom.xml'));
  const gradle =
    readSmallFile(join(repoDir, 'build.gradle')) || readSmallFile(join(repoDir, 'build.gradle.kts'));
  if (!pom && !gradle) return undefined;
  const build = pom ? 'Maven' : 'Gradle';
  const deps = new Set(
    pom
      ? [...pom.matchAll(/<artifactId>([^<]+)<\/artifactId>/g)].map((m) => (m[1] ?? '').toLowerCase())
      : [...gradle.matchAll(/['"][\w.-]+:([\w.-]+)(?::[^'"]*)?['"]/g)].map((m) => (m[1] ?? '').toLowerCase()),
  );
  const spring = [...deps].some((dep) => dep.startsWith('spring-boot'));
  const props = `${readSmallFile(join(repoDir, 'src/main/resources/application.properties'))}\n${readSmallFile(join(repoDir, 'src/main/resources/application.yml'))}`;
  const portMatch = /server\.port\s*[=:]\s*(\d{2,5})|^\s*port\s*:\s*(\d{2,5})/m.exec(props);
  const port = portMatch ? Number(portMatch[1] ?? portMatch[2]) : 8080;
  const pages = [...deps].find((dep) =>
    /thymeleaf|freemarker|mustache|jstl|tomcat-embed-jasper|jte/.test(dep),
  );
  // The project's own coordinates, not its parent's or a dependency's.
  const own = pom.replace(/<(parent|dependencies|dependencyManagement|build|profiles)>[\s\S]*?<\/\1>/g, '');
  const artifact = /<artifactId>([^<]+)<\/artifactId>/.exec(own)?.[1];
  const version = pom ? versionFromManifest('pom.xml', pom) : undefined;
  // Gradle's bootJar is build/libs/<name>-<version>.jar beside a `-plain.jar`: the glob skips the plain one.
  const jar = pom ? `target/${artifact}-${version ?? '*'}.jar` : 'build/libs/*[!n].jar';
  const migrations = deps.has('flyway-core')
    ? { dir: 'src/main/resources/db/migration', why: 'Flyway (flyway-core) default location' }
    : deps.has('liquibase-core')
      ? { dir: 'src/main/resources/db/changelog', why: 'Liquibase (liquibase-core) default location' }
      : undefined;
  const wrapper = existsSync(join(repoDir, pom ? 'mvnw' : 'gradlew'));
  return {
    language: 'java',
    framework: spring ? `Spring Boot (${build})` : build,
    why: spring
      ? `${pom ? 'pom.xml' : 'build.gradle'} uses spring-boot`
      : `${pom ? 'pom.xml' : 'build.gradle'}`,
    kind: pages ? 'ssr' : 'api',
    kindWhy: pages ? `renders pages (${pages})` : 'no view engine dependency: an API',
    deps,
    build: pom
      ? { command: `${wrapper ? './mvnw' : 'mvn'} -B package -DskipTests`, why: 'Maven packages the jar' }
      : { command: `${wrapper ? './gradlew' : 'gradle'} bootJar`, why: 'Gradle builds the boot jar' },
    start: {
      command: `java -jar ${jar} --server.address=127.0.0.1 --server.port=${port}`,
      why: `the jar ${build} builds`,
    },
    port,
    portWhy: portMatch ? 'server.port in application.properties/yml' : 'Spring Boot default port 8080',
    ...(migrations && existsSync(join(repoDir, migrations.dir)) ? { migrations } : {}),
    coverage: pom ? 'target/site/jacoco/jacoco.xml' : 'build/reports/jacoco/test/jacocoTestReport.xml',
    coverageWhy: 'JaCoCo XML report',
  };
}

/** The first non-JavaScript stack the repository is, or undefined. */
export function detectOtherStack(repoDir: string): OtherStack | undefined {
  return python(repoDir) ?? go(repoDir) ?? ruby(repoDir) ?? java(repoDir);
}

/** Source files of every language init reads (routes, env reads), tests excluded by the callers. */
export const ANY_SOURCE = /\.(?:[cm]?[jt]sx?|svelte|vue|astro|py|go|rb|java|kt)$/i;

export function listAnySourceFiles(repoDir: string): string[] {
  return listSourceFiles(repoDir, ANY_SOURCE);
}
