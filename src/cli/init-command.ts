import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Found,
  findDatabase,
  findHealthRoute,
  findPrometheusMetrics,
} from '../../checks/lib/detect/app-features.js';
import { envNames } from '../../checks/lib/detect/env-names.js';
import { readPackage, readSmallFile } from '../../checks/lib/detect/repo-files.js';
import { findServices, SERVICE_NAMES } from '../../checks/lib/detect/services.js';
import { detectStack, type StackFacts } from '../../checks/lib/detect/stack.js';
import { projectVersion } from '../../checks/lib/git/project-version.js';
import { findLhciRc } from '../../checks/lib/lighthouse/lhci-files.js';
import type { Checklist } from '../core/template/model.js';
import { parseTemplate } from '../core/template/template.js';
import { defaultTemplatePath } from '../load/default-template.js';
import { checkSchemas, loadChecklist } from '../load/load-checklist.js';
import { CONFIG_PATH, readConfigText } from '../load/load-config.js';
import { CHECKLIST_PATH, deriveChecklist, type ItemDecision } from './init-checklist.js';
import {
  CHECKS_WORKFLOW_FILE,
  CHECKS_WORKFLOW_PATH,
  needsInlineJobs,
  renderChecksWorkflow,
} from './init-workflow.js';
import { type CliIO, UsageError } from './io.js';
import { serviceVariableNames } from './workflow-services.js';

export const INIT_HELP = `Usage: shipgate init [DIR] [--template FILE] [--dry-run] [--force]

Detects the stack of DIR (default: .) — JavaScript, Python (Django, Flask, FastAPI), Go, Ruby
(Rails, Rack) or Java (Spring Boot): framework and build dir, build and start commands, the
migrations folder, coverage output, WebSocket use, the secrets the app reads and the services it
needs (PostgreSQL, MySQL, Redis, MongoDB); prints what it found and why, and writes ${CONFIG_PATH},
the checks workflow ${CHECKS_WORKFLOW_PATH} (shipgate's two-job workflow, with those services on
its measure job) and the checklist ${CHECKLIST_PATH}, derived from
the built-in production-deployment template (or your own, --template): items that apply are bound
to their checks (with the app's build dir, health path, migrations folder), items that cannot apply
are dropped (no WebSocket server, no browser build, the template's example-app flows and secrets),
items that may apply but cannot be checked here stay manual — from each check's applicability and
the items' needs=/example keys (docs/templates.md). The config points to the checklist.
  --template FILE  fit this template instead of the built-in one
  --dry-run   print the files instead of writing them
  --force     overwrite existing files that differ
Running it again on an unchanged repository changes nothing; existing files that differ are left
alone (exit 2) unless --force.
`;

const line = (key: string, value: string, indent = 0) =>
  `${' '.repeat(indent)}${key}: ${JSON.stringify(value)}`;

/** The config text for the facts found: plain YAML with a comment giving each decision's reason. */
/** A template item that judges a secret the app does not use: N/A, with the reason. */
export interface SecretNotUsed {
  itemId: string;
  name: string;
}

/**
 * `env-secrets` items whose variable the app neither documents (.env.example) nor reads: the
 * template's Restaurant OS secrets are not this app's, so init records them N/A in the config.
 */
export function secretsNotUsed(checklist: Checklist, used: ReadonlySet<string>): SecretNotUsed[] {
  const out: SecretNotUsed[] = [];
  for (const item of checklist.items) {
    const name = item.check === 'env-secrets' ? item.params.name : undefined;
    if (typeof name === 'string' && !used.has(name)) out.push({ itemId: item.id, name });
  }
  return out;
}

export interface InitConfigExtras {
  /** Where the written checklist lives (the config's `template:`). */
  template?: string;
  /** The team's own template it was fitted from (`init --template`), as given. */
  fittedFrom?: string;
  /** The app exposes Prometheus metrics: a `telemetry.prometheus` skeleton is written. */
  metrics?: Found;
  /** package.json name, for the guessed Prometheus selector. */
  packageName?: string;
  /** The checks workflow has the two jobs inline (init-workflow.ts): it is the attesting workflow. */
  inlineJobs?: boolean;
  /** Variables the measure job sets for the app's services: passed to the build and the app. */
  serviceVariables?: readonly string[];
}

