import type { Finding } from '../src/core/template/model.js';
import { type CheckContext, type CheckOutcome, defineCheck } from './check.js';
import { type EnvSecretsParams, envSecretsContract } from './contracts/env-secrets.js';
import { envNames } from './lib/detect/env-names.js';
import { assessSecret, type StrengthReport } from './lib/env/env-secret-strength.js';
import { FORMAT_BY_NAME } from './lib/secrets/formats.js';
import { lookupSecretUpdate } from './lib/secrets/rotation.js';

type Params = EnvSecretsParams;

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
  ...envSecretsContract,
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
