/**
 * The audit page through the bot: the `shipgate` check run's details_url is a signed, short-lived
 * link served by the app's own HTTP server, which builds the record from GitHub on demand.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import {
  checklist,
  gateRun,
  type Harness,
  isTicked,
  openRelease,
  REPO,
  startHarness,
  toggle,
} from './harness.js';

const T0 = Date.parse('2026-11-25T10:00:00.000Z');
let clock = T0;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock), publicUrl: true, sweepIntervalMs: 0 });
});
afterAll(async () => {
  await h?.close();
});

/**
 * Release PR `version` opened at T0 with bob's tick (write access) and his rejected sign-off (not
 * in the qa-lead role) in its history; each test opens its own, so the links and clocks are its own.
 */
async function openAuditedRelease(version: string): Promise<{ pr: number; sha: string }> {
  clock = T0;
  const { number: pr, sha } = await openRelease(h, {
    head: `release/${version}`,
    title: `Release ${version}`,
  });
  for (const [login, id] of [
    ['bob', 'customer-flow'], // allowed (write access)
    ['bob', 'qa-signoff'], // rejected: not in the qa-lead role (a read-only user could not edit at all)
  ] as const) {
    const comment = checklist(h.sim, pr);
    await h.sim.userEditsComment(comment.id, login, toggle(comment.body, id, true));
    await h.settle();
  }
  return { pr, sha };
}

const detailsUrl = (sha: string) => gateRun(h.sim, sha)?.details_url ?? '';
const get = (url: string) => fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });

test('the check run links to a signed audit link for the PR on the app', async () => {
  const { pr, sha } = await openAuditedRelease('7.1.0');
  const body = checklist(h.sim, pr).body;
  expect([isTicked(body, 'customer-flow'), isTicked(body, 'qa-signoff')]).toEqual([true, false]);
  const link = new URL(detailsUrl(sha));
  expect(`${link.origin}${link.pathname}`).toBe(`${h.server.url}/audit/${REPO}/${pr}`);
  const exp = Number(link.searchParams.get('exp'));
  expect(exp * 1000 - clock).toBeGreaterThan(6 * 24 * 3600_000);
  expect(exp * 1000 - clock).toBeLessThanOrEqual(7 * 24 * 3600_000);
  expect(link.searchParams.get('sig')).toMatch(/^[\w-]{43}$/);
  expect(h.sim.validationErrors).toEqual([]);
});

test('fetching the details_url shows the history: the tick and the rejected tick', async () => {
  const { pr, sha } = await openAuditedRelease('7.2.0');
  const response = await get(detailsUrl(sha));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  const html = await response.text();
  expect(html).toContain(`Audit record · acme/web #${pr}`);
  expect(html).toContain('Release 7.2.0');
  expect(html).toContain('Customer flow');
  expect(html).toContain('bob');
  expect(html).toMatch(/Rejected attempts[\s\S]*bob/);
  expect(html).toContain('Verified (HMAC-SHA256)');
  expect(html).toContain(sha);
});

test('tampered, foreign and expired links are refused with 403', async () => {
  const { pr, sha } = await openAuditedRelease('7.3.0');
  const good = new URL(detailsUrl(sha));
  const otherPr = new URL(good);
  otherPr.pathname = otherPr.pathname.replace(/\/\d+$/, `/${pr + 1}`);
  const longer = new URL(good);
  longer.searchParams.set('exp', String(Number(good.searchParams.get('exp')) + 3600));
  const unsigned = new URL(good);
  unsigned.searchParams.delete('sig');
  for (const url of [otherPr, longer, unsigned]) {
    const response = await get(url.toString());
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('Customer flow');
  }
  clock = T0 + 8 * 24 * 3600_000;
  const expired = await get(good.toString());
  expect(expired.status).toBe(403);
  expect(await expired.text()).toContain('expired');
});

test('every check-run update re-signs the link; unknown pages are 404', async () => {
  const { pr, sha } = await openAuditedRelease('7.4.0');
  const old = new URL(detailsUrl(sha));
  clock = T0 + 9 * 24 * 3600_000;
  const comment = checklist(h.sim, pr);
  await h.sim.userEditsComment(comment.id, 'erin', toggle(comment.body, 'eng-signoff', true));
  await h.settle();
  const fresh = new URL(detailsUrl(sha));
  expect(Number(fresh.searchParams.get('exp'))).toBeGreaterThan(Number(old.searchParams.get('exp')));
  const page = await get(fresh.toString());
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('erin');
  expect((await get(`${h.server.url}/audit/nope`)).status).toBe(404);
  expect((await get(`${h.server.url}/elsewhere`)).status).toBe(404);
  expect(h.sim.validationErrors).toEqual([]);
});
