import type { Found } from '../../checks/lib/detect/app-features.js';
import type { StackFacts } from '../../checks/lib/detect/stack.js';
import { renderDirective, splitDirective } from '../core/template/directive.js';
import type { Checklist, ChecklistItem, CheckParams } from '../core/template/model.js';

/**
 * The checklist `shipgate init` writes: the built-in production-deployment template fitted to what
 * init found. Pure (text in, text out) so the golden files pin it without a repository.
 *
 * Policy, printed with the report: an item that cannot apply to this app (a WebSocket latency
 * budget without a WebSocket server, the template's Restaurant OS secrets and business flows,
 * browser budgets on an API) is dropped; an item that may apply but cannot be checked here (no
 * Prometheus, no coverage tool, a database without a migrations folder) stays as a manual item,
 * with the reason printed, so a person decides it.
 */
export const CHECKLIST_PATH = '.github/shipgate/checklist.md';

export interface InitFacts {
  stack: StackFacts;
  /** Shown in the title instead of the template's "Restaurant OS". */
  appName?: string;
  version?: string;
  /** Every variable the app documents (.env.example) or reads. */
  envUsed: ReadonlySet<string>;
  health?: Found;
  metrics?: Found;
  database?: Found;
  /** The team's Lighthouse CI config file, when there is one. */
  lhciRc?: string;
}

export type DecisionAction = 'bound' | 'manual' | 'dropped' | 'added';

export interface ItemDecision {
  action: DecisionAction;
  text: string;
  check?: string;
  reason: string;
}

export interface DerivedChecklist {
  text: string;
  decisions: ItemDecision[];
}

/** Directive keys that are not the check's: kept when an item becomes manual. */
const STRUCTURAL = new Set([
  'id',
  'role',
  'phase',
  'optional',
  'required',
  'invalidate-on',
  'when-paths',
  'when-labels',
]);

/** The template's example app (Restaurant OS): its flows, replaced by one item a team fills in. */
const EXAMPLE_APP_ITEMS = new Map<string, string | undefined>([
  ['Customer flow: Browse → Order → Pay', 'Critical user flows verified (list yours here)'],
  ['Kitchen flow: Receive → Prepare → Complete', undefined],
  ['Expo flow: Ready → Pickup/Delivery', undefined],
  ['Voice ordering tested', undefined],
  ['Multi-tenant isolation verified', undefined],
  ['Payment processing verified', undefined],
  ['Can create order', 'Core functions work (list yours here)'],
  ['Payment processing works', undefined],
  ['Kitchen display updates', undefined],
  ['Expo display updates', undefined],
  ['Reports generating', undefined],
  ['Email notifications sending', undefined],
  ['Payment failures > 2%', undefined],
  ['Orders processing successfully', 'Key business metrics normal (list yours here)'],
  ['Payments completing', undefined],
  ['Staff able to login', undefined],
  ['Customers can order', undefined],
  ['No revenue impact', undefined],
]);
const EXAMPLE_APP_REASON = "the template's example app (Restaurant OS) flow, not this app's";

const WEBSOCKET_MANUAL = new Set([
  'WebSocket real-time updates working',
  'Redis configured for WebSocket scaling',
]);
const DATABASE_SECTION = '🗄️ Database Preparation';
const DATABASE_MANUAL = new Set([
  'Database migrations applied',
  'Rollback database if needed',
  'Database queries fast',
  'Database corruption',
]);
const BROWSER_MANUAL = new Set(['CDN configured for static assets', 'Static assets uploaded to CDN']);

/** What to do with one template item: keep (optionally with new parameters), make manual, or drop. */
type Plan =
  | { action: 'keep'; params?: CheckParams; reason?: string }
  | { action: 'manual' | 'dropped'; reason: string }
  | { action: 'replace'; text: string; reason: string };

const isApi = (facts: InitFacts) => facts.stack.kind === 'api';

