/** Issue 20's pure rules, table-driven: result bindings, workflow identity, workflow shapes, pipeline files. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigSchema } from '../../src/core/config/config.js';
import { checksWorkflowShape } from '../../src/core/doctor/workflow-shape.js';
import {
  bindingMismatch,
  describeParams,
  directiveDigest,
  effectiveParams,
} from '../../src/core/evidence/binding.js';
import { compareRuns } from '../../src/core/evidence/judge-evidence.js';
import { pipelineChanges } from '../../src/core/evidence/pipeline-files.js';
import type { ActionsClaims } from '../../src/core/evidence/provenance.js';
import {
  judgeJobWorkflow,
  parseWorkflowRef,
  referencesShipgate,
} from '../../src/core/evidence/workflow-identity.js';
import type { ChecklistItem } from '../../src/core/template/model.js';

const item = (check: string, params: ChecklistItem['params']): ChecklistItem => ({
  id: 'i',
  text: 't',
  kind: 'auto',
  check,
  params,
  phase: 'pre-merge',
  optional: false,
  section: [],
  line: 1,
});
const bind = (check: string, params: ChecklistItem['params']) => ({
  check,
  params,
  directive: directiveDigest(check, params),
});

describe('result bindings', () => {
  it('the digest ignores key order and changes with any value', () => {
    expect(directiveDigest('bundle-size', { a: 1, b: 'x' })).toBe(
      directiveDigest('bundle-size', { b: 'x', a: 1 }),
    );
    expect(directiveDigest('bundle-size', { a: 1 })).not.toBe(directiveDigest('bundle-size', { a: '1' }));
    expect(directiveDigest('bundle-size', {})).not.toBe(directiveDigest('build-output', {}));
  });
  it('config overrides are part of the effective parameters; enabled is not', () => {
    const config = ConfigSchema.parse({ checks: { 'bundle-size': { limit: '90 kB', enabled: true } } });
    expect(effectiveParams(item('bundle-size', { target: 'main', limit: '80 kB' }), config)).toEqual({
      target: 'main',
      limit: '90 kB',
    });
  });
  it.each([
    ['the same binding', bind('bundle-size', { limit: '80 kB' }), undefined],
    [
      'a loosened limit',
      bind('bundle-size', { limit: '80 MB' }),
      'measured with other parameters (limit: policy "80 kB", measured with "80 MB")',
    ],
    [
      'a parameter added',
      bind('bundle-size', { limit: '80 kB', gzip: false }),
      'gzip: policy (unset), measured with false',
    ],
    ['a parameter dropped', bind('bundle-size', {}), 'limit: policy "80 kB", measured with (unset)'],
    [
      'a swapped check',
      bind('env-files', {}),
      'measured with check env-files, but the policy binds it to bundle-size',
    ],
    [
      'a digest that does not match its own parameters',
      {
        check: 'bundle-size',
        params: { limit: '80 MB' },
        directive: directiveDigest('bundle-size', { limit: '80 kB' }),
      },
      'its directive digest does not match its own parameters',
    ],
  ])('%s', (_name, got, expected) => {
    const problem = bindingMismatch(bind('bundle-size', { limit: '80 kB' }), got);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(expected);
  });
  it('describes parameters as a template writes them', () => {
    expect(describeParams({ target: 'main', limit: '80 kB' })).toBe('limit="80 kB" target=main');
    expect(describeParams({})).toBe('(no parameters)');
  });
});

describe('the newest run wins', () => {
  it.each([
    [{ iat: 10, id: '5', attempt: 1 }, { iat: 11, id: '4', attempt: 1 }, -1],
    [{ iat: 10, id: '9', attempt: 1 }, { iat: 10, id: '10', attempt: 1 }, -1],
    [{ iat: 10, id: '10', attempt: 2 }, { iat: 10, id: '10', attempt: 1 }, 1],
    [{ iat: 10, id: '10', attempt: 1 }, { iat: 10, id: '10', attempt: 1 }, 0],
  ])('%j vs %j → %i', (a, b, expected) => {
    expect(compareRuns(a, b)).toBe(expected);
  });
});

const claims = (overrides: Partial<ActionsClaims>): ActionsClaims => ({
  iss: 'i',
  aud: 'a',
  iat: 1,
  repository: 'acme/web',
  ref: 'refs/pull/1/merge',
  sha: 'f'.repeat(40),
  run_id: '1',
  event_name: 'pull_request',
  workflow_ref: 'acme/web/.github/workflows/release.yml@refs/pull/1/merge',
  ...overrides,
});
const SHIPGATE = 'acme/shipgate/.github/workflows/shipgate.yml';

describe('which job vouched (job_workflow_ref)', () => {
  const none = ConfigSchema.parse({});
  const usesLocal = ConfigSchema.parse({ checksWorkflow: { uses: './.github/workflows/release.yml' } });
  const usesPinned = ConfigSchema.parse({ checksWorkflow: { uses: `${SHIPGATE}@v1` } });
  it.each([
    ['the caller itself (single job)', claims({}), undefined, none, { ok: true, attesting: false }],
    [
      'no job_workflow_ref (older tokens): the caller',
      claims({ job_workflow_ref: undefined }),
      undefined,
      none,
      { ok: true, attesting: false },
    ],
    [
      "shipgate's reusable workflow",
      claims({ job_workflow_ref: `${SHIPGATE}@refs/tags/v1` }),
      undefined,
      none,
      { ok: true, attesting: true },
    ],
    [
      "another repository's reusable workflow",
      claims({ job_workflow_ref: 'org/ci/.github/workflows/x.yml@v2' }),
      undefined,
      none,
      { ok: true, attesting: false },
    ],
    [
      'a local reusable workflow equal to the default branch',
      claims({ job_workflow_ref: 'acme/web/.github/workflows/attest.yml@refs/pull/1/merge' }),
      { path: '.github/workflows/attest.yml', file: 'same' as const },
      none,
      { ok: true, attesting: false },
    ],
    [
      'a local reusable workflow the PR modified',
      claims({ job_workflow_ref: 'acme/web/.github/workflows/attest.yml@refs/pull/1/merge' }),
      { path: '.github/workflows/attest.yml', file: 'changed' as const },
      none,
      { ok: false, reason: expect.stringContaining('is modified by this pull request') },
    ],
    [
      'a local reusable workflow not read',
      claims({ job_workflow_ref: 'acme/web/.github/workflows/attest.yml@refs/pull/1/merge' }),
      undefined,
      none,
      { ok: false, reason: expect.stringContaining('could not be read') },
    ],
    ['the configured local workflow', claims({}), undefined, usesLocal, { ok: true, attesting: true }],
    [
      'the configured workflow at the configured ref',
      claims({ job_workflow_ref: `${SHIPGATE}@refs/tags/v1` }),
      undefined,
      usesPinned,
      { ok: true, attesting: true },
    ],
    [
      'the configured workflow at another ref',
      claims({ job_workflow_ref: `${SHIPGATE}@refs/heads/evil` }),
      undefined,
      usesPinned,
      { ok: false, reason: expect.stringContaining('not the configured checks workflow') },
    ],
    [
      'another workflow when one is configured',
      claims({}),
      undefined,
      usesPinned,
      { ok: false, reason: expect.stringContaining('not the configured checks workflow') },
    ],
  ])('%s', (_name, token, facts, config, expected) => {
    expect(judgeJobWorkflow(token, facts, config)).toEqual(expected);
  });
  it('parses uses-style references', () => {
    expect(parseWorkflowRef(`${SHIPGATE}@refs/tags/v1`)).toEqual({
      repo: 'acme/shipgate',
      path: '.github/workflows/shipgate.yml',
      ref: 'refs/tags/v1',
    });
    expect(parseWorkflowRef('not a workflow')).toBeUndefined();
  });
  it.each([
    ['      - uses: acme/shipgate@v1', true],
    [`    uses: ${SHIPGATE}@v1`, true],
    ["      - uses: 'acme/shipgate@v1.2.3'", true],
    ['      - run: npx shipgate check', false],
    ['      - uses: acme/not-shipgate@v1', false],
  ])('%s runs shipgate: %s', (text, expected) => {
    expect(referencesShipgate(`on: pull_request\njobs:\n  x:\n    steps:\n${text}\n`)).toBe(expected);
  });
});

describe('the shape of a checks workflow', () => {
  const root = join(import.meta.dirname, '..', '..');
  it("this repository's reusable workflow is two jobs with nothing to fix", () => {
    expect(checksWorkflowShape(readFileSync(join(root, '.github/workflows/shipgate.yml'), 'utf8'))).toEqual({
      mode: 'two-job',
      problems: [],
    });
  });
  it('every example workflow calls it or is the named single-job mode', () => {
    const dir = join(root, 'docs/workflows');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.yml'))) {
      const shape = checksWorkflowShape(readFileSync(join(dir, file), 'utf8'));
      if (file.includes('single-job') || file.includes('bot-mode'))
        expect([file, shape.mode]).toEqual([file, 'single']);
      else expect([file, shape]).toEqual([file, { mode: 'reusable', problems: [] }]);
    }
  });
  it.each([
    [
      'an attest job that builds',
      `jobs:
  m: { permissions: { contents: read }, steps: [{ uses: actions/checkout@v4, with: { persist-credentials: false } }, { uses: acme/shipgate@v1, with: { job: measure } }] }
  a: { permissions: { id-token: write, checks: write }, steps: [{ run: npm ci }, { uses: acme/shipgate@v1, with: { job: attest } }] }`,
      'job a (attest) installs or runs commands',
    ],
    [
      'a measure job with id-token and persisted credentials',
      `jobs:
  m: { permissions: { id-token: write }, steps: [{ uses: actions/checkout@v4 }, { uses: acme/shipgate@v1, with: { job: measure } }] }
  a: { permissions: { id-token: write, checks: write }, steps: [{ uses: acme/shipgate@v1, with: { job: attest } }] }`,
      'job m (measure) has id-token: write',
    ],
    [
      'one job',
      `permissions: { checks: write, id-token: write }
jobs:
  c: { steps: [{ uses: actions/checkout@v4 }, { uses: acme/shipgate@v1 }] }`,
      'single-job mode',
    ],
    ['no shipgate at all', 'jobs:\n  t: { steps: [{ run: npm test }] }', 'does not run shipgate'],
    [
      'a caller without id-token',
      `permissions: { checks: write }\njobs:\n  s: { uses: '${SHIPGATE}@v1' }`,
      'does not grant id-token: write',
    ],
  ])('%s', (_name, source, problem) => {
    expect(checksWorkflowShape(source).problems.join('\n')).toContain(problem);
  });
});

describe('build-pipeline files', () => {
  it('names the files that change how the PR is built, sorted', () => {
    expect(
      pipelineChanges([
        'src/app.ts',
        'package.json',
        'vite.config.ts',
        '.github/workflows/ci.yml',
        'packages/web/package-lock.json',
        'README.md',
        'scripts/build.mjs',
      ]),
    ).toEqual([
      '.github/workflows/ci.yml',
      'package.json',
      'packages/web/package-lock.json',
      'scripts/build.mjs',
      'vite.config.ts',
    ]);
  });
});
