import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  releaseInfo
} from "./chunk-TH7IA3YW.js";
import {
  versionContract
} from "./chunk-LRJ5ROLD.js";
import {
  VERSION_FILES,
  projectVersion
} from "./chunk-ZM52ZZT5.js";
import {
  compareSemver,
  parseSemver
} from "./chunk-CQMSXS5G.js";
import {
  isGitRepo,
  repoPrefix,
  resolveCommit,
  tryGit
} from "./chunk-RKLOK6U7.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/version.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
async function versionLine(dir, file) {
  const text = await readFile(path.join(dir, file), "utf8").catch(() => "");
  const index = text.split("\n").findIndex((line) => /^\s*(?:"version"\s*:|version\s*=|<version>)/.test(line));
  return index === -1 ? void 0 : index + 1;
}
function mismatches(release) {
  const problems = [];
  const { branchVersion, titleVersion, packageVersion, version } = release;
  if (branchVersion && titleVersion && branchVersion !== titleVersion) {
    problems.push(`branch says ${branchVersion} but PR title says ${titleVersion}`);
  }
  const file = release.packageFile ?? "package.json";
  if (packageVersion && version && release.source !== file && packageVersion !== version) {
    problems.push(`${file} says ${packageVersion} but the ${release.source} says ${version}`);
  }
  return problems;
}
async function fail(dir, summary, file = "package.json") {
  const finding = { file, message: summary };
  const line = await versionLine(dir, file);
  if (line !== void 0) finding.line = line;
  return { status: "fail", summary, findings: [finding] };
}
var versionCheck = defineCheck({
  ...versionContract,
  async run(_params, ctx) {
    const dir = ctx.repoDir;
    const release = await releaseInfo(ctx);
    const version = release.version;
    if (!version) {
      return {
        status: "skipped",
        summary: `no release version: no ${VERSION_FILES.join(", ")} declares one and the branch/PR title name none`
      };
    }
    const parsed = parseSemver(version);
    const manifest = release.packageFile ?? "package.json";
    if (!parsed) return fail(dir, `${version} (from the ${release.source}) is not valid SemVer`, manifest);
    const problems = mismatches(release);
    if (problems.length > 0) return fail(dir, problems.join("; "), manifest);
    if (!ctx.baseRef)
      return { status: "skipped", summary: `no base ref: nothing to compare ${version} with` };
    if (!await isGitRepo(dir, ctx.signal)) {
      return { status: "skipped", summary: "not a git repository: cannot read the base version" };
    }
    const base = await resolveCommit(ctx.baseRef, dir, ctx.signal);
    if (!base) {
      return {
        status: "skipped",
        summary: `base ref ${ctx.baseRef} not found (shallow clone? check out with fetch-depth: 0)`
      };
    }
    if (base === await resolveCommit("HEAD", dir, ctx.signal)) {
      return { status: "skipped", summary: "base ref is HEAD: nothing to compare" };
    }
    const prefix = await repoPrefix(dir, ctx.signal);
    const texts = /* @__PURE__ */ new Map();
    for (const file2 of VERSION_FILES) {
      const shown = await tryGit(["show", `${base}:${prefix}${file2}`], dir, ctx.signal);
      if (shown.code === 0) texts.set(file2, shown.stdout);
    }
    let baseVersion;
    try {
      baseVersion = projectVersion((file2) => texts.get(file2))?.version;
    } catch {
      baseVersion = void 0;
    }
    if (!baseVersion) {
      const tag = await tryGit(["describe", "--tags", "--abbrev=0", base], dir, ctx.signal);
      const tagged = tag.code === 0 ? tag.stdout.trim().replace(/^v/, "") : "";
      if (parseSemver(tagged)) baseVersion = tagged;
    }
    if (!baseVersion) {
      return {
        status: "pass",
        summary: `${version}: new package (no manifest version and no tag on ${ctx.baseRef})`
      };
    }
    const baseParsed = parseSemver(baseVersion);
    if (!baseParsed) {
      return {
        status: "skipped",
        summary: `version on ${ctx.baseRef} (${baseVersion}) is not valid SemVer: cannot compare`
      };
    }
    const order = compareSemver(parsed, baseParsed);
    if (order > 0) return { status: "pass", summary: `${version} > ${baseVersion} on ${ctx.baseRef}` };
    const file = release.packageFile ?? "package.json";
    if (order === 0)
      return fail(dir, `version not bumped: ${version} = ${baseVersion} on ${ctx.baseRef}`, file);
    return fail(dir, `version goes backwards: ${version} < ${baseVersion} on ${ctx.baseRef}`, file);
  }
});
export {
  versionCheck
};
