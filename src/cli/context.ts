import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../core/config/config.js';
import { resolveReleaseVersion } from '../core/release/release-version.js';
import type { Checklist } from '../core/template/model.js';
import { buildVariables } from '../core/template/variables.js';
import { loadChecklist } from '../load/load-checklist.js';
import { loadConfig } from '../load/load-config.js';
import { currentBranch } from '../runner/git-info.js';
import type { CliIO } from './io.js';

export interface RepoContext {
  repoDir: string;
  config: Config;
  checklist: Checklist;
  packageJson: { name?: string; version?: string };
  branch?: string;
  releaseVersion?: string;
}

/** Loads config, template and package facts for a repository directory. */
export function loadRepoContext(
  io: CliIO,
  dir: string | undefined,
  flags: { template?: string; config?: string },
): RepoContext {
  const repoDir = resolve(io.cwd, dir ?? '.');
  const { config } = loadConfig(repoDir, flags.config ? resolve(io.cwd, flags.config) : undefined, io.cwd);
  const templateFile = flags.template ?? (config.template ? join(repoDir, config.template) : undefined);
  const checklist = loadChecklist(templateFile ? resolve(io.cwd, templateFile) : undefined, io.cwd);
  const packageJson = readPackageJson(repoDir);
  const branch = io.env.GITHUB_HEAD_REF || currentBranch(repoDir);
  const releaseVersion = resolveReleaseVersion({ branch, packageVersion: packageJson.version });
  return { repoDir, config, checklist, packageJson, branch, releaseVersion };
}

export function variablesFor(context: RepoContext, io: CliIO, overrides: Record<string, string>) {
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
