/**
 * The projection of a release PR: plain data in (setup, pull, ledger, new events), everything
 * shipgate shows out. Table-driven, the way lighthouse-ci tests its assertion results: each row
 * states the facts and what every reader of the gate must see.
 */
import { decodeStateBlock } from '../../src/core/comment/state-block.js';
import { defaultConfig } from '../../src/core/config/config.js';
import {
  CHECK_NAME,
  POST_DEPLOY_CHECK,
  type ProjectionInput,
  projectMergeGroup,
  projectRelease,
  statusReply,
} from '../../src/core/gate/projection.js';
import { phaseGate } from '../../src/core/gate/release-gates.js';
import { emptyLedger, type LedgerEvent, verifyLedger } from '../../src/core/ledger/ledger.js';
import { HEAD, NOW, OLD, SECRET, template } from '../helpers/core-builders.js';

const MERGE = 'c'.repeat(40);
const GROUP = 'd'.repeat(40);

const checklist = template(
  [
    '# Web v{{version}}',
    '## Pre',
    '- [ ] Scan <!-- shipgate: check=secrets id=auto -->',
    '- [ ] Manual thing <!-- shipgate: id=manual -->',
    '- [ ] QA: ___ <!-- shipgate: role=qa-lead id=qa -->',
    '## Post <!-- shipgate: phase=post-deploy -->',
    '- [ ] Verify <!-- shipgate: id=post -->',
    '## Rollback <!-- shipgate: optional -->',
    '### Triggers',
    '- [ ] Error rate > 5% <!-- shipgate: id=trigger -->',
    '### Steps',
    '- [ ] Switch traffic back <!-- shipgate: id=step -->',
  ].join('\n'),
);

const at = NOW;
const pass: LedgerEvent = { t: 'result', item: 'auto', status: 'pass', summary: 'no secrets', sha: HEAD, at };
const manual: LedgerEvent = { t: 'tick', item: 'manual', by: 'bob', at, sha: HEAD };
const qa: LedgerEvent = { t: 'tick', item: 'qa', by: 'quinn', at, sha: HEAD };
const rollback: LedgerEvent = {
  t: 'rollback',
  by: 'bob',
  at,
  sha: HEAD,
  reason: 'checkout errors',
  source: 'comment:1',
  incident: 7,
};
const onSha = (event: LedgerEvent, sha: string): LedgerEvent => ({ ...event, sha });

function input(events: LedgerEvent[], extra: Partial<ProjectionInput> = {}): ProjectionInput {
  return {
    repo: 'acme/web',
    checklist,
    config: defaultConfig,
    problems: [],
    pull: { number: 42, title: 'Release 1.2.3', author: 'rita', headSha: HEAD },
    notApplicable: new Map(),
    version: '1.2.3',
    now: NOW,
    ledger: emptyLedger(SECRET),
    events,
    secret: SECRET,
    ledgerKey: SECRET,
    ...extra,
  };
}

