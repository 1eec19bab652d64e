import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

/** Absolute path of an executable named `name` on `pathEnv` (PATH), if any. */
export async function findExecutable(name: string, pathEnv: string | undefined): Promise<string | undefined> {
  for (const dir of (pathEnv ?? '').split(path.delimiter)) {
    if (!dir) continue;
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
