import { ZodObject, z } from 'zod';
import type { Applicability } from '../src/core/fit/applicability.js';

/**
 * What a check is, as data: its name, what it proves, where it runs, its parameter schema. The bot,
 * `validate`, `init` and the docs read contracts (checks/contracts/index.ts) without loading any
 * check's code or tools; the implementation (checks/<id>.ts) is loaded only to run it.
 */
export interface CheckContract<P = unknown> {
  /** The name used in template directives, e.g. `bundle-size`. */
  id: string;
  /** One line saying what it verifies. */
  title: string;
  /** What a pass proves and what it cannot prove (docs/checks.md). */
  proves?: string;
  /**
   * Measures performance of the target or machine (Lighthouse, load tests): the runner runs
   * these one at a time after the others, so they do not disturb each other's figures.
   */
  exclusive?: boolean;
  /**
   * Changes the target's state for a while (a rate-limit burst fills the app's limiter): the runner
   * runs these last and alone, after every other check that talks to the target.
   */
  disruptive?: boolean;
  /** Talks to the running app (target URL): the runner starts `target.start` only when one of these runs. */
  usesTarget?: boolean;
  /** Judges the output of config `build.command`: when that command fails, the item errors instead of judging a stale or missing build. */
  usesBuild?: boolean;
  /**
   * What the check judges, which decides where the two-job workflow runs it (src/runner/placement.ts):
   * `repository` — the PR's files as data (secrets, history, changelog, …): the attesting job runs
   * it itself, so its result is `verified`; `build` — what the PR's build or tests produced
   * (bundles, coverage): only a job that ran the PR's code has it, so it is `reported`; `app` — the
   * running app: `reported` when shipgate starts the PR's app, run by the attesting job against an
   * external URL; `environment` — services outside the PR (GitHub, the job's secrets, Prometheus).
   */
  measures: 'repository' | 'build' | 'app' | 'environment';
  /** Validates the directive parameters (strings/numbers/booleans from the template). */
  params: z.ZodType<P>;
  /**
   * Which apps the check applies to (src/core/fit/applicability.ts): the app traits it needs, what
   * becomes of an item when the app lacks one (dropped or left to a person, with the reason), the
   * parameters `shipgate init` binds from what it found, and the items it adds. Absent: the check
   * applies to any app and init keeps its items as the template wrote them.
   */
  applicability?: Applicability;
}

/** Declares a contract, its parameter type inferred from the schema. */
export function defineContract<P>(contract: CheckContract<P>): CheckContract<P> {
  return contract;
}

/** Parameter names a check accepts (the keys of its zod object), or undefined for a non-object schema. */
export function paramNames(schema: z.ZodType): string[] | undefined {
  return schema instanceof ZodObject ? Object.keys(schema.shape) : undefined;
}

/**
 * The check's parameter schema, refusing parameters it does not know (`timeout=5` on `health` is a
 * typo of `timeoutMs`, not something to ignore), and naming the known ones.
 */
export function strictParams<P>(schema: z.ZodType<P>): z.ZodType<P> {
  const known = paramNames(schema);
  // A schema declared `.loose()` takes any parameter on purpose.
  const catchall = schema instanceof ZodObject ? schema.def.catchall : undefined;
  if (!known || (catchall && catchall._zod.def.type !== 'never')) return schema;
  return z
    .record(z.string(), z.unknown())
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (!known.includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `unknown parameter; known: ${known.join(', ') || '(none)'}`,
          });
        }
      }
    })
    .pipe(schema as unknown as z.ZodType<P, Record<string, unknown>>) as unknown as z.ZodType<P>;
}
