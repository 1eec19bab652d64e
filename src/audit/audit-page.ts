import type { AuditItem, AuditRecord } from '../core/audit/audit-record.js';
import {
  actorOf,
  CONCLUSION_LABEL,
  eventView,
  formatWhen,
  itemLabel,
  itemTexts,
  noteOf,
  outcomeView,
  type SectionView,
  sectionsOf,
  shortSha,
  type Tone,
} from '../core/audit/audit-view.js';
import { escapeHtml as h, htmlDocument } from './html.js';

export interface AuditPageOptions {
  /** Result of checking the record's signature, shown in the header. */
  signature?: 'verified' | 'invalid';
  /** Login the signed link was issued to. */
  viewer?: string;
  linkExpiresAt?: Date;
}

// Symbols every system font has (no emoji font needed), always next to a word: status is never colour alone.
const SYMBOL: Record<Tone, string> = {
  done: '✓',
  waived: '≈',
  failing: '✗',
  waiting: '○',
  pending: '…',
  skipped: '↷',
  optional: '–',
};

/** The complete audit page: self-contained HTML, no scripts, no external assets, every user string escaped. */
export function renderAuditPage(record: AuditRecord, options: AuditPageOptions = {}): string {
  const sections = sectionsOf(record);
  const groups = groupSections(sections);
  const title = `Audit record · ${record.repo} #${record.pr.number}`;
  const body = `<a class="skip" href="#main">Skip to content</a>
<header>
<p class="brand">shipgate audit record</p>
<h1>${h(record.repo)} #${record.pr.number}: ${h(record.pr.title)}</h1>
${options.signature === 'invalid' ? '<p class="alert" role="alert">Warning: the signature of this record does not verify. It was altered or signed with another key; do not rely on it.</p>' : ''}
<p class="gate gate-${record.gate.conclusion}"><strong>Gate (${h(record.gate.phase)}): ${CONCLUSION_LABEL[record.gate.conclusion]}</strong> · ${h(record.gate.summary)}</p>
<dl class="facts">
<dt>Checklist</dt><dd>${h(record.title)}</dd>
<dt>Author</dt><dd>${h(record.pr.author)}</dd>
<dt>Commit</dt><dd><code>${h(record.sha)}</code></dd>
${record.pr.mergeCommitSha ? `<dt>Merged as</dt><dd><code>${h(record.pr.mergeCommitSha)}</code></dd>` : ''}
<dt>Generated</dt><dd>${time(record.generatedAt)}</dd>
<dt>Signature</dt><dd>${options.signature === 'verified' ? 'Verified (HMAC-SHA256)' : options.signature === 'invalid' ? 'Does not verify' : 'Not checked'}</dd>
${options.viewer ? `<dt>Link issued to</dt><dd>${h(options.viewer)}${options.linkExpiresAt ? `, valid until ${time(options.linkExpiresAt.toISOString())}` : ''}</dd>` : ''}
</dl>
</header>
<nav aria-label="Sections"><ul>
<li><a href="#summary">Summary</a></li>
${groups.map((group, index) => `<li><a href="#group-${index + 1}">${h(group.name)}</a></li>`).join('\n')}
<li><a href="#rejected">Rejected attempts</a></li>
<li><a href="#history">History</a></li>
</ul></nav>
<main id="main">
${summarySection(record)}
${governanceSection(record)}
${groups.map((group, index) => groupSection(group, index + 1)).join('\n')}
${rejectedSection(record)}
${historySection(record)}
</main>
<footer>
<p>Ledger head <code>${h(record.ledgerHead)}</code> · schema <code>${h(record.schema)}</code></p>
<p>Signature (HMAC-SHA256 over the canonical JSON record): <code>${h(record.signature)}</code></p>
</footer>`;
  return htmlDocument(title, body);
}

/** A break-glass and its review, and the rubber-stamp signals: only when the record has them. */
function governanceSection(record: AuditRecord): string {
  const { emergency, signals = [] } = record;
  if (!emergency && signals.length === 0) return '';
  const parts: string[] = [];
  if (emergency) {
    const tone =
      emergency.review === 'reviewed'
        ? 'done'
        : emergency.review.startsWith('pending')
          ? 'pending'
          : 'failing';
    parts.push(`<p class="alert" role="note">Emergency change (break-glass) by ${h(emergency.by)} at ${time(emergency.at)}: ${h(emergency.reason)}</p>
<dl class="facts">
<dt>Skipped</dt><dd>${h(emergency.skipped.join(', ') || 'nothing')}</dd>
<dt>Review due</dt><dd>${time(emergency.due)}</dd>
<dt>Review</dt><dd><span class="badge t-${tone}">${h(emergency.review)}</span>${emergency.missing.length > 0 ? ` missing: ${h(emergency.missing.join(', '))}` : ''}</dd>
</dl>`);
  }
  if (signals.length > 0)
    parts.push(`<h3>Rubber-stamp signals (not blocking)</h3>
<ul>${signals.map((signal) => `<li>${h(signal)}</li>`).join('')}</ul>`);
  return `<section aria-labelledby="governance"><h2 id="governance">Governance</h2>
${parts.join('\n')}
</section>`;
}

