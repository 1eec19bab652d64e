import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Phase } from '../core/model.js';

/** The action.yml inputs after validation; paths resolved, lists split. */
export interface ActionInputs {
  template?: string;
  config?: string;
  url?: string;
  base?: string;
  only: string[];
  githubToken?: string;
  failOn: 'failure' | 'never';
  mode: 'check';
  workingDirectory: string;
  phase: Phase;
}

/** A user mistake in the workflow file: reported with core.setFailed, without a stack trace. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined);

// Keys are the input names exactly as in action.yml, so every message can name the input.
const InputsSchema = z.object({
  template: optionalText,
  config: optionalText,
  url: optionalText.refine((value) => value === undefined || URL.canParse(value), 'is not a URL'),
  base: optionalText,
  only: z.string().transform((value) =>
    value
      .split(/[,\n]/)
      .map((part) => part.trim())
      .filter(Boolean),
  ),
  'github-token': optionalText,
  'fail-on': z.enum(['failure', 'never'], 'must be "failure" or "never"'),
  mode: z
    .string()
    .refine((value) => value !== 'bot', 'cannot be "bot" yet: bot mode comes in a later release; use "check"')
    .pipe(z.literal('check', 'must be "check"')),
  'working-directory': z.string().trim().min(1, 'must not be empty'),
  phase: z.enum(['pre-merge', 'post-deploy'], 'must be "pre-merge" or "post-deploy"'),
});

export const INPUT_NAMES = Object.keys(InputsSchema.shape) as Array<keyof typeof InputsSchema.shape>;

const DEFAULTS: Partial<Record<(typeof INPUT_NAMES)[number], string>> = {
  'fail-on': 'failure',
  mode: 'check',
  'working-directory': '.',
  phase: 'pre-merge',
};

/**
 * Validates the raw inputs (as `core.getInput` returns them: '' when unset). Relative paths are
 * resolved against `workspace` (working-directory) and the working directory (template, config).
 */
export function parseInputs(raw: (name: string) => string, workspace: string): ActionInputs {
  const values = Object.fromEntries(INPUT_NAMES.map((name) => [name, raw(name) || DEFAULTS[name] || '']));
  const parsed = InputsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'inputs');
    const given = values[name];
    throw new InputError(
      `input "${name}" ${issue?.message ?? 'is invalid'}${given ? ` (got "${given.slice(0, 100)}")` : ''}`,
    );
  }
  const data = parsed.data;
  const workingDirectory = resolve(workspace, data['working-directory']);
  if (!existsSync(workingDirectory) || !statSync(workingDirectory).isDirectory()) {
    throw new InputError(`input "working-directory": no directory at ${data['working-directory']}`);
  }
  const inDir = (path: string | undefined, name: string) => {
    if (path === undefined) return undefined;
    const full = resolve(workingDirectory, path);
    if (!existsSync(full))
      throw new InputError(`input "${name}": no file at ${path} (in ${workingDirectory})`);
    return full;
  };
  return {
    template: inDir(data.template, 'template'),
    config: inDir(data.config, 'config'),
    url: data.url,
    base: data.base,
    only: data.only,
    githubToken: data['github-token'],
    failOn: data['fail-on'],
    mode: data.mode,
    workingDirectory,
    phase: data.phase,
  };
}
