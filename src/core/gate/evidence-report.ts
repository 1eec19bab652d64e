import { escapeInline } from '../escape.js';
import type { ItemState, ItemStates, ResultRun } from '../ledger/ledger.js';
import type { Checklist } from '../template/model.js';

const STATUS_ICON = { pass: '✅', fail: '❌', skipped: '⏭️', error: '❌' } as const;

/** `verified` / `reported` as a reader should take it. */
export function howLabel(state: Pick<ItemState, 'how' | 'pipeline'>): string {
  if (state.how === 'verified') return "verified — computed by the attesting job from the PR's files";
  if (state.how !== 'reported') return 'judged by the bot';
  const pipeline = state.pipeline?.length
    ? `; the PR changes the build pipeline: ${state.pipeline.map((file) => `\`${escapeInline(file, 80)}\``).join(', ')}`
    : '';
  return `reported — measured in a job that ran the PR's code${pipeline}`;
}

function runLabel(run: ResultRun): string {
  return `run ${run.id} (attempt ${run.attempt})`;
}

/**
 * The automated results behind this commit's verdict, each with how its evidence was obtained and
 * the workflow run it came from (the newest genuine run wins), for the `shipgate` check run.
 */
export function evidenceLines(checklist: Checklist, states: ItemStates, sha: string): string[] {
  const lines: string[] = [];
  const runs = new Set<string>();
  for (const item of checklist.items) {
    if (item.kind !== 'auto') continue;
    const state = states[item.id];
    if (!state?.status || state.sha !== sha || !state.how) continue;
    if (state.run) runs.add(runLabel(state.run));
    lines.push(
      `- ${STATUS_ICON[state.status]} ${escapeInline(item.text, 80)} — ${howLabel(state)}${state.run ? ` (${runLabel(state.run)})` : ''}`,
    );
  }
  if (lines.length === 0) return [];
  const from = runs.size > 0 ? ` Verdicts from workflow ${[...runs].join(', ')}.` : '';
  return ['', '### Evidence', `Automated results for \`${sha.slice(0, 7)}\`.${from}`, ...lines];
}
