import { evaluateGate, type GateInput, roleTitle } from '../../src/core/gate/gate.js';
import type { ItemState } from '../../src/core/ledger/ledger.js';
import { HEAD, OLD, template } from '../helpers/core-builders.js';

const checklist = template(
  [
    '## Pre',
    '- [ ] Scan <!-- shipgate: check=secrets id=auto -->',
    '- [ ] Manual thing <!-- shipgate: id=manual -->',
    '- [ ] QA: ___ <!-- shipgate: role=qa-lead id=qa -->',
    '- [ ] Maybe <!-- shipgate: id=opt optional -->',
    '## Post <!-- shipgate: phase=post-deploy -->',
    '- [ ] Verify <!-- shipgate: id=post -->',
  ].join('\n'),
);

const done: Record<string, ItemState> = {
  auto: { checked: true, status: 'pass', sha: HEAD, summary: 'ok' },
  manual: { checked: true, by: 'bob' },
  qa: { checked: true, by: 'quinn' },
};
const input = (states: Record<string, ItemState>, extra: Partial<GateInput> = {}): GateInput => ({
  checklist,
  states,
  headSha: HEAD,
  phase: 'pre-merge',
  ...extra,
});

describe('evaluateGate', () => {
  it.each<[string, GateInput, string, string]>([
    [
      'nothing done',
      input({}),
      'action_required',
      '0 of 3 required items done — waiting on: QA Lead, 1 manual item, 1 pending check',
    ],
    ['everything done', input(done), 'success', '3 of 3 required items done — ready'],
    [
      'auto passed on an older sha',
      input({ ...done, auto: { ...done.auto, sha: OLD } } as never),
      'action_required',
      '2 of 3 required items done — waiting on: 1 pending check',
    ],
    [
      'auto failed on head',
      input({ ...done, auto: { checked: false, status: 'fail', sha: HEAD } }),
      'failure',
      '2 of 3 required items done — waiting on: 1 failing check',
    ],
    [
      'auto errored on head',
      input({ ...done, auto: { checked: false, status: 'error', sha: HEAD } }),
      'failure',
      '2 of 3 required items done — waiting on: 1 failing check',
    ],
    [
      'auto skipped on head',
      input({ ...done, auto: { checked: false, status: 'skipped', sha: HEAD } }),
      'action_required',
      '2 of 3 required items done — waiting on: 1 skipped check',
    ],
    [
      'auto waived',
      input({ ...done, auto: { checked: true, waived: { by: 'lead', reason: 'n/a' } } }),
      'success',
      '3 of 3 required items done — ready',
    ],
    [
      'sign-off missing',
      input({ auto: done.auto as ItemState, manual: done.manual as ItemState }),
      'action_required',
      '2 of 3 required items done — waiting on: QA Lead',
    ],
    [
      'sign-off reset by push',
      input({ ...done, qa: { checked: false, reset: 'reset by push of bbbbbbb' } }),
      'action_required',
      '2 of 3 required items done — waiting on: QA Lead',
    ],
    [
      'optional item activated',
      input(done, { activated: ['opt'] }),
      'action_required',
      '3 of 4 required items done — waiting on: 1 manual item',
    ],
    [
      'config invalid fails closed',
      input(done, { problems: ['.github/shipgate.yml:3: roles: expected object'] }),
      'failure',
      '3 of 3 required items done — configuration invalid: .github/shipgate.yml:3: roles: expected object',
    ],
    [
      'post-deploy phase',
      input(done, { phase: 'post-deploy' }),
      'action_required',
      '0 of 1 required items done — waiting on: 1 manual item',
    ],
    [
      'post-deploy done',
      input({ post: { checked: true, by: 'ops' } }, { phase: 'post-deploy' }),
      'success',
      '1 of 1 required items done — ready',
    ],
  ])('%s → %s', (_name, gateInput, conclusion, summary) => {
    const decision = evaluateGate(gateInput);
    expect(decision.conclusion).toBe(conclusion);
    expect(decision.summary).toBe(summary);
  });

  it('groups missing items by who is needed', () => {
    expect(evaluateGate(input({ auto: { checked: false, status: 'fail', sha: HEAD } })).blockers).toEqual([
      { kind: 'failing-check', items: ['auto'] },
      { kind: 'role', role: 'qa-lead', items: ['qa'] },
      { kind: 'write-access', items: ['manual'] },
    ]);
  });

  it.each([
    ['qa-lead', 'QA Lead'],
    ['engineering-lead', 'Engineering Lead'],
    ['operations', 'Operations'],
  ])('roleTitle(%s) = %s', (role, title) => expect(roleTitle(role)).toBe(title));
});
