/**
 * `shipgate audit export` end to end: releases merged through the real bot against the simulator
 * (a plain one, one rolled back, one by break-glass), exported through the GitHub API with a
 * read-only user token and the bot's key; the rows match the ledgers, a tampered ledger or record
 * stops the export, sampling is reproducible from the printed seed, and the HTML renders in
 * headless Chromium.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { chromium } from 'playwright-core';
import { main } from '../../src/cli/main.js';
import { requireTool } from '../helpers/system-tools.js';
import {
  checklist,
  gateRun,
  type Harness,
  publishEvidence,
  REPO,
  startHarness,
  WEBHOOK_SECRET,
} from './harness.js';
import {
  DEPLOY_WORKFLOW_TEXT,
  edit,
  openCompleteRelease,
  publishPostDeployEvidence,
  RELEASE_TEMPLATE,
} from './release-harness.js';

const browser = requireTool('chromium');
const CHROME = browser.path;
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

let h: Harness;
let clock = Date.parse('2026-12-14T09:00:00Z');
const releases: Record<string, { pr: number; head: string; merge: string }> = {};

async function merge(version: string, pr: number, head: string): Promise<void> {
  const closed = await h.sim.closePullRequest(pr, { merged: true, login: 'erin' });
  await h.settle();
  releases[version] = { pr, head, merge: closed.pull?.merge_commit_sha ?? '' };
}

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(clock) });
  h.sim.commit(REPO, {
    branch: 'main',
    files: {
      '.github/release-checklist.md': RELEASE_TEMPLATE,
      '.github/workflows/deploy.yml': DEPLOY_WORKFLOW_TEXT,
      '.github/shipgate.yml': `template: .github/release-checklist.md
roles:
  qa-lead: { teams: [acme/qa] }
  engineering-lead: { users: [erin] }
  release-manager: { users: [mia] }
breakGlass: { roles: [release-manager], reviewWithin: 24h }
`,
    },
  });
  h.sim.setPermission(REPO, 'mia', 'write');
  h.sim.setPermission(REPO, 'auditor', 'read');
  // 8.0.0: complete, merged, verified after deployment
  {
    const { pr, head } = await openCompleteRelease(h, true, '8.0.0');
    await merge('8.0.0', pr, head);
    const { merge: sha } = releases['8.0.0'] ?? { merge: '' };
    await publishPostDeployEvidence(h, sha, [
      { item: 'home', check: 'health', status: 'pass', summary: 'GET / 200 in 84 ms' },
    ]);
    await edit(h, pr, 'bob', 'login', true);
  }
  // 8.1.0: merged, then rolled back
  clock += 3600_000;
  {
    const { pr, head } = await openCompleteRelease(h, true, '8.1.0');
    await merge('8.1.0', pr, head);
    await h.sim.userComments(pr, 'bob', '/shipgate rollback checkout errors after deploy');
    await h.settle();
  }
  // 8.2.0: break-glass without the QA sign-off
  clock += 3600_000;
  {
    const { pr, head } = await openCompleteRelease(h, false, '8.2.0');
    await publishEvidence(h, head, [
      { item: 'secrets', check: 'secrets', status: 'pass', summary: '0 secrets in 120 files' },
      { item: 'env-files', check: 'env-files', status: 'pass', summary: 'no env files committed' },
    ]);
    await edit(h, pr, 'erin', 'eng-signoff', true);
    await h.sim.userComments(pr, 'mia', '/shipgate break-glass payment provider outage hotfix');
    await h.settle();
    expect(gateRun(h.sim, head)?.conclusion).toBe('success');
    await merge('8.2.0', pr, head);
  }
  clock += 3600_000;
});
afterAll(async () => {
  await h?.close();
});

async function runCli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    cwd: process.cwd(),
    env: {
      GITHUB_TOKEN: h.sim.userToken('auditor'),
      GITHUB_API_URL: h.sim.apiUrl,
      WEBHOOK_SECRET,
      ...env,
    },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    now: () => new Date(clock),
  });
  return { code, stdout, stderr };
}

const EXPORT = ['audit', 'export', '--repo', REPO, '--since', '2026-12-01'];

test('the JSON export has one row per merged release, matching its ledger', async () => {
  const { code, stdout, stderr } = await runCli([...EXPORT, '--format', 'json']);
  expect(stderr).toContain('3 release(s) exported, every record and ledger verified');
  expect(code).toBe(0);
  const pack = JSON.parse(stdout) as {
    controls: Record<string, string>;
    releases: Array<Record<string, string | number>>;
  };
  expect(pack.controls.approvers).toContain('SOC 2 CC8.1');
  expect(pack.controls.emergency).toContain('ISO 27001:2022 A.8.32');
  const byVersion = new Map(pack.releases.map((row) => [row.version, row]));
  expect([...byVersion.keys()].sort()).toEqual(['8.0.0', '8.1.0', '8.2.0']);
  const plain = byVersion.get('8.0.0');
  expect(plain).toMatchObject({
    number: releases['8.0.0']?.pr,
    author: 'rita',
    mergeCommit: releases['8.0.0']?.merge,
    rollback: 'none',
    emergency: 'none',
    separationOfDuties: 'held: 2 approver(s), none the author',
  });
  expect(plain?.approvers).toMatch(/^quinn \(qa-lead\) at .*; erin \(engineering-lead\) at /);
  expect(plain?.automatedEvidence).toContain('secrets: pass (0 secrets in 120 files)');
  expect(plain?.postDeploy).toContain('2 of 2 post-deploy items done');
  expect(byVersion.get('8.1.0')?.rollback).toContain('rollback by bob');
  expect(byVersion.get('8.1.0')?.rollback).toContain('checkout errors after deploy');
  const glass = String(byVersion.get('8.2.0')?.emergency);
  expect(glass).toContain('break-glass by mia');
  expect(glass).toContain('payment provider outage hotfix');
  expect(glass).toContain('review: pending review');
  expect(glass).toContain('missing: qa-signoff');
});

test('the CSV names each column with its control and quotes what needs quoting', async () => {
  const { code, stdout } = await runCli([...EXPORT, '--format', 'csv']);
  expect(code).toBe(0);
  const lines = stdout.split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(
    /^PR \[SOC 2 CC8\.1 \(change identified\); ISO 27001:2022 A\.8\.32 \(change recorded\)\],/,
  );
  expect(lines[0]).toContain(
    ',Break-glass and its review [SOC 2 CC8.1 (emergency changes reviewed); ISO 27001:2022 A.8.32 (emergency change)],',
  );
  // a cell with a comma is quoted (RFC 4180)
  expect(lines[0]).toContain(',"Manual items (ticked by) [SOC 2 CC8.1 (tested, documented)]",');
  mkdirSync(ARTIFACTS, { recursive: true });
  // the pack of the test releases, kept with the other artifacts (the closing note quotes it)
  writeFileSync(`${ARTIFACTS}audit-export.csv`, stdout);
});

test('--sample N draws at random with a printed seed; --seed reproduces the draw', async () => {
  const first = await runCli([...EXPORT, '--sample', '2']);
  const seed = /with seed (\d+)/.exec(first.stderr)?.[1];
  expect(first.stderr).toContain('sampled 2 of 3 releases');
  expect(seed).toBeDefined();
  const again = await runCli([...EXPORT, '--sample', '2', '--seed', seed ?? '']);
  const pick = (out: string) =>
    (JSON.parse(out) as { releases: { number: number }[] }).releases.map((r) => r.number);
  expect(pick(again.stdout)).toEqual(pick(first.stdout));
  expect(pick(again.stdout)).toHaveLength(2);
});

test('a tampered ledger or audit record stops the export', async () => {
  const target = releases['8.1.0'];
  if (!target) throw new Error('no release');
  const comment = checklist(h.sim, target.pr);
  const stored = h.sim.state.comments.get(comment.id);
  if (!stored) throw new Error('no comment');
  const original = stored.body;
  // rewrite who signed off, inside the hidden signed block
  stored.body = original.replace(/<!-- shipgate:state v1 ([A-Za-z0-9_-]*) -->/, (_all, data: string) => {
    const json = Buffer.from(data, 'base64url').toString('utf8').replaceAll('"quinn"', '"mallory"');
    return `<!-- shipgate:state v1 ${Buffer.from(json).toString('base64url')} -->`;
  });
  try {
    const refused = await runCli([...EXPORT, '--format', 'csv']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`#${target.pr}: the ledger in the checklist comment does not verify`);
  } finally {
    stored.body = original;
  }
  // the signed record on the final `shipgate` run: change the author
  const run = gateRun(h.sim, target.head);
  const text = run?.output.text ?? '';
  if (!run) throw new Error('no run');
  run.output.text = text.replace('"author":"rita"', '"author":"someone-else"');
  try {
    const refused = await runCli([...EXPORT]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`#${target.pr}: audit record: the signature does not match`);
  } finally {
    run.output.text = text;
  }
  expect((await runCli([...EXPORT])).code).toBe(0);
});

test.each([
  [['audit', 'export', '--since', '2026-12-01'], 'needs --repo OWNER/NAME'],
  [['audit', 'export', '--repo', REPO], 'needs --since DATE'],
  [[...EXPORT.slice(0, 4), '--since', 'last week'], '--since expects a date'],
  [[...EXPORT, '--until', '2026-11-01'], '--until must be after --since'],
  [[...EXPORT, '--format', 'xml'], '--format must be json, csv or html'],
  [[...EXPORT, '--sample', '0'], '--sample expects a positive whole number'],
  [[...EXPORT, '--seed', '4'], '--seed goes with --sample N'],
  [['audit', 'import'], 'unknown audit command'],
])('bad input %j exits 2 with a clear message', async (args, message) => {
  const { code, stderr } = await runCli(args);
  expect(code).toBe(2);
  expect(stderr).toContain(message);
});

test('without the bot key the export refuses to run (exit 2)', async () => {
  const { code, stderr } = await runCli(EXPORT, { WEBHOOK_SECRET: '' });
  expect(code).toBe(2);
  expect(stderr).toContain('SHIPGATE_LEDGER_SECRET');
});

browser.test('the HTML pack is one self-contained page that renders in headless Chromium', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-export-'));
  const file = join(dir, 'pack.html');
  const { code } = await runCli([...EXPORT, '--format', 'html', '--out', file]);
  expect(code).toBe(0);
  const html = readFileSync(file, 'utf8');
  expect(html).not.toMatch(/<script|src=|href="http/);
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    timeout: 15_000,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
    await expect(page.locator('h1').textContent()).resolves.toContain(`Change evidence: ${REPO}`);
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(3);
    await expect(page.locator(`#pr-${releases['8.2.0']?.pr} td`).allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('break-glass by mia')]),
    );
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}audit-export.png`, fullPage: true });
    // the top of the page (header, summary table, the first release) for docs/governance-export.png
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.screenshot({ path: `${ARTIFACTS}audit-export-top.png` });
  } finally {
    await browser.close();
  }
});
