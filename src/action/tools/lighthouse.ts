/**
 * The pinned Lighthouse for an Action checkout without node_modules (what `uses:` checks out on a
 * runner): installed with the runner's npm into the tool cache, reused by later runs.
 *
 * Lighthouse cannot be bundled (it reads its locale files and imports its audits by path at run
 * time: docs/action.md), so the forked worker imports it from `SHIPGATE_LIGHTHOUSE_DIR`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { findExecutable } from '../../../checks/lib/process/find-executable.js';
import { cachedDir, type Env, runBounded, toolCacheRoot } from './cache.js';

/** package.json's `lighthouse` version, put in by scripts/build.mjs (esbuild `define`). */
declare const __SHIPGATE_LIGHTHOUSE_VERSION__: string | undefined;

/** The version the Action installs: exactly what package.json pins, never `latest`. */
export const PINNED_LIGHTHOUSE_VERSION: string | undefined =
  typeof __SHIPGATE_LIGHTHOUSE_VERSION__ === 'string' ? __SHIPGATE_LIGHTHOUSE_VERSION__ : undefined;

/** The worker (checks/lib/lighthouse/lighthouse-worker.mjs) imports Lighthouse from this prefix when set. */
export const LIGHTHOUSE_DIR_ENV = 'SHIPGATE_LIGHTHOUSE_DIR';

/** npm install of Lighthouse's ~200 packages: about 7 s from npm's cache, tens of seconds cold. */
export const DEFAULT_INSTALL_TIMEOUT_MS = 150_000;

export type Provided = { ok: true; dir: string; hit: boolean } | { ok: false; reason: string };

const FIX =
  "fix: let the runner reach the npm registry (set npm_config_registry for a mirror) or run `npm ci --omit=dev` in the Action's directory (docs/action.md)";

const InstalledPackage = z.object({ version: z.string() });

export interface LighthouseInstall {
  version: string;
  env: Env;
  log(message: string): void;
  /** default: the tool cache root (RUNNER_TOOL_CACHE) */
  cacheRoot?: string;
  timeoutMs?: number;
}

/** `<root>/shipgate-lighthouse/<version>/`, an npm prefix whose node_modules holds lighthouse. */
export function lighthouseDir(root: string, version: string): string {
  return path.join(root, 'shipgate-lighthouse', version);
}

/** Installs (or finds installed) lighthouse@version; never throws: a failure is the reason and the fix. */
export async function provideLighthouse(options: LighthouseInstall): Promise<Provided> {
  const { version, env, log } = options;
  const dir = lighthouseDir(options.cacheRoot ?? toolCacheRoot(env), version);
  const timeoutMs = options.timeoutMs ?? DEFAULT_INSTALL_TIMEOUT_MS;
  const npm = await findExecutable(process.platform === 'win32' ? 'npm.cmd' : 'npm', env.PATH);
  try {
    const cached = await cachedDir(dir, async (tmp) => {
      if (!npm) throw new Error('npm not found on PATH');
      log(`shipgate: installing lighthouse@${version} into ${dir} (npm, at most ${timeoutMs / 1000} s)`);
      const started = Date.now();
      // --ignore-scripts: nothing of Lighthouse's tree needs an install script, and none may run here.
      // npm itself reads npm_config_registry (and .npmrc) from the environment for mirrors.
      await runBounded(
        npm,
        [
          'install',
          '--no-save',
          '--no-audit',
          '--no-fund',
          '--ignore-scripts',
          '--loglevel=error',
          '--prefix',
          tmp,
          `lighthouse@${version}`,
        ],
        { env, timeoutMs, cwd: tmp },
      );
      const installed = await installedVersion(tmp);
      if (installed !== version) throw new Error(`npm installed lighthouse ${installed ?? 'nothing'}`);
      log(`shipgate: lighthouse@${version} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
    if (cached.hit) {
      // a completed directory that no longer holds the version (edited by hand) is not used
      const installed = await installedVersion(dir);
      if (installed !== version)
        return {
          ok: false,
          reason: `the tool cache ${dir} holds lighthouse ${installed ?? 'nothing'}: fix: delete it`,
        };
      log(`shipgate: lighthouse@${version} from the tool cache ${dir}`);
    }
    return { ok: true, dir, hit: cached.hit };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `lighthouse@${version} could not be installed (${message}): ${FIX}` };
  }
}

/** The oldest Lighthouse whose API and preset paths the worker uses (`lighthouse(url, flags, config)`, core/config/*). */
const OLDEST_WORKSPACE_MAJOR = 10;

/**
 * The repository's own Lighthouse when its dependencies are installed in the workspace: its
 * `lighthouse` devDependency, or the one `@lhci/cli` brings. That is the version the team already
 * runs (`lhci autorun`), so the Action uses it and installs nothing. `dir` is an npm prefix the
 * worker resolves `lighthouse` from.
 */
export async function workspaceLighthouse(
  workspace: string,
): Promise<{ dir: string; version: string } | undefined> {
  for (const dir of [workspace, path.join(workspace, 'node_modules', '@lhci', 'cli')]) {
    const version = await installedVersion(dir);
    if (version && Number.parseInt(version, 10) >= OLDEST_WORKSPACE_MAJOR) return { dir, version };
  }
  return undefined;
}

async function installedVersion(prefix: string): Promise<string | undefined> {
  try {
    const raw = await readFile(path.join(prefix, 'node_modules', 'lighthouse', 'package.json'), 'utf8');
    return InstalledPackage.parse(JSON.parse(raw)).version;
  } catch {
    return undefined;
  }
}
