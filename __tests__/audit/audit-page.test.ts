import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { AUDIT_SECURITY_HEADERS, createAuditHandler } from '../../src/audit/audit-handler.js';
import { createAuditLink } from '../../src/audit/audit-link.js';
import type { AuditRecord } from '../../src/core/audit/audit-record.js';
import { buildStoryRecord, FINDING, HEAD, STORY_SECRET, WAIVER_REASON } from '../helpers/audit-story.js';
import { requireTool } from '../helpers/system-tools.js';

/**
 * The audit page in a real headless Chromium, served by a real node:http server on loopback
 * through the same handler the bot mounts.
 */
const browserTool = requireTool('chromium');
const CHROME = browserTool.path;

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const NOW = new Date('2026-11-25T17:00:00Z');
const HOSTILE_TITLE = '<script>window.__pwned=1</script> @everyone';
const HOSTILE_REASON = '<img src=x onerror="window.__pwned=2"> cc @everyone';
const HOSTILE_LOGIN = '<b id="injected">mallory</b>';

const records = new Map<number, AuditRecord>([
  [412, buildStoryRecord()],
  [
    413,
    buildStoryRecord({
      number: 413,
      title: HOSTILE_TITLE,
      waiverReason: '<iframe id="injected"></iframe> waived',
      extra: [
        {
          t: 'reject',
          item: 'deployment-approval.qa-lead-date',
          by: HOSTILE_LOGIN,
          at: '2026-11-25T11:00:00.000Z',
          sha: HEAD,
          reason: HOSTILE_REASON,
        },
      ],
    }),
  ],
]);

/** Rendered text as a reader sees it (Playwright's innerText, with cell and line breaks). */
function shown(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright Locator, not a DOM node; layout-aware text is the point
  return locator.innerText();
}

// A stored record someone edited afterwards: still shown, but flagged.
const story = records.get(412);
if (story) records.set(414, { ...story, pr: { ...story.pr, number: 414, author: 'someone-else' } });

