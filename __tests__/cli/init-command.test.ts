import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findDatabase,
  findHealthRoute,
  findPrometheusMetrics,
} from '../../checks/lib/detect/app-features.js';
import { homeRedirect } from '../../checks/lib/detect/server-app.js';
import { detectStack, type StackFacts } from '../../checks/lib/detect/stack.js';
import { deriveChecklist } from '../../src/cli/init-checklist.js';
import { renderChecksWorkflow } from '../../src/cli/init-workflow.js';
import { serviceJobLines } from '../../src/cli/workflow-services.js';
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

/**
 * Small apps of the other stacks init reads, built by code: what init finds (report), the config
 * and the checks workflow with the services are pinned by golden files.
 */
const STACK_FIXTURES: Record<string, Record<string, string>> = {
  'django-pages': {
    'requirements.txt': 'Django==5.1\ngunicorn==22.0\npsycopg[binary]==3.2\n',
    'pyproject.toml': '[project]\nname = "library"\nversion = "1.4.0"\n',
    'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'library.settings')\n",
    'library/settings.py': [
      "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'PASSWORD': os.getenv('DB_PASSWORD')}}",
      '',
    ].join('\n'),
    'library/urls.py': [
      'urlpatterns = [',
      "    path('', RedirectView.as_view(url='/catalog/', permanent=True)),",
      "    path('ops/', include('ops.urls')),",
      ']',
      '',
    ].join('\n'),
    'ops/urls.py': "urlpatterns = [path('healthz/', views.healthz)]\n",
    'catalog/templates/catalog/book_list.html':
      '<ul>{% for book in books %}<li>{{ book }}</li>{% endfor %}</ul>',
    'catalog/migrations/0001_initial.py':
      'class Migration(migrations.Migration):\n    operations = [migrations.CreateModel(name="Book", fields=[])]\n',
    'accounts/migrations/0001_initial.py':
      'class Migration(migrations.Migration):\n    operations = [migrations.RunSQL("CREATE EXTENSION citext", reverse_sql="DROP EXTENSION citext")]\n',
    'catalog/migrations/0002_backfill.py':
      'class Migration(migrations.Migration):\n    operations = [migrations.RunPython(backfill)]\n',
  },
  'fastapi-service': {
    'pyproject.toml':
      '[project]\nname = "quotes"\nversion = "0.3.1"\ndependencies = [\n  "fastapi>=0.115",\n  "uvicorn[standard]",\n  "sqlalchemy",\n  "redis",\n]\n',
    'app/main.py': [
      'app = FastAPI()',
      "@app.get('/healthz')",
      'def healthz(): return {"ok": True}',
      "API_KEY = os.getenv('QUOTES_API_KEY')",
      '',
    ].join('\n'),
    '.env.example':
      'DATABASE_URL=postgresql://user:pass@localhost/quotes\nREDIS_URL=redis://localhost:6379\n',
    'alembic/env.py': '',
    'alembic/versions/1a2b_create.py':
      "revision = '1a2b'\ndef upgrade():\n    op.create_table('q')\n\ndef downgrade():\n    pass\n",
  },
  'go-service': {
    'go.mod':
      'module example.com/ledger\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.1.0\n\tgithub.com/jackc/pgx/v5 v5.6.0\n)\n',
    VERSION: '2.0.1\n',
    'cmd/ledger/main.go': [
      'package main',
      'func main() {',
      '\tr := chi.NewRouter()',
      '\tr.Get("/healthz", health)',
      '\ttoken := os.Getenv("LEDGER_API_TOKEN")',
      '\thttp.ListenAndServe(":9090", r)',
      '}',
      '',
    ].join('\n'),
    'migrations/1_accounts.up.sql': 'CREATE TABLE accounts (id int);',
    'migrations/1_accounts.down.sql': 'DROP TABLE accounts;',
    'migrations/2_entries.up.sql': 'CREATE TABLE entries (id int);',
    'migrations/2_entries.down.sql': '',
    'docker-compose.yml': 'services:\n  db:\n    image: postgres:16-alpine\n',
  },
  'rails-app': {
    Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.2'\ngem 'pg'\ngem 'redis'\n",
    'config/application.rb': 'module Shop\n  class Application < Rails::Application\n  end\nend\n',
    'config/routes.rb':
      'Rails.application.routes.draw do\n  get "up" => "rails/health#show", as: :rails_health_check\nend\n',
    'config/database.yml':
      "production:\n  adapter: postgresql\n  password: <%= ENV['SHOP_DATABASE_PASSWORD'] %>\n",
    'app/views/products/index.html.erb': '<h1>Products</h1>',
    'app/controllers/payments_controller.rb': "STRIPE = ENV.fetch('STRIPE_SECRET_KEY')\n",
    'db/migrate/20240101000000_create_products.rb':
      'class CreateProducts < ActiveRecord::Migration[7.2]\n  def change\n    create_table :products do |t|\n      t.string :name\n    end\n  end\nend\n',
    'db/migrate/20240201000000_drop_legacy.rb':
      'class DropLegacy < ActiveRecord::Migration[7.2]\n  def up\n    drop_table :legacy\n  end\n\n  def down\n    raise ActiveRecord::IrreversibleMigration\n  end\nend\n',
  },
  'spring-api': {
    'pom.xml': [
      '<project>',
      '  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent>',
      '  <artifactId>orders</artifactId>',
      '  <version>1.7.0</version>',
      '  <dependencies>',
      '    <dependency><artifactId>spring-boot-starter-web</artifactId></dependency>',
      '    <dependency><artifactId>spring-boot-starter-actuator</artifactId></dependency>',
      '    <dependency><artifactId>flyway-core</artifactId></dependency>',
      '    <dependency><artifactId>mysql-connector-j</artifactId></dependency>',
      '  </dependencies>',
      '</project>',
      '',
    ].join('\n'),
    'src/main/resources/application.properties':
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Spring placeholder, not a JavaScript template
      'server.port=8081\nspring.datasource.url=jdbc:mysql://localhost:3306/orders\nspring.datasource.password=${ORDERS_DB_PASSWORD}\n',
    'src/main/java/com/acme/Keys.java': 'class Keys { String key = System.getenv("PAYMENT_API_KEY"); }\n',
    'src/main/resources/db/migration/V1__orders.sql': 'CREATE TABLE orders (id int);',
    'src/main/resources/db/migration/U1__orders.sql': 'DROP TABLE orders;',
  },
  'express-pages': {
    'package.json': JSON.stringify({
      name: 'bookshelf',
      version: '3.0.0',
      dependencies: { express: '4', 'express-handlebars': '7', knex: '3', pg: '8' },
      scripts: { start: 'node app.js' },
    }),
    'app.js': [
      "const api = require('./routes/api');",
      "app.engine('hbs', engine()); app.set('view engine', 'hbs');",
      "app.use('/api', api);",
      "app.get('/', (req, res) => res.redirect('/login'));",
      '',
    ].join('\n'),
    'routes/api.js':
      "router.get('/health', (req, res) => res.json({ ok: true }));\nmodule.exports = router;\n",
    'knexfile.js': "module.exports = { client: 'pg', migrations: { directory: './db/knex' } };\n",
    'db/knex/20240101_books.js':
      'exports.up = (knex) => knex.schema.createTable("books", () => {});\nexports.down = function (knex) {};\n',
    '.env.example': 'SESSION_SECRET=\nDATABASE_URL=postgres://localhost/bookshelf\n',
  },
};

