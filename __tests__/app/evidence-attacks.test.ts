/**
 * Issue 20: the gate cannot be bent by the release it judges. Each attack a PR author with write
 * access could mount against the evidence, reproduced against the simulator (GitHub's documented
 * check-run and OIDC behaviour) and refused with the reason on the `shipgate` check run; then the
 * honest loop with the two-job workflow (the built Action as the measure job, then as the attesting
 * job) ticks every automated item with no manual step, and the single-job mode still works with
 * its results marked `reported`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { EVIDENCE_CHECK_NAME, formatEvidenceText, toEvidence } from '../../src/core/evidence/evidence.js';
import { attachProvenance, evidenceAudience } from '../../src/core/evidence/provenance.js';
import { SHIPGATE_REUSABLE_WORKFLOW } from '../../src/core/evidence/workflow-identity.js';
import { canIsolate } from '../../src/runner/isolate.js';
import { buildDist, runAction } from '../action/action-harness.js';
import { FakeSecrets } from '../helpers/repo-fake-secrets.js';
import { commitAll, gitInit, removeDirs, tempDir, writeFiles } from '../helpers/repo-temp.js';
import {
  checklist,
  gateRun,
  type Harness,
  isTicked,
  line,
  openRelease,
  publishEvidence,
  REPO,
  startHarness,
  WORKFLOW,
} from './harness.js';

/** The policy on the default branch: two repository checks and a bundle budget the build judges. */
const POLICY_TEMPLATE = `# {{app|Web}} v{{version}} - Release Checklist

## Automated
- [ ] No hardcoded credentials in code <!-- shipgate: check=secrets id=secrets -->
- [ ] Env files never committed <!-- shipgate: check=env-files id=env-files -->
- [ ] Main bundle < 80KB <!-- shipgate: check=bundle-size target=js limit="80 kB" id=bundle -->

## Manual
- [ ] Rollback plan reviewed <!-- shipgate: id=rollback-plan -->
`;
const POLICY_CONFIG = `template: .github/release-checklist.md
build:
  command: node build.js
  dir: dist
`;
/** The caller workflow on the default branch: shipgate's reusable two-job workflow. */
const CALLER = `on: pull_request
permissions: { contents: read, checks: write, id-token: write, pull-requests: read }
jobs:
  shipgate:
    uses: ${SHIPGATE_REUSABLE_WORKFLOW}@v1
    secrets: inherit
`;
const ATTEST_CLAIMS = {
  job_workflow_ref: `${SHIPGATE_REUSABLE_WORKFLOW}@refs/tags/v1`,
  job_workflow_sha: 'b'.repeat(40),
};

let h: Harness;
const dirs: string[] = [];

beforeAll(async () => {
  buildDist();
  h = await startHarness();
  h.sim.commit(REPO, {
    branch: 'main',
    files: {
      '.github/shipgate.yml': POLICY_CONFIG,
      '.github/release-checklist.md': POLICY_TEMPLATE,
      [WORKFLOW]: CALLER,
    },
  });
});
afterAll(async () => {
  await h?.close();
  removeDirs(dirs);
});

/** A `pull_request` run of the checks workflow for PR `number` (it checks out refs/pull/<n>/merge). */
const prRun = (number: number, sha: string) =>
  h.sim.addWorkflowRun(REPO, {
    path: WORKFLOW,
    head_sha: sha,
    event: 'pull_request',
    ref: `refs/pull/${number}/merge`,
  });
const summaryOf = (sha: string) => gateRun(h.sim, sha)?.output.summary ?? '';
const actions = () =>
  new Octokit({ baseUrl: h.sim.apiUrl, auth: h.sim.actionsToken(REPO), retry: { enabled: false } });

/** Posts `text` verbatim as a `shipgate/checks` run (what anyone holding the job token can do). */
async function postEvidence(sha: string, text: string): Promise<void> {
  await actions().rest.checks.create({
    owner: 'acme',
    repo: 'web',
    name: EVIDENCE_CHECK_NAME,
    head_sha: sha,
    status: 'completed',
    conclusion: 'success',
    output: { title: 'shipgate checks', summary: 'results', text },
  });
  await h.settle();
}

