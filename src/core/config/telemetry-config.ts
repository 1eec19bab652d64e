import { z } from 'zod';

/** `5m`, `30s`, `1h`, `500ms`: a Prometheus duration (one unit). */
export const DURATION_PATTERN = /^\d+(?:ms|s|m|h|d)$/;
const Duration = z.string().regex(DURATION_PATTERN, 'expected a duration like "30s", "5m" or "1h"');
const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name');

/**
 * `telemetry.prometheus`: where the `prometheus` check asks. Credentials never live in the file:
 * only the names of the environment variables holding them.
 */
export const PrometheusConfigSchema = z
  .object({
    /** Base URL of the Prometheus HTTP API (without `/api/v1`); default: env `PROMETHEUS_URL`. */
    url: z
      .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
      .refine((value) => !/^[a-z]+:\/\/[^/]*@/i.test(value), {
        message: 'no credentials in the URL: use tokenEnv or usernameEnv/passwordEnv',
      })
      .optional(),
    /** Env var with a bearer token (sent as `Authorization: Bearer …`). */
    tokenEnv: EnvName.default('PROMETHEUS_TOKEN'),
    /** Env vars with basic-auth credentials (used when no token is set). */
    usernameEnv: EnvName.default('PROMETHEUS_USERNAME'),
    passwordEnv: EnvName.default('PROMETHEUS_PASSWORD'),
    /**
     * Label matchers added to every default query, e.g. `job="restaurant-os",version="{{version}}"`
     * (variables are filled and escaped). Default: none.
     */
    selector: z.string().max(500).default(''),
    /**
     * Label matchers of the baseline (blue, or the previous version), e.g. `job="restaurant-os",color="blue"`:
     * the default for the `baseline` of items and cutover windows with relative limits (`maxIncrease`, `maxRatio`).
     */
    baselineSelector: z.string().max(500).optional(),
    /** Label matchers for `up` (target labels such as job/instance; `up` has no app labels). Default: `selector`. */
    targetSelector: z.string().max(500).optional(),
    /** The `rate()` window of the default queries. */
    rateWindow: Duration.default('5m'),
    /** The memory limit the `memory-percent` query divides by (bytes), e.g. the container's limit. */
    memoryLimitBytes: z.number().positive().optional(),
    /** Replace a default query by metric name (`error-rate`, `p95`, …) for every item using it. */
    queries: z.record(z.string(), z.string().min(1).max(4000)).default({}),
    timeoutMs: z.number().int().positive().max(120_000).default(10_000),
  })
  .strict();

/** Started by a rollback trigger: a workflow dispatched once, with the release's version and commit. */
export const RollbackDispatchSchema = z
  .object({
    /** File name under .github/workflows (needs a `workflow_dispatch` trigger). */
    workflow: z
      .string()
      .regex(/^(?:\.github\/workflows\/)?[\w.-]+\.ya?ml$/, 'expected a workflow file like "rollback.yml"'),
    ref: z.string().min(1).default('main'),
  })
  .strict();

/** Who decides an inconclusive judgement (too few samples, no baseline, between a limit and its warn limit). */
export const InconclusiveSchema = z
  .object({
    /** Roles (keys of `roles`) asked, and the only ones allowed, to decide; empty: anyone with write access. */
    roles: z.array(z.string().min(1).max(100)).max(20).default([]),
  })
  .strict();

export const TelemetrySchema = z
  .object({
    prometheus: PrometheusConfigSchema.optional(),
    inconclusive: InconclusiveSchema.optional(),
    rollback: z.object({ dispatch: RollbackDispatchSchema.optional() }).strict().optional(),
  })
  .strict();

export type PrometheusConfig = z.infer<typeof PrometheusConfigSchema>;
export type TelemetryConfig = z.infer<typeof TelemetrySchema>;