describe('init on Python, Go, Ruby, Java and server-rendered Express apps', () => {
  test.each(Object.keys(STACK_FIXTURES))('%s: report, config and workflow (golden)', async (name) => {
    const dir = repo(STACK_FIXTURES[name] ?? {});
    const { code, stdout } = await runCli(['init', dir]);
    expect(code).toBe(0);
    expectGolden(`init/${name}.report.txt`, stdout.replaceAll(dir, 'DIR'));
    expectGolden(`init/${name}.shipgate.yml`, readFileSync(join(dir, '.github/shipgate.yml'), 'utf8'));
    expectGolden(
      `init/${name}.workflow.yml`,
      readFileSync(join(dir, '.github/workflows/shipgate.yml'), 'utf8'),
    );
    for (const file of ['.github/shipgate.yml', '.github/shipgate/checklist.md'])
      expect((await runCli(['validate', join(dir, file)])).code).toBe(0);
  });

  test('the bindings fit each stack: browser items only where pages are served', async () => {
    const checklist = async (name: string) => {
      const dir = repo(STACK_FIXTURES[name] ?? {});
      await runCli(['init', dir]);
      return readFileSync(join(dir, '.github/shipgate/checklist.md'), 'utf8');
    };
    const django = await checklist('django-pages');
    expect(django).toContain('check=migrations dir=accounts/migrations,catalog/migrations');
    expect(django).toContain('check=health path=/ops/healthz/');
    expect(django).toMatch(/check=lighthouse/);
    expect(django).not.toMatch(/check=(?:bundle-size|build-output)/); // server-rendered: no JS build
    expect(django).toContain('check=env-secrets name=DJANGO_SECRET_KEY');
    const go = await checklist('go-service');
    expect(go).toContain('check=health path=/healthz');
    expect(go).not.toMatch(/check=(?:lighthouse|bundle-size)/);
    expect(go).toContain('check=env-secrets name=LEDGER_API_TOKEN');
    const express = await checklist('express-pages');
    expect(express).toContain('check=health path=/api/health');
    expect(express).toContain('check=migrations dir=db/knex');
    expect(express).toMatch(/check=lighthouse/);
    const spring = await checklist('spring-api');
    expect(spring).toContain('check=health path=/actuator/health');
    expect(spring).toContain('check=migrations dir=src/main/resources/db/migration');
    expect(spring).toContain('check=env-secrets name=PAYMENT_API_KEY');
  });

  test('check judges the migrations each tool wrote: irreversible ones named', async () => {
    const expected: Record<string, [string, RegExp]> = {
      'django-pages': [
        'fail',
        /1 of 3 migrations in accounts\/migrations, catalog\/migrations without a rollback/,
      ],
      'fastapi-service': ['fail', /1 of 1 migration/],
      'go-service': ['fail', /1 of 2 migrations/],
      'rails-app': ['fail', /1 of 2 migrations/],
      'spring-api': ['pass', /1 migration .* all with a rollback/],
      'express-pages': ['fail', /1 of 1 migration in db\/knex/],
    };
    for (const [name, [status, summary]] of Object.entries(expected)) {
      const dir = repo(STACK_FIXTURES[name] ?? {});
      await runCli(['init', dir]);
      const { stdout } = await runCli(['check', dir, '--only', 'migrations', '--format', 'json']);
      const [result] = (JSON.parse(stdout) as { results: { status: string; summary: string }[] }).results;
      expect([name, result?.status]).toEqual([name, status]);
      expect(result?.summary).toMatch(summary);
    }
  });
});