browserTool.describe('audit page in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base = '';
  const link = (pr: number, expiresAt = new Date(NOW.getTime() + 15 * 60_000)) =>
    createAuditLink(
      base,
      { owner: 'acme', repo: 'restaurant-os', pr, viewer: 'qa-lena', expiresAt },
      STORY_SECRET,
    );

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const handler = createAuditHandler({
      secret: STORY_SECRET,
      now: () => NOW,
      loadRecord: async (owner, repo, pr) =>
        owner === 'acme' && repo === 'restaurant-os' ? records.get(pr) : undefined,
    });
    server = createServer((req, res) => {
      void handler(req, res).then((handled) => {
        if (!handled) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('next route');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROME,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      timeout: 15_000,
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('tells the release story: items, who, when, rejected attempts, waiver, evidence, SHA', async () => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    const response = await page.goto(link(412));
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    for (const [name, value] of Object.entries(AUDIT_SECURITY_HEADERS))
      expect(headers[name.toLowerCase()]).toBe(value);
    expect(headers['content-security-policy']).toMatch(
      /default-src 'none'; style-src 'sha256-[^']+'.*frame-ancestors 'none'/,
    );
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');

    const text = await shown(page.locator('main'));
    expect(await shown(page.locator('h1'))).toBe('acme/restaurant-os #412: Release 6.0.3');
    expect(await shown(page.locator('.gate'))).toMatch(
      /Gate \(pre-merge\): Passed · 99 of 99 required items done/,
    );
    const qa = page.locator('tr', { has: page.locator('th', { hasText: 'QA Lead sign-off' }) }).first();
    expect(await shown(qa)).toMatch(/Signed off\s+qa-lena\s+2026-11-25 10:45 UTC/);
    expect(text).toContain(`Waiver reason: ${WAIVER_REASON}`);
    expect(text).toContain(FINDING);
    expect(text).toContain('0 secrets in 214 files (1 allowlisted placeholder)');
    expect(text).toMatch(/mallory\s+QA Lead sign-off\s+not in role qa-lead/);
    expect(text).toMatch(/rmanager\s+Engineering Lead sign-off\s+separation of duties/);
    expect(text).toContain('reset by push of 9e4b2d7');
    expect(await shown(page.locator('header'))).toContain(HEAD);
    expect(await shown(page.locator('header'))).toMatch(/Signature\s+Verified/);
    expect(await page.locator('tr.rejected').count()).toBe(3);

    // The hashed stylesheet applied (CSP allowed it) and nothing was blocked or failed.
    expect(await page.locator('.gate').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    expect(violations).toEqual([]);

    await page.screenshot({ path: `${ARTIFACTS}audit-page.png`, fullPage: true });
    await page.screenshot({ path: `${ARTIFACTS}audit-page-top.png` });
    await page
      .locator('section[aria-labelledby="group-2"]')
      .screenshot({ path: `${ARTIFACTS}audit-page-performance.png` });
    await page
      .locator('section[aria-labelledby="rejected"]')
      .screenshot({ path: `${ARTIFACTS}audit-page-rejected.png` });
  });

  it('has the basic accessibility structure', async () => {
    await page.goto(link(412));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Audit record · acme/restaurant-os #412');
    expect(await page.locator('h1').count()).toBe(1);
    for (const landmark of ['header', 'nav', 'main', 'footer'])
      expect(await page.locator(landmark).count()).toBe(1);
    const facts = await page.evaluate(() => {
      const tables = [...document.querySelectorAll('table')];
      const ths = [...document.querySelectorAll('th')];
      return {
        tables: tables.length,
        captioned: tables.filter((table) => table.caption?.textContent?.trim()).length,
        thWithoutScope: ths.filter((th) => !['col', 'row'].includes(th.getAttribute('scope') ?? '')).length,
        badgesWithoutWords: [...document.querySelectorAll('.badge')].filter(
          (b) => !/[A-Za-z]/.test(b.textContent ?? ''),
        ).length,
        scripts: document.scripts.length,
        external: document.querySelectorAll('link, img, iframe, object, embed').length,
      };
    });
    expect(facts.tables).toBeGreaterThan(20);
    expect(facts).toMatchObject({
      captioned: facts.tables,
      thWithoutScope: 0,
      badgesWithoutWords: 0,
      scripts: 0,
      external: 0,
    });
  });

  it('shows hostile text as text: no injected element, no script run', async () => {
    const response = await page.goto(link(413));
    expect(response?.status()).toBe(200);
    expect(await shown(page.locator('h1'))).toBe(`acme/restaurant-os #413: ${HOSTILE_TITLE}`);
    const text = await shown(page.locator('main'));
    expect(text).toContain(HOSTILE_REASON);
    expect(text).toContain(HOSTILE_LOGIN);
    expect(text).toContain('<iframe id="injected"></iframe> waived');
    expect(await page.locator('#injected, iframe, img, b, script').count()).toBe(0);
    await page.locator('header').screenshot({ path: `${ARTIFACTS}audit-page-hostile.png` });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('refuses unsigned, expired and tampered links with 403 and no record data', async () => {
    const good = new URL(link(412));
    const cases = [
      `${base}${good.pathname}`,
      link(412, new Date(NOW.getTime() - 1000)),
      good.toString().replace('/412?', '/413?'),
      good.toString().replace(/exp=\d+/, `exp=${Math.floor(NOW.getTime() / 1000) + 86_400 * 365}`),
      good.toString().replace(/sig=[^&]+/, `sig=${'A'.repeat(43)}`),
    ];
    for (const url of cases) {
      const response = await fetch(url);
      const body = await response.text();
      expect(response.status).toBe(403);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(body).not.toMatch(/Release 6\.0\.3|qa-lena|mallory|9e4b2d7|restaurant-os/);
    }
    const response = await page.goto(cases[1] ?? '');
    expect(response?.status()).toBe(403);
    expect(await shown(page.locator('h1'))).toBe('Access denied');
    expect(await shown(page.locator('main'))).toMatch(/expired/);
  });

  it('flags a stored record whose signature no longer verifies', async () => {
    await page.goto(link(414));
    expect(await shown(page.getByRole('alert'))).toMatch(/signature of this record does not verify/);
    expect(await shown(page.locator('header'))).toMatch(/Signature\s+Does not verify/);
  });

  it('answers 404 for a signed link without a record, and leaves other paths to the next route', async () => {
    const missing = await fetch(link(999));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('No audit record');
    const other = await fetch(`${base}/api/github/webhooks`);
    expect(await other.text()).toBe('next route');
    const post = await fetch(link(412), { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
