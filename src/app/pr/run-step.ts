/**
 * Every handler's one path for a release PR: parse the payload (events/) → open the PR session
 * → decide (core) → project (core/gate/projection.ts) → write (publish.ts, the only writer).
 * Steps for the same PR that arrive together run in one session under the PR's lease and are
 * written once (runtime/write-coalescer.ts).
 */
import { projectRelease, type ReleaseFacts, type ReleaseProjection } from '../../core/gate/projection.js';
import { appendEvents, BREAK_GLASS_STATE, foldLedger, type LedgerEvent } from '../../core/ledger/ledger.js';
import { type Bot, type EventScope, prKey } from '../runtime/bot.js';
import { WriteCoalescer } from '../runtime/write-coalescer.js';
import { noteCutover } from './cutover-watch.js';
import { releaseFacts, resultNotesKey } from './facts.js';
import { noteGovernance } from './governance-watch.js';
import { replyInBurst, writeProjection } from './publish.js';
import { type OpenOptions, openSession, type PrSession } from './session.js';

export interface StepDecision {
  /** Ledger events this step adds (signed when appended). */
  events?: readonly LedgerEvent[];
  /** Replaces the notes shown on a commit's check run (empty: clears them). */
  resultNotes?: { sha: string; notes: string[] };
  /** Why ticks were reverted: posted as one reply per burst on the PR. */
  explanations?: readonly string[];
  /** At the merge: the final `shipgate` run carries the signed audit record. */
  withAudit?: boolean;
}

export interface StepDone {
  session: PrSession;
  projection: ReleaseProjection;
  facts: ReleaseFacts;
}

export interface PrStep {
  open?: OpenOptions;
  /** A person's toggle: may wait a moment to be written together with others on this PR. */
  coalesce?: boolean;
  /** Reads what it needs and decides; no GitHub writes here. */
  decide?(session: PrSession): Promise<StepDecision | undefined> | StepDecision | undefined;
  /** After the write, still under the PR's lease: replies and follow-ups read the projection. */
  after?(done: StepDone): Promise<void> | void;
}

interface QueuedStep {
  scope: EventScope;
  step: PrStep;
  resolve(): void;
  reject(error: unknown): void;
}

const coalescers = new WeakMap<Bot, WriteCoalescer<QueuedStep>>();
function coalescerOf(bot: Bot): WriteCoalescer<QueuedStep> {
  let coalescer = coalescers.get(bot);
  if (!coalescer) {
    coalescer = new WriteCoalescer(bot.memory.writeWindowMs);
    coalescers.set(bot, coalescer);
  }
  return coalescer;
}

/** Resolves when no step of this bot is waiting or being written. */
export function stepsIdle(bot: Bot): Promise<void> {
  return coalescers.get(bot)?.idle() ?? Promise.resolve();
}

/** Runs one step for PR `number`; resolves once its decision is on GitHub. */
export function runPrStep(scope: EventScope, number: number, step: PrStep): Promise<void> {
  const key = prKey(scope.gh, number);
  return new Promise<void>((resolve, reject) => {
    coalescerOf(scope.bot).add(key, { scope, step, resolve, reject }, step.coalesce === true, (steps) =>
      runSteps(key, number, steps),
    );
  });
}

async function runSteps(key: string, number: number, steps: QueuedStep[]): Promise<void> {
  const scope = (steps.at(-1) as QueuedStep).scope; // the newest token for the repository
  const secret = scope.bot.options.ledgerSecret;
  try {
    await scope.bot.memory.queue.run(key, async () => {
      const session = await openSession(scope, number, mergeOpenOptions(steps.map((s) => s.step.open)));
      const decided: QueuedStep[] = [];
      const decisions: (StepDecision | undefined)[] = [];
      let withAudit = false;
      for (const queued of steps) {
        try {
          const decision = await queued.step.decide?.(session);
          if (decision?.events?.length)
            session.ledger = appendEvents(session.ledger, decision.events, session.ledgerKey);
          if (decision?.resultNotes) {
            const notesKey = resultNotesKey(session, decision.resultNotes.sha);
            if (decision.resultNotes.notes.length > 0)
              scope.bot.memory.notes.set(notesKey, decision.resultNotes.notes);
            else scope.bot.memory.notes.delete(notesKey);
          }
          withAudit ||= decision?.withAudit === true;
          decided.push(queued);
          decisions.push(decision);
        } catch (error) {
          queued.reject(error);
        }
      }
      if (decided.length === 0) return;
      // a merged break-glass release: the audit record follows its post-review (reviewed, overdue)
      if (session.pull.mergeCommitSha && foldLedger(session.ledger)[BREAK_GLASS_STATE]?.checked)
        withAudit = true;
      const facts = await releaseFacts(scope, session);
      const projection = projectRelease({
        ...facts,
        ledger: session.ledger,
        secret,
        ledgerKey: session.ledgerKey,
        withAudit,
      });
      await writeProjection(scope, session, projection);
      scope.bot.metrics?.stepsWritten(decided.length);
      // a window opened (or closed) by this step: the cutover timer watches the PR from now on
      await noteCutover(scope, number, facts.checklist, projection.states, facts.config);
      // a window that opens later, a post-review reminder or escalation: the timer looks again then
      await noteGovernance(scope, number, projection.gates, Boolean(session.pull.mergeCommitSha));
      const explanations = new Set<string>();
      for (const decision of decisions)
        for (const line of decision?.explanations ?? []) explanations.add(line);
      replyInBurst(scope, session, [...explanations]);
      for (const queued of decided) {
        try {
          await queued.step.after?.({ session, projection, facts });
          queued.resolve();
        } catch (error) {
          queued.reject(error);
        }
      }
    });
  } catch (error) {
    for (const queued of steps) queued.reject(error); // settled ones ignore a second call
  }
}

/** One session for the batch: the freshest pull and comment, every extra ledger copy. */
function mergeOpenOptions(options: (OpenOptions | undefined)[]): OpenOptions {
  const merged: OpenOptions = {};
  const candidates: (string | undefined)[] = [];
  for (const open of options) {
    if (!open) continue;
    if (open.pull) merged.pull = open.pull;
    if (open.refreshPull) merged.refreshPull = true;
    if (open.refreshComment) merged.refreshComment = true;
    if (open.comment !== undefined) merged.comment = open.comment;
    candidates.push(...(open.candidates ?? []));
  }
  if (merged.refreshPull) delete merged.pull;
  return candidates.length > 0 ? { ...merged, candidates } : merged;
}
