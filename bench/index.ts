import { benchAction } from './action-bench.js';
import { benchApp } from './app-bench.js';
import { benchCoordinator } from './coordinator-bench.js';
import { benchLifecycle } from './lifecycle-bench.js';
import { benchReplicas } from './replicas-bench.js';
import { benchSecretOracle } from './secret-oracle-bench.js';
import { benchSecretScan } from './secret-scan-bench.js';

/**
 * `npm run bench`: every benchmark in one process, printed as one JSON object on stdout.
 * Ratios (e.g. secret scanning vs secretlint) are measured in the same run: these machines are noisy.
 */
const results: Record<string, number | string> = { node: process.version };
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

const suites: [string, () => Promise<object>][] = [
  ['secret scanning vs secretlint', () => benchSecretScan()],
  ['secret scanning vs gitleaks and secretlint: oracle and whole process', () => benchSecretOracle()],
  ['bot on the GitHub simulator', () => benchApp()],
  ['a release lifecycle on the GitHub simulator', () => benchLifecycle()],
  ['Redis coordinator', () => benchCoordinator()],
  ['one process vs two replicas', () => benchReplicas()],
  ['Action cold start and check parallelism', () => benchAction()],
];
// `npm run bench -- <word>`: only the suites whose name contains it (while working on one).
const only = process.argv[2];
let failed = false;
for (const [name, run] of suites.filter(([name]) => !only || name.includes(only))) {
  log(name);
  try {
    Object.assign(results, await run());
  } catch (error) {
    failed = true;
    results[`error_${name.replace(/\W+/g, '_')}`] = (error as Error).message;
  }
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
