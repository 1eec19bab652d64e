/** Deployment protection: the custom rule approves only commits of release PRs with a complete gate. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { type Harness, REPO } from './harness.js';
import { openMergedRelease, runNamed, startReleaseHarness } from './release-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startReleaseHarness();
});
afterAll(async () => {
  await h?.close();
});

const lastReview = () => h.sim.state.deploymentReviews.at(-1);

test('a merged release with a complete gate is approved through the callback', async () => {
  const schemaErrors = h.sim.webhookValidationErrors.length;
  const { pr, merge } = await openMergedRelease(h, '6.0.3');
  const before = h.sim.state.deploymentReviews.length;
  const run = await h.sim.deploymentProtectionRule({ environment: 'production', sha: merge });
  await h.settle();
  expect(h.sim.state.deploymentReviews).toHaveLength(before + 1);
  expect(lastReview()).toMatchObject({
    repo: REPO,
    run_id: run.id,
    environment_name: 'production',
    state: 'approved',
    by: 'shipgate[bot]',
  });
  expect(lastReview()?.comment).toContain(
    `release PR #${pr} has a complete shipgate gate for ${merge.slice(0, 7)}`,
  );
  // after a successful deployment the post-deploy tracking is refreshed, nothing else is posted
  const comments = h.sim.commentsOn(pr).length;
  await h.sim.deploymentStatus({ environment: 'production', state: 'success', sha: merge });
  await h.settle();
  expect(h.sim.commentsOn(pr)).toHaveLength(comments);
  expect(runNamed(h, merge, 'shipgate/post-deploy')?.status).toBe('in_progress');
  expect(h.sim.validationErrors).toEqual([]);
  // this test's deliveries match GitHub's webhook schemas
  expect(h.sim.webhookValidationErrors.slice(schemaErrors)).toEqual([]);
});

test('an incomplete release is rejected, with the missing items explained on the PR', async () => {
  const schemaErrors = h.sim.webhookValidationErrors.length;
  const opened = await h.sim.openPullRequest({
    head: 'release/6.1.0',
    user: 'rita',
    title: 'Release 6.1.0',
    files: { 'src/app.ts': 'export const v = 2;\n' },
  });
  await h.settle();
  const head = opened.pull?.head.sha ?? '';
  const before = h.sim.state.deploymentReviews.length;
  await h.sim.deploymentProtectionRule({ environment: 'production', sha: head, event: 'pull_request' });
  await h.settle();
  expect(h.sim.state.deploymentReviews).toHaveLength(before + 1);
  expect(lastReview()?.state).toBe('rejected');
  expect(lastReview()?.comment).toContain(`release PR #${opened.number} is not ready for production`);
  const explanation = h.sim.commentsOn(opened.number).find((c) => c.body.startsWith('🛑 shipgate rejected'));
  expect(explanation?.body).toContain(`deployment of \`${head.slice(0, 7)}\` to **production**`);
  expect(explanation?.body).toContain('**QA Lead** sign-off');
  expect(explanation?.body).toContain('**Engineering Lead** sign-off');
  expect(explanation?.body).toContain('automated check(s) waiting for results');
  expect(h.sim.validationErrors).toEqual([]);
  // this test's deliveries match GitHub's webhook schemas
  expect(h.sim.webhookValidationErrors.slice(schemaErrors)).toEqual([]);
});

test('a commit that belongs to no release PR is rejected with a clear comment', async () => {
  const schemaErrors = h.sim.webhookValidationErrors.length;
  const sha = 'abc1234def5678abc1234def5678abc1234def56';
  const before = h.sim.state.deploymentReviews.length;
  await h.sim.deploymentProtectionRule({ environment: 'production', sha });
  await h.settle();
  expect(h.sim.state.deploymentReviews).toHaveLength(before + 1);
  expect(lastReview()).toMatchObject({
    state: 'rejected',
    comment: 'no release PR with a complete shipgate gate for abc1234',
  });
  expect(h.sim.validationErrors).toEqual([]);
  // this test's deliveries match GitHub's webhook schemas
  expect(h.sim.webhookValidationErrors.slice(schemaErrors)).toEqual([]);
});

test('environments shipgate does not protect are approved without a gate', async () => {
  const schemaErrors = h.sim.webhookValidationErrors.length;
  const before = h.sim.state.deploymentReviews.length;
  await h.sim.deploymentProtectionRule({
    environment: 'staging',
    sha: '0123456789abcdef0123456789abcdef01234567',
  });
  await h.settle();
  expect(h.sim.state.deploymentReviews).toHaveLength(before + 1);
  expect(lastReview()).toMatchObject({ state: 'approved', environment_name: 'staging' });
  expect(lastReview()?.comment).toContain('does not gate the staging environment');
  expect(h.sim.validationErrors).toEqual([]);
  // this test's deliveries match GitHub's webhook schemas
  expect(h.sim.webhookValidationErrors.slice(schemaErrors)).toEqual([]);
});

test('a payload with the commit only at the top level (no deployment.sha) is still answered', async () => {
  const { merge } = await openMergedRelease(h, '6.0.4');
  const reviews = h.sim.state.deploymentReviews.length;
  const run = await h.sim.deploymentProtectionRule({
    environment: 'production',
    sha: merge,
    topLevelSha: true,
  });
  await h.settle();
  expect(h.sim.state.deploymentReviews).toHaveLength(reviews + 1);
  expect(lastReview()).toMatchObject({ run_id: run.id, state: 'approved' });
});
