/**
 * The environment the PR's own code gets (config `build.command`, `target.start`): an allow-list,
 * never the job's. The Action's environment holds what vouches for evidence and writes to GitHub
 * (`ACTIONS_ID_TOKEN_REQUEST_*` mints OIDC tokens with any audience, `ACTIONS_RUNTIME_TOKEN`,
 * `GITHUB_TOKEN`, `INPUT_*` with the ledger secret in bot mode); a build script that sees them owns
 * the evidence. Scrubbing is necessary, not sufficient: a child can still read its ancestors'
 * `/proc/<pid>/environ`, which is why the two-job workflow runs the PR's code in a job that holds
 * no credentials at all (docs/security.md).
 */

import { JOB_CREDENTIAL_VARIABLE } from '../core/config/config.js';

/** Passed through when set: what builds and servers need to find tools, write caches and format text. */
const ALWAYS = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TMPDIR',
  'TEMP',
  'TMP',
  'TZ',
  'LANG',
  'LANGUAGE',
  'TERM',
  'CI',
  'NODE_ENV',
  // Windows runners: tools are not found without these
  'SystemRoot',
  'ComSpec',
  'PATHEXT',
  'APPDATA',
  'LOCALAPPDATA',
  'USERPROFILE',
];
const LOCALE = /^LC_[A-Z_]+$/;

/** Never passed, even when the config declares them: they are the job's credentials. */
const NEVER = JOB_CREDENTIAL_VARIABLE;

/** The allow-listed environment for a child that runs the PR's code. */
export function childEnvironment(
  env: Record<string, string | undefined>,
  declared: readonly string[] = [],
): Record<string, string> {
  const allowed = new Set([...ALWAYS, ...declared]);
  const child: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || NEVER.test(name)) continue;
    if (allowed.has(name) || LOCALE.test(name)) child[name] = value;
  }
  return child;
}
