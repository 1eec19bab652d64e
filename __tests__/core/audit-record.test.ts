import { renderAuditMarkdown } from '../../src/core/audit/audit-markdown.js';
import {
  type AuditRecord,
  buildAuditRecord,
  signAuditRecord,
  type UnsignedAuditRecord,
  verifyAuditRecord,
} from '../../src/core/audit/audit-record.js';
import { appendEvents } from '../../src/core/ledger/ledger.js';
import {
  buildStory,
  buildStoryRecord,
  FINDING,
  GENERATED_AT,
  HEAD,
  MERGE,
  STORY_SECRET,
  WAIVER_REASON,
} from '../helpers/audit-story.js';
import { expectGolden } from '../helpers/golden.js';

const record = buildStoryRecord();
const item = (id: string) => record.items.find((entry) => entry.id === id);

describe('buildAuditRecord', () => {
  it('records the gate, every item and the full ledger for the audited commit', () => {
    expect(record).toMatchObject({
      schema: 'shipgate/audit@1',
      repo: 'acme/restaurant-os',
      title: 'Restaurant OS v6.0.3 - Production Deployment Checklist',
      pr: { number: 412, headSha: HEAD, mergeCommitSha: MERGE },
      sha: HEAD,
      generatedAt: GENERATED_AT,
      gate: { phase: 'pre-merge', conclusion: 'success' },
    });
    const story = buildStory();
    expect(record.items).toHaveLength(story.checklist.items.length);
    expect(record.events).toEqual(story.ledger.events);
    expect(record.ledgerHead).toBe(story.ledger.head);
    expect(record.events.filter((event) => event.t === 'reject')).toHaveLength(3);
  });

  it('keeps who, when, waivers, resets and evidence per item', () => {
    expect(item('deployment-approval.qa-lead-date')).toMatchObject({
      kind: 'signoff',
      role: 'qa-lead',
      outcome: 'done',
      state: { checked: true, by: 'qa-lena', sha: HEAD },
      section: ['✍️ Sign-off', 'Deployment Approval'],
    });
    expect(item('performance-metrics.fid-100ms')).toMatchObject({
      outcome: 'done',
      state: { waived: { by: 'eng-lead-sam', reason: WAIVER_REASON } },
      evidence: { status: 'skipped', check: 'lighthouse', sha: HEAD },
    });
    expect(item('credentials-secrets.no-hardcoded-credentials-in-code')?.evidence).toMatchObject({
      status: 'pass',
      findings: [{ file: 'examples/.env.example', line: 3, message: FINDING }],
    });
    expect(item('traffic-cutover.10-traffic-to-green')).toMatchObject({
      phase: 'post-deploy',
      outcome: 'waiting',
    });
    expect(item('rollback-steps.notify-team')?.required).toBe(false);
  });

  it('shows the reset a push caused when nobody signed again', () => {
    const story = buildStory();
    const events = story.ledger.events.filter(
      (event) =>
        !(event.t === 'tick' && event.item === 'deployment-approval.qa-lead-date' && event.sha === HEAD),
    );
    const ledger = appendEvents(
      { ...story.ledger, events: [], head: story.ledger.base.hash },
      events,
      STORY_SECRET,
    );
    const reset = buildAuditRecord(
      {
        repo: 'acme/restaurant-os',
        pr: { number: 1, title: 't', author: 'a', headSha: HEAD },
        checklist: story.checklist,
        ledger,
        generatedAt: GENERATED_AT,
      },
      STORY_SECRET,
    );
    expect(reset.gate.conclusion).toBe('action_required');
    expect(reset.items.find((entry) => entry.id === 'deployment-approval.qa-lead-date')?.state).toMatchObject(
      {
        checked: false,
        reset: 'reset by push of 9e4b2d7',
      },
    );
  });

  it('refuses to sign a ledger that does not verify', () => {
    const story = buildStory();
    const forged = { ...story.ledger, events: story.ledger.events.slice(1) };
    expect(() =>
      buildAuditRecord(
        {
          repo: 'a/b',
          pr: { number: 1, title: 't', author: 'a', headSha: HEAD },
          checklist: story.checklist,
          ledger: forged,
          generatedAt: GENERATED_AT,
        },
        STORY_SECRET,
      ),
    ).toThrow(/does not verify/);
  });

  it('contains nothing secret: not the signing key', () => {
    expect(JSON.stringify(record)).not.toContain(STORY_SECRET);
  });
});

