import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Config, defaultConfig } from '../core/config/config.js';
import { parseConfig } from '../core/config/config-file.js';

export const CONFIG_PATH = '.github/shipgate.yml';

/** Reads `.github/shipgate.yml` (or `file`); a repository without one gets the defaults. */
export function loadConfig(
  repoDir: string,
  file?: string,
  cwd = process.cwd(),
): { config: Config; file?: string } {
  const path = file ?? join(repoDir, CONFIG_PATH);
  if (!file && !existsSync(path)) return { config: defaultConfig };
  const shown = relative(cwd, path) || path;
  return { config: parseConfig(readFileSync(path, 'utf8'), shown), file: shown };
}
