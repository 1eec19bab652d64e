import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { compareSemver, parseSemver } from '../src/core/release/release-version.js';
import type { Finding } from '../src/core/template/model.js';
import { type CheckOutcome, defineCheck } from './check.js';
import { isGitRepo, repoPrefix, resolveCommit, tryGit } from './lib/git/git.js';
import { packageVersionFrom, type ReleaseInfo, releaseInfo } from './lib/git/release-context.js';

/** Line of `"version"` in package.json, for the annotation. */
async function versionLine(dir: string): Promise<number | undefined> {
  const text = await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => '');
  const index = text.split('\n').findIndex((line) => /^\s*"version"\s*:/.test(line));
  return index === -1 ? undefined : index + 1;
}

/** Disagreements between the places that name the version. */
function mismatches(release: ReleaseInfo): string[] {
  const problems: string[] = [];
  const { branchVersion, titleVersion, packageVersion, version } = release;
  if (branchVersion && titleVersion && branchVersion !== titleVersion) {
    problems.push(`branch says ${branchVersion} but PR title says ${titleVersion}`);
  }
  if (packageVersion && version && release.source !== 'package.json' && packageVersion !== version) {
    problems.push(`package.json says ${packageVersion} but the ${release.source} says ${version}`);
  }
  return problems;
}

async function fail(dir: string, summary: string): Promise<CheckOutcome> {
  const finding: Finding = { file: 'package.json', message: summary };
  const line = await versionLine(dir);
  if (line !== undefined) finding.line = line;
  return { status: 'fail', summary, findings: [finding] };
}

export const versionCheck = defineCheck({
  id: 'version',
  measures: 'repository',
  proves:
    'The release version is higher than the version on the base ref. Skipped when there is no release version or the base is the head itself.',
  title: 'Release version is valid SemVer, bumped from the base branch, and consistent',
  params: z.object({}).strict(),
  async run(_params, ctx): Promise<CheckOutcome> {
    const dir = ctx.repoDir;
    const release = await releaseInfo(ctx);
    const version = release.version;
    if (!version) {
      return {
        status: 'skipped',
        summary: 'no release version: package.json has no version and the branch/PR title name none',
      };
    }
    const parsed = parseSemver(version);
    if (!parsed) return fail(dir, `${version} (from the ${release.source}) is not valid SemVer`);
    const problems = mismatches(release);
    if (problems.length > 0) return fail(dir, problems.join('; '));

    if (!ctx.baseRef)
      return { status: 'skipped', summary: `no base ref: nothing to compare ${version} with` };
    if (!(await isGitRepo(dir, ctx.signal))) {
      return { status: 'skipped', summary: 'not a git repository: cannot read the base version' };
    }
    const base = await resolveCommit(ctx.baseRef, dir, ctx.signal);
    if (!base) {
      return {
        status: 'skipped',
        summary: `base ref ${ctx.baseRef} not found (shallow clone? check out with fetch-depth: 0)`,
      };
    }
    if (base === (await resolveCommit('HEAD', dir, ctx.signal))) {
      return { status: 'skipped', summary: 'base ref is HEAD: nothing to compare' };
    }
    const prefix = await repoPrefix(dir, ctx.signal);
    const shown = await tryGit(['show', `${base}:${prefix}package.json`], dir, ctx.signal);
    const baseVersion = shown.code === 0 ? packageVersionFrom(shown.stdout) : undefined;
    if (!baseVersion) {
      return {
        status: 'pass',
        summary: `${version}: new package (no package.json version on ${ctx.baseRef})`,
      };
    }
    const baseParsed = parseSemver(baseVersion);
    if (!baseParsed) {
      return {
        status: 'skipped',
        summary: `version on ${ctx.baseRef} (${baseVersion}) is not valid SemVer: cannot compare`,
      };
    }
    const order = compareSemver(parsed, baseParsed);
    if (order > 0) return { status: 'pass', summary: `${version} > ${baseVersion} on ${ctx.baseRef}` };
    if (order === 0) return fail(dir, `version not bumped: ${version} = ${baseVersion} on ${ctx.baseRef}`);
    return fail(dir, `version goes backwards: ${version} < ${baseVersion} on ${ctx.baseRef}`);
  },
});
