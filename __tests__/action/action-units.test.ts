/** The Action's pure pieces: masking, inputs, figures, markdown limits, evidence trimming, tools. */

import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import type { Check } from '../../checks/check.js';
import { annotationsFor } from '../../src/action/annotations.js';
import { readRunEvent } from '../../src/action/event.js';
import { formatFigures } from '../../src/action/figures.js';
import { InputError, parseInputs } from '../../src/action/inputs.js';
import { conclusionOf, evidenceCheckRun, evidenceText } from '../../src/action/publish.js';
import { CHECK_OUTPUT_LIMIT, resultsMarkdown } from '../../src/action/report-markdown.js';
import { secretValues } from '../../src/action/secrets.js';
import { toolAwareResolver } from '../../src/action/tools/resolver.js';
import { parseEvidenceText } from '../../src/core/evidence/evidence.js';
import type { ItemResult } from '../../src/core/template/model.js';
import { ROOT } from './action-harness.js';

const result = (overrides: Partial<ItemResult> = {}): ItemResult => ({
  item: 'perf.main-bundle',
  text: 'Main bundle < 80KB',
  check: 'bundle-size',
  status: 'pass',
  summary: 'main 61.2 kB gzip ≤ 80 kB',
  findings: [],
  durationMs: 1200,
  ...overrides,
});

describe('secretValues', () => {
  it('masks the token and *_TOKEN, *_SECRET, *_KEY, *PASSWORD*, PEPPER variables only', () => {
    const env = {
      NPM_TOKEN: 'npm-token-value',
      JWT_SECRET: 'jwt-secret-value',
      OPENAI_API_KEY: 'sk-value-1234',
      DB_PASSWORD_PRIMARY: 'hunter2hunter2',
      PIN_PEPPER: 'pepper-pepper',
      HOME: '/home/runner',
      KEYBOARD: 'us',
      SHORT_TOKEN: 'abc',
    };
    expect(secretValues(env, 'ghs_token123').sort()).toEqual(
      [
        'ghs_token123',
        'npm-token-value',
        'jwt-secret-value',
        'sk-value-1234',
        'hunter2hunter2',
        'pepper-pepper',
      ].sort(),
    );
  });

  it('masks each line of a multi-line key as well as the whole value', () => {
    const pem = '-----BEGIN KEY-----\nAAAABBBBCCCC\n-----END KEY-----';
    expect(secretValues({ PRIVATE_KEY: pem }, undefined)).toEqual([
      pem,
      '-----BEGIN KEY-----',
      'AAAABBBBCCCC',
      '-----END KEY-----',
    ]);
  });
});

