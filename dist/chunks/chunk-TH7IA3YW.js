import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  VERSION_FILES,
  projectVersion
} from "./chunk-ZM52ZZT5.js";
import {
  readReleaseVersion,
  versionFromBranch,
  versionFromTitle
} from "./chunk-CQMSXS5G.js";

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
  const base = {
    packageVersion: manifest?.version,
    packageFile: manifest?.file,
    branchVersion: versionFromBranch(ctx.branch),
    titleVersion: versionFromTitle(ctx.prTitle)
  };
  if (ctx.releaseVersion)
    return { ...base, version: ctx.releaseVersion.replace(/^v/, ""), source: "release version" };
  const found = readReleaseVersion({
    branch: ctx.branch,
    title: ctx.prTitle,
    ...manifest ? { file: { name: manifest.file, version: manifest.version } } : {}
  });
  return { ...base, version: found?.version, source: found?.source };
}

export {
  releaseInfo
};
