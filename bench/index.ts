import { benchSecretScan } from './secret-scan-bench.js';

/** `npm run bench`: runs every benchmark in one process and prints one JSON object. */
const results: Record<string, number | string> = {};
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

log('secret scanning vs secretlint');
Object.assign(results, await benchSecretScan());
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
