import type { CheckContract } from '../contract.js';
import { buildOutputContract } from './build-output.js';
import { bundleSizeContract } from './bundle-size.js';
import { changelogContract } from './changelog.js';
import { ciStatusContract } from './ci-status.js';
import { coverageContract } from './coverage.js';
import { cutoverWindowContract } from './cutover-window.js';
import { envFilesContract } from './env-files.js';
import { envSecretsContract } from './env-secrets.js';
import { gitHistoryContract } from './git-history.js';
import { healthContract } from './health.js';
import { httpSecurityContract } from './http-security.js';
import { lighthouseContract } from './lighthouse.js';
import { loadTestContract } from './load-test.js';
import { migrationsContract } from './migrations.js';
import { prometheusContract } from './prometheus.js';
import { rateLimitContract } from './rate-limit.js';
import { secretsContract } from './secrets.js';
import { tlsContract } from './tls.js';
import { versionContract } from './version.js';
import { websocketContract } from './websocket.js';

/**
 * Every automated check shipgate knows, as data (id, title, what it proves, where it runs,
 * parameters): what the bot, `validate`, `init` and the docs read. No check's code or tools load
 * from here; checks/index.ts pairs each contract with its implementation.
 */
export const checkContracts: readonly CheckContract<unknown>[] = [
  secretsContract,
  gitHistoryContract,
  envFilesContract,
  envSecretsContract,
  bundleSizeContract,
  lighthouseContract,
  loadTestContract,
  websocketContract,
  coverageContract,
  ciStatusContract,
  buildOutputContract,
  changelogContract,
  versionContract,
  migrationsContract,
  httpSecurityContract,
  rateLimitContract,
  tlsContract,
  healthContract,
  prometheusContract,
  cutoverWindowContract,
];

/** Looks a contract up by its template name. */
export function findContract(id: string): CheckContract<unknown> | undefined {
  return checkContracts.find((contract) => contract.id === id);
}
