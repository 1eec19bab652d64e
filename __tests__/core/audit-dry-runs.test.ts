import { describe, expect, it } from '@jest/globals';
import { renderAuditMarkdown } from '../../src/core/audit/audit-markdown.js';
import { buildAuditRecord } from '../../src/core/audit/audit-record.js';
import { AuditRecordSchema } from '../../src/core/audit/audit-schema.js';
import { appendEvents, emptyLedger, type LedgerEvent } from '../../src/core/ledger/ledger.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas } from '../../src/load/load-checklist.js';

const SECRET = 'audit-dry-runs-secret';
const checklist = parseTemplate(
  `# R
## Post <!-- shipgate: phase=post-deploy -->
- [ ] Latency normal <!-- shipgate: check=prometheus metric=p95 max=200 id=latency -->
- [ ] p99 on trial <!-- shipgate: check=prometheus metric=p99 maxIncrease=10% dryRun id=p99 -->
- [ ] 10% traffic to green <!-- shipgate: id=step-10 -->
- [ ] Monitor <!-- shipgate: check=cutover-window duration=5s interval=1s metrics="error-rate<=5,p95<=+50%" dryRun=p95 id=w -->
`,
  't.md',
  checkSchemas,
);
const at = '2026-12-07T00:00:00.000Z';
const events: LedgerEvent[] = [
  { t: 'result', item: 'latency', status: 'pass', summary: 'p95 latency 48 ms, ≤ 200 ms', at, sha: 'm' },
  {
    t: 'result',
    item: 'p99',
    status: 'fail',
    summary: 'dry run, not gating: p99 latency 50 ms vs baseline 5 ms: +900% > +10%',
    at,
    sha: 'm',
  },
  {
    t: 'result',
    item: 'w',
    status: 'pass',
    summary:
      'window passed: error-rate 0% (≤ 5%), p95 48 ms vs baseline 4.75 ms: +926% > +50% (…) [dry run] would fail',
    at,
    sha: 'm',
  },
];

describe('the audit record lists dry-run outcomes', () => {
  const ledger = appendEvents(emptyLedger(SECRET), events, SECRET);
  const record = buildAuditRecord(
    {
      repo: 'acme/shop',
      pr: { number: 1, title: 'Release 6.0.3', author: 'rita', headSha: 'h', mergeCommitSha: 'm' },
      checklist,
      ledger,
      generatedAt: at,
      phase: 'post-deploy',
    },
    SECRET,
  );

  it('marks dry-run items, which are not required', () => {
    const p99 = record.items.find((item) => item.id === 'p99');
    expect(p99).toMatchObject({ dryRun: true, required: false, state: { status: 'fail' } });
    expect(record.items.find((item) => item.id === 'latency')?.dryRun).toBeUndefined();
    expect(AuditRecordSchema.safeParse(record).success).toBe(true);
  });

  it('lists them, with dry-run window metrics, under "Dry runs"', () => {
    const markdown = renderAuditMarkdown(record);
    expect(markdown).toContain('## Dry runs (2)');
    expect(markdown).toContain(
      '- p99 on trial: fail — dry run, not gating: p99 latency 50 ms vs baseline 5 ms: +900% &gt; +10%',
    );
    expect(markdown).toMatch(/- .* · Monitor: window passed: .*\[dry run\] would fail/);
  });
});
