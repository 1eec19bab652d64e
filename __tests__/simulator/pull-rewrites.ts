/**
 * What release bots do to their PRs: force-push a rebuilt head branch (the new head does not
 * contain the old one) and rewrite the PR title/body. Each delivers the webhook GitHub sends.
 */
import { commit } from './git.js';
import type { Simulator } from './index.js';
import { now, type SimIssue } from './state.js';

/** Resets the head branch to the base commit, commits `files` on it → `pull_request.synchronize`. */
export async function forcePushPullRequest(
  sim: Simulator,
  n: number,
  input: { files: Record<string, string | null>; repo?: string; user?: string },
): Promise<SimIssue> {
  const pr = sim.pull(input.repo, n);
  const pull = pr.pull;
  if (!pull) throw new Error(`simulator: #${n} is not a pull request`);
  const repo = sim.repo(pr.repo);
  const before = pull.head.sha;
  repo.branches.set(pull.head.ref, pull.base.sha);
  const c = commit(repo, { branch: pull.head.ref, files: input.files, message: 'rebuilt release' });
  pull.head.sha = c.sha;
  pr.updated_at = now();
  await sim.deliver(
    'pull_request',
    sim.payloads.pullRequest('synchronize', pr, input.user ?? pr.user, { before, after: c.sha }),
  );
  return pr;
}

/** The author rewrites the title and/or body → `pull_request.edited` with `changes`. */
export async function editPullRequest(
  sim: Simulator,
  n: number,
  input: { title?: string; body?: string; repo?: string; user?: string },
): Promise<SimIssue> {
  const pr = sim.pull(input.repo, n);
  const changes: Record<string, { from: string }> = {};
  if (input.title !== undefined) {
    changes.title = { from: pr.title };
    pr.title = input.title;
  }
  if (input.body !== undefined) {
    changes.body = { from: pr.body ?? '' };
    pr.body = input.body;
  }
  pr.updated_at = now();
  await sim.deliver(
    'pull_request',
    sim.payloads.pullRequest('edited', pr, input.user ?? pr.user, { changes }),
  );
  return pr;
}
