import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ConfigSchema, defaultConfig } from '../../src/core/config/config.js';
import { parseConfig } from '../../src/core/config/config-file.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { evaluateGate } from '../../src/core/gate/gate.js';
import {
  invalidationEvent,
  planPushInvalidation,
  versionFileCandidates,
} from '../../src/core/ledger/invalidation.js';
import { appendEvents, emptyLedger, foldLedger, type ItemStates } from '../../src/core/ledger/ledger.js';
import { pushInvalidation } from '../../src/core/ledger/push-invalidation.js';
import { compileGlobs, globProblem, splitList } from '../../src/core/template/path-globs.js';
import { parseTemplate } from '../../src/core/template/template.js';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
// A strict check schema: scope directives must not leak into check parameters.
const checks = new Map([['fake', z.object({}).strict()]]);
const checklist = parseTemplate(
  [
    '# Release',
    '- [ ] Bundle <!-- shipgate: id=bundle check=fake -->',
    '- [ ] Smoke tested <!-- shipgate: id=smoke -->',
    '- [ ] Migration dry run <!-- shipgate: id=dry-run invalidate-on="db/**,migrations/**" -->',
    '- [ ] QA Lead: ____ <!-- shipgate: id=qa role=qa-lead -->',
    '- [ ] Engineering Lead: ____ <!-- shipgate: id=eng role=engineering-lead -->',
    '- [ ] DBA: ____ <!-- shipgate: id=dba role=dba invalidate-on="migrations/**" -->',
    '- [ ] Not ticked <!-- shipgate: id=idle -->',
  ].join('\n'),
  't.md',
  checks,
);
const config = ConfigSchema.parse({
  roles: {
    'qa-lead': { users: ['quinn'], invalidateOn: ['src/**'] },
    'engineering-lead': { users: ['erin'] },
    dba: { users: ['dana'], invalidateOn: ['**'] }, // the item's own invalidate-on wins
  },
  invalidateOnPush: {
    manual: true,
    ignore: ['CHANGELOG.md', '**/*.md'],
    versionFiles: ['package.json', 'package-lock.json'],
  },
});
const ticked = (by: string) => ({ checked: true, by, at: 'T', sha: OLD });
const states: ItemStates = {
  bundle: { ...ticked('wendy'), waived: { by: 'wendy', reason: 'flaky tool' } },
  smoke: ticked('sam'),
  'dry-run': ticked('sam'),
  qa: ticked('quinn'),
  eng: ticked('erin'),
  dba: ticked('dana'),
};
const plan = (changedFiles?: string[], versionOnlyFiles?: string[]) =>
  planPushInvalidation({ checklist, config, states, changedFiles, versionOnlyFiles, newSha: NEW });

