import type { Config } from '../config/config.js';
import { CUTOVER_CHECK } from '../cutover/windows.js';
import type { ItemStates, LedgerEvent, ResultRun } from '../ledger/ledger.js';
import type { Checklist, ChecklistItem, Phase } from '../template/model.js';
import { bindingMismatch, expectedBinding } from './binding.js';
import { type EvidenceResult, type How, parseEvidenceText } from './evidence.js';
import { type ActionsClaims, type TokenCheck, workflowPathOf } from './provenance.js';
import { type JobWorkflowFacts, judgeJobWorkflow, type WorkflowFileComparison } from './workflow-identity.js';

export const ACTIONS_APP_SLUG = 'github-actions';

export type { WorkflowFileComparison } from './workflow-identity.js';

export interface EvidenceSource {
  /** `check_run.app.slug` of the run that carries the evidence. */
  appSlug: string | undefined;
  /** The commit the check run is attached to. */
  runSha: string;
  /** The commit the results must be for (PR head, merge-group head or merge commit). */
  expectedSha: string;
  /** `owner/repo` the results must come from. */
  repo: string;
  /** The PR the results are for (a `pull_request` run checks out `refs/pull/<n>/merge`). */
  pullNumber?: number;
  /** The ID token that came with the evidence, verified (provenance.ts); undefined: none came. */
  token: TokenCheck | undefined;
  /** `.github/workflows/<file>` when the config names the checks workflow: only it may vouch. */
  requiredWorkflow?: string;
  /** The workflow file of `workflow_ref` at the token's commit against the default branch's. */
  workflowFile: WorkflowFileComparison;
  /** The job's workflow (`job_workflow_ref`) when it is another file than `workflow_ref`'s. */
  jobWorkflow?: JobWorkflowFacts;
  /** The default branch's workflow texts (caller and, if local, the called one) reference shipgate. */
  usesShipgate?: boolean;
  /** `check_run.output.text` without the token. */
  text: string | null | undefined;
  /** Build-pipeline files the PR changes (pipeline-files.ts), named on `reported` results. */
  pipelineChanges?: readonly string[];
}

/** The policy the bot evaluates: the default branch's config and template. */
export interface EvidencePolicy {
  checklist: Checklist;
  config: Config;
}

export interface RefusedResult {
  item: string;
  reason: string;
}

export type EvidenceJudgement =
  | {
      accepted: true;
      events: LedgerEvent[];
      ignoredItems: string[];
      /** Results of this evidence the bot did not take, each with the reason (shown on the check run). */
      refused: RefusedResult[];
      /** The run the results came from (shown on the check run). */
      run: ResultRun;
    }
  | { accepted: false; reason: string };

/** `run 123 attempt 2, token issued 2026-12-07T10:00:00Z`. */
export function describeRun(run: ResultRun): string {
  return `run ${run.id} attempt ${run.attempt}, token issued ${new Date(run.iat * 1000).toISOString().replace('.000Z', 'Z')}`;
}

/** -1, 0, 1: which run is newer (token `iat`, then `run_id`, then `run_attempt`). */
export function compareRuns(a: ResultRun, b: ResultRun): number {
  if (a.iat !== b.iat) return a.iat < b.iat ? -1 : 1;
  const byId = compareNumeric(a.id, b.id);
  if (byId !== 0) return byId;
  return a.attempt === b.attempt ? 0 : a.attempt < b.attempt ? -1 : 1;
}

function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

function runOf(claims: ActionsClaims): ResultRun {
  const attempt = Number.parseInt(claims.run_attempt ?? '1', 10);
  return { iat: claims.iat, id: claims.run_id, attempt: Number.isFinite(attempt) ? attempt : 1 };
}

/** Items or checks the config requires `verified` evidence for. */
function requiresVerified(item: ChecklistItem, config: Config): boolean {
  const required = config.evidence.requireVerified;
  return required.includes(item.id) || required.includes(item.check ?? '');
}

/**
 * Trusts automated results only with provenance GitHub vouches for: run by GitHub Actions in this
 * repository, for the expected commit, by workflow files the PR did not modify (the caller's and
 * the job's own, a reusable workflow), measured with the policy the bot holds (check and
 * parameters per item), newer than the verdict already recorded. `verified` is honoured only from
 * the attesting workflow's identity; everything else is `reported`. Only items of `phase` are
 * taken: a pre-merge run must not tick "No 500 errors" before anything is deployed. Cutover windows
 * are judged by the bot alone (their start is in its ledger), never from evidence.
 */
