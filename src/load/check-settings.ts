import { LineCounter, parseDocument } from 'yaml';
import { ZodObject, type ZodType } from 'zod';
import { paramNames, strictParams } from '../../checks/contract.js';
import { checkContracts, findContract } from '../../checks/contracts/index.js';
import type { Config } from '../core/config/config.js';
import { InvalidInputError, type Problem } from '../core/errors.js';

/** Keys under `checks.<name>` that belong to shipgate, not to the check's parameters. */
const RESERVED = new Set(['enabled']);

/** The line of a key path in YAML text (1 when it cannot be found). */
function lineFinder(text: string): (path: readonly string[]) => number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (path) => {
    for (let depth = path.length; depth > 0; depth--) {
      const parent = depth > 1 ? doc.getIn(path.slice(0, depth - 1), true) : doc.contents;
      const key = path[depth - 1];
      if (parent && typeof parent === 'object' && 'items' in parent && Array.isArray(parent.items)) {
        for (const pair of parent.items as {
          key?: { value?: unknown; range?: [number, number, number] };
        }[]) {
          const range = pair.key && pair.key.value === key ? pair.key.range : undefined;
          if (range) return lineCounter.linePos(range[0]).line;
        }
      }
    }
    return 1;
  };
}

/**
 * What the config schema alone cannot know: the check names and parameters under `checks:` are
 * validated against each check's own schema (so `coverage.min: 800` and `health.timeout: 5` are
 * refused with their line), and `target.start` needs `target.url` (the URL shipgate waits for).
 */
export function checkSettingsProblems(config: Config, text: string, file: string): Problem[] {
  const lineOf = lineFinder(text);
  const problems: Problem[] = [];
  for (const [name, settings] of Object.entries(config.checks)) {
    const check = findContract(name);
    if (!check) {
      const known = checkContracts.map((c) => c.id).join(', ');
      problems.push({
        file,
        line: lineOf(['checks', name]),
        message: `checks.${name}: unknown check; known checks: ${known}`,
      });
      continue;
    }
    if ('enabled' in settings && typeof settings.enabled !== 'boolean') {
      problems.push({
        file,
        line: lineOf(['checks', name, 'enabled']),
        message: `checks.${name}.enabled: expected true or false`,
      });
    }
    const params = Object.fromEntries(Object.entries(settings).filter(([key]) => !RESERVED.has(key)));
    const names = paramNames(check.params);
    const strict = strictParams(check.params);
    // Settings are merged over each item's directive, so they are judged one key at a time: a
    // required parameter (env-secrets `name`) comes from the directive, not from here.
    for (const [key, value] of Object.entries(params)) {
      const line = lineOf(['checks', name, key]);
      if (names && !names.includes(key)) {
        problems.push({
          file,
          line,
          message: `checks.${name}.${key}: unknown parameter; known: ${names.join(', ')}`,
        });
        continue;
      }
      const field: ZodType | undefined =
        check.params instanceof ZodObject ? (check.params.shape as Record<string, ZodType>)[key] : undefined;
      const parsed = field ? field.safeParse(value) : strict.safeParse(params);
      if (!parsed.success) {
        problems.push({
          file,
          line,
          message: `checks.${name}.${key}: ${parsed.error?.issues[0]?.message ?? 'invalid'} (got ${JSON.stringify(value)})`,
        });
      }
    }
  }
  if (config.target.start && !config.target.url) {
    problems.push({
      file,
      line: lineOf(['target', 'start']),
      message:
        'target.start needs target.url: the URL shipgate waits for and checks (e.g. http://127.0.0.1:3000/)',
    });
  }
  return problems;
}

/** Throws every check-settings problem at once, like the schema's own errors. */
export function assertCheckSettings(config: Config, text: string, file: string): Config {
  const problems = checkSettingsProblems(config, text, file);
  if (problems.length > 0) throw new InvalidInputError(problems);
  return config;
}
