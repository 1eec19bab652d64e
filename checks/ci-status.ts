import type { Finding } from '../src/core/template/model.js';
import { type CheckOutcome, defineCheck } from './check.js';
import { ciStatusContract } from './contracts/ci-status.js';
import { type CheckRun, listCheckRuns } from './lib/github/check-runs.js';

/** shipgate's own check runs: they wait for this result, so they must not be waited for. */
const OWN_CHECK_RUNS = ['shipgate', 'shipgate/checks'];
const OK_CONCLUSIONS = new Set(['success', 'neutral', 'skipped']);

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function describeRun(run: CheckRun): string {
  return run.status === 'completed'
    ? `${run.name} (${run.conclusion ?? 'no conclusion'})`
    : `${run.name} (${run.status})`;
}

export const ciStatusCheck = defineCheck({
  ...ciStatusContract,
  async run(params, ctx): Promise<CheckOutcome> {
    const github = ctx.github;
    if (!github)
      return { status: 'skipped', summary: 'no GitHub context: CI status is checked in the Action' };
    const sha = github.headSha;
    if (!sha) return { status: 'skipped', summary: 'no head commit SHA: cannot look up its check runs' };
    const short = sha.slice(0, 7);
    const ignored = new Set([
      ...OWN_CHECK_RUNS,
      ...params.ignore
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ]);
    const listed = await listCheckRuns(github, sha);
    if (listed.kind === 'forbidden') {
      return {
        status: 'skipped',
        summary: `GitHub token may not read check runs (HTTP ${listed.status}): grant checks: read`,
      };
    }
    const runs = listed.runs.filter((run) => !ignored.has(run.name));
    if (runs.length === 0)
      return { status: 'skipped', summary: `no other check runs on ${short}: nothing to verify` };
    const running = runs.filter((run) => run.status !== 'completed');
    const failed = runs.filter(
      (run) => run.status === 'completed' && !OK_CONCLUSIONS.has(run.conclusion ?? ''),
    );
    const metrics = { checkRuns: runs.length, failed: failed.length, running: running.length };
    if (failed.length === 0 && running.length === 0) {
      return {
        status: 'pass',
        summary: `${plural(runs.length, 'check run')} succeeded on ${short}`,
        metrics,
      };
    }
    const findings: Finding[] = [...failed, ...running].map((run) => ({
      commit: short,
      message: `${describeRun(run)}${run.htmlUrl ? ` ${run.htmlUrl}` : ''}`,
    }));
    const parts = [
      failed.length > 0
        ? `${failed.length} of ${plural(runs.length, 'check run')} failed: ${failed.map(describeRun).join(', ')}`
        : '',
      running.length > 0
        ? `${plural(running.length, 'check run')} still running: ${running.map((r) => r.name).join(', ')}`
        : '',
    ].filter(Boolean);
    return { status: 'fail', summary: parts.join('; '), findings, metrics };
  },
});
