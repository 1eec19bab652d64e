import { buildOutputCheck } from './build-output.js';
import { bundleSizeCheck } from './bundle-size.js';
import { changelogCheck } from './changelog.js';
import type { Check } from './check.js';
import { ciStatusCheck } from './ci-status.js';
import { coverageCheck } from './coverage.js';
import { cutoverWindowCheck } from './cutover-window.js';
import { envFilesCheck } from './env-files.js';
import { envSecretsCheck } from './env-secrets.js';
import { gitHistoryCheck } from './git-history.js';
import { healthCheck } from './health.js';
import { httpSecurityCheck } from './http-security.js';
import { lighthouseCheck } from './lighthouse.js';
import { loadTestCheck } from './load-test.js';
import { migrationsCheck } from './migrations.js';
import { prometheusCheck } from './prometheus.js';
import { rateLimitCheck } from './rate-limit.js';
import { secretsCheck } from './secrets.js';
import { tlsCheck } from './tls.js';
import { versionCheck } from './version.js';
import { websocketCheck } from './websocket.js';

/** Every automated check shipgate knows, by template name. Adding a check = one file + one line here. */
export const checks: readonly Check<unknown>[] = [
  secretsCheck,
  gitHistoryCheck,
  envFilesCheck,
  envSecretsCheck,
  bundleSizeCheck,
  lighthouseCheck,
  loadTestCheck,
  websocketCheck,
  coverageCheck,
  ciStatusCheck,
  buildOutputCheck,
  changelogCheck,
  versionCheck,
  migrationsCheck,
  httpSecurityCheck,
  rateLimitCheck,
  tlsCheck,
  healthCheck,
  prometheusCheck,
  cutoverWindowCheck,
];

/** Looks a check up by its template name. */
export function findCheck(id: string): Check<unknown> | undefined {
  return checks.find((check) => check.id === id);
}
