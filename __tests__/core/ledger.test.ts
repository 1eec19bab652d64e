import { decodeStateBlock, encodeStateBlock } from '../../src/core/comment/state-block.js';
import {
  appendEvents,
  compactLedger,
  emptyLedger,
  foldLedger,
  type Ledger,
  type LedgerEvent,
  verifyLedger,
} from '../../src/core/ledger/ledger.js';
import { HEAD, NOW, OLD, SECRET } from '../helpers/core-builders.js';

const tick = (item: string, by = 'alice', sha = HEAD): LedgerEvent => ({ t: 'tick', item, by, at: NOW, sha });

function ledgerWith(events: LedgerEvent[]): Ledger {
  return appendEvents(emptyLedger(SECRET), events, SECRET);
}

describe('ledger', () => {
  const ledger = ledgerWith([
    tick('a'),
    { t: 'result', item: 'b', status: 'pass', summary: '61 kB ≤ 80 kB', at: NOW, sha: HEAD },
    { t: 'waive', item: 'c', by: 'lead', at: NOW, sha: HEAD, reason: 'not applicable' },
    { t: 'untick', item: 'a', by: 'bob', at: NOW, sha: HEAD },
    { t: 'invalidate', items: ['c'], at: NOW, sha: OLD, reason: 'reset by push of bbbbbbb' },
  ]);

  it('verifies an untouched ledger and survives the hidden-block round trip', () => {
    expect(verifyLedger(ledger, SECRET)).toBe(true);
    const decoded = decodeStateBlock(`text\n${encodeStateBlock(ledger)}\n`);
    expect(decoded.found && 'ledger' in decoded && verifyLedger(decoded.ledger, SECRET)).toBe(true);
  });

  it('folds events into item states', () => {
    expect(foldLedger(ledger)).toEqual({
      a: { checked: false, by: 'bob', at: NOW, sha: HEAD },
      b: { checked: true, by: 'shipgate', at: NOW, sha: HEAD, status: 'pass', summary: '61 kB ≤ 80 kB' },
      c: { checked: false, at: NOW, sha: OLD, reset: 'reset by push of bbbbbbb' },
    });
  });

  const tampered: [string, (l: Ledger) => Ledger][] = [
    [
      'an event edited',
      (l) => ({
        ...l,
        events: l.events.map((e, i) => (i === 0 ? { ...e, by: 'mallory' } : e)) as LedgerEvent[],
      }),
    ],
    ['an event removed', (l) => ({ ...l, events: l.events.slice(1) })],
    ['events reordered', (l) => ({ ...l, events: [...l.events].reverse() })],
    ['an event appended without the secret', (l) => ({ ...l, events: [...l.events, tick('x', 'mallory')] })],
    ['the base state forged', (l) => ({ ...l, base: { ...l.base, states: { x: { checked: true } } } })],
    ['the head replaced', (l) => ({ ...l, head: 'AAAA' })],
  ];
  it.each(tampered)('detects %s', (_name, mutate) => {
    expect(verifyLedger(mutate(ledger), SECRET)).toBe(false);
  });

  it('rejects a ledger signed with another secret', () => {
    expect(verifyLedger(ledger, 'other-secret')).toBe(false);
  });

  it('compacts old events into a signed base that still verifies and folds the same', () => {
    const long = ledgerWith(
      Array.from({ length: 400 }, (_, i) => tick(`item-${i % 50}`, i % 2 ? 'alice' : 'bob')),
    );
    const compacted = compactLedger(long, 20, SECRET);
    expect(compacted.events).toHaveLength(20);
    expect(compacted.base.count).toBe(380);
    expect(verifyLedger(compacted, SECRET)).toBe(true);
    expect(foldLedger(compacted)).toEqual(foldLedger(long));
    expect(verifyLedger({ ...compacted, base: { ...compacted.base, count: 1 } }, SECRET)).toBe(false);
  });

  it('keeps a waiver over later automated results until a push resets it', () => {
    const states = foldLedger(
      ledgerWith([
        { t: 'waive', item: 'lh', by: 'lead', at: NOW, sha: HEAD, reason: 'no browser' },
        { t: 'result', item: 'lh', status: 'skipped', summary: 'no Chromium', at: NOW, sha: HEAD },
      ]),
    );
    expect(states.lh?.waived).toEqual({ by: 'lead', reason: 'no browser' });
  });

  it('reports a malformed block as found but unreadable', () => {
    expect(decodeStateBlock('<!-- shipgate:state v1 bm9wZQ -->')).toEqual({
      found: true,
      error: expect.any(String),
    });
    expect(decodeStateBlock('no block')).toEqual({ found: false });
  });
});
