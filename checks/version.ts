import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareSemver, parseSemver } from '../src/core/release/release-version.js';
import type { Finding } from '../src/core/template/model.js';
import { type CheckOutcome, defineCheck } from './check.js';
import { versionContract } from './contracts/version.js';
import { isGitRepo, repoPrefix, resolveCommit, tryGit } from './lib/git/git.js';
import { projectVersion, VERSION_FILES } from './lib/git/project-version.js';
import { type ReleaseInfo, releaseInfo } from './lib/git/release-context.js';

/** Line of the version in the manifest (`"version"`, `version =`, `<version>`), for the annotation. */
async function versionLine(dir: string, file: string): Promise<number | undefined> {
  const text = await readFile(path.join(dir, file), 'utf8').catch(() => '');
  const index = text
    .split('\n')
    .findIndex((line) => /^\s*(?:"version"\s*:|version\s*=|<version>)/.test(line));
  return index === -1 ? undefined : index + 1;
}

/** Disagreements between the places that name the version. */
function mismatches(release: ReleaseInfo): string[] {
  const problems: string[] = [];
  const { branchVersion, titleVersion, packageVersion, version } = release;
  if (branchVersion && titleVersion && branchVersion !== titleVersion) {
    problems.push(`branch says ${branchVersion} but PR title says ${titleVersion}`);
  }
  const file = release.packageFile ?? 'package.json';
  if (packageVersion && version && release.source !== file && packageVersion !== version) {
    problems.push(`${file} says ${packageVersion} but the ${release.source} says ${version}`);
  }
  return problems;
}

async function fail(dir: string, summary: string, file = 'package.json'): Promise<CheckOutcome> {
  const finding: Finding = { file, message: summary };
  const line = await versionLine(dir, file);
  if (line !== undefined) finding.line = line;
  return { status: 'fail', summary, findings: [finding] };
}

export const versionCheck = defineCheck({
  ...versionContract,
  async run(_params, ctx): Promise<CheckOutcome> {
    const dir = ctx.repoDir;
    const release = await releaseInfo(ctx);
    const version = release.version;
    if (!version) {
      return {
        status: 'skipped',
        summary: `no release version: no ${VERSION_FILES.join(', ')} declares one and the branch/PR title name none`,
      };
    }
    const parsed = parseSemver(version);
    const manifest = release.packageFile ?? 'package.json';
    if (!parsed) return fail(dir, `${version} (from the ${release.source}) is not valid SemVer`, manifest);
    const problems = mismatches(release);
    if (problems.length > 0) return fail(dir, problems.join('; '), manifest);

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
    const texts = new Map<string, string>();
    for (const file of VERSION_FILES) {
      const shown = await tryGit(['show', `${base}:${prefix}${file}`], dir, ctx.signal);
      if (shown.code === 0) texts.set(file, shown.stdout);
    }
    let baseVersion: string | undefined;
    try {
      baseVersion = projectVersion((file) => texts.get(file))?.version;
    } catch {
      baseVersion = undefined; // a malformed package.json on the base: fall back to its tags
    }
    if (!baseVersion) {
      // No manifest version on the base (Go services, tag-released apps): the newest tag reachable from it.
      const tag = await tryGit(['describe', '--tags', '--abbrev=0', base], dir, ctx.signal);
      const tagged = tag.code === 0 ? tag.stdout.trim().replace(/^v/, '') : '';
      if (parseSemver(tagged)) baseVersion = tagged;
    }
    if (!baseVersion) {
      return {
        status: 'pass',
        summary: `${version}: new package (no manifest version and no tag on ${ctx.baseRef})`,
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
    const file = release.packageFile ?? 'package.json';
    if (order === 0)
      return fail(dir, `version not bumped: ${version} = ${baseVersion} on ${ctx.baseRef}`, file);
    return fail(dir, `version goes backwards: ${version} < ${baseVersion} on ${ctx.baseRef}`, file);
  },
});
