/** Starts the real shipgate server against the GitHub simulator, plus helpers acting as people and the Action. */
import fs from 'node:fs';
import net from 'node:net';
import { Octokit } from '@octokit/rest';
import { parse as parseYaml } from 'yaml';
import { type RunningServer, type ServerOptions, startServer } from '../../src/app/server/http-server.js';
import type { WindowClock } from '../../src/bot/runtime/write-coalescer.js';
import { COMMENT_MARKER } from '../../src/core/comment/render.js';
import { effectiveParams } from '../../src/core/evidence/binding.js';
import { formatEvidenceText, toEvidence } from '../../src/core/evidence/evidence.js';
import { attachProvenance, evidenceAudience } from '../../src/core/evidence/provenance.js';
import type { CheckParams, CheckStatus, Phase } from '../../src/core/template/model.js';
import type { OctokitTuning } from '../../src/github/octokit.js';
import { readGateDefinition } from '../../src/load/setup.js';
import type { Coordinator } from '../../src/scale/coordinator.js';
import { generateAppPrivateKey, type Simulator, startSimulator } from '../simulator/index.js';
import type { SecondaryLimitOptions } from '../simulator/secondary-limits.js';

export const REPO = 'acme/web';
export const WEBHOOK_SECRET = 'e2e-webhook-secret';
export const APP_ID = 4242;

export const TEMPLATE = `# {{app|Web}} v{{version}} - Release Checklist

**Date**: {{date}}
**Deployed By**: {{deployed-by}}
**Environment**: {{environment-choice}}

## Automated
- [ ] No hardcoded credentials in code <!-- shipgate: check=secrets id=secrets -->
- [ ] Env files never committed <!-- shipgate: check=env-files id=env-files -->

## Manual
- [ ] Customer flow: Browse → Order → Pay <!-- shipgate: id=customer-flow -->
- [ ] Rollback plan reviewed <!-- shipgate: id=rollback-plan -->

## Sign-off
- [ ] QA Lead: _______________ Date: ___________ <!-- shipgate: role=qa-lead id=qa-signoff -->
- [ ] Engineering Lead: _______________ Date: ___________ <!-- shipgate: role=engineering-lead id=eng-signoff -->

## Notes
{{notes}}
`;

export const CONFIG = `template: .github/release-checklist.md
roles:
  qa-lead:
    teams: [acme/qa]
  engineering-lead:
    users: [erin]
contacts:
  on-call:
    name: Olga
    contact: '@olga'
`;

export const WORKFLOW = '.github/workflows/shipgate.yml';
/** The checks workflow on the default branch: one job running the shipgate Action (single-job mode). */
export const WORKFLOW_TEXT = `on: pull_request
permissions: { contents: read, checks: write, id-token: write }
jobs:
  checks:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: acme/shipgate@v1
`;

