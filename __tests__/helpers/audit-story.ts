import { type AuditRecord, buildAuditRecord } from '../../src/core/audit/audit-record.js';
import { type Evidence, toEvidence } from '../../src/core/evidence/evidence.js';
import { appendEvents, emptyLedger, type Ledger, type LedgerEvent } from '../../src/core/ledger/ledger.js';
import type { Checklist, ItemResult } from '../../src/core/template/model.js';
import { loadChecklist } from '../../src/load/load-checklist.js';

/**
 * The release story an audit record tells, built with the real template and ledger:
 * early results on the first commit (one failing), ticks by engineers, a QA sign-off that a later
 * push resets, fresh results on the new head, a waiver, refused ticks, and the final sign-offs.
 */
export const STORY_SECRET = 'audit-story-secret-7f3a'; // shipgate:allow (test HMAC key)
export const FIRST = '1f0c3a9e5b7d2c4e6a8b0d1f3e5c7a9b1d3f5e7a';
export const HEAD = '9e4b2d7c1a3f5e8b0c2d4f6a8e1b3c5d7f9a0b2c';
export const MERGE = '5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c';
export const GENERATED_AT = '2026-11-25T16:45:00.000Z';
export const WAIVER_REASON =
  'FID was replaced by INP in Lighthouse 12; INP is tracked in the RUM dashboard (#88)';
export const FINDING =
  'examples/.env.example:3 placeholder value "changeme" (allowed by .shipgate/allowlist)';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 25, 9, minutes)).toISOString();

const SUMMARIES: Record<string, string> = {
  'env-files': 'no .env files tracked (0 of 214 files)',
  'env-secrets': 'all 7 required secrets present, entropy ≥ 3.5 bits/char',
  secrets: '0 secrets in 214 files (1 allowlisted placeholder)',
  'git-history': '0 leaked secrets in 128 commits',
  'http-security': 'CSP, HSTS, CORS headers present on 3 routes',
  'rate-limit': '429 after 100 requests in 60 s (limit 100)',
  'bundle-size': '61.2 kB gzip ≤ 80 kB',
  lighthouse: 'performance 94 ≥ 90',
  'load-test': 'p95 142 ms ≤ 200 ms at 100 connections',
  websocket: 'p95 38 ms ≤ 500 ms over 200 messages',
  migrations: '4 of 4 migrations have a down script',
  'ci-status': '3 of 3 required workflows passed',
  coverage: '78.4% lines ≥ 70%',
  tls: 'certificate valid for 83 days (≥ 14)',
  health: 'GET /health 200 in 12 ms',
  'build-output': '12 assets minified, 0 console.log calls',
  version: '6.0.3 in package.json matches the branch',
  changelog: 'CHANGELOG.md has a 6.0.3 entry',
};

export interface Story {
  checklist: Checklist;
  ledger: Ledger;
  evidence: Evidence[];
}

export interface StoryOptions {
  /** Extra events appended before the final sign-offs (e.g. hostile ones). */
  extra?: LedgerEvent[];
  waiverReason?: string;
}

let cachedChecklist: Checklist | undefined;

