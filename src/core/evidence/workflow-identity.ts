/**
 * Which job vouched for the results, from the ID token's `job_workflow_ref`: the workflow file
 * whose job ran, which differs from `workflow_ref` when the caller runs a reusable workflow
 * (`jobs.<id>.uses`). SLSA's builders are verified the same way: the signer runs in a reusable
 * workflow the caller's code does not run in, pinned by `job_workflow_ref` / `job_workflow_sha`.
 * Docs: https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/using-openid-connect-with-reusable-workflows
 */
import type { Config } from '../config/config.js';
import type { ActionsClaims } from './provenance.js';

/**
 * shipgate's own reusable workflow (measure + attest jobs): its attesting job runs no code the PR
 * controls, so results it computed itself are `verified`. Teams that vendor or fork it name theirs
 * in `checksWorkflow.uses`.
 */
export const SHIPGATE_REUSABLE_WORKFLOW = 'acme/shipgate/.github/workflows/shipgate.yml';

export interface WorkflowRef {
  /** `owner/repo` */
  repo: string;
  /** `.github/workflows/x.yml` */
  path: string;
  /** `refs/heads/main`, `refs/tags/v1`, a commit, or '' */
  ref: string;
}

/** `owner/repo/.github/workflows/x.yml@ref` → its parts; undefined when it is not that shape. */
export function parseWorkflowRef(value: string): WorkflowRef | undefined {
  const match = /^([\w.-]+\/[\w.-]+)\/(\.github\/workflows\/[\w./-]+\.ya?ml)(?:@(.+))?$/.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  return { repo: match[1], path: match[2], ref: match[3] ?? '' };
}

/** The job's workflow, from `job_workflow_ref` (absent in old tokens: the caller's own). */
export function jobWorkflowOf(claims: ActionsClaims): WorkflowRef | undefined {
  return parseWorkflowRef(claims.job_workflow_ref ?? claims.workflow_ref);
}

/** A workflow file at the run's commit against the default branch's, byte for byte. */
export type WorkflowFileComparison = 'same' | 'changed' | 'not-on-default-branch' | undefined;

/** What the adapter read about the job's workflow when it is a file of this repository. */
export interface JobWorkflowFacts {
  path: string;
  file: WorkflowFileComparison;
}

/** `checksWorkflow.uses` resolved against the repository (`./.github/workflows/x.yml` is local). */
function configuredJobWorkflow(config: Config, repo: string): WorkflowRef | undefined {
  const uses = config.checksWorkflow?.uses;
  if (!uses) return undefined;
  if (uses.startsWith('./')) {
    const [path = '', ref = ''] = uses.slice(2).split('@');
    return { repo, path, ref };
  }
  return parseWorkflowRef(uses);
}

/** `v1` matches `refs/tags/v1`, `refs/heads/v1`, `v1` and a `job_workflow_sha` of `v1`. */
function refMatches(wanted: string, ref: string, sha: string | undefined): boolean {
  if (!wanted) return true;
  return ref === wanted || ref === `refs/tags/${wanted}` || ref === `refs/heads/${wanted}` || sha === wanted;
}

function sameWorkflow(a: WorkflowRef, b: WorkflowRef): boolean {
  return a.repo.toLowerCase() === b.repo.toLowerCase() && a.path === b.path;
}

export type JobWorkflowJudgement = { ok: true; attesting: boolean } | { ok: false; reason: string };

/**
 * The job's workflow may vouch when it is the caller's own file (compared with the default
 * branch by the caller's check), a file of this repository equal to the default branch's, or
 * another repository's (pinned by the unmodified caller); with `checksWorkflow.uses` set, only
 * that one. It is *attesting* (its own results are `verified`) when it is the configured one or,
 * without configuration, shipgate's reusable workflow.
 */
export function judgeJobWorkflow(
  claims: ActionsClaims,
  facts: JobWorkflowFacts | undefined,
  config: Config,
): JobWorkflowJudgement {
  const job = jobWorkflowOf(claims);
  if (!job)
    return {
      ok: false,
      reason: `results refused: the token's job_workflow_ref (${claims.job_workflow_ref}) is not a workflow file`,
    };
  const caller = parseWorkflowRef(claims.workflow_ref);
  const local = job.repo.toLowerCase() === claims.repository.toLowerCase();
  const isCaller = caller !== undefined && sameWorkflow(job, caller);
  if (local && !isCaller) {
    if (!facts || facts.path !== job.path)
      return {
        ok: false,
        reason: `results ignored: the reusable workflow that ran the job (${job.path}) could not be read to compare it`,
      };
    if (facts.file === 'changed')
      return {
        ok: false,
        reason: `results ignored: the reusable workflow that ran the job (${job.path}) is modified by this pull request (it differs from the default branch's)`,
      };
    if (facts.file === 'not-on-default-branch')
      return {
        ok: false,
        reason: `results ignored: the reusable workflow that ran the job (${job.path}) is not on the default branch`,
      };
    if (facts.file !== 'same')
      return {
        ok: false,
        reason: `results ignored: the reusable workflow that ran the job (${job.path}) could not be read to compare it`,
      };
  }
  const configured = configuredJobWorkflow(config, claims.repository);
  if (configured) {
    const matches =
      sameWorkflow(job, configured) && refMatches(configured.ref, job.ref, claims.job_workflow_sha);
    if (!matches)
      return {
        ok: false,
        reason: `results were produced by a job of ${job.repo}/${job.path}@${job.ref}, not the configured checks workflow ${config.checksWorkflow?.uses}`,
      };
    return { ok: true, attesting: true };
  }
  const shipgate = parseWorkflowRef(SHIPGATE_REUSABLE_WORKFLOW);
  return { ok: true, attesting: shipgate !== undefined && sameWorkflow(job, shipgate) };
}

/** A workflow text that runs shipgate: a step `uses:` of the Action or a job `uses:` of its reusable workflow. */
export function referencesShipgate(text: string): boolean {
  return /^\s*(?:-\s*)?uses:\s*['"]?[\w.-]+\/shipgate(?:\/\.github\/workflows\/[\w.-]+\.ya?ml)?@/im.test(
    text,
  );
}
