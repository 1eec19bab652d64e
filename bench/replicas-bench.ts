/**
 * Edits handled per second by one app process and by two replicas sharing Redis, same workload,
 * same run: 8 PRs edited in parallel, 10 sequential checkbox toggles each (the webhook call
 * resolves once the app has answered, i.e. after the comment and check run were written).
 */
import { checklistComments, toggle } from '../__tests__/app/harness.js';
import { type Fleet, settled, startFleet } from '../__tests__/scale/replica-fleet.js';

const PRS = 8;
const TOGGLES_PER_PR = 10;

async function eventsPerSecond(fleet: Fleet): Promise<number> {
  const { sim } = fleet;
  const prs: number[] = [];
  for (let i = 0; i < PRS; i++) {
    const pr = await sim.openPullRequest({
      head: `release/20.${i}.0`,
      user: 'rita',
      files: { 'v.ts': `${i}\n` },
    });
    await settled(sim, () => checklistComments(sim, pr.number).length === 1, `checklist on #${pr.number}`);
    prs.push(pr.number);
  }
  const started = performance.now();
  await Promise.all(
    prs.map(async (number) => {
      for (let i = 0; i < TOGGLES_PER_PR; i++) {
        const comment = checklistComments(sim, number)[0];
        if (!comment) throw new Error(`no checklist on #${number}`);
        await sim.userEditsComment(comment.id, 'bob', toggle(comment.body, 'customer-flow', i % 2 === 0));
      }
    }),
  );
  await sim.idle();
  return (PRS * TOGGLES_PER_PR) / ((performance.now() - started) / 1000);
}

export async function benchReplicas(): Promise<{
  events_per_sec_one_process: number;
  events_per_sec_two_replicas: number;
}> {
  const one = await startFleet({ count: 1, redis: false });
  let single: number;
  try {
    single = await eventsPerSecond(one);
  } finally {
    await one.close();
  }
  const two = await startFleet({ count: 2, redis: true });
  let pair: number;
  try {
    pair = await eventsPerSecond(two);
  } finally {
    await two.close();
  }
  return {
    events_per_sec_one_process: Math.round(single * 10) / 10,
    events_per_sec_two_replicas: Math.round(pair * 10) / 10,
  };
}
