import type { LedgerEvent } from '../ledger/ledger.js';
import type { Checklist } from '../template/model.js';
import { parseEvidenceText } from './evidence.js';

export const ACTIONS_APP_SLUG = 'github-actions';

export interface EvidenceSource {
  /** `check_run.app.slug` of the run that carries the evidence. */
  appSlug: string | undefined;
  /** The commit the check run is attached to. */
  runSha: string;
  /** The commit the results must be for (PR head or merge-group head). */
  expectedSha: string;
  /** Path of the workflow that produced the run (`.github/workflows/x.yml`), if it could be found. */
  workflowPath: string | undefined;
  /** Files the pull request changes. */
  changedFiles: readonly string[];
  /** `check_run.output.text`. */
  text: string | null | undefined;
}

export type EvidenceJudgement =
  | { accepted: true; events: LedgerEvent[]; ignoredItems: string[] }
  | { accepted: false; reason: string };

/**
 * Trusts automated results only from the expected source: the GitHub Actions app, for the expected
 * commit, from a workflow the PR does not modify (else a PR could forge "bundle size passed").
 */
export function judgeEvidence(source: EvidenceSource, checklist: Checklist, at: string): EvidenceJudgement {
  if (source.appSlug !== ACTIONS_APP_SLUG)
    return {
      accepted: false,
      reason: `results not published by GitHub Actions (app ${source.appSlug ?? 'unknown'})`,
    };
  if (source.runSha !== source.expectedSha)
    return {
      accepted: false,
      reason: `results are for ${source.runSha.slice(0, 7)}, not the head ${source.expectedSha.slice(0, 7)}`,
    };
  if (!source.workflowPath)
    return {
      accepted: false,
      reason: 'cannot tell which workflow produced the results (no workflow run id)',
    };
  if (source.changedFiles.includes(source.workflowPath))
    return {
      accepted: false,
      reason: `results ignored: the workflow that produced them (${source.workflowPath}) is modified by this pull request`,
    };
  const parsed = parseEvidenceText(source.text);
  if (!parsed.ok) return { accepted: false, reason: parsed.error };
  const evidence = parsed.evidence;
  if (evidence.sha !== source.expectedSha)
    return {
      accepted: false,
      reason: `evidence names commit ${evidence.sha.slice(0, 7)}, not ${source.expectedSha.slice(0, 7)}`,
    };
  const auto = new Map(checklist.items.filter((item) => item.kind === 'auto').map((item) => [item.id, item]));
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
