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

/**
 * Finds a Chromium binary: `CHROME_PATH` when it points to an executable, else the first existing candidate.
 * The candidate list is a parameter so tests can simulate a machine without Chromium.
 */
export function findChrome(
  env: Record<string, string | undefined>,
  candidates: readonly string[] = CHROME_CANDIDATES,
): string | undefined {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv && isExecutableFile(fromEnv)) return fromEnv;
  return candidates.find(isExecutableFile);
}