describe('parseInputs', () => {
  const raw = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  it('applies the action.yml defaults and splits only on commas and newlines', () => {
    const inputs = parseInputs(
      raw({ only: 'secrets, changelog\nversion', 'working-directory': 'examples' }),
      ROOT,
    );
    expect(inputs).toEqual({
      template: undefined,
      config: undefined,
      url: undefined,
      base: undefined,
      only: ['secrets', 'changelog', 'version'],
      githubToken: undefined,
      failOn: 'failure',
      mode: 'check',
      workingDirectory: join(ROOT, 'examples'),
      phase: 'pre-merge',
      runChecks: false,
      job: 'single',
      report: join(ROOT, 'shipgate-measure.json'),
      secrets: {},
    });
  });

  it('reads the job of the two-job workflow, the report path and the secrets JSON', () => {
    const inputs = parseInputs(
      raw({ job: 'attest', report: 'out/m.json', secrets: '{"JWT_SECRET":"s3cr3t-value"}' }),
      ROOT,
    );
    expect([inputs.job, inputs.report, inputs.secrets]).toEqual([
      'attest',
      join(ROOT, 'out/m.json'),
      { JWT_SECRET: 's3cr3t-value' },
    ]);
    expect(() => parseInputs(raw({ job: 'both' }), ROOT)).toThrow(
      'input "job" must be "single", "measure" or "attest"',
    );
    // a malformed secrets input is refused without echoing it
    let message = '';
    try {
      parseInputs(raw({ secrets: 'not-json-but-secret' }), ROOT);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('input "secrets" must be a JSON object');
    expect(message).not.toContain('not-json-but-secret');
  });

  it('throws an InputError naming the input', () => {
    expect(() => parseInputs(raw({ phase: 'later' }), ROOT)).toThrow(InputError);
    expect(() => parseInputs(raw({ mode: 'other' }), ROOT)).toThrow(
      'input "mode" must be "check" or "bot" (got "other")',
    );
  });

  it('bot mode needs a ledger secret, never echoes secret inputs, and reads run-checks', () => {
    expect(() => parseInputs(raw({ mode: 'bot' }), ROOT)).toThrow(
      'input "ledger-secret" is required when mode is "bot"',
    );
    let message = '';
    try {
      parseInputs(raw({ mode: 'bot', 'ledger-secret': 'short-secret' }), ROOT);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('input "ledger-secret" must be at least 16 characters (a random repository secret)');
    const inputs = parseInputs(
      raw({ mode: 'bot', 'ledger-secret': 'a-long-enough-ledger-secret', 'run-checks': 'true' }),
      ROOT,
    );
    expect(inputs).toMatchObject({
      mode: 'bot',
      ledgerSecret: 'a-long-enough-ledger-secret',
      runChecks: true,
    });
    expect(() => parseInputs(raw({ 'run-checks': 'yes' }), ROOT)).toThrow(
      'input "run-checks" must be "true" or "false" (got "yes")',
    );
  });
});

describe('readRunEvent', () => {
  it('takes the head SHA and title of a pull request, not GITHUB_SHA', () => {
    const payload = {
      pull_request: {
        number: 3,
        title: 'Release 2.0.0',
        head: { sha: 'a'.repeat(40), ref: 'release/2.0.0' },
      },
    };
    expect(readRunEvent(payload, { GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'b'.repeat(40) })).toEqual({
      owner: 'o',
      repo: 'r',
      headSha: 'a'.repeat(40),
      pullRequest: { number: 3, title: 'Release 2.0.0', headRef: 'release/2.0.0' },
      publishable: true,
    });
  });

  it.each([
    ['workflow_dispatch with a sha input', { inputs: { sha: 'd'.repeat(40) } }, { headSha: 'd'.repeat(40) }],
    [
      'deployment_status with the environment URL',
      {
        deployment: { sha: 'e'.repeat(40), environment: 'production' },
        deployment_status: { state: 'success', environment_url: 'https://shop.example.com/' },
      },
      { headSha: 'e'.repeat(40), deploymentUrl: 'https://shop.example.com/' },
    ],
    ['merge_group', { merge_group: { head_sha: 'f'.repeat(40) } }, { headSha: 'f'.repeat(40) }],
  ])('reads %s as a publishable commit', (_name, payload, expected) => {
    expect(readRunEvent(payload, { GITHUB_REPOSITORY: 'o/r' })).toEqual({
      owner: 'o',
      repo: 'r',
      publishable: true,
      ...expected,
    });
  });

  it('ignores a deployment URL that is not http(s)', () => {
    const payload = {
      deployment: { sha: 'e'.repeat(40) },
      deployment_status: { state: 'success', environment_url: 'javascript:alert(1)' },
    };
    expect(readRunEvent(payload, {}).deploymentUrl).toBeUndefined();
  });

  it('falls back to GITHUB_SHA without a pull request, and ignores a malformed payload', () => {
    const event = readRunEvent(
      { pull_request: { head: { sha: 'not-a-sha' } } },
      { GITHUB_SHA: 'c'.repeat(40) },
    );
    expect(event).toEqual({ owner: undefined, repo: undefined, headSha: 'c'.repeat(40) });
  });
});

describe('formatFigures', () => {
  it('pairs sizes with their budgets and gives units', () => {
    expect(formatFigures({ mainBytes: 61_234, mainLimitBytes: 80_000 })).toBe('main 61.2 kB / 80.0 kB');
    expect(formatFigures({ performance: 93, lcpMs: 2_430, cls: 0.0123 })).toBe(
      'performance 93, lcp 2.43 s, cls 0.01',
    );
    expect(formatFigures({ p95Ms: 12.547, errorRatePercent: 0.5 })).toBe('p95 12.55 ms, errorRate 0.5%');
    expect(formatFigures(undefined)).toBe('');
  });
});

describe('resultsMarkdown', () => {
  it('escapes cells so untrusted summaries cannot break the table or ping people', () => {
    const md = resultsMarkdown([result({ summary: 'a | b <img src=x> @team\nnext' })], 'pre-merge');
    expect(md).toContain('| a \\| b &lt;img src=x&gt; @\u200bteam next |');
  });

  it('stays within the check run limit, saying how many rows were left out', () => {
    const many = Array.from({ length: 400 }, (_, i) => result({ item: `i${i}`, summary: 'x'.repeat(290) }));
    const md = resultsMarkdown(many, 'pre-merge');
    expect(md.length).toBeLessThanOrEqual(CHECK_OUTPUT_LIMIT);
    expect(md).toMatch(/…and \d+ more item\(s\)/);
  });

  it('says when nothing matched', () => {
    expect(resultsMarkdown([], 'post-deploy')).toContain('No automated items matched');
  });
});

describe('check run body', () => {
  it('concludes failure on fail or error, neutral when nothing passed, else success', () => {
    expect(conclusionOf([result(), result({ status: 'error' })])).toBe('failure');
    expect(conclusionOf([result({ status: 'skipped' })])).toBe('neutral');
    expect(conclusionOf([])).toBe('neutral');
    expect(conclusionOf([result(), result({ status: 'skipped' })])).toBe('success');
  });

  it('trims findings until the evidence fits output.text, and the bot can still parse it', () => {
    const findings = Array.from({ length: 20 }, (_, i) => ({
      file: `f${i}.js`,
      line: i + 1,
      message: 'm'.repeat(480),
    }));
    const results = Array.from({ length: 40 }, (_, i) => result({ item: `i${i}`, status: 'fail', findings }));
    const text = evidenceText('d'.repeat(40), 'pre-merge', results);
    expect(text.length).toBeLessThanOrEqual(CHECK_OUTPUT_LIMIT);
    const parsed = parseEvidenceText(text);
    expect(parsed.ok && parsed.evidence.results).toHaveLength(40);
    expect(parsed.ok && parsed.evidence.results[0]?.findings.length).toBeLessThan(20);
  });

  it('builds the evidence check run for the PR head', () => {
    const run = evidenceCheckRun('e'.repeat(40), 'pre-merge', [result()]);
    expect(run).toMatchObject({
      headSha: 'e'.repeat(40),
      name: 'shipgate/checks',
      status: 'completed',
      conclusion: 'success',
    });
    expect(run.title).toBe('1 checks: 1 pass, 0 fail, 0 skipped, 0 error');
  });
});

describe('annotationsFor', () => {
  it('prefixes the working directory, uses error for failures and warning otherwise', () => {
    const failing = result({
      status: 'fail',
      check: 'secrets',
      findings: [{ file: 'src/a.js', line: 3, message: 'github-pat: ghp_…[redacted]' }],
    });
    const passing = result({ findings: [{ file: 'b.js', message: 'allowlisted' }, { message: 'no file' }] });
    expect(annotationsFor([failing, passing], '/ws/apps/web', '/ws')).toEqual([
      {
        level: 'error',
        message: 'github-pat: ghp_…[redacted]',
        title: 'shipgate secrets: Main bundle < 80KB',
        file: 'apps/web/src/a.js',
        startLine: 3,
      },
      {
        level: 'warning',
        message: 'allowlisted',
        title: 'shipgate bundle-size: Main bundle < 80KB',
        file: 'apps/web/b.js',
      },
    ]);
  });
});

describe('toolAwareResolver', () => {
  const fake: Check<unknown> = {
    id: 'lighthouse',
    title: 'Lighthouse',
    measures: 'app',
    exclusive: true,
    params: z.unknown(),
    run: async () => ({ status: 'pass', summary: 'ran' }),
  };
  const context = {} as Parameters<Check<unknown>['run']>[1];

  it('turns a check whose package is missing (and nothing to install it) into skipped with the fix', async () => {
    const resolve = toolAwareResolver(() => fake, { env: {}, log: () => undefined, available: () => false });
    const check = resolve('lighthouse');
    expect(check?.exclusive).toBe(true);
    expect(await check?.run({}, context)).toEqual({
      status: 'skipped',
      summary:
        "lighthouse not installed next to the Action: run `npm ci --omit=dev` in the Action's directory (docs/action.md)",
    });
  });

  it("skips with the installer's reason when the pinned Lighthouse cannot be installed", async () => {
    const resolve = toolAwareResolver(() => fake, {
      env: { CHROME_PATH: process.execPath },
      log: () => undefined,
      available: () => false,
      provideLighthouse: async () => ({
        ok: false,
        reason: 'lighthouse@12.8.2 could not be installed (x): fix: y',
      }),
    });
    expect(await resolve('lighthouse')?.run({}, context)).toEqual({
      status: 'skipped',
      summary: 'lighthouse@12.8.2 could not be installed (x): fix: y',
    });
  });

  it('leaves checks alone when their packages resolve', async () => {
    const resolve = toolAwareResolver(() => fake, { env: {}, log: () => undefined, available: () => true });
    expect(await resolve('lighthouse')?.run({}, context)).toEqual({ status: 'pass', summary: 'ran' });
  });
});
