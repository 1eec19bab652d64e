import { readFileSync } from 'node:fs';
import { InvalidInputError } from '../../src/core/errors.js';
import { deriveId, parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas } from '../../src/load/load-checklist.js';
import { seedItems, TEMPLATE_PATH, template } from '../helpers/core-builders.js';

function problemsOf(source: string): string[] {
  try {
    template(source);
  } catch (error) {
    if (error instanceof InvalidInputError)
      return error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('the built-in production-deployment template', () => {
  const checklist = parseTemplate(
    readFileSync(TEMPLATE_PATH, 'utf8'),
    'templates/production-deployment.md',
    checkSchemas,
  );

  it('has all 146 seed items with their exact texts, in seed order', () => {
    const seed = seedItems();
    expect(seed).toHaveLength(146);
    expect(checklist.items.map((item) => item.text)).toEqual(seed.map((item) => item.text));
  });

  it('binds at least 55 items to registered checks', () => {
    const auto = checklist.items.filter((item) => item.kind === 'auto');
    expect(auto.length).toBeGreaterThanOrEqual(55);
    for (const item of auto) expect(checkSchemas.has(item.check ?? '')).toBe(true);
  });

  it('binds the four approvals to roles and the post-deployment sections to post-deploy', () => {
    const signoffs = checklist.items.filter((item) => item.kind === 'signoff').map((item) => item.role);
    expect(signoffs).toEqual(['engineering-lead', 'qa-lead', 'product-owner', 'operations']);
    const phaseOf = (text: string) => checklist.items.find((item) => item.text === text)?.phase;
    expect(phaseOf('Home page loads')).toBe('post-deploy');
    expect(phaseOf('10% traffic to green')).toBe('post-deploy');
    expect(phaseOf('Uptime: 99.9% achieved')).toBe('post-deploy');
    expect(phaseOf('Team debriefed')).toBe('post-deploy');
    expect(phaseOf('Main bundle < 80KB')).toBe('pre-merge');
    const rollback = checklist.items.filter((item) => item.section.some((s) => s.includes('Rollback Plan')));
    expect(rollback).toHaveLength(10);
    expect(rollback.every((item) => item.optional)).toBe(true);
  });

  it('gives every item a unique id, including the repeated "Monitor for 15 minutes"', () => {
    const ids = checklist.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('traffic-cutover.monitor-for-15-minutes-2');
  });

  it('keeps the seed thresholds as parameters', () => {
    const params = (text: string) => checklist.items.find((item) => item.text === text)?.params;
    expect(params('Main bundle < 80KB')).toMatchObject({ target: 'main', limit: '80 kB' });
    expect(params('Coverage > 70%')).toMatchObject({ min: 70 });
    expect(params('LCP < 2.5s')).toMatchObject({ metric: 'lcp', max: 2500 });
  });
});

describe('parseTemplate', () => {
  it.each([
    [
      'manual item',
      '## S\n- [ ] Do it',
      { kind: 'manual', phase: 'pre-merge', optional: false, id: 's.do-it' },
    ],
    [
      'auto item with params',
      '## S\n- [ ] Scan <!-- shipgate: check=coverage min=80 -->',
      { kind: 'auto', check: 'coverage', params: { min: 80 }, text: 'Scan' },
    ],
    ['sign-off', '## S\n- [ ] QA: ___ <!-- shipgate: role=qa-lead -->', { kind: 'signoff', role: 'qa-lead' }],
    ['explicit id', '## S\n- [ ] X <!-- shipgate: id=my.item -->', { id: 'my.item' }],
    [
      'item phase',
      '## S\n- [ ] X <!-- shipgate: phase=post-deploy optional -->',
      { phase: 'post-deploy', optional: true },
    ],
    [
      'heading phase inherited',
      '## S <!-- shipgate: phase=post-deploy -->\n### T\n- [ ] X',
      { phase: 'post-deploy' },
    ],
    ['numbered item', '## S\n1. [ ] First', { text: 'First', line: 2 }],
    ['[x] in template still an item', '## S\n- [x] Done', { text: 'Done' }],
    [
      'quoted values',
      '## S\n- [ ] B <!-- shipgate: check=bundle-size limit="80 kB" -->',
      { params: { limit: '80 kB' } },
    ],
  ])('%s', (_name, source, expected) => {
    expect(template(source).items[0]).toMatchObject(expected);
  });

  it('does not read checkboxes inside code blocks', () => {
    expect(template('## S\n```\n- [ ] not an item\n```\n- [ ] item').items.map((item) => item.text)).toEqual([
      'item',
    ]);
  });

  it('records the heading path of each item', () => {
    expect(template('# T\n## 🔐 Security\n### Creds\n- [ ] X').items[0]?.section).toEqual([
      'T',
      '🔐 Security',
      'Creds',
    ]);
  });

  it.each([
    ['unknown check', '## S\n\n- [ ] X <!-- shipgate: check=nope -->', 'test.md:3: unknown check "nope"'],
    [
      'duplicate id',
      '## S\n- [ ] A <!-- shipgate: id=a -->\n- [ ] B <!-- shipgate: id=a -->',
      'test.md:3: duplicate item id "a" (first used on line 2)',
    ],
    [
      'bad parameter',
      '## S\n- [ ] C <!-- shipgate: check=coverage min=900 -->',
      'test.md:2: check "coverage": parameter min:',
    ],
    ['bad phase', '## S\n- [ ] C <!-- shipgate: phase=later -->', 'test.md:2: phase must be'],
    [
      'check and role',
      '## S\n- [ ] C <!-- shipgate: check=secrets role=qa -->',
      'test.md:2: an item is either',
    ],
    [
      'params without check',
      '## S\n- [ ] C <!-- shipgate: limit=3 -->',
      'test.md:2: unknown directive key(s) "limit"',
    ],
    ['broken directive', '## S\n- [ ] C <!-- shipgate: check="x -->', 'test.md:2: bad shipgate directive'],
    [
      'directive on text',
      '## S\nplain <!-- shipgate: optional -->\n- [ ] x',
      'test.md:2: a shipgate directive must be',
    ],
    ['unclosed fence', '## S\n- [ ] x\n```\ncode', 'test.md:4: code block is never closed'],
    ['no items', '# Nothing', 'test.md:1: template has no checkbox items'],
  ])('%s → file:line problem', (_name, source, expected) => {
    expect(problemsOf(source).join('\n')).toContain(expected);
  });

  it('reports every problem, not just the first', () => {
    expect(
      problemsOf('## S\n- [ ] A <!-- shipgate: check=x -->\n- [ ] B <!-- shipgate: check=y -->'),
    ).toHaveLength(2);
  });

  it('derives readable ids', () => {
    expect(
      deriveId(
        ['🔐 Pre-Deployment Security', 'Credentials & Secrets'],
        'JWT secrets generated (min 32 characters)',
      ),
    ).toBe('credentials-secrets.jwt-secrets-generated-min-32-characters');
  });
});
