/**
 * What a rollback prepares besides the incident: the draft revert pull request of the release's
 * merge commit (its title, branch and body: the checklist's rollback steps as its own checklist),
 * and the post-deploy telemetry items the failure touched, reopened. Plain data in and out; the
 * caller writes (src/bot/pr/publish.ts `draftRevertPull`).
 */
import { escapeInline, mention } from '../escape.js';
import type { ItemStates, LedgerEvent } from '../ledger/ledger.js';
import type { Checklist, ChecklistItem } from '../template/model.js';
import { rollbackPlan } from './rollback.js';

export interface RevertDraft {
  title: string;
  branch: string;
  /** The commit message of the revert commit. */
  message: string;
  body: string;
}

export function revertDraft(input: {
  pr: { number: number; title: string };
  mergeSha: string;
  version?: string;
  reason: string;
  startedBy: string;
  incident: number;
  steps: readonly ChecklistItem[];
}): RevertDraft {
  const short = input.mergeSha.slice(0, 7);
  const version = input.version ? ` v${escapeInline(input.version, 40)}` : '';
  const steps =
    input.steps.length > 0
      ? input.steps.map((step) => `- [ ] ${escapeInline(step.text, 200)}`)
      : ['- [ ] Roll back the deployment', '- [ ] Verify the previous version is healthy'];
  return {
    title: `Revert${version} (#${input.pr.number}): rollback`.slice(0, 250),
    branch: `shipgate/revert-${input.pr.number}-${short}`,
    message: `Revert "${input.pr.title.slice(0, 100)}" (#${input.pr.number})\n\nThis reverts merge commit ${input.mergeSha} to its first parent.\nRollback: ${input.reason.slice(0, 300)}\nIncident: #${input.incident}`,
    body: [
      `Reverts #${input.pr.number} (${escapeInline(input.pr.title, 200)}): merge commit \`${escapeInline(input.mergeSha, 64)}\`, restored to the tree of its first parent. Drafted by shipgate when the rollback started.`,
      '',
      `- **Reason**: ${escapeInline(input.reason, 500)}`,
      `- **Incident**: #${input.incident}`,
      `- **Started by**: ${mention(input.startedBy)}`,
      '',
      '## Rollback steps',
      '',
      ...steps,
      '',
      'A draft: traffic goes back first (the steps above); mark it ready and merge it when the release must also leave the main branch.',
      '',
    ].join('\n'),
  };
}

/**
 * The post-deploy `prometheus` items the failure touched: ticked ones measuring a metric that fired
 * (all ticked ones for a rollback started by hand, which names no metric). Their passes describe a
 * release that is being rolled back, so they are reset (an `invalidate` event) and judged again.
 * Rollback triggers and steps are not: they belong to the rollback. Cutover windows are not either:
 * their window is over, reopening one would only judge the same samples again.
 */
export function touchedItems(
  checklist: Checklist,
  states: ItemStates,
  firedMetrics: ReadonlySet<string> | undefined,
): ChecklistItem[] {
  const plan = rollbackPlan(checklist);
  const rollbackIds = new Set([...plan.triggers, ...plan.steps].map((item) => item.id));
  return checklist.items.filter((item) => {
    if (item.phase !== 'post-deploy' || item.kind !== 'auto' || item.check !== 'prometheus') return false;
    if (rollbackIds.has(item.id) || !states[item.id]?.checked || states[item.id]?.waived) return false;
    const metric = typeof item.params.metric === 'string' ? item.params.metric : undefined;
    return firedMetrics === undefined || (metric !== undefined && firedMetrics.has(metric));
  });
}

/** The `invalidate` event reopening the touched items, or none. */
export function reopenEvent(
  items: readonly ChecklistItem[],
  at: string,
  sha: string,
  reason: string,
): LedgerEvent[] {
  if (items.length === 0) return [];
  return [
    {
      t: 'invalidate',
      items: items.map((item) => item.id),
      at,
      sha,
      reason: `reopened by the rollback: ${reason}`.slice(0, 300),
    },
  ];
}

/** The metrics of the fired triggers (`metric=` of those bound to `prometheus`). */
export function firedMetrics(fired: readonly ChecklistItem[]): Set<string> {
  return new Set(
    fired.flatMap((item) => (typeof item.params.metric === 'string' ? [item.params.metric] : [])),
  );
}
