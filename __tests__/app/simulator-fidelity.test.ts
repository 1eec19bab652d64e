/**
 * Two behaviours of the real GitHub the simulator models, with the bot over HTTP:
 * - secondary rate limits (403 + `retry-after` beyond N content-generating requests per window,
 *   https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits):
 *   the bot's client waits `retry-after` and retries, and nothing is lost;
 * - `check_run.requested_action`/`rerequested` reach only the app that created the run
 *   (https://docs.github.com/en/webhooks/webhook-events-and-payloads#check_run): a button on a run
 *   created with a workflow's GITHUB_TOKEN reaches no app.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { GITHUB_ACTIONS_APP } from '../simulator/index.js';
import {
  checklist,
  checklistComments,
  gateRun,
  type Harness,
  line,
  openRelease,
  REPO,
  startHarness,
} from './harness.js';

describe('secondary rate limits', () => {
  let h: Harness;
  beforeAll(async () => {
    // 3 writes per 6-second window (GitHub: 80 a minute), and the bot's client waiting the real
    // retry-after seconds (the harness otherwise scales rate-limit waits down to 20 ms a second).
    // Three releases opened at once make at least six writes: a fourth within 6 s is refused even
    // on a loaded machine (a 2 s window was not always reached when the bot wrote slower).
    h = await startHarness({
      secondaryLimits: { perMinute: 3, windowMs: 6000 },
      tuning: { rateLimitBaseMs: 1000 },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('the bot waits retry-after and retries: every comment and check run is written once', async () => {
    const started = Date.now();
    const opened = await Promise.all(
      ['release/9.1.0', 'release/9.2.0', 'release/9.3.0'].map((head) => openRelease(h, { head })),
    );
    await h.settle();
    const refused = h.sim.limits?.refused ?? [];
    expect(refused.length).toBeGreaterThan(0);
    for (const refusal of refused) expect(refusal.retryAfter).toBeGreaterThanOrEqual(1);
    // each refused write was retried, no earlier than retry-after later, and succeeded
    for (const refusal of refused.filter((r) => r.caller.startsWith('installation:'))) {
      const retried = h.sim.requests.find(
        (r) =>
          r.method === refusal.method &&
          r.path.replace(/^\/api\/v3/, '') === refusal.path &&
          r.status < 300 &&
          Date.parse(r.time) >= refusal.at + refusal.retryAfter * 1000 - 50,
      );
      expect(retried).toBeDefined();
    }
    for (const { number, sha } of opened) {
      expect(checklistComments(h.sim, number)).toHaveLength(1);
      expect(gateRun(h.sim, sha)?.status).toBeDefined();
      expect(h.sim.checkRunsFor(sha).filter((r) => r.name === 'shipgate')).toHaveLength(1);
    }
    // every webhook delivery was answered 2xx: nothing for a redelivery pass to recover
    expect(h.sim.hookLog.filter((d) => d.status !== 'OK')).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(h.sim.validationErrors).toEqual([]);
  }, 90_000);
});

describe('check-run buttons and re-runs go to the creating app only', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  test("a GITHUB_TOKEN-created run's button press and re-run reach no app; the bot's own still do", async () => {
    const { number, sha } = await openRelease(h, { head: 'release/9.4.0' });
    const actions = new Octokit({
      baseUrl: h.sim.apiUrl,
      auth: h.sim.actionsToken(REPO),
      retry: { enabled: false },
    });
    const [owner = '', repo = ''] = REPO.split('/');
    const { data: run } = await actions.rest.checks.create({
      owner,
      repo,
      name: 'release buttons',
      head_sha: sha,
      conclusion: 'action_required',
      output: { title: 'sign off', summary: 'a look-alike run with buttons' },
      actions: [{ label: 'Sign off: QA Lead', description: 'sign off', identifier: 'qa-lead' }],
    });
    await h.settle();
    expect(run.app?.id).toBe(GITHUB_ACTIONS_APP.id);
    const deliveries = h.sim.deliveries.length;
    const requests = h.sim.requests.length;
    await h.sim.requestedAction(run.id, 'qa-lead', 'quinn');
    await h.sim.rerequestCheckRun(run.id, 'quinn');
    await h.settle();
    expect(h.sim.deliveries).toHaveLength(deliveries);
    expect(h.sim.requests).toHaveLength(requests); // the bot heard nothing, so it did nothing
    expect(h.sim.undeliveredPresses).toEqual([
      { checkRunId: run.id, action: 'requested_action', login: 'quinn', app: 'github-actions' },
      { checkRunId: run.id, action: 'rerequested', login: 'quinn', app: 'github-actions' },
    ]);
    // the bot's own gate run: delivered to it
    const own = gateRun(h.sim, sha);
    const from = h.sim.deliveries.length;
    await h.sim.requestedAction(own?.id ?? 0, 'qa-lead', 'quinn');
    await h.settle();
    expect(h.sim.deliveries[from]?.payload).toMatchObject({
      action: 'requested_action',
      check_run: { id: own?.id, app: { id: h.sim.app.id } },
    });
    expect(line(checklist(h.sim, number).body, 'qa-signoff')).toContain('@quinn'); // and the bot acted on it
  });
});
