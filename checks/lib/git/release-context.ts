/** The release version a check should verify, from the run context and package.json. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  resolveReleaseVersion,
  versionFromBranch,
  versionFromTitle,
} from '../../../src/core/release/release-version.js';
import type { CheckContext } from '../../check.js';

const PackageJsonSchema = z.object({ version: z.string().optional() });

/** `version` from package.json text; undefined when absent. Throws on malformed JSON. */
export function packageVersionFrom(text: string): string | undefined {
  return PackageJsonSchema.parse(JSON.parse(text)).version;
}

/** package.json's version in `dir`, or undefined when there is no package.json or no version. */
export async function readPackageVersion(dir: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
  return packageVersionFrom(text);
}

export interface ReleaseInfo {
  version?: string;
  /** Where `version` came from, for messages. */
  source?: 'release version' | 'branch' | 'PR title' | 'package.json';
  packageVersion?: string;
  branchVersion?: string;
  titleVersion?: string;
}

/** ctx.releaseVersion when set, else the branch's / PR title's version, else package.json's. */
export async function releaseInfo(ctx: CheckContext): Promise<ReleaseInfo> {
  const packageVersion = await readPackageVersion(ctx.repoDir);
  const branchVersion = versionFromBranch(ctx.branch);
  const titleVersion = versionFromTitle(ctx.prTitle);
  const base = { packageVersion, branchVersion, titleVersion };
  if (ctx.releaseVersion)
    return { ...base, version: ctx.releaseVersion.replace(/^v/, ''), source: 'release version' };
  const version = resolveReleaseVersion({ branch: ctx.branch, title: ctx.prTitle, packageVersion });
  const source = branchVersion ? 'branch' : titleVersion ? 'PR title' : version ? 'package.json' : undefined;
  return { ...base, version, source };
}
