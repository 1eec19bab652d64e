import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/release/release-version.ts
var NUM = "(0|[1-9]\\d*)";
var PRE_ID = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
var BUILD_ID = "[0-9a-zA-Z-]+";
var SEMVER_RE = new RegExp(
  `^${NUM}\\.${NUM}\\.${NUM}(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+(${BUILD_ID}(?:\\.${BUILD_ID})*))?$`
);
function parseSemver(text) {
  const m = SEMVER_RE.exec(text);
  if (!m) return void 0;
  const [, major, minor, patch, pre, build] = m;
  const nums = [major, minor, patch].map(Number);
  if (nums.some((n) => !Number.isSafeInteger(n))) return void 0;
  return {
    major: nums[0] ?? 0,
    minor: nums[1] ?? 0,
    patch: nums[2] ?? 0,
    prerelease: pre ? pre.split(".") : [],
    build: build ? build.split(".") : []
  };
}
function compareIdentifiers(a, b) {
  const aNum = /^\d+$/.test(a);
  const bNum = /^\d+$/.test(b);
  if (aNum && bNum) return Math.sign(Number(a) - Number(b));
  if (aNum) return -1;
  if (bNum) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareSemver(a, b) {
  for (const key of ["major", "minor", "patch"]) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return a.prerelease.length === b.prerelease.length ? 0 : a.prerelease.length === 0 ? 1 : -1;
  }
  const length = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < length; i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === void 0) return -1;
    if (y === void 0) return 1;
    const order = compareIdentifiers(x, y);
    if (order !== 0) return order < 0 ? -1 : 1;
  }
  return 0;
}
var VERSION_PATTERN = "(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)";
var BRANCH_RE = new RegExp(`^(?:(?:release|releases|hotfix|rel)[/_-])?v?${VERSION_PATTERN}$`, "i");
var TITLE_RE = new RegExp(`\\b(?:release|version)\\b[^0-9\\n]{0,20}?(?<![\\w.])v?${VERSION_PATTERN}`, "i");
var LEADING_VERSION_RE = new RegExp(`^v?${VERSION_PATTERN}(?![\\w])`, "i");
function trimToken(token) {
  return token?.replace(/[.-]+$/, "");
}
function versionFromBranch(branch) {
  if (!branch) return void 0;
  const name = branch.replace(/^refs\/heads\//, "");
  return trimToken(BRANCH_RE.exec(name)?.[1]);
}
function versionFromTitle(title) {
  if (!title) return void 0;
  return trimToken(TITLE_RE.exec(title)?.[1] ?? LEADING_VERSION_RE.exec(title.trim())?.[1]);
}
function readReleaseVersion(input) {
  const fromBranch = versionFromBranch(input.branch);
  if (fromBranch) return { version: fromBranch, source: "branch" };
  const fromTitle = versionFromTitle(input.title);
  if (fromTitle) return { version: fromTitle, source: "PR title" };
  if (input.releaseBotVersion) return { version: input.releaseBotVersion, source: "release PR body" };
  if (input.file?.version) return { version: input.file.version, source: input.file.name };
  return void 0;
}

// checks/lib/git/project-version.ts
var VERSION_FILES = [
  "package.json",
  "pyproject.toml",
  "setup.cfg",
  "Cargo.toml",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "VERSION"
];
function section(text, name) {
  const escaped = name.replace(/[.[\]]/g, "\\$&");
  return new RegExp(`^\\[${escaped}\\]\\s*$([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, "m").exec(text)?.[1];
}
function versionFromManifest(file, text) {
  const quoted = (body) => body ? /^\s*version\s*=\s*["']([^"']+)["']/m.exec(body)?.[1] : void 0;
  switch (file) {
    case "package.json": {
      const parsed = JSON.parse(text);
      const version = parsed && typeof parsed === "object" ? parsed.version : void 0;
      return typeof version === "string" ? version : void 0;
    }
    case "pyproject.toml":
      return quoted(section(text, "project")) ?? quoted(section(text, "tool.poetry"));
    case "setup.cfg": {
      const value = /^\s*version\s*=\s*([^\s#]+)/m.exec(section(text, "metadata") ?? "")?.[1];
      return value && !value.startsWith("attr:") && !value.startsWith("file:") ? value : void 0;
    }
    case "Cargo.toml":
      return quoted(section(text, "package"));
    case "pom.xml": {
      const own = text.replace(
        /<(parent|dependencies|dependencyManagement|build|profiles|plugins)>[\s\S]*?<\/\1>/g,
        ""
      );
      const version = /<version>\s*([^<\s]+)\s*<\/version>/.exec(own)?.[1];
      return version && !version.includes("${") ? version : void 0;
    }
    case "build.gradle":
    case "build.gradle.kts":
      return /^\s*version\s*=\s*["']([^"']+)["']/m.exec(text)?.[1];
    case "VERSION":
      return /^\s*v?(\d+\.\d+\.\d+[\w.+-]*)\s*$/.exec(text.split("\n")[0] ?? "")?.[1];
  }
}
function projectVersion(read) {
  for (const file of VERSION_FILES) {
    const text = read(file);
    if (text === void 0) continue;
    const version = versionFromManifest(file, text);
    if (version) return { version, file };
  }
  return void 0;
}

export {
  parseSemver,
  compareSemver,
  versionFromBranch,
  versionFromTitle,
  readReleaseVersion,
  VERSION_FILES,
  versionFromManifest,
  projectVersion
};
