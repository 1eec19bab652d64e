import { z } from 'zod';

/** A role: who may tick a sign-off. Users by login and/or teams as `org/team-slug`. */
export const RoleSchema = z
  .object({
    users: z.array(z.string().min(1)).default([]),
    teams: z.array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected "org/team-slug"')).default([]),
  })
  .strict();

const InvalidationSchema = z
  .object({
    /** Automated results always belong to one SHA; this is kept for clarity and cannot be turned off. */
    automated: z.literal(true).default(true),
    signoffs: z.boolean().default(true),
    manual: z.boolean().default(false),
  })
  .strict();

export const ConfigSchema = z
  .object({
    release: z
      .object({
        branches: z.array(z.string().min(1)).default(['release/**']),
        labels: z.array(z.string().min(1)).default(['release']),
        titlePattern: z.string().default('^(chore\\(main\\): )?[Rr]elease\\b'),
      })
      .strict()
      .default({
        branches: ['release/**'],
        labels: ['release'],
        titlePattern: '^(chore\\(main\\): )?[Rr]elease\\b',
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
    /** Per-check parameter overrides, merged over the template's directive parameters. */
    checks: z
      .record(z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])))
      .default({}),
    concurrency: z.number().int().min(1).max(16).default(4),
    timeoutMs: z.number().int().positive().default(180_000),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type Role = z.infer<typeof RoleSchema>;

/** The configuration a repository without `.github/shipgate.yml` gets. */
export const defaultConfig: Config = ConfigSchema.parse({});
