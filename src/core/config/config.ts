import { z } from 'zod';
import { RELEASE_BOTS } from '../release/release-bots.js';
import { globProblem, MAX_GLOB_LENGTH, MAX_GLOBS } from '../template/path-globs.js';
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
      })
      .strict()
      .default({ startTimeoutMs: 30_000 }),
    build: z.object({ dir: z.string().optional(), command: z.string().optional() }).strict().default({}),
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
        /** File name under .github/workflows (e.g. `shipgate.yml`); it needs a `workflow_dispatch` trigger with a `sha` input. */
        file: z
          .string()
          .regex(
            /^(?:\.github\/workflows\/)?[\w.-]+\.ya?ml$/,
            'expected a workflow file like "shipgate.yml"',
          ),
        /** Branch to run the workflow from; default: the PR head branch. */
        ref: z.string().min(1).optional(),
        timeoutMinutes: z.number().positive().max(1440).default(10),
      })
      .strict()
      .optional(),
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
    concurrency: z.number().int().min(1).max(16).default(4),
    timeoutMs: z.number().int().positive().default(180_000),
  })
  .strict()
  .superRefine((config, ctx) => {
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
