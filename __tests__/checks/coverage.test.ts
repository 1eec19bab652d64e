import { afterAll, describe, expect, it } from '@jest/globals';
import { coverageCheck } from '../../checks/coverage.js';
import { removeDirs, repoContext, tempDir, writeFiles } from '../helpers/repo-temp.js';

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

function project(files: Record<string, string>): string {
  const dir = tempDir('shipgate-coverage-');
  dirs.push(dir);
  writeFiles(dir, files);
  return dir;
}

const run = (dir: string, params: Record<string, unknown> = {}) =>
  coverageCheck.run(coverageCheck.params.parse(params), repoContext(dir));

const counts = (covered: number, total: number) => ({
  total,
  covered,
  skipped: 0,
  pct: total ? (covered / total) * 100 : 'Unknown',
});
const summary = JSON.stringify({
  total: {
    lines: counts(842, 1000),
    statements: counts(850, 1000),
    functions: counts(90, 100),
    branches: counts(120, 200),
  },
  'src/a.ts': { lines: counts(1, 1) },
});
const lcov = [
  'TN:',
  'SF:src/a.ts',
  'FNF:4',
  'FNH:3',
  'LF:100',
  'LH:80',
  'BRF:10',
  'BRH:5',
  'end_of_record',
  'SF:src/b.ts',
  'FNF:1',
  'FNH:1',
  'LF:50',
  'LH:40',
  'BRF:0',
  'BRH:0',
  'end_of_record',
].join('\n');

describe('coverage check', () => {
  it('passes on an istanbul summary above the threshold', async () => {
    expect(await run(project({ 'coverage/coverage-summary.json': summary }))).toMatchObject({
      status: 'pass',
      summary: '84.2% lines ≥ 70%',
      metrics: { pct: 84.2, covered: 842, total: 1000, min: 70 },
    });
  });

  it('fails below the threshold for the chosen metric', async () => {
    expect(
      await run(project({ 'coverage/coverage-summary.json': summary }), { metric: 'branches' }),
    ).toMatchObject({
      status: 'fail',
      summary: '60.0% branches < 70%',
      findings: [{ file: 'coverage/coverage-summary.json' }],
    });
  });

  it('sums lcov records', async () => {
    const dir = project({ 'coverage/lcov.info': lcov });
    expect((await run(dir)).summary).toBe('80.0% lines ≥ 70%');
    expect((await run(dir, { metric: 'functions', min: '90' })).summary).toBe('80.0% functions < 90%');
    expect((await run(dir, { metric: 'branches', min: 50 })).summary).toBe('50.0% branches ≥ 50%');
  });

  it('reads the file parameter', async () => {
    const dir = project({ 'reports/cov.lcov': lcov });
    expect((await run(dir, { file: 'reports/cov.lcov', min: 81 })).summary).toBe('80.0% lines < 81%');
  });

  it('is skipped without a report, without counts, or with nothing instrumented', async () => {
    expect(await run(project({}))).toEqual({
      status: 'skipped',
      summary:
        'no coverage report (tried coverage/coverage-summary.json, coverage/lcov.info, coverage/cobertura-coverage.xml, coverage.xml, coverage/coverage.xml, target/site/jacoco/jacoco.xml, build/reports/jacoco/test/jacocoTestReport.xml, coverage.out): run the tests with coverage first',
    });
    const dir = project({ 'coverage/lcov.info': lcov });
    expect((await run(dir, { metric: 'statements' })).summary).toBe(
      'coverage/lcov.info has no statements counts',
    );
    const empty = project({
      'coverage/coverage-summary.json': JSON.stringify({ total: { lines: counts(0, 0) } }),
    });
    expect((await run(empty)).summary).toBe(
      'coverage/coverage-summary.json counts 0 lines: nothing was instrumented',
    );
  });
});

describe('coverage of other stacks through the check', () => {
  it('judges a Go cover profile on statements when lines are asked for, and says so', async () => {
    const dir = project({
      'coverage.out': 'mode: set\nexample.com/a/a.go:1.1,2.2 3 1\nexample.com/a/a.go:3.1,4.2 1 0\n',
    });
    const outcome = await run(dir);
    expect([outcome.status, outcome.summary]).toEqual([
      'pass',
      '75.0% statements ≥ 70% (coverage.out counts statements, not lines)',
    ]);
  });

  it('reads a JaCoCo report where Maven writes it', async () => {
    const dir = project({
      'target/site/jacoco/jacoco.xml':
        '<?xml version="1.0"?><report name="x"><sessioninfo id="s" start="1" dump="2"/><counter type="LINE" missed="40" covered="60"/></report>',
    });
    const outcome = await run(dir);
    expect([outcome.status, outcome.summary]).toEqual(['fail', '60.0% lines < 70%']);
  });
});