export function buildStory(options: StoryOptions = {}): Story {
  cachedChecklist ??= loadChecklist();
  const checklist = cachedChecklist;
  const pre = checklist.items.filter((item) => item.phase === 'pre-merge' && !item.optional);
  const auto = pre.filter((item) => item.kind === 'auto');
  const manual = pre.filter((item) => item.kind === 'manual');
  const fid = 'performance-metrics.fid-100ms';
  const scan = 'credentials-secrets.no-hardcoded-credentials-in-code';
  let minute = 0;
  const next = () => at(minute++);

  const events: LedgerEvent[] = [
    {
      t: 'result',
      item: scan,
      status: 'fail',
      summary: '1 secret in 214 files: src/pay/square.ts:12',
      at: next(),
      sha: FIRST,
    },
    ...manual.slice(0, 20).map(
      (item, i): LedgerEvent => ({
        t: 'tick',
        item: item.id,
        by: i % 2 ? 'bob' : 'alice',
        at: next(),
        sha: FIRST,
      }),
    ),
    { t: 'tick', item: 'deployment-approval.qa-lead-date', by: 'qa-lena', at: next(), sha: FIRST },
    {
      t: 'reject',
      item: 'deployment-approval.qa-lead-date',
      by: 'mallory',
      at: next(),
      sha: FIRST,
      reason: 'not in role qa-lead',
    },
    { t: 'reject', item: scan, by: 'bob', at: next(), sha: FIRST, reason: 'automated item' },
    // The fix for the leaked key is pushed: the QA sign-off resets, automated items go pending.
    {
      t: 'invalidate',
      items: ['deployment-approval.qa-lead-date'],
      at: next(),
      sha: HEAD,
      reason: `reset by push of ${HEAD.slice(0, 7)}`,
    },
    ...auto.map((item): LedgerEvent => {
      const skipped = item.id === fid;
      const summary = skipped
        ? 'FID is not measured by Lighthouse 12 (no field data)'
        : (SUMMARIES[item.check ?? ''] ?? 'passed');
      return {
        t: 'result',
        item: item.id,
        status: skipped ? 'skipped' : 'pass',
        summary,
        at: next(),
        sha: HEAD,
      };
    }),
    {
      t: 'waive',
      item: fid,
      by: 'eng-lead-sam',
      at: next(),
      sha: HEAD,
      reason: options.waiverReason ?? WAIVER_REASON,
    },
    ...manual.slice(20).map(
      (item, i): LedgerEvent => ({
        t: 'tick',
        item: item.id,
        by: i % 3 ? 'carol' : 'alice',
        at: next(),
        sha: HEAD,
      }),
    ),
    { t: 'untick', item: manual[0]?.id ?? '', by: 'alice', at: next(), sha: HEAD },
    { t: 'tick', item: manual[0]?.id ?? '', by: 'alice', at: next(), sha: HEAD },
    {
      t: 'reject',
      item: 'deployment-approval.engineering-lead-date',
      by: 'rmanager',
      at: next(),
      sha: HEAD,
      reason: 'separation of duties',
    },
    ...(options.extra ?? []),
    {
      t: 'tick',
      item: 'deployment-approval.engineering-lead-date',
      by: 'eng-lead-sam',
      at: next(),
      sha: HEAD,
    },
    { t: 'tick', item: 'deployment-approval.qa-lead-date', by: 'qa-lena', at: next(), sha: HEAD },
    { t: 'tick', item: 'deployment-approval.product-owner-date', by: 'po-priya', at: next(), sha: HEAD },
    { t: 'tick', item: 'deployment-approval.operations-date', by: 'ops-omar', at: next(), sha: HEAD },
  ];
  const ledger = appendEvents(emptyLedger(STORY_SECRET), events, STORY_SECRET);

  const results = auto.map((item): ItemResult => {
    const result = events.findLast(
      (event) => event.t === 'result' && event.item === item.id && event.sha === HEAD,
    );
    const status = result?.t === 'result' ? result.status : 'pass';
    const summary = result?.t === 'result' ? result.summary : '';
    return {
      item: item.id,
      text: item.text,
      check: item.check ?? '',
      status,
      summary,
      findings: item.id === scan ? [{ file: 'examples/.env.example', line: 3, message: FINDING }] : [],
    };
  });
  return { checklist, ledger, evidence: [toEvidence(HEAD, 'pre-merge', results)] };
}

export function buildStoryRecord(
  options: StoryOptions & { title?: string; author?: string; number?: number } = {},
): AuditRecord {
  const story = buildStory(options);
  return buildAuditRecord(
    {
      repo: 'acme/restaurant-os',
      pr: {
        number: options.number ?? 412,
        title: options.title ?? 'Release 6.0.3',
        author: options.author ?? 'rmanager',
        headSha: HEAD,
        mergeCommitSha: MERGE,
      },
      checklist: story.checklist,
      ledger: story.ledger,
      evidence: story.evidence,
      generatedAt: GENERATED_AT,
      variables: { app: 'Restaurant OS', version: '6.0.3' },
    },
    STORY_SECRET,
  );
}
