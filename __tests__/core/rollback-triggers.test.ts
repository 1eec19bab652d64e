import type { LedgerEvent } from '../../src/core/ledger/ledger.js';
import { judgeTriggerResults } from '../../src/core/telemetry/rollback-triggers.js';
import { template } from '../helpers/core-builders.js';

const checklist = template(`## Post-deploy <!-- shipgate: phase=post-deploy -->
- [ ] Error rate: <1% <!-- shipgate: check=coverage id=errors -->

## Rollback Plan <!-- shipgate: optional -->
### Rollback Triggers
- [ ] Error rate > 5% <!-- shipgate: check=coverage id=trigger -->
### Rollback Steps
1. [ ] Switch traffic back <!-- shipgate: id=step -->
`);

const result = (item: string, status: 'pass' | 'fail' | 'skipped' | 'error'): LedgerEvent => ({
  t: 'result',
  item,
  status,
  summary: '5xx share 12%, limit ≤ 5%',
  at: '2026-12-01T00:00:00.000Z',
  sha: 'a'.repeat(40),
});

describe('rollback triggers bound to metrics', () => {
  test('a breach ticks the trigger with the readings as evidence and fires it', () => {
    const judged = judgeTriggerResults(checklist, [result('trigger', 'fail')]);
    expect(judged.fired).toEqual([
      { item: 'trigger', text: 'Error rate > 5%', summary: '5xx share 12%, limit ≤ 5%' },
    ]);
    expect(judged.events).toEqual([
      { ...result('trigger', 'pass'), summary: 'breached: 5xx share 12%, limit ≤ 5%' },
    ]);
  });

  test.each([
    ['within limits: not ticked, not recorded', 'pass', []],
    ['no data: recorded, not ticked', 'skipped', ['skipped']],
    ['Prometheus down: recorded, not ticked', 'error', ['error']],
  ] as const)('%s', (_name, status, recorded) => {
    const judged = judgeTriggerResults(checklist, [result('trigger', status)]);
    expect(judged.fired).toEqual([]);
    expect(judged.events.map((e) => (e.t === 'result' ? e.status : e.t))).toEqual(recorded);
  });

  test('results of other items pass through unchanged', () => {
    const events = [result('errors', 'fail'), result('errors', 'pass')];
    expect(judgeTriggerResults(checklist, events)).toEqual({ events, fired: [] });
  });
});
