import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/core/config/config-file.js';
import { parseCommand } from '../../src/core/decide/commands.js';
import {
  decideActions,
  listedDecider,
  outcomeOfAction,
  planDecide,
} from '../../src/core/decide/decide-inconclusive.js';
import { foldLedger, type ItemStates } from '../../src/core/ledger/ledger.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas } from '../../src/load/load-checklist.js';

const checklist = parseTemplate(
  `# R
## Post <!-- shipgate: phase=post-deploy -->
- [ ] Latency normal <!-- shipgate: check=prometheus metric=p95 max=200 maxIncrease=10% id=latency -->
- [ ] Errors normal <!-- shipgate: check=prometheus metric=error-rate max=1 id=errors -->
`,
  't.md',
  checkSchemas,
);
const at = '2026-12-07T00:00:00.000Z';
const states: ItemStates = {
  latency: {
    checked: false,
    status: 'skipped',
    summary: 'inconclusive (a person decides): 3 sample(s), 10 needed',
    at,
    sha: 'm',
    by: 'shipgate',
  },
  errors: {
    checked: false,
    status: 'fail',
    summary: 'error-rate 3%, limit ≤ 1%',
    at,
    sha: 'm',
    by: 'shipgate',
  },
};
const plan = (item: string, outcome: string, reason = 'dashboards green') =>
  planDecide({ item, outcome, reason, by: 'olga', at, items: checklist.items, states });

describe('/shipgate decide', () => {
  it('parses the command', () => {
    expect(parseCommand('/shipgate decide latency PASS dashboards green')).toEqual({
      name: 'decide',
      item: 'latency',
      outcome: 'pass',
      reason: 'dashboards green',
    });
  });

  it.each([
    ['nope', 'pass', 'dashboards green', 'no checklist item with id `nope`'],
    ['latency', 'maybe', 'dashboards green', 'usage: `/shipgate decide <item-id> pass|fail <reason>`'],
    ['latency', 'pass', 'ok', 'a decision needs a reason'],
    ['errors', 'pass', 'dashboards green', 'is not waiting for a decision'],
  ])('refuses %s %s %j', (item, outcome, reason, message) => {
    const result = plan(item, outcome, reason);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('records who decided, why and the commit judged; the fold shows it', () => {
    const result = plan('latency', 'pass');
    if (!result.ok) throw new Error(result.message);
    expect(result.event).toEqual({
      t: 'decide',
      item: 'latency',
      by: 'olga',
      at,
      sha: 'm',
      outcome: 'pass',
      reason: 'dashboards green',
    });
    const folded = foldLedger({
      base: { count: 0, hash: '', states, rejected: 0 },
      events: [result.event],
      head: '',
    });
    expect(folded.latency).toMatchObject({ checked: true, status: 'pass', by: 'olga' });
    expect(folded.latency?.summary).toMatch(/^decided pass by @olga: dashboards green \(was inconclusive/);
  });

  it('offers the buttons for the first inconclusive item only while one waits', () => {
    expect(decideActions(checklist.items, states).map((action) => action.identifier)).toEqual([
      'decide-pass',
      'decide-fail',
    ]);
    expect(decideActions(checklist.items, states)[0]?.description).toBe('Pass “Latency normal”');
    expect(decideActions(checklist.items, { errors: states.errors ?? { checked: false } })).toEqual([]);
    expect([outcomeOfAction('decide-pass'), outcomeOfAction('decide-fail'), outcomeOfAction('x')]).toEqual([
      'pass',
      'fail',
      undefined,
    ]);
  });

  it('knows the listed deciders of the roles', () => {
    const config = { roles: { sre: { users: ['Olga'] }, qa: { users: ['quinn'] } } };
    expect(listedDecider(['sre'], config, 'olga')).toBe(true);
    expect(listedDecider(['sre'], config, 'quinn')).toBe(false);
  });

  it('refuses deciders that are not roles of the config, with file and line', () => {
    const text = 'roles:\n  sre: { users: [olga] }\ntelemetry:\n  inconclusive:\n    roles: [sre, qa-lead]\n';
    expect(() => parseConfig(text, '.github/shipgate.yml')).toThrow(
      /\.github\/shipgate\.yml:5.*unknown role "qa-lead": define it under roles/,
    );
    expect(
      parseConfig(
        'roles:\n  sre: { users: [olga] }\ntelemetry:\n  inconclusive:\n    roles: [sre]\n',
        'c.yml',
      ).telemetry?.inconclusive?.roles,
    ).toEqual(['sre']);
  });
});
