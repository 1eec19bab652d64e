/**
 * The pinned Lighthouse for an Action checkout without node_modules (what `uses:` checks out on a
 * runner): installed with the runner's npm into a scratch directory, put into the tool cache with
 * `@actions/tool-cache` (`cacheDir`, found again with `find`), reused by later runs on the runner.
 *
 * Not kept between jobs with `@actions/cache`: the only job that installs Lighthouse is the measure
 * job, which runs the PR's code; a cache it saves is the PR's to write (any step there holds the
 * cache token and can save under our key), so restoring it anywhere trusted — the attest job,
 * which holds `id-token: write` — would run a tool the PR controlled. Restoring it only into later
 * measure jobs would be safe but buys ~7 s (npm's own cache, e.g. setup-node's `cache: npm`,
 * gives the same) for the cache service's SDK in the bundle: docs/action.md, "Between jobs".
 *
 * Lighthouse cannot be bundled (it reads its locale files and imports its audits by path at run
 * time: docs/action.md), so the forked worker imports it from `SHIPGATE_LIGHTHOUSE_DIR`.
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as toolCache from '@actions/tool-cache';
import { z } from 'zod';
import { findExecutable } from '../../../checks/lib/process/find-executable.js';
import { type Env, scratchDir, useToolCacheRoot } from './tool-cache.js';

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
  timeoutMs?: number;
}

/** tool-cache's name for the pinned Lighthouse. */
const TOOL = 'shipgate-lighthouse';

/** `<root>/shipgate-lighthouse/<version>/<arch>/`, an npm prefix whose node_modules holds lighthouse. */
export function lighthouseDir(root: string, version: string, arch = process.arch): string {
  return path.join(root, TOOL, version, arch);
}

/** Installs (or finds installed) lighthouse@version; never throws: a failure is the reason and the fix. */
export async function provideLighthouse(options: LighthouseInstall): Promise<Provided> {
  const { version, env, log } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_INSTALL_TIMEOUT_MS;
  let scratch: string | undefined;
  try {
    useToolCacheRoot(env);
    const found = toolCache.find(TOOL, version);
    if (found) {
      // a completed directory that no longer holds the version (edited by hand) is not used
      const installed = await installedVersion(found);
      if (installed !== version)
        return {
          ok: false,
          reason: `the tool cache ${found} holds lighthouse ${installed ?? 'nothing'}: fix: delete it`,
        };
      log(`shipgate: lighthouse@${version} from the tool cache ${found}`);
      return { ok: true, dir: found, hit: true };
    }
    const npm = await findExecutable(process.platform === 'win32' ? 'npm.cmd' : 'npm', env.PATH);
    if (!npm) throw new Error('npm not found on PATH');
    const dir = lighthouseDir(useToolCacheRoot(env), version);
    log(`shipgate: installing lighthouse@${version} into ${dir} (npm, at most ${timeoutMs / 1000} s)`);
    const started = Date.now();
    scratch = await scratchDir(env, 'shipgate-lighthouse-');
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
        scratch,
        `lighthouse@${version}`,
      ],
      { env, timeoutMs, cwd: scratch },
    );
    const installed = await installedVersion(scratch);
    if (installed !== version) throw new Error(`npm installed lighthouse ${installed ?? 'nothing'}`);
    // copied in, then marked complete: an interrupted copy is never found
    const cached = await toolCache.cacheDir(scratch, TOOL, version);
    log(`shipgate: lighthouse@${version} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { ok: true, dir: cached, hit: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `lighthouse@${version} could not be installed (${message}): ${FIX}` };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** Runs a command with a deadline; resolves with stdout, rejects with the first lines of stderr. */
function runBounded(
  file: string,
  args: readonly string[],
  options: { env: Env; timeoutMs: number; cwd?: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        env: options.env as NodeJS.ProcessEnv,
        cwd: options.cwd,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        // npm is npm.cmd on Windows, which Node only runs through a shell
        shell: process.platform === 'win32',
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const timedOut = error.killed === true || error.signal === 'SIGKILL';
        const lines = String(stderr)
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line && !/^npm (?:error|ERR!) (?:A complete log|$)/.test(line))
          .slice(0, 3)
          .join(' / ');
        reject(
          new Error(
            timedOut
              ? `timed out after ${Math.round(options.timeoutMs / 1000)} s`
              : (lines || error.message.split('\n')[0] || 'failed').slice(0, 300),
          ),
        );
      },
    );
  });
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
