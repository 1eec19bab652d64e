import type { Config } from '../core/config/config.js';
import { parseConfig } from '../core/config/config-file.js';
import { assertCheckSettings } from './check-settings.js';

export const CONFIG_PATH = '.github/shipgate.yml';

/** Parses config text and validates its check settings against the checks' own schemas. */
export function readConfigText(text: string, shown: string): Config {
  return assertCheckSettings(parseConfig(text, shown), text, shown);
}
