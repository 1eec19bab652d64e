/**
 * The pinned gitleaks release for a runner without one on PATH: downloaded from the gitleaks
 * release (or a mirror), its sha256 checked against the constants below before anything is
 * extracted, then extracted and cached with `@actions/tool-cache` and reused by later runs.
 */
import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import * as toolCache from '@actions/tool-cache';
import { type Env, scratchDir, useToolCacheRoot, withDeadline } from './tool-cache.js';

export const GITLEAKS_VERSION = '8.28.0';

/**
 * sha256 of each v8.28.0 release archive, as listed in the release's gitleaks_8.28.0_checksums.txt
 * (https://github.com/gitleaks/gitleaks/releases/tag/v8.28.0). Looked up offline in public repositories
 * that pin the same release (several agree on each value); Windows ships a .zip and is not covered.
 */
export const GITLEAKS_SHA256: Readonly<Record<string, string>> = {
  linux_x64: 'a65b5253807a68ac0cafa4414031fd740aeb55f54fb7e55f386acb52e6a840eb',
  linux_arm64: 'eff65261156100e5d94a6b3dec313d532fddfe19ae1590bf7a2b4f2699128356',
  darwin_x64: 'edf5a507008b0d2ef4959575772772770586409c1f6f74dabf19cbe7ec341ced',
  darwin_arm64: 'd942f3ad147250c9edbaab3fed9e482f98d3b59ba10ae97b8d75647e3ade492c',
};

export const GITLEAKS_DEFAULT_BASE_URL = 'https://github.com/gitleaks/gitleaks/releases/download';
/** Base URL of a mirror of the release downloads (GHES, air-gapped runners; the tests' loopback server). */
export const GITLEAKS_BASE_URL_ENV = 'SHIPGATE_GITLEAKS_BASE_URL';

const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 60_000;

export type ProvidedBinary = { ok: true; binary: string; hit: boolean } | { ok: false; reason: string };

/** gitleaks' asset name for a Node platform/arch (`linux_x64`…), or undefined when none is pinned. */
export function gitleaksPlatform(platform: string, arch: string): string | undefined {
  const os = platform === 'linux' ? 'linux' : platform === 'darwin' ? 'darwin' : undefined;
  const cpu = arch === 'x64' ? 'x64' : arch === 'arm64' ? 'arm64' : undefined;
  const key = os && cpu ? `${os}_${cpu}` : undefined;
  return key && key in GITLEAKS_SHA256 ? key : undefined;
}

export function gitleaksUrl(base: string, platformKey: string, version = GITLEAKS_VERSION): string {
  return `${base.replace(/\/+$/, '')}/v${version}/gitleaks_${version}_${platformKey}.tar.gz`;
}

export interface GitleaksInstall {
  env: Env;
  log(message: string): void;
  platform?: string;
  arch?: string;
  timeoutMs?: number;
  /** override the pins (tests serve their own archive) */
  version?: string;
  sha256?: Readonly<Record<string, string>>;
}

/** tool-cache's name for the pinned gitleaks: `<RUNNER_TOOL_CACHE>/shipgate-gitleaks/<version>/<os>_<arch>/`. */
const TOOL = 'shipgate-gitleaks';

/** Downloads, verifies and caches gitleaks; never throws: a failure is the reason. */
export async function provideGitleaks(options: GitleaksInstall): Promise<ProvidedBinary> {
  const version = options.version ?? GITLEAKS_VERSION;
  const sums = options.sha256 ?? GITLEAKS_SHA256;
  const key = gitleaksPlatform(options.platform ?? process.platform, options.arch ?? process.arch);
  if (!key)
    return {
      ok: false,
      reason: `no pinned gitleaks for ${options.platform ?? process.platform}/${options.arch ?? process.arch}`,
    };
  const expected = sums[key] ?? '';
  const base = options.env[GITLEAKS_BASE_URL_ENV] || GITLEAKS_DEFAULT_BASE_URL;
  const url = gitleaksUrl(base, key, version);
  const asset = path.basename(url);
  let scratch: string | undefined;
  try {
    useToolCacheRoot(options.env);
    const found = toolCache.find(TOOL, version, key);
    if (found) {
      options.log(`shipgate: gitleaks ${version} from the tool cache ${found}`);
      return { ok: true, binary: path.join(found, 'gitleaks'), hit: true };
    }
    options.log(`shipgate: downloading gitleaks ${version} from ${url}`);
    scratch = await scratchDir(options.env, 'shipgate-gitleaks-');
    const archive = await download(
      url,
      path.join(scratch, asset),
      options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS,
    );
    // tool-cache verifies nothing: the archive is hashed before anything is extracted, and a
    // mismatch (a tampered or wrong download) is refused
    const actual = await sha256File(archive);
    if (actual !== expected)
      throw new Error(`checksum mismatch for ${asset} (sha256 ${actual}, pinned ${expected}): refused`);
    const extracted = await toolCache.extractTar(archive, path.join(scratch, 'extracted'));
    const binary = path.join(extracted, 'gitleaks');
    if (!(await stat(binary).catch(() => undefined))?.isFile())
      throw new Error(`${asset} holds no gitleaks binary`);
    const dir = await toolCache.cacheFile(binary, 'gitleaks', TOOL, version, key);
    return { ok: true, binary: path.join(dir, 'gitleaks'), hit: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `gitleaks ${version} unavailable: ${message}` };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** tool-cache's download (redirects followed, 5xx and connection errors retried), bounded and size-capped. */
async function download(url: string, dest: string, timeoutMs: number): Promise<string> {
  try {
    await withDeadline(toolCache.downloadTool(url, dest), timeoutMs);
  } catch (error) {
    const cause =
      error instanceof toolCache.HTTPError
        ? `HTTP ${error.httpStatusCode ?? '?'}`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new Error(`download failed (${cause.slice(0, 200)})`);
  }
  const { size } = await stat(dest);
  if (size > MAX_ARCHIVE_BYTES) throw new Error(`download too large (${size} bytes)`);
  return dest;
}

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
