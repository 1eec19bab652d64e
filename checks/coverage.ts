import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type CheckOutcome, defineCheck } from './check.js';
import { coverageContract } from './contracts/coverage.js';
import { type CoverageTotals, parseCoverage } from './lib/coverage/coverage-report.js';

/** Where the usual tools write their reports: istanbul/c8, lcov, coverage.py and other Cobertura writers, JaCoCo (Maven, Gradle), Go's cover profile. */
export const DEFAULT_COVERAGE_FILES = [
  'coverage/coverage-summary.json',
  'coverage/lcov.info',
  'coverage/cobertura-coverage.xml',
  'coverage.xml',
  'coverage/coverage.xml',
  'target/site/jacoco/jacoco.xml',
  'build/reports/jacoco/test/jacocoTestReport.xml',
  'coverage.out',
];
const DEFAULT_FILES = DEFAULT_COVERAGE_FILES;

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
      return { file, totals: parseCoverage(file, text).totals };
    } catch (error) {
      // a truncated or foreign file: say which file, not a stack trace
      const why =
        error instanceof SyntaxError
          ? error.message
          : error instanceof Error && !('issues' in error)
            ? `not a coverage report (${error.message})`
            : 'not an istanbul json-summary report';
      throw new Error(`cannot read ${file}: ${why}`);
    }
  }
  return undefined;
}

export const coverageCheck = defineCheck({
  ...coverageContract,
  async run(params, ctx): Promise<CheckOutcome> {
    const tried = params.file ? [params.file] : DEFAULT_FILES;
    const report = await loadTotals(ctx.repoDir, tried);
    if (!report) {
      return {
        status: 'skipped',
        summary: `no coverage report (tried ${tried.join(', ')}): run the tests with coverage first`,
      };
    }
    // Go's cover profile counts statements only: the line budget is judged on them, and said so.
    const metric =
      params.metric === 'lines' && !report.totals.lines && report.totals.statements
        ? 'statements'
        : params.metric;
    const counts = report.totals[metric];
    if (!counts) {
      return { status: 'skipped', summary: `${report.file} has no ${params.metric} counts` };
    }
    if (counts.total === 0) {
      return {
        status: 'skipped',
        summary: `${report.file} counts 0 ${metric}: nothing was instrumented`,
      };
    }
    const pct = (counts.covered / counts.total) * 100;
    const ok = pct >= params.min;
    return {
      status: ok ? 'pass' : 'fail',
      summary: `${pct.toFixed(1)}% ${metric} ${ok ? '≥' : '<'} ${params.min}%${metric === params.metric ? '' : ` (${report.file} counts statements, not lines)`}`,
      details: `${counts.covered} of ${counts.total} ${metric} covered, from ${report.file}`,
      findings: ok
        ? []
        : [
            {
              file: report.file,
              message: `${metric} coverage ${pct.toFixed(1)}% is below ${params.min}%`,
            },
          ],
      metrics: { pct: Number(pct.toFixed(2)), covered: counts.covered, total: counts.total, min: params.min },
    };
  },
});
