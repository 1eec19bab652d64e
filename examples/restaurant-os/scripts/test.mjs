// Runs the node:test suite with coverage: spec output on stdout, lcov in coverage/lcov.info.
// (Node 20's lcov reporter does not create the destination directory, hence this wrapper.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
fs.mkdirSync(path.join(root, 'coverage'), { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    '--test',
    '--experimental-test-coverage',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=lcov',
    '--test-reporter-destination=coverage/lcov.info',
    'test/',
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
