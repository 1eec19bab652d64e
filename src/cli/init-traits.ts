import type { Found } from '../../checks/lib/detect/app-features.js';
import type { StackFacts } from '../../checks/lib/detect/stack.js';
import type { AppProfile } from '../core/fit/app-traits.js';

/** What `shipgate init` found in a repository (checks/lib/detect/*), as the checklist's fitting reads it. */
export interface InitFacts {
  stack: StackFacts;
  /** Shown in the title instead of the template's example app name. */
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

const STACK_WORDS: Record<StackFacts['kind'], string | undefined> = {
  spa: 'SPA',
  static: 'static site',
  ssr: 'server-rendered app',
  api: 'API',
  unknown: undefined,
};

/**
 * The app traits (src/core/fit/app-traits.ts) init's findings amount to: what contracts'
 * applicability and templates' `needs=` are judged against.
 */
export function appProfile(facts: InitFacts): AppProfile {
  const { stack } = facts;
  const traits: AppProfile['traits'] = {};
  const api = stack.kind === 'api';
  if (!api) {
    traits.pages = {};
    traits['static-assets'] = {};
    // A Python, Go, Ruby or Java app without a build folder renders its pages on the server.
    if (!(stack.language && !stack.buildDir)) traits['browser-build'] = foundWith(stack.buildDir);
  }
  if (stack.kind !== 'spa' && stack.kind !== 'static') traits.server = {};
  if (stack.websocket) traits.websocket = { value: stack.websocket };
  if (facts.database) traits.database = { ...facts.database };
  else if (stack.migrationsDir) traits.database = { value: stack.migrationsDir };
  if (stack.migrationsDir) traits['migrations-folder'] = { value: stack.migrationsDir };
  if (stack.coverage) traits['coverage-tool'] = { value: stack.coverage };
  if (stack.coverage && stack.coverageReport) traits['coverage-report'] = { value: stack.coverage };
  if (facts.health) traits['health-route'] = { ...facts.health };
  if (facts.metrics) traits['prometheus-metrics'] = { ...facts.metrics };
  if (facts.lhciRc) traits['lighthouse-ci'] = { value: facts.lhciRc };
  traits.env = { values: [...facts.envUsed] };
  traits.secrets = { values: stack.secrets };
  const words: AppProfile['words'] = {};
  if (stack.framework) words.framework = stack.framework;
  const word = STACK_WORDS[stack.kind];
  if (word) words.stack = word;
  return { traits, words };
}

const foundWith = (value: string | undefined) => (value === undefined ? {} : { value });