function planBound(item: ChecklistItem, facts: InitFacts): Plan {
  const { stack } = facts;
  switch (item.check) {
    case 'env-secrets': {
      const name = typeof item.params.name === 'string' ? item.params.name : undefined;
      if (name && !facts.envUsed.has(name))
        return { action: 'dropped', reason: `the app neither documents nor reads ${name}` };
      return { action: 'keep' };
    }
    case 'bundle-size':
    case 'build-output':
      if (isApi(facts)) return { action: 'dropped', reason: 'API only: no browser build' };
      if (stack.language && !stack.buildDir)
        return {
          action: 'dropped',
          reason: `${stack.framework} renders its pages on the server: no JavaScript build`,
        };
      return stack.buildDir ? { action: 'keep', reason: `build dir ${stack.buildDir}` } : { action: 'keep' };
    case 'lighthouse':
      if (isApi(facts)) return { action: 'dropped', reason: 'API only: no pages to load in a browser' };
      return { action: 'keep' };
    case 'websocket':
      if (!stack.websocket) return { action: 'dropped', reason: 'no WebSocket server found' };
      return { action: 'keep', reason: stack.websocket };
    case 'migrations':
      if (stack.migrationsDir)
        return {
          action: 'keep',
          params: { dir: stack.migrationsDir },
          reason: `migrations folder ${stack.migrationsDir}`,
        };
      if (facts.database)
        return {
          action: 'manual',
          reason: `${facts.database.why} but no migrations folder was found: confirm the rollback by hand`,
        };
      return { action: 'dropped', reason: 'no database client and no migrations folder' };
    case 'coverage':
      if (!stack.coverage) return { action: 'manual', reason: 'no coverage report or coverage tool found' };
      // Pinned only when the report exists: a tool's default reporters differ (vitest writes no lcov).
      return stack.coverageReport
        ? { action: 'keep', params: { file: stack.coverage }, reason: 'coverage report exists' }
        : { action: 'keep', reason: `${stack.coverage}: the tool writes it with --coverage` };
    case 'health': {
      const path = item.params.path;
      if (path === '/') {
        // The health check refuses HTML (a SPA fallback is not a health answer), so a home page cannot pass it.
        if (isApi(facts)) return { action: 'dropped', reason: 'API only: no home page' };
        return { action: 'manual', reason: 'a page, not a health endpoint: open it after the deploy' };
      }
      if (facts.health)
        return { action: 'keep', params: { path: facts.health.value }, reason: facts.health.why };
      if (stack.kind === 'spa' || stack.kind === 'static')
        return {
          action: 'manual',
          reason: `no health route in the sources of a ${stack.kind === 'spa' ? 'SPA' : 'static site'}: the host's own checks apply`,
        };
      return { action: 'keep', reason: 'no health route found: the check tells you until there is one' };
    }
    case 'prometheus':
      if (facts.metrics) return { action: 'keep', reason: facts.metrics.why };
      return {
        action: 'manual',
        reason:
          'no Prometheus metrics (prom-client, /metrics) found: read it from your monitoring (docs/telemetry.md)',
      };
    case 'cutover-window':
      // a window is judged from the same metrics: without them only a person can watch it
      if (facts.metrics) return { action: 'keep', reason: facts.metrics.why };
      return {
        action: 'manual',
        reason: 'no Prometheus metrics (prom-client, /metrics) found: watch the window on your dashboards',
      };
    default:
      return { action: 'keep' };
  }
}

function planItem(item: ChecklistItem, facts: InitFacts): Plan {
  if (item.check) return planBound(item, facts);
  const replacement = EXAMPLE_APP_ITEMS.get(item.text);
  if (EXAMPLE_APP_ITEMS.has(item.text)) {
    return replacement
      ? { action: 'replace', text: replacement, reason: EXAMPLE_APP_REASON }
      : { action: 'dropped', reason: EXAMPLE_APP_REASON };
  }
  if (WEBSOCKET_MANUAL.has(item.text) && !facts.stack.websocket)
    return { action: 'dropped', reason: 'no WebSocket server found' };
  const databaseItem = item.section.includes(DATABASE_SECTION) || DATABASE_MANUAL.has(item.text);
  if (databaseItem && !facts.database && !facts.stack.migrationsDir)
    return { action: 'dropped', reason: 'no database client and no migrations folder' };
  if (BROWSER_MANUAL.has(item.text) && isApi(facts))
    return { action: 'dropped', reason: 'API only: no static assets' };
  return { action: 'keep' };
}

/** Items for the secrets the app reads that the template does not already check. */
function secretItems(facts: InitFacts, covered: ReadonlySet<string>): { line: string; name: string }[] {
  return facts.stack.secrets
    .filter((name) => !covered.has(name))
    .map((name) => {
      // Secrets the team generates (signing keys, peppers) must be long; provider keys have their own shapes.
      const generated =
        /(?:SECRET|PEPPER|SALT|SECRET_KEY|SECRET_KEY_BASE)$/.test(name) &&
        !/API_SECRET$|CLIENT_SECRET$/.test(name);
      const params: CheckParams = { check: 'env-secrets', name, ...(generated ? { minLength: 32 } : {}) };
      return { name, line: `- [ ] \`${name}\` set for production${renderDirective(params)}` };
    });
}

function fitTitle(row: string, facts: InitFacts): string {
  const name = (facts.appName ?? 'App').replace(/[|}]/g, '');
  const version = facts.version ? `{{version|${facts.version.replace(/[|}]/g, '')}}}` : '{{version}}';
  return row.replace('{{app|Restaurant OS}}', `{{app|${name}}}`).replace(/\{\{version\|6\.0\.3\}\}/, version);
}