const BUNDLE_PASS = {
  item: 'bundle',
  check: 'bundle-size',
  status: 'pass' as const,
  summary: '12 kB gzip ≤ 80 MB',
};

describe('the PR measures itself with its own policy', () => {
  test('a loosened limit (80 kB → 80 MB in the PR copy) keeps the item id but its result is refused', async () => {
    const { number, sha } = await openRelease(h, {
      head: 'release/30.0.0',
      files: {
        '.github/release-checklist.md': POLICY_TEMPLATE.replace('limit="80 kB"', 'limit="80 MB"'),
      },
    });
    // the Action measured with the PR's copy: the same item id, a looser limit
    await publishEvidence(h, sha, [{ ...BUNDLE_PASS, params: { target: 'js', limit: '80 MB' } }]);
    expect(isTicked(checklist(h.sim, number).body, 'bundle')).toBe(false);
    expect(summaryOf(sha)).toContain(
      'result for bundle refused: measured with other parameters (limit: policy "80 kB", measured with "80 MB")',
    );
  });

  test('an item bound to another check (a swapped check) is refused', async () => {
    const { number, sha } = await openRelease(h, { head: 'release/30.1.0' });
    await publishEvidence(h, sha, [
      { item: 'bundle', check: 'env-files', status: 'pass', summary: 'no env files committed', params: {} },
    ]);
    expect(isTicked(checklist(h.sim, number).body, 'bundle')).toBe(false);
    expect(summaryOf(sha)).toContain(
      'result for bundle refused: measured with check env-files, but the policy binds it to bundle-size',
    );
  });

  test('a config override loosened in the PR (checks.bundle-size.limit) is refused too', async () => {
    const { number, sha } = await openRelease(h, { head: 'release/30.2.0' });
    await publishEvidence(h, sha, [
      { ...BUNDLE_PASS, params: { target: 'js', limit: '80 kB', gzip: false } },
    ]);
    expect(isTicked(checklist(h.sim, number).body, 'bundle')).toBe(false);
    expect(summaryOf(sha)).toContain('gzip: policy (unset), measured with false');
  });
});

describe('an edited reusable workflow vouches for nothing', () => {
  test('a local reusable workflow modified by the PR is refused although the caller is unmodified', async () => {
    const called = '.github/workflows/attest.yml';
    h.sim.commit(REPO, {
      branch: 'main',
      files: {
        [called]: 'on: workflow_call\njobs:\n  attest:\n    steps:\n      - uses: acme/shipgate@v1\n',
      },
    });
    const { number, sha } = await openRelease(h, {
      head: 'release/31.0.0',
      files: { [called]: 'on: workflow_call\njobs:\n  attest:\n    steps:\n      - run: echo forged\n' },
    });
    await publishEvidence(
      h,
      sha,
      [{ item: 'secrets', check: 'secrets', status: 'pass', summary: '0 secrets' }],
      WORKFLOW,
      {
        provenance: {
          kind: 'claims',
          claims: { job_workflow_ref: `${REPO}/${called}@refs/pull/${number}/merge`, job_workflow_sha: sha },
        },
      },
    );
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
    expect(summaryOf(sha)).toContain(
      `the reusable workflow that ran the job (${called}) is modified by this pull request`,
    );
  });

  test('with checksWorkflow.uses set, a job of any other workflow cannot vouch', async () => {
    h.sim.commit(REPO, {
      branch: 'main',
      files: {
        '.github/shipgate.yml': `${POLICY_CONFIG}checksWorkflow:\n  uses: ${SHIPGATE_REUSABLE_WORKFLOW}@v1\n`,
      },
    });
    try {
      const { number, sha } = await openRelease(h, { head: 'release/31.1.0' });
      await publishEvidence(h, sha, [
        { item: 'secrets', check: 'secrets', status: 'pass', summary: '0 secrets' },
      ]);
      expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
      expect(summaryOf(sha)).toContain(`not the configured checks workflow ${SHIPGATE_REUSABLE_WORKFLOW}@v1`);
      // the configured one, at the configured ref, vouches
      await publishEvidence(
        h,
        sha,
        [{ item: 'secrets', check: 'secrets', status: 'pass', summary: '0 secrets', how: 'verified' }],
        WORKFLOW,
        { provenance: { kind: 'claims', claims: ATTEST_CLAIMS }, job: 'attest' },
      );
      expect(line(checklist(h.sim, number).body, 'secrets')).toContain('· verified');
    } finally {
      h.sim.commit(REPO, { branch: 'main', files: { '.github/shipgate.yml': POLICY_CONFIG } });
    }
  });

  test('a workflow that does not run shipgate cannot vouch, although it is unmodified', async () => {
    const tests = '.github/workflows/tests.yml';
    h.sim.commit(REPO, {
      branch: 'main',
      files: { [tests]: 'on: pull_request\njobs:\n  test:\n    steps:\n      - run: npm test\n' },
    });
    const { number, sha } = await openRelease(h, { head: 'release/31.2.0' });
    await publishEvidence(
      h,
      sha,
      [{ item: 'secrets', check: 'secrets', status: 'pass', summary: '0 secrets' }],
      tests,
    );
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
    expect(summaryOf(sha)).toContain(`${tests} on the default branch does not run shipgate`);
  });
});

