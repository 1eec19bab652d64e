import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { renderItemLine } from '../../src/core/comment/render.js';
import { decodeStateBlock, encodeStateBlock } from '../../src/core/comment/state-block.js';
import { ConfigSchema } from '../../src/core/config/config.js';
import { parseCommand } from '../../src/core/decide/commands.js';
import { planNotApplicable } from '../../src/core/decide/not-applicable.js';
import { evaluateGate } from '../../src/core/gate/gate.js';
import { planPushInvalidation } from '../../src/core/ledger/invalidation.js';
import {
  appendEvents,
  emptyLedger,
  foldLedger,
  type LedgerEvent,
  verifyLedger,
} from '../../src/core/ledger/ledger.js';
import { parseTemplate } from '../../src/core/template/template.js';

const HEAD = 'd'.repeat(40);
const checklist = parseTemplate(
  [
    '# Release',
    '- [ ] Lighthouse ≥ 90 <!-- shipgate: id=lighthouse check=fake -->',
    '- [ ] Migrations run on staging <!-- shipgate: id=migrate invalidate-on="migrations/**" -->',
    '- [ ] QA Lead: ____ <!-- shipgate: id=qa role=qa-lead -->',
  ].join('\n'),
  't.md',
  new Map([['fake', z.object({}).strict()]]),
);
const item = (id: string) => checklist.items.find((candidate) => candidate.id === id) ?? (undefined as never);
const mark = (id: string, reason: string) =>
  planNotApplicable({
    item: id,
    by: 'nina',
    reason,
    at: '2025-06-01T10:00:00Z',
    sha: HEAD,
    items: checklist.items,
  });

describe('planNotApplicable', () => {
  it.each([
    ['migrate', '', 'N/A needs a reason of at least 10 characters'],
    ['migrate', 'n/a', 'N/A needs a reason'],
    ['migrate', '  \n\t  short  ', 'N/A needs a reason'],
    ['qa', 'QA is not needed for this one', 'sign-offs cannot be marked not applicable'],
    ['nope', 'no such item in the checklist', 'no checklist item with id `nope`'],
  ])('refuses %s with reason %j', (id, reason, message) => {
    const decision = mark(id, reason);
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.message).toContain(message);
  });

  it('accepts a reason and records who and why as an audited waive event with na', () => {
    expect(mark('migrate', 'no schema change\nin this release')).toEqual({
      ok: true,
      event: {
        t: 'waive',
        na: true,
        item: 'migrate',
        by: 'nina',
        at: '2025-06-01T10:00:00Z',
        sha: HEAD,
        reason: 'no schema change in this release',
      },
    });
    const long = mark('lighthouse', 'x'.repeat(1000));
    expect(long.ok && long.event.reason.length).toBe(300);
  });

  it('parses /shipgate na and n/a', () => {
    expect(parseCommand('/shipgate na migrate no schema change here')).toEqual({
      name: 'na',
      item: 'migrate',
      reason: 'no schema change here',
    });
    expect(parseCommand('/shipgate N/A migrate')).toEqual({ name: 'na', item: 'migrate', reason: '' });
  });
});

describe('an N/A mark in the ledger', () => {
  const secret = 'k';
  const decision = mark('migrate', 'no schema change in this release');
  if (!decision.ok) throw new Error(decision.message);
  const ledger = appendEvents(emptyLedger(secret), [decision.event], secret);
  const states = foldLedger(ledger);

  it('survives the state block round trip and keeps the chain valid', () => {
    const decoded = decodeStateBlock(`body\n${encodeStateBlock(ledger)}`);
    if (!decoded.found || !('ledger' in decoded)) throw new Error('no ledger');
    expect(verifyLedger(decoded.ledger, secret)).toBe(true);
    expect(foldLedger(decoded.ledger).migrate?.waived).toEqual({
      by: 'nina',
      reason: 'no schema change in this release',
      na: true,
    });
  });

  it('old blocks with plain waivers still read and verify', () => {
    const waive: LedgerEvent = {
      t: 'waive',
      item: 'lighthouse',
      by: 'w',
      at: 'T',
      sha: HEAD,
      reason: 'flaky',
    };
    const old = appendEvents(emptyLedger(secret), [waive], secret);
    const decoded = decodeStateBlock(encodeStateBlock(old));
    if (!decoded.found || !('ledger' in decoded)) throw new Error('no ledger');
    expect(verifyLedger(decoded.ledger, secret)).toBe(true);
    expect(foldLedger(decoded.ledger).lighthouse?.waived).toEqual({ by: 'w', reason: 'flaky' });
  });

  it('is not required by the gate, unlike a waiver, which counts as done', () => {
    const gate = evaluateGate({ checklist, states, headSha: HEAD, phase: 'pre-merge' });
    expect(gate.required).toBe(2);
    expect(gate.summary).toBe(
      '0 of 2 required items done (1 not applicable) — waiting on: QA Lead, 1 pending check',
    );
  });

  it('renders as N/A by who, with the reason', () => {
    expect(renderItemLine(item('migrate'), states.migrate, HEAD)).toBe(
      '- [x] Migrations run on staging — ⚪ N/A by @nina: no schema change in this release <!-- sg:migrate -->',
    );
  });

  it('is reset by a push that touches the item scope, and only then', () => {
    const config = ConfigSchema.parse({});
    const reset = (files: string[]) =>
      planPushInvalidation({ checklist, config, states, changedFiles: files, newSha: HEAD })?.items;
    expect(reset(['src/a.ts'])).toBeUndefined();
    expect(reset(['migrations/003.sql'])).toEqual(['migrate']);
  });
});
