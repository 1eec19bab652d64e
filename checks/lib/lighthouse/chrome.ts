import { accessSync, constants, statSync } from 'node:fs';

/** Where Chromium usually lives on Debian/Ubuntu runners; the real binary first (the wrapper sources /etc/chromium.d). */
export const CHROME_CANDIDATES: readonly string[] = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export const NO_CHROME_REASON = 'no Chromium found: set CHROME_PATH or install chromium';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why `CHROME_PATH` cannot be used, when it is set and is not an executable file. */
export function badChromePath(env: Record<string, string | undefined>): string | undefined {
  const fromEnv = env.CHROME_PATH;
  if (!fromEnv || isExecutableFile(fromEnv)) return undefined;
  return `CHROME_PATH=${fromEnv} is not an executable file (unset it to use the system Chromium)`;
}

/**
 * Finds a Chromium binary: `CHROME_PATH` when set (callers report `badChromePath` first: a set but
 * unusable CHROME_PATH is an error, never silently replaced), else the first existing candidate.
 * The candidate list is a parameter so tests can simulate a machine without Chromium.
 */
export function findChrome(
  env: Record<string, string | undefined>,
  candidates: readonly string[] = CHROME_CANDIDATES,
): string | undefined {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) return isExecutableFile(fromEnv) ? fromEnv : undefined;
  return candidates.find(isExecutableFile);
}
