import type { Finding } from '../../../src/core/template/model.js';
import type { LhciConfig } from './lhci-config.js';
import { type AssertionResult, lhciAssertionResults } from './lhci-utils.js';

/** The audit (or category) each `metric=` of the lighthouse check reads. */
export const METRIC_AUDIT = {
  performance: 'categories:performance',
  lcp: 'largest-contentful-paint',
  cls: 'cumulative-layout-shift',
  ttfb: 'server-response-time',
  fid: 'max-potential-fid',
  'console-errors': 'errors-in-console',
} as const;
export type AuditMetric = keyof typeof METRIC_AUDIT;

/** `categories.performance` and `categories:performance` name the same assertion (lhci reads both). */
const normalizeKey = (key: string) => key.replace(/\./g, ':');

/** How the rc's own `assertions` (not its preset) treat one audit: its level and options, if it names it. */
export function explicitAssertion(
  config: LhciConfig,
  metric: AuditMetric,
): { key: string; level: 'off' | 'warn' | 'error' } | undefined {
  const wanted = METRIC_AUDIT[metric];
  for (const [key, value] of Object.entries(config.assert?.assertions ?? {})) {
    if (normalizeKey(key) !== wanted) continue;
    const level = typeof value === 'string' ? value : value[0];
    return { key, level };
  }
  return undefined;
}

export interface LhciVerdict {
  status: 'pass' | 'fail' | 'skipped';
  summary: string;
  findings: Finding[];
  results: AssertionResult[];
}

function formatValue(result: AssertionResult, value: number): string {
  if (Number.isNaN(value)) return 'no value';
  if (result.name === 'minScore') return String(Math.round(value * 100) / 100);
  if (result.auditId === 'cumulative-layout-shift') return String(Math.round(value * 1000) / 1000);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** `largest-contentful-paint maxNumericValue 3120.4 > 2500 (error)` */
export function describeAssertion(result: AssertionResult): string {
  const what = result.auditProperty ? `${result.auditId}.${result.auditProperty}` : result.auditId;
  const relation = result.passed ? result.operator : negate(result.operator);
  return `${what} ${result.name} ${formatValue(result, result.actual)} ${relation} ${formatValue(result, result.expected)} (${result.level})`;
}

function negate(operator: string): string {
  return { '>=': '<', '<=': '>', '==': '≠' }[operator] ?? `not ${operator}`;
}

function urlPath(url: string): string {
  return URL.canParse(url) ? new URL(url).pathname : url;
}

/**
 * `lhci assert` on the runs: lhci's engine decides every assertion; the verdict fails exactly when
 * lhci assert would exit non-zero (an `error`-level assertion failed). Warnings are listed, not failed.
 */
export function lhciVerdict(config: LhciConfig, lhrs: readonly unknown[], only?: AuditMetric): LhciVerdict {
  const assert = config.assert ?? {};
  const all = lhciAssertionResults({ ...assert }, lhrs);
  const wanted = only ? METRIC_AUDIT[only] : undefined;
  const results = wanted
    ? all.filter((result) =>
        wanted.startsWith('categories:')
          ? result.auditId === 'categories' && `categories:${result.auditProperty}` === wanted
          : result.auditId === wanted,
      )
    : all;
  const errors = results.filter((result) => !result.passed && result.level === 'error');
  const warnings = results.filter((result) => !result.passed && result.level === 'warn');
  const findings = [...errors, ...warnings].map((result) => ({
    message: `${describeAssertion(result)} at ${urlPath(result.url)}`,
  }));
  const source = [config.file, assert.preset && `preset ${assert.preset}`].filter(Boolean).join(', ');
  const counted = `${results.length} assertion result${results.length === 1 ? '' : 's'}`;
  // No result at all cannot pass: nothing was judged.
  if (results.length === 0)
    return {
      status: 'skipped',
      summary: `lhci asserted nothing${wanted ? ` for ${wanted}` : ''} on these runs (${source})`,
      findings,
      results,
    };
  if (only) {
    const first = errors[0] ?? warnings[0] ?? results[0];
    const reading = first ? describeAssertion(first) : `no result for ${wanted}`;
    const warned = errors.length === 0 && warnings.length > 0 ? ' — a warning: lhci assert passes it' : '';
    return {
      status: errors.length > 0 ? 'fail' : 'pass',
      summary: `${reading}${warned} (limit from ${source})`,
      findings,
      results,
    };
  }
  const summary =
    errors.length > 0
      ? `lhci assert fails: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} of ${counted} (${source}); first: ${describeAssertion(errors[0] as AssertionResult)}`
      : `lhci assert passes: 0 errors, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} of ${counted} (${source})`;
  return { status: errors.length > 0 ? 'fail' : 'pass', summary, findings, results };
}
