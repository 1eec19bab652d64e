import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatProblem, InvalidInputError, type Problem } from '../core/errors.js';
import { loadChecklist } from '../load/load-checklist.js';
import { CONFIG_PATH, readConfigText } from '../load/load-config.js';
import type { CliIO } from './io.js';

export const VALIDATE_HELP = `Usage: shipgate validate [FILE]...

Validates checklist templates (.md) and shipgate configs (.yml/.yaml). With no FILE, validates
the built-in template and ./.github/shipgate.yml when present. Prints file:line: message per
problem; exit 0 when all are valid, 1 otherwise.
`;

export function validateCommand(io: CliIO, files: string[]): number {
  const targets = files.length > 0 ? files : defaultTargets(io.cwd);
  const problems: Problem[] = [];
  for (const file of targets) {
    const path = resolve(io.cwd, file);
    const shown = relative(io.cwd, path) || file;
    try {
      if (file === '(built-in)') loadChecklist(undefined, io.cwd);
      else if (/\.ya?ml$/i.test(file)) readConfigText(readFileSync(path, 'utf8'), shown);
      else loadChecklist(path, io.cwd);
      io.stdout.write(`${shown}: ok\n`);
    } catch (error) {
      if (error instanceof InvalidInputError) problems.push(...error.problems);
      else problems.push({ file: shown, line: 1, message: (error as Error).message });
    }
  }
  for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
  if (problems.length > 0)
    io.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} found\n`);
  return problems.length === 0 ? 0 : 1;
}

function defaultTargets(cwd: string): string[] {
  const config = join(cwd, CONFIG_PATH);
  return ['(built-in)', ...(existsSync(config) ? [CONFIG_PATH] : [])];
}