describe('replays do not pick the favourable run', () => {
  test('an older genuine pass re-posted after a newer genuine failure changes nothing', async () => {
    const { number, sha } = await openRelease(h, { head: 'release/32.0.0' });
    const older = prRun(number, sha);
    const newer = prRun(number, sha);
    const passText = formatEvidenceText(
      toEvidence(sha, 'pre-merge', [
        {
          item: 'secrets',
          text: '',
          check: 'secrets',
          params: {},
          status: 'pass',
          summary: '0 secrets',
          findings: [],
        },
      ]),
    );
    const passToken = h.sim.oidc.tokenFor(older.id, evidenceAudience(passText));
    await postEvidence(sha, attachProvenance(passText, passToken));
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(true);
    await publishEvidence(
      h,
      sha,
      [{ item: 'secrets', check: 'secrets', status: 'fail', summary: '1 secret' }],
      WORKFLOW,
      {
        workflowRun: newer,
      },
    );
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
    // the older run's genuine output, posted again later
    await postEvidence(sha, attachProvenance(passText, passToken));
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
    expect(summaryOf(sha)).toContain(`results of an older run (run ${older.id} attempt 1`);
    expect(summaryOf(sha)).toContain(`Verdicts from workflow run ${newer.id} (attempt 1)`);
  });

  test('a re-run attempt of the same run supersedes the first attempt', async () => {
    const { number, sha } = await openRelease(h, { head: 'release/32.1.0' });
    const run = prRun(number, sha);
    await publishEvidence(
      h,
      sha,
      [{ item: 'secrets', check: 'secrets', status: 'fail', summary: '1 secret' }],
      WORKFLOW,
      { workflowRun: run },
    );
    run.run_attempt = 2;
    await publishEvidence(
      h,
      sha,
      [{ item: 'secrets', check: 'secrets', status: 'pass', summary: '0 secrets' }],
      WORKFLOW,
      { workflowRun: run },
    );
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(true);
    expect(summaryOf(sha)).toContain(`run ${run.id} (attempt 2)`);
  });
});

