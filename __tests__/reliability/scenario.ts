/** A scripted release-PR session, run once clean and once under faults, and its comparable outcome. */
import { expect } from '@jest/globals';
import { decodeStateBlock } from '../../src/core/comment/state-block.js';
import { foldLedger } from '../../src/core/ledger/ledger.js';
import {
  checklist,
  checklistComments,
  gateRun,
  type Harness,
  isTicked,
  PASSING,
  publishEvidence,
  toggle,
} from '../app/harness.js';

export const ITEMS = ['secrets', 'env-files', 'customer-flow', 'rollback-plan', 'qa-signoff', 'eng-signoff'];

export interface ScriptRun {
  pr: number;
  sha: string;
}

/** One person's edit of the checklist (a fresh body each time), then wait for the bot. */
export async function tick(h: Harness, pr: number, login: string, id: string, checked = true): Promise<void> {
  const c = checklist(h.sim, pr);
  await h.sim.userEditsComment(c.id, login, toggle(c.body, id, checked));
  await h.settle();
}

/** Evidence, an accepted tick, a refused tick, two sign-offs, another tick: the gate ends green. */
export async function runScript(
  h: Harness,
  version: string,
  between?: () => Promise<void>,
): Promise<ScriptRun> {
  const opened = await h.sim.openPullRequest({
    head: `release/${version}`,
    user: 'rita',
    files: { 'src/app.ts': `export const v = '${version}';\n` },
  });
  await h.settle();
  const pr = opened.number;
  const sha = opened.pull?.head.sha ?? '';
  const steps: Array<() => Promise<void>> = [
    () => publishEvidence(h, sha, PASSING),
    () => tick(h, pr, 'bob', 'customer-flow'),
    () => tick(h, pr, 'bob', 'qa-signoff'), // not in the qa-lead role: refused
    () => tick(h, pr, 'quinn', 'qa-signoff'),
    () => tick(h, pr, 'erin', 'eng-signoff'),
    () => tick(h, pr, 'bob', 'rollback-plan'),
  ];
  for (const step of steps) {
    await step();
    await between?.();
  }
  await h.settle();
  return { pr, sha };
}

/** What must match between a clean and a faulty run (times and commit ids stripped). */
export function outcome(h: Harness, run: ScriptRun) {
  const body = checklist(h.sim, run.pr).body;
  const block = decodeStateBlock(body);
  const states = block.found && 'ledger' in block ? foldLedger(block.ledger) : {};
  const gate = gateRun(h.sim, run.sha);
  const noShas = (text: string | null | undefined) =>
    (text ?? '').replace(/\b[0-9a-f]{7,40}\b/g, 'SHA').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME');
  return {
    ticked: Object.fromEntries(ITEMS.map((id) => [id, isTicked(body, id)])),
    ledger: Object.fromEntries(
      ITEMS.map((id) => {
        const s = states[id];
        return [id, s ? { checked: s.checked, by: s.by, status: s.status, waived: s.waived } : undefined];
      }),
    ),
    check: { status: gate?.status, conclusion: gate?.conclusion, summary: noShas(gate?.output.summary) },
    checklists: checklistComments(h.sim, run.pr).length,
  };
}

export type Outcome = ReturnType<typeof outcome>;

/** The sanity of the clean run itself: every tick kept, the refused one not, gate green. */
export function expectGreen(o: Outcome): void {
  expect(Object.values(o.ticked).every(Boolean)).toBe(true);
  expect(o.ledger['qa-signoff']?.by).toBe('quinn');
  expect(o.ledger['eng-signoff']?.by).toBe('erin');
  expect(o.ledger['rollback-plan']?.by).toBe('bob');
  expect(o.check.conclusion).toBe('success');
  expect(o.checklists).toBe(1);
}
