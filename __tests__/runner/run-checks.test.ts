import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Check } from '../../checks/check.js';
import { defineCheck } from '../../checks/check.js';
import { ConfigSchema } from '../../src/core/config/config.js';
import { runChecks } from '../../src/runner/run-checks.js';
import { template } from '../helpers/core-builders.js';

const repoDir = mkdtempSync(join(tmpdir(), 'shipgate-runner-'));
const checklist = template(
  [
    '## S',
    '- [ ] One <!-- shipgate: check=secrets id=one mode=pass -->',
    '- [ ] Two <!-- shipgate: check=secrets id=two mode=throw -->',
    '- [ ] Three <!-- shipgate: check=secrets id=three mode=hang -->',
    '- [ ] Four <!-- shipgate: check=coverage id=four -->',
    '- [ ] Five <!-- shipgate: check=coverage id=five -->',
    '- [ ] Manual <!-- shipgate: id=manual -->',
    '## Later <!-- shipgate: phase=post-deploy -->',
    '- [ ] Post <!-- shipgate: check=secrets id=post mode=pass -->',
  ].join('\n'),
);

const calls: string[] = [];
let measured = 0;
const behaviour = defineCheck({
  id: 'secrets',
  title: 'fake',
  measures: 'repository',
  params: z.object({ mode: z.enum(['pass', 'throw', 'hang']) }),
  async run({ mode }, ctx) {
    calls.push(`start:${mode}`);
    if (mode === 'throw') throw new Error('boom');
    if (mode === 'hang') await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
    return { status: 'pass', summary: `ran ${mode}` };
  },
});
const shared = defineCheck({
  id: 'coverage',
  title: 'fake exclusive',
  measures: 'build',
  exclusive: true,
  params: z.object({ min: z.coerce.number().default(70) }),
  async run({ min }, ctx) {
    calls.push('start:exclusive');
    const value = await ctx.memo('measure', async () => {
      measured++;
      return 80;
    });
    return { status: value >= min ? 'pass' : 'fail', summary: `${value}% ≥ ${min}%` };
  },
});
const registry = new Map<string, Check<unknown>>([
  ['secrets', behaviour as Check<unknown>],
  ['coverage', shared as Check<unknown>],
]);

