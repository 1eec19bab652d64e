import * as core from '@actions/core';
import type { ItemResult, Phase } from '../core/template/model.js';
import { gitHubForToken } from '../github/token-client.js';
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

/**
 * Creates the `shipgate/checks` check run on the PR head for the bot to read. Without a token or
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
  const run = await withProvenance(
    evidenceCheckRun(
      event.headSha,
      options.phase,
      options.results,
      options.detailsUrl,
      options.job ?? 'single',
    ),
    options.env ?? process.env,
  );
  try {
    const gh = gitHubForToken({
      token: options.token,
      apiUrl: options.apiUrl,
      owner: event.owner,
      repo: event.repo,
    });
    const id = await gh.createCheckRun(run);
    core.info(`published check run ${run.name} (${run.conclusion}) on ${event.headSha}: check run ${id}`);
    return id;
  } catch (error) {
    const status = (error as { status?: number }).status;
    core.warning(
      `shipgate: could not publish the ${run.name} check run (${status ?? 'network error'}: ${(error as Error).message}). ` +
        'The workflow needs `permissions: checks: write`; pull requests from forks get a read-only token.',
    );
    return undefined;
  }
}
