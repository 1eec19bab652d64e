import { cutToUtf8, utf8Length } from '../utf8.js';
import type { AuditRecord } from './audit-record.js';

/** GitHub's limits in UTF-8 bytes: check run `output.text` (cut silently beyond) and a release body. */
export const CHECK_TEXT_LIMIT = 65_535;
export const RELEASE_BODY_LIMIT = 125_000;

const JSON_FENCE = '```json shipgate-audit';
export const AUDIT_START = '<!-- shipgate:audit -->';
export const AUDIT_END = '<!-- /shipgate:audit -->';

/** The signed record as a fenced block (verifiable: parse it and call verifyAuditRecord). */
export function auditJsonBlock(record: AuditRecord): string {
  return `${JSON_FENCE}\n${JSON.stringify(record)}\n\`\`\``;
}

/** Reads the signed record back from a check run text or a release body. */
export function readAuditJson(text: string | null | undefined): unknown {
  const start = text?.indexOf(JSON_FENCE) ?? -1;
  if (!text || start < 0) return undefined;
  const body = text.slice(start + JSON_FENCE.length);
  const end = body.indexOf('\n```');
  try {
    return JSON.parse(end >= 0 ? body.slice(0, end) : body) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The `shipgate` check run text on merge: the Markdown record, the signed JSON and the ledger mirror
 * (`tail`), within GitHub's 65,535 bytes. When it does not fit, the history is cut first, then the
 * JSON is left out whole with a note (it stays in the release and the audit page): GitHub would
 * otherwise cut the text mid-JSON and drop the ledger mirror at its end.
 */
export function auditCheckText(record: AuditRecord, markdown: string, tail: string): string {
  const json = auditJsonBlock(record);
  const join = (...parts: string[]) => `${parts.filter(Boolean).join('\n\n')}\n`;
  const full = join(markdown, json, tail);
  if (utf8Length(full) <= CHECK_TEXT_LIMIT) return full;
  const history = markdown.indexOf('\n## History');
  const short =
    history >= 0
      ? `${markdown.slice(0, history)}\n\n_History of ${record.events.length} events left out to fit the check run; it is in the signed JSON below._\n`
      : markdown;
  const withJson = join(short, json, tail);
  if (utf8Length(withJson) <= CHECK_TEXT_LIMIT) return withJson;
  const note = `_The signed JSON record (${utf8Length(json)} bytes) does not fit the check run output; it is attached to the release._`;
  const room = CHECK_TEXT_LIMIT - utf8Length(note) - utf8Length(tail) - 16;
  return join(utf8Length(short) > room ? `${cutToUtf8(short, room - 3)}…` : short, note, tail);
}

/**
 * A release body with the audit record appended (or replaced, when shipgate added one before), as
 * Markdown plus the signed JSON in a collapsed block. Cut to fit GitHub's release body limit.
 */
export function releaseBodyWithAudit(
  body: string | null | undefined,
  record: AuditRecord,
  markdown: string,
): string {
  const existing = body ?? '';
  const start = existing.indexOf(AUDIT_START);
  const end = existing.indexOf(AUDIT_END);
  const before = start >= 0 ? existing.slice(0, start) : existing;
  const after = start >= 0 && end > start ? existing.slice(end + AUDIT_END.length) : '';
  const json = `<details><summary>Signed audit record (JSON)</summary>\n\n${auditJsonBlock(record)}\n\n</details>`;
  const section = (md: string, withJson: boolean) =>
    `${AUDIT_START}\n\n${md}\n${withJson ? `${json}\n` : ''}\n${AUDIT_END}`;
  const assemble = (md: string, withJson: boolean) =>
    `${before.trimEnd()}${before.trim() ? '\n\n' : ''}${section(md, withJson)}${after}`;
  const candidates = [assemble(markdown, true), assemble(markdown, false)];
  const fitted = candidates.find((candidate) => utf8Length(candidate) <= RELEASE_BODY_LIMIT);
  if (fitted) return fitted;
  const room = RELEASE_BODY_LIMIT - utf8Length(assemble('', false)) - 4;
  return assemble(`${cutToUtf8(markdown, Math.max(0, room))}…`, false);
}
