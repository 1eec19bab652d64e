/** The simulator's secondary rate limits answer like GitHub (403/429 + retry-after), per caller. */
import { afterEach, expect, test } from '@jest/globals';
import { type Simulator, startSimulator } from './index.js';
import { GITHUB_SECONDARY_LIMITS, SecondaryLimits } from './secondary-limits.js';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function post(s: Simulator, token: string, n: number): Promise<Response> {
  return fetch(`${s.apiUrl}/repos/acme/web/issues/${n}/comments`, {
    method: 'POST',
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body: `comment ${n}` }),
  });
}

test("on by default at GitHub's figures", () => {
  expect(GITHUB_SECONDARY_LIMITS).toEqual({
    perMinute: 80,
    windowMs: 60_000,
    perHour: 500,
    concurrent: 100,
    status: 403,
  });
});

test('content-generating requests beyond the window get 403 + retry-after; reads and other callers do not', async () => {
  sim = await startSimulator({ secondaryLimits: { perMinute: 2 } });
  sim.addRepo('acme/web');
  const pr = await sim.openPullRequest({ files: { 'a.ts': '1' } });
  const token = sim.installationToken();
  expect((await post(sim, token, pr.number)).status).toBe(201);
  expect((await post(sim, token, pr.number)).status).toBe(201);
  const refused = await post(sim, token, pr.number);
  expect(refused.status).toBe(403);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
  expect(await refused.json()).toMatchObject({
    message: expect.stringContaining('You have exceeded a secondary rate limit'),
    documentation_url: expect.stringContaining('#about-secondary-rate-limits'),
  });
  // a refused request is not counted, and reads are not content-generating
  const read = await fetch(`${sim.apiUrl}/repos/acme/web/issues/${pr.number}/comments`, {
    headers: { authorization: `token ${token}` },
  });
  expect(read.status).toBe(200);
  expect(sim.commentsOn(pr.number)).toHaveLength(2);
  expect((await post(sim, sim.userToken('alice'), pr.number)).status).toBe(201);
});

test('429 when configured; the hourly and concurrency limits', () => {
  let now = 0;
  const limits = new SecondaryLimits({ perMinute: 100, perHour: 3, concurrent: 2, status: 429 }, () => now);
  for (let i = 0; i < 3; i++) {
    expect(limits.enter('installation:1', 'POST', '/x')).toBeUndefined();
    limits.leave('installation:1');
    now += 1000;
  }
  const hourly = limits.enter('installation:1', 'PATCH', '/x');
  expect([hourly?.status, hourly?.headers?.['retry-after']]).toEqual([429, String(3600 - 3)]);
  expect(limits.enter('installation:2', 'GET', '/y')).toBeUndefined();
  expect(limits.enter('installation:2', 'GET', '/y')).toBeUndefined();
  expect(limits.enter('installation:2', 'GET', '/y')?.status).toBe(429); // a third in flight
  limits.leave('installation:2');
  expect(limits.enter('installation:2', 'GET', '/y')).toBeUndefined();
});
