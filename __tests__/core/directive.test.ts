/** `renderDirective` writes what `splitDirective` reads back: the parse of a rendered line is its values. */
import { describe, expect, it } from '@jest/globals';
import { renderDirective, splitDirective } from '../../src/core/template/directive.js';
import type { CheckParams } from '../../src/core/template/model.js';

const cases: { name: string; values: CheckParams; rendered: string }[] = [
  {
    name: 'plain pairs',
    values: { check: 'health', path: '/healthz' },
    rendered: 'check=health path=/healthz',
  },
  {
    name: 'numbers',
    values: { check: 'env-secrets', minLength: 32 },
    rendered: 'check=env-secrets minLength=32',
  },
  {
    name: 'a bare key for true',
    values: { check: 'secrets', strict: true },
    rendered: 'check=secrets strict',
  },
  { name: 'spaces quoted', values: { limit: '80 kB' }, rendered: 'limit="80 kB"' },
  {
    name: 'quotes and backslashes escaped',
    values: { metrics: 'error-rate<=1,p95<=200', query: 'up{job="a\\b"}' },
    rendered: 'metrics=error-rate<=1,p95<=200 query="up{job=\\"a\\\\b\\"}"',
  },
  { name: 'an empty string quoted', values: { na: '' }, rendered: 'na=""' },
];

describe('renderDirective', () => {
  it.each(cases)('$name', ({ values, rendered }) => {
    const line = `- [ ] Item${renderDirective(values)}`;
    expect(line).toBe(`- [ ] Item <!-- shipgate: ${rendered} -->`);
    expect(splitDirective(line)).toEqual({ rest: '- [ ] Item', values });
  });

  it('no values: no directive', () => {
    expect(renderDirective({})).toBe('');
  });
});
