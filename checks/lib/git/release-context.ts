/** The release version a check should verify, from the run context and package.json. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  resolveReleaseVersion,
  versionFromBranch,
  versionFromTitle,
} from '../../../src/core/release/release-version.js';
import type { CheckContext } from '../../check.js';
import { projectVersion, VERSION_FILES, type VersionFile } from './project-version.js';

/** The version the project's manifest declares (package.json, pyproject.toml, pom.xml, …) and its file. */
export async function readProjectVersion(
  dir: string,
): Promise<{ version: string; file: VersionFile } | undefined> {
  const texts = new Map<VersionFile, string>();
  for (const file of VERSION_FILES) {
    const text = await readFile(path.join(dir, file), 'utf8').catch(() => undefined);
    if (text !== undefined) texts.set(file, text);
  }
  return projectVersion((file) => texts.get(file));
}

export interface ReleaseInfo {
  version?: string;
  /** Where `version` came from, for messages. */
  source?: 'release version' | 'branch' | 'PR title' | VersionFile;
  /** The manifest's version (package.json, pyproject.toml, pom.xml, …) and which file said it. */
  packageVersion?: string;
  packageFile?: VersionFile;
  branchVersion?: string;
  titleVersion?: string;
}

/** ctx.releaseVersion when set, else the branch's / PR title's version, else package.json's. */
export async function releaseInfo(ctx: CheckContext): Promise<ReleaseInfo> {
  const manifest = await readProjectVersion(ctx.repoDir);
  const packageVersion = manifest?.version;
  const branchVersion = versionFromBranch(ctx.branch);
  const titleVersion = versionFromTitle(ctx.prTitle);
  const base = { packageVersion, packageFile: manifest?.file, branchVersion, titleVersion };
  if (ctx.releaseVersion)
    return { ...base, version: ctx.releaseVersion.replace(/^v/, ''), source: 'release version' };
  const version = resolveReleaseVersion({ branch: ctx.branch, title: ctx.prTitle, packageVersion });
  const source = branchVersion ? 'branch' : titleVersion ? 'PR title' : version ? manifest?.file : undefined;
  return { ...base, version, source };
}