function summarySection(record: AuditRecord): string {
  const gated = record.items.filter((item) => item.required && item.phase === record.gate.phase);
  const count = (...tones: Tone[]) => gated.filter((item) => tones.includes(outcomeView(item).tone)).length;
  const later = record.items.filter((item) => item.required && item.phase !== record.gate.phase).length;
  const rejected =
    record.events.filter((event) => event.t === 'reject').length + (record.compacted?.rejected ?? 0);
  const facts: [number, string][] = [
    [record.gate.done, 'done'],
    [count('waived'), 'of them waived'],
    [count('failing'), 'failing'],
    [count('waiting', 'pending', 'skipped'), 'not done'],
    [rejected, 'rejected attempts'],
  ];
  return `<section aria-labelledby="summary"><h2 id="summary">Summary</h2>
<p>${record.gate.done} of ${record.gate.required} required ${h(record.gate.phase)} items are done for commit <code>${h(shortSha(record.sha))}</code>.${later > 0 ? ` ${later} required items of a later phase are checked after the deploy and are not part of this gate.` : ''}</p>
<ul class="counts">${facts.map(([n, label]) => `<li><strong>${n}</strong> ${label}</li>`).join('')}</ul>
</section>`;
}

interface Group {
  name: string;
  sections: SectionView[];
}

function groupSections(sections: readonly SectionView[]): Group[] {
  const groups: Group[] = [];
  for (const section of sections) {
    const last = groups.at(-1);
    if (last?.name === section.group) last.sections.push(section);
    else groups.push({ name: section.group, sections: [section] });
  }
  return groups;
}

function groupSection(group: Group, index: number): string {
  const tables = group.sections.map((section) => {
    const caption = section.items[0]?.section.slice(1).join(' › ') || section.title;
    return `<table class="items">
<caption>${h(caption)}</caption>
<colgroup><col class="c-item"><col class="c-status"><col class="c-by"><col class="c-when"><col></colgroup>
<thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col">By</th><th scope="col">When</th><th scope="col">Evidence and notes</th></tr></thead>
<tbody>
${section.items.map(itemRow).join('\n')}
</tbody>
</table>`;
  });
  return `<section aria-labelledby="group-${index}"><h2 id="group-${index}">${h(group.name)}</h2>
${tables.join('\n')}
</section>`;
}

function itemRow(item: AuditItem): string {
  const outcome = outcomeView(item);
  const note = noteOf(item);
  const kind =
    item.kind === 'auto'
      ? `automated: ${item.check ?? ''}`
      : item.kind === 'signoff'
        ? `sign-off: ${item.role ?? ''}`
        : 'manual';
  const findings = item.evidence?.findings ?? [];
  const evidence = [
    note ? `<p class="note">${h(note)}</p>` : '',
    item.evidence
      ? `<p class="meta">${h(item.evidence.check)} on <code>${h(shortSha(item.evidence.sha))}</code></p>`
      : '',
    findings.length > 0
      ? `<ul class="findings" aria-label="Findings">${findings
          .map((finding) => {
            const where = finding.file
              ? `<code>${h(finding.file)}${finding.line ? `:${finding.line}` : ''}</code> `
              : '';
            const commit = finding.commit ? `(commit <code>${h(shortSha(finding.commit))}</code>) ` : '';
            return `<li>${where}${commit}${h(finding.message)}</li>`;
          })
          .join('')}</ul>`
      : '',
  ].join('');
  const by = actorOf(item);
  return `<tr><th scope="row">${h(itemLabel(item))}<br><span class="meta">${h(kind)}${item.required ? '' : ' · optional'} · ${h(item.phase)}</span></th>
<td><span class="badge t-${outcome.tone}">${SYMBOL[outcome.tone]} ${outcome.label}</span></td>
<td>${by ? h(by) : '<span class="meta">nobody</span>'}</td>
<td class="when">${item.state.at ? time(item.state.at) : ''}${item.state.sha ? `<br><code>${h(shortSha(item.state.sha))}</code>` : ''}</td>
<td>${evidence}</td></tr>`;
}

function rejectedSection(record: AuditRecord): string {
  const text = itemTexts(record);
  const rejected = record.events
    .filter((event) => event.t === 'reject')
    .map((event) => eventView(event, text));
  const folded = record.compacted?.rejected ?? 0;
  const rows = rejected.map(
    (view) =>
      `<tr><td class="when">${time(view.at)}</td><td>${h(view.by ?? '')}</td><th scope="row">${h(view.items.join(', '))}</th><td>${h(view.detail ?? '')}</td><td><code>${h(shortSha(view.sha))}</code></td></tr>`,
  );
  return `<section aria-labelledby="rejected"><h2 id="rejected">Rejected attempts</h2>
${
  rows.length === 0
    ? '<p>No rejected attempts are itemised in the ledger.</p>'
    : `<table>
<caption>Changes shipgate refused and reverted (${rows.length})</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Item</th><th scope="col">Why refused</th><th scope="col">Commit</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
}
${folded > 0 ? `<p>${folded} earlier rejected attempts were folded into the signed ledger base.</p>` : ''}
</section>`;
}

function historySection(record: AuditRecord): string {
  const text = itemTexts(record);
  const rows = record.events.map((event, index) => {
    const view = eventView(event, text);
    return `<tr${view.rejected ? ' class="rejected"' : ''}><td>${index + 1}</td><td class="when">${time(view.at)}</td><td>${view.rejected ? '<strong>Rejected attempt</strong>' : h(view.action)}</td><td>${h(view.by ?? '')}</td><th scope="row">${h(view.items.join(', '))}</th><td>${h(view.detail ?? '')}</td><td><code>${h(shortSha(view.sha))}</code></td></tr>`;
  });
  return `<section aria-labelledby="history"><h2 id="history">History</h2>
${record.compacted ? `<p>${record.compacted.count} earlier events were folded into the signed ledger base; the table lists the rest.</p>` : ''}
<table>
<caption>Every ledger event in order (${rows.length})</caption>
<thead><tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Event</th><th scope="col">By</th><th scope="col">Item</th><th scope="col">Detail</th><th scope="col">Commit</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

function time(at: string): string {
  return `<time datetime="${h(at)}">${h(formatWhen(at))}</time>`;
}
