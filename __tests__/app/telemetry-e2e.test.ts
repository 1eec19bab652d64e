/**
 * Issue 16 end to end: the real `prometheus` scrapes the real example app (prom-client /metrics)
 * every second; the `prometheus` check judges the built-in template's post-deploy items; an injected
 * error burst trips "Error rate > 5%", and the post-deploy evidence makes the bot tick the trigger,
 * open the incident and require the rollback steps.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from '@jest/globals';
import { prometheusCheck } from '../../checks/prometheus.js';
import { ConfigSchema } from '../../src/core/config/config.js';
import type { ItemResult } from '../../src/core/template/model.js';
import { parseTemplate } from '../../src/core/template/template.js';
import { checkSchemas } from '../../src/load/load-checklist.js';
import { runChecks } from '../../src/runner/run-checks.js';
import { TEMPLATE_PATH } from '../helpers/core-builders.js';
import { type RunningProcess, startExampleApp, startPrometheus } from '../helpers/prometheus-server.js';
import { runtimeContext } from '../helpers/runtime-context.js';
import { requireTool } from '../helpers/system-tools.js';
import { checklist, type Harness, isTicked, REPO } from './harness.js';
import {
  openCompleteRelease,
  publishPostDeployEvidence,
  runNamed,
  startReleaseHarness,
  TELEMETRY_TEMPLATE,
} from './release-harness.js';

/** The real Prometheus scrapes the real example app: every test here needs it (system-tools.ts). */
const prometheus = requireTool('prometheus');
const test = prometheus.test;

const APP_DIR = fileURLToPath(new URL('../../examples/restaurant-os/', import.meta.url));

let app: RunningProcess | undefined;
let prom: RunningProcess | undefined;
let traffic: NodeJS.Timeout | undefined;
let h: Harness | undefined;
const figures: Record<string, unknown> = {};

const config = () =>
  ConfigSchema.parse({
    telemetry: {
      prometheus: {
        url: prom?.url,
        selector: 'job="restaurant-os",version="{{version}}"',
        targetSelector: 'job="restaurant-os"',
        rateWindow: '10s',
        memoryLimitBytes: 1024 * 1024 * 1024,
      },
    },
  });

async function instant(query: string): Promise<number | undefined> {
  const url = new URL('api/v1/query', prom?.url);
  url.searchParams.set('query', query);
  const body = (await (await fetch(url)).json()) as { data: { result: Array<{ value: [number, string] }> } };
  const value = body.data.result[0]?.value[1];
  return value === undefined ? undefined : Number(value);
}

/** Polls a PromQL condition (bounded): returns how long it took. */
async function until(query: string, ok: (value: number) => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await instant(query);
    if (value !== undefined && ok(value)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `${query} did not reach the expected value within ${timeoutMs} ms (last: ${await instant(query)})`,
  );
}

const ERROR_RATE =
  '100 * sum(rate(http_requests_total{code=~"5..",job="restaurant-os"}[10s])) / sum(rate(http_requests_total{job="restaurant-os"}[10s]))';

beforeAll(async () => {
  if (!prometheus.path) return; // the tests are skipped, with the reason
  app = await startExampleApp(APP_DIR, { APP_VERSION: '6.0.3' });
  const target = new URL(app.url).host;
  prom = await startPrometheus('restaurant-os', [target]);
  // Real traffic: ~20 requests/s to the API (under the app's 30/s read limit).
  traffic = setInterval(() => {
    fetch(new URL('api/menu', app?.url)).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
  }, 50);
  figures.healthyAfterMs = await until(
    `count_over_time(up{job="restaurant-os"}[30s])`,
    (n) => n >= 12,
    40_000,
  );
  h = await startReleaseHarness();
  h.sim.commit(REPO, { branch: 'main', files: { '.github/release-checklist.md': TELEMETRY_TEMPLATE } });
}, 90_000);

afterAll(async () => {
  if (traffic) clearInterval(traffic);
  await h?.close();
  await prom?.stop();
  await app?.stop();
  process.stdout.write(`telemetry E2E figures: ${JSON.stringify(figures)}\n`);
});

const chaos = (failRate: number) =>
  fetch(new URL(`chaos?failRate=${failRate}`, app?.url), { method: 'POST' });

/**
 * The tests run in any order (--randomize): each starts on a healthy app whose last 5xx has left
 * Prometheus' rate window (a wait on the condition, bounded), and the error burst ends with its test.
 */
