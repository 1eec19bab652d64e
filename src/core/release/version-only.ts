/**
 * Did a file's change only bump the release version? The bot diffs `invalidateOnPush.versionFiles`
 * candidates (invalidation.ts `versionFileCandidates`) at the push's old and new head and passes
 * the version-only ones to `planPushInvalidation`, so a release bump resets no sign-off.
 * Anything unclear (added or deleted file, unparsable JSON, several different bumps) is "not
 * version-only": a reset is the safe answer.
 */

/** A text larger than this is not diffed (a huge lockfile): it counts as a real change. */
export const MAX_VERSION_FILE_CHARS = 2_000_000;

/** `1.2.3`, `v1.2.3`, `1.2.3-rc.1+build.5`. */
const VERSION = /\bv?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/g;

export interface VersionBump {
  from: string;
  to: string;
}

/**
 * The bump when the only difference between `before` and `after` is the version, else undefined.
 * `package.json`: both parse as JSON objects, their string `version` fields differ, and everything
 * else is equal (key order and formatting aside). Other files: same line count, and every changed
 * line differs only in version strings, all changed the same way (`6.0.2` → `6.0.3`).
 */
export function versionBump(
  path: string,
  before: string | undefined,
  after: string | undefined,
): VersionBump | undefined {
  if (before === undefined || after === undefined || before === after) return undefined;
  if (before.length > MAX_VERSION_FILE_CHARS || after.length > MAX_VERSION_FILE_CHARS) return undefined;
  return isPackageJson(path) ? packageJsonBump(before, after) : lineBump(before, after);
}

export function isVersionOnlyChange(
  path: string,
  before: string | undefined,
  after: string | undefined,
): boolean {
  return versionBump(path, before, after) !== undefined;
}

function isPackageJson(path: string): boolean {
  return path === 'package.json' || path.endsWith('/package.json');
}

function packageJsonBump(before: string, after: string): VersionBump | undefined {
  const old = parseObject(before);
  const next = parseObject(after);
  if (!old || !next) return undefined;
  const { version: from, ...oldRest } = old;
  const { version: to, ...nextRest } = next;
  if (typeof from !== 'string' || typeof to !== 'string' || from === to) return undefined;
  return canonical(oldRest) === canonical(nextRest) ? { from, to } : undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** JSON with object keys sorted, so key order does not count as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function lineBump(before: string, after: string): VersionBump | undefined {
  const oldLines = before.split('\n');
  const newLines = after.split('\n');
  if (oldLines.length !== newLines.length) return undefined;
  let bump: VersionBump | undefined;
  for (let i = 0; i < oldLines.length; i++) {
    const old = oldLines[i] ?? '';
    const next = newLines[i] ?? '';
    if (old === next) continue;
    const found = lineVersionChange(old, next);
    if (!found) return undefined;
    if (bump && (bump.from !== found.from || bump.to !== found.to)) return undefined;
    bump = found;
  }
  return bump;
}

/** The one version change in a line pair whose text is otherwise identical. */
function lineVersionChange(old: string, next: string): VersionBump | undefined {
  const oldVersions = old.match(VERSION) ?? [];
  const newVersions = next.match(VERSION) ?? [];
  if (oldVersions.length !== newVersions.length) return undefined;
  if (old.replace(VERSION, '\u0000') !== next.replace(VERSION, '\u0000')) return undefined;
  let bump: VersionBump | undefined;
  for (let i = 0; i < oldVersions.length; i++) {
    const from = oldVersions[i] ?? '';
    const to = newVersions[i] ?? '';
    if (from === to) continue;
    if (bump && (bump.from !== from || bump.to !== to)) return undefined;
    bump = { from, to };
  }
  return bump;
}
