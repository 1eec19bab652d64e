import { type Config, defaultConfig } from '../../core/config/config.js';
import { formatProblem, InvalidInputError } from '../../core/errors.js';
import type { Checklist } from '../../core/template/model.js';
import { parseTemplate } from '../../core/template/template.js';
import type { GitHub } from '../../github/types.js';
import { checkSchemas, loadChecklist } from '../../load/load-checklist.js';
import { CONFIG_PATH, readConfigText } from '../../load/load-config.js';

/** A repository's gate as defined on its DEFAULT branch: a PR cannot loosen its own gate. */
export interface RepoSetup {
  config: Config;
  checklist: Checklist;
  /** `file:line: message` problems; the gate fails closed while there are any. */
  problems: string[];
  /** Where the policy was read: the default branch and its commit. */
  policy: { ref: string; sha: string };
}

let builtIn: Checklist | undefined;
function builtInChecklist(): Checklist {
  builtIn ??= loadChecklist();
  return builtIn;
}

export async function loadSetup(gh: GitHub, policy: { ref: string; sha: string }): Promise<RepoSetup> {
  const problems: string[] = [];
  let config = defaultConfig;
  const configText = await gh.readFile(CONFIG_PATH, policy.sha);
  if (configText !== undefined) {
    try {
      // the same validation as `shipgate validate`: check settings against each check's schema
      config = readConfigText(configText, CONFIG_PATH);
    } catch (error) {
      problems.push(...describe(error, CONFIG_PATH));
    }
  }
  let checklist = builtInChecklist();
  if (config.template) {
    const source = await gh.readFile(config.template, policy.sha);
    if (source === undefined) problems.push(`${config.template}:1: template not found on ${policy.ref}`);
    else {
      try {
        checklist = parseTemplate(source, config.template, checkSchemas);
      } catch (error) {
        problems.push(...describe(error, config.template));
      }
    }
  }
  return { config, checklist, problems, policy };
}

function describe(error: unknown, file: string): string[] {
  if (error instanceof InvalidInputError) return error.problems.map(formatProblem);
  return [`${file}:1: ${error instanceof Error ? error.message : String(error)}`];
}
