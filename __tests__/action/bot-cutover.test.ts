/**
 * `mode: bot` on `schedule`: the built Action runs one pass of the cutover timer. The release PR is
 * handled by the Action too (opened, merged, `/shipgate cutover 10`); Prometheus is a stand-in
 * speaking its HTTP API on 127.0.0.1 (the real one is in __tests__/app/cutover-e2e.test.ts).
 */
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { checklist, isTicked, line, WORKFLOW_TEXT } from '../app/harness.js';
import { type RunningServer, startHttpServer } from '../helpers/runtime-servers.js';
import { type Delivery, type Simulator, startSimulator } from '../simulator/index.js';
import { buildDist, runAction } from './action-harness.js';

const REPO = 'acme/web';
const LEDGER_SECRET = 'bot-cutover-ledger-secret-0123456789';
const TEMPLATE = `# Web v{{version}}

## Sign-off
- [ ] Engineering Lead: ____ <!-- shipgate: role=engineering-lead id=eng -->

### Traffic Cutover <!-- shipgate: phase=post-deploy -->
- [ ] 10% traffic to green <!-- shipgate: id=step-10 -->
- [ ] Monitor for 2 seconds <!-- shipgate: check=cutover-window duration=2s interval=1s metrics="error-rate<=1" count=2 id=window -->
- [ ] 100% traffic to green <!-- shipgate: id=step-100 -->
`;

let sim: Simulator;
let prometheus: RunningServer;
const queries: string[] = [];

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
  });

beforeAll(async () => {
  buildDist();
  // every range query answers 0 at each step: a healthy release
  prometheus = await startHttpServer(async (req, res) => {
    const form = new URLSearchParams(await readBody(req));
    queries.push(form.get('query') ?? '');
    const start = Number(form.get('start'));
    const end = Number(form.get('end'));
    const step = Number(form.get('step'));
    const values: Array<[number, string]> = [];
    for (let t = start; t <= end; t += step) values.push([t, '0']);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{ metric: {}, values }] },
      }),
    );
  });
  sim = await startSimulator({});
  sim.addRepo(REPO, {
    files: {
      '.github/shipgate.yml': `template: .github/release-checklist.md
roles:
  engineering-lead: { users: [erin] }
telemetry:
  prometheus: { url: '${prometheus.url}' }
`,
      '.github/release-checklist.md': TEMPLATE,
      '.github/workflows/shipgate.yml': WORKFLOW_TEXT,
      'package.json': '{"name":"web","version":"6.0.2"}\n',
    },
  });
  sim.setPermission(REPO, 'erin', 'write');
  sim.setPermission(REPO, 'rita', 'write');
}, 120_000);

afterAll(async () => {
  await sim.close();
  await prometheus.close();
});

const lastDelivery = (event: string, action: string): Delivery => {
  const found = sim.deliveries.filter((d) => d.event === event && d.action === action).at(-1);
  if (!found) throw new Error(`no ${event}.${action} delivery`);
  return found;
};

async function runBot(event: { name: string; payload: unknown }) {
  const run = await runAction({
    inputs: { mode: 'bot', 'github-token': sim.actionsToken(REPO), 'ledger-secret': LEDGER_SECRET },
    env: {
      GITHUB_API_URL: sim.apiUrl,
      GITHUB_SERVER_URL: sim.url,
      GITHUB_REPOSITORY: REPO,
      GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e6)),
      GITHUB_RUN_ATTEMPT: '1',
    },
    event,
  });
  await sim.idle();
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run;
}

it('a scheduled run while a window is open ticks it once the window has passed within limits', async () => {
  const opened = await sim.openPullRequest({ head: 'release/6.0.3', user: 'rita', title: 'Release 6.0.3' });
  const pr = opened.number;
  await runBot({ name: 'pull_request', payload: lastDelivery('pull_request', 'opened').payload });
  await sim.closePullRequest(pr, { merged: true, login: 'erin' });
  await runBot({ name: 'pull_request', payload: lastDelivery('pull_request', 'closed').payload });

  // nothing open yet: a scheduled pass only reads
  const idle = await runBot({ name: 'schedule', payload: { schedule: '*/5 * * * *' } });
  expect(idle.stdout).toContain('shipgate cutover: no open cutover window');

  await sim.userComments(pr, 'erin', '/shipgate cutover 10');
  await runBot({ name: 'issue_comment', payload: lastDelivery('issue_comment', 'created').payload });
  expect(isTicked(checklist(sim, pr).body, 'step-10')).toBe(true);
  expect(line(checklist(sim, pr).body, 'window')).toContain('⏱️ open since');

  await new Promise((resolve) => setTimeout(resolve, 2500)); // the window (2 s) passes
  const pass = await runBot({ name: 'schedule', payload: { schedule: '*/5 * * * *' } });
  expect(pass.stdout).toContain('1 window(s) sampled on 1 pull request(s), 1 decided');
  const window = line(checklist(sim, pr).body, 'window');
  expect(window).toMatch(
    /\[x\] Monitor for 2 seconds — ✅ window .* passed: error-rate 0% \(≤ 1%\) · \d+ samples every 1 s/,
  );
  expect(queries.some((query) => query.includes('http_requests_total'))).toBe(true);
  expect(sim.validationErrors).toEqual([]);
}, 120_000);