/** The template text with each item kept, rebound, made manual or dropped, and the decisions made. */
export function deriveChecklist(source: string, checklist: Checklist, facts: InitFacts): DerivedChecklist {
  const rows = source.replace(/\r\n?/g, '\n').split('\n');
  const byLine = new Map(checklist.items.map((item) => [item.line, item]));
  const lastSecretLine = Math.max(
    0,
    ...checklist.items
      .filter((item) => item.check === 'env-secrets' || item.check === 'env-files')
      .map((item) => item.line),
  );
  const covered = new Set(
    checklist.items.flatMap((item) =>
      item.check === 'env-secrets' &&
      typeof item.params.name === 'string' &&
      facts.envUsed.has(item.params.name)
        ? [item.params.name]
        : [],
    ),
  );
  const decisions: ItemDecision[] = [];
  const out: string[] = [];
  rows.forEach((row, index) => {
    const lineNo = index + 1;
    const item = byLine.get(lineNo);
    if (lineNo === 1) out.push(fitTitle(row, facts));
    else if (!item) out.push(row);
    else {
      const plan = planItem(item, facts);
      const directive = splitDirective(row);
      const values = directive?.values ?? {};
      const rest = directive?.rest ?? row.trimEnd();
      if (plan.action === 'dropped') {
        decisions.push({ action: 'dropped', text: item.text, check: item.check, reason: plan.reason });
      } else if (plan.action === 'manual') {
        const kept = Object.fromEntries(Object.entries(values).filter(([key]) => STRUCTURAL.has(key)));
        out.push(`${rest}${renderDirective(kept)}`);
        decisions.push({ action: 'manual', text: item.text, check: item.check, reason: plan.reason });
      } else if (plan.action === 'replace') {
        out.push(`${rest.slice(0, rest.length - item.text.length)}${plan.text}${renderDirective(values)}`);
        decisions.push({ action: 'added', text: plan.text, reason: `instead of ${EXAMPLE_APP_REASON}` });
      } else if (plan.action === 'keep' && plan.params) {
        out.push(`${rest}${renderDirective({ ...values, ...plan.params })}`);
        decisions.push({ action: 'bound', text: item.text, check: item.check, reason: describe(plan) });
      } else {
        out.push(row);
        if (item.check)
          decisions.push({ action: 'bound', text: item.text, check: item.check, reason: plan.reason ?? '' });
      }
    }
    if (
      item?.check === 'lighthouse' &&
      item.params.metric === 'performance' &&
      facts.lhciRc &&
      !isApi(facts)
    ) {
      const text = `Lighthouse CI assertions pass (${facts.lhciRc})`;
      out.push(`- [ ] ${text}${renderDirective({ check: 'lighthouse', metric: 'lhci' })}`);
      decisions.push({
        action: 'added',
        text,
        check: 'lighthouse',
        reason: `${facts.lhciRc} exists: its assertions judged as lhci assert does`,
      });
    }
    if (lineNo === lastSecretLine) {
      for (const added of secretItems(facts, covered)) {
        out.push(added.line);
        decisions.push({
          action: 'added',
          text: `\`${added.name}\` set for production`,
          check: 'env-secrets',
          reason: 'the app documents or reads it',
        });
      }
    }
  });
  return { text: pruneEmptySections(out, source).join('\n'), decisions };
}

const HEADING_RE = /^(#{1,6})\s/;
const ITEM_RE = /^\s*(?:[-*+]|\d+\.)\s+\[[ xX]\]\s/;
const FENCE_RE = /^\s*(```|~~~)/;

/** Heading levels and item counts of each heading's subtree, fences respected. */
function itemsUnderHeadings(rows: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const stack: { level: number; key: string }[] = [];
  let inFence = false;
  rows.forEach((row, index) => {
    if (FENCE_RE.test(row)) inFence = !inFence;
    if (inFence) return;
    const heading = HEADING_RE.exec(row);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
      // Keyed by the heading text and its occurrence, so the template's and the output's line up.
      const key = `${row}\0${[...counts.keys()].filter((k) => k.startsWith(`${row}\0`)).length}`;
      counts.set(key, 0);
      stack.push({ level, key });
      return;
    }
    if (ITEM_RE.test(row)) for (const frame of stack) counts.set(frame.key, (counts.get(frame.key) ?? 0) + 1);
    void index;
  });
  return counts;
}

/**
 * A section whose items were all dropped goes too (heading, commands, text), so an API's
 * checklist has no empty "Bundle Size Check". Sections that never had items (contacts) stay.
 */
function pruneEmptySections(rows: readonly string[], source: string): string[] {
  const before = itemsUnderHeadings(source.replace(/\r\n?/g, '\n').split('\n'));
  const after = itemsUnderHeadings(rows);
  const emptied = new Set(
    [...after].filter(([key, n]) => n === 0 && (before.get(key) ?? 0) > 0).map(([key]) => key),
  );
  const out: string[] = [];
  const seen = new Map<string, number>();
  let skipLevel: number | undefined;
  let inFence = false;
  for (const row of rows) {
    const fence = FENCE_RE.test(row);
    const heading = !inFence && !fence ? HEADING_RE.exec(row) : null;
    if (fence) inFence = !inFence;
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const occurrence = seen.get(row) ?? 0;
      seen.set(row, occurrence + 1);
      if (skipLevel !== undefined && level <= skipLevel) skipLevel = undefined;
      if (skipLevel === undefined && emptied.has(`${row}\0${occurrence}`)) skipLevel = level;
    }
    if (skipLevel === undefined) out.push(row);
  }
  return out;
}

function describe(plan: { params?: CheckParams; reason?: string }): string {
  const params = Object.entries(plan.params ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  return [params, plan.reason].filter(Boolean).join(': ');
}
