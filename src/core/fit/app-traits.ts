/**
 * What `shipgate init` can tell about an app, by name: the vocabulary a check contract's
 * applicability (src/core/fit/applicability.ts) and a template item's `needs=` speak. init finds
 * each trait in the repository (src/cli/init-traits.ts); the names and meanings live here so the
 * template parser, the contracts and the docs agree on them.
 */
export const APP_TRAITS = {
  pages: {
    means: 'serves pages a browser loads (not an API only)',
    missing: 'API only: no pages to load in a browser',
  },
  'static-assets': {
    means: 'serves static files (JavaScript, CSS, images) to browsers',
    missing: 'API only: no static assets',
  },
  'browser-build': {
    means: 'builds JavaScript for the browser (its value: the build folder, when known)',
    missing: 'no JavaScript build for the browser',
  },
  server: {
    means: 'runs a server of its own (not a SPA or static site a host serves)',
    missing: 'no server of its own: a host serves it',
  },
  websocket: { means: 'runs a WebSocket server', missing: 'no WebSocket server found' },
  database: {
    means: 'uses a database (a client or ORM dependency, or a migrations folder)',
    missing: 'no database client and no migrations folder',
  },
  'migrations-folder': {
    means: 'has a migrations folder (its value)',
    missing: 'no migrations folder found',
  },
  'coverage-tool': {
    means: 'has a coverage tool or report (its value: the report file)',
    missing: 'no coverage report or coverage tool found',
  },
  'coverage-report': {
    means: 'has a coverage report already (its value)',
    missing: 'no coverage report found',
  },
  'health-route': { means: 'declares a health route (its value)', missing: 'no health route found' },
  'prometheus-metrics': {
    means: 'exposes Prometheus metrics (prom-client, /metrics)',
    missing: 'no Prometheus metrics (prom-client, /metrics) found',
  },
  'lighthouse-ci': {
    means: 'has a Lighthouse CI config (its value: the file)',
    missing: 'no Lighthouse CI config found',
  },
  env: {
    means: 'the variables it documents (.env.example) or reads (its values)',
    missing: 'no environment variables found',
  },
  secrets: { means: 'the secrets it reads (its values)', missing: 'no secrets found' },
} as const satisfies Record<string, { means: string; missing: string }>;

export type AppTrait = keyof typeof APP_TRAITS;

export const TRAIT_NAMES = Object.keys(APP_TRAITS) as AppTrait[];

export function isAppTrait(name: string): name is AppTrait {
  return Object.hasOwn(APP_TRAITS, name);
}

/** One trait init found: its value (a folder, a file, a route), or values (a list), and why it believes it. */
export interface TraitFound {
  value?: string;
  values?: readonly string[];
  why?: string;
}

/**
 * What init found in one app: the traits it has, and words reasons may name (`{framework}`:
 * "Django"; `{stack}`: "SPA", "static site"…).
 */
export interface AppProfile {
  traits: Partial<Record<AppTrait, TraitFound>>;
  words: { framework?: string; stack?: string };
}