describe('planPushInvalidation', () => {
  it.each([
    {
      name: 'a source change resets QA (src/**) but not path-scoped items',
      files: ['src/app.ts'],
      items: ['bundle', 'smoke', 'qa', 'eng'],
      reason: 'reset by push of bbbbbbb (src/app.ts changed)',
    },
    {
      name: 'a docs-only push resets nothing (ignored **/*.md)',
      files: ['docs/guide.md', 'README.md'],
      items: undefined,
    },
    {
      name: 'CHANGELOG.md + version-only package.json resets nothing',
      files: ['CHANGELOG.md', 'package.json'],
      versionOnly: ['package.json'],
      items: undefined,
    },
    {
      name: 'package.json with more than a version bump counts as a change',
      files: ['CHANGELOG.md', 'package.json'],
      versionOnly: [],
      items: ['bundle', 'smoke', 'eng'],
      reason: 'reset by push of bbbbbbb (package.json changed)',
    },
    {
      name: 'a version-only file that is not a configured versionFile still counts',
      files: ['VERSION.txt'],
      versionOnly: ['VERSION.txt'],
      items: ['bundle', 'smoke', 'eng'],
      reason: 'reset by push of bbbbbbb (VERSION.txt changed)',
    },
    {
      name: 'a migration resets the invalidate-on items and unscoped ones, not QA',
      files: ['migrations/001_add_orders.sql'],
      items: ['bundle', 'smoke', 'dry-run', 'eng', 'dba'],
      reason: 'reset by push of bbbbbbb (migrations/001_add_orders.sql changed)',
    },
    {
      name: 'several files: the reason names the first and counts the rest',
      files: ['src/a.ts', 'src/b.ts', 'db/seed.sql'],
      items: ['bundle', 'smoke', 'dry-run', 'qa', 'eng'],
      reason: 'reset by push of bbbbbbb (src/a.ts and 2 more changed)',
    },
    {
      name: 'unknown changed files reset every candidate, as before path rules',
      files: undefined,
      items: ['bundle', 'smoke', 'dry-run', 'qa', 'eng', 'dba'],
      reason: 'reset by push of bbbbbbb',
    },
    { name: 'a push that changes no file resets nothing', files: [], items: undefined },
  ])('$name', ({ files, versionOnly, items, reason }) => {
    const result = plan(files, versionOnly);
    if (items === undefined) expect(result).toBeUndefined();
    else expect(result).toMatchObject({ items, reason });
  });

  it('with the default config, any change resets sign-offs and waivers but not manual ticks', () => {
    const result = planPushInvalidation({
      checklist,
      config: defaultConfig,
      states,
      changedFiles: ['CHANGELOG.md'],
      newSha: NEW,
    });
    // dba keeps its own invalidate-on="migrations/**" whatever the config says
    expect(result?.items).toEqual(['bundle', 'qa', 'eng']);
  });

  it('honours negated and brace globs, in order', () => {
    const scoped = ConfigSchema.parse({
      roles: { 'qa-lead': { invalidateOn: ['src/{app,lib}/**', '!src/**/*.test.ts'] } },
    });
    const reset = (file: string) =>
      planPushInvalidation({
        checklist,
        config: scoped,
        states,
        changedFiles: [file],
        newSha: NEW,
      })?.items.includes('qa');
    expect(reset('src/app/server.ts')).toBe(true);
    expect(reset('src/lib/.env')).toBe(true); // dotfiles count
    expect(reset('src/app/server.test.ts')).toBe(false);
    expect(reset('src/other/x.ts')).toBe(false);
  });

  it('keeps the reason short enough for the comment with a long path', () => {
    const long = `src/${'deeply/'.repeat(20)}nested-file.ts`;
    const result = plan([long, 'src/b.ts']);
    expect(result?.reason.length).toBeLessThanOrEqual(80);
    expect(result?.reason).toContain('nested-file.ts and 1 more changed');
    expect(result?.files).toEqual([long, 'src/b.ts']);
  });

  it('feeds the ledger: reset items show the reason and block the gate again', () => {
    const secret = 's';
    const ledger = appendEvents(
      emptyLedger(secret),
      [
        { t: 'tick', item: 'qa', by: 'quinn', at: 'T', sha: OLD },
        { t: 'tick', item: 'eng', by: 'erin', at: 'T', sha: OLD },
      ],
      secret,
    );
    const result = planPushInvalidation({
      checklist,
      config,
      states: foldLedger(ledger),
      changedFiles: ['README.md', 'src/x.ts'],
      newSha: NEW,
    });
    if (!result) throw new Error('expected a reset');
    const after = foldLedger(appendEvents(ledger, [invalidationEvent(result, NEW, 'T2')], secret));
    expect(after.qa).toMatchObject({ checked: false, reset: 'reset by push of bbbbbbb (src/x.ts changed)' });
    const gate = evaluateGate({ checklist, states: after, headSha: NEW, phase: 'pre-merge' });
    expect(gate.blockers).toContainEqual({ kind: 'role', role: 'qa-lead', items: ['qa'] });
  });
});

describe('pushInvalidation (the ledger event the bot appends)', () => {
  const base = { checklist, states, config, afterSha: NEW, at: 'T2' };
  it('keeps its old behaviour without changed files', () => {
    expect(pushInvalidation(base)).toEqual({
      t: 'invalidate',
      items: ['bundle', 'smoke', 'dry-run', 'qa', 'eng', 'dba'],
      at: 'T2',
      sha: NEW,
      reason: 'reset by push of bbbbbbb',
    });
  });
  it('applies the path rules with changed files', () => {
    expect(pushInvalidation({ ...base, changedFiles: ['CHANGELOG.md'] })).toBeUndefined();
    expect(pushInvalidation({ ...base, changedFiles: ['src/a.ts'] })).toMatchObject({
      t: 'invalidate',
      items: ['bundle', 'smoke', 'qa', 'eng'],
      reason: 'reset by push of bbbbbbb (src/a.ts changed)',
    });
  });
});