/** The config text for the facts found: plain YAML with a comment giving each decision's reason. */
export function renderInitConfig(
  facts: StackFacts,
  notUsed: readonly SecretNotUsed[] = [],
  extras: InitConfigExtras = {},
): string {
  const out = [
    '# Written by `shipgate init` from what it found; edit freely (`shipgate validate` checks it).',
  ];
  if (extras.template) {
    out.push(
      `# The checklist init derived from ${extras.fittedFrom ?? 'the production-deployment template'} for this app.`,
      line('template', extras.template),
    );
  }
  // the build and the app get an allow-listed environment: the services' variables are declared
  const passed = extras.serviceVariables?.length
    ? [
        `  env: [${extras.serviceVariables.map((name) => JSON.stringify(name)).join(', ')}]  # set by the measure job for its services`,
      ]
    : [];
  if (facts.buildCommand || facts.buildDir) {
    out.push('build:');
    if (facts.buildCommand) out.push(line('command', facts.buildCommand, 2));
    if (facts.buildDir) out.push(line('dir', facts.buildDir, 2));
    if (facts.buildCommand) out.push(...passed);
  }
  if (facts.start && facts.url)
    out.push('target:', line('start', facts.start, 2), line('url', facts.url, 2), ...passed);
  // With a derived checklist, what cannot apply is already out of it: no switches needed.
  const off: [string, string][] = [];
  if (!extras.template) {
    if (!facts.websocket) off.push(['websocket', 'no WebSocket server found']);
    if (!facts.migrationsDir) off.push(['migrations', 'no migrations folder found']);
    if (facts.kind === 'api') {
      for (const id of ['bundle-size', 'build-output', 'lighthouse'])
        off.push([id, 'API only: no browser build']);
    }
    if (!facts.coverage) off.push(['coverage', 'no coverage report or coverage tool found']);
  }
  if (off.length > 0) {
    out.push('checks:');
    for (const [id, why] of off) out.push(`  ${id}:`, `    enabled: false  # ${why}`);
  }
  if (notUsed.length > 0) {
    out.push('items:');
    for (const { itemId, name } of notUsed) {
      out.push(`  ${itemId}:`, line('na', `the app neither documents nor reads ${name} (shipgate init)`, 4));
    }
  }
  out.push(
    `# Only runs of ${CHECKS_WORKFLOW_PATH} may vouch for results; the bot dispatches it when results are late.`,
    'checksWorkflow:',
    line('file', CHECKS_WORKFLOW_FILE, 2),
    ...(extras.inlineJobs
      ? [
          '  # its attest job runs no code of the PR: what it computes itself counts as verified',
          line('uses', `./${CHECKS_WORKFLOW_PATH}`, 2),
        ]
      : []),
  );
  if (extras.metrics) {
    const job = (extras.packageName ?? 'app').replace(/^@[^/]+\//, '').replace(/[^\w.-]/g, '-');
    out.push(
      `# The app exposes Prometheus metrics (${extras.metrics.why}): the post-deploy items read`,
      '# production from Prometheus (docs/telemetry.md). The URL comes from env PROMETHEUS_URL (a',
      '# token from PROMETHEUS_TOKEN); the selector is a guess from package.json: use your scrape job.',
      'telemetry:',
      '  prometheus:',
      `    selector: 'job="${job}"'`,
    );
  }
  return `${out.join('\n')}\n`;
}

const ACTION_LABEL: Record<ItemDecision['action'], string> = {
  bound: 'bound',
  manual: 'manual',
  dropped: 'dropped',
  added: 'added',
};

/** The printed report of the checklist: every item that was changed, with its reason. */
export function checklistReport(decisions: readonly ItemDecision[], width: number): string[] {
  const count = (action: ItemDecision['action']) => decisions.filter((d) => d.action === action).length;
  const lines = [
    '',
    `checklist: ${count('bound')} items bound to checks, ${count('manual')} made manual, ${count('dropped')} dropped, ${count('added')} added`,
    '  (an item that cannot apply to this app is dropped; one that may apply but cannot be checked here stays manual)',
  ];
  // One line per decision and reason: fourteen prometheus items bound for one reason are one line.
  const groups = new Map<string, ItemDecision[]>();
  for (const decision of decisions) {
    if (decision.action === 'bound' && !decision.reason) continue;
    const key = `${decision.action}\0${decision.check ?? ''}\0${decision.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), decision]);
  }
  for (const group of groups.values()) {
    const [first] = group;
    if (!first) continue;
    const texts = group.map((decision) => decision.text);
    const shown =
      texts.length > 3 ? `${texts.slice(0, 2).join('; ')}; … ${texts.length - 2} more` : texts.join('; ');
    const what = first.check ? `${shown} [${first.check}]` : shown;
    lines.push(`${ACTION_LABEL[first.action].padEnd(width)}  ${what}  (${first.reason})`);
  }
  return lines;
}

/** One file init writes: its path, the text, and what is on disk now. */
interface Planned {
  path: string;
  text: string;
  state: 'new' | 'same' | 'differs';
}

function plan(repoDir: string, path: string, text: string): Planned {
  const file = join(repoDir, path);
  if (!existsSync(file)) return { path, text, state: 'new' };
  return { path, text, state: readFileSync(file, 'utf8') === text ? 'same' : 'differs' };
}

export function initCommand(io: CliIO, args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      template: { type: 'string' },
    },
  });
  if (positionals.length > 1) throw new UsageError('init takes at most one directory');
  const repoDir = resolve(io.cwd, positionals[0] ?? '.');
  if (!existsSync(repoDir)) throw new UsageError(`${positionals[0] ?? '.'}: no such directory`);
  if (!statSync(repoDir).isDirectory()) throw new UsageError(`${positionals[0]}: not a directory`);
  const facts = detectStack(repoDir);
  const health = findHealthRoute(repoDir);
  const metrics = findPrometheusMetrics(repoDir);
  const database = findDatabase(repoDir);
  const lhciRc = findLhciRc(repoDir, {});
  const services = findServices(repoDir);
  const findings = [
    ...facts.findings,
    health
      ? { what: 'health route', value: health.value, why: health.why }
      : { what: 'health route', value: 'none', why: 'no /health, /healthz, /status… route in the sources' },
    metrics
      ? { what: 'prometheus', value: 'yes', why: metrics.why }
      : {
          what: 'prometheus',
          value: 'none',
          why: 'no prom-client (or similar) dependency, no /metrics route',
        },
    database
      ? { what: 'database', value: database.value, why: database.why }
      : { what: 'database', value: 'none', why: 'no database client or ORM dependency' },
    services.length > 0
      ? {
          what: 'services',
          value: services.map((need) => SERVICE_NAMES[need.kind]).join(', '),
          why: `${services.map((need) => need.why).join('; ')}: in ${CHECKS_WORKFLOW_PATH}`,
        }
      : {
          what: 'services',
          value: 'none',
          why: 'no compose service, database config, service URL or driver',
        },
    ...(lhciRc
      ? [{ what: 'lighthouse ci', value: lhciRc, why: 'its URLs, runs, settings and assertions are used' }]
      : []),
  ];
  const width = Math.max(...findings.map((f) => f.what.length));
  for (const found of findings) {
    io.stdout.write(`${found.what.padEnd(width)}  ${found.value}  (${found.why})\n`);
  }
  const env = envNames(repoDir);
  const pkg = readPackage(repoDir);
  const templatePath =
    values.template === undefined ? defaultTemplatePath() : resolve(io.cwd, values.template);
  const template = loadChecklist(values.template === undefined ? undefined : templatePath, io.cwd);
  const derived = deriveChecklist(readFileSync(templatePath, 'utf8'), template, {
    stack: facts,
    appName: pkg?.name ? prettyName(pkg.name) : undefined,
    version: typeof pkg?.raw.version === 'string' ? pkg.raw.version : manifestVersion(repoDir),
    envUsed: new Set([...env.documented, ...env.read]),
    health,
    metrics,
    database,
    lhciRc,
  });
  for (const row of checklistReport(derived.decisions, width)) io.stdout.write(`${row}\n`);
  // What init writes must validate: the checklist as a template, the config with its checks.
  parseTemplate(derived.text, CHECKLIST_PATH, checkSchemas);
  const text = renderInitConfig(facts, [], {
    template: CHECKLIST_PATH,
    ...(values.template === undefined ? {} : { fittedFrom: values.template }),
    metrics,
    packageName: pkg?.name,
    inlineJobs: needsInlineJobs(facts, services),
    serviceVariables: serviceVariableNames(services),
  });
  readConfigText(text, CONFIG_PATH);
  const files = [
    plan(repoDir, CONFIG_PATH, text),
    plan(repoDir, CHECKLIST_PATH, derived.text),
    plan(repoDir, CHECKS_WORKFLOW_PATH, renderChecksWorkflow(repoDir, facts, services)),
  ];
  if (values['dry-run']) {
    for (const file of files) io.stdout.write(`\n# ${file.path} (dry run, not written)\n${file.text}`);
    return 0;
  }
  const differing = files.filter((file) => file.state === 'differs');
  if (differing.length > 0 && !values.force) {
    io.stderr.write(
      `shipgate: ${differing.map((file) => file.path).join(' and ')} exist${differing.length === 1 ? 's' : ''} and differ${differing.length === 1 ? 's' : ''} from what init would write; nothing written (--force overwrites)\n`,
    );
    return 2;
  }
  io.stdout.write('\n');
  for (const file of files) {
    if (file.state === 'same') {
      io.stdout.write(`${file.path} is up to date\n`);
      continue;
    }
    const target = join(repoDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
    io.stdout.write(`wrote ${file.path}\n`);
  }
  return 0;
}

/** The version a Python, Rust, Java or VERSION-file project declares (package.json is read above). */
function manifestVersion(repoDir: string): string | undefined {
  try {
    return projectVersion((file) =>
      file === 'package.json' ? undefined : readSmallFile(join(repoDir, file)) || undefined,
    )?.version;
  } catch {
    return undefined;
  }
}

/** `vite-react-template` → `Vite React Template`: the checklist's title. */
function prettyName(name: string): string {
  return name
    .replace(/^@[^/]+\//, '')
    .split(/[-_]/)
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

const ACRONYMS = new Set(['os', 'ui', 'ai', 'db', 'js', 'io', 'api', 'ssr', 'spa', 'cms', 'crm']);
