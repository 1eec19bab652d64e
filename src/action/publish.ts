import {
  EVIDENCE_CHECK_NAME,
  type Evidence,
  formatEvidenceText,
  toEvidence,
} from '../core/evidence/evidence.js';
import { type ItemResult, isFailing, type Phase } from '../core/template/model.js';
import { CHECK_OUTPUT_LIMIT, resultsMarkdown, resultsTitle } from './report-markdown.js';

// A type alias (not an interface) so it is assignable to Octokit's indexed request parameters.
export type CheckRunBody = {
  owner: string;
  repo: string;
  name: string;
  head_sha: string;
  status: 'completed';
  conclusion: 'success' | 'failure' | 'neutral';
  output: { title: string; summary: string; text: string };
  /** The workflow run: the bot reads the run id from it to check which workflow produced the results. */
  details_url?: string;
};

/** `<server>/<owner>/<repo>/actions/runs/<id>` for the current workflow run; undefined outside Actions. */
export function workflowRunUrl(env: Record<string, string | undefined>): string | undefined {
  if (!env.GITHUB_RUN_ID || !env.GITHUB_REPOSITORY) return undefined;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/** failure when an item failed or errored; neutral when nothing was actually checked. */
export function conclusionOf(results: readonly ItemResult[]): CheckRunBody['conclusion'] {
  if (results.some((result) => isFailing(result.status))) return 'failure';
  return results.some((result) => result.status === 'pass') ? 'success' : 'neutral';
}

/** The evidence block, with findings (then summaries) trimmed until it fits output.text. */
export function evidenceText(sha: string, phase: Phase, results: readonly ItemResult[]): string {
  const full = toEvidence(sha, phase, results);
  for (const keep of [20, 5, 1, 0]) {
    const evidence: Evidence = {
      ...full,
      results: full.results.map((result) => ({ ...result, findings: result.findings.slice(0, keep) })),
    };
    const text = formatEvidenceText(evidence);
    if (text.length <= CHECK_OUTPUT_LIMIT) return text;
  }
  const results100 = full.results.map((result) => ({
    ...result,
    findings: [],
    summary: result.summary.slice(0, 100),
  }));
  return formatEvidenceText({ ...full, results: results100 });
}

/** The `POST /repos/{owner}/{repo}/check-runs` body the bot reads back (evidence in output.text). */
export function checkRunBody(
  target: { owner: string; repo: string; headSha: string },
  phase: Phase,
  results: readonly ItemResult[],
  detailsUrl?: string,
): CheckRunBody {
  return {
    owner: target.owner,
    repo: target.repo,
    name: EVIDENCE_CHECK_NAME,
    head_sha: target.headSha,
    status: 'completed',
    conclusion: conclusionOf(results),
    output: {
      title: resultsTitle(results),
      summary: resultsMarkdown(results, phase),
      text: evidenceText(target.headSha, phase, results),
    },
    ...(detailsUrl ? { details_url: detailsUrl } : {}),
  };
}
