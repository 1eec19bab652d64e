import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { renderComment, renderItemLine } from '../../src/core/comment/render.js';
import { evaluateGate } from '../../src/core/gate/gate.js';
import type { ItemStates } from '../../src/core/ledger/ledger.js';
import { applicableItems, notApplicableItems } from '../../src/core/template/conditions.js';
import { parseTemplate } from '../../src/core/template/template.js';

const HEAD = 'c'.repeat(40);
const checks = new Map([['fake', z.object({}).strict()]]);
const checklist = parseTemplate(
  [
    '# Release',
    '- [ ] Tests pass <!-- shipgate: id=tests check=fake -->',
    '- [ ] Migrations reviewed <!-- shipgate: id=migrate when-paths="migrations/**" -->',
    '- [ ] Backup taken <!-- shipgate: id=backup when-labels="db,Data" -->',
    '- [ ] DBA: ____ <!-- shipgate: id=dba role=dba when-paths="migrations/**,db/**" when-labels=db -->',
    '- [ ] Load test <!-- shipgate: id=load check=fake when-paths="src/api/**" -->',
  ].join('\n'),
  't.md',
  checks,
);
const find = (id: string) => checklist.items.find((item) => item.id === id) ?? (undefined as never);

describe('template: when-paths / when-labels', () => {
  it('are read into the item (not check parameters)', () => {
    expect(find('migrate').when).toEqual({ paths: ['migrations/**'] });
    expect(find('backup').when).toEqual({ labels: ['db', 'Data'] });
    expect(find('dba').when).toEqual({ paths: ['migrations/**', 'db/**'], labels: ['db'] });
    expect(find('load')).toMatchObject({ params: {}, when: { paths: ['src/api/**'] } });
    expect(find('tests').when).toBeUndefined();
  });
  it.each([
    ['- [ ] X <!-- shipgate: when-paths -->', 'when-paths needs a value'],
    ['- [ ] X <!-- shipgate: when-labels=" , " -->', 'when-labels needs at least one entry'],
    [`- [ ] X <!-- shipgate: when-labels="${'l'.repeat(51)}" -->`, 'label longer than 50'],
    [`- [ ] X <!-- shipgate: when-labels="${Array(21).fill('l').join(',')}" -->`, 'at most 20 labels'],
  ])('rejects %s', (source, message) => {
    expect(() => parseTemplate(source, 't.md', checks)).toThrow(message);
  });
});

describe('notApplicableItems / applicableItems', () => {
  it.each([
    {
      name: 'no matching paths or labels',
      files: ['src/ui/app.tsx'],
      labels: ['release'],
      na: ['migrate', 'backup', 'dba', 'load'],
    },
    { name: 'a migration changed', files: ['migrations/002.sql'], labels: [], na: ['backup', 'load'] },
    { name: 'labelled db (case-insensitive)', files: [], labels: ['DB'], na: ['migrate', 'load'] },
    { name: 'labelled data', files: ['db/seed.sql'], labels: ['data'], na: ['migrate', 'load'] },
    { name: 'an API change', files: ['src/api/orders.ts'], labels: [], na: ['migrate', 'backup', 'dba'] },
    {
      name: 'unknown changed files: path conditions fail closed, labels still decide',
      files: undefined,
      labels: [],
      na: ['backup'],
    },
  ])('$name', ({ files, labels, na }) => {
    const facts = { changedFiles: files, labels };
    expect([...notApplicableItems(checklist, facts).keys()]).toEqual(na);
    const applicable = applicableItems(checklist, facts);
    for (const item of checklist.items) expect(applicable.has(item.id)).toBe(!na.includes(item.id));
  });

  it('says why', () => {
    const why = notApplicableItems(checklist, { changedFiles: [], labels: [] });
    expect(why.get('migrate')).toBe('no changes in migrations/**');
    expect(why.get('backup')).toBe('no label db or Data');
    expect(why.get('dba')).toBe('no changes in migrations/**, db/** and no label db');
  });
});

describe('gate and comment with not-applicable items', () => {
  const facts = { changedFiles: ['src/ui/app.tsx'], labels: [] };
  const why = notApplicableItems(checklist, facts);
  const passed: ItemStates = {
    tests: { checked: true, status: 'pass', sha: HEAD, summary: 'ok', by: 'shipgate', at: 'T' },
  };
  const gate = (states: ItemStates, notApplicable?: readonly string[]) =>
    evaluateGate({ checklist, states, headSha: HEAD, phase: 'pre-merge', notApplicable });

  it.each([
    {
      name: 'without notApplicable every item is required (unchanged behaviour)',
      states: passed,
      na: undefined,
      conclusion: 'action_required',
      summary: '1 of 5 required items done — waiting on: Dba, 2 manual items, 1 pending check',
    },
    {
      name: 'not-applicable items are not required: the gate passes',
      states: passed,
      na: [...why.keys()],
      conclusion: 'success',
      summary: '1 of 1 required items done (4 not applicable) — ready',
    },
    {
      name: 'the applicable items still block',
      states: {},
      na: [...why.keys()],
      conclusion: 'action_required',
      summary: '0 of 1 required items done (4 not applicable) — waiting on: 1 pending check',
    },
  ])('$name', ({ states, na, conclusion, summary }) => {
    const decision = gate(states, na);
    expect(decision.conclusion).toBe(conclusion);
    expect(decision.summary).toBe(summary);
  });

  it('renders not-applicable items with the reason, Markdown in globs escaped', () => {
    const body = renderComment({
      checklist,
      states: passed,
      headSha: HEAD,
      variables: {},
      gate: gate(passed, [...why.keys()]),
      notApplicable: why,
    });
    expect(body).toContain(
      '- [ ] Migrations reviewed — ⚪ not applicable (no changes in migrations/\\*\\*) <!-- sg:migrate -->',
    );
    expect(body).toContain('- [ ] Backup taken — ⚪ not applicable (no label db or Data) <!-- sg:backup -->');
    expect(body).toContain('- [x] Tests pass — ✅ ok <!-- sg:tests -->');
  });

  it('renders exactly as before when no notApplicable is given', () => {
    const input = { checklist, states: passed, headSha: HEAD, variables: {}, gate: gate(passed) };
    expect(renderComment({ ...input, notApplicable: new Map() })).toBe(renderComment(input));
    expect(renderItemLine(find('migrate'), undefined, HEAD)).toBe(
      '- [ ] Migrations reviewed <!-- sg:migrate -->',
    );
  });
});
