/** Reads coverage totals from istanbul's coverage-summary.json or an lcov.info file. */
import { z } from 'zod';

export const COVERAGE_METRICS = ['lines', 'branches', 'functions', 'statements'] as const;
export type CoverageMetric = (typeof COVERAGE_METRICS)[number];

export interface Counts {
  covered: number;
  total: number;
}

export type CoverageTotals = Partial<Record<CoverageMetric, Counts>>;

const CountsSchema = z.object({ total: z.number().min(0), covered: z.number().min(0) });
const IstanbulSummarySchema = z.object({
  total: z.object({
    lines: CountsSchema,
    statements: CountsSchema.optional(),
    functions: CountsSchema.optional(),
    branches: CountsSchema.optional(),
  }),
});

/** `coverage/coverage-summary.json` (istanbul `json-summary` reporter): the `total` block. */
export function parseIstanbulSummary(text: string): CoverageTotals {
  const { total } = IstanbulSummarySchema.parse(JSON.parse(text));
  const totals: CoverageTotals = {};
  for (const metric of COVERAGE_METRICS) {
    const counts = total[metric];
    if (counts) totals[metric] = { covered: counts.covered, total: counts.total };
  }
  return totals;
}

const LCOV_KEYS: Record<string, [CoverageMetric, keyof Counts]> = {
  LH: ['lines', 'covered'],
  LF: ['lines', 'total'],
  BRH: ['branches', 'covered'],
  BRF: ['branches', 'total'],
  FNH: ['functions', 'covered'],
  FNF: ['functions', 'total'],
};

/** lcov.info: sums the per-file LH/LF, BRH/BRF, FNH/FNF records. lcov has no statement counts. */
export function parseLcov(text: string): CoverageTotals {
  const totals: CoverageTotals = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^(LH|LF|BRH|BRF|FNH|FNF):(\d+)\s*$/.exec(line);
    const key = m ? LCOV_KEYS[m[1] ?? ''] : undefined;
    if (!m || !key) continue;
    const [metric, field] = key;
    const counts = totals[metric] ?? { covered: 0, total: 0 };
    counts[field] += Number(m[2]);
    totals[metric] = counts;
  }
  return totals;
}