describe('the checks workflow: services with health options and the app’s own variables', () => {
  const stack: StackFacts = { kind: 'api', secrets: [], findings: [] };
  // The job-level lines: whichever job runs the app (a single job, a measure job) takes them.
  test.each([
    [
      'MongoDB 4.2 from compose: the legacy shell answers the health command',
      {
        kind: 'mongo',
        why: 'docker-compose.yml runs mongo:4.2.1-bionic',
        image: 'mongo:4.2.1-bionic',
        env: ['MONGODB_URL'],
      },
      [
        '--health-cmd "mongo --quiet --eval \'db.runCommand({ ping: 1 })\'"',
        '      MONGODB_URL: "mongodb://localhost:27017/app"  # MongoDB',
      ],
    ],
    [
      'MongoDB without an image: mongosh',
      { kind: 'mongo', why: 'depends on mongoose', env: [] },
      [
        '        image: mongo:7',
        '--health-cmd "mongosh --quiet',
        '      MONGODB_URI: "mongodb://localhost:27017/app"  # MongoDB',
      ],
    ],
    [
      'MariaDB: its own health script and root password',
      {
        kind: 'mysql',
        why: 'docker-compose.yml runs mariadb:11',
        image: 'mariadb:11',
        env: ['DB_HOST', 'DB_PASSWORD'],
      },
      [
        '          MARIADB_ROOT_PASSWORD: "root"',
        '--health-cmd "healthcheck.sh --connect --innodb_initialized"',
        '      DB_HOST: "localhost"  # MySQL',
        '      DB_PASSWORD: "root"  # MySQL',
      ],
    ],
    [
      'Spring: a JDBC URL for SPRING_DATASOURCE_URL',
      {
        kind: 'postgres',
        why: 'application.properties datasource jdbc:postgresql',
        env: ['SPRING_DATASOURCE_URL'],
      },
      [
        '      SPRING_DATASOURCE_URL: "jdbc:postgresql://localhost:5432/app"  # PostgreSQL',
        "        ports: ['5432:5432']",
      ],
    ],
  ] as const)('%s', (_name, need, lines) => {
    const text = serviceJobLines([{ ...need, env: [...need.env] }], 4).join('\n');
    for (const line of lines) expect(text).toContain(line);
  });

  test('no services: no services block, no env; a JavaScript app calls the reusable two-job workflow', () => {
    expect(serviceJobLines([], 4)).toEqual([]);
    const text = renderChecksWorkflow(tempDir('shipgate-init-wf-'), stack, []);
    expect(text).not.toMatch(/services:|env:/);
    expect(checksWorkflowShape(text)).toEqual({ mode: 'reusable', problems: [] });
  });

  test('services: the two jobs inline, the services and their variables on the measure job only', () => {
    const text = renderChecksWorkflow(tempDir('shipgate-init-wf-'), stack, [
      { kind: 'postgres', why: 'knexfile client pg', env: ['DATABASE_URL'] },
    ]);
    expect(checksWorkflowShape(text)).toEqual({ mode: 'two-job', problems: [] });
    const [measure = '', attest = ''] = text.split('\n  attest:\n');
    expect(measure).toContain('    services:');
    expect(measure).toContain('      DATABASE_URL: "postgres://postgres:postgres@localhost:5432/app"');
    expect(attest).not.toMatch(/services:|DATABASE_URL|run:/);
  });
});