describe('a token of another repository', () => {
  test('is refused before anything is read at its commit', async () => {
    const { number, sha } = await openRelease(h, { head: 'release/33.0.0' });
    const foreignSha = 'c'.repeat(40);
    const before = h.sim.requests.length;
    await publishEvidence(
      h,
      sha,
      [{ item: 'secrets', check: 'secrets', status: 'pass', summary: '0 secrets' }],
      WORKFLOW,
      {
        provenance: {
          kind: 'claims',
          claims: {
            repository: 'evil/other',
            sha: foreignSha,
            workflow_ref: `evil/other/${WORKFLOW}@refs/heads/main`,
            job_workflow_ref: `evil/other/${WORKFLOW}@refs/heads/main`,
          },
        },
      },
    );
    expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
    expect(summaryOf(sha)).toContain('results were produced in evil/other, not acme/web');
    const reads = h.sim.requests
      .slice(before)
      .filter((r) => r.route === '/repos/{owner}/{repo}/contents/{path}');
    expect(reads.filter((r) => r.query.ref === foreignSha || r.path.includes(foreignSha))).toEqual([]);
  });

  test('tokens with bad signatures do not make the bot fetch the issuer keys each time', async () => {
    const { sha } = await openRelease(h, { head: 'release/33.1.0' });
    const jwks = () => h.sim.oidc.jwksServed;
    const before = jwks();
    const text = formatEvidenceText(toEvidence(sha, 'pre-merge', []));
    const genuine = h.sim.oidc.tokenFor(
      h.sim.addWorkflowRun(REPO, { path: WORKFLOW, head_sha: sha, event: 'pull_request' }).id,
      evidenceAudience(text),
    );
    const [head, body] = genuine.split('.');
    for (let i = 0; i < 5; i++)
      await postEvidence(sha, attachProvenance(text, `${head}.${body}.${'A'.repeat(342)}${i}`));
    expect(summaryOf(sha)).toContain('is not signed by');
    expect(jwks() - before).toBeLessThanOrEqual(1);
  });
});

/** A release repository whose build is a probe: it records what credentials it can find and tries to mint. */
function probeRepo(prefix: string, options: { leak?: boolean } = {}): string {
  const dir = tempDir(prefix);
  dirs.push(dir);
  gitInit(dir);
  const leak = options.leak ? new FakeSecrets(11).githubToken() : undefined;
  writeFiles(dir, {
    '.github/shipgate.yml': POLICY_CONFIG,
    '.github/release-checklist.md': POLICY_TEMPLATE,
    '.gitignore': '.env*\nnode_modules\ndist\nprobe.json\nshipgate-measure.json\n',
    'package.json': '{"name":"web","version":"34.0.0","type":"module"}\n',
    'src/app.js': leak ? `export const token = '${leak}';\n` : 'export const answer = 42;\n',
    'build.js': PROBE_BUILD,
  });
  commitAll(dir, 'release');
  return dir;
}

/**
 * The forging build: looks for the job's credentials in its own environment and in every
 * ancestor's /proc/<pid>/environ, and if it finds the OIDC request token, mints a token for a
 * forged all-pass report (what the probe did on the old code).
 */
const PROBE_BUILD = `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
const WANTED = /^(ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_RUNTIME_TOKEN|GITHUB_TOKEN|INPUT_GITHUB-TOKEN)=/;
const found = { own: Object.keys(process.env).filter((name) => WANTED.test(name + '=')), ancestors: [] };
const secrets = {};
for (const [name, value] of Object.entries(process.env)) if (WANTED.test(name + '=')) secrets[name] = value;
let pid = process.ppid;
for (let depth = 0; depth < 12 && pid > 1; depth++) {
  try {
    for (const entry of readFileSync('/proc/' + pid + '/environ', 'utf8').split('\\0')) {
      if (!WANTED.test(entry)) continue;
      const name = entry.slice(0, entry.indexOf('='));
      found.ancestors.push(name);
      secrets[name] ??= entry.slice(name.length + 1);
    }
    pid = Number(readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ')[1]);
  } catch { break; }
}
let minted = false;
if (secrets.ACTIONS_ID_TOKEN_REQUEST_URL && secrets.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
  const response = await fetch(secrets.ACTIONS_ID_TOKEN_REQUEST_URL + '&audience=shipgate-evidence:forged', {
    headers: { authorization: 'Bearer ' + secrets.ACTIONS_ID_TOKEN_REQUEST_TOKEN },
  });
  minted = response.ok;
}
writeFileSync('probe.json', JSON.stringify({ ...found, minted }));
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.html', '<!doctype html><script type="module" src="/app.js"></script>\\n');
writeFileSync('dist/app.js', 'export const answer = 42;\\n');
`;

function prPayload(number: number, sha: string, version: string) {
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: { number, title: `Release ${version}`, head: { sha, ref: `release/${version}` } },
      repository: { name: 'web', owner: { login: 'acme' }, default_branch: 'main' },
    },
  };
}

