/** Governance in the core: the gate under windows, exceptions and break-glass; post-review; rubber stamps; commands; the export. */
import { describe, expect, test } from '@jest/globals';
import { renderExportPage } from '../../src/audit/export-page.js';
import { exportCsv, exportRow, sample } from '../../src/core/audit/export-rows.js';
import { parseCommand } from '../../src/core/decide/commands.js';
import { postReviewOf } from '../../src/core/gate/governance.js';
import { postReviewRun } from '../../src/core/gate/post-review.js';
import { releaseGates } from '../../src/core/gate/release-gates.js';
import { rubberStampSignals } from '../../src/core/gate/rubber-stamp.js';
import { appendEvents, emptyLedger, foldLedger, type LedgerEvent } from '../../src/core/ledger/ledger.js';
import { renderDirective, splitDirective } from '../../src/core/template/directive.js';
import {
  freezeInForce,
  freezeIssueBody,
  freezeKey,
  readFreezeRecord,
} from '../../src/core/windows/freeze-record.js';
import { buildStoryRecord, HEAD, MERGE } from '../helpers/audit-story.js';
import { template } from '../helpers/core-builders.js';
import { expectGolden } from '../helpers/golden.js';

const checklist = template(`# Release

- [ ] Secrets <!-- shipgate: check=secrets id=secrets -->
- [ ] Customer flow <!-- shipgate: id=flow note=required -->
- [ ] Smoke test <!-- shipgate: id=smoke -->
- [ ] QA Lead: ____ Date: ____ <!-- shipgate: role=qa-lead id=qa -->
- [ ] Engineering Lead: ____ Date: ____ <!-- shipgate: role=engineering-lead id=eng -->
`);
const SHA = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);
const at = (second: number) => new Date(Date.UTC(2026, 11, 14, 9, 0, second)).toISOString();
const result: LedgerEvent = {
  t: 'result',
  item: 'secrets',
  status: 'pass',
  summary: 'ok',
  at: at(0),
  sha: SHA,
};
const ticks = (by: string, items: string[], from = 100): LedgerEvent[] =>
  items.map((item, i) => ({ t: 'tick', item, by, at: at(from + i), sha: SHA }));
const glass = (sha = SHA): LedgerEvent => ({
  t: 'break-glass',
  by: 'mia',
  at: at(50),
  sha,
  reason: 'checkout down',
  skipped: ['qa', 'eng'],
  due: '2026-12-15T09:00:50.000Z',
});
const INSIDE = '2026-12-14T10:00:00Z'; // Monday 11:00 Berlin
const OUTSIDE = '2026-12-11T10:00:00Z'; // Friday
const windows = { timezone: 'Europe/Berlin', allow: ['Mon-Thu 09:00-16:00'], freezes: [] };
const complete = [
  result,
  ...ticks('bob', ['flow', 'smoke']),
  ...ticks('quinn', ['qa']),
  ...ticks('erin', ['eng']),
];
const note: LedgerEvent = {
  t: 'note',
  item: 'flow',
  by: 'bob',
  at: at(200),
  sha: SHA,
  text: 'ran the order flow on staging',
};

describe('the pre-merge gate under governance', () => {
  test.each<[string, LedgerEvent[], string, string, RegExp]>([
    ['complete, inside the window', [...complete, note], INSIDE, 'success', /ready$/],
    [
      'complete, outside the window',
      [...complete, note],
      OUTSIDE,
      'action_required',
      /^⏸ outside the change window .*opens Mon 2026-12-14 09:00/,
    ],
    [
      'complete, outside, with an exception',
      [
        ...complete,
        note,
        { t: 'exception', by: 'mia', at: at(300), sha: SHA, reason: 'customer escalation' },
      ],
      OUTSIDE,
      'success',
      /exception by @mia: customer escalation/,
    ],
    ['note=required without the note', complete, INSIDE, 'action_required', /1 note/],
    [
      'break-glass for this head, incomplete, outside',
      [result, glass()],
      OUTSIDE,
      'success',
      /^🚨 BREAK-GLASS by @mia: checkout down/,
    ],
    [
      'break-glass for an older head does not carry over',
      [result, glass(OTHER)],
      INSIDE,
      'action_required',
      /waiting on/,
    ],
  ])('%s', (_name, events, now, conclusion, summary) => {
    const states = foldLedger(appendEvents(emptyLedger('k'), events, 'k'));
    const gates = releaseGates({ checklist, states, headSha: SHA, governance: { windows, now } });
    expect(gates.preMerge.conclusion).toBe(conclusion);
    expect(gates.preMerge.summary).toMatch(summary);
  });
});

