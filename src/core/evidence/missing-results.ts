/**
 * Missing `shipgate/checks` results. A PR opened with GITHUB_TOKEN (release-please's default)
 * starts no workflows, so the results never come. After a timeout the bot dispatches the checks
 * workflow itself, once per head commit. The caller supplies the clock and what GitHub shows.
 */
export interface MissingResultsInput {
  /** When the bot first saw this head commit (ISO). */
  since: string;
  now: string;
  timeoutMinutes: number;
  /** A `shipgate/checks` run exists on the commit (done or still running). */
  resultsSeen: boolean;
  /** Already dispatched for this commit. */
  dispatched: boolean;
}

export type MissingResultsAction = 'wait' | 'dispatch' | 'stop';

export function missingResultsAction(input: MissingResultsInput): MissingResultsAction {
  if (input.resultsSeen || input.dispatched) return 'stop';
  const elapsed = Date.parse(input.now) - Date.parse(input.since);
  if (!Number.isFinite(elapsed)) return 'wait';
  return elapsed >= input.timeoutMinutes * 60_000 ? 'dispatch' : 'wait';
}

/** When the commit becomes overdue (ISO), for the sweep. */
export function overdueAt(since: string, timeoutMinutes: number): number {
  return Date.parse(since) + timeoutMinutes * 60_000;
}

/** `.github/workflows/shipgate.yml` → `shipgate.yml` (the dispatch endpoint takes the file name). */
export function workflowFileName(file: string): string {
  return file.replace(/^\.github\/workflows\//, '');
}

/** The line shown in the check summary, e.g. "no shipgate/checks results for abc1234 after 10 min — dispatched shipgate.yml". */
export function missingResultsNote(input: {
  sha: string;
  timeoutMinutes: number;
  file: string;
  /** The error when the dispatch was refused (e.g. "422 Workflow does not have 'workflow_dispatch' trigger"). */
  error?: string;
}): string {
  const head = `no shipgate/checks results for ${input.sha.slice(0, 7)} after ${formatMinutes(input.timeoutMinutes)}`;
  const file = workflowFileName(input.file);
  if (input.error === undefined) return `${head} — dispatched ${file}`;
  return `${head} — could not dispatch ${file}: ${input.error.slice(0, 200)}`;
}

function formatMinutes(minutes: number): string {
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}
