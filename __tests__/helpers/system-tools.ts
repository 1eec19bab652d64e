/**
 * The one way a test needs a system tool (Chromium, redis-server, Prometheus, OpenSSL, git).
 *
 * `npm run test:setup` (scripts/test-setup.sh) installs them all. Where one is missing, a test
 * that needs it is skipped with the same message everywhere, naming that command; under `CI=true`
 * the test file fails with that message instead, so a CI job cannot go green by skipping.
 */
import { spawnSync } from 'node:child_process';
import { describe, test } from '@jest/globals';
import { findChrome } from '../../checks/lib/lighthouse/chrome.js';

export type SystemTool = 'chromium' | 'redis-server' | 'prometheus' | 'openssl' | 'git';

/** The executable the tests run, or undefined when it is not installed. */
function locate(tool: SystemTool): string | undefined {
  // the product's own lookup: CHROME_PATH, else the usual install paths
  if (tool === 'chromium') return findChrome(process.env);
  const probe = spawnSync(tool, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 ? tool : undefined;
}

/** The message a missing tool gives, the same for every tool and every test. */
export function missingToolMessage(tool: SystemTool): string {
  return `${tool} is not installed: run \`npm run test:setup\` (scripts/test-setup.sh) to install what the tests need`;
}

type Body = () => undefined | Promise<unknown>;

export interface RequiredTool {
  /** the executable (a path for Chromium, the command name otherwise); undefined when missing */
  path: string | undefined;
  /** `describe`, or skipped with the message when the tool is missing */
  describe(title: string, body: () => void): void;
  /** `test`, or skipped with the message when the tool is missing */
  test(title: string, body: Body, timeoutMs?: number): void;
}

const warned = new Set<SystemTool>();

/** The file (relative to the repository) that calls requireTool, for the skip line. */
function caller(): string {
  const line = new Error().stack?.split('\n').find((frame) => /__tests__.*\.test\.ts/.test(frame)) ?? '';
  return /(__tests__[^:)]*\.test\.ts)/.exec(line)?.[1] ?? 'a test file';
}

/**
 * Call at the top of a test file. Missing tool: the tests it guards are skipped (their titles say
 * why) and one warning names `npm run test:setup`; with `CI=true` the call throws, failing the file.
 */
export function requireTool(tool: SystemTool): RequiredTool {
  const found = locate(tool);
  if (found) return { path: found, describe, test };
  const message = missingToolMessage(tool);
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true: a missing tool fails the run)`);
  if (!warned.has(tool)) {
    warned.add(tool);
    // straight to stderr: Jest drops the console output of a file whose tests are all skipped
    process.stderr.write(`${caller()}: skipped: ${message}\n`);
  }
  return {
    path: undefined,
    describe: (title, body) => describe.skip(`${title} (skipped: ${message})`, body),
    test: (title, body, timeoutMs) => test.skip(`${title} (skipped: ${message})`, body, timeoutMs),
  };
}