export interface Harness {
  sim: Simulator;
  server: RunningServer;
  settle(): Promise<void>;
  /** Stops the app and starts a fresh process-equivalent (empty memory) on the same port. */
  restart(opts?: {
    reconcileOnStart?: boolean;
    redeliverOnStart?: boolean;
    /** Runs while no app is listening (deliveries then fail, as on GitHub). */
    whileDown?: () => Promise<void>;
  }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the server again on its port; when another process took that port while no app listened
 * (two suites at once share the ephemeral range), on one the OS picks (the caller retargets).
 */
async function startAgain(options: ServerOptions): Promise<RunningServer> {
  try {
    return await startServer(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startServer({ ...options, port: 0 });
  }
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface HarnessOptions {
  validateWebhooks?: boolean;
  /** The app's clock (e.g. to time out missing results). */
  now?: () => Date;
  /** Set SHIPGATE_PUBLIC_URL to the app's own URL (check runs then link to the audit page). */
  publicUrl?: boolean;
  /** The server's missing-results sweep period (0: off; tests call `sweepMissingResults()`). */
  sweepIntervalMs?: number;
  /** Window for one explanation reply per burst of reverted ticks (tests: 50 ms). */
  replyBurstMs?: number;
  /** Toggles within this window of a PR's last write are written together (tests: 0, production: 1 s). */
  writeWindowMs?: number;
  /** The clock that window is reckoned by (default the wall clock; see helpers/hand-clock.ts). */
  writeClock?: WindowClock;
  /** A coordinator per server start (e.g. Redis: a restart then keeps the shared state). */
  coordinator?: () => Coordinator;
  /** Octokit timings over the fast test defaults (e.g. real rate-limit waits, a request timeout). */
  tuning?: OctokitTuning;
  /** The simulator's secondary rate limits (default here: off, see startHarness). */
  secondaryLimits?: SecondaryLimitOptions | false;
}

/** The permissions app.yml asks for: the harness installs the app with exactly those. */
export function manifestPermissions(): Record<string, string> {
  const manifest = parseYaml(fs.readFileSync('app.yml', 'utf8')) as {
    default_permissions: Record<string, string>;
  };
  return manifest.default_permissions;
}

/** The E2E repository: config and template on main, people with their permissions and teams. */
export function seedRepo(sim: Simulator): void {
  sim.addRepo(REPO, {
    files: {
      '.github/shipgate.yml': CONFIG,
      '.github/release-checklist.md': TEMPLATE,
      [WORKFLOW]: WORKFLOW_TEXT,
      'package.json': '{"name":"web","version":"6.0.2"}\n',
    },
  });
  sim.installationFor('acme').permissions = manifestPermissions();
  for (const [login, role] of [
    ['rita', 'write'],
    ['quinn', 'write'],
    ['erin', 'write'],
    ['bob', 'write'],
    ['rando', 'read'],
  ] as const)
    sim.setPermission(REPO, login, role);
  sim.addTeamMember('acme', 'qa', 'quinn');
  sim.addTeamMember('acme', 'qa', 'rita');
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const key = generateAppPrivateKey();
  const port = await freePort();
  const sim = await startSimulator({
    webhookTarget: `http://127.0.0.1:${port}/api/github/webhooks`,
    webhookSecret: WEBHOOK_SECRET,
    appId: APP_ID,
    appSlug: 'shipgate',
    privateKeyPem: key,
    validateWebhooks: opts.validateWebhooks ?? true,
    // Off unless a test asks: the harness runs the bot with write spacing off (writeIntervalMs 0) and
    // rate-limit waits scaled to 20 ms a second, so one test file writes 80+ times a minute from one
    // installation (post-merge.test.ts: refused at GitHub's figures, and its 3 compressed retries give
    // up). In production the client spaces writes ≥ 1 s and waits the real retry-after.
    secondaryLimits: opts.secondaryLimits ?? false,
  });
  seedRepo(sim);
  const options: ServerOptions = {
    env: {
      APP_ID: String(APP_ID),
      PRIVATE_KEY: key,
      WEBHOOK_SECRET,
      GHE_HOST: sim.url.replace('http://', ''),
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: (process.env.E2E_LOG_LEVEL ?? 'silent') as NodeJS.ProcessEnv['LOG_LEVEL'],
      ...(opts.publicUrl ? { SHIPGATE_PUBLIC_URL: `http://127.0.0.1:${port}/` } : {}),
    },
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.sweepIntervalMs === undefined ? {} : { sweepIntervalMs: opts.sweepIntervalMs }),
    replyBurstMs: opts.replyBurstMs ?? 50,
    redeliverIntervalMs: 0, // tests run the pass themselves (app.redeliverFailed) or at start-up
    cutoverIntervalMs: 0, // tests run the cutover timer themselves (app.cutoverTick)
    writeWindowMs: opts.writeWindowMs ?? 0,
    ...(opts.writeClock ? { writeClock: opts.writeClock } : {}),
    port,
    host: '127.0.0.1',
    tuning: {
      writeIntervalMs: 0,
      notificationIntervalMs: 0,
      retryBaseMs: 20,
      rateLimitBaseMs: 20,
      ...opts.tuning,
    },
  };
  const withCoordinator = (server: ServerOptions): ServerOptions =>
    opts.coordinator ? { ...server, coordinator: opts.coordinator() } : server;
  const h: Harness = {
    sim,
    server: await startServer(withCoordinator(options)),
    async settle() {
      for (let i = 0; i < 5; i++) {
        await sim.idle();
        await h.server.app.idle();
      }
    },
    async restart(opts = {}) {
      await h.settle();
      await h.server.close();
      // let the simulator's HTTP client notice its keep-alive sockets were closed
      await new Promise((resolve) => setTimeout(resolve, 100));
      await opts.whileDown?.();
      const { whileDown: _, ...serverOpts } = opts;
      h.server = await startAgain(withCoordinator({ ...options, ...serverOpts }));
      // the App's webhook URL is the server's (a process the test ran meanwhile may have had another)
      sim.setWebhookTarget(`${h.server.url}/api/github/webhooks`);
    },
    async close() {
      await h.settle();
      await h.server.close();
      await sim.close();
    },
  };
  return h;
}

/** The checklist comment(s) on a PR. */
export function checklistComments(sim: Simulator, pr: number) {
  return sim.commentsOn(pr).filter((c) => c.body.includes(COMMENT_MARKER));
}

export function checklist(sim: Simulator, pr: number) {
  const found = checklistComments(sim, pr);
  if (found.length !== 1) throw new Error(`expected one checklist comment on #${pr}, found ${found.length}`);
  return found[0] as NonNullable<(typeof found)[0]>;
}

/** The line of an item in the checklist comment. */
export function line(body: string, id: string): string {
  return body.split('\n').find((l) => l.includes(`<!-- sg:${id} -->`)) ?? '';
}

export function isTicked(body: string, id: string): boolean {
  return /^\s*- \[[xX]\]/.test(line(body, id));
}

/** A person's edit: flip the box of `id` in `body` (returns the new body). */
export function toggle(body: string, id: string, checked: boolean): string {
  return body
    .split('\n')
    .map((l) => (l.includes(`<!-- sg:${id} -->`) ? l.replace(/\[[ xX]\]/, checked ? '[x]' : '[ ]') : l))
    .join('\n');
}

/** The latest `shipgate` check run on a commit. */
export function gateRun(sim: Simulator, sha: string) {
  return sim
    .checkRunsFor(sha)
    .filter((r) => r.name === 'shipgate')
    .sort((a, b) => b.id - a.id)[0];
}

/** How the stand-in Action vouches for its results (default: a genuine ID token for its run). */
export type Provenance =
  | { kind: 'oidc' }
  | { kind: 'none' }
  /** A token with these claims changed, signed by the real issuer (what a misconfigured run would get). */
  | { kind: 'claims'; claims: Record<string, unknown> }
  /** The raw token to attach (forgeries). */
  | { kind: 'raw'; token: string };

/**
 * Acts as the Action: a workflow run of `workflowPath` on `sha` (a `pull_request` run checks out
 * `refs/pull/<n>/merge`), whose job publishes a `shipgate/checks` run with the evidence and, like
 * the real Action with `id-token: write`, an OIDC token for that run bound to the evidence.
 */
export async function publishEvidence(
  h: Harness,
  sha: string,
  results: {
    item: string;
    check: string;
    status: CheckStatus;
    summary: string;
    params?: CheckParams;
    how?: 'verified' | 'reported';
  }[],
  workflowPath = WORKFLOW,
  run: {
    phase?: Phase;
    event?: string;
    title?: string;
    provenance?: Provenance;
    evidenceSha?: string;
    /** `attest`: the evidence claims what each result's `how` says; `single` (default): all reported. */
    job?: 'attest' | 'single';
    /** An earlier workflow run to publish as (a replay of its results). */
    workflowRun?: { id: number };
  } = {},
): Promise<void> {
  const event = run.event ?? 'pull_request';
  const pr = [...h.sim.state.issues.values()].find((i) => i.repo === REPO && i.pull?.head.sha === sha);
  const workflowRun =
    run.workflowRun ??
    h.sim.addWorkflowRun(REPO, {
      path: workflowPath,
      head_sha: sha,
      event,
      ...(event === 'pull_request' && pr ? { ref: `refs/pull/${pr.number}/merge` } : {}),
    });
  // an honest Action measures with the default branch's policy: the parameters it ran with
  const policy = await defaultBranchPolicy(h.sim);
  const octokit = new Octokit({
    baseUrl: h.sim.apiUrl,
    auth: h.sim.actionsToken(REPO),
    retry: { enabled: false },
  });
  const evidence = toEvidence(
    run.evidenceSha ?? sha,
    run.phase ?? 'pre-merge',
    results.map((r) => {
      const item = policy.checklist.items.find((candidate) => candidate.id === r.item);
      const params = r.params ?? (item ? effectiveParams(item, policy.config) : {});
      return { ...r, params, text: r.item, findings: [] };
    }),
    run.job ?? 'single',
  );
  const evidenceText = formatEvidenceText(evidence);
  const provenance = run.provenance ?? { kind: 'oidc' };
  const audience = evidenceAudience(evidenceText);
  const token =
    provenance.kind === 'oidc'
      ? h.sim.oidc.tokenFor(workflowRun.id, audience)
      : provenance.kind === 'claims'
        ? h.sim.oidc.tokenFor(workflowRun.id, audience, provenance.claims)
        : provenance.kind === 'raw'
          ? provenance.token
          : undefined;
  await octokit.rest.checks.create({
    owner: 'acme',
    repo: 'web',
    name: 'shipgate/checks',
    head_sha: sha,
    status: 'completed',
    conclusion: evidence.passed ? 'success' : 'failure',
    details_url: `${h.sim.url}/${REPO}/actions/runs/${workflowRun.id}`,
    output: {
      title: run.title ?? 'shipgate checks',
      summary: 'results',
      text: token ? attachProvenance(evidenceText, token) : evidenceText,
    },
  });
  await h.settle();
}

export const PASSING = [
  { item: 'secrets', check: 'secrets', status: 'pass' as const, summary: '0 secrets in 120 files' },
  { item: 'env-files', check: 'env-files', status: 'pass' as const, summary: 'no env files committed' },
];

/** Opens a release PR as `user` (default rita) and waits until the bot has handled it. */
export async function openRelease(
  h: Harness,
  options: { head: string; title?: string; user?: string; files?: Record<string, string> },
): Promise<{ number: number; sha: string }> {
  const opened = await h.sim.openPullRequest({
    head: options.head,
    user: options.user ?? 'rita',
    ...(options.title ? { title: options.title } : {}),
    files: options.files ?? { 'src/app.ts': 'export {}\n' },
  });
  await h.settle();
  return { number: opened.number, sha: opened.pull?.head.sha ?? '' };
}

/** `login` flips `id` in the checklist comment (from `body`, default the current one) and the bot handles it. */
export async function editChecklist(
  h: Harness,
  pr: number,
  login: string,
  id: string,
  checked: boolean,
  body = checklist(h.sim, pr).body,
): Promise<void> {
  await h.sim.userEditsComment(checklist(h.sim, pr).id, login, toggle(body, id, checked));
  await h.settle();
}

/** The bot's replies on a PR explaining reverted edits. */
export function revertReplies(sim: Simulator, pr: number) {
  return sim.commentsOn(pr).filter((c) => c.body.startsWith('shipgate reverted'));
}

/**
 * Completes the standard checklist of `pr` (head `sha`): passing results from the Action, both
 * manual items ticked by bob, the sign-offs by quinn (QA) and erin (engineering), leaving out `except`.
 */
export async function completeGate(
  h: Harness,
  pr: number,
  sha: string,
  options: { except?: string[] } = {},
): Promise<void> {
  await publishEvidence(h, sha, PASSING);
  for (const [login, id] of [
    ['bob', 'customer-flow'],
    ['bob', 'rollback-plan'],
    ['quinn', 'qa-signoff'],
    ['erin', 'eng-signoff'],
  ] as const)
    if (!options.except?.includes(id)) await editChecklist(h, pr, login, id, true);
}

/** The config and template on the simulated repository's default branch (what the bot reads). */
export async function defaultBranchPolicy(sim: Simulator, repo = REPO) {
  const state = sim.repo(repo);
  const tree =
    state.commits.get(state.branches.get(state.defaultBranch) ?? '')?.tree ?? new Map<string, string>();
  return readGateDefinition({
    config: { file: '.github/shipgate.yml', text: tree.get('.github/shipgate.yml') },
    readTemplate: async (path) => ({ file: path, text: tree.get(path) }),
    missingTemplate: 'not found',
  });
}
