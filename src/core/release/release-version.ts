/**
 * Release versions: where a release's version comes from (branch, PR title, a release bot's body,
 * the version file: readReleaseVersion) and a small strict SemVer 2.0.0 parser/comparator (no npm
 * `semver`: we need parse + compare only).
 */

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers (`1.0.0-rc.1` → ['rc', '1']); empty for a release. */
  prerelease: string[];
  /** Build metadata, ignored by precedence. */
  build: string[];
}

// The regular expression published on semver.org, split for readability.
const NUM = '(0|[1-9]\\d*)';
const PRE_ID = '(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const BUILD_ID = '[0-9a-zA-Z-]+';
const SEMVER_RE = new RegExp(
  `^${NUM}\\.${NUM}\\.${NUM}(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+(${BUILD_ID}(?:\\.${BUILD_ID})*))?$`,
);

/** Parses a strict SemVer string (no leading `v`, no whitespace); undefined when invalid. */
export function parseSemver(text: string): SemVer | undefined {
  const m = SEMVER_RE.exec(text);
  if (!m) return undefined;
  const [, major, minor, patch, pre, build] = m;
  const nums = [major, minor, patch].map(Number);
  if (nums.some((n) => !Number.isSafeInteger(n))) return undefined;
  return {
    major: nums[0] ?? 0,
    minor: nums[1] ?? 0,
    patch: nums[2] ?? 0,
    prerelease: pre ? pre.split('.') : [],
    build: build ? build.split('.') : [],
  };
}

export function isValidSemver(text: string): boolean {
  return parseSemver(text) !== undefined;
}

function compareIdentifiers(a: string, b: string): number {
  const aNum = /^\d+$/.test(a);
  const bNum = /^\d+$/.test(b);
  if (aNum && bNum) return Math.sign(Number(a) - Number(b));
  if (aNum) return -1; // numeric identifiers have lower precedence than alphanumeric ones
  if (bNum) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SemVer precedence: -1 when a < b, 0 when equal (build metadata ignored), 1 when a > b. */
export function compareSemver(a: SemVer, b: SemVer): -1 | 0 | 1 {
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    // a release ranks above any of its pre-releases
    return a.prerelease.length === b.prerelease.length ? 0 : a.prerelease.length === 0 ? 1 : -1;
  }
  const length = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < length; i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifiers(x, y);
    if (order !== 0) return order < 0 ? -1 : 1;
  }
  return 0;
}

/** Compares two version strings; undefined when either is not valid SemVer. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 | undefined {
  const x = parseSemver(a);
  const y = parseSemver(b);
  return x && y ? compareSemver(x, y) : undefined;
}

// A version-looking token (validated later with parseSemver, so `01.2.3` is reported, not dropped).
const VERSION_PATTERN = '(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?)';
// Only release-shaped branches carry a version (`feature/react-18.2.0` must not).
const BRANCH_RE = new RegExp(`^(?:(?:release|releases|hotfix|rel)[/_-])?v?${VERSION_PATTERN}$`, 'i');
// Titles need the word "release" or "version" shortly before the number, so a dependabot title
// ("Bump lodash from 4.17.20 to 4.17.21") is not taken for a release.
const TITLE_RE = new RegExp(`\\b(?:release|version)\\b[^0-9\\n]{0,20}?(?<![\\w.])v?${VERSION_PATTERN}`, 'i');
const LEADING_VERSION_RE = new RegExp(`^v?${VERSION_PATTERN}(?![\\w])`, 'i');

function trimToken(token: string | undefined): string | undefined {
  return token?.replace(/[.-]+$/, '');
}

/** The version named by a release branch (`release/6.0.3`, `hotfix-v6.0.4`, `v6.0.3`), if any. */
export function versionFromBranch(branch: string | undefined): string | undefined {
  if (!branch) return undefined;
  const name = branch.replace(/^refs\/heads\//, '');
  return trimToken(BRANCH_RE.exec(name)?.[1]);
}

/** The version named by a release PR title (`Release v6.0.3`, `chore(main): release 6.0.3`), if any. */
export function versionFromTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  return trimToken(TITLE_RE.exec(title)?.[1] ?? LEADING_VERSION_RE.exec(title.trim())?.[1]);
}

/** Where a release version was read; a file source is the version file's name (`package.json`, …). */
export type ReleaseVersionSource<File extends string = string> =
  | 'branch'
  | 'PR title'
  | 'release PR body'
  | File;

/** What the places that may name the release version say; each host passes what it can read. */
export interface ReleaseVersionInput<File extends string = string> {
  /** The PR's head branch (`release/6.0.3`); only release-shaped names count. */
  branch?: string;
  /** The PR title (`Release v6.0.3`). */
  title?: string;
  /** The version a release bot's PR names in its body (release-bots.ts), when the PR is one. */
  releaseBotVersion?: string;
  /** The version the project's version file declares (package.json, or the stack's manifest), and which file. */
  file?: { name: File; version?: string };
}

export interface ReleaseVersion<File extends string = string> {
  version: string;
  source: ReleaseVersionSource<File>;
}

/**
 * The one rule for a release's version, shared by the bot, the Action, the CLI and the checks: the
 * branch's, else the PR title's, else the release bot's body's, else the version file's. Names come
 * before the file because a release PR is opened to ship the version it names; the file may still
 * say the previous one. Undefined when none names a version.
 */
export function readReleaseVersion<File extends string>(
  input: ReleaseVersionInput<File>,
): ReleaseVersion<File> | undefined {
  const fromBranch = versionFromBranch(input.branch);
  if (fromBranch) return { version: fromBranch, source: 'branch' };
  const fromTitle = versionFromTitle(input.title);
  if (fromTitle) return { version: fromTitle, source: 'PR title' };
  if (input.releaseBotVersion) return { version: input.releaseBotVersion, source: 'release PR body' };
  if (input.file?.version) return { version: input.file.version, source: input.file.name };
  return undefined;
}
