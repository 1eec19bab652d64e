import type { CheckStatus, ItemResult } from '../core/template/model.js';
import { paint } from './color.js';

export const STATUS_ICON: Record<CheckStatus, string> = { pass: '✓', fail: '✗', skipped: '-', error: '!' };

/** One progress line: "✓ bundle-size  Main bundle < 80KB — main 61.2 kB gzip ≤ 80 kB (1.2 s)". */
export function progressLine(result: ItemResult, color = false): string {
  const seconds = result.durationMs === undefined ? '' : ` (${(result.durationMs / 1000).toFixed(1)} s)`;
  return `${paint(result.status, STATUS_ICON[result.status], color)} ${result.check.padEnd(13)} ${result.text} — ${result.summary}${seconds}`;
}

/** The closing table: status, check, item, summary; columns fitted to the terminal width. */
export function resultsTable(results: readonly ItemResult[], width = 120, color = false): string {
  const rows = results.map((result) => [
    result.status.toUpperCase(),
    result.check,
    result.text,
    result.summary,
  ]);
  const header = ['STATUS', 'CHECK', 'ITEM', 'RESULT'];
  const widths = [7, Math.max(5, ...rows.map((row) => row[1]?.length ?? 0)), 0, 0];
  const itemWidth = Math.min(40, Math.max(4, ...rows.map((row) => row[2]?.length ?? 0)));
  widths[2] = itemWidth;
  widths[3] = Math.max(20, width - (widths[0] ?? 0) - (widths[1] ?? 0) - itemWidth - 6);
  const fitCell = (text: string, size: number) =>
    text.length > size ? `${text.slice(0, size - 1)}…` : text.padEnd(size);
  // Coloured after fitting, so escape codes never count toward a column's width.
  const line = (row: string[], status?: CheckStatus) =>
    row
      .map((cell, index) => {
        const fitted = fitCell(cell, widths[index] ?? 10);
        return index === 0 && status ? paint(status, fitted, color) : fitted;
      })
      .join('  ')
      .trimEnd();
  return [
    line(header),
    line(widths.map((size) => '-'.repeat(size ?? 0))),
    ...rows.map((row, index) => line(row, results[index]?.status)),
  ].join('\n');
}

/** "42 checks: 38 pass, 1 fail, 3 skipped, 0 error" */
export function countLine(results: readonly ItemResult[]): string {
  const count = (status: CheckStatus) => results.filter((result) => result.status === status).length;
  return `${results.length} checks: ${count('pass')} pass, ${count('fail')} fail, ${count('skipped')} skipped, ${count('error')} error`;
}
