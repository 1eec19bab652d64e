/**
 * What a server app's own code says about how it is served: the view engine that makes an
 * Express/Koa/Fastify app a page-serving one, the migrations folder its knexfile names, the page
 * its home redirects to, and the prefix a router is mounted under (`app.use('/api', router)`).
 */
import { existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { listSourceFiles, type PackageFacts, readSmallFile, walkRepo } from './repo-files.js';
import { TEST_PATH } from './test-path.js';

/** Template engines a Node server renders pages with. */
const VIEW_PACKAGES = [
  'express-handlebars',
  'hbs',
  'handlebars',
  'ejs',
  'pug',
  'jade',
  'nunjucks',
  'eta',
  'mustache-express',
  'express-react-views',
  '@fastify/view',
  'point-of-view',
  'koa-views',
  'twig',
  'liquidjs',
];

/** Why the Node server app renders HTML pages (a view engine), or undefined. */
export function viewEngine(repoDir: string, pkg: PackageFacts | undefined): string | undefined {
  for (const file of listSourceFiles(repoDir)) {
    if (TEST_PATH.test(file)) continue;
    const engine = /\.set\(\s*['"]view engine['"]\s*,\s*['"]([\w-]+)['"]/.exec(
      readSmallFile(join(repoDir, file)),
    );
    if (engine) return `${file} sets view engine ${engine[1]}`;
  }
  const dep = pkg && VIEW_PACKAGES.find((name) => pkg.runtimeDeps.has(name));
  return dep ? `package.json depends on ${dep}` : undefined;
}

const KNEXFILES = [
  'knexfile.js',
  'knexfile.cjs',
  'knexfile.mjs',
  'knexfile.ts',
  'src/knexfile.js',
  'src/knexfile.ts',
  'db/knexfile.js',
];

/** The knexfile's `migrations.directory` (Knex default `migrations`), relative to the repository. */
export function knexMigrationsDir(
  repoDir: string,
): { dir: string; why: string; client?: string } | undefined {
  for (const file of KNEXFILES) {
    const text = readSmallFile(join(repoDir, file));
    if (!text) continue;
    const client = /\bclient\s*:\s*['"]([\w-]+)['"]/.exec(text)?.[1];
    const block = /\bmigrations\s*:\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
    const directory = /\bdirectory\s*:\s*([^,\n}]+)/.exec(block)?.[1];
    // `'./db/migrations'` or `path.join(__dirname, 'db', 'migrations')`: the string parts, joined.
    const parts = directory ? [...directory.matchAll(/['"`]([^'"`]+)['"`]/g)].map((m) => m[1] ?? '') : [];
    const base = posix.dirname(file);
    const dir =
      parts.length > 0
        ? posix.normalize(posix.join(base, ...parts)).replace(/\/$/, '')
        : posix.join(base, 'migrations');
    return {
      dir,
      why: parts.length > 0 ? `${file} migrations.directory` : `${file} (Knex default folder migrations)`,
      ...(client ? { client } : {}),
    };
  }
  return undefined;
}

/** A path the app's home (`/`) redirects to, read from its routes; undefined when / serves itself. */
export function homeRedirect(repoDir: string): { path: string; why: string } | undefined {
  const files = walkRepo(repoDir, {
    skipDirs: new Set([
      'node_modules',
      '.git',
      'dist',
      'build',
      'venv',
      '.venv',
      'vendor',
      'target',
      '__pycache__',
    ]),
    pattern: /\.(?:[cm]?[jt]s|py|rb|go)$/,
    maxFiles: 3000,
  }).filter((file) => !TEST_PATH.test(file) && !/(?:^|\/)tests?\//.test(file));
  for (const file of files) {
    const text = readSmallFile(join(repoDir, file));
    // Django: path('', RedirectView.as_view(url='/catalog/'))
    const django = /\bpath\(\s*['"]['"]\s*,\s*RedirectView\.as_view\(\s*url\s*=\s*['"]([^'"]+)['"]/.exec(
      text,
    );
    if (django?.[1]?.startsWith('/')) return { path: django[1], why: `${file}: / redirects to ${django[1]}` };
    // Express/Koa: app.get('/', (req, res) => res.redirect('/login'))
    const node =
      /\.(?:get|all)\(\s*['"]\/['"]\s*,[^;]{0,200}?\.redirect\(\s*(?:30\d\s*,\s*)?['"](\/[^'"]*)['"]/.exec(
        text,
      );
    if (node?.[1]) return { path: node[1], why: `${file}: GET / redirects to ${node[1]}` };
    // Rails: root to: redirect('/login')
    const rails = /^\s*root\s+(?:to:\s*)?redirect\(\s*['"](\/[^'"]*)['"]/m.exec(text);
    if (rails?.[1]) return { path: rails[1], why: `${file}: root redirects to ${rails[1]}` };
  }
  return expressGuardedHome(repoDir, files) ?? flaskLoginHome(repoDir, files);
}

/**
 * Express/Koa: `app.get('/', ensureAuthenticated, …)` where the guard sends anonymous visitors to
 * `res.redirect('/login')`: the page they land on is the one to measure.
 */
function expressGuardedHome(
  repoDir: string,
  files: readonly string[],
): { path: string; why: string } | undefined {
  const js = files.filter((file) => /\.[cm]?[jt]s$/.test(file));
  const texts = js.map((file) => ({ file, text: readSmallFile(join(repoDir, file)) }));
  for (const { file, text } of texts) {
    const home = /\.(?:get|all)\(\s*['"]\/['"]\s*,\s*((?:[\w.]+\s*,\s*)+)/.exec(text);
    if (!home?.[1]) continue;
    const guards = home[1]
      .split(',')
      .map((name) => name.trim().split('.').pop() ?? '')
      .filter(Boolean);
    for (const guard of guards) {
      for (const other of texts) {
        const body = new RegExp(
          `(?:function\\s+${guard}\\s*\\(|\\b${guard}\\s*[:=]\\s*(?:async\\s*)?(?:function\\s*)?\\([^)]*\\)\\s*(?:=>)?)[\\s\\S]{0,600}?\\.redirect\\(\\s*(?:30\\d\\s*,\\s*)?['"](\\/[^'"]*)['"]`,
        ).exec(other.text);
        if (body?.[1] && body[1] !== '/')
          return {
            path: body[1],
            why: `${file}: / is behind ${guard}, which redirects to ${body[1]} (${other.file})`,
          };
      }
    }
  }
  return undefined;
}

/** Flask: `/` behind @login_required sends anonymous visitors to `login_manager.login_view`. */
function flaskLoginHome(
  repoDir: string,
  files: readonly string[],
): { path: string; why: string } | undefined {
  const py = files.filter((file) => file.endsWith('.py'));
  const texts = new Map(py.map((file) => [file, readSmallFile(join(repoDir, file))]));
  const homeProtected = [...texts].find(([, text]) =>
    /@\w+\.route\(\s*['"]\/['"][^)]*\)\s*\n(?:\s*@\w+(?:\.\w+)*(?:\([^)]*\))?\s*\n)*?\s*@login_required/.test(
      text,
    ),
  );
  if (!homeProtected) return undefined;
  const view = [...texts.values()]
    .map((text) => /login_view\s*=\s*['"]([\w.]+)['"]/.exec(text)?.[1])
    .find(Boolean);
  if (!view) return undefined;
  const [blueprint, func] = view.includes('.') ? view.split('.') : [undefined, view];
  for (const [file, text] of texts) {
    const route = new RegExp(
      `@(\\w+)\\.route\\(\\s*['"]([^'"]+)['"][^)]*\\)\\s*\\n(?:\\s*@.*\\n)*\\s*def\\s+${func}\\s*\\(`,
    ).exec(text);
    if (!route?.[2]) continue;
    let prefix = '';
    if (blueprint) {
      // app.register_blueprint(auth_bp, url_prefix='/auth'), the blueprint imported from this package
      const pkg = dirname(file).split('/').pop() ?? '';
      for (const other of texts.values()) {
        const mount = /register_blueprint\(\s*(\w+)\s*,\s*url_prefix\s*=\s*['"]([^'"]+)['"]/g;
        for (const match of other.matchAll(mount)) {
          const imported = new RegExp(
            `from\\s+[\\w.]*\\b${pkg}\\b\\s+import\\s+(?:\\w+\\s+as\\s+)?${match[1]}\\b|from\\s+[\\w.]*\\b${pkg}\\s+import\\s+bp\\s+as\\s+${match[1]}\\b`,
          ).test(other);
          if (imported && match[2]) prefix = match[2];
        }
      }
    }
    const path = `${prefix.replace(/\/$/, '')}${route[2]}`;
    return { path, why: `${homeProtected[0]}: / needs a login; login_manager.login_view ${view} is ${path}` };
  }
  return undefined;
}

/** `require('./routes')` / `import routes from './routes/index.js'`, resolved to a source file. */
function resolveImport(repoDir: string, from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.[cm]?[jt]s$/, '');
  for (const candidate of [base, `${base}/index`]) {
    for (const ext of ['.js', '.ts', '.cjs', '.mjs']) {
      if (existsSync(join(repoDir, candidate + ext))) return candidate + ext;
    }
  }
  return undefined;
}

/**
 * The prefix a route in `file` is served under: the `.use('/prefix', router)` mounts that import
 * `file`, followed up to the app (`app.use('/v1', routes)` → `router.use('/docs', docsRoute)`).
 * Also `{ path: '/auth', route: authRoute }` lists mounted in a loop, as express boilerplates do.
 */
export function mountPrefix(repoDir: string, file: string, sources: readonly string[], depth = 0): string {
  if (depth > 4) return '';
  for (const other of sources) {
    if (other === file) continue;
    const text = readSmallFile(join(repoDir, other));
    if (!text.includes('use(') && !text.includes('route:')) continue;
    const imports = new Map<string, string>();
    for (const match of text.matchAll(
      /(?:import\s+(\w+)\s+from|(?:const|let|var)\s+(\w+)\s*=\s*require\()\s*\(?\s*['"]([^'"]+)['"]/g,
    )) {
      const name = match[1] ?? match[2];
      const resolved = match[3] ? resolveImport(repoDir, other, match[3]) : undefined;
      if (name && resolved) imports.set(name, resolved);
    }
    const mounts = [
      ...text.matchAll(/\.use\(\s*['"`](\/[^'"`]*)['"`]\s*,\s*(?:[\w.]+\s*,\s*)*(\w+)\s*\)/g),
      ...[...text.matchAll(/path\s*:\s*['"`](\/[^'"`]*)['"`]\s*,\s*route\s*:\s*(\w+)/g)],
    ];
    for (const mount of mounts) {
      if (imports.get(mount[2] ?? '') !== file) continue;
      const prefix = (mount[1] ?? '').replace(/\/$/, '');
      // a list mounted in a loop is itself mounted: `router.use(route.path, route.route)` in `other`
      return mountPrefix(repoDir, other, sources, depth + 1) + prefix;
    }
  }
  return '';
}

/**
 * The prefix a Python, Go or Java router adds to a route registered on `receiver` in `text`:
 * Flask `Blueprint(…, url_prefix='/api')` or `register_blueprint(bp, url_prefix='/api')`, FastAPI
 * `APIRouter(prefix='/api')` or `include_router(router, prefix='/api')`, Gin/Echo
 * `api := r.Group("/api")` (nested groups followed), Spring `@RequestMapping("/api")` on the class.
 */
export function routerPrefix(
  text: string,
  receiver: string | undefined,
  others: readonly { file: string; text: string }[],
): string {
  const spring =
    /@RequestMapping\(\s*(?:(?:value|path)\s*=\s*)?\{?\s*"(\/[^"]*)"[^)]*\)\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:public\s+|final\s+|abstract\s+)*class\b/.exec(
      text,
    );
  if (spring?.[1]) return spring[1].replace(/\/$/, '');
  if (!receiver) return '';
  const escaped = receiver.replace(/[$]/g, '\\$&');
  // Go: api := r.Group("/api"); v1 := api.Group("/v1")
  const group = (name: string, depth: number): string => {
    const match = new RegExp(`\\b${name}\\s*:?=\\s*(\\w+)\\.Group\\(\\s*"([^"]*)"`).exec(text);
    if (!match?.[1] || depth > 4) return '';
    return group(match[1], depth + 1) + (match[2] ?? '').replace(/\/$/, '');
  };
  const go = group(escaped, 0);
  if (go) return go;
  const own = new RegExp(
    `\\b${escaped}\\s*=\\s*(?:Blueprint|APIRouter)\\([^)]*?\\b(?:url_prefix|prefix)\\s*=\\s*['"]([^'"]+)['"]`,
  ).exec(text)?.[1];
  let mounted = '';
  for (const other of others) {
    const mount =
      /\b(?:register_blueprint|include_router)\(\s*(?:\w+\.)?(\w+)\b[^)]*?\b(?:url_prefix|prefix)\s*=\s*['"]([^'"]+)['"]/g;
    for (const match of other.text.matchAll(mount)) {
      // the mounted name is this receiver, or what it is imported as (`from .api import bp as api_bp`)
      const alias = new RegExp(`import\\s+(?:[\\w, ]*\\b)?${escaped}\\s+as\\s+${match[1]}\\b`).test(
        other.text,
      );
      if (match[1] === receiver || alias) mounted = (match[2] ?? '').replace(/\/$/, '');
    }
  }
  return `${mounted}${(own ?? '').replace(/\/$/, '')}`;
}
