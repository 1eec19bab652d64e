import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Config, defaultConfig } from '../core/config/config.js';
import { parseConfig } from '../core/config/config-file.js';
import { assertCheckSettings } from './check-settings.js';

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
  return { config: readConfigText(readFileSync(path, 'utf8'), shown), file: shown };
}

/** Parses config text and validates its check settings against the checks' own schemas. */
export function readConfigText(text: string, shown: string): Config {
  return assertCheckSettings(parseConfig(text, shown), text, shown);
}
