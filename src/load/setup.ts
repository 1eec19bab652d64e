import { type Config, defaultConfig } from '../core/config/config.js';
import { formatProblem, InvalidInputError, type Problem } from '../core/errors.js';
import type { Checklist } from '../core/template/model.js';
import { parseTemplate } from '../core/template/template.js';
import type { GitHub } from '../github/types.js';
import { checkSchemas, loadChecklist } from './load-checklist.js';
import { CONFIG_PATH, readConfigText } from './load-config.js';

/**
 * A repository's gate definition, read the same way from GitHub (the bot, `shipgate doctor`) and
 * from disk (the CLI, the Action): the config first, then the template it names. Every problem
 * is collected with its file and line; the bot fails the gate closed on them, the CLI exits 2.
 */
export interface GateDefinition {
  config: Config;
  checklist: Checklist;
  problems: Problem[];
}

/** Where each file of the definition comes from: `read` answers undefined for a missing file. */
export interface DefinitionSource {
  /** The config's path as shown in problems, and its text (undefined: no config, use the defaults). */
  config: { file: string; text: string | undefined };
  /** Reads a template path (as the config names it); `file` is how problems show it. */
  readTemplate(path: string): Promise<{ file: string; text: string | undefined }>;
  /** Why a template the config names is missing, e.g. "not found on main". */
  missingTemplate: string;
  /** A template to use instead of the config's (the CLI's `--template`). */
  templateOverride?: string;
}

let builtIn: Checklist | undefined;
function builtInChecklist(): Checklist {
  builtIn ??= loadChecklist();
  return builtIn;
}

export async function readGateDefinition(source: DefinitionSource): Promise<GateDefinition> {
  const problems: Problem[] = [];
  let config = defaultConfig;
  if (source.config.text !== undefined) {
    try {
      // the same validation as `shipgate validate`: check settings against each check's schema
      config = readConfigText(source.config.text, source.config.file);
    } catch (error) {
      problems.push(...describe(error, source.config.file));
    }
  }
  let checklist = builtInChecklist();
  const templatePath = source.templateOverride ?? config.template;
  if (templatePath) {
    const template = await source.readTemplate(templatePath);
    if (template.text === undefined) {
      problems.push({ file: template.file, line: 1, message: `template ${source.missingTemplate}` });
    } else {
      try {
        checklist = parseTemplate(template.text, template.file, checkSchemas);
      } catch (error) {
        problems.push(...describe(error, template.file));
      }
    }
  }
  return { config, checklist, problems };
}

/** The definition, or an InvalidInputError carrying every problem (what the CLI reports). */
export function assertUsable(definition: GateDefinition): GateDefinition {
  if (definition.problems.length > 0) throw new InvalidInputError(definition.problems);
  return definition;
}

function describe(error: unknown, file: string): Problem[] {
  if (error instanceof InvalidInputError) return error.problems;
  return [{ file, line: 1, message: error instanceof Error ? error.message : String(error) }];
}

/** A repository's gate as defined on its DEFAULT branch: a PR cannot loosen its own gate. */
export interface RepoSetup {
  config: Config;
  checklist: Checklist;
  /** `file:line: message` problems; the gate fails closed while there are any. */
  problems: string[];
  /** Where the policy was read: the default branch and its commit. */
  policy: { ref: string; sha: string };
}

/** The definition on GitHub at the policy commit (the bot, `shipgate doctor`). */
export async function loadSetup(
  gh: GitHub,
  policy: { ref: string; sha: string },
  /** The Action's `config` / `template` inputs, as repository paths (the bot uses the defaults). */
  paths: { configPath?: string; templateOverride?: string | undefined } = {},
): Promise<RepoSetup> {
  const configPath = paths.configPath ?? CONFIG_PATH;
  const definition = await readGateDefinition({
    config: { file: configPath, text: await gh.readFile(configPath, policy.sha) },
    readTemplate: async (path) => ({ file: path, text: await gh.readFile(path, policy.sha) }),
    missingTemplate: `not found on ${policy.ref}`,
    ...(paths.templateOverride ? { templateOverride: paths.templateOverride } : {}),
  });
  return { ...definition, problems: definition.problems.map(formatProblem), policy };
}
