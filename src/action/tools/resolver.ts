import path from 'node:path';
import { z } from 'zod';
import type { Check, CheckOutcome } from '../../../checks/check.js';
import { badChromePath, findChrome } from '../../../checks/lib/lighthouse/chrome.js';
import { findExecutable } from '../../../checks/lib/process/find-executable.js';
import { type ProvidedBinary, provideGitleaks } from './gitleaks.js';
import {
  LIGHTHOUSE_DIR_ENV,
  PINNED_LIGHTHOUSE_VERSION,
  type Provided,
  provideLighthouse,
  workspaceLighthouse,
} from './lighthouse.js';
import type { Env } from './tool-cache.js';

/**
 * npm packages a check loads at run time that are NOT bundled into dist/index.js (see
 * docs/action.md): Lighthouse runs in a forked worker that imports it from node_modules.
 */
export const EXTERNAL_PACKAGES: Readonly<Record<string, readonly string[]>> = {
  lighthouse: ['lighthouse'],
};

const notInstalled = (packages: readonly string[]) =>
  `${packages.join(', ')} not installed next to the Action: run \`npm ci --omit=dev\` in the Action's directory (docs/action.md)`;

/** Whether a package resolves from the Action's own location (dist/ → ../node_modules). */
export function canResolve(specifier: string): boolean {
  try {
    import.meta.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

export interface ToolOptions {
  env: Env;
  log(message: string): void;
  /** whether a package resolves next to the Action (default: canResolve) */
  available?: (specifier: string) => boolean;
  /** fetches the pinned Lighthouse when it does not resolve; absent: the items are skipped with the fix */
  provideLighthouse?: () => Promise<Provided>;
  /** fetches the pinned gitleaks when none is on PATH; absent: the secrets check runs as it is */
  provideGitleaks?: () => Promise<ProvidedBinary>;
}

/** What the Action brings on a runner: Lighthouse always (the checkout has no node_modules), gitleaks only on a runner. */
export function actionTools(env: Env, log: (message: string) => void, workspace?: string): ToolOptions {
  const version = PINNED_LIGHTHOUSE_VERSION;
  const provide = async (): Promise<Provided> => {
    const own = workspace ? await workspaceLighthouse(workspace) : undefined;
    if (own) {
      log(`shipgate: using the workspace's lighthouse@${own.version} (${own.dir})`);
      return { ok: true, dir: own.dir, hit: true };
    }
    if (!version) return { ok: false, reason: notInstalled(EXTERNAL_PACKAGES.lighthouse ?? []) };
    return provideLighthouse({ version, env, log });
  };
  return {
    env,
    log,
    // without a pinned version (a development build) only the workspace's own can be used
    ...(version || workspace ? { provideLighthouse: provide } : {}),
    // Locally (the CLI, or the Action outside Actions) the secrets check keeps its own choice:
    // gitleaks when installed, else the built-in rules. Only a runner downloads it.
    ...(env.GITHUB_ACTIONS === 'true' ? { provideGitleaks: () => provideGitleaks({ env, log }) } : {}),
  };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= make();
    return promise;
  };
}

/**
 * Wraps the check registry so the checks that need a tool the checkout lacks get it, or report
 * `skipped` with the reason and the fix instead of an error from deep inside a worker.
 */
export function toolAwareResolver(
  resolve: (name: string) => Check<unknown> | undefined,
  options: ToolOptions,
): (name: string) => Check<unknown> | undefined {
  const available = options.available ?? canResolve;
  const lighthouse = options.provideLighthouse ? once(options.provideLighthouse) : undefined;
  const gitleaks = options.provideGitleaks ? once(options.provideGitleaks) : undefined;
  return (name) => {
    const check = resolve(name);
    if (!check) return check;
    if (name === 'secrets' && gitleaks) return withGitleaks(check, gitleaks);
    const missing = (EXTERNAL_PACKAGES[name] ?? []).filter((specifier) => !available(specifier));
    if (missing.length === 0) return check;
    if (name === 'lighthouse' && lighthouse) {
      // Without a usable Chromium the check skips (or errors) before it needs Lighthouse: fetch nothing.
      if (badChromePath(options.env) || !findChrome(options.env)) return check;
      // Started when the runner first resolves the check, before the parallel checks run, so the
      // install overlaps them instead of eating into the Lighthouse items' own timeout.
      void lighthouse();
      return {
        ...check,
        run: async (params, ctx) => {
          const provided = await lighthouse();
          if (!provided.ok) return { status: 'skipped', summary: provided.reason };
          // read by the forked worker (checks/lib/lighthouse/lighthouse-worker.mjs), which inherits process.env
          process.env[LIGHTHOUSE_DIR_ENV] = provided.dir;
          return check.run(params, ctx);
        },
      };
    }
    return {
      ...check,
      run: async () => ({ status: 'skipped', summary: notInstalled(missing) }),
    };
  };
}

const EngineParam = z.object({ engine: z.string().optional() });

/**
 * The secrets check on a runner with no gitleaks on PATH: with the pinned gitleaks on PATH for it.
 * When it cannot be had, `engine=gitleaks` is skipped with the reason; `auto` scans with the
 * built-in rules (as it does wherever gitleaks is missing) and says why gitleaks was not used.
 */
function withGitleaks(check: Check<unknown>, gitleaks: () => Promise<ProvidedBinary>): Check<unknown> {
  return {
    ...check,
    run: async (params, ctx): Promise<CheckOutcome> => {
      const engine = EngineParam.safeParse(params).data?.engine ?? 'auto';
      if (engine === 'builtin' || (await findExecutable('gitleaks', ctx.env.PATH, { systemOnly: true })))
        return check.run(params, ctx);
      const provided = await gitleaks();
      if (provided.ok) {
        const PATH = [path.dirname(provided.binary), ctx.env.PATH].filter(Boolean).join(path.delimiter);
        return check.run(params, { ...ctx, env: { ...ctx.env, PATH } });
      }
      if (engine === 'gitleaks') return { status: 'skipped', summary: provided.reason };
      const outcome = await check.run(params, ctx);
      return { ...outcome, summary: `${outcome.summary}; ${provided.reason}` };
    },
  };
}