describe('runChecks', () => {
  const config = ConfigSchema.parse({ timeoutMs: 300, concurrency: 2 });
  // the fakes count across tests; each test counts its own runs (the order is random under --randomize)
  beforeEach(() => {
    calls.length = 0;
    measured = 0;
  });

  it('runs every automated item of the phase and isolates failures', async () => {
    const results = await runChecks({
      checklist,
      config,
      repoDir,
      phase: 'pre-merge',
      env: {},
      resolveCheck: (name) => registry.get(name),
    });
    expect(results.map((r) => [r.item, r.status, r.summary])).toEqual([
      ['one', 'pass', 'ran pass'],
      ['two', 'error', 'check threw: boom'],
      ['three', 'error', 'timed out after 300 ms'],
      ['four', 'pass', '80% ≥ 70%'],
      ['five', 'pass', '80% ≥ 70%'],
    ]);
    expect(measured).toBe(1);
    // Exclusive (performance) checks start only after the others finished.
    expect(calls.indexOf('start:exclusive')).toBeGreaterThan(calls.indexOf('start:hang'));
  });

  it('applies config parameter overrides and reports bad parameters as errors', async () => {
    const overridden = ConfigSchema.parse({ checks: { coverage: { min: 90 } } });
    const results = await runChecks({
      checklist,
      config: overridden,
      repoDir,
      phase: 'pre-merge',
      only: ['coverage'],
      env: {},
      resolveCheck: (name) => registry.get(name),
    });
    expect(results.map((r) => r.status)).toEqual(['fail', 'fail']);
    const bad = await runChecks({
      checklist,
      config: ConfigSchema.parse({ checks: { secrets: { mode: 'explode' } } }),
      repoDir,
      phase: 'pre-merge',
      only: ['one'],
      env: {},
      resolveCheck: (name) => registry.get(name),
    });
    expect(bad[0]?.status).toBe('error');
    expect(bad[0]?.summary).toMatch(/^bad parameter mode:/);
  });

  it('selects post-deploy items by phase', async () => {
    const results = await runChecks({
      checklist,
      config,
      repoDir,
      phase: 'post-deploy',
      env: {},
      resolveCheck: (name) => registry.get(name),
    });
    expect(results.map((r) => r.item)).toEqual(['post']);
  });

  it('starts the configured target, passes its URL and pid, and stops it afterwards', async () => {
    const server = join(repoDir, 'server.cjs');
    writeFileSync(
      server,
      "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');",
    );
    const port = 20000 + Math.floor(Math.random() * 20000);
    const url = `http://127.0.0.1:${port}/`;
    let seen: { url?: string; pid?: number } = {};
    const probe = defineCheck({
      id: 'secrets',
      title: 'probe',
      measures: 'app',
      usesTarget: true,
      params: z.object({}).loose(),
      async run(_params, ctx) {
        seen = { url: ctx.targetUrl, pid: ctx.targetPid };
        const response = await fetch(ctx.targetUrl ?? '');
        return { status: response.ok ? 'pass' : 'fail', summary: await response.text() };
      },
    });
    const results = await runChecks({
      checklist,
      config: ConfigSchema.parse({ target: { url, start: `PORT=${port} node server.cjs` } }),
      repoDir,
      phase: 'pre-merge',
      only: ['one'],
      env: {},
      resolveCheck: () => probe as Check<unknown>,
    });
    expect(results[0]).toMatchObject({ status: 'pass', summary: 'ok' });
    expect(seen.url).toBe(url);
    expect(seen.pid).toBeGreaterThan(0);
    await expect(fetch(url, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
  });

  it('does not start the target when no selected check talks to it', async () => {
    const results = await runChecks({
      checklist,
      config: ConfigSchema.parse({
        target: { url: 'http://127.0.0.1:9/', start: 'node -e "process.exit(3)"' },
      }),
      repoDir,
      phase: 'pre-merge',
      only: ['one'],
      env: {},
      resolveCheck: (name) => registry.get(name),
    });
    expect(results[0]).toMatchObject({ status: 'pass', summary: 'ran pass' });
  });

  it('reports a target that does not start as an error, not a hang', async () => {
    const skipping = defineCheck({
      id: 'secrets',
      title: 'needs target',
      measures: 'app',
      usesTarget: true,
      params: z.object({}).loose(),
      async run(_params, ctx) {
        return ctx.targetUrl
          ? { status: 'pass', summary: 'had target' }
          : { status: 'skipped', summary: 'no target URL' };
      },
    });
    const results = await runChecks({
      checklist,
      config: ConfigSchema.parse({
        target: { url: 'http://127.0.0.1:9/', start: 'node -e "process.exit(3)"', startTimeoutMs: 5000 },
      }),
      repoDir,
      phase: 'pre-merge',
      only: ['one'],
      env: {},
      resolveCheck: () => skipping as Check<unknown>,
    });
    expect(results[0]?.status).toBe('error');
    expect(results[0]?.summary).toMatch(/target failed to start: .*exited with code 3/);
  });
});

describe('a failed build', () => {
  test('errors the items that judge the build (not a stale or partial build), others still run', async () => {
    const judged: string[] = [];
    const buildJudge = defineCheck({
      id: 'coverage',
      title: 'fake build judge',
      measures: 'build',
      usesBuild: true,
      params: z.object({}).loose(),
      async run() {
        judged.push('ran');
        return { status: 'pass', summary: 'judged the stale build' };
      },
    });
    const results = await runChecks({
      checklist,
      config: ConfigSchema.parse({
        build: { command: 'echo "Error: Rollup failed to resolve sharp" >&2; exit 3' },
      }),
      repoDir,
      phase: 'pre-merge',
      only: ['four', 'one'],
      env: {},
      log: () => {},
      resolveCheck: (name) => (name === 'coverage' ? buildJudge : name === 'secrets' ? behaviour : undefined),
    });
    expect(judged).toEqual([]);
    expect(results.find((r) => r.item === 'four')).toMatchObject({
      status: 'error',
      summary:
        'build command "echo "Error: Rollup failed to resolve sharp" >&2; exit 3" failed (exit 3): Error: Rollup failed to resolve sharp',
    });
    expect(results.find((r) => r.item === 'one')?.status).toBe('pass');
  });
});