describe('helpers', () => {
  it('versionFileCandidates names the changed files the bot should diff', () => {
    expect(versionFileCandidates(config, ['package.json', 'src/a.ts', 'package-lock.json'])).toEqual([
      'package.json',
      'package-lock.json',
    ]);
    expect(versionFileCandidates(defaultConfig, ['package.json'])).toEqual([]);
  });
  it.each([
    ['src/**', 'src/a/b.ts', true],
    ['src/**', 'lib/src/a.ts', false],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/a.md', false],
    ['**/*.md', 'README.md', true],
    ['**/*.md', 'docs/a.md', true],
    ['src/**', './src/a.ts', true],
  ])('glob %s matches %s: %s', (glob, file, expected) => {
    expect(compileGlobs([glob])(file)).toBe(expected);
  });
  it('refuses globs that would backtrack badly on hostile paths; allowed ones stay usable', () => {
    expect(globProblem('*a*a*a')).toContain('more than 2 * wildcards');
    expect(globProblem('src/**/*.test.*')).toBeUndefined();
    expect(() => parseTemplate('- [ ] X <!-- shipgate: when-paths="x/*a*b*c" -->', 't.md', checks)).toThrow(
      'wildcards in one path segment',
    );
    expect(() => ConfigSchema.parse({ invalidateOnPush: { ignore: ['*-*-*.md'] } })).toThrow('wildcards');
    // extglobs are literal text, not nested quantifiers
    expect(compileGlobs(['+(a|b)'])('a')).toBe(false);
    expect(compileGlobs(['*a*a'])(`${'a'.repeat(4096)}b`)).toBe(false);
  });
  it('splits lists on commas outside braces', () => {
    expect(splitList(' src/**, db/{a,b}/** ,,')).toEqual(['src/**', 'db/{a,b}/**']);
  });
});

describe('template and config keys', () => {
  it('reads invalidate-on into the item, not into check parameters', () => {
    const dryRun = checklist.items.find((item) => item.id === 'dry-run');
    expect(dryRun?.invalidateOn).toEqual(['db/**', 'migrations/**']);
    const auto = parseTemplate(
      '- [ ] B <!-- shipgate: id=b check=fake invalidate-on="src/**" -->',
      't.md',
      checks,
    ).items[0];
    expect(auto).toMatchObject({ params: {}, invalidateOn: ['src/**'] });
  });
  it.each([
    ['- [ ] X <!-- shipgate: invalidate-on -->', 'invalidate-on needs a value'],
    ['- [ ] X <!-- shipgate: invalidate-on="" -->', 'invalidate-on needs at least one entry'],
    [`- [ ] X <!-- shipgate: invalidate-on="${Array(51).fill('a').join(',')}" -->`, 'at most 50 globs'],
    [`- [ ] X <!-- shipgate: invalidate-on="${'a'.repeat(201)}" -->`, 'longer than 200'],
  ])('rejects %s', (source, message) => {
    expect(() => parseTemplate(source, 't.md', checks)).toThrow(message);
  });
  it('keeps the default invalidation config as it was', () => {
    expect(defaultConfig.invalidateOnPush).toEqual({ automated: true, signoffs: true, manual: false });
    expect(defaultConfig.roles).toEqual({});
  });
  it('parses the new keys from YAML and rejects bad ones with their line', () => {
    const parsed = parseConfig(
      [
        'roles:',
        '  qa-lead: { users: [quinn], invalidateOn: ["src/**"] }',
        'invalidateOnPush:',
        '  ignore: [CHANGELOG.md, "**/*.md"]',
        '  versionFiles: [package.json]',
      ].join('\n'),
      'x.yml',
    );
    expect(parsed.roles['qa-lead']?.invalidateOn).toEqual(['src/**']);
    expect(parsed.invalidateOnPush).toMatchObject({ ignore: ['CHANGELOG.md', '**/*.md'] });
    const problems = (text: string) => {
      try {
        parseConfig(text, 'x.yml');
        return [];
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return error.problems.map((problem) => `${problem.line}: ${problem.message}`);
      }
    };
    expect(problems('roles:\n  qa: { invalidateOn: [] }')[0]).toMatch(
      /^2: roles\.qa\.invalidateOn: needs at least/,
    );
    expect(problems('invalidateOnPush:\n  ignored: [a]')[0]).toMatch(/^2: invalidateOnPush/);
  });
});
