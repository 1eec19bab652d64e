import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { renderComment } from '../../src/core/comment/render.js';
import { ConfigSchema, defaultConfig } from '../../src/core/config/config.js';
import { authorizeChange, factsNeeded } from '../../src/core/decide/authorize.js';
import { decideWaive, parseCommand } from '../../src/core/decide/commands.js';
import { planTicks, rejectionReply, tickEvents } from '../../src/core/decide/plan-ticks.js';
import { formatEvidenceText, toEvidence } from '../../src/core/evidence/evidence.js';
import { judgeEvidence } from '../../src/core/evidence/judge-evidence.js';
import { evidenceAudience } from '../../src/core/evidence/provenance.js';
import { buildCheckReport, roleForAction, signOffAction } from '../../src/core/gate/check-report.js';
import { evaluateGate } from '../../src/core/gate/gate.js';
import { chooseLedger } from '../../src/core/ledger/choose-ledger.js';
import { appendEvents, emptyLedger, foldLedger } from '../../src/core/ledger/ledger.js';
import { pushInvalidation } from '../../src/core/ledger/push-invalidation.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { verified } from '../helpers/oidc-tokens.js';

const SHA = 'a'.repeat(40);
const checklist = parseTemplate(
  [
    '# R',
    '- [ ] Auto thing <!-- shipgate: id=auto check=fake -->',
    '- [ ] Manual thing <!-- shipgate: id=manual -->',
    '- [ ] Other manual <!-- shipgate: id=manual2 -->',
    '- [ ] QA Lead: ____ <!-- shipgate: id=qa role=qa-lead -->',
  ].join('\n'),
  't.md',
  new Map([['fake', z.object({}).passthrough()]]),
);
const POLICY = { checklist, config: defaultConfig };
const config = ConfigSchema.parse({ roles: { 'qa-lead': { users: ['quinn'], teams: ['acme/qa'] } } });
const item = (id: string) => checklist.items.find((i) => i.id === id) ?? (undefined as never);
const render = (states = {}) =>
  renderComment({
    checklist,
    states,
    headSha: SHA,
    variables: {},
    gate: evaluateGate({ checklist, states, headSha: SHA, phase: 'pre-merge' }),
  });
const flip = (body: string, id: string, on: boolean) =>
  body.replace(new RegExp(`\\[[ x]\\](.*<!-- sg:${id} -->)`), `[${on ? 'x' : ' '}]$1`);

describe('authorizeChange', () => {
  it('lets role users and team members sign off, but not others or the author', () => {
    const base = { item: item('qa'), checked: true, prAuthor: 'rita', config };
    expect(authorizeChange({ ...base, actor: 'quinn', facts: {} }).ok).toBe(true);
    expect(authorizeChange({ ...base, actor: 'tom', facts: { roleMember: true } }).ok).toBe(true);
    const bob = authorizeChange({ ...base, actor: 'bob', facts: { roleMember: false } });
    expect(bob.ok || bob.message).toBe(
      '@bob cannot sign off "QA Lead": not in role qa-lead (ask @quinn, @acme/qa)',
    );
    expect(authorizeChange({ ...base, actor: 'rita', facts: { roleMember: true } }).ok).toBe(false);
    expect(factsNeeded(item('qa'), config, 'quinn')).toEqual({ permission: false });
    expect(factsNeeded(item('qa'), config, 'bob')).toEqual({ permission: false, role: 'qa-lead' });
  });
  it('needs write access for manual items and refuses humans on automated items', () => {
    const base = { checked: true, actor: 'bob', prAuthor: 'rita', config };
    expect(authorizeChange({ ...base, item: item('manual'), facts: { permission: 'maintain' } }).ok).toBe(
      true,
    );
    expect(authorizeChange({ ...base, item: item('manual'), facts: { permission: 'read' } }).ok).toBe(false);
    expect(authorizeChange({ ...base, item: item('auto'), facts: {} }).ok).toBe(false);
  });
});

describe('planTicks', () => {
  it('applies deliberate toggles and ignores a stale copy wiping a newer tick', () => {
    const empty = render();
    const ticked = { manual: { checked: true, by: 'alice', at: '2025-01-01T00:00:00Z', sha: SHA } };
    const current = render(ticked);
    // Bob saved his old copy (manual unticked, rendered without attribution) with manual2 ticked.
    const plan = planTicks({
      checklist,
      before: current,
      after: flip(empty, 'manual2', true),
      states: ticked,
      headSha: SHA,
    });
    expect(plan.changes.map((c) => [c.item.id, c.checked])).toEqual([['manual2', true]]);
    expect(plan.ignored).toEqual(['manual']);
    const untick = planTicks({
      checklist,
      before: current,
      after: flip(current, 'manual', false),
      states: ticked,
      headSha: SHA,
    });
    expect(untick.changes.map((c) => [c.item.id, c.checked])).toEqual([['manual', false]]);
  });
  it('turns decisions into events and one reply', () => {
    const change = { item: item('qa'), checked: true };
    const events = tickEvents(
      [
        { change, ok: false, reason: 'r', message: 'm1' },
        { change, ok: true },
      ],
      'bob',
      'T',
      SHA,
    );
    expect(events.map((e) => e.t)).toEqual(['reject', 'tick']);
    expect(rejectionReply([{ change, ok: false, message: 'm1' }])).toContain('- m1');
    expect(rejectionReply([{ change, ok: true }])).toBeUndefined();
  });
});