function actionEnv(dir: string, runId: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_API_URL: h.sim.apiUrl,
    GITHUB_SERVER_URL: h.sim.url,
    GITHUB_REPOSITORY: REPO,
    GITHUB_RUN_ID: String(runId),
    GITHUB_WORKSPACE: dir,
    ...extra,
  };
}

/** A fresh clone: the attesting job checks the PR out again, with no build output and nothing installed. */
function cloneOf(dir: string, prefix: string): string {
  const copy = tempDir(prefix);
  dirs.push(copy);
  execFileSync('git', ['clone', '-q', dir, copy], { stdio: 'pipe' });
  return copy;
}

describe('the two-job workflow', () => {
  test('the honest loop ticks every automated item: repository checks verified, the build reported', async () => {
    const version = '34.0.0';
    const { number, sha } = await openRelease(h, { head: `release/${version}` });
    const run = prRun(number, sha);
    const measureDir = probeRepo('shipgate-measure-');
    const requestsBefore = h.sim.requests.length;
    const started = performance.now();
    // measure: no id-token permission, so no OIDC request variables at all; a read-only token
    const measure = await runAction({
      inputs: { job: 'measure', 'github-token': h.sim.actionsToken(REPO), report: 'measure.json' },
      env: actionEnv(measureDir, run.id),
      event: prPayload(number, sha, version),
      cwd: measureDir,
    });
    expect(measure.stdout).not.toContain('::error::');
    expect(measure.code).toBe(0);
    const probe = JSON.parse(readFileSync(join(measureDir, 'probe.json'), 'utf8'));
    expect(probe).toEqual({ own: [], ancestors: expect.any(Array), minted: false });
    expect(probe.ancestors.filter((name: string) => name.startsWith('ACTIONS_ID_TOKEN'))).toEqual([]);
    const report = readFileSync(join(measureDir, 'measure.json'), 'utf8');
    expect(JSON.parse(report).results.map((r: { item: string }) => r.item)).toEqual(['bundle']);

    // attest: a fresh checkout, nothing installed or built; the report arrives as an artifact
    const attestDir = cloneOf(measureDir, 'shipgate-attest-');
    writeFileSync(join(attestDir, 'measure.json'), report);
    const oidc = h.sim.oidc.requestFor(run.id, ATTEST_CLAIMS);
    const minted = h.sim.oidc.minted.length;
    const attest = await runAction({
      inputs: { job: 'attest', 'github-token': h.sim.actionsToken(REPO), report: 'measure.json' },
      env: actionEnv(attestDir, run.id, {
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.token,
      }),
      event: prPayload(number, sha, version),
      cwd: attestDir,
    });
    await h.settle();
    const elapsedMs = performance.now() - started;
    expect(attest.code).toBe(0);
    expect(h.sim.oidc.minted.length - minted).toBe(1); // the attesting job's own token only
    const body = checklist(h.sim, number).body;
    for (const id of ['secrets', 'env-files', 'bundle']) expect(isTicked(body, id)).toBe(true);
    expect(line(body, 'secrets')).toContain('· verified');
    expect(line(body, 'env-files')).toContain('· verified');
    expect(line(body, 'bundle')).toContain('· reported');
    expect(summaryOf(sha)).toContain('verified — computed by the attesting job');
    expect(summaryOf(sha)).toContain("reported — measured in a job that ran the PR's code");
    // nothing of the PR ran in the attesting job
    expect(readFileSync(join(attestDir, '.gitignore'), 'utf8')).toContain('probe.json');
    expect(() => readFileSync(join(attestDir, 'probe.json'))).toThrow();
    expect(h.sim.validationErrors).toEqual([]);
    const requests = h.sim.requests.length - requestsBefore;
    process.stdout.write(`honest two-job loop: ${requests} GitHub requests, ${Math.round(elapsedMs)} ms\n`);
  });

  test('the forging build finds no credential in the measure job, and its forged report cannot pass a repository check', async () => {
    const version = '34.1.0';
    const { number, sha } = await openRelease(h, { head: `release/${version}` });
    const run = prRun(number, sha);
    const measureDir = probeRepo('shipgate-forge-', { leak: true });
    const minted = h.sim.oidc.minted.length;
    await runAction({
      inputs: { job: 'measure', 'github-token': h.sim.actionsToken(REPO), report: 'measure.json' },
      env: actionEnv(measureDir, run.id),
      event: prPayload(number, sha, version),
      cwd: measureDir,
    });
    expect(JSON.parse(readFileSync(join(measureDir, 'probe.json'), 'utf8')).minted).toBe(false);
    expect(h.sim.oidc.minted.length).toBe(minted);
    // the PR's code owns the measure job: it rewrites the report to say everything passed
    const forged = JSON.parse(readFileSync(join(measureDir, 'measure.json'), 'utf8'));
    forged.results.push({
      item: 'secrets',
      check: 'secrets',
      params: {},
      directive: forged.results[0].directive,
      status: 'pass',
      summary: '0 secrets',
      findings: [],
    });
    const attestDir = cloneOf(measureDir, 'shipgate-forge-attest-');
    writeFileSync(join(attestDir, 'measure.json'), JSON.stringify(forged));
    const oidc = h.sim.oidc.requestFor(run.id, ATTEST_CLAIMS);
    await runAction({
      inputs: {
        job: 'attest',
        'github-token': h.sim.actionsToken(REPO),
        report: 'measure.json',
        'fail-on': 'never',
      },
      env: actionEnv(attestDir, run.id, {
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.token,
      }),
      event: prPayload(number, sha, version),
      cwd: attestDir,
    });
    await h.settle();
    const body = checklist(h.sim, number).body;
    expect(isTicked(body, 'secrets')).toBe(false); // the attesting job scanned the files itself
    expect(line(body, 'secrets')).toContain('· verified');
    expect(summaryOf(sha)).toMatch(/❌ No hardcoded credentials in code — verified/);
  });

  test('the measure job refuses to run with credentials the PR code would get', async () => {
    const dir = probeRepo('shipgate-measure-creds-');
    const run = h.sim.addWorkflowRun(REPO, {
      path: WORKFLOW,
      head_sha: 'd'.repeat(40),
      event: 'pull_request',
    });
    const oidc = h.sim.oidc.requestFor(run.id);
    execFileSync('git', ['config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic eA=='], {
      cwd: dir,
    });
    const measure = await runAction({
      inputs: { job: 'measure', report: 'measure.json' },
      env: actionEnv(dir, run.id, {
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.token,
      }),
      event: prPayload(7, 'd'.repeat(40), '34.2.0'),
      cwd: dir,
    });
    expect(measure.code).not.toBe(0);
    expect(measure.stdout).toContain('can request OIDC tokens (`permissions: id-token: write`)');
    expect(measure.stdout).toContain('persist-credentials: false');
    expect(() => readFileSync(join(dir, 'probe.json'))).toThrow(); // the build never ran
  });
});

