/** Helpers for the after-merge E2E tests: a checklist with post-deploy, rollback and incident sections. */
import type { CheckStatus, Phase } from '../../src/core/template/model.js';
import {
  checklist,
  type Harness,
  openRelease,
  PASSING,
  publishEvidence,
  REPO,
  startHarness,
  toggle,
} from './harness.js';

export const RELEASE_TEMPLATE = `# {{app|Web}} v{{version}} - Release Checklist

## Automated
- [ ] No hardcoded credentials in code <!-- shipgate: check=secrets id=secrets -->
- [ ] Env files never committed <!-- shipgate: check=env-files id=env-files -->

## Sign-off
- [ ] QA Lead: _______________ Date: ___________ <!-- shipgate: role=qa-lead id=qa-signoff -->
- [ ] Engineering Lead: _______________ Date: ___________ <!-- shipgate: role=engineering-lead id=eng-signoff -->

## ✅ Post-Deployment Verification <!-- shipgate: phase=post-deploy -->
- [ ] Home page loads <!-- shipgate: check=health id=home -->
- [ ] Login works <!-- shipgate: id=login -->

## 🔄 Rollback Plan <!-- shipgate: optional -->

### Rollback Triggers
- [ ] Error rate > 5% <!-- shipgate: id=trigger-errors -->
- [ ] Critical bug found <!-- shipgate: id=trigger-bug -->

### Rollback Steps
1. [ ] Switch traffic back to blue <!-- shipgate: id=step-traffic -->
2. [ ] Notify team <!-- shipgate: id=step-notify -->

## 🚨 Incident Response

### Severity Levels
- **P0**: Complete outage
- **P1**: Critical function broken
- **P2**: Degraded performance
- **P3**: Minor issue

### Response Times
- P0: 5 minutes
- P1: 15 minutes
- P2: 1 hour
- P3: 4 hours
`;

/** The release template with "Error rate > 5%" bound to Prometheus (the telemetry and cutover E2E tests). */
export const TELEMETRY_TEMPLATE = RELEASE_TEMPLATE.replace(
  '- [ ] Error rate > 5% <!-- shipgate: id=trigger-errors -->',
  '- [ ] Error rate > 5% <!-- shipgate: check=prometheus metric=error-rate max=5 phase=post-deploy id=trigger-errors -->',
);

export const DEPLOY_WORKFLOW = '.github/workflows/deploy.yml';
/** The post-deploy checks workflow: the shipgate Action on deployment_status. */
export const DEPLOY_WORKFLOW_TEXT = `on: deployment_status
jobs:
  post-deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/shipgate@v1
        with: { phase: post-deploy }
`;

/** The standard harness with the release template (and a deploy workflow) on the base branch. */
export async function startReleaseHarness(): Promise<Harness> {
  const h = await startHarness();
  h.sim.commit(REPO, {
    branch: 'main',
    files: {
      '.github/release-checklist.md': RELEASE_TEMPLATE,
      [DEPLOY_WORKFLOW]: DEPLOY_WORKFLOW_TEXT,
    },
  });
  return h;
}

/**
 * Opens release PR `version` (branch `release/<version>`, title `Release <version>`; default 6.0.3)
 * and completes its pre-merge gate (results + both sign-offs). Tests sharing one harness pass
 * distinct versions, so none sees another's PR.
 */
export async function openCompleteRelease(
  h: Harness,
  complete = true,
  version = '6.0.3',
): Promise<{ pr: number; head: string }> {
  const { number: pr, sha: head } = await openRelease(h, {
    head: `release/${version}`,
    title: `Release ${version}`,
  });
  if (!complete) return { pr, head };
  await publishEvidence(h, head, PASSING);
  await edit(h, pr, 'quinn', 'qa-signoff', true);
  await edit(h, pr, 'erin', 'eng-signoff', true);
  return { pr, head };
}

/** Release PR `version` with a complete pre-merge gate, merged by erin: its number, head and merge commit. */
export async function openMergedRelease(
  h: Harness,
  version: string,
): Promise<{ pr: number; head: string; merge: string }> {
  const { pr, head } = await openCompleteRelease(h, true, version);
  const closed = await h.sim.closePullRequest(pr, { merged: true, login: 'erin' });
  await h.settle();
  return { pr, head, merge: closed.pull?.merge_commit_sha ?? '' };
}

export async function edit(
  h: Harness,
  pr: number,
  login: string,
  id: string,
  checked: boolean,
): Promise<void> {
  const comment = checklist(h.sim, pr);
  await h.sim.userEditsComment(comment.id, login, toggle(comment.body, id, checked));
  await h.settle();
}

/** Acts as the Action in a `deployment_status` workflow: post-deploy evidence on the deployed commit. */
export function publishPostDeployEvidence(
  h: Harness,
  sha: string,
  results: { item: string; check: string; status: CheckStatus; summary: string }[],
  opts: { workflowPath?: string; phase?: Phase } = {},
): Promise<void> {
  return publishEvidence(h, sha, results, opts.workflowPath ?? DEPLOY_WORKFLOW, {
    phase: opts.phase ?? 'post-deploy',
    event: 'deployment_status',
    title: 'shipgate post-deploy checks',
  });
}

/** The latest check run with `name` on a commit. */
export function runNamed(h: Harness, sha: string, name: string) {
  return h.sim
    .checkRunsFor(sha)
    .filter((r) => r.name === name)
    .sort((a, b) => b.id - a.id)[0];
}