describe('ledger choice, push invalidation, evidence, commands, check report', () => {
  const secret = 's';
  const one = appendEvents(
    emptyLedger(secret),
    [{ t: 'tick', item: 'qa', by: 'quinn', at: 'T', sha: SHA }],
    secret,
  );
  const two = appendEvents(one, [{ t: 'tick', item: 'manual', by: 'bob', at: 'T', sha: SHA }], secret);
  it('keeps the longest verified ledger, so an old valid block cannot roll state back', () => {
    expect(chooseLedger([one, two], secret)).toBe(two);
    expect(chooseLedger([{ ...two, head: 'forged' }, one], secret)).toBe(one);
    expect(chooseLedger([two], 'other')).toBeUndefined();
  });
  it('resets sign-offs on push and names the commit', () => {
    const event = pushInvalidation({
      checklist,
      states: foldLedger(two),
      config,
      afterSha: 'b'.repeat(40),
      at: 'T',
    });
    expect(event).toMatchObject({ t: 'invalidate', items: ['qa'], reason: 'reset by push of bbbbbbb' });
  });
  it('accepts evidence only from GitHub Actions, for the head, from an unmodified workflow', () => {
    const text = formatEvidenceText(
      toEvidence(SHA, 'pre-merge', [
        { item: 'auto', text: '', check: 'fake', status: 'pass', summary: 'ok', findings: [] },
      ]),
    );
    const source = {
      appSlug: 'github-actions',
      runSha: SHA,
      expectedSha: SHA,
      repo: 'acme/web',
      pullNumber: 42,
      token: verified(evidenceAudience(text)),
      workflowFile: 'same' as const,
      text,
    };
    expect(judgeEvidence(source, POLICY, {}, 'T')).toMatchObject({
      accepted: true,
      events: [{ t: 'result', item: 'auto' }],
    });
    expect(judgeEvidence({ ...source, appSlug: 'evil' }, POLICY, {}, 'T').accepted).toBe(false);
    expect(judgeEvidence({ ...source, workflowFile: 'changed' }, POLICY, {}, 'T')).toMatchObject({
      accepted: false,
    });
    expect(judgeEvidence({ ...source, expectedSha: 'c'.repeat(40) }, POLICY, {}, 'T').accepted).toBe(false);
  });
  it('parses commands and refuses waiving sign-offs', () => {
    expect(parseCommand('please\n/shipgate waive auto flaky tool')).toEqual({
      name: 'waive',
      item: 'auto',
      reason: 'flaky tool',
    });
    expect(parseCommand('/shipgate refresh')).toEqual({ name: 'refresh' });
    expect(parseCommand('hello')).toBeUndefined();
    expect(decideWaive({ item: 'qa', reason: 'because' }, checklist.items)).toMatchObject({ ok: false });
    expect(decideWaive({ item: 'auto', reason: 'because' }, checklist.items)).toMatchObject({ ok: true });
  });
  it('reports waiting as in_progress with sign-off buttons within GitHub limits', () => {
    const gate = evaluateGate({ checklist, states: {}, headSha: SHA, phase: 'pre-merge' });
    const report = buildCheckReport({ gate, checklist, config });
    expect(report.status).toBe('in_progress');
    expect(report.conclusion).toBeUndefined();
    expect(report.summary).toContain('**QA Lead** sign-off — @quinn, @acme/qa');
    const action = signOffAction('engineering-lead-with-long-name');
    expect(action.identifier.length).toBeLessThanOrEqual(20);
    expect(action.label.length).toBeLessThanOrEqual(20);
    expect(action.description.length).toBeLessThanOrEqual(40);
    expect(roleForAction(action.identifier, ['engineering-lead-with-long-name'])).toBe(
      'engineering-lead-with-long-name',
    );
    const failing = buildCheckReport({ gate, checklist, config, problems: ['x.yml:1: bad'] });
    expect(failing).toMatchObject({ status: 'completed', conclusion: 'failure', actions: [] });
  });
});
