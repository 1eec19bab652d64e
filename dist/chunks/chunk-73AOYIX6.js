import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// checks/lib/lighthouse/chrome.ts
import { accessSync, constants, statSync } from "node:fs";
var CHROME_CANDIDATES = [
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome"
];
var NO_CHROME_REASON = "no Chromium found: set CHROME_PATH or install chromium";
function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function badChromePath(env) {
  const fromEnv = env.CHROME_PATH;
  if (!fromEnv || isExecutableFile(fromEnv)) return void 0;
  return `CHROME_PATH=${fromEnv} is not an executable file (unset it to use the system Chromium)`;
}
function findChrome(env, candidates = CHROME_CANDIDATES) {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) return isExecutableFile(fromEnv) ? fromEnv : void 0;
  return candidates.find(isExecutableFile);
}

export {
  CHROME_CANDIDATES,
  NO_CHROME_REASON,
  badChromePath,
  findChrome
};
