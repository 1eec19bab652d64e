import { z } from 'zod';
import { freezeBound, isKnownZone, parseAllowRule } from '../windows/change-windows.js';

const RoleName = z.string().regex(/^[a-z0-9-]+$/, 'role names are kebab-case');

/**
 * The roles (names defined under `roles:`) allowed to use a governance command. Absent: only
 * people with admin permission on the repository.
 */
const GovernanceRoles = z.array(RoleName).min(1).max(20).optional();

const FreezeDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$/,
    'expected a date "2026-12-20" or a local date-time "2026-12-20T18:00"',
  );

/**
 * `windows:` — when a release may merge and deploy (the `shipgate` check, the merge queue and
 * deployment protection all honour it). `roles` may `/shipgate freeze`, `/shipgate unfreeze` and
 * `/shipgate exception`.
 */
export const WindowsSchema = z
  .object({
    timezone: z
      .string()
      .default('UTC')
      .refine(isKnownZone, { message: 'unknown time zone (use an IANA name like "Europe/Berlin")' }),
    /** `Mon-Thu 09:00-16:00`; empty: any time outside the freezes. */
    allow: z
      .array(
        z.string().superRefine((rule, ctx) => {
          const parsed = parseAllowRule(rule);
          if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
        }),
      )
      .max(50)
      .default([]),
    freezes: z
      .array(
        z
          .object({ from: FreezeDate, to: FreezeDate, reason: z.string().trim().min(3).max(200) })
          .strict()
          .superRefine((freeze, ctx) => {
            const from = freezeBound(freeze.from, 'UTC', 'from');
            const to = freezeBound(freeze.to, 'UTC', 'to');
            if (!from || !to) ctx.addIssue({ code: 'custom', message: 'not a calendar date' });
            else if (to <= from) ctx.addIssue({ code: 'custom', message: '"to" is before "from"' });
          }),
      )
      .max(100)
      .default([]),
    roles: GovernanceRoles,
  })
  .strict();

/** `breakGlass:` — the audited emergency path and its review afterwards. */
export const BreakGlassSchema = z
  .object({
    /** Who may `/shipgate break-glass`. Absent: repository admins only. */
    roles: GovernanceRoles,
    /** The skipped sign-offs and items must be given on the merged PR within this (`24h`, `3d`, `90m`). */
    reviewWithin: z
      .string()
      .regex(/^\d{1,4}(?:m|h|d)$/, 'expected a duration like "24h", "3d" or "90m"')
      .default('24h'),
  })
  .strict();

export type WindowsSettings = z.infer<typeof WindowsSchema>;
export type BreakGlassSettings = z.infer<typeof BreakGlassSchema>;

/** `24h` → milliseconds. */
export function durationMs(text: string): number {
  const match = /^(\d+)(m|h|d)$/.exec(text);
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[(match?.[2] ?? 'h') as 'm' | 'h' | 'd'];
  return Number(match?.[1] ?? 24) * unit;
}
