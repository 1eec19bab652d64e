/**
 * Every handler's one path for a release PR: parse the payload (events/) → open the PR session
 * → read (what the decision needs: permissions, changed files, evidence) → decide (plain data:
 * ledger events, replies, effects) → project (core/gate/projection.ts) → write (publish.ts, the
 * only writer) → perform the effects (step-effects.ts) → after.
 * Steps for the same PR that arrive together run in one session under the PR's lease and are
 * written once (runtime/write-coalescer.ts).
 */
import { projectRelease, type ReleaseFacts, type ReleaseProjection } from '../../core/gate/projection.js';
import { appendEvents, BREAK_GLASS_STATE, foldLedger, type LedgerEvent } from '../../core/ledger/ledger.js';
import { saveReadings, type WindowReadings } from '../cutover/cutover-readings.js';
import { noteCutover } from '../cutover/cutover-watch.js';
import { type Bot, type EventScope, prKey } from '../runtime/bot.js';
import { WriteCoalescer } from '../runtime/write-coalescer.js';
import { releaseFacts, resultNotesKey } from './facts.js';
import { noteGovernance } from './governance-watch.js';
import { replyInBurst, writeProjection } from './publish.js';
import { type OpenOptions, openSession, type PrSession } from './session.js';
import {
  type EffectToDecideOn,
  type Performed,
  performAfterEffects,
  performBeforeDeciding,
  type StepEffect,
} from './step-effects.js';

export type { Performed, StepEffect } from './step-effects.js';

export interface StepDecision<Outcome = undefined> {
  /** Ledger events this step adds (signed when appended). */
  events?: readonly LedgerEvent[];
  /** Replaces the notes shown on a commit's check run (empty: clears them). */
  resultNotes?: { sha: string; notes: string[] };
  /** Why ticks were reverted: posted as one reply per burst on the PR. */
  explanations?: readonly string[];
  /** At the merge: the final `shipgate` run carries the signed audit record. */
  withAudit?: boolean;
  /** The cutover windows' last readings, saved before the write (the comment shows them). */
  saveReadings?: WindowReadings;
  /** Performed after the write, in order, still under the PR's lease (step-effects.ts). */
  effects?: readonly StepEffect[];
  /**
   * Performed before anything of this decision is kept: the step is decided again with its result
   * (`performed`), e.g. a rollback opens its incident first so the ledger event names it.
   */
  performFirst?: EffectToDecideOn;
  /** What the step decided, handed back to the caller of runPrStep (follow-up steps). */
  outcome?: Outcome;
}

export interface StepDone<Outcome = undefined> {
  session: PrSession;
  projection: ReleaseProjection;
  facts: ReleaseFacts;
  /** The step's decision's outcome (undefined when it decided nothing). */
  outcome: Outcome | undefined;
}

/**
 * One step on a PR. `read` does the look-ups (GitHub reads, caches) the decision needs; `decide`
 * is synchronous and only decides: from the session and what was read it returns plain data, and
 * performs no I/O and changes nothing outside itself (the structure test reads every decide).
 */
export interface PrStep<Read = undefined, Outcome = undefined> {
  open?: OpenOptions;
  /** A person's toggle: may wait a moment to be written together with others on this PR. */
  coalesce?: boolean;
  /** Under the PR's lease, before deciding: reads only (no GitHub writes). */
  read?(session: PrSession): Promise<Read>;
  /** Plain data in, plain data out. `performed`: the results of the decision's `performFirst`. */
  decide?(session: PrSession, read: Read, performed: Performed): StepDecision<Outcome> | undefined;
  /** After the write and the effects, still under the PR's lease (e.g. what else remembers the step). */
  after?(done: StepDone<Outcome>): Promise<void> | void;
}

interface QueuedStep {
  scope: EventScope;
  // biome-ignore lint/suspicious/noExplicitAny: steps of any read/outcome type share one batch
  step: PrStep<any, any>;
  resolve(outcome: unknown): void;
  reject(error: unknown): void;
}

const coalescers = new WeakMap<Bot, WriteCoalescer<QueuedStep>>();
function coalescerOf(bot: Bot): WriteCoalescer<QueuedStep> {
  let coalescer = coalescers.get(bot);
  if (!coalescer) {
    coalescer = new WriteCoalescer(bot.memory.writeWindowMs, bot.memory.writeClock);
    coalescers.set(bot, coalescer);
  }
  return coalescer;
}

/** How many steps of this bot wait for their PR's write window to end (not yet being written). */
export function stepsWaiting(bot: Bot): number {
  return coalescers.get(bot)?.waiting() ?? 0;
}

/** Steps of this bot waiting for their write window or being written: 0 when none is left. */
export function stepsBusy(bot: Bot): number {
  return coalescers.get(bot)?.busy() ?? 0;
}

/** Resolves when no step of this bot is waiting or being written. */
export function stepsIdle(bot: Bot): Promise<void> {
  return coalescers.get(bot)?.idle() ?? Promise.resolve();
}

/** Runs one step for PR `number`; resolves with its outcome once its decision is on GitHub. */
export function runPrStep<Read = undefined, Outcome = undefined>(
  scope: EventScope,
  number: number,
  step: PrStep<Read, Outcome>,
): Promise<Outcome | undefined> {
  const key = prKey(scope.gh, number);
  return new Promise<Outcome | undefined>((resolve, reject) => {
    coalescerOf(scope.bot).add(
      key,
      { scope, step, resolve: (outcome) => resolve(outcome as Outcome | undefined), reject },
      step.coalesce === true,
      (steps) => runSteps(key, number, steps),
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
      const decisions: (StepDecision<unknown> | undefined)[] = [];
      let withAudit = false;
      for (const queued of steps) {
        try {
          const decision = await decideStep(queued, session);
          if (decision?.events?.length)
            session.ledger = appendEvents(session.ledger, decision.events, session.ledgerKey);
          if (decision?.saveReadings) await saveReadings(scope.bot, session.key, decision.saveReadings);
          if (decision?.resultNotes) {
            const notesKey = resultNotesKey(session, decision.resultNotes.sha);
            if (decision.resultNotes.notes.length > 0)
              scope.bot.memory.pr.notes.set(notesKey, decision.resultNotes.notes);
            else scope.bot.memory.pr.notes.delete(notesKey);
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
      for (const [index, queued] of decided.entries()) {
        try {
          const decision = decisions[index];
          await performAfterEffects(queued.scope, number, decision?.effects ?? []);
          await queued.step.after?.({ session, projection, facts, outcome: decision?.outcome });
          queued.resolve(decision?.outcome);
        } catch (error) {
          queued.reject(error);
        }
      }
    });
  } catch (error) {
    for (const queued of steps) queued.reject(error); // settled ones ignore a second call
  }
}

/** Reads, decides, and — when the decision asks for it — performs its first effect and decides again. */
async function decideStep(
  queued: QueuedStep,
  session: PrSession,
): Promise<StepDecision<unknown> | undefined> {
  const { step, scope } = queued;
  if (!step.decide) return undefined;
  const read = await step.read?.(session);
  const decision = step.decide(session, read, {});
  if (!decision?.performFirst) return decision;
  const performed = await performBeforeDeciding(scope, decision.performFirst);
  const final = step.decide(session, read, performed);
  if (final?.performFirst) throw new Error('a step asked for a second effect before deciding');
  return final;
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
    if (open.deleted) merged.deleted = open.deleted;
    candidates.push(...(open.candidates ?? []));
  }
  if (merged.refreshPull) delete merged.pull;
  return candidates.length > 0 ? { ...merged, candidates } : merged;
}
