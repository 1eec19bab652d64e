import { CUTOVER_CHECK } from '../cutover/windows.js';
import type { LedgerEvent } from '../ledger/ledger.js';
import type { Checklist, Phase } from '../template/model.js';
import { parseEvidenceText } from './evidence.js';
import { type TokenCheck, workflowPathOf } from './provenance.js';

export const ACTIONS_APP_SLUG = 'github-actions';

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
  /** The workflow file at the token's commit against the default branch's, byte for byte. */
  workflowFile: 'same' | 'changed' | 'not-on-default-branch' | undefined;
  /** `check_run.output.text` without the token. */
  text: string | null | undefined;
}

export type EvidenceJudgement =
  | { accepted: true; events: LedgerEvent[]; ignoredItems: string[] }
  | { accepted: false; reason: string };

/**
 * Trusts automated results only with provenance GitHub vouches for: run by GitHub Actions in this
 * repository, for the expected commit, by a workflow file the PR did not modify (else a PR could
 * forge "bundle size passed" from a workflow of its own). Only items of `phase` are taken: a
 * pre-merge run must not tick "No 500 errors" before anything is deployed. Cutover windows are
 * judged by the bot alone (their start is in its ledger), never from evidence.
 */
export function judgeEvidence(
  source: EvidenceSource,
  checklist: Checklist,
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
  if (source.workflowFile === 'changed')
    return refuse(
      `results ignored: the workflow that produced them (${workflow}) is modified by this pull request (it differs from the default branch's)`,
    );
  if (source.workflowFile === 'not-on-default-branch')
    return refuse(
      `results ignored: the workflow that produced them (${workflow}) is not on the default branch`,
    );
  if (source.workflowFile !== 'same')
    return refuse(
      `results ignored: the workflow that produced them (${workflow}) could not be read to compare it`,
    );
  const parsed = parseEvidenceText(source.text);
  if (!parsed.ok) return { accepted: false, reason: parsed.error };
  const evidence = parsed.evidence;
  if (evidence.sha !== source.expectedSha)
    return {
      accepted: false,
      reason: `evidence names commit ${evidence.sha.slice(0, 7)}, not ${source.expectedSha.slice(0, 7)}`,
    };
  const auto = new Map(
    checklist.items
      .filter((item) => item.kind === 'auto' && item.phase === phase && item.check !== CUTOVER_CHECK)
      .map((item) => [item.id, item]),
  );
  const events: LedgerEvent[] = [];
  const ignoredItems: string[] = [];
  for (const result of evidence.results) {
    if (!auto.has(result.item)) {
      ignoredItems.push(result.item);
      continue;
    }
    events.push({
      t: 'result',
      item: result.item,
      status: result.status,
      summary: result.summary,
      at,
      sha: source.expectedSha,
    });
  }
  return { accepted: true, events, ignoredItems };
}
