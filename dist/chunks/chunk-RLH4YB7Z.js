import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// checks/lib/process/find-executable.ts
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
async function findExecutable(name, pathEnv, options = {}) {
  for (const dir of (pathEnv ?? "").split(path.delimiter)) {
    if (!dir) continue;
    if (options.systemOnly && /[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir)) continue;
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}

export {
  findExecutable
};
