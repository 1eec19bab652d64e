import { z } from 'zod';
import { RELEASE_BOTS } from '../release/release-bots.js';
import { globProblem, MAX_GLOB_LENGTH, MAX_GLOBS } from '../template/path-globs.js';
import { BreakGlassSchema, WindowsSchema } from './governance-config.js';
import { TelemetrySchema } from './telemetry-config.js';

/** Repository path globs (picomatch, like GitHub Actions `paths:`; a `!glob` excludes again). */
const Glob = z
  .string()
  .min(1)
  .max(MAX_GLOB_LENGTH)
  .superRefine((glob, ctx) => {
    const problem = globProblem(glob);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const GlobList = z.array(Glob).max(MAX_GLOBS);

/** A role: who may tick a sign-off. Users by login and/or teams as `org/team-slug`. */
export const RoleSchema = z
  .object({
    users: z.array(z.string().min(1)).default([]),
    teams: z.array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected "org/team-slug"')).default([]),
    /** A push resets this role's sign-offs only when a path matching these globs changed (absent: any path). */
    invalidateOn: GlobList.min(1, 'needs at least one glob (omit the key to reset on any change)').optional(),
  })
  .strict();

const InvalidationSchema = z
  .object({
    /** Automated results always belong to one SHA; this is kept for clarity and cannot be turned off. */
    automated: z.literal(true).default(true),
    signoffs: z.boolean().default(true),
    manual: z.boolean().default(false),
    /** Changes to these paths never reset anything (e.g. `CHANGELOG.md`, `**\/*.md`). Absent: none. */
    ignore: GlobList.optional(),
    /**
     * Files (e.g. `package.json`) whose change is ignored when the bot saw that it only bumped the
     * version (it passes them as `versionOnlyFiles`). Absent: none.
     */
    versionFiles: GlobList.optional(),
  })
  .strict();

/**
 * Variables the PR's build or app may see (src/runner/child-env.ts). The job's credentials are never
 * passed, whatever the config says: a declared one is a config error, not a silent drop.
 */
export const JOB_CREDENTIAL_VARIABLE =
  /^(?:ACTIONS_.*|INPUT_.*|GITHUB_TOKEN|GH_TOKEN|SHIPGATE_LEDGER_SECRET|RUNNER_TOKEN)$/i;

const ChildEnvNames = z
  .array(
    z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name')
      .refine(
        (name) => !JOB_CREDENTIAL_VARIABLE.test(name),
        "is a credential of the job: never passed to the PR's code (docs/security.md)",
      ),
  )
  .max(100);

export const ConfigSchema = z
  .object({
    release: z
      .object({
        branches: z.array(z.string().min(1)).default(['release/**']),
        labels: z.array(z.string().min(1)).default(['release']),
        titlePattern: z.string().default('^(chore\\(main\\): )?[Rr]elease\\b'),
        /** Release bots whose PRs are release PRs whatever the settings above say. */
        bots: z.array(z.enum(RELEASE_BOTS)).default([...RELEASE_BOTS]),
      })
      .strict()
      .default({
        branches: ['release/**'],
        labels: ['release'],
        titlePattern: '^(chore\\(main\\): )?[Rr]elease\\b',
        bots: [...RELEASE_BOTS],
      }),
    /** Template path in the repository; empty means shipgate's built-in production-deployment checklist. */
    template: z.string().optional(),
    environment: z.enum(['staging', 'production']).default('production'),
    roles: z.record(z.string().regex(/^[a-z0-9-]+$/, 'role names are kebab-case'), RoleSchema).default({}),
    /** The PR author may not sign off their own release. */
    separationOfDuties: z.boolean().default(true),
    /** Who may tick manual items: users with at least this permission on the repository. */
    manualPermission: z.enum(['read', 'triage', 'write', 'maintain', 'admin']).default('write'),
    invalidateOnPush: InvalidationSchema.default({ automated: true, signoffs: true, manual: false }),
    contacts: z
      .record(
        z.string(),
        z.object({ name: z.string().default(''), contact: z.string().default('') }).strict(),
      )
      .default({}),
    target: z
      .object({
        // Checks send requests (and a browser) here: http(s) only, never javascript:/file:.
        url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
        /** A command shipgate starts, waits for (until `url` answers) and stops afterwards. */
        start: z.string().optional(),
        startTimeoutMs: z.number().int().positive().default(30_000),
        /** Environment variables the app gets beside PATH, HOME, locale, CI and NODE_ENV (names only). */
        env: ChildEnvNames.default([]),
      })
      .strict()
      .default({ startTimeoutMs: 30_000, env: [] }),
    build: z
      .object({
        dir: z.string().optional(),
        command: z.string().optional(),
        /** Environment variables the build gets beside PATH, HOME, locale, CI and NODE_ENV (names only). */
        env: ChildEnvNames.default([]),
      })
      .strict()
      .default({ env: [] }),
    /**
     * Per-check parameter overrides, merged over the template's directive parameters; `enabled: false`
     * turns a check off (its items become N/A). Keys are validated against each check's schema.
     */
    checks: z
      .record(z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])))
      .default({}),
    /** Per-item decisions kept in the repository: `items.<id>.na` marks an item not applicable, with the reason. */
    items: z
      .record(
        z.string(),
        z.object({ na: z.string().trim().min(10, 'the N/A reason needs at least 10 characters') }).strict(),
      )
      .default({}),
    /**
     * The workflow that publishes `shipgate/checks`. When its results have not arrived for a head
     * commit after `timeoutMinutes` (PRs opened with GITHUB_TOKEN start no workflows), the bot
     * dispatches it once for that commit. Absent: the bot never dispatches.
     */
    checksWorkflow: z
      .object({
        /**
         * File name under .github/workflows (e.g. `shipgate.yml`): only its runs may vouch for results,
         * and the bot dispatches it (a `workflow_dispatch` trigger with a `sha` input) when results are late.
         */
        file: z
          .string()
          .regex(/^(?:\.github\/workflows\/)?[\w.-]+\.ya?ml$/, 'expected a workflow file like "shipgate.yml"')
          .optional(),
        /**
         * The reusable workflow whose attesting job vouches (the ID token's `job_workflow_ref`), as in a
         * `uses:` line: `owner/repo/.github/workflows/x.yml@ref` or `./.github/workflows/x.yml`. Only its
         * results may vouch, and what it computed itself counts as `verified`. Absent: shipgate's own.
         */
        uses: z
          .string()
          .regex(
            /^(?:[\w.-]+\/[\w.-]+\/|\.\/)\.github\/workflows\/[\w.-]+\.ya?ml(?:@[\w./-]+)?$/,
            'expected a reusable workflow like "acme/shipgate/.github/workflows/shipgate.yml@v1"',
          )
          .optional(),
        /** Branch to run the workflow from; default: the PR head branch. */
        ref: z.string().min(1).optional(),
        timeoutMinutes: z.number().positive().max(1440).default(10),
      })
      .strict()
      .refine((value) => value.file !== undefined || value.uses !== undefined, 'needs `file` or `uses`')
      .optional(),
    /**
     * Which results must be `verified` (computed by the attesting job from the PR's files, never by
     * a job that ran the PR's code): check ids or item ids. A `reported` result for them is refused.
     */
    evidence: z
      .object({ requireVerified: z.array(z.string().min(1)).max(200).default([]) })
      .strict()
      .default({ requireVerified: [] }),
    /** Environments whose deployments wait for a complete shipgate gate (custom deployment protection rule). */
    deploymentProtection: z
      .object({
        environments: z.array(z.string().min(1)).default(['production']),
        /**
         * Environments (among `environments`) whose deployments also wait for the release's cutover
         * windows: held with status reports while a window is open, closing or inconclusive; approved
         * once every started window passed, rejected when one failed.
         */
        waitForCutover: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .default({ environments: ['production'] }),
    /** Production telemetry for the post-deploy items (the `prometheus` check) and rollback dispatch. */
    telemetry: TelemetrySchema.optional(),
    /** Change windows and freezes (docs/governance.md); absent: a release may go out any time. */
    windows: WindowsSchema.optional(),
    /** `/shipgate break-glass`: who may, and how soon the skipped review is due (docs/governance.md). */
    breakGlass: BreakGlassSchema.default({ reviewWithin: '24h' }),
    concurrency: z.number().int().min(1).max(16).default(4),
    timeoutMs: z.number().int().positive().default(180_000),
  })
  .strict()
  .superRefine((config, ctx) => {
    // governance roles name roles defined under `roles:`
    for (const key of ['windows', 'breakGlass'] as const)
      for (const [index, role] of (config[key]?.roles ?? []).entries())
        if (!config.roles[role])
          ctx.addIssue({
            code: 'custom',
            path: [key, 'roles', index],
            message: `no role "${role}" under roles:`,
          });
    // the deciders of inconclusive judgements must be roles this file defines
    (config.telemetry?.inconclusive?.roles ?? []).forEach((role, index) => {
      if (!config.roles[role])
        ctx.addIssue({
          code: 'custom',
          path: ['telemetry', 'inconclusive', 'roles', index],
          message: `unknown role "${role}": define it under roles`,
        });
    });
  });

export type Config = z.infer<typeof ConfigSchema>;
export type Role = z.infer<typeof RoleSchema>;

/** The configuration a repository without `.github/shipgate.yml` gets. */
export const defaultConfig: Config = ConfigSchema.parse({});
