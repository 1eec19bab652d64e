import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Config } from '../core/config/config.js';
import { InvalidInputError } from '../core/errors.js';
import { readReleaseVersion } from '../core/release/release-version.js';
import type { Checklist } from '../core/template/model.js';
import { buildVariables } from '../core/template/variables.js';
import { currentBranch } from '../runner/git-info.js';
import { CONFIG_PATH } from './load-config.js';
import { assertUsable, readGateDefinition } from './setup.js';

/** What reading a repository on disk needs of its host (the CLI's io, the Action's environment). */
export interface RepoIO {
  cwd: string;
  env: Record<string, string | undefined>;
  now(): Date;
}

export interface RepoContext {
  repoDir: string;
  config: Config;
  checklist: Checklist;
  packageJson: { name?: string; version?: string };
  branch?: string;
  releaseVersion?: string;
}

/**
 * Loads config, template and package facts for a repository directory: the definition is read as
 * the bot reads it from GitHub (src/load/setup.ts), and any problem throws with its file and line.
 */
export async function loadRepoContext(
  io: Pick<RepoIO, 'cwd' | 'env'>,
  dir: string | undefined,
  flags: { template?: string; config?: string },
): Promise<RepoContext> {
  const repoDir = resolve(io.cwd, dir ?? '.');
  const shown = (path: string) => relative(io.cwd, path) || path;
  const configFile = flags.config ? resolve(io.cwd, flags.config) : join(repoDir, CONFIG_PATH);
  const configText = readText(configFile);
  // an explicit --config must exist; the repository's own config is optional
  if (flags.config && configText === undefined) {
    throw new InvalidInputError([{ file: shown(configFile), line: 1, message: 'cannot read config' }]);
  }
  const { config, checklist } = assertUsable(
    await readGateDefinition({
      config: { file: shown(configFile), text: configText },
      // the config names the template relative to the repository; --template is relative to cwd
      readTemplate: async (path) => {
        const file = flags.template ? resolve(io.cwd, path) : join(repoDir, path);
        return { file: shown(file), text: readText(file) };
      },
      missingTemplate: 'not found',
      templateOverride: flags.template,
    }),
  );
  return { repoDir, config, checklist, ...readRepoFacts(io, repoDir) };
}

/** What the checkout says about the release: package name and version, branch, release version. */
export function readRepoFacts(
  io: Pick<RepoIO, 'env'>,
  repoDir: string,
): Pick<RepoContext, 'packageJson' | 'branch' | 'releaseVersion'> {
  const packageJson = readPackageJson(repoDir);
  const branch = io.env.GITHUB_HEAD_REF || currentBranch(repoDir);
  // a checkout has no PR title: the branch, else package.json (src/core/release/release-version.ts)
  const release = readReleaseVersion({
    branch,
    file: { name: 'package.json', version: packageJson.version },
  });
  return { packageJson, branch, releaseVersion: release?.version };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function variablesFor(
  context: RepoContext,
  io: Pick<RepoIO, 'env' | 'now'>,
  overrides: Record<string, string>,
) {
  return buildVariables({
    config: context.config,
    version: context.releaseVersion,
    date: io.now().toISOString(),
    deployedBy: io.env.GITHUB_ACTOR,
    app: context.packageJson.name ? prettyName(context.packageJson.name) : undefined,
    overrides,
  });
}

function readPackageJson(dir: string): { name?: string; version?: string } {
  const path = join(dir, 'package.json');
  if (!existsSync(path)) return {};
  try {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!json || typeof json !== 'object') return {};
    const { name, version } = json as Record<string, unknown>;
    return {
      name: typeof name === 'string' ? name : undefined,
      version: typeof version === 'string' ? version : undefined,
    };
  } catch {
    return {};
  }
}

/** `restaurant-os` → `Restaurant OS`-ish title for the header: words capitalised. */
function prettyName(name: string): string {
  return name
    .replace(/^@[^/]+\//, '')
    .split(/[-_]/)
    .map((word) => (word.length <= 2 ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
