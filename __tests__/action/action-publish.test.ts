/** The built Action against the GitHub simulator: summary, outputs, annotations, the check run. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { evidenceText } from '../../src/action/publish.js';
import { resultsMarkdown } from '../../src/action/report-markdown.js';
import { EVIDENCE_CHECK_NAME, parseEvidenceText } from '../../src/core/evidence/evidence.js';
import type { ResultsReport } from '../../src/core/template/model.js';
import { removeDirs, tempDir } from '../helpers/repo-temp.js';
import { type Simulator, startSimulator } from '../simulator/index.js';
import { type ActionRun, buildDist, runAction } from './action-harness.js';
import { buildFixtureRepo, type FixtureRepo, seedFixturePolicy } from './fixture-repo.js';

const REPO = 'acme/web';
const dirs: string[] = [];
let sim: Simulator;

beforeAll(async () => {
  buildDist();
  sim = await startSimulator({});
  sim.addRepo(REPO);
  seedFixturePolicy(sim, REPO);
});
afterAll(async () => {
  await sim.close();
  removeDirs(dirs);
});

function prEvent(repo: FixtureRepo, title = 'Release 1.2.0') {
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, title, head: { sha: repo.headSha, ref: 'release/1.2.0' } },
      repository: { name: 'web', owner: { login: 'acme' } },
    },
  };
}

function ghEnv(repo: FixtureRepo): Record<string, string> {
  return {
    GITHUB_API_URL: sim.apiUrl,
    GITHUB_REPOSITORY: REPO,
    GITHUB_SHA: 'f'.repeat(40), // the merge commit: the check run must go on the PR head instead
    GITHUB_HEAD_REF: 'release/1.2.0',
    GITHUB_WORKSPACE: repo.dir,
    // A secret-looking variable a check could read: its value must be masked.
    PIN_PEPPER: 'pepper-value-for-masking-0123456789',
  };
}

const checkRunPosts = () =>
  sim.requests.filter((r) => r.method === 'POST' && r.route === '/repos/{owner}/{repo}/check-runs');

function report(run: ActionRun): ResultsReport {
  return JSON.parse(run.outputs.results ?? '') as ResultsReport;
}

describe('a release PR with a failing budget and a leaked credential', () => {
  let repo: FixtureRepo;
  let token: string;
  let run: ActionRun;

  beforeAll(async () => {
    repo = buildFixtureRepo(tempDir('shipgate-action-fail-'), { bigBundle: true, leak: true });
    dirs.push(repo.dir);
    sim.commit(REPO, { branch: 'release/1.2.0', files: { 'package.json': '{}' }, sha: repo.headSha });
    token = sim.actionsToken(REPO);
    const before = checkRunPosts().length;
    run = await runAction({
      inputs: { template: 'shipgate.md', base: 'main', 'github-token': token },
      env: ghEnv(repo),
      event: prEvent(repo),
      cwd: repo.dir,
    });
    expect(checkRunPosts()).toHaveLength(before + 1);
  });

  it('fails the step (fail-on: failure) naming the failed items', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::2 automated check\(s\) failed: release\.total-js-1kb, release\.no-hardcoded-credentials-in-code/,
    );
  });

  it('sets passed, results (the CLI JSON report) and failed-items', () => {
    expect(run.outputs.passed).toBe('false');
    const parsed = report(run);
    expect(parsed.version).toBe(1);
    expect(parsed.passed).toBe(false);
    expect(parsed.results.map((r) => [r.item, r.status])).toEqual([
      ['release.changelog-md-updated', 'pass'],
      ['release.version-number-updated', 'pass'],
      ['release.total-js-1kb', 'fail'],
      ['release.no-hardcoded-credentials-in-code', 'fail'],
    ]);
    expect(run.outputs['failed-items']).toBe('release.total-js-1kb,release.no-hardcoded-credentials-in-code');
  });

  it('writes a job summary table with every item, its figures and budgets', () => {
    const lines = run.summary.split('\n');
    expect(lines).toContain('| Status | Item | Check | Result | Figures | Time |');
    const row = (text: string) => lines.find((line) => line.includes(`| ${text} |`)) ?? '';
    expect(row('CHANGELOG.md updated')).toMatch(
      /^\| ✅ pass \| CHANGELOG.md updated \| `changelog` \| CHANGELOG.md has an entry for 1.2.0/,
    );
    expect(row('Total JS &lt; 1KB')).toMatch(
      /^\| ❌ fail \| .* \| js \d+\.\d kB \/ 1\.0 kB \| \d+\.\d s \|$/,
    );
    expect(row('No hardcoded credentials in code')).toMatch(/^\| ❌ fail \|/);
    expect(run.summary).toContain('4 checks: 2 pass, 2 fail, 0 skipped, 0 error');
  });

  it('annotates the leaked credential at its file and line, redacted', () => {
    expect(run.stdout).toMatch(/::error title=shipgate secrets[^,]*,file=src\/config\.js,line=3::/);
    for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(sim.requests)]) {
      expect(text).not.toContain(repo.secret);
    }
  });

  it('masks the token and secret-looking env vars', () => {
    expect(run.stdout).toContain(`::add-mask::${token}`);
    expect(run.stdout).toContain('::add-mask::pepper-value-for-masking-0123456789');
  });

  it('publishes the shipgate/checks check run on the PR head with the exact evidence body', () => {
    const post = checkRunPosts().at(-1);
    const parsed = report(run);
    expect(post?.path).toBe(`/repos/${REPO}/check-runs`);
    expect(post?.status).toBe(201);
    expect(post?.body).toEqual({
      name: EVIDENCE_CHECK_NAME,
      head_sha: repo.headSha,
      status: 'completed',
      conclusion: 'failure',
      output: {
        title: '4 checks: 2 pass, 2 fail, 0 skipped, 0 error',
        summary: resultsMarkdown(parsed.results, 'pre-merge'),
        text: evidenceText(repo.headSha, 'pre-merge', parsed.results),
      },
    });
    const evidence = parseEvidenceText(
      (post?.body as { output?: { text: string } } | undefined)?.output?.text,
    );
    expect(evidence.ok && evidence.evidence.sha).toBe(repo.headSha);
    expect(evidence.ok && evidence.evidence.passed).toBe(false);
    const stored = sim.checkRunsFor(repo.headSha, REPO);
    expect(stored.map((r) => [r.name, r.app.slug, r.conclusion])).toEqual([
      [EVIDENCE_CHECK_NAME, 'github-actions', 'failure'],
    ]);
    expect(sim.validationErrors).toEqual([]);
  });
});

describe('a passing run with fail-on: never', () => {
  it('exits 0 and publishes a success check run', async () => {
    const repo = buildFixtureRepo(tempDir('shipgate-action-pass-'), { bigBundle: false, leak: false });
    dirs.push(repo.dir);
    const token = sim.actionsToken(REPO);
    const run = await runAction({
      inputs: {
        template: 'shipgate.md',
        only: 'changelog, bundle-size',
        'fail-on': 'never',
        'github-token': token,
      },
      env: ghEnv(repo),
      event: prEvent(repo),
      cwd: repo.dir,
    });
    expect(run.code).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(run.outputs['failed-items']).toBe('');
    const body = checkRunPosts().at(-1)?.body as {
      conclusion: string;
      head_sha: string;
      output: { title: string };
    };
    expect([body.conclusion, body.head_sha, body.output.title]).toEqual([
      'success',
      repo.headSha,
      '2 checks: 2 pass, 0 fail, 0 skipped, 0 error',
    ]);
    expect(sim.validationErrors).toEqual([]);
  });

  it('warns instead of failing when the check run cannot be created (read-only token)', async () => {
    const repo = buildFixtureRepo(tempDir('shipgate-action-ro-'), { bigBundle: false, leak: false });
    dirs.push(repo.dir);
    const token = sim.userToken('octocat');
    const run = await runAction({
      inputs: { template: 'shipgate.md', only: 'changelog', 'github-token': token },
      env: ghEnv(repo),
      event: prEvent(repo),
      cwd: repo.dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::warning::shipgate: could not publish the shipgate\/checks check run \(401/);
    expect(run.outputs.passed).toBe('true');
  });
});
