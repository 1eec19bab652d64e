import * as core from '@actions/core';
import { EVIDENCE_CHECK_NAME } from '../core/evidence/evidence.js';
import type { ItemResult, Phase } from '../core/template/model.js';
import { gitHubForToken } from '../github/token-client.js';
import type { GitHub } from '../github/types.js';
import type { RunEvent } from './event.js';
import { withProvenance } from './provenance.js';
import { evidenceCheckRun } from './publish.js';

export interface PublishOptions {
  token: string | undefined;
  apiUrl: string;
  event: RunEvent;
  phase: Phase;
  results: readonly ItemResult[];
  /** The workflow run's URL (see workflowRunUrl): a link for people (GitHub replaces it anyway). */
  detailsUrl?: string;
  /** `attest`: the two-job workflow's attesting job; `single`: one job that also ran the PR's code. */
  job?: 'single' | 'attest';
  /** The job's environment (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN for the OIDC token). */
  env?: Record<string, string | undefined>;
}

/** What one `shipgate/checks` evidence run says, and the job environment its provenance comes from. */
export interface EvidenceRun {
  headSha: string;
  phase: Phase;
  results: readonly ItemResult[];
  /** The workflow run's URL (see workflowRunUrl): a link for people (GitHub replaces it anyway). */
  detailsUrl?: string;
  job?: 'single' | 'attest';
  /** The job's environment (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN for the OIDC token). */
  env: Record<string, string | undefined>;
}

/**
 * The one place the Action creates the `shipgate/checks` evidence run, in check mode and in bot
 * mode alike: the evidence (evidenceCheckRun), its provenance token, written through src/github.
 * Returns the new run's id; a failed write throws (each caller decides what it means).
 */
export async function publishEvidence(
  gh: Pick<GitHub, 'createCheckRun'>,
  evidence: EvidenceRun,
): Promise<number> {
  const run = await withProvenance(
    evidenceCheckRun(evidence.headSha, evidence.phase, evidence.results, evidence.detailsUrl, evidence.job),
    evidence.env,
  );
  const id = await gh.createCheckRun(run);
  core.info(`published check run ${run.name} (${run.conclusion}) on ${evidence.headSha}: check run ${id}`);
  return id;
}

/**
 * Publishes check mode's results on the PR head for the bot to read. Without a token or
 * outside a pull request there is nothing to attach it to: a notice, and the run goes on.
 * A failed publication is a warning: the results are still in the summary and outputs.
 */
export async function publishResults(options: PublishOptions): Promise<number | undefined> {
  const { event } = options;
  if (!options.token) {
    core.notice('shipgate: no github-token, so the results are not published as a check run');
    return undefined;
  }
  if (!event.publishable || !event.headSha || !event.owner || !event.repo) {
    core.notice(
      'shipgate: not a pull_request, workflow_dispatch (sha input), deployment_status or merge_group event, so the results are not published as a check run',
    );
    return undefined;
  }
  try {
    const gh = gitHubForToken({
      token: options.token,
      apiUrl: options.apiUrl,
      owner: event.owner,
      repo: event.repo,
    });
    return await publishEvidence(gh, {
      headSha: event.headSha,
      phase: options.phase,
      results: options.results,
      ...(options.detailsUrl ? { detailsUrl: options.detailsUrl } : {}),
      job: options.job ?? 'single',
      env: options.env ?? process.env,
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    core.warning(
      `shipgate: could not publish the ${EVIDENCE_CHECK_NAME} check run (${status ?? 'network error'}: ${(error as Error).message}). ` +
        'The workflow needs `permissions: checks: write`; pull requests from forks get a read-only token.',
    );
    return undefined;
  }
}
