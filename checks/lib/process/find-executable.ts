import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

/**
 * Absolute path of an executable named `name` on `pathEnv` (PATH), if any. With `systemOnly`,
 * `node_modules/.bin` folders are skipped (npm run and npx put them first on PATH): a `gitleaks`
 * there is an npm package's wrapper — the WASM build, 10× slower, or a dependency's code — not
 * the gitleaks binary the check means.
 *
 * Not `@actions/io`'s `which`: it searches `process.env.PATH` only, while checks run with their own
 * environment (`ctx.env`, the child environment the runner builds, and the Action's tools search the
 * PATH they are given), and it has no way to leave out a folder such as `node_modules/.bin`.
 */
export async function findExecutable(
  name: string,
  pathEnv: string | undefined,
  options: { systemOnly?: boolean } = {},
): Promise<string | undefined> {
  for (const dir of (pathEnv ?? '').split(path.delimiter)) {
    if (!dir) continue;
    if (options.systemOnly && /[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir)) continue;
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
