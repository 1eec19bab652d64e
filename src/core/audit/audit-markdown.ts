import { escapeInline } from '../escape.js';
import type { AuditItem, AuditRecord } from './audit-record.js';
import {
  actorOf,
  CONCLUSION_LABEL,
  eventView,
  formatWhen,
  itemLabel,
  itemTexts,
  noteOf,
  outcomeView,
  sectionsOf,
  shortSha,
} from './audit-view.js';

/**
 * The audit record as Markdown, for a release body, a tag annotation or an artifact. Every
 * user-controlled string goes through escapeInline (no HTML, no pings) and table cells also
 * escape `|`. Logins are written without `@` so that publishing the record notifies nobody.
 */
export function renderAuditMarkdown(record: AuditRecord): string {
  const text = itemTexts(record);
  const out: string[] = [
    `# Audit record: ${esc(record.repo)} #${record.pr.number}`,
    '',
    `**${esc(record.pr.title)}** by ${esc(record.pr.author)}`,
    '',
    `- Checklist: ${esc(record.title)}`,
    `- Commit: \`${esc(record.sha)}\`${record.pr.mergeCommitSha ? ` · merged as \`${esc(record.pr.mergeCommitSha)}\`` : ''}`,
    `- Generated: ${when(record.generatedAt)}`,
    `- Gate (${record.gate.phase}): **${CONCLUSION_LABEL[record.gate.conclusion]}** · ${esc(record.gate.summary)}`,
  ];
  const emergency = record.emergency;
  if (emergency)
    out.push(
      '',
      '## 🚨 Emergency change (break-glass)',
      '',
      `- By ${esc(emergency.by)} at ${when(emergency.at)}: ${esc(emergency.reason)}`,
      `- Skipped: ${emergency.skipped.map((id) => esc(text(id))).join('; ') || 'nothing'}`,
      `- Post-review due ${when(emergency.due)}: **${esc(emergency.review)}**${emergency.missing.length > 0 ? ` (missing: ${emergency.missing.map((id) => esc(text(id))).join('; ')})` : ''}`,
    );
  if (record.signals && record.signals.length > 0)
    out.push(
      '',
      '## Rubber-stamp signals (not blocking)',
      '',
      ...record.signals.map((signal) => `- ${esc(signal)}`),
    );
  for (const section of sectionsOf(record)) {
    out.push(
      '',
      `## ${esc(section.title)}`,
      '',
      '| Item | Status | By | When | Evidence |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const item of section.items) out.push(itemRow(item));
    const findings = section.items.flatMap((item) =>
      (item.evidence?.findings ?? []).map((finding) => {
        const where = finding.file
          ? `\`${esc(finding.file)}${finding.line ? `:${finding.line}` : ''}\` `
          : '';
        const commit = finding.commit ? `(commit \`${esc(shortSha(finding.commit))}\`) ` : '';
        return `- ${esc(itemLabel(item))}: ${where}${commit}${esc(finding.message)}`;
      }),
    );
    if (findings.length > 0) out.push('', 'Findings:', '', ...findings);
  }

  // dry runs (items and window metrics) never gate: listed with their outcome, for the record
  const dryItems = record.items.filter((item) => item.dryRun);
  const dryMetrics = record.events.flatMap((event) =>
    event.t === 'result' && event.summary.includes('[dry run]')
      ? [`- ${when(event.at)} · ${esc(text(event.item))}: ${esc(event.summary)}`]
      : [],
  );
  if (dryItems.length + dryMetrics.length > 0) {
    out.push('', `## Dry runs (${dryItems.length + dryMetrics.length})`, '');
    for (const item of dryItems)
      out.push(
        `- ${esc(itemLabel(item))}: ${item.state.status ?? 'not judged'}${item.state.summary ? ` — ${esc(item.state.summary)}` : ''}`,
      );
    out.push(...dryMetrics);
  }

  const rejected = record.events.filter((event) => event.t === 'reject');
  out.push('', `## Rejected attempts (${rejected.length + (record.compacted?.rejected ?? 0)})`, '');
  if (rejected.length === 0 && !record.compacted?.rejected) out.push('None.');
  for (const event of rejected) {
    const view = eventView(event, text);
    out.push(
      `- ${when(view.at)} · ${esc(view.by ?? '')} tried to change “${esc(view.items.join(', '))}” at \`${esc(shortSha(view.sha))}\`: ${esc(view.detail ?? '')}`,
    );
  }
  if (record.compacted?.rejected)
    out.push(`- …and ${record.compacted.rejected} earlier (folded into the ledger base)`);

  out.push('', `## History (${record.events.length} events)`, '');
  if (record.compacted)
    out.push(`${record.compacted.count} earlier events were folded into the signed ledger base.`, '');
  record.events.forEach((event, index) => {
    const view = eventView(event, text);
    const by = view.by ? ` by ${esc(view.by)}` : '';
    const detail = view.detail ? `: ${esc(view.detail)}` : '';
    out.push(
      `${index + 1}. ${when(view.at)} · ${view.action}${by} · ${esc(view.items.join(', '))}${detail} (\`${esc(shortSha(view.sha))}\`)`,
    );
  });

  out.push(
    '',
    '---',
    '',
    `Ledger head \`${esc(record.ledgerHead)}\` · schema \`${record.schema}\``,
    '',
    `Signature (HMAC-SHA256 over the canonical JSON record): \`${esc(record.signature)}\``,
  );
  return `${out.join('\n')}\n`;
}

function itemRow(item: AuditItem): string {
  const outcome = outcomeView(item);
  const note = noteOf(item);
  const findings = item.evidence?.findings.length ?? 0;
  const evidence = [
    note ? esc(note) : '',
    findings > 0 ? `(${findings} finding${findings === 1 ? '' : 's'})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `| ${esc(itemLabel(item))} | ${outcome.icon} ${outcome.label} | ${esc(actorOf(item) ?? '')} | ${when(item.state.at)} | ${evidence} |`;
}

/** escapeInline plus `|`, which would otherwise split a table cell. */
function esc(text: string): string {
  return escapeInline(text, 300).replace(/\|/g, '\\|');
}

function when(at: string | undefined): string {
  return esc(formatWhen(at));
}
