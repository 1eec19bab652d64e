import { escapeInline } from '../core/escape.js';
import type { CheckStatus, ItemResult, Phase } from '../core/template/model.js';
import { utf8Length } from '../core/utf8.js';
import { countLine } from '../report/report-text.js';
import { formatFigures } from './figures.js';

const STATUS_BADGE: Record<CheckStatus, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  skipped: '⏭️ skipped',
  error: '⚠️ error',
};

/** GitHub's limit for a check run's output.summary (422 beyond) and output.text (cut beyond), in UTF-8 bytes. */
export const CHECK_OUTPUT_LIMIT = 65_535;

/** A table cell: one line, no HTML, no mentions, pipes escaped so the row stays intact. */
function cell(text: string, max = 300): string {
  return escapeInline(text, max).replace(/\|/g, '\\|');
}

function row(result: ItemResult): string {
  const seconds = result.durationMs === undefined ? '' : `${(result.durationMs / 1000).toFixed(1)} s`;
  return `| ${STATUS_BADGE[result.status]} | ${cell(result.text, 120)} | \`${cell(result.check, 60)}\` | ${cell(result.summary)} | ${cell(formatFigures(result.metrics))} | ${seconds} |`;
}

/**
 * The human-readable report: a heading, the counts, and one table row per item with its status,
 * the check's one-line summary, its figures (sizes vs budgets, scores, p95s) and duration.
 * Rows past `limit` characters are left out with a note, so it fits a check run summary.
 */
export function resultsMarkdown(
  results: readonly ItemResult[],
  phase: Phase,
  limit = CHECK_OUTPUT_LIMIT,
): string {
  const head = [
    `### shipgate: ${phase} checks`,
    '',
    results.length
      ? `${countLine(results)}`
      : 'No automated items matched (check the `only` and `phase` inputs).',
    '',
  ];
  if (!results.length) return `${head.join('\n')}\n`;
  const table = [
    '| Status | Item | Check | Result | Figures | Time |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  let text = [...head, ...table].join('\n');
  for (const [index, result] of results.entries()) {
    const line = `\n${row(result)}`;
    const note = `\n\n…and ${results.length - index} more item(s); see the check run text or the \`results\` output.\n`;
    if (utf8Length(text) + utf8Length(line) + utf8Length(note) > limit) return text + note;
    text += line;
  }
  return `${text}\n`;
}

/** "12 pass, 1 fail, 3 skipped, 0 error" style title for the check run. */
export function resultsTitle(results: readonly ItemResult[]): string {
  return results.length ? countLine(results) : 'no automated items ran';
}