describe('post-review of a break-glass', () => {
  test.each<[string, LedgerEvent[], string, { reviewed: boolean; overdue: boolean; missing: string[] }]>([
    [
      'just merged',
      [glass()],
      '2026-12-14T12:00:00Z',
      { reviewed: false, overdue: false, missing: ['qa', 'eng'] },
    ],
    [
      'one sign-off given',
      [glass(), ...ticks('quinn', ['qa'], 400)],
      '2026-12-14T12:00:00Z',
      { reviewed: false, overdue: false, missing: ['eng'] },
    ],
    [
      'overdue',
      [glass()],
      '2026-12-15T09:01:00Z',
      { reviewed: false, overdue: true, missing: ['qa', 'eng'] },
    ],
    [
      'given late',
      [glass(), ...ticks('quinn', ['qa'], 400), ...ticks('erin', ['eng'], 500)],
      '2026-12-16T00:00:00Z',
      { reviewed: true, overdue: false, missing: [] },
    ],
  ])('%s', (_name, events, now, expected) => {
    const states = foldLedger(appendEvents(emptyLedger('k'), events, 'k'));
    expect(postReviewOf({ checklist, states, headSha: SHA, mergeSha: OTHER, now })).toMatchObject(expected);
  });

  test('the shipgate/post-review run (golden)', () => {
    const states = foldLedger(appendEvents(emptyLedger('k'), [glass(), ...ticks('quinn', ['qa'], 400)], 'k'));
    const review = postReviewOf({
      checklist,
      states,
      headSha: SHA,
      mergeSha: OTHER,
      now: '2026-12-15T10:00:00Z',
    });
    if (!review) throw new Error('no review');
    const run = postReviewRun(review, OTHER, 42, checklist);
    expect(run.status).toBe('in_progress');
    expectGolden('post-review-run.md', `# ${run.title}\n\n${run.summary}\n`);
  });
});

describe('rubber-stamp signals', () => {
  test.each<[string, LedgerEvent[], string[]]>([
    [
      'a burst of five ticks in four seconds',
      ticks('bob', ['flow', 'smoke', 'qa', 'eng', 'flow']),
      ['burst'],
    ],
    [
      'ticks spread out',
      [
        { t: 'tick', item: 'flow', by: 'bob', at: at(100), sha: SHA },
        { t: 'tick', item: 'smoke', by: 'bob', at: at(900), sha: SHA },
        { t: 'tick', item: 'qa', by: 'quinn', at: at(1800), sha: SHA },
        { t: 'note', item: 'qa', by: 'quinn', at: at(1900), sha: SHA, text: 'regression suite green' },
      ],
      [],
    ],
    [
      'a tick 10 s after a push',
      [
        { t: 'invalidate', items: ['smoke'], at: at(1000), sha: OTHER, reason: 'reset by push of bbbbbbb' },
        { t: 'tick', item: 'smoke', by: 'bob', at: at(1010), sha: OTHER },
        { t: 'note', item: 'smoke', by: 'bob', at: at(1100), sha: OTHER, text: 'smoke ok' },
      ],
      ['quick-tick'],
    ],
  ])('%s', (_name, events, kinds) => {
    const signals = rubberStampSignals({ checklist, events, openedAt: at(0), author: 'rita' });
    expect([...new Set(signals.map((signal) => signal.kind))].sort()).toEqual([...kinds].sort());
  });

  test('a tick seconds after the PR opened', () => {
    const signals = rubberStampSignals({
      checklist,
      events: ticks('bob', ['smoke'], 5),
      openedAt: at(0),
      author: 'rita',
    });
    expect(signals.map((signal) => signal.text)).toEqual([
      'quick tick: @bob ticked "Smoke test" within 30 s of the PR opening',
    ]);
  });
});

test.each([
  ['/shipgate freeze 2d database incident', { name: 'freeze', until: '2d', reason: 'database incident' }],
  ['/shipgate freeze 2026-12-24 holiday', { name: 'freeze', until: '2026-12-24', reason: 'holiday' }],
  ['/shipgate unfreeze', { name: 'unfreeze' }],
  ['/shipgate exception customer escalation', { name: 'exception', reason: 'customer escalation' }],
  ['/shipgate break-glass checkout is down', { name: 'break-glass', reason: 'checkout is down' }],
  ['/shipgate note flow ran it on staging', { name: 'note', item: 'flow', text: 'ran it on staging' }],
])('command %s', (body, command) => {
  expect(parseCommand(body)).toEqual(command);
});

