import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Phase } from '../core/template/model.js';

/** The action.yml inputs after validation; paths resolved, lists split. */
export interface ActionInputs {
  template?: string;
  config?: string;
  url?: string;
  base?: string;
  only: string[];
  githubToken?: string;
  failOn: 'failure' | 'never';
  mode: 'check' | 'bot';
  workingDirectory: string;
  phase: Phase;
  /** Bot mode: the key that signs the checklist ledger (a repository secret). */
  ledgerSecret?: string;
  /** Bot mode: a token that can read org team membership, used only for team roles. */
  membersToken?: string;
  /** Bot mode: run the automated checks in this step and hand the results straight to the bot. */
  runChecks: boolean;
  /**
   * Check mode's job in the two-job workflow (docs/security.md): `measure` runs what needs the PR's
   * code and writes `report`; `attest` runs the rest itself, reads `report` as untrusted input and
   * publishes; `single` does both in one job (the weaker guarantee: every result `reported`).
   */
  job: 'single' | 'measure' | 'attest';
  /** The measure job's report file (measure writes it, attest reads it), absolute. */
  report: string;
  /**
   * The job's secrets as a reusable workflow receives them (`toJSON(secrets)`): added to the
   * checks' environment for the env-secrets items; never to a child process, never printed.
   */
  secrets: Record<string, string>;
}

/** A user mistake in the workflow file: reported with core.setFailed, without a stack trace. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const MIN_LEDGER_SECRET = 16;

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
  mode: z.enum(['check', 'bot'], 'must be "check" or "bot"'),
  'working-directory': z.string().trim().min(1, 'must not be empty'),
  phase: z.enum(['pre-merge', 'post-deploy'], 'must be "pre-merge" or "post-deploy"'),
  'ledger-secret': optionalText.refine(
    (value) => value === undefined || value.length >= MIN_LEDGER_SECRET,
    `must be at least ${MIN_LEDGER_SECRET} characters (a random repository secret)`,
  ),
  'members-token': optionalText,
  'run-checks': z.enum(['true', 'false'], 'must be "true" or "false"').transform((value) => value === 'true'),
  job: z.enum(['single', 'measure', 'attest'], 'must be "single", "measure" or "attest"'),
  secrets: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (!value) return {};
      try {
        const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(value));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below
      }
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON object of names to values (toJSON(secrets) in a workflow)',
      });
      return z.NEVER;
    }),
  report: z.string().trim().min(1, 'must not be empty'),
});

/** Inputs whose values never appear in a message, even a wrong one. */
const SECRET_INPUTS = new Set(['github-token', 'ledger-secret', 'members-token', 'secrets']);

export const INPUT_NAMES = Object.keys(InputsSchema.shape) as Array<keyof typeof InputsSchema.shape>;

const DEFAULTS: Partial<Record<(typeof INPUT_NAMES)[number], string>> = {
  'fail-on': 'failure',
  mode: 'check',
  'working-directory': '.',
  phase: 'pre-merge',
  'run-checks': 'false',
  job: 'single',
  report: 'shipgate-measure.json',
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
    const given = SECRET_INPUTS.has(name) ? undefined : values[name];
    throw new InputError(
      `input "${name}" ${issue?.message ?? 'is invalid'}${given ? ` (got "${given.slice(0, 100)}")` : ''}`,
    );
  }
  const data = parsed.data;
  if (data.mode === 'bot' && data.job !== 'single')
    throw new InputError(
      'input "job" applies to check mode only: bot mode runs in one job (docs/security.md)',
    );
  if (data.mode === 'bot' && !data['ledger-secret']) {
    throw new InputError(
      'input "ledger-secret" is required when mode is "bot": create a repository secret of at least ' +
        `${MIN_LEDGER_SECRET} random characters (e.g. SHIPGATE_LEDGER_SECRET) and set the step's ` +
        'ledger-secret input to secrets.SHIPGATE_LEDGER_SECRET (docs/action-bot-mode.md)',
    );
  }
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
    ...(data['ledger-secret'] ? { ledgerSecret: data['ledger-secret'] } : {}),
    ...(data['members-token'] ? { membersToken: data['members-token'] } : {}),
    runChecks: data['run-checks'],
    job: data.job,
    report: resolve(workspace, data.report),
    secrets: data.secrets,
  };
}
