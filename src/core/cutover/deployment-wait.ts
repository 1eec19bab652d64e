/**
 * A deployment the protection rule holds until the release's cutover windows pass (config
 * `deploymentProtection.waitForCutover`): while a window is open, closing or inconclusive the rule
 * waits and posts status reports on the deployment (window progress and readings); once every
 * started window passed it approves; a failed window rejects. GitHub takes at most 10 status
 * reports per deployment, Markdown, up to 1024 characters each (docs: "Creating custom deployment
 * protection rules"): the last one allowed says where to follow instead.
 */
import type { ItemStates } from '../ledger/ledger.js';
import { cutoverView } from './judge-window.js';
import { type CutoverWindow, windowStatus } from './windows.js';

export const MAX_STATUS_REPORTS = 10;
export const MAX_STATUS_REPORT_CHARS = 1024;

export type CutoverWait =
  | { kind: 'wait'; report?: string }
  | { kind: 'approved' | 'rejected'; comment: string };

function cutTo(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function decideCutoverWait(input: {
  pr: number;
  windows: readonly CutoverWindow[];
  states: ItemStates;
  nowMs: number;
  readings?: Readonly<Record<string, string>>;
  /** Status reports already posted on this deployment. */
  reportsSent: number;
  /** The last report posted (none is posted twice in a row), and when. */
  lastReport?: string;
  lastReportAtMs?: number;
}): CutoverWait {
  const statuses = input.windows.map((window) => ({
    window,
    status: windowStatus(window, input.states, input.nowMs),
  }));
  const failed = statuses.find(({ status }) => status.state === 'failed');
  if (failed && failed.status.state === 'failed')
    return {
      kind: 'rejected',
      comment: cutTo(
        `cutover window “${failed.window.item.text}” of #${input.pr} failed: ${failed.status.summary}`,
        1000,
      ),
    };
  const holding = statuses.filter(({ status }) => ['open', 'closing', 'inconclusive'].includes(status.state));
  const passed = statuses.filter(({ status }) => status.state === 'passed' || status.state === 'waived');
  if (holding.length === 0 && passed.length > 0)
    return {
      kind: 'approved',
      comment: cutTo(
        `cutover windows of #${input.pr} passed: ${passed.map(({ window }) => `“${window.item.text}”`).join(', ')}`,
        1000,
      ),
    };
  if (input.reportsSent >= MAX_STATUS_REPORTS) return { kind: 'wait' };
  const view = cutoverView({
    windows: input.windows,
    states: input.states,
    nowMs: input.nowMs,
    ...(input.readings ? { readings: input.readings } : {}),
  });
  const head =
    holding.length > 0
      ? `⏳ **shipgate** holds this deployment until the cutover windows of #${input.pr} pass.`
      : `⏸️ **shipgate** holds this deployment until a cutover window of #${input.pr} has passed (none started: \`/shipgate cutover <percent>\`).`;
  const last = input.reportsSent === MAX_STATUS_REPORTS - 1;
  const tail = last
    ? `\n\nLast status report GitHub allows here (${MAX_STATUS_REPORTS}); follow the windows on #${input.pr}.`
    : `\n\n(report ${input.reportsSent + 1} of at most ${MAX_STATUS_REPORTS})`;
  const body = cutTo(`${head}\n\n${view.lines.join('\n')}`, MAX_STATUS_REPORT_CHARS - tail.length);
  const report = `${body}${tail}`;
  // only progress is news: the same text (the countdown aside) is not posted again
  const comparable = (text: string) =>
    text.replace(/\d+ (s|min) left/g, '').replace(/\(report \d+ of at most \d+\)/, '');
  if (input.lastReport !== undefined && comparable(input.lastReport) === comparable(report))
    return { kind: 'wait' };
  // ten reports must last the windows: new readings alone wait an eighth of the longest open
  // window (a window opening, closing or decided is reported at once)
  const marks = (text: string) => [...text.matchAll(/: (⏱️|⏳|✅|❌|❓|⏸️)/gu)].map((m) => m[1]).join('');
  const gapMs = Math.max(0, ...holding.map(({ window }) => window.durationMs / 8));
  if (
    input.lastReport !== undefined &&
    input.lastReportAtMs !== undefined &&
    marks(input.lastReport) === marks(report) &&
    input.nowMs - input.lastReportAtMs < gapMs
  )
    return { kind: 'wait' };
  return { kind: 'wait', report };
}