describe('how a Python service is started, from what its repository runs', () => {
  test.each([
    [
      'Procfile: release steps kept, gunicorn bound to loopback on its port',
      {
        'requirements.txt': 'flask\ngunicorn\n',
        'app.py': 'app = Flask(__name__)\n',
        Procfile: 'web: flask db upgrade && gunicorn -b 0.0.0.0:5000 app:app\n',
      },
      'flask db upgrade && gunicorn app:app --bind 127.0.0.1:5000',
      'http://127.0.0.1:5000/',
    ],
    [
      'Dockerfile CMD (exec form) on a privileged port: the default port instead',
      {
        'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["fastapi", "uvicorn"]\n',
        'app/main.py': 'app = FastAPI()\n',
        Dockerfile:
          'FROM python:3.12\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "80"]\n',
      },
      'uvicorn app.main:app --host 127.0.0.1 --port 8000',
      'http://127.0.0.1:8000/',
    ],
    [
      'nothing but the app object: uvicorn for FastAPI',
      { 'requirements.txt': 'fastapi==0.115\n', 'service/api.py': 'api = FastAPI()\n' },
      'uvicorn service.api:api --host 127.0.0.1 --port 8000',
      'http://127.0.0.1:8000/',
    ],
    [
      'Django without a WSGI server: its own server, said so',
      {
        'requirements.txt': 'Django\n',
        'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site1.settings')\n",
      },
      'python3 manage.py runserver --noreload --insecure 127.0.0.1:8000',
      'http://127.0.0.1:8000/',
    ],
  ])('%s', (_name, files, start, url) => {
    const facts = detectStack(repo(files));
    expect([facts.start, facts.url]).toEqual([start, url]);
  });
});