/** The probe app: the same search as the build's, then serves /health so the Action measures it. */
const PROBE_APP = `${PROBE_BUILD.replace("writeFileSync('probe.json'", "writeFileSync('app-probe.json'").split("mkdirSync('dist'")[0]}
import { createServer } from 'node:http';
createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}')).listen(Number(process.env.PORT), '127.0.0.1');
`;

describe('the single-job mode (the weaker guarantee)', () => {
  test('still ticks the automated items, every result reported; the build sees no credential in its environment', async () => {
    const version = '35.0.0';
    const { number, sha } = await openRelease(h, { head: `release/${version}` });
    const run = prRun(number, sha);
    const dir = probeRepo('shipgate-single-');
    const oidc = h.sim.oidc.requestFor(run.id);
    const minted = h.sim.oidc.minted.length;
    const single = await runAction({
      inputs: { 'github-token': h.sim.actionsToken(REPO) },
      env: actionEnv(dir, run.id, {
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.token,
      }),
      event: prPayload(number, sha, version),
      cwd: dir,
    });
    await h.settle();
    expect(single.code).toBe(0);
    const probe = JSON.parse(readFileSync(join(dir, 'probe.json'), 'utf8'));
    expect(probe.own).toEqual([]);
    if (canIsolate()) {
      // namespaces allowed here: the build runs in its own PID namespace without capabilities (isolate.ts)
      expect(probe.ancestors).toEqual([]);
      expect(probe.minted).toBe(false);
      expect(h.sim.oidc.minted.length - minted).toBe(1);
    }
    const body = checklist(h.sim, number).body;
    for (const id of ['secrets', 'env-files', 'bundle']) {
      expect(isTicked(body, id)).toBe(true);
      expect(line(body, id)).toContain('· reported');
    }
  });

  test('the app the Action starts (target.start) sees no credential either and mints nothing', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createNetServer().listen(0, '127.0.0.1', () => {
        const address = server.address() as AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
    const config = `${POLICY_CONFIG}target:\n  start: node probe-app.mjs\n  url: http://127.0.0.1:${port}/\n  env: [PORT]\n`;
    const template = `${POLICY_TEMPLATE}\n## App\n- [ ] Health check responds <!-- shipgate: check=health id=health -->\n`;
    h.sim.commit(REPO, {
      branch: 'main',
      files: { '.github/shipgate.yml': config, '.github/release-checklist.md': template },
    });
    try {
      const version = '35.2.0';
      const { number, sha } = await openRelease(h, { head: `release/${version}` });
      const run = prRun(number, sha);
      const dir = probeRepo('shipgate-single-app-');
      writeFileSync(join(dir, 'probe-app.mjs'), PROBE_APP);
      const oidc = h.sim.oidc.requestFor(run.id);
      const minted = h.sim.oidc.minted.length;
      const single = await runAction({
        inputs: { 'github-token': h.sim.actionsToken(REPO), only: 'health' },
        env: actionEnv(dir, run.id, {
          ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.token,
          PORT: String(port),
        }),
        event: prPayload(number, sha, version),
        cwd: dir,
      });
      await h.settle();
      expect(single.code).toBe(0);
      const probe = JSON.parse(readFileSync(join(dir, 'app-probe.json'), 'utf8'));
      expect(probe.own).toEqual([]);
      if (canIsolate()) {
        expect(probe.ancestors).toEqual([]);
        expect(probe.minted).toBe(false);
        expect(h.sim.oidc.minted.length - minted).toBe(1); // the Action's own, for its evidence
      }
      expect(isTicked(checklist(h.sim, number).body, 'health')).toBe(true);
    } finally {
      h.sim.commit(REPO, {
        branch: 'main',
        files: { '.github/shipgate.yml': POLICY_CONFIG, '.github/release-checklist.md': POLICY_TEMPLATE },
      });
    }
  });

  test("a config that requires verified evidence refuses the single job's repository results", async () => {
    h.sim.commit(REPO, {
      branch: 'main',
      files: { '.github/shipgate.yml': `${POLICY_CONFIG}evidence:\n  requireVerified: [secrets]\n` },
    });
    try {
      const { number, sha } = await openRelease(h, { head: 'release/35.1.0' });
      await publishEvidence(h, sha, [
        { item: 'secrets', check: 'secrets', status: 'pass', summary: '0 secrets', how: 'verified' },
      ]);
      expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(false);
      expect(summaryOf(sha)).toContain(
        "result for secrets refused: the config requires verified evidence for it, and this result was measured in a job that ran the PR's code (reported)",
      );
      // a job of another workflow claiming `verified` is not the attesting workflow
      await publishEvidence(
        h,
        sha,
        [{ item: 'secrets', check: 'secrets', status: 'pass', summary: '0 secrets', how: 'verified' }],
        WORKFLOW,
        { job: 'attest' },
      );
      expect(summaryOf(sha)).toContain('this result was not published by the attesting workflow (reported)');
      await publishEvidence(
        h,
        sha,
        [{ item: 'secrets', check: 'secrets', status: 'pass', summary: '0 secrets', how: 'verified' }],
        WORKFLOW,
        {
          job: 'attest',
          provenance: { kind: 'claims', claims: ATTEST_CLAIMS },
        },
      );
      expect(isTicked(checklist(h.sim, number).body, 'secrets')).toBe(true);
    } finally {
      h.sim.commit(REPO, { branch: 'main', files: { '.github/shipgate.yml': POLICY_CONFIG } });
    }
  });
});
