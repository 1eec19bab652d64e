/**
 * `shipgate/post-review`: the review a break-glass skipped, as a check run on the merge commit
 * (the default branch's commit). Pending until every skipped sign-off and item is given on the
 * merged PR; overdue after `breakGlass.reviewWithin` — then the audit record says so.
 */
import { escapeInline } from '../escape.js';
import type { Checklist } from '../template/model.js';
import { NOT_REVIEWED, type PostReview } from './governance.js';

export const POST_REVIEW_CHECK = 'shipgate/post-review';

/** The run as projection.ts's CheckRunView wants it (declared here: projection.ts imports this file). */
export interface PostReviewRun {
  name: string;
  headSha: string;
  status: 'in_progress' | 'completed';
  conclusion?: 'success';
  title: string;
  summary: string;
  externalId: string;
}

export function postReviewRun(
  review: PostReview,
  mergeSha: string,
  number: number,
  checklist: Checklist,
): PostReviewRun {
  const texts = new Map(checklist.items.map((item) => [item.id, item]));
  const line = (id: string) => {
    const item = texts.get(id);
    const who = item?.kind === 'signoff' ? ` (sign-off: ${item.role})` : '';
    return `- [${review.missing.includes(id) ? ' ' : 'x'}] ${escapeInline(item?.text ?? id, 120)}${who}`;
  };
  const title = review.reviewed
    ? `Break-glass of #${number} reviewed: ${review.skipped.length} skipped item(s) given`
    : review.overdue
      ? `OVERDUE — ${NOT_REVIEWED}: ${review.missing.length} of ${review.skipped.length} skipped item(s) missing`
      : `Post-review pending: ${review.missing.length} of ${review.skipped.length} skipped item(s) missing, due ${review.due}`;
  const summary = [
    `🚨 #${number} went out by **break-glass** by @${escapeInline(review.by, 60)} at ${review.at}: ${escapeInline(review.reason, 300)}`,
    '',
    `The skipped sign-offs and items must be given on the merged PR's checklist by **${review.due}**.`,
    ...(review.escalated
      ? ['', `Escalated${review.issue ? ` in issue #${review.issue}` : ''}: ${NOT_REVIEWED}.`]
      : []),
    '',
    '### Skipped at the break-glass',
    ...review.skipped.slice(0, 100).map(line),
  ].join('\n');
  return {
    name: POST_REVIEW_CHECK,
    headSha: mergeSha,
    status: review.reviewed ? 'completed' : 'in_progress',
    ...(review.reviewed ? { conclusion: 'success' as const } : {}),
    title: title.slice(0, 200),
    summary,
    externalId: `${number}`,
  };
}
