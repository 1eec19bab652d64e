import { z } from 'zod';
import type { Finding } from '../src/core/template/model.js';
import { type CheckContext, type CheckOutcome, defineCheck } from './check.js';
import { envNames } from './lib/detect/env-names.js';
import { assessSecret, DEFAULT_MIN_ENTROPY, type StrengthReport } from './lib/env/env-secret-strength.js';
import { FORMAT_BY_NAME, SECRET_FORMATS } from './lib/secrets/formats.js';
import { lookupSecretUpdate } from './lib/secrets/rotation.js';

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const ParamsSchema = z
  .object({
    /** One environment variable, e.g. `JWT_SECRET`. */
    name: z.string().regex(VAR_NAME, 'an environment variable name').optional(),
    /** Several variables, comma-separated, each checked with the same rule. */
    names: z.string().optional(),
    minLength: z.coerce.number().int().positive().optional(),
    /** Provider format; inferred for well-known names (SQUARE_ACCESS_TOKEN, OPENAI_API_KEY…). */
    format: z.enum(SECRET_FORMATS).optional(),
    /** Shannon entropy floor in bits per character. */
    minEntropy: z.coerce.number().min(0).max(8).default(DEFAULT_MIN_ENTROPY),
    /** `present`: the value is set and strong. `rotated`: the GitHub secret was updated recently. */
    mode: z.enum(['present', 'rotated']).default('present'),
    maxAgeDays: z.coerce.number().positive().default(90),
    /** For `rotated`: read an environment secret (e.g. `production`) instead of a repository secret. */
    environment: z.string().min(1).optional(),
  })
  .strict()
  .refine((p) => p.name !== undefined || p.names !== undefined, { message: 'name (or names) is required' })
  .refine((p) => (p.names ?? '').split(',').every((n) => n.trim() === '' || VAR_NAME.test(n.trim())), {
    message: 'names must be comma-separated environment variable names',
  });

type Params = z.infer<typeof ParamsSchema>;

function namesOf(params: Params): string[] {
  const list = [params.name ?? '', ...(params.names ?? '').split(',')].map((n) => n.trim()).filter(Boolean);
  return [...new Set(list)];
}

function combine(
  results: { name: string; ok: boolean; description: string }[],
  what: string,
  metrics: Record<string, number>,
): CheckOutcome {
  const failing = results.filter((r) => !r.ok);
  const findings: Finding[] = failing.map((r) => ({ message: r.description }));
  const only = results[0];
  if (results.length === 1 && only) {
    return { status: only.ok ? 'pass' : 'fail', summary: only.description, findings, metrics };
  }
  const summary =
    failing.length === 0
      ? `${results.length} of ${results.length} variables ${what}`
      : `${failing.length} of ${results.length} variables failing: ${failing.map((r) => r.description).join('; ')}`;
  return {
    status: failing.length === 0 ? 'pass' : 'fail',
    summary,
    details: results.map((r) => `- ${r.description}`).join('\n'),
    findings,
    metrics,
  };
}

function checkPresent(names: string[], params: Params, ctx: CheckContext): CheckOutcome {
  const reports: StrengthReport[] = names.map((name) =>
    assessSecret(name, ctx.env[name], {
      minLength: params.minLength,
      minEntropy: params.minEntropy,
      format: params.format ?? FORMAT_BY_NAME[name],
    }),
  );
  const first = reports[0];
  const metrics: Record<string, number> =
    reports.length === 1 && first
      ? { length: first.length, entropyBitsPerChar: Number(first.entropy.toFixed(2)) }
      : { failing: reports.filter((r) => !r.ok).length };
  return combine(reports, 'set and strong', metrics);
}

async function checkRotated(names: string[], params: Params, ctx: CheckContext): Promise<CheckOutcome> {
  const github = ctx.github;
  if (!github) {
    return {
      status: 'skipped',
      summary: `no GitHub token: cannot read when ${names.join(', ')} was last rotated`,
    };
  }
  const now = Date.now();
  const results: { name: string; ok: boolean; description: string }[] = [];
  let oldest = 0;
  for (const name of names) {
    const lookup = await lookupSecretUpdate(github, name, params.environment);
    if (lookup.kind === 'forbidden') {
      return {
        status: 'skipped',
        summary: `GitHub token may not read Actions secret metadata (HTTP ${lookup.status}): cannot tell when ${name} was rotated`,
      };
    }
    if (lookup.kind === 'missing') {
      results.push({
        name,
        ok: false,
        description: `${name} is not a GitHub Actions secret of ${lookup.where}`,
      });
      continue;
    }
    const days = Math.floor((now - lookup.updatedAt.getTime()) / 86_400_000);
    oldest = Math.max(oldest, days);
    const ok = days <= params.maxAgeDays;
    results.push({
      name,
      ok,
      description: `${name} ${ok ? 'rotated' : 'last rotated'} ${days} days ago ${ok ? '≤' : '>'} ${params.maxAgeDays} days`,
    });
  }
  return combine(results, `rotated within ${params.maxAgeDays} days`, { ageDays: oldest });
}

export const envSecretsCheck = defineCheck({
  id: 'env-secrets',
  measures: 'environment',
  proves:
    'The named variables are set in the environment of the run and strong (length, entropy, provider format; a connection URL on localhost is a CI or development value and fails); with `mode=rotated`, the GitHub secret was updated within `maxAgeDays`. Skipped (not applicable) when the app neither lists the variable in its `.env.example` nor reads it in its sources. Values are never printed.',
  title: 'Required secrets are set, well-formed and strong (values never printed)',
  params: ParamsSchema,
  async run(params, ctx): Promise<CheckOutcome> {
    const wanted = namesOf(params);
    // A template's secret list is another app's: judge only the variables this app documents or reads.
    const known = await ctx.memo(`env-names:${ctx.repoDir}`, async () => envNames(ctx.repoDir));
    const names = wanted.filter((name) => known.documented.has(name) || known.read.has(name));
    if (names.length === 0) {
      const where = known.exampleFile ? `not in ${known.exampleFile}, ` : 'no .env.example, ';
      return {
        status: 'skipped',
        summary: `not applicable: the app does not use ${wanted.join(', ')} (${where}no process.env/import.meta.env read in its sources)`,
      };
    }
    const outcome =
      params.mode === 'rotated' ? await checkRotated(names, params, ctx) : checkPresent(names, params, ctx);
    const unused = wanted.filter((name) => !names.includes(name));
    if (unused.length === 0) return outcome;
    const note = `not judged (the app does not use them): ${unused.join(', ')}`;
    return { ...outcome, details: [outcome.details, note].filter(Boolean).join('\n') };
  },
});