export function judgeEvidence(
  source: EvidenceSource,
  policy: EvidencePolicy,
  states: ItemStates,
  at: string,
  phase: Phase = 'pre-merge',
): EvidenceJudgement {
  const refuse = (reason: string): EvidenceJudgement => ({ accepted: false, reason });
  if (source.appSlug !== ACTIONS_APP_SLUG)
    return refuse(`results not published by GitHub Actions (app ${source.appSlug ?? 'unknown'})`);
  if (source.runSha !== source.expectedSha)
    return refuse(`results are for ${source.runSha.slice(0, 7)}, not ${source.expectedSha.slice(0, 7)}`);
  if (!source.token)
    return refuse(
      'results carry no GitHub OIDC token, so their workflow cannot be verified (the checks job needs `permissions: id-token: write`)',
    );
  if (!source.token.ok) return refuse(`results refused: ${source.token.reason}`);
  const claims = source.token.claims;
  if (claims.repository !== source.repo)
    return refuse(`results were produced in ${claims.repository}, not ${source.repo}`);
  const workflow = workflowPathOf(claims);
  if (!workflow)
    return refuse(`results were produced by a workflow of another repository (${claims.workflow_ref})`);
  if (source.requiredWorkflow && workflow !== source.requiredWorkflow)
    return refuse(
      `results were produced by ${workflow}, not the configured checks workflow ${source.requiredWorkflow}`,
    );
  const forThisPull =
    source.pullNumber !== undefined && claims.ref === `refs/pull/${source.pullNumber}/merge`;
  if (!forThisPull && claims.sha !== source.expectedSha)
    return refuse(
      `results come from a run of ${claims.ref} at ${claims.sha.slice(0, 7)}, not of this pull request or ${source.expectedSha.slice(0, 7)}`,
    );
  const fileProblem = workflowFileProblem(workflow, source.workflowFile);
  if (fileProblem) return refuse(fileProblem);
  const identity = judgeJobWorkflow(claims, source.jobWorkflow, policy.config);
  if (!identity.ok) return refuse(identity.reason);
  if (!identity.attesting && source.usesShipgate === false)
    return refuse(
      `results ignored: ${workflow} on the default branch does not run shipgate (no \`uses:\` of the shipgate Action or its reusable workflow), so any job of it could have written them; name the checks workflow in the config (checksWorkflow)`,
    );
  const parsed = parseEvidenceText(source.text);
  if (!parsed.ok) return { accepted: false, reason: parsed.error };
  const evidence = parsed.evidence;
  if (evidence.sha !== source.expectedSha)
    return {
      accepted: false,
      reason: `evidence names commit ${evidence.sha.slice(0, 7)}, not ${source.expectedSha.slice(0, 7)}`,
    };
  const run = runOf(claims);
  const auto = new Map(
    policy.checklist.items
      .filter((item) => item.kind === 'auto' && item.phase === phase && item.check !== CUTOVER_CHECK)
      .map((item) => [item.id, item]),
  );
  const events: LedgerEvent[] = [];
  const ignoredItems: string[] = [];
  const refused: RefusedResult[] = [];
  for (const result of evidence.results) {
    const item = auto.get(result.item);
    if (!item) {
      ignoredItems.push(result.item);
      continue;
    }
    const problem = resultProblem(result, item, policy.config, states, run, source.expectedSha);
    if (problem) {
      refused.push({ item: result.item, reason: problem });
      continue;
    }
    const how: How = result.how === 'verified' && identity.attesting ? 'verified' : 'reported';
    if (how === 'reported' && requiresVerified(item, policy.config)) {
      refused.push({
        item: result.item,
        reason: `the config requires verified evidence for it, and this result was ${
          result.how === 'verified'
            ? 'not published by the attesting workflow'
            : "measured in a job that ran the PR's code"
        } (reported)`,
      });
      continue;
    }
    const pipeline = how === 'reported' ? (source.pipelineChanges ?? []).slice(0, 10) : [];
    events.push({
      t: 'result',
      item: result.item,
      status: result.status,
      summary: result.summary,
      at,
      sha: source.expectedSha,
      how,
      run,
      ...(pipeline.length > 0 ? { pipeline } : {}),
    });
  }
  return { accepted: true, events, ignoredItems, refused, run };
}

function workflowFileProblem(workflow: string, file: WorkflowFileComparison): string | undefined {
  if (file === 'same') return undefined;
  if (file === 'changed')
    return `results ignored: the workflow that produced them (${workflow}) is modified by this pull request (it differs from the default branch's)`;
  if (file === 'not-on-default-branch')
    return `results ignored: the workflow that produced them (${workflow}) is not on the default branch`;
  return `results ignored: the workflow that produced them (${workflow}) could not be read to compare it`;
}

/** Why one result is not taken: measured with another policy, or older than the recorded verdict. */
function resultProblem(
  result: EvidenceResult,
  item: ChecklistItem,
  config: Config,
  states: ItemStates,
  run: ResultRun,
  sha: string,
): string | undefined {
  const mismatch = bindingMismatch(expectedBinding(item, config), result);
  if (mismatch) return `${mismatch}: re-run the checks with the default branch's policy`;
  const recorded = states[item.id];
  if (recorded?.run && recorded.sha === sha && compareRuns(run, recorded.run) < 0)
    return `results of an older run (${describeRun(run)}) than the verdict already recorded (${describeRun(recorded.run)}): the newest run wins`;
  return undefined;
}

/** One note per refused result, for the `shipgate` check run (why an item was not ticked). */
export function refusalNotes(refused: readonly RefusedResult[]): string[] {
  return refused.map((entry) => `result for ${entry.item} refused: ${entry.reason}`);
}
