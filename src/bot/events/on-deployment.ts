import type { z } from 'zod';
import { type DeploymentCandidate, decideDeployment } from '../../core/decide/deployment-decision.js';
import { escapeInline } from '../../core/escape.js';
import { buildCheckReport } from '../../core/gate/check-report.js';
import type { PullInfo } from '../../github/types.js';
import { holdDeployment, waitsForCutover } from '../pr/deployment-wait.js';
import { reply, reviewDeployment } from '../pr/publish.js';
import { isReleasePull } from '../pr/release-pr.js';
import { runPrStep } from '../pr/run-step.js';
import { getSetup, type PrSession } from '../pr/session.js';
import type { EventScope } from '../runtime/bot.js';
import {
  type DeploymentProtectionRulePayload,
  type DeploymentStatusPayload,
  runIdFromCallback,
} from './payloads.js';

const MAX_CANDIDATES = 5;

/**
 * A custom deployment protection rule: approve the deployment only when the deployed commit is a
 * release PR's head or merge commit and that PR's pre-merge gate is complete; otherwise reject,
 * explaining on the PR what is missing.
 */
export async function onDeploymentProtectionRule(
  scope: EventScope,
  payload: z.infer<typeof DeploymentProtectionRulePayload>,
): Promise<void> {
  if (payload.action !== 'requested') return;
  const runId = runIdFromCallback(payload.deployment_callback_url);
  if (runId === undefined) {
    scope.log.warn({ url: payload.deployment_callback_url }, 'deployment callback URL not understood');
    return;
  }
  const sha = payload.deployment?.sha ?? payload.sha ?? '';
  const environment = payload.environment;
  const setup = await getSetup(scope);
  const protectedEnvironments = setup.config.deploymentProtection.environments;
  const pulls = sha ? await releasePullsFor(scope, sha, (pull) => isReleasePull(setup.config, pull)) : [];
  const candidates: (DeploymentCandidate & { session: PrSession })[] = [];
  for (const found of pulls.slice(0, MAX_CANDIDATES)) {
    await runPrStep(scope, found.number, {
      open: { pull: found },
      after: ({ session, projection }) => {
        candidates.push({ number: found.number, gate: projection.gates.preMerge, session });
      },
    });
  }
  const decision = decideDeployment({
    environment,
    protectedEnvironments,
    sha,
    candidates,
    problems: setup.problems,
  });
  const held = decision.state === 'approved' ? candidates.find((c) => c.number === decision.pr) : undefined;
  if (held && waitsForCutover(held.session, environment)) {
    // a later step of the cutover: held until the release's windows pass, with status reports
    await holdDeployment(scope, held.session, { runId, environment });
    scope.log.info({ sha, environment, pr: held.number }, 'deployment held for the cutover windows');
    return;
  }
  await reviewDeployment(scope, runId, { environment, state: decision.state, comment: decision.comment });
  scope.log.info({ sha, environment, state: decision.state, pr: decision.pr }, 'deployment reviewed');
  const rejected =
    decision.state === 'rejected' ? candidates.find((c) => c.number === decision.pr) : undefined;
  if (!rejected) return;
  const report = buildCheckReport({
    gate: rejected.gate,
    checklist: rejected.session.setup.checklist,
    config: rejected.session.setup.config,
    problems: rejected.session.setup.problems,
  });
  await reply(
    scope,
    rejected.number,
    `🛑 shipgate rejected the deployment of \`${sha.slice(0, 7)}\` to **${escapeInline(environment, 100)}**: the release checklist is not complete.\n\n${report.summary}`,
  );
}

/** A deployment finished: refresh the merged release PR so its post-deploy tracking is current. */
export async function onDeploymentStatus(
  scope: EventScope,
  payload: z.infer<typeof DeploymentStatusPayload>,
): Promise<void> {
  if (payload.deployment_status.state !== 'success') return;
  const sha = payload.deployment.sha;
  const environment = payload.deployment_status.environment ?? payload.deployment.environment ?? '';
  const setup = await getSetup(scope);
  const gated = setup.config.deploymentProtection.environments.some(
    (name) => name.toLowerCase() === environment.toLowerCase(),
  );
  if (!gated) return;
  const pulls = await releasePullsFor(scope, sha, (pull) => isReleasePull(setup.config, pull));
  for (const found of pulls.filter((pull) => pull.mergeCommitSha === sha).slice(0, MAX_CANDIDATES)) {
    await runPrStep(scope, found.number, {
      open: { pull: found },
      after: ({ session }) =>
        scope.log.info({ pr: session.key, environment, sha }, 'deployed; tracking post-deploy items'),
    });
  }
}

/** Open or merged release PRs whose head is `sha` or that were merged as `sha`; merged ones first. */
async function releasePullsFor(
  scope: EventScope,
  sha: string,
  isRelease: (pull: PullInfo) => boolean,
): Promise<PullInfo[]> {
  const pulls = await scope.gh.pullsForCommit(sha);
  return pulls
    .filter((pull) => pull.open || pull.mergeCommitSha) // not closed without merging
    .filter((pull) => pull.headSha === sha || pull.mergeCommitSha === sha)
    .filter(isRelease)
    .sort((a, b) => Number(Boolean(b.mergeCommitSha)) - Number(Boolean(a.mergeCommitSha)));
}