describe('projectRelease: every reader sees one gate', () => {
  it.each<[string, ProjectionInput, { conclusion: string; status: string; runs: string[] }]>([
    [
      'a fresh release PR waits on everything',
      input([]),
      {
        conclusion: 'action_required',
        status: '0 of 3 required items done — waiting on: QA Lead, 1 manual item, 1 pending check',
        runs: [`${CHECK_NAME}@${HEAD}:in_progress`],
      },
    ],
    [
      'results, the manual item and the sign-off: ready',
      input([pass, manual, qa]),
      {
        conclusion: 'success',
        status: '3 of 3 required items done — ready',
        runs: [`${CHECK_NAME}@${HEAD}:completed`],
      },
    ],
    [
      'results for an older head do not count',
      input([onSha(pass, OLD), manual, qa]),
      {
        conclusion: 'action_required',
        status: '2 of 3 required items done — waiting on: 1 pending check',
        runs: [`${CHECK_NAME}@${HEAD}:in_progress`],
      },
    ],
    [
      'a rollback on the open PR makes its steps required',
      input([pass, manual, qa, rollback]),
      {
        conclusion: 'action_required',
        status:
          '3 of 4 required items done — waiting on: 1 manual item · 🔄 rollback in progress (incident 7)',
        runs: [`${CHECK_NAME}@${HEAD}:in_progress`],
      },
    ],
    [
      'a configuration problem fails closed',
      input([pass, manual, qa], { problems: ['.github/shipgate.yml:2: unknown key'] }),
      {
        conclusion: 'failure',
        status: '3 of 3 required items done — configuration invalid: .github/shipgate.yml:2: unknown key',
        runs: [`${CHECK_NAME}@${HEAD}:completed`],
      },
    ],
    [
      'merged: the post-deploy gate on the merge commit',
      input([pass, manual, qa], {
        pull: { number: 42, title: 'Release 1.2.3', author: 'rita', headSha: HEAD, mergeCommitSha: MERGE },
      }),
      {
        conclusion: 'action_required',
        status: 'merged as ccccccc · post-deploy: 0 of 1 required items done — waiting on: 1 manual item',
        runs: [`${POST_DEPLOY_CHECK}@${MERGE}:in_progress`],
      },
    ],
  ])('%s', (_name, facts, expected) => {
    const projection = projectRelease(facts);
    const shown = facts.pull.mergeCommitSha ? projection.gates.postDeploy : projection.gates.preMerge;
    expect(shown?.conclusion).toBe(expected.conclusion);
    expect(projection.status).toBe(expected.status);
    expect(projection.comment.split('\n')[1]).toContain(expected.status);
    expect(projection.checkRuns.map((run) => `${run.name}@${run.headSha}:${run.status}`)).toEqual(
      expected.runs,
    );
    expect(statusReply(projection, facts.pull.headSha)).toBe(
      `**shipgate** for \`${facts.pull.headSha.slice(0, 7)}\`: ${expected.status}`,
    );
  });

  it('signs the appended events and mirrors the ledger in the comment and the check run', () => {
    const projection = projectRelease(input([pass, manual]));
    expect(verifyLedger(projection.ledger, SECRET)).toBe(true);
    expect(projection.ledger.events).toHaveLength(2);
    const inComment = decodeStateBlock(projection.comment);
    expect(inComment.found && 'ledger' in inComment && inComment.ledger.events).toHaveLength(2);
    const run = projection.checkRuns[0];
    expect(run?.mirrorsLedger).toBe(true);
    const inRun = decodeStateBlock(run?.text ?? '');
    expect(inRun.found && 'ledger' in inRun && inRun.ledger.head).toBe(projection.ledger.head);
  });

  it('at the merge the final shipgate run on the head carries the signed audit record', () => {
    const projection = projectRelease(
      input([pass, manual, qa], {
        pull: { number: 42, title: 'Release 1.2.3', author: 'rita', headSha: HEAD, mergeCommitSha: MERGE },
        withAudit: true,
      }),
    );
    const final = projection.checkRuns.find((run) => run.name === CHECK_NAME);
    expect(final?.headSha).toBe(HEAD);
    expect(final?.conclusion).toBe('success');
    expect(final?.text).toContain('shipgate-audit');
    expect(projection.audit?.record.gate.conclusion).toBe('success');
  });

  it('is deterministic: the same facts give the same comment and runs', () => {
    expect(projectRelease(input([pass, manual]))).toEqual(projectRelease(input([pass, manual])));
  });
});

describe('projectMergeGroup: the PR gate on the queue commit', () => {
  it.each<[string, LedgerEvent[], LedgerEvent[], string]>([
    ['no results for the group commit: pending', [pass, manual, qa], [], 'action_required'],
    ['results for the group commit: ready', [pass, manual, qa], [onSha(pass, GROUP)], 'success'],
    [
      'a rollback on the PR keeps the queue waiting',
      [pass, manual, qa, rollback],
      [onSha(pass, GROUP)],
      'action_required',
    ],
  ])('%s', (_name, ledgerEvents, groupEvents, conclusion) => {
    const ledger = projectRelease(input(ledgerEvents)).ledger;
    const { gate, checkRun } = projectMergeGroup({ ...input([]), ledger, events: groupEvents, sha: GROUP });
    expect(gate.conclusion).toBe(conclusion);
    expect(checkRun.headSha).toBe(GROUP);
    expect(checkRun.summary).toContain('Merge queue commit for #42.');
    // the verdict the PR's own check gives when its head has exactly the group's results
    const humans = ledgerEvents.filter((event) => event.t !== 'result');
    const onHead = projectRelease(input([...humans, ...groupEvents.map((e) => onSha(e, HEAD))])).gates
      .preMerge;
    expect(gate.conclusion).toBe(onHead.conclusion);
  });
});

describe('phaseGate: the CLI and the audit record use the same rules', () => {
  it('counts activated rollback steps like the PR check', () => {
    const states = projectRelease(input([pass, manual, qa, rollback])).states;
    const gate = phaseGate({ checklist, states, headSha: HEAD, phase: 'pre-merge' });
    expect(gate.summary).toBe(projectRelease(input([pass, manual, qa, rollback])).gates.preMerge.summary);
    expect(gate.required).toBe(4);
  });
});
