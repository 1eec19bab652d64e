import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type CheckOutcome, defineCheck } from './check.js';
import {
  COVERAGE_METRICS,
  type CoverageTotals,
  parseIstanbulSummary,
  parseLcov,
} from './lib/coverage/coverage-report.js';

const DEFAULT_FILES = ['coverage/coverage-summary.json', 'coverage/lcov.info'];

const ParamsSchema = z
  .object({
    /** Coverage report relative to the checked directory (`.json` = istanbul summary, else lcov). */
    file: z.string().min(1).optional(),
    metric: z.enum(COVERAGE_METRICS).default('lines'),
    /** Minimum percentage. */
    min: z.coerce.number().min(0).max(100).default(70),
  })
  .strict();

async function loadTotals(
  dir: string,
  files: readonly string[],
): Promise<{ file: string; totals: CoverageTotals } | undefined> {
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(path.join(dir, file), 'utf8');
    } catch {
      continue;
    }
    try {
      return {
        file,
        totals: file.toLowerCase().endsWith('.json') ? parseIstanbulSummary(text) : parseLcov(text),
      };
    } catch (error) {
      // a truncated or foreign JSON file: say which file, not a stack trace
      throw new Error(
        `cannot read ${file}: ${error instanceof SyntaxError ? error.message : 'not an istanbul json-summary report'}`,
      );
    }
  }
  return undefined;
}

export const coverageCheck = defineCheck({
  id: 'coverage',
  measures: 'build',
  proves:
    'The coverage report (`file`, else `coverage/coverage-summary.json` or `coverage/lcov.info`) shows `metric` ≥ `min`%. Skipped when there is no report (run the tests with coverage first). Does not prove the tests assert anything.',
  title: 'Test coverage meets the threshold',
  params: ParamsSchema,
  async run(params, ctx): Promise<CheckOutcome> {
    const tried = params.file ? [params.file] : DEFAULT_FILES;
    const report = await loadTotals(ctx.repoDir, tried);
    if (!report) {
      return {
        status: 'skipped',
        summary: `no coverage report (tried ${tried.join(', ')}): run the tests with coverage first`,
      };
    }
    const counts = report.totals[params.metric];
    if (!counts) {
      return { status: 'skipped', summary: `${report.file} has no ${params.metric} counts` };
    }
    if (counts.total === 0) {
      return {
        status: 'skipped',
        summary: `${report.file} counts 0 ${params.metric}: nothing was instrumented`,
      };
    }
    const pct = (counts.covered / counts.total) * 100;
    const ok = pct >= params.min;
    return {
      status: ok ? 'pass' : 'fail',
      summary: `${pct.toFixed(1)}% ${params.metric} ${ok ? '≥' : '<'} ${params.min}%`,
      details: `${counts.covered} of ${counts.total} ${params.metric} covered, from ${report.file}`,
      findings: ok
        ? []
        : [
            {
              file: report.file,
              message: `${params.metric} coverage ${pct.toFixed(1)}% is below ${params.min}%`,
            },
          ],
      metrics: { pct: Number(pct.toFixed(2)), covered: counts.covered, total: counts.total, min: params.min },
    };
  },
});
