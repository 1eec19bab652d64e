import { describe, expect, it } from '@jest/globals';
import { firedMetrics, reopenEvent, revertDraft, touchedItems } from '../../src/core/gate/revert.js';
import { rollbackPlan } from '../../src/core/gate/rollback.js';
import type { ItemStates } from '../../src/core/ledger/ledger.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas } from '../../src/load/load-checklist.js';

const checklist = parseTemplate(
  `# R
## Post <!-- shipgate: phase=post-deploy -->
- [ ] Latency normal <!-- shipgate: check=prometheus metric=p95 max=200 id=latency -->
- [ ] Errors normal <!-- shipgate: check=prometheus metric=error-rate max=1 id=errors -->
- [ ] Home loads <!-- shipgate: check=health id=home -->
- [ ] 10% traffic to green <!-- shipgate: id=step-10 -->
- [ ] Monitor <!-- shipgate: check=cutover-window duration=5s interval=1s metrics="p95<=200" id=w -->

## 🔄 Rollback Plan <!-- shipgate: optional -->
### Rollback Triggers
- [ ] Error rate > 5% <!-- shipgate: check=prometheus metric=error-rate max=5 phase=post-deploy id=trigger -->
### Rollback Steps
1. [ ] Switch traffic back to blue <!-- shipgate: id=step-traffic -->
2. [ ] Rollback database if needed <!-- shipgate: id=step-db -->
`,
  't.md',
  checkSchemas,
);
const at = '2026-12-07T00:00:00.000Z';
const ticked = { checked: true, at, sha: 'm', by: 'shipgate', status: 'pass' as const, summary: 'ok' };
const states: ItemStates = { latency: ticked, errors: ticked, home: ticked, w: ticked, trigger: ticked };

describe('what a rollback prepares', () => {
  it('drafts the revert: branch, title, commit message and the rollback steps as a checklist', () => {
    const draft = revertDraft({
      pr: { number: 12, title: 'Release 6.0.3' },
      mergeSha: 'abcdef1234567890',
      version: '6.0.3',
      reason: 'error rate 11%',
      startedBy: 'erin',
      incident: 13,
      steps: rollbackPlan(checklist).steps,
    });
    expect(draft.branch).toBe('shipgate/revert-12-abcdef1');
    expect(draft.title).toBe('Revert v6.0.3 (#12): rollback');
    expect(draft.message).toContain('This reverts merge commit abcdef1234567890 to its first parent.');
    expect(draft.body).toContain(
      '## Rollback steps\n\n- [ ] Switch traffic back to blue\n- [ ] Rollback database if needed\n',
    );
    expect(draft.body).toContain('- **Incident**: #13');
  });

  it.each<[string, Set<string> | undefined, string[]]>([
    ['a fired error-rate trigger reopens the error-rate item only', new Set(['error-rate']), ['errors']],
    ['a rollback by hand reopens every ticked telemetry item', undefined, ['latency', 'errors']],
    ['a metric no item measures reopens nothing', new Set(['cpu']), []],
  ])('%s (never triggers, steps, windows or other checks)', (_name, fired, ids) => {
    expect(touchedItems(checklist, states, fired).map((item) => item.id)).toEqual(ids);
  });

  it('reads the fired metrics and reopens with an invalidate event', () => {
    expect([...firedMetrics(rollbackPlan(checklist).triggers)]).toEqual(['error-rate']);
    const items = touchedItems(checklist, states, undefined);
    expect(reopenEvent(items, at, 'm', 'error rate 11%')).toEqual([
      {
        t: 'invalidate',
        items: ['latency', 'errors'],
        at,
        sha: 'm',
        reason: 'reopened by the rollback: error rate 11%',
      },
    ]);
    expect(reopenEvent([], at, 'm', 'x')).toEqual([]);
  });
});
