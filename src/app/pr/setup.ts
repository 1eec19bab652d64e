import { type Config, defaultConfig } from '../../core/config/config.js';
import { parseConfig } from '../../core/config/config-file.js';
import { formatProblem, InvalidInputError } from '../../core/errors.js';
import type { Checklist } from '../../core/template/model.js';
import { parseTemplate } from '../../core/template/template.js';
import type { GitHub } from '../../github/types.js';
import { checkSchemas, loadChecklist } from '../../load/load-checklist.js';
import { CONFIG_PATH } from '../../load/load-config.js';

/** A repository's gate as defined on the BASE branch: a PR cannot loosen its own gate. */
export interface RepoSetup {
  config: Config;
  checklist: Checklist;
  /** `file:line: message` problems; the gate fails closed while there are any. */
  problems: string[];
}

let builtIn: Checklist | undefined;
function builtInChecklist(): Checklist {
  builtIn ??= loadChecklist();
  return builtIn;
}

export async function loadSetup(gh: GitHub, baseRef: string): Promise<RepoSetup> {
  const problems: string[] = [];
  let config = defaultConfig;
  const configText = await gh.readFile(CONFIG_PATH, baseRef);
  if (configText !== undefined) {
    try {
      config = parseConfig(configText, CONFIG_PATH);
    } catch (error) {
      problems.push(...describe(error, CONFIG_PATH));
    }
  }
  let checklist = builtInChecklist();
  if (config.template) {
    const source = await gh.readFile(config.template, baseRef);
    if (source === undefined) problems.push(`${config.template}:1: template not found on ${baseRef}`);
    else {
      try {
        checklist = parseTemplate(source, config.template, checkSchemas);
      } catch (error) {
        problems.push(...describe(error, config.template));
      }
    }
  }
  return { config, checklist, problems };
}

function describe(error: unknown, file: string): string[] {
  if (error instanceof InvalidInputError) return error.problems.map(formatProblem);
  return [`${file}:1: ${error instanceof Error ? error.message : String(error)}`];
}
