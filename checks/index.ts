import type { Check } from './check.js';
import type { CheckContract } from './contract.js';
import { buildOutputContract } from './contracts/build-output.js';
import { bundleSizeContract } from './contracts/bundle-size.js';
import { changelogContract } from './contracts/changelog.js';
import { ciStatusContract } from './contracts/ci-status.js';
import { coverageContract } from './contracts/coverage.js';
import { cutoverWindowContract } from './contracts/cutover-window.js';
import { envFilesContract } from './contracts/env-files.js';
import { envSecretsContract } from './contracts/env-secrets.js';
import { gitHistoryContract } from './contracts/git-history.js';
import { healthContract } from './contracts/health.js';
import { httpSecurityContract } from './contracts/http-security.js';
import { lighthouseContract } from './contracts/lighthouse.js';
import { loadTestContract } from './contracts/load-test.js';
import { migrationsContract } from './contracts/migrations.js';
import { prometheusContract } from './contracts/prometheus.js';
import { rateLimitContract } from './contracts/rate-limit.js';
import { secretsContract } from './contracts/secrets.js';
import { tlsContract } from './contracts/tls.js';
import { versionContract } from './contracts/version.js';
import { websocketContract } from './contracts/websocket.js';

let importing: Promise<unknown> = Promise.resolve();

/**
 * Imports one implementation at a time. Node imports concurrently without trouble, but the suite
 * runs under jest's ESM VM, whose linking of two dynamic imports that share a module at the same
 * moment fails ("request for 'node:child_process' is not in cache"; nodejs/node#33216). The runner
 * starts checks in parallel, so without this the first items of a run could error; one after the
 * other costs a few milliseconds, once per check.
 */
function inTurn<T>(load: () => Promise<T>): Promise<T> {
  const next = importing.then(load);
  importing = next.catch(() => undefined);
  return next;
}

/**
 * A check whose implementation is imported the first time it runs: the bundles split each check
 * (and the tools it imports: Lighthouse, autocannon, size-limit, ws) into its own chunk, so a run
 * loads only the checks its items need, and a host that never runs checks loads none.
 */
function lazy<P>(contract: CheckContract<P>, load: () => Promise<Check<P>>): Check<P> {
  let loading: Promise<Check<P>> | undefined;
  return {
    ...contract,
    async run(params, ctx) {
      loading ??= inTurn(load);
      return (await loading).run(params, ctx);
    },
  };
}

/**
 * Every automated check shipgate knows, by template name: its contract (checks/contracts/) and its
 * implementation (checks/<id>.ts). Adding a check = a contract, an implementation, and a line in
 * each registry (docs/contributing.md).
 */
export const checks: readonly Check<unknown>[] = [
  lazy(secretsContract, async () => (await import('./secrets.js')).secretsCheck),
  lazy(gitHistoryContract, async () => (await import('./git-history.js')).gitHistoryCheck),
  lazy(envFilesContract, async () => (await import('./env-files.js')).envFilesCheck),
  lazy(envSecretsContract, async () => (await import('./env-secrets.js')).envSecretsCheck),
  lazy(bundleSizeContract, async () => (await import('./bundle-size.js')).bundleSizeCheck),
  lazy(lighthouseContract, async () => (await import('./lighthouse.js')).lighthouseCheck),
  lazy(loadTestContract, async () => (await import('./load-test.js')).loadTestCheck),
  lazy(websocketContract, async () => (await import('./websocket.js')).websocketCheck),
  lazy(coverageContract, async () => (await import('./coverage.js')).coverageCheck),
  lazy(ciStatusContract, async () => (await import('./ci-status.js')).ciStatusCheck),
  lazy(buildOutputContract, async () => (await import('./build-output.js')).buildOutputCheck),
  lazy(changelogContract, async () => (await import('./changelog.js')).changelogCheck),
  lazy(versionContract, async () => (await import('./version.js')).versionCheck),
  lazy(migrationsContract, async () => (await import('./migrations.js')).migrationsCheck),
  lazy(httpSecurityContract, async () => (await import('./http-security.js')).httpSecurityCheck),
  lazy(rateLimitContract, async () => (await import('./rate-limit.js')).rateLimitCheck),
  lazy(tlsContract, async () => (await import('./tls.js')).tlsCheck),
  lazy(healthContract, async () => (await import('./health.js')).healthCheck),
  lazy(prometheusContract, async () => (await import('./prometheus.js')).prometheusCheck),
  lazy(cutoverWindowContract, async () => (await import('./cutover-window.js')).cutoverWindowCheck),
];

/** Looks a check up by its template name. */
export function findCheck(id: string): Check<unknown> | undefined {
  return checks.find((check) => check.id === id);
}
