import { z } from 'zod';
import { toPull } from '../../github/client.js';
import type { PullInfo, RepoRef } from '../../github/types.js';

/** The parts of webhook payloads the bot reads, validated at the boundary. */
const User = z.object({ login: z.string(), type: z.string().optional() });
const Repository = z.object({
  name: z.string(),
  owner: z.object({ login: z.string() }),
  id: z.number().optional(),
  default_branch: z.string().optional(),
});
const Installation = z.object({ id: z.number() }).optional();

export const Envelope = z.object({
  action: z.string().optional(),
  repository: Repository,
  installation: Installation,
  sender: User,
});

const Pull = z.object({
  number: z.number(),
  title: z.string(),
  state: z.string(),
  draft: z.boolean().optional(),
  body: z.string().nullable().optional(),
  merged: z.boolean().nullable().optional(),
  merged_at: z.string().nullable().optional(),
  created_at: z.string().optional(),
  merge_commit_sha: z.string().nullable().optional(),
  user: User.nullable(),
  labels: z.array(z.object({ name: z.string().optional() })).default([]),
  head: z.object({ sha: z.string(), ref: z.string() }),
  base: z.object({ ref: z.string(), sha: z.string() }),
});

export const PullRequestPayload = Envelope.extend({
  pull_request: Pull,
  /** `synchronize`: the old and new head (the bot compares them to see what the push changed). */
  before: z.string().optional(),
  after: z.string().optional(),
});

const Comment = z.object({ id: z.number(), body: z.string().nullable().default(''), user: User.nullable() });

export const IssueCommentPayload = Envelope.extend({
  issue: z.object({ number: z.number(), pull_request: z.object({}).passthrough().optional() }),
  comment: Comment,
  changes: z.object({ body: z.object({ from: z.string() }).optional() }).optional(),
});

/** `pull_request_review.submitted`: an approving review by a role member is that role's sign-off. */
export const PullRequestReviewPayload = Envelope.extend({
  review: z.object({
    state: z.string(),
    user: User.nullable(),
    commit_id: z.string().nullable().optional(),
  }),
  pull_request: Pull,
});

export const CheckRunPayload = Envelope.extend({
  check_run: z.object({
    id: z.number(),
    name: z.string(),
    head_sha: z.string(),
    status: z.string(),
    details_url: z.string().nullable().optional(),
    external_id: z.string().nullable().optional(),
    app: z.object({ id: z.number().optional(), slug: z.string().optional() }).nullable().optional(),
    output: z.object({ text: z.string().nullable().optional() }).optional(),
    check_suite: z.object({ head_branch: z.string().nullable().optional() }).passthrough().optional(),
    pull_requests: z.array(z.object({ number: z.number() })).default([]),
  }),
  requested_action: z.object({ identifier: z.string() }).optional(),
});

export const MergeGroupPayload = Envelope.extend({
  merge_group: z.object({ head_sha: z.string(), head_ref: z.string(), base_ref: z.string() }),
});

const WithDefaultBranch = Repository.extend({ default_branch: z.string().optional() });

/** `deployment_protection_rule.requested`: a custom protection rule waits for our answer. */
export const DeploymentProtectionRulePayload = Envelope.extend({
  repository: WithDefaultBranch,
  environment: z.string(),
  // GitHub may send the commit only at the top level (`sha`, `ref`) with a `deployment` that has no
  // `sha` (@octokit/webhooks-schemas deployment_protection_rule$requested; real-github.md).
  sha: z.string().optional(),
  deployment_callback_url: z.string(),
  deployment: z
    .object({ sha: z.string().optional(), environment: z.string().optional() })
    .nullable()
    .optional(),
});

export const DeploymentStatusPayload = Envelope.extend({
  repository: WithDefaultBranch,
  deployment: z.object({ sha: z.string(), environment: z.string().optional() }),
  deployment_status: z.object({
    state: z.string(),
    environment: z.string().optional(),
    environment_url: z.string().nullable().optional(),
  }),
});

/** The run id in a `deployment_callback_url` (`…/actions/runs/123/deployment_protection_rule`). */
export function runIdFromCallback(url: string): number | undefined {
  const match = /\/actions\/runs\/(\d+)\/deployment_protection_rule\/?$/.exec(url);
  return match?.[1] ? Number(match[1]) : undefined;
}

export function repoOf(envelope: z.infer<typeof Envelope>): RepoRef {
  return { owner: envelope.repository.owner.login, repo: envelope.repository.name };
}

export function pullOf(payload: z.infer<typeof PullRequestPayload>): PullInfo {
  return toPull(payload.pull_request);
}

/** `gh-readonly-queue/main/pr-12-<sha>` → 12. */
export function pullFromMergeQueueRef(ref: string): number | undefined {
  const match = /gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]+$/.exec(ref);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** The workflow run id in a check run's details URL (`…/actions/runs/123/job/456`). */
export function runIdFrom(
  detailsUrl: string | null | undefined,
  externalId?: string | null,
): number | undefined {
  const match = /\/actions\/runs\/(\d+)/.exec(detailsUrl ?? '') ?? /^(?:run:)?(\d+)$/.exec(externalId ?? '');
  return match?.[1] ? Number(match[1]) : undefined;
}