test('note=required is read from the directive and renders back', () => {
  expect(checklist.items.find((item) => item.id === 'flow')?.noteRequired).toBe(true);
  const line = `- [ ] Customer flow${renderDirective({ id: 'flow', note: 'required' })}`;
  expect(splitDirective(line)?.values).toEqual({ id: 'flow', note: 'required' });
  expect(() => template('- [ ] A <!-- shipgate: note=optional -->')).toThrow('note takes only "required"');
});

test('the freeze record: signed, refused when edited or signed for another repository', () => {
  const key = freezeKey('secret', 7);
  const record = {
    active: true,
    until: '2026-12-16T09:00:00.000Z',
    reason: 'incident',
    by: 'mia',
    at: '2026-12-14T09:00:00.000Z',
  };
  const body = freezeIssueBody(record, key, 'Frozen.');
  expect(readFreezeRecord(body, key)).toEqual(record);
  expect(readFreezeRecord(body.replace('2026-12-16', '2027-12-16'), key)).toBeUndefined();
  expect(readFreezeRecord(body, freezeKey('secret', 8))).toBeUndefined();
  expect(freezeInForce([record], '2026-12-15T00:00:00Z')).toMatchObject({ reason: 'incident' });
  expect(freezeInForce([record], '2026-12-16T09:00:00Z')).toBeUndefined();
  expect(freezeInForce([{ ...record, active: false }], '2026-12-15T00:00:00Z')).toBeUndefined();
});

describe('the evidence pack', () => {
  const record = buildStoryRecord();
  const ledger = appendEvents(emptyLedger('k'), record.events, 'k');
  const release = {
    record,
    events: ledger.events,
    states: foldLedger(ledger),
    mergedAt: '2026-11-25T17:00:00Z',
    version: '6.0.3',
    postDeployRun: 'success',
    integrity: `record signature and ledger chain verified (${record.events.length} events)`,
  };
  const row = exportRow(release, '2026-11-26T00:00:00Z');

  test('a row says who approved, in which role, and whether duties were separated', () => {
    expect(row.approvers).toContain('qa-lena (qa-lead)');
    expect(row.separationOfDuties).toBe('held: 4 approver(s), none the author');
    expect(row.mergeCommit).toBe(MERGE);
    expect(record.sha).toBe(HEAD);
  });

  test('CSV (golden)', () => {
    expectGolden('audit-export.csv', exportCsv([row]));
  });

  test('HTML (golden)', () => {
    expectGolden(
      'audit-export.html',
      renderExportPage([row], {
        repo: 'acme/restaurant-os',
        since: '2026-11-01T00:00:00.000Z',
        until: '2026-12-01T00:00:00.000Z',
        generatedAt: '2026-11-26T00:00:00.000Z',
        population: 12,
        sample: { n: 1, seed: 42 },
      }),
    );
  });

  test('sampling is a reproducible draw without replacement', () => {
    const population = Array.from({ length: 20 }, (_, i) => i + 1);
    const first = sample(population, 5, 1234);
    expect(sample(population, 5, 1234)).toEqual(first);
    expect(new Set(first).size).toBe(5);
    expect(sample(population, 5, 99)).not.toEqual(first);
    expect(sample(population, 50, 1)).toEqual(population);
  });
});

