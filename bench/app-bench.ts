/**
 * The bot on the GitHub simulator: GitHub API requests per checkbox toggle with warm caches
 * (target ≤ 2), webhook-to-check-update latency p95, and edits handled per second across PRs.
 * The latency is measured from sending the `issue_comment.edited` webhook to the app's answer,
 * which comes after the comment and the `shipgate` check run were updated.
 */
import { checklist, type Harness, startHarness, toggle } from '../__tests__/app/harness.js';

const TOGGLES = 30;
const PARALLEL_PRS = 8;
const TOGGLES_PER_PR = 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function openRelease(h: Harness, version: string): Promise<number> {
  const pr = await h.sim.openPullRequest({
    head: `release/${version}`,
    user: 'rita',
    files: { 'v.ts': `${version}\n` },
  });
  await h.settle();
  return pr.number;
}

/** One person ticks or unticks a manual item; resolves when the app answered the webhook. */
async function flip(h: Harness, pr: number, checked: boolean): Promise<number> {
  const comment = checklist(h.sim, pr);
  const started = performance.now();
  await h.sim.userEditsComment(comment.id, 'bob', toggle(comment.body, 'customer-flow', checked));
  return performance.now() - started;
}

export async function benchApp(): Promise<{
  api_calls_per_toggle: number;
  webhook_p95_ms: number;
  events_per_sec: number;
}> {
  // Outgoing payloads are not schema-checked here: that is the simulator's cost, not the bot's.
  // The production write window (1 s): a toggle on a quiet PR is written at once. Each measured
  // toggle is the first on its PR since the window passed, one after the other: single-toggle
  // latency without waiting out the window between measurements.
  const h = await startHarness({ validateWebhooks: false, writeWindowMs: 1000 });
  try {
    const prs: number[] = [];
    for (let i = 0; i < TOGGLES; i++) prs.push(await openRelease(h, `10.${i}.0`));
    await flip(h, prs[0] ?? 0, true); // warms the permission cache
    await h.settle();
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const latencies: number[] = [];
    let calls = 0;
    for (const pr of prs) {
      const before = h.sim.requests.length;
      latencies.push(await flip(h, pr, pr !== prs[0]));
      await h.settle();
      calls += h.sim.requests.slice(before).filter((r) => !r.identity.startsWith('actions:')).length;
    }

    return { ...(await throughput()), ...figures(calls, latencies) };
  } finally {
    await h.close();
  }
}

function figures(
  calls: number,
  latencies: number[],
): { api_calls_per_toggle: number; webhook_p95_ms: number } {
  return {
    api_calls_per_toggle: Math.round((calls / TOGGLES) * 100) / 100,
    webhook_p95_ms: Math.round(percentile(latencies, 95) * 10) / 10,
  };
}

/**
 * Edits handled per second across PRs, each person waiting for the bot's answer before the next
 * edit. Without the write window (0): this is the handlers' throughput, not the coalescing delay.
 */
async function throughput(): Promise<{ events_per_sec: number }> {
  const h = await startHarness({ validateWebhooks: false, writeWindowMs: 0 });
  try {
    const warm = await openRelease(h, '10.0.0');
    await flip(h, warm, true);
    await h.settle();
    const prs: number[] = [];
    for (let i = 0; i < PARALLEL_PRS; i++) prs.push(await openRelease(h, `11.${i}.0`));
    const started = performance.now();
    await Promise.all(
      prs.map(async (number) => {
        for (let i = 0; i < TOGGLES_PER_PR; i++) await flip(h, number, i % 2 === 0);
      }),
    );
    await h.settle();
    const seconds = (performance.now() - started) / 1000;

    return { events_per_sec: Math.round(((PARALLEL_PRS * TOGGLES_PER_PR) / seconds) * 10) / 10 };
  } finally {
    await h.close();
  }
}