describe('the page a home that redirects lands on', () => {
  test.each([
    [
      'Express: / behind a login guard',
      {
        'app.js':
          "const { ensureAuth } = require('./auth');\napp.get('/', ensureAuth, (req, res) => res.render('home'));\n",
        'auth.js':
          "function ensureAuth(req, res, next) {\n  if (req.user) return next();\n  res.redirect('/login');\n}\nmodule.exports = { ensureAuth };\n",
      },
      '/login',
    ],
    [
      'Express: GET / redirects',
      { 'app.js': "app.get('/', (req, res) => res.redirect(302, '/dashboard'));\n" },
      '/dashboard',
    ],
    [
      'Django: RedirectView at the empty path',
      { 'site/urls.py': "urlpatterns = [path('', RedirectView.as_view(url='/books/', permanent=True))]\n" },
      '/books/',
    ],
    [
      'Rails: root redirects',
      { 'config/routes.rb': "Rails.application.routes.draw do\n  root to: redirect('/sign_in')\nend\n" },
      '/sign_in',
    ],
    [
      'Flask: / needs a login, login_view in a blueprint mounted at /auth',
      {
        'app/__init__.py':
          "login.login_view = 'auth.login'\nfrom app.auth import bp as auth_bp\napp.register_blueprint(auth_bp, url_prefix='/auth')\n",
        'app/main/routes.py': "@bp.route('/')\n@login_required\ndef index():\n    return 'hi'\n",
        'app/auth/routes.py':
          "@bp.route('/login', methods=['GET', 'POST'])\ndef login():\n    return 'login'\n",
      },
      '/auth/login',
    ],
    [
      'no redirect: / serves itself',
      { 'app.js': "app.get('/', (req, res) => res.send('hi'));\n" },
      undefined,
    ],
  ])('%s', (_name, files, path) => {
    expect(homeRedirect(repo(files))?.path).toBe(path);
  });
});

describe('health routes behind their routers’ prefixes', () => {
  test.each([
    [
      'Express: a router mounted in a router mounted in the app',
      {
        'app.js': "const routes = require('./routes');\napp.use('/v1', routes);\n",
        'routes/index.js':
          "const ops = require('./ops');\nrouter.use('/ops', ops);\nmodule.exports = router;\n",
        'routes/ops.js': "router.get('/health', (req, res) => res.send('ok'));\n",
      },
      '/v1/ops/health',
    ],
    [
      'Flask: a blueprint registered with url_prefix under another name',
      {
        'app/__init__.py':
          "from app.api import bp as api_bp\napp.register_blueprint(api_bp, url_prefix='/api')\n",
        'app/api/routes.py': "@bp.route('/health')\ndef health():\n    return 'ok'\n",
      },
      '/api/health',
    ],
    [
      'FastAPI: APIRouter(prefix=…) included under another prefix',
      {
        'main.py': 'app.include_router(ops.router, prefix="/internal")\n',
        'ops.py': 'router = APIRouter(prefix="/ops")\n@router.get("/healthz")\ndef healthz(): return {}\n',
      },
      '/internal/ops/healthz',
    ],
    [
      'Gin: nested route groups',
      { 'main.go': 'api := r.Group("/api")\nv1 := api.Group("/v1")\nv1.GET("/health", health)\n' },
      '/api/v1/health',
    ],
    [
      'Spring: @RequestMapping on the controller class',
      {
        'src/main/java/Ops.java':
          '@RestController\n@RequestMapping("/ops")\npublic class Ops {\n  @GetMapping("/health")\n  String health() { return "ok"; }\n}\n',
      },
      '/ops/health',
    ],
  ])('%s', (_name, files, path) => {
    expect(findHealthRoute(repo(files))?.value).toBe(path);
  });
});

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
