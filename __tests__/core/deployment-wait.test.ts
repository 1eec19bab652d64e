import { describe, expect, it } from '@jest/globals';
import { decideCutoverWait, MAX_STATUS_REPORTS } from '../../src/core/cutover/deployment-wait.js';
import { cutoverWindows } from '../../src/core/cutover/windows.js';
import type { ItemStates } from '../../src/core/ledger/ledger.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas } from '../../src/load/load-checklist.js';

const checklist = parseTemplate(
  `# R
### Traffic Cutover <!-- shipgate: phase=post-deploy -->
- [ ] 10% traffic to green <!-- shipgate: id=step-10 -->
- [ ] Monitor for 16 minutes <!-- shipgate: check=cutover-window duration=16m interval=30s metrics="error-rate<=1,p95<=+10%" id=w1 -->
- [ ] 50% traffic to green <!-- shipgate: id=step-50 -->
`,
  't.md',
  checkSchemas,
);
const windows = cutoverWindows(checklist);
const T0 = Date.parse('2026-12-02T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const opened: ItemStates = { 'step-10': { checked: true, by: 'erin', at: iso(T0), sha: 'm' } };
const result = (status: 'pass' | 'fail' | 'skipped', summary: string): ItemStates => ({
  ...opened,
  w1: { checked: status === 'pass', at: iso(T0 + 960_000), sha: 'm', status, summary, by: 'shipgate' },
});
const base = { pr: 7, windows, nowMs: T0 + 60_000, reportsSent: 0 };

describe('a deployment held for the cutover windows', () => {
  it.each<[string, Partial<Parameters<typeof decideCutoverWait>[0]>, string, RegExp | undefined]>([
    ['no window started yet: held', { states: {} }, 'wait', /none started: `\/shipgate cutover <percent>`/],
    [
      'a window open: held with its progress',
      { states: opened, readings: { w1: 'error-rate 0% (≤ 1%)' } },
      'wait',
      /⏱️ open since 00:00:00Z, closes at 00:16:00Z, 15 min left · error-rate 0%/,
    ],
    [
      'inconclusive: still held (a person decides)',
      { states: result('skipped', 'window inconclusive: no data'), nowMs: T0 + 970_000 },
      'wait',
      /❓ window inconclusive/,
    ],
    [
      'passed: approved',
      { states: result('pass', 'window passed'), nowMs: T0 + 970_000 },
      'approved',
      /cutover windows of #7 passed/,
    ],
    [
      'failed: rejected',
      { states: result('fail', 'window failed: p95 +300%'), nowMs: T0 + 970_000 },
      'rejected',
      /failed: window failed: p95 \+300%/,
    ],
    [
      'ten reports sent: held silently',
      { states: opened, reportsSent: MAX_STATUS_REPORTS },
      'wait',
      undefined,
    ],
    [
      'the last report allowed says where to follow',
      { states: opened, reportsSent: MAX_STATUS_REPORTS - 1 },
      'wait',
      /Last status report GitHub allows here \(10\); follow the windows on #7/,
    ],
  ])('%s', (_name, input, kind, text) => {
    const decision = decideCutoverWait({ ...base, states: {}, ...input });
    expect(decision.kind).toBe(kind);
    const shown = decision.kind === 'wait' ? decision.report : decision.comment;
    if (text) expect(shown).toMatch(text);
    else expect(shown).toBeUndefined();
    if (decision.kind === 'wait' && decision.report) expect(decision.report.length).toBeLessThanOrEqual(1024);
  });

  it('posts progress, not repeats: the same text or new readings within an eighth of the window wait', () => {
    const first = decideCutoverWait({ ...base, states: opened, readings: { w1: 'error-rate 0%' } });
    if (first.kind !== 'wait' || !first.report) throw new Error('no first report');
    const again = {
      ...base,
      states: opened,
      reportsSent: 1,
      lastReport: first.report,
      lastReportAtMs: base.nowMs,
    };
    expect(
      decideCutoverWait({ ...again, nowMs: base.nowMs + 30_000, readings: { w1: 'error-rate 0%' } }),
    ).toEqual({ kind: 'wait' });
    expect(
      decideCutoverWait({ ...again, nowMs: base.nowMs + 30_000, readings: { w1: 'error-rate 0.2%' } }),
    ).toEqual({ kind: 'wait' });
    const later = decideCutoverWait({
      ...again,
      nowMs: base.nowMs + 121_000,
      readings: { w1: 'error-rate 0.2%' },
    });
    expect(later.kind === 'wait' && later.report).toMatch(/error-rate 0.2%[\s\S]*\(report 2 of at most 10\)/);
  });

  it('keeps a long report within 1024 characters', () => {
    const decision = decideCutoverWait({ ...base, states: opened, readings: { w1: 'x'.repeat(3000) } });
    expect(decision.kind === 'wait' && decision.report?.length).toBeLessThanOrEqual(1024);
  });
});
