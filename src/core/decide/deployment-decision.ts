import { escapeInline } from '../escape.js';
import type { GateDecision } from '../gate/gate.js';

/** A release PR the deployed commit belongs to (its head, or its merge commit), with its pre-merge gate. */
export interface DeploymentCandidate {
  number: number;
  gate: GateDecision;
}

export interface DeploymentInput {
  environment: string;
  /** Environments shipgate gates (config `deploymentProtection.environments`). */
  protectedEnvironments: readonly string[];
  sha: string;
  candidates: readonly DeploymentCandidate[];
  /** Config or template problems: the gate fails closed. */
  problems?: readonly string[];
}

export type DeploymentDecision =
  | { state: 'approved'; comment: string; pr?: number }
  | { state: 'rejected'; comment: string; pr?: number };

const MAX_CALLBACK_COMMENT = 1000;

/**
 * Approves a deployment only when the commit belongs to a release PR whose pre-merge gate is
 * complete (every required item and every sign-off done). Unprotected environments pass through.
 */
export function decideDeployment(input: DeploymentInput): DeploymentDecision {
  const short = input.sha.slice(0, 7);
  const env = escapeInline(input.environment, 100);
  const protectedEnv = input.protectedEnvironments.some(
    (name) => name.toLowerCase() === input.environment.toLowerCase(),
  );
  if (!protectedEnv) return { state: 'approved', comment: `shipgate does not gate the ${env} environment` };
  if (input.problems && input.problems.length > 0)
    return {
      state: 'rejected',
      comment: cut(`shipgate configuration is invalid: ${escapeInline(input.problems[0] ?? '', 300)}`),
    };
  const complete = input.candidates.find((candidate) => candidate.gate.conclusion === 'success');
  if (complete)
    return {
      state: 'approved',
      comment: cut(
        `release PR #${complete.number} has a complete shipgate gate for ${short}: ${complete.gate.summary}`,
      ),
      pr: complete.number,
    };
  const first = input.candidates[0];
  if (!first)
    return { state: 'rejected', comment: `no release PR with a complete shipgate gate for ${short}` };
  return {
    state: 'rejected',
    comment: cut(`release PR #${first.number} is not ready for ${env} (${short}): ${first.gate.summary}`),
    pr: first.number,
  };
}

function cut(text: string): string {
  return text.length > MAX_CALLBACK_COMMENT ? `${text.slice(0, MAX_CALLBACK_COMMENT - 1)}…` : text;
}
