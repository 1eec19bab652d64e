/** Reads coverage totals from istanbul's coverage-summary.json or an lcov.info file. */
import { z } from 'zod';
import { COVERAGE_METRICS } from '../../contracts/coverage.js';

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

/** An XML attribute's value on the first tag named `tag` (coverage reports are generated, not hand-written). */
function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
}

/**
 * Cobertura XML (coverage.py `coverage xml`, gocover-cobertura, simplecov-cobertura, istanbul's
 * `cobertura` reporter): the root `<coverage lines-valid lines-covered branches-valid branches-covered>`.
 * Cobertura has no function or statement totals.
 */
export function parseCobertura(text: string): CoverageTotals {
  const root = /<coverage\b[^>]*>/.exec(text)?.[0];
  if (!root) throw new Error('no <coverage> element');
  const totals: CoverageTotals = {};
  for (const [metric, kind] of [
    ['lines', 'lines'],
    ['branches', 'branches'],
  ] as const) {
    const total = Number(attribute(root, `${kind}-valid`));
    const covered = Number(attribute(root, `${kind}-covered`));
    if (Number.isFinite(total) && Number.isFinite(covered) && attribute(root, `${kind}-valid`) !== undefined)
      totals[metric] = { covered, total };
  }
  if (!totals.lines) throw new Error('the <coverage> element has no lines-valid/lines-covered');
  return totals;
}

const JACOCO_COUNTERS: Record<string, CoverageMetric> = {
  LINE: 'lines',
  BRANCH: 'branches',
  METHOD: 'functions',
  INSTRUCTION: 'statements',
};

/**
 * JaCoCo XML (`jacoco.xml`, Maven/Gradle): the report's own `<counter type missed covered>` rows,
 * the last ones in the file (package and class counters come before). INSTRUCTION stands for
 * statements: JaCoCo counts bytecode instructions, the nearest it has.
 */
export function parseJacoco(text: string): CoverageTotals {
  const end = text.lastIndexOf('</report>');
  if (end === -1 || !/<report\b/.test(text)) throw new Error('no <report> element');
  // The report-level counters follow the last closing </package> (or the sessioninfo when there is none).
  const start = Math.max(text.lastIndexOf('</package>'), text.lastIndexOf('<sessioninfo'), 0);
  const totals: CoverageTotals = {};
  for (const counter of text.slice(start, end).matchAll(/<counter\b[^>]*\/?>/g)) {
    const metric = JACOCO_COUNTERS[attribute(counter[0], 'type') ?? ''];
    const missed = Number(attribute(counter[0], 'missed'));
    const covered = Number(attribute(counter[0], 'covered'));
    if (metric && Number.isFinite(missed) && Number.isFinite(covered))
      totals[metric] = { covered, total: covered + missed };
  }
  if (!totals.lines) throw new Error('no report-level LINE counter');
  return totals;
}

/**
 * Go's own cover profile (`go test -coverprofile=coverage.out`): `file:a.b,c.d statements count`
 * blocks; a block is covered when its count is above 0. Go counts statements, not lines; a block
 * listed twice (several packages' tests) counts once, covered if any run covered it.
 */
export function parseGoCoverProfile(text: string): CoverageTotals {
  const lines = text.split(/\r?\n/);
  if (!/^mode: (?:set|count|atomic)\s*$/.test(lines[0] ?? '')) throw new Error('no "mode:" line');
  const blocks = new Map<string, { statements: number; covered: boolean }>();
  for (const line of lines.slice(1)) {
    const match = /^(.+:\d+\.\d+,\d+\.\d+) (\d+) (\d+)\s*$/.exec(line);
    if (!match?.[1]) continue;
    const previous = blocks.get(match[1]);
    const covered = Number(match[3]) > 0 || previous?.covered === true;
    blocks.set(match[1], { statements: Number(match[2]), covered });
  }
  let total = 0;
  let covered = 0;
  for (const block of blocks.values()) {
    total += block.statements;
    if (block.covered) covered += block.statements;
  }
  return { statements: { covered, total } };
}

export type CoverageFormat = 'istanbul' | 'lcov' | 'cobertura' | 'jacoco' | 'go';

/** The report's format, from its name and its first bytes. */
export function coverageFormat(file: string, text: string): CoverageFormat {
  if (file.toLowerCase().endsWith('.json')) return 'istanbul';
  const head = text.slice(0, 4096);
  if (/^mode: (?:set|count|atomic)\b/.test(head)) return 'go';
  if (/<!DOCTYPE report|<report\b/.test(head) && !/<coverage\b/.test(head)) return 'jacoco';
  if (/<coverage\b/.test(head)) return 'cobertura';
  return 'lcov';
}

/** Totals of a report in any of the four formats. */
export function parseCoverage(file: string, text: string): { format: CoverageFormat; totals: CoverageTotals } {
  const format = coverageFormat(file, text);
  const parse = {
    istanbul: parseIstanbulSummary,
    lcov: parseLcov,
    cobertura: parseCobertura,
    jacoco: parseJacoco,
    go: parseGoCoverProfile,
  };
  return { format, totals: parse[format](text) };
}
