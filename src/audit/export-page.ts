/**
 * The evidence pack as one self-contained HTML page (`shipgate audit export --format html`): the
 * period, how the records were verified and sampled, a summary table, then one section per
 * release with every column and the control it serves. No scripts, no external resources: it
 * opens from a file, prints, and can be attached to an audit.
 */
import { EXPORT_COLUMNS, type ExportRow } from '../core/audit/export-rows.js';
import { NOT_REVIEWED } from '../core/gate/governance.js';
import { escapeHtml, htmlDocument } from './html.js';

export interface ExportMeta {
  repo: string;
  since: string;
  until: string;
  generatedAt: string;
  /** Releases in the period (all verified) and, when sampled, how. */
  population: number;
  sample?: { n: number; seed: number };
}

const badge = (tone: string, text: string) => `<span class="badge t-${tone}">${escapeHtml(text)}</span>`;

function sodBadge(row: ExportRow): string {
  if (row.separationOfDuties.startsWith('held')) return badge('done', 'Held');
  if (row.separationOfDuties.startsWith('NOT')) return badge('failing', 'Not held');
  return badge('waiting', 'No sign-off');
}

function emergencyBadge(row: ExportRow): string {
  if (row.emergency === 'none') return badge('optional', 'No');
  if (row.emergency.includes(NOT_REVIEWED)) return badge('failing', 'Not reviewed');
  if (row.emergency.includes('review: reviewed')) return badge('waived', 'Reviewed');
  return badge('pending', 'Review pending');
}

export function renderExportPage(rows: readonly ExportRow[], meta: ExportMeta): string {
  const title = `Change evidence: ${meta.repo}, ${meta.since} to ${meta.until}`;
  const sampled = meta.sample
    ? `${rows.length} of ${meta.population} releases sampled at random with seed <code>${meta.sample.seed}</code> (reproduce with <code>--sample ${meta.sample.n} --seed ${meta.sample.seed}</code>)`
    : `all ${meta.population} releases of the period`;
  const summary = rows
    .map(
      (row) => `<tr>
<th scope="row"><a href="#pr-${row.number}">#${row.number}</a></th>
<td>${escapeHtml(row.version)}</td>
<td class="when">${escapeHtml(row.mergedAt)}</td>
<td>${escapeHtml(row.author)}</td>
<td>${escapeHtml(row.approvers)}</td>
<td>${sodBadge(row)}</td>
<td>${emergencyBadge(row)}</td>
<td>${row.rollback === 'none' ? badge('optional', 'No') : badge('pending', 'Yes')}</td>
<td>${row.signals === '—' ? badge('done', 'None') : badge('waiting', 'See details')}</td>
</tr>`,
    )
    .join('\n');
  const details = rows
    .map(
      (row) => `<section id="pr-${row.number}">
<h2>${escapeHtml(row.pr)}</h2>
<table class="items">
<caption>Evidence of #${row.number}</caption>
<colgroup><col class="c-item"><col><col class="c-control"></colgroup>
<thead><tr><th scope="col">Column</th><th scope="col">Evidence</th><th scope="col">Control</th></tr></thead>
<tbody>
${EXPORT_COLUMNS.map(
  (column) =>
    `<tr><th scope="row">${escapeHtml(column.title)}</th><td>${escapeHtml(row[column.key])
      .split('; ')
      .join('<br>')}</td><td class="meta">${escapeHtml(column.control)}</td></tr>`,
).join('\n')}
</tbody>
</table>
</section>`,
    )
    .join('\n');
  const legend = EXPORT_COLUMNS.map(
    (column) =>
      `<tr><th scope="row">${escapeHtml(column.title)}</th><td>${escapeHtml(column.control)}</td></tr>`,
  ).join('\n');
  return htmlDocument(
    title,
    `<a class="skip" href="#main">Skip to the releases</a>
<header>
<p class="brand">shipgate evidence pack</p>
<h1>${escapeHtml(title)}</h1>
<dl class="facts">
<dt>Repository</dt><dd><code>${escapeHtml(meta.repo)}</code></dd>
<dt>Period</dt><dd>${escapeHtml(meta.since)} to ${escapeHtml(meta.until)} (merge time, UTC)</dd>
<dt>Releases</dt><dd>${sampled}</dd>
<dt>Integrity</dt><dd>every release's signed audit record and ledger verified with the bot's key before export</dd>
<dt>Generated</dt><dd>${escapeHtml(meta.generatedAt)}</dd>
</dl>
</header>
<main id="main">
<table class="items">
<caption>Releases</caption>
<colgroup><col class="c-pr"><col class="c-version"><col class="c-when"><col class="c-author"><col><col class="c-sod"><col class="c-glass"><col class="c-rollback"><col class="c-signals"></colgroup>
<thead><tr><th scope="col">PR</th><th scope="col">Version</th><th scope="col">Merged</th><th scope="col">Author</th><th scope="col">Approvers (role)</th><th scope="col">Separation of duties</th><th scope="col">Break-glass</th><th scope="col">Rollback</th><th scope="col">Rubber-stamp signals</th></tr></thead>
<tbody>
${summary || '<tr><td colspan="9">No release was merged in this period.</td></tr>'}
</tbody>
</table>
${details}
<h2>Controls</h2>
<table>
<caption>What each column evidences</caption>
<thead><tr><th scope="col">Column</th><th scope="col">Control</th></tr></thead>
<tbody>
${legend}
</tbody>
</table>
</main>
<footer>Built by <code>shipgate audit export</code> from the merged release PRs' signed records read through the GitHub API.</footer>`,
  );
}
