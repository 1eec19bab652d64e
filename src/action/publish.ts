import {
  EVIDENCE_CHECK_NAME,
  type Evidence,
  formatEvidenceText,
  toEvidence,
} from '../core/evidence/evidence.js';
import { type ItemResult, isFailing, type Phase } from '../core/template/model.js';
import type { CheckRunWrite } from '../github/types.js';
import { CHECK_OUTPUT_LIMIT, resultsMarkdown, resultsTitle } from './report-markdown.js';

/** `<server>/<owner>/<repo>/actions/runs/<id>` for the current workflow run; undefined outside Actions. */
export function workflowRunUrl(env: Record<string, string | undefined>): string | undefined {
  if (!env.GITHUB_RUN_ID || !env.GITHUB_REPOSITORY) return undefined;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/** failure when an item failed or errored; neutral when nothing was actually checked. */
export function conclusionOf(results: readonly ItemResult[]): 'success' | 'failure' | 'neutral' {
  if (results.some((result) => isFailing(result.status))) return 'failure';
  return results.some((result) => result.status === 'pass') ? 'success' : 'neutral';
}

/** Room left in output.text for the provenance token (an ID token is about 1–2 kB). */
const EVIDENCE_BUDGET = CHECK_OUTPUT_LIMIT - 4096;

/** The evidence block, with findings (then summaries) trimmed until it fits output.text. */
export function evidenceText(
  sha: string,
  phase: Phase,
  results: readonly ItemResult[],
  job: Evidence['job'] = 'single',
): string {
  const full = toEvidence(sha, phase, results, job);
  for (const keep of [20, 5, 1, 0]) {
    const evidence: Evidence = {
      ...full,
      results: full.results.map((result) => ({ ...result, findings: result.findings.slice(0, keep) })),
    };
    const text = formatEvidenceText(evidence);
    if (Buffer.byteLength(text, 'utf8') <= EVIDENCE_BUDGET) return text;
  }
  const results100 = full.results.map((result) => ({
    ...result,
    findings: [],
    summary: result.summary.slice(0, 100),
  }));
  return formatEvidenceText({ ...full, results: results100 });
}

/** The `shipgate/checks` run the bot reads back (evidence in output.text), written through src/github. */
export function evidenceCheckRun(
  headSha: string,
  phase: Phase,
  results: readonly ItemResult[],
  detailsUrl?: string,
  job: Evidence['job'] = 'single',
): CheckRunWrite {
  return {
    name: EVIDENCE_CHECK_NAME,
    headSha,
    status: 'completed',
    conclusion: conclusionOf(results),
    title: resultsTitle(results),
    summary: resultsMarkdown(results, phase),
    text: evidenceText(headSha, phase, results, job),
    // The workflow run: the bot reads the run id from it to check which workflow produced the results.
    ...(detailsUrl ? { detailsUrl } : {}),
  };
}
