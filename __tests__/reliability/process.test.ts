/**
 * The bundled server as a real process against the simulator: SIGTERM mid-event finishes the event
 * (comment written), refuses new deliveries with 503 and exits 0, logging JSON lines that carry the
 * delivery id; SIGKILL mid-event loses nothing: GitHub only records the failed delivery, and the
 * fresh instance's start-up pass asks for it again. Without credentials it says so in one line each.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { build } from 'esbuild';
import {
  APP_ID,
  checklist,
  checklistComments,
  type Harness,
  isTicked,
  startHarness,
  toggle,
  WEBHOOK_SECRET,
} from '../app/harness.js';

let h: Harness;
const children: ChildProcess[] = [];
let openedPr = 0;
let bundle: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipgate-process-'));

beforeAll(async () => {
  bundle = path.join(dir, 'dist', 'server.mjs');
  // the bundle finds the built-in templates by walking up from itself, as dist/server.js does
  fs.symlinkSync(path.resolve('templates'), path.join(dir, 'templates'));
  // the same bundling as scripts/build.mjs for dist/server.js, into a temp dir (tests current sources)
  await build({
    entryPoints: ['src/app/server.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  h = await startHarness();
  await h.server.close(); // the child processes serve the app in turn (the simulator is pointed at each)
}, 60_000);
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 200));
  await h?.restart();
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Child {
  proc: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  /** Where it listens: a port the OS picked, which the simulator's webhooks are pointed at. */
  url: string;
}

/** The URL from the child's 'shipgate listening' log line, once it has written it. */
function listeningUrl(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as { msg?: unknown; url?: unknown };
      if (entry.msg === 'shipgate listening' && typeof entry.url === 'string') return entry.url;
    } catch {
      // not JSON: a line from node itself
    }
  }
  return undefined;
}

async function startChild(): Promise<Child> {
  // Port 0, not the harness's old port: another process (two suites at once) may have taken that one.
  const port = '0';
  const proc = spawn(process.execPath, [bundle], {
    env: {
      PATH: process.env.PATH ?? '',
      APP_ID: String(APP_ID),
      PRIVATE_KEY: h.sim.options.privateKeyPem ?? '',
      WEBHOOK_SECRET,
      GHE_HOST: h.sim.url.replace('http://', ''),
      GHE_PROTOCOL: 'http',
      PORT: port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      SHIPGATE_RECONCILE: 'false',
      SHIPGATE_GITHUB_WRITE_INTERVAL_MS: '0',
      SHIPGATE_GITHUB_NOTIFY_INTERVAL_MS: '0',
      SHIPGATE_GITHUB_RETRY_BASE_MS: '20',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  proc.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  proc.stderr?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  children.push(proc);
  for (let i = 0; i < 100; i++) {
    const url = listeningUrl(lines);
    const up =
      url !== undefined &&
      (await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ));
    if (url && up) {
      h.sim.setWebhookTarget(`${url}/api/github/webhooks`);
      return { proc, lines, exited, url };
    }
    if (proc.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  proc.kill('SIGKILL');
  throw new Error(`the server did not start:\n${lines.join('\n')}`);
}

async function whenConsumed(child: Child): Promise<void> {
  for (let i = 0; i < 500 && h.sim.faults.pending() > 0; i++) await new Promise((r) => setTimeout(r, 10));
  if (h.sim.faults.pending() > 0) throw new Error(`the write never came:\n${child.lines.join('\n')}`);
}

test('SIGTERM mid-event: the event completes, new deliveries get 503, exit code 0, JSON logs carry the delivery', async () => {
  const child = await startChild();
  h.sim.faults.inject({ match: { method: 'POST', path: /\/issues\/\d+\/comments$/ }, latencyMs: 1500 });
  const opening = h.sim.openPullRequest({ head: 'release/12.0.0', user: 'rita', files: { a: '1' } });
  await whenConsumed(child); // the checklist comment is being written right now
  child.proc.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 100));
  const refused = await fetch(`${child.url}/api/github/webhooks`, { method: 'POST', body: '{}' }).then(
    (r) => r.status,
    () => 0,
  );
  expect(refused).toBe(503); // draining: GitHub logs a failure; a live instance's redelivery pass asks again
  expect(await child.exited).toBe(0);
  const pr = await opening;
  const delivery = h.sim.deliveries.find((d) => d.event === 'pull_request' && d.action === 'opened');
  expect(delivery?.attempts.at(-1)?.status).toBe(200);
  expect(checklistComments(h.sim, pr.number)).toHaveLength(1);
  const json = child.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  // start-up lines (listening, the doctor, redelivery) carry no delivery
  const eventLines = json.filter(
    (l) => !/listening|shutting down|shipgate doctor|redeliver/.test(String(l.msg)),
  );
  expect(eventLines.length).toBeGreaterThan(0);
  for (const line of eventLines) expect([line.delivery, line.id]).toContain(delivery?.id);
  expect(json.some((l) => /shutting down/.test(String(l.msg)))).toBe(true);
  openedPr = pr.number;
});

test('SIGKILL mid-write, then a fresh instance asks GitHub to redeliver: the tick is kept', async () => {
  const pr = openedPr;
  const child = await startChild();
  h.sim.faults.inject({ match: { method: 'PATCH', path: /\/issues\/comments\/\d+$/ }, latencyMs: 800 });
  const { id, body } = checklist(h.sim, pr);
  const editing = h.sim.userEditsComment(id, 'bob', toggle(body, 'customer-flow', true));
  await whenConsumed(child);
  child.proc.kill('SIGKILL');
  await child.exited;
  await editing;
  const delivery = h.sim.deliveries
    .filter((d) => d.event === 'issue_comment' && d.action === 'edited')
    .at(-1);
  await new Promise((r) => setTimeout(r, 1000)); // the dead replica's write may still land
  expect(delivery?.attempts.map((a) => a.status)).toEqual([0]); // failed; GitHub does nothing more
  await h.restart({ redeliverOnStart: true });
  await h.settle();
  expect(
    h.sim.hookLog.filter((a) => a.guid === delivery?.id).map((a) => [a.status_code, a.redelivery]),
  ).toEqual([
    [0, false],
    [200, true],
  ]);
  const after = checklist(h.sim, pr).body;
  expect(isTicked(after, 'customer-flow')).toBe(true);
  expect(checklistComments(h.sim, pr)).toHaveLength(1);
  expect(h.sim.validationErrors).toEqual([]);
});

test('npm start without credentials: one line per missing setting, exit 2, no stack trace', async () => {
  const proc = spawn(process.execPath, [bundle], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c)));
  expect(code).toBe(2);
  const lines = err.trim().split('\n');
  expect(lines.map((l) => l.split(':')[1]?.trim())).toEqual([
    'APP_ID is not set',
    'PRIVATE_KEY (or PRIVATE_KEY_PATH) is not set',
    'WEBHOOK_SECRET is not set',
    'see docs/app.md for every setting',
  ]);
  expect(err).not.toMatch(/^\s+at /m);
});
