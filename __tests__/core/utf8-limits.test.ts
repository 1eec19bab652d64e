/** GitHub counts body limits in UTF-8 bytes: a Japanese audit record must not be cut mid-JSON. */
import { auditCheckText, CHECK_TEXT_LIMIT, readAuditJson } from '../../src/core/audit/audit-attachment.js';
import { renderAuditMarkdown } from '../../src/core/audit/audit-markdown.js';
import {
  signAuditRecord,
  type UnsignedAuditRecord,
  verifyAuditRecord,
} from '../../src/core/audit/audit-record.js';
import { cutToUtf8, utf8Length } from '../../src/core/utf8.js';
import { buildStoryRecord, STORY_SECRET } from '../helpers/audit-story.js';

/** Eight items of the story's record with their text in Japanese (three bytes per character), re-signed. */
function japaneseRecord(repeat: number) {
  const { signature: _, ...record } = buildStoryRecord();
  const unsigned: UnsignedAuditRecord = {
    ...record,
    events: record.events.slice(0, 4),
    items: record.items.slice(0, 8).map((item, i) => ({
      ...item,
      text: `本番環境へのデプロイ前の確認項目${i}：${'監査記録'.repeat(repeat)}`,
    })),
  };
  return { ...unsigned, signature: signAuditRecord(unsigned, STORY_SECRET) };
}

test('utf8Length and cutToUtf8 count bytes and never split a code point', () => {
  expect(utf8Length('abc')).toBe(3);
  expect(utf8Length('日本語')).toBe(9);
  expect(utf8Length('🌈')).toBe(4);
  expect(utf8Length('é')).toBe(2);
  expect(cutToUtf8('日本語', 7)).toBe('日本');
  expect(cutToUtf8('a🌈b', 4)).toBe('a');
  expect(cutToUtf8('a🌈b', 5)).toBe('a🌈');
});

describe.each([
  ['fits whole', 2],
  ['JSON too big for the check run', 1200],
])('a Japanese audit record (%s)', (_name, repeat) => {
  const record = japaneseRecord(repeat);
  const markdown = renderAuditMarkdown(record);
  const tail = `Signed checklist state:\n\n<!-- shipgate:state v1 ${'A'.repeat(4000)} -->`;
  const text = auditCheckText(record, markdown, tail);

  it('stays within 65,535 bytes, so GitHub never cuts it', () => {
    expect(utf8Length(text)).toBeLessThanOrEqual(CHECK_TEXT_LIMIT);
  });

  it('keeps the ledger mirror whole at the end', () => {
    expect(text.trimEnd().endsWith(tail)).toBe(true);
  });

  it('carries the signed JSON whole (it verifies) or leaves it out with a note, never a cut JSON', () => {
    const json = readAuditJson(text);
    if (json === undefined) expect(text).toMatch(/signed JSON record \(\d+ bytes\) does not fit/);
    else expect(verifyAuditRecord(json, STORY_SECRET)).toMatchObject({ ok: true });
    if (repeat === 2) expect(json).toBeDefined();
  });
});

test('the record that motivated the issue: fewer UTF-16 units than the limit, far more bytes', () => {
  const record = japaneseRecord(1200);
  const json = JSON.stringify(record);
  expect(json.length).toBeLessThan(CHECK_TEXT_LIMIT); // what the old check measured: "fits"
  expect(utf8Length(json)).toBeGreaterThan(CHECK_TEXT_LIMIT); // what GitHub measures
  const text = auditCheckText(record, renderAuditMarkdown(record), 'Signed checklist state: x');
  expect(readAuditJson(text)).toBeUndefined();
});