async function untilNoErrors(timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // the window check looks back 6 s, each point over the 10 s rate window: no 5xx in the last 20 s
  const query = 'sum(increase(http_requests_total{code=~"5..",job="restaurant-os"}[20s]))';
  for (;;) {
    const errors = await instant(query);
    if (errors === undefined || errors === 0) return;
    if (Date.now() > deadline) throw new Error(`still ${errors} 5xx/s after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
beforeEach(() => untilNoErrors(), 60_000);
afterEach(() => chaos(0).then(() => undefined));

test('a healthy deploy passes the built-in template’s success criteria and trips no trigger', async () => {
  const builtIn = parseTemplate(
    readFileSync(TEMPLATE_PATH, 'utf8'),
    'production-deployment.md',
    checkSchemas,
  );
  const ids = builtIn.items
    .filter(
      (item) =>
        item.check === 'prometheus' &&
        /technical-metrics|rollback-triggers|no-500-errors|monitoring-confirmed/.test(item.id),
    )
    .map((item) => item.id);
  expect(ids.length).toBe(9);
  const results = await runChecks({
    checklist: builtIn,
    config: config(),
    repoDir: APP_DIR,
    phase: 'post-deploy',
    only: ids,
    releaseVersion: '6.0.3',
    env: {},
  });
  figures.healthy = Object.fromEntries(results.map((r) => [r.item, `${r.status}: ${r.summary}`]));
  expect(results.map((r) => [r.item, r.status])).toEqual(ids.map((id) => [id, 'pass']));
});

const windowCheck = () =>
  prometheusCheck.run(
    prometheusCheck.params.parse({ metric: 'error-rate', max: 5, window: '6s', interval: '1s' }),
    runtimeContext({ telemetry: config().telemetry, releaseVersion: '6.0.3', env: {} }),
  );

test('a window of a few seconds sampled every second passes on a healthy app', async () => {
  const outcome = await windowCheck();
  figures.healthyWindow = outcome.summary;
  expect(outcome.status).toBe('pass');
  expect(outcome.metrics?.samples).toBeGreaterThanOrEqual(3);
  expect(outcome.metrics?.breaches).toBe(0);
});

test('an error burst inside the window fails it, trips "Error rate > 5%", opens the incident and requires the rollback steps', async () => {
  if (!h) throw new Error('no harness');
  const { pr } = await openCompleteRelease(h);
  const closed = await h.sim.closePullRequest(pr, { merged: true, login: 'erin' });
  const merge = closed.pull?.merge_commit_sha ?? '';
  await h.settle();

  await chaos(0.2);
  figures.burstVisibleAfterMs = await until(ERROR_RATE, (v) => v > 15, 30_000);
  const outcome = await windowCheck();
  figures.burstWindow = outcome.summary;
  expect(outcome.status).toBe('fail');
  expect(outcome.metrics?.breaches).toBeGreaterThanOrEqual(1);

  const results: ItemResult[] = await runChecks({
    checklist: parseTemplate(TELEMETRY_TEMPLATE, 'release-checklist.md', checkSchemas),
    config: config(),
    repoDir: APP_DIR,
    phase: 'post-deploy',
    only: ['prometheus'],
    releaseVersion: '6.0.3',
    env: {},
  });
  const trigger = results.find((r) => r.item === 'trigger-errors');
  figures.trigger = trigger?.summary;
  expect(trigger?.status).toBe('fail');
  expect(trigger?.summary).toMatch(/^5xx share of requests \d+(\.\d+)?%, limit ≤ 5%$/);
  expect(trigger?.metrics?.value).toBeGreaterThan(5);

  await publishPostDeployEvidence(h, merge, results);
  const body = checklist(h.sim, pr).body;
  figures.triggerLine = body.split('\n').find((l) => l.includes('sg:trigger-errors'));
  figures.postDeploy = runNamed(h, merge, 'shipgate/post-deploy')?.output.summary?.slice(0, 400);
  expect(isTicked(body, 'trigger-errors')).toBe(true);
  const incidents = h.sim.issuesIn().filter((i) => i.title.startsWith('Incident: rollback'));
  expect(incidents).toHaveLength(1);
  expect(incidents[0]?.body).toContain(
    '**Reason**: rollback trigger: Error rate &gt; 5%: 5xx share of requests',
  );
  expect(incidents[0]?.body).toContain('**Started by**: @');
  expect(body.split('\n')[1]).toContain(`rollback in progress (incident ${incidents[0]?.number})`);
  expect(body.split('\n')[1]).toContain('post-deploy: 0 of 4 required items done');
  expect(runNamed(h, merge, 'shipgate/post-deploy')?.output.summary).toContain('Switch traffic back to blue');
  expect(h.sim.commentsOn(pr).some((c) => c.body.startsWith('🔄 **Rollback started**'))).toBe(true);
  expect(h.sim.validationErrors).toEqual([]);
}, 90_000);
