/** The release version a check should verify, from the run context and package.json. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type ReleaseVersionSource,
  readReleaseVersion,
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
  source?: 'release version' | ReleaseVersionSource<VersionFile>;
  /** The manifest's version (package.json, pyproject.toml, pom.xml, …) and which file said it. */
  packageVersion?: string;
  packageFile?: VersionFile;
  branchVersion?: string;
  titleVersion?: string;
}

/** ctx.releaseVersion when set, else the one rule (readReleaseVersion) over branch, PR title, manifest. */
export async function releaseInfo(ctx: CheckContext): Promise<ReleaseInfo> {
  const manifest = await readProjectVersion(ctx.repoDir);
  const base = {
    packageVersion: manifest?.version,
    packageFile: manifest?.file,
    branchVersion: versionFromBranch(ctx.branch),
    titleVersion: versionFromTitle(ctx.prTitle),
  };
  if (ctx.releaseVersion)
    return { ...base, version: ctx.releaseVersion.replace(/^v/, ''), source: 'release version' };
  const found = readReleaseVersion({
    branch: ctx.branch,
    title: ctx.prTitle,
    ...(manifest ? { file: { name: manifest.file, version: manifest.version } } : {}),
  });
  return { ...base, version: found?.version, source: found?.source };
}
