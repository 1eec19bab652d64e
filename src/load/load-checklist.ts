import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { strictParams } from '../../checks/contract.js';
import { checkContracts } from '../../checks/contracts/index.js';
import { InvalidInputError } from '../core/errors.js';
import type { Checklist } from '../core/template/model.js';
import { type CheckSchemas, parseTemplate } from '../core/template/template.js';
import { defaultTemplatePath } from './default-template.js';

/** Parameter schemas of every registered check, for template validation. */
export const checkSchemas: CheckSchemas = new Map(
  checkContracts.map((contract) => [contract.id, strictParams(contract.params)]),
);

/** Reads and parses a template file (the built-in one when `file` is undefined). */
export function loadChecklist(file?: string, cwd = process.cwd()): Checklist {
  const path = file ?? defaultTemplatePath();
  const shown = file ? relative(cwd, path) || path : `templates/${path.split(/[\\/]/).pop()}`;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError([
      { file: shown, line: 1, message: `cannot read template: ${(error as Error).message}` },
    ]);
  }
  return parseTemplate(source, shown, checkSchemas);
}
