import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CheckContext } from '../../checks/check.js';
import { ciStatusCheck } from '../../checks/ci-status.js';
import { type ApiServer, startApiServer } from '../helpers/repo-api-server.js';
import { repoContext } from '../helpers/repo-temp.js';

const SHA = 'abcdef1234567890abcdef1234567890abcdef12';
let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());

const github = (headSha: string | undefined = SHA): NonNullable<CheckContext['github']> => ({
  token: 't0ken',
  owner: 'acme',
  repo: 'shop',
  apiUrl: api.url,
  headSha,
});

const run = (params: Record<string, unknown> = {}, extra: Partial<CheckContext> = { github: github() }) =>
  ciStatusCheck.run(ciStatusCheck.params.parse(params), repoContext(process.cwd(), extra));

const checkRun = (name: string, status: string, conclusion: string | null = null) => ({
  id: name.length,
  name,
  status,
  conclusion,
  html_url: `https://github.com/acme/shop/runs/${name}`,
});

/** Serves `pages` of check runs for SHA, linking each page to the next. */
function serve(pages: ReturnType<typeof checkRun>[][]) {
  api.route = (url) => {
    const base = `/repos/acme/shop/commits/${SHA}/check-runs`;
    if (!url.startsWith(base)) return { status: 404, body: { message: 'Not Found' } };
    const page = Number(new URL(url, api.url).searchParams.get('page') ?? '1');
    const runs = pages[page - 1] ?? [];
    const total = pages.flat().length;
    const headers: Record<string, string> =
      page < pages.length
        ? { link: `<${api.url}${base}?per_page=100&filter=latest&page=${page + 1}>; rel="next"` }
        : {};
    return { status: 200, body: { total_count: total, check_runs: runs }, headers };
  };
}

describe('ci-status check', () => {
  it('passes when every other check run succeeded, following pagination and ignoring shipgate', async () => {
    serve([
      [
        checkRun('unit', 'completed', 'success'),
        checkRun('lint', 'completed', 'neutral'),
        checkRun('shipgate', 'in_progress'),
      ],
      [
        checkRun('e2e', 'completed', 'skipped'),
        checkRun('shipgate/checks', 'queued'),
        checkRun('build', 'completed', 'success'),
      ],
    ]);
    expect(await run()).toEqual({
      status: 'pass',
      summary: '4 check runs succeeded on abcdef1',
      metrics: { checkRuns: 4, failed: 0, running: 0 },
    });
    const requests = api.requests.slice(-2);
    expect(requests.map((r) => r.url)).toEqual([
      `/repos/acme/shop/commits/${SHA}/check-runs?filter=latest&per_page=100`,
      `/repos/acme/shop/commits/${SHA}/check-runs?per_page=100&filter=latest&page=2`,
    ]);
    expect(requests[0]?.headers.authorization).toBe('token t0ken'); // Octokit's token scheme
  });

  it('fails on failed and still-running check runs, naming them', async () => {
    serve([
      [
        checkRun('unit', 'completed', 'failure'),
        checkRun('e2e', 'in_progress'),
        checkRun('build', 'queued'),
        checkRun('lint', 'completed', 'success'),
      ],
    ]);
    const outcome = await run();
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(
      '1 of 4 check runs failed: unit (failure); 2 check runs still running: e2e, build',
    );
    expect(outcome.findings?.map((f) => f.message)).toEqual([
      'unit (failure) https://github.com/acme/shop/runs/unit',
      'e2e (in_progress) https://github.com/acme/shop/runs/e2e',
      'build (queued) https://github.com/acme/shop/runs/build',
    ]);
    expect(outcome.findings?.[0]?.commit).toBe('abcdef1');
  });

  it('ignores extra names given by the ignore parameter', async () => {
    serve([[checkRun('release-gate', 'in_progress'), checkRun('unit', 'completed', 'success')]]);
    expect((await run({ ignore: 'release-gate' })).summary).toBe('1 check run succeeded on abcdef1');
  });

  it('is skipped without GitHub context, head SHA, other check runs or permission', async () => {
    expect(await run({}, {})).toEqual({
      status: 'skipped',
      summary: 'no GitHub context: CI status is checked in the Action',
    });
    expect((await run({}, { github: github('') })).status).toBe('skipped');
    serve([[checkRun('shipgate', 'in_progress')]]);
    expect((await run()).summary).toBe('no other check runs on abcdef1: nothing to verify');
    api.route = () => ({ status: 403, body: { message: 'Resource not accessible by integration' } });
    expect((await run()).summary).toBe('GitHub token may not read check runs (HTTP 403): grant checks: read');
  });
});
