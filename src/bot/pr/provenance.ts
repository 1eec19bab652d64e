/**
 * Reads what the pure judge needs to trust results (core/evidence/judge-evidence.ts): the verified
 * ID token (id-token.ts, jose), whether the workflow files that ran — the caller's (`workflow_ref`)
 * and the job's own when it is a reusable workflow of this repository (`job_workflow_ref`) — equal
 * the default branch's (compared by content at both commits, not by a PR file list GitHub caps at
 * 3,000 files), whether they run shipgate at all, and which build-pipeline files the PR changes.
 * Nothing is read at the token's commit before the token is known to be this repository's.
 */
import type { EvidenceSource, WorkflowFileComparison } from '../../core/evidence/judge-evidence.js';
import { workflowFileName } from '../../core/evidence/missing-results.js';
import { pipelineChanges } from '../../core/evidence/pipeline-files.js';
import { evidenceAudience, splitProvenance, workflowPathOf } from '../../core/evidence/provenance.js';
import { jobWorkflowOf, referencesShipgate } from '../../core/evidence/workflow-identity.js';
import type { PullInfo } from '../../github/types.js';
import type { EventScope } from '../runtime/bot.js';
import { issuerKeySet, verifyIdToken } from './id-token.js';
import { pullFiles } from './pull-conditions.js';
import { repositoryOf } from './repository.js';
import type { PrSession } from './session.js';

async function fileAt(scope: EventScope, path: string, ref: string): Promise<string | undefined> {
  const { owner, repo } = scope.gh.repo;
  const key = `${owner}/${repo}@${ref}:${path}`;
  const cached = scope.bot.memory.repository.files.get(key);
  if (cached !== undefined) return cached;
  const text = await scope.gh.readFile(path, ref);
  // a commit's file never changes; the default branch's is re-read after the cache TTL
  if (text !== undefined) scope.bot.memory.repository.files.set(key, text);
  return text;
}

/** A workflow file at the run's commit against the default branch's; the default branch's text. */
async function compareWithDefault(
  scope: EventScope,
  path: string,
  sha: string,
): Promise<{ file: WorkflowFileComparison; policyText?: string }> {
  const { defaultBranch } = await repositoryOf(scope);
  const [ran, policy] = await Promise.all([fileAt(scope, path, sha), fileAt(scope, path, defaultBranch)]);
  if (policy === undefined) return { file: 'not-on-default-branch' };
  if (ran === undefined) return { file: undefined, policyText: policy };
  return { file: ran === policy ? 'same' : 'changed', policyText: policy };
}

/** The facts about one `shipgate/checks` run, for judgeEvidence. */
export async function evidenceSource(
  scope: EventScope,
  session: PrSession,
  run: { appSlug: string | undefined; headSha: string; text: string | null | undefined },
  expected: { sha: string; pullNumber?: number; pull?: PullInfo },
): Promise<EvidenceSource> {
  const { evidenceText, token } = splitProvenance(run.text ?? '');
  const { owner, repo } = scope.gh.repo;
  const workflow = session.setup.config.checksWorkflow;
  const base = {
    appSlug: run.appSlug,
    runSha: run.headSha,
    expectedSha: expected.sha,
    repo: `${owner}/${repo}`,
    ...(expected.pullNumber === undefined ? {} : { pullNumber: expected.pullNumber }),
    ...(workflow?.file ? { requiredWorkflow: `.github/workflows/${workflowFileName(workflow.file)}` } : {}),
    text: evidenceText,
  };
  if (!token) return { ...base, token: undefined, workflowFile: undefined };
  const issuer = scope.bot.oidcIssuer.replace(/\/+$/, '');
  const check = await verifyIdToken(token, issuerKeySet(scope.bot.memory.evidence.issuerKeySets, issuer), {
    issuer,
    audience: evidenceAudience(evidenceText),
  });
  if (!check.ok) return { ...base, token: check, workflowFile: undefined };
  const claims = check.claims;
  // another repository's token: judged (and refused) without reading anything at its commit
  if (claims.repository.toLowerCase() !== `${owner}/${repo}`.toLowerCase())
    return { ...base, token: check, workflowFile: undefined };
  const path = workflowPathOf(claims);
  if (!path) return { ...base, token: check, workflowFile: undefined };
  const caller = await compareWithDefault(scope, path, claims.sha);
  const job = jobWorkflowOf(claims);
  const localJob =
    job && job.repo.toLowerCase() === claims.repository.toLowerCase() && job.path !== path ? job : undefined;
  const called = localJob
    ? await compareWithDefault(scope, localJob.path, claims.job_workflow_sha ?? claims.sha)
    : undefined;
  const texts = [caller.policyText, called?.policyText].filter((text): text is string => text !== undefined);
  const changed = expected.pull ? await pullFiles(scope, expected.pull) : undefined;
  return {
    ...base,
    token: check,
    workflowFile: caller.file,
    ...(localJob && called ? { jobWorkflow: { path: localJob.path, file: called.file } } : {}),
    ...(texts.length > 0 ? { usesShipgate: texts.some(referencesShipgate) } : {}),
    ...(changed ? { pipelineChanges: pipelineChanges(changed) } : {}),
  };
}
