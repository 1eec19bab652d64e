import { describe, expect, it } from '@jest/globals';
import { renderAuditMarkdown } from '../../src/core/audit/audit-markdown.js';
import { buildAuditRecord, verifyAuditRecord } from '../../src/core/audit/audit-record.js';
import { eventView, itemTexts, noteOf, outcomeView } from '../../src/core/audit/audit-view.js';
import { buildStory, GENERATED_AT, HEAD, STORY_SECRET } from '../helpers/audit-story.js';

const NA_REASON = 'no schema change in this release';
const story = buildStory({
  extra: [
    {
      t: 'waive',
      na: true,
      item: 'backup-recovery.full-backup-completed',
      by: 'dba-dana',
      at: GENERATED_AT,
      sha: HEAD,
      reason: NA_REASON,
    },
  ],
});
const conditionItem = story.checklist.items.find(
  (item) =>
    item.kind === 'manual' &&
    item.phase === 'pre-merge' &&
    item.id !== 'backup-recovery.full-backup-completed',
);
const record = buildAuditRecord(
  {
    repo: 'acme/restaurant-os',
    pr: { number: 412, title: 'Release 6.0.3', author: 'rmanager', headSha: HEAD },
    checklist: story.checklist,
    ledger: story.ledger,
    evidence: story.evidence,
    generatedAt: GENERATED_AT,
    notApplicable: new Map([[conditionItem?.id ?? '', 'no changes in migrations/**']]),
  },
  STORY_SECRET,
);
const item = (id: string) => {
  const found = record.items.find((entry) => entry.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('N/A in the audit record', () => {
  it('the story has the items this test relies on', () => {
    expect(story.checklist.items.some((entry) => entry.id === 'backup-recovery.full-backup-completed')).toBe(
      true,
    );
    expect(conditionItem).toBeDefined();
  });

  it('keeps `na` through signing and verification (the schema does not strip it)', () => {
    const verified = verifyAuditRecord(JSON.parse(JSON.stringify(record)), STORY_SECRET);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    const marked = verified.record.items.find(
      (entry) => entry.id === 'backup-recovery.full-backup-completed',
    );
    expect(marked?.state.waived).toEqual({ by: 'dba-dana', reason: NA_REASON, na: true });
    expect(verified.record.events.find((event) => event.t === 'waive' && event.na)).toBeDefined();
    const skipped = verified.record.items.find((entry) => entry.id === conditionItem?.id);
    expect(skipped).toMatchObject({ required: false, notApplicable: 'no changes in migrations/**' });
  });

  it('says "Not applicable" for a marked item and for an item whose condition was not met', () => {
    expect(outcomeView(item('backup-recovery.full-backup-completed'))).toEqual({
      tone: 'waived',
      label: 'Not applicable',
      icon: '⚪',
    });
    expect(noteOf(item('backup-recovery.full-backup-completed'))).toBe(`Not applicable: ${NA_REASON}`);
    expect(outcomeView(item(conditionItem?.id ?? ''))).toMatchObject({ label: 'Not applicable' });
    expect(noteOf(item(conditionItem?.id ?? ''))).toBe('Not applicable: no changes in migrations/**');
    const event = record.events.find((entry) => entry.t === 'waive' && entry.na);
    if (!event) throw new Error('no N/A event');
    expect(eventView(event, itemTexts(record))).toMatchObject({
      action: 'Marked not applicable',
      by: 'dba-dana',
      detail: NA_REASON,
    });
    const markdown = renderAuditMarkdown(record);
    expect(markdown).toContain('⚪ Not applicable');
    expect(markdown).toContain('Marked not applicable');
    expect(markdown).not.toMatch(/Waiver reason: no schema change/);
  });

  it('an item whose condition was not met is not required in the gate', () => {
    const without = buildAuditRecord(
      {
        repo: 'acme/restaurant-os',
        pr: { number: 412, title: 'Release 6.0.3', author: 'rmanager', headSha: HEAD },
        checklist: story.checklist,
        ledger: story.ledger,
        evidence: story.evidence,
        generatedAt: GENERATED_AT,
      },
      STORY_SECRET,
    );
    expect(record.gate.required).toBe(without.gate.required - 1);
    expect(record.gate.summary).toContain('not applicable');
  });
});
