/**
 * The release script under GitHub faults (5xx bursts, rate limits, latency, timeouts, duplicated
 * and reordered deliveries) ends exactly where the fault-free run ends: same ticks, same ledger,
 * same check conclusion and summary, one checklist comment, no unhandled rejection.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from '@jest/globals';
import type { OctokitTuning } from '../../src/github/octokit.js';
import { checklist, type Harness, startHarness, toggle } from '../app/harness.js';
import { expectGreen, type Outcome, outcome, runScript } from './scenario.js';

const COMMENT_PATCH = { method: 'PATCH', path: /\/issues\/comments\/\d+$/ };
const CHECK_PATCH = { method: 'PATCH', path: /\/check-runs\/\d+$/ };
const PERMISSION = { method: 'GET', path: /\/collaborators\/[^/]+\/permission$/ };

let clean: Outcome;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let h: Harness | undefined;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const base = await startHarness();
  try {
    clean = outcome(base, await runScript(base, '8.0.0'));
    expectGreen(clean);
    expect(base.sim.validationErrors).toEqual([]);
  } finally {
    await base.close();
  }
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
beforeEach(() => {
  unhandled.length = 0;
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  expect(unhandled).toEqual([]);
});

async function faulty(tuning?: OctokitTuning): Promise<Harness> {
  h = await startHarness(tuning ? { tuning } : {});
  return h;
}

function expectSameAsClean(harness: Harness, got: Outcome): void {
  expect(got).toEqual(clean);
  expect(harness.sim.validationErrors).toEqual([]);
  expect(harness.sim.faults.pending()).toBe(0);
}

test('5xx bursts on comment and check-run writes and permission look-ups are retried', async () => {
  const harness = await faulty();
  harness.sim.faults.inject({ match: COMMENT_PATCH, status: 500, times: 2 });
  harness.sim.faults.inject({ match: CHECK_PATCH, status: 502, times: 2 });
  harness.sim.faults.inject({ match: PERMISSION, status: 503, times: 3 });
  const run = await runScript(harness, '8.0.0', async () => {
    if (harness.sim.faults.pending() === 0) {
      harness.sim.faults.inject({ match: COMMENT_PATCH, status: 503, times: 1 });
      harness.sim.faults.inject({ match: CHECK_PATCH, status: 500, times: 1 });
    }
  });
  harness.sim.faults.clear();
  expectSameAsClean(harness, outcome(harness, run));
  const retried = harness.sim.requests.filter((r) => r.status >= 500).length;
  expect(retried).toBeGreaterThanOrEqual(7);
});

test('secondary rate limits with retry-after: 1 are waited out with the real one-second wait', async () => {
  // production rate-limit timing (Retry-After seconds × 1000 ms), verifying octokit.ts retries them
  const harness = await faulty({ rateLimitBaseMs: 1000 });
  harness.sim.faults.inject({ match: COMMENT_PATCH, status: 'secondary-rate-limit', times: 1 });
  harness.sim.faults.inject({ match: CHECK_PATCH, status: 'secondary-rate-limit', times: 1 });
  const started = Date.now();
  const run = await runScript(harness, '8.0.0');
  expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  expectSameAsClean(harness, outcome(harness, run));
  const limited = harness.sim.requests.filter((r) => r.status === 403);
  expect(limited).toHaveLength(2);
  const metrics = await (await fetch(`${harness.server.url}/metrics`)).text();
  expect(metrics).toMatch(/shipgate_github_retries_total\{method="PATCH"\} 2/);
  expect(metrics).toMatch(/shipgate_github_requests_total\{method="PATCH",status="403"\} 2/);
});

test('a primary rate limit (remaining 0, reset soon) is waited out', async () => {
  const harness = await faulty();
  harness.sim.faults.inject({ match: COMMENT_PATCH, status: 'primary-rate-limit', times: 1 });
  harness.sim.faults.inject({ match: PERMISSION, status: 'primary-rate-limit', times: 1, httpStatus: 429 });
  const run = await runScript(harness, '8.0.0');
  expectSameAsClean(harness, outcome(harness, run));
});

test('slow GitHub responses change nothing', async () => {
  const harness = await faulty();
  harness.sim.faults.latency(40);
  const run = await runScript(harness, '8.0.0');
  harness.sim.faults.clear();
  expectSameAsClean(harness, outcome(harness, run));
});

test('a response slower than the request timeout is abandoned and retried, not waited on forever', async () => {
  const harness = await faulty({ requestTimeoutMs: 400 });
  // each hangs far past the timeout; the retry (no latency) goes through
  harness.sim.faults.inject({ match: PERMISSION, latencyMs: 3000, times: 1 });
  harness.sim.faults.inject({ match: { method: 'GET', path: /\/issues\/\d+\/comments$/ }, latencyMs: 3000 });
  const run = await runScript(harness, '8.0.0');
  await harness.settle();
  expectSameAsClean(harness, outcome(harness, run));
  const metrics = await (await fetch(`${harness.server.url}/metrics`)).text();
  expect(metrics).toMatch(/shipgate_github_requests_total\{method="GET",status="timeout"\} 2/);
});

test('redelivered webhooks (same delivery id) change nothing', async () => {
  const harness = await faulty();
  const run = await runScript(harness, '8.0.0', async () => {
    const last = harness.sim.deliveries.at(-1);
    if (last) expect(await harness.sim.redeliver(last.id)).toBe(200);
    await harness.settle();
  });
  expectSameAsClean(harness, outcome(harness, run));
});

test('two edits delivered in reverse order keep both sign-offs', async () => {
  const harness = await faulty();
  const opened = await harness.sim.openPullRequest({
    head: 'release/8.1.0',
    user: 'rita',
    files: { a: '1' },
  });
  await harness.settle();
  const c = checklist(harness.sim, opened.number);
  const stored = harness.sim.state.comments.get(c.id);
  if (!stored) throw new Error('no comment');
  const base = stored.body;
  const first = toggle(base, 'qa-signoff', true);
  const second = toggle(first, 'eng-signoff', true);
  stored.body = first;
  const quinn = harness.sim.payloads.issueComment('edited', { ...stored }, 'quinn', base);
  stored.body = second;
  const erin = harness.sim.payloads.issueComment('edited', { ...stored }, 'erin', first);
  expect(await harness.sim.deliver('issue_comment', erin)).toBe(200);
  expect(await harness.sim.deliver('issue_comment', quinn)).toBe(200);
  await harness.settle();
  const o = outcome(harness, { pr: opened.number, sha: opened.pull?.head.sha ?? '' });
  expect(o.ticked['qa-signoff']).toBe(true);
  expect(o.ledger['qa-signoff']?.by).toBe('quinn');
  expect(o.ticked['eng-signoff']).toBe(true);
  expect(o.ledger['eng-signoff']?.by).toBe('erin');
  expect(o.checklists).toBe(1);
  expect(harness.sim.validationErrors).toEqual([]);
});

test('a timed-out comment write that GitHub applies late (after a newer write) is repaired', async () => {
  const harness = await faulty({ requestTimeoutMs: 300 });
  let step = 0;
  const run = await runScript(harness, '8.0.0', async () => {
    // before the last two ticks: a comment PATCH hangs, times out, is retried, then lands after a newer write
    if (++step === 4) harness.sim.faults.inject({ match: COMMENT_PATCH, latencyMs: 1200, times: 1 });
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await harness.settle();
  expectSameAsClean(harness, outcome(harness, run));
});
