import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContracts as checks } from '../../checks/contracts/index.js';
import { renderCheckDocs } from '../../checks/lib/docs/check-docs.js';

const DOCS = join(process.cwd(), 'docs/checks.md');

describe('docs/checks.md', () => {
  test('is generated from the checks’ schemas (UPDATE_CHECK_DOCS=1 regenerates it)', () => {
    const rendered = renderCheckDocs(checks);
    if (process.env.UPDATE_CHECK_DOCS === '1') writeFileSync(DOCS, rendered);
    expect(readFileSync(DOCS, 'utf8')).toBe(rendered);
  });

  test('has one section per check, each saying what it proves', () => {
    const rendered = renderCheckDocs(checks);
    for (const check of checks) expect(rendered).toContain(`## \`${check.id}\``);
    const withoutProof = checks.filter((check) => !check.proves).map((check) => check.id);
    // ci-status is owned elsewhere (src/github).
    expect(withoutProof).toEqual(['ci-status']);
  });
});
