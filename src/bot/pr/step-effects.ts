/**
 * The effects a step's decision names, performed by the step runner (run-step.ts) through the one
 * writer (publish.ts) and the stores: a step's `decide` returns them as plain data and performs
 * none itself.
 */
import { escapeInline } from '../../core/escape.js';
import { statusOf } from '../../github/client.js';
import { LeaseLost } from '../../scale/coordinator.js';
import type { EventScope } from '../runtime/bot.js';
import { dispatchWorkflow, draftRevertPull, noteOnIncident, openIncident, reply } from './publish.js';

/** Performed before a decision is kept; the step is decided again with the result. */
export type EffectToDecideOn =
  /** A rollback's incident issue: its number goes into the rollback's ledger event. */
  | { kind: 'open-incident'; issue: { title: string; body: string; labels: string[] } }
  /** The checks workflow (missing results): GitHub's refusal is shown in the check run's notes. */
  | {
      kind: 'dispatch-checks';
      file: string;
      ref: string;
      inputs: Record<string, string>;
      /** Remembered as dispatched (this process and, under `key`, every replica), refused or not. */
      once: { owner: string; repo: string; sha: string; key: string };
    };

/** What a `performFirst` effect returned, passed to the step's second `decide`. */
export interface Performed {
  /** The incident issue opened. */
  incident?: number;
  /** The checks workflow dispatched: `error` says why GitHub refused. */
  dispatched?: { error?: string };
}

/** Performed after the write, in order, under the PR's lease. */
export type StepEffect =
  /** A reply on the PR. */
  | { kind: 'reply'; body: string }
  /**
   * The revert of a merged release, drafted after the rollback is recorded (a failure never
   * blocks it); `announce` is replied on the PR completed with the draft's number or the failure.
   */
  | {
      kind: 'draft-revert';
      revert: {
        mergeSha: string;
        branch: string;
        base: string;
        title: string;
        body: string;
        message: string;
      };
      incident: number;
      announce: string;
    }
  /** A workflow dispatched once (the rollback workflow); a failure is logged, not thrown. */
  | { kind: 'dispatch-workflow'; file: string; ref: string; inputs: Record<string, string>; why: string };

export async function performBeforeDeciding(scope: EventScope, effect: EffectToDecideOn): Promise<Performed> {
  switch (effect.kind) {
    case 'open-incident':
      return { incident: await openIncident(scope, effect.issue) };
    case 'dispatch-checks': {
      let error: string | undefined;
      try {
        await dispatchWorkflow(scope, effect.file, effect.ref, effect.inputs);
      } catch (caught) {
        if (caught instanceof LeaseLost) throw caught; // another replica holds the PR: it decides
        error = `${statusOf(caught) ?? 'error'} ${caught instanceof Error ? caught.message : String(caught)}`;
      }
      const { once } = effect;
      scope.bot.memory.watch.awaitingResults.markDispatched(once.owner, once.repo, once.sha);
      await scope.bot.memory.coordinator.remember(once.key, scope.bot.now().toISOString(), 7 * 86_400);
      return { dispatched: error === undefined ? {} : { error } };
    }
  }
}

export async function performAfterEffects(
  scope: EventScope,
  number: number,
  effects: readonly StepEffect[],
): Promise<void> {
  for (const effect of effects) {
    switch (effect.kind) {
      case 'reply':
        await reply(scope, number, effect.body);
        break;
      case 'draft-revert': {
        let announce = effect.announce;
        try {
          const drafted = await draftRevertPull(scope, effect.revert);
          announce += `\n\nRevert drafted: #${drafted.number} (draft pull request with the rollback steps).`;
          await noteOnIncident(
            scope,
            effect.incident,
            `Revert drafted: #${drafted.number} reverts the release's merge commit \`${effect.revert.mergeSha.slice(0, 7)}\`, with the rollback steps as its checklist.`,
          );
          scope.log.warn({ pr: number, revert: drafted.number }, 'revert pull request drafted');
        } catch (error) {
          scope.log.error({ pr: number, err: (error as Error).message }, 'revert pull request not drafted');
          announce += `\n\n⚠️ The revert pull request could not be drafted: ${escapeInline((error as Error).message, 200)}`;
        }
        await reply(scope, number, announce);
        break;
      }
      case 'dispatch-workflow':
        try {
          await dispatchWorkflow(scope, effect.file, effect.ref, effect.inputs);
          scope.log.warn({ workflow: effect.file, ...effect.inputs }, `${effect.why} dispatched`);
        } catch (error) {
          scope.log.error(
            { workflow: effect.file, err: (error as Error).message },
            `${effect.why} dispatch failed`,
          );
        }
        break;
    }
  }
}