describe('windows and breakGlass in .github/shipgate.yml', () => {
  const base = 'roles:\n  release-manager: { users: [mia] }\n';
  test("the issue's example parses, with the defaults", async () => {
    const { parseConfig } = await import('../../src/core/config/config-file.js');
    const config = parseConfig(
      `${base}windows:\n  timezone: Europe/Berlin\n  allow: ["Mon-Thu 09:00-16:00"]\n  freezes: [{ from: "2026-12-20", to: "2027-01-04", reason: "holiday freeze" }]\n  roles: [release-manager]\n`,
      '.github/shipgate.yml',
    );
    expect(config.windows).toEqual({
      timezone: 'Europe/Berlin',
      allow: ['Mon-Thu 09:00-16:00'],
      freezes: [{ from: '2026-12-20', to: '2027-01-04', reason: 'holiday freeze' }],
      roles: ['release-manager'],
    });
    expect(config.breakGlass).toEqual({ reviewWithin: '24h' });
  });

  test.each([
    ['windows:\n  timezone: Mars/Olympus\n', '.github/shipgate.yml:4', 'unknown time zone'],
    ['windows:\n  allow: ["Monday 9-5"]\n', '.github/shipgate.yml:4', 'expected "Mon-Thu 09:00-16:00"'],
    [
      'windows:\n  freezes: [{ from: "2027-01-04", to: "2026-12-20", reason: "holiday" }]\n',
      '.github/shipgate.yml:4',
      '"to" is before "from"',
    ],
    ['windows:\n  roles: [nobody]\n', '.github/shipgate.yml:4', 'no role "nobody" under roles:'],
    ['breakGlass:\n  reviewWithin: tomorrow\n', '.github/shipgate.yml:4', 'expected a duration like "24h"'],
  ])('%j is refused with file, line and reason', async (yaml, where, message) => {
    const { parseConfig } = await import('../../src/core/config/config-file.js');
    let error: unknown;
    try {
      parseConfig(`${base}${yaml}`, '.github/shipgate.yml');
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).toContain(message);
    expect(String(error)).toContain(`${where}: `);
  });
});

test('the signed audit record carries the emergency change and the signals, verifies, and the page shows them', async () => {
  const { buildAuditRecord, verifyAuditRecord } = await import('../../src/core/audit/audit-record.js');
  const { renderAuditPage } = await import('../../src/audit/audit-page.js');
  const { renderAuditMarkdown } = await import('../../src/core/audit/audit-markdown.js');
  const { buildStory, STORY_SECRET } = await import('../helpers/audit-story.js');
  const story = buildStory();
  const record = buildAuditRecord(
    {
      repo: 'acme/web',
      pr: { number: 7, title: 'Release 7.0.0', author: 'rita', headSha: HEAD, mergeCommitSha: MERGE },
      checklist: story.checklist,
      ledger: story.ledger,
      generatedAt: '2026-12-16T10:00:00.000Z',
      signals: ['burst: @bob ticked 12 items within 10 s'],
      postReview: {
        by: 'mia',
        at: '2026-12-15T09:00:00.000Z',
        reason: 'checkout down',
        sha: HEAD,
        due: '2026-12-16T09:00:00.000Z',
        skipped: ['qa'],
        missing: ['qa'],
        reviewed: false,
        overdue: true,
        reminded: true,
        escalated: true,
      },
    },
    STORY_SECRET,
  );
  expect(record.emergency).toMatchObject({ review: 'emergency change not reviewed', missing: ['qa'] });
  expect(verifyAuditRecord(JSON.parse(JSON.stringify(record)), STORY_SECRET).ok).toBe(true);
  const page = renderAuditPage(record, { signature: 'verified' });
  expect(page).toContain('Emergency change (break-glass) by mia');
  expect(page).toContain('emergency change not reviewed');
  expect(page).toContain('burst: @bob ticked 12 items within 10 s');
  expect(renderAuditMarkdown(record)).toContain('## 🚨 Emergency change (break-glass)');
});

test('the export shows how an automated result was obtained when the result event says so (issue 20)', () => {
  const record = buildStoryRecord();
  const auto = record.items.find((item) => item.kind === 'auto' && item.phase === 'pre-merge');
  if (!auto) throw new Error('no automated item');
  const withHow = [
    ...record.events,
    {
      t: 'result',
      item: auto.id,
      status: 'pass',
      summary: 'ok',
      at: '2026-11-25T16:50:00.000Z',
      sha: HEAD,
      how: 'verified',
    },
  ] as LedgerEvent[];
  const states = foldLedger(appendEvents(emptyLedger('k'), withHow, 'k'));
  const row = exportRow({ record, events: withHow, states, integrity: 'ok' }, '2026-11-26T00:00:00Z');
  expect(row.automatedEvidence).toContain(`${auto.id}: pass (ok) [verified]`);
  const without = exportRow(
    {
      record,
      events: record.events,
      states: foldLedger(appendEvents(emptyLedger('k'), record.events, 'k')),
      integrity: 'ok',
    },
    '2026-11-26T00:00:00Z',
  );
  expect(without.automatedEvidence).not.toContain('[verified]');
});
