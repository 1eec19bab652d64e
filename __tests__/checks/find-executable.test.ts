/** A gitleaks in node_modules/.bin (an npm wrapper, e.g. the WASM build) is not the gitleaks the secrets check means. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, expect, it } from '@jest/globals';
import { findExecutable } from '../../checks/lib/process/find-executable.js';
import { removeDirs, tempDir } from '../helpers/repo-temp.js';

const root = tempDir('shipgate-find-exe-');
afterAll(() => removeDirs([root]));

function executable(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'gitleaks');
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

it('skips node_modules/.bin only when asked for a system tool', async () => {
  const npmBin = executable(join(root, 'app', 'node_modules', '.bin'));
  const system = executable(join(root, 'usr', 'bin'));
  const path = [join(root, 'app', 'node_modules', '.bin'), join(root, 'usr', 'bin')].join(delimiter);
  expect(await findExecutable('gitleaks', path)).toBe(npmBin);
  expect(await findExecutable('gitleaks', path, { systemOnly: true })).toBe(system);
  expect(
    await findExecutable('gitleaks', join(root, 'app', 'node_modules', '.bin'), { systemOnly: true }),
  ).toBeUndefined();
});