describe('verifyAuditRecord', () => {
  it('verifies the record, also after a JSON round trip with reordered keys', () => {
    expect(verifyAuditRecord(record, STORY_SECRET).ok).toBe(true);
    const reordered = Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(record))).reverse());
    const result = verifyAuditRecord(reordered, STORY_SECRET);
    expect(result.ok && result.record.signature).toBe(record.signature);
  });

  const clone = (): AuditRecord => structuredClone(record);
  const tampered: [string, (r: AuditRecord) => unknown][] = [
    [
      'a tick reattributed',
      (r) => {
        const qa = r.items.find((i) => i.id === 'deployment-approval.qa-lead-date');
        if (qa) qa.state.by = 'mallory';
        return r;
      },
    ],
    [
      'a rejected attempt removed',
      (r) => ({ ...r, events: r.events.filter((event) => event.t !== 'reject') }),
    ],
    [
      'the gate turned green',
      (r) => ({ ...r, gate: { ...r.gate, conclusion: 'success', summary: 'all done' }, sha: 'f'.repeat(40) }),
    ],
    ['a field added', (r) => ({ ...r, approvedBy: 'ceo' })],
    [
      'the signature replaced',
      (r) => ({ ...r, signature: r.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }),
    ],
    ['the signature removed', (r) => ({ ...r, signature: undefined })],
  ];
  it.each(tampered)('detects %s', (_name, mutate) => {
    expect(verifyAuditRecord(mutate(clone()), STORY_SECRET)).toMatchObject({ ok: false });
  });

  it('rejects another key and things that are not records', () => {
    expect(verifyAuditRecord(record, 'another-secret')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/signature/),
    });
    expect(verifyAuditRecord(null, STORY_SECRET).ok).toBe(false);
    expect(verifyAuditRecord([record], STORY_SECRET).ok).toBe(false);
  });

  it('rejects a correctly signed record of the wrong shape', () => {
    const { signature: _unused, ...rest } = record;
    const wrong = { ...rest, schema: 'shipgate/audit@0' } as unknown as UnsignedAuditRecord;
    expect(
      verifyAuditRecord({ ...wrong, signature: signAuditRecord(wrong, STORY_SECRET) }, STORY_SECRET),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/malformed/),
    });
  });
});

describe('renderAuditMarkdown', () => {
  it('renders the story (golden)', () => {
    expectGolden('audit-record-story.md', renderAuditMarkdown(record));
  });

  it('escapes hostile reasons, logins and titles: no HTML, no pings, no broken tables', () => {
    const hostile = buildStoryRecord({
      title: '<script>alert(1)</script> @everyone',
      author: '@everyone',
      waiverReason: 'ok | <img src=x onerror=alert(1)> @everyone',
      extra: [
        {
          t: 'reject',
          item: 'deployment-approval.qa-lead-date',
          by: '<b>mallory</b>',
          at: GENERATED_AT,
          sha: HEAD,
          reason: '<script>steal()</script> cc @everyone @acme/admins',
        },
      ],
    });
    const markdown = renderAuditMarkdown(hostile);
    expect(markdown).not.toMatch(/<script|<img|<b>/);
    expect(markdown).not.toMatch(/(^|[^\w])@(everyone|acme)/m);
    expect(markdown).toContain('&lt;script&gt;steal()&lt;/script&gt;');
    expect(markdown).toContain('ok \\| &lt;img');
    for (const line of markdown.split('\n').filter((l) => l.startsWith('| '))) {
      expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    }
  });
});
