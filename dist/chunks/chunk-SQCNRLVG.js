import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  VERSION_FILES,
  projectVersion,
  resolveReleaseVersion,
  versionFromBranch,
  versionFromTitle
} from "./chunk-72NIE2DJ.js";

// checks/lib/git/release-context.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
async function readProjectVersion(dir) {
  const texts = /* @__PURE__ */ new Map();
  for (const file of VERSION_FILES) {
    const text = await readFile(path.join(dir, file), "utf8").catch(() => void 0);
    if (text !== void 0) texts.set(file, text);
  }
  return projectVersion((file) => texts.get(file));
}
async function releaseInfo(ctx) {
  const manifest = await readProjectVersion(ctx.repoDir);
  const packageVersion = manifest?.version;
  const branchVersion = versionFromBranch(ctx.branch);
  const titleVersion = versionFromTitle(ctx.prTitle);
  const base = { packageVersion, packageFile: manifest?.file, branchVersion, titleVersion };
  if (ctx.releaseVersion)
    return { ...base, version: ctx.releaseVersion.replace(/^v/, ""), source: "release version" };
  const version = resolveReleaseVersion({ branch: ctx.branch, title: ctx.prTitle, packageVersion });
  const source = branchVersion ? "branch" : titleVersion ? "PR title" : version ? manifest?.file : void 0;
  return { ...base, version, source };
}

export {
  releaseInfo
};
