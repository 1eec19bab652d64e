import { z } from 'zod';

/** The parts of the workflow event payloads the Action reads; validated, since they are outside data. */
const Sha = z.string().regex(/^[0-9a-f]{7,64}$/);
const PullRequestPayload = z.object({
  pull_request: z.object({
    number: z.number().int(),
    title: z.string().optional(),
    head: z.object({ sha: Sha, ref: z.string().optional() }),
    // a release bot's PR names its version in its body (src/core/release/release-bots.ts)
    body: z.string().nullable().optional(),
    labels: z.array(z.object({ name: z.string() })).optional(),
  }),
});
/** The bot dispatches the checks workflow with the commit to check when results never arrived. */
const DispatchPayload = z.object({ inputs: z.object({ sha: Sha }) });
/** Post-deploy checks run against the deployed environment on `deployment_status`. */
const DeploymentStatusPayload = z.object({
  deployment: z.object({ sha: Sha, environment: z.string().optional() }),
  deployment_status: z.object({
    state: z.string(),
    environment_url: z.string().optional(),
    target_url: z.string().optional(),
  }),
});
const MergeGroupPayload = z.object({ merge_group: z.object({ head_sha: Sha }) });

export interface RunEvent {
  /** The commit the results belong to: the PR head (not the merge commit GITHUB_SHA points at). */
  headSha?: string;
  pullRequest?: { number: number; title?: string; headRef?: string; body?: string; labels?: string[] };
  owner?: string;
  repo?: string;
  /** Results are published as a check run only for commits the bot can tie to a release. */
  publishable?: boolean;
  /** The deployed environment's URL (deployment_status), the default target for post-deploy checks. */
  deploymentUrl?: string;
}

/** Reads the commit, PR and repository from the event payload and GITHUB_* variables. */
export function readRunEvent(payload: unknown, env: Record<string, string | undefined>): RunEvent {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const base = { owner: owner || undefined, repo: repo || undefined };
  const pr = PullRequestPayload.safeParse(payload);
  if (pr.success) {
    const pull = pr.data.pull_request;
    return {
      ...base,
      headSha: pull.head.sha,
      pullRequest: {
        number: pull.number,
        title: pull.title,
        headRef: pull.head.ref,
        ...(pull.body ? { body: pull.body } : {}),
        ...(pull.labels?.length ? { labels: pull.labels.map((label) => label.name) } : {}),
      },
      publishable: true,
    };
  }
  const dispatch = DispatchPayload.safeParse(payload);
  if (dispatch.success) return { ...base, headSha: dispatch.data.inputs.sha, publishable: true };
  const deployment = DeploymentStatusPayload.safeParse(payload);
  if (deployment.success) {
    const status = deployment.data.deployment_status;
    const url = status.environment_url || status.target_url;
    return {
      ...base,
      headSha: deployment.data.deployment.sha,
      publishable: true,
      ...(url && URL.canParse(url) && /^https?:/.test(url) ? { deploymentUrl: url } : {}),
    };
  }
  const group = MergeGroupPayload.safeParse(payload);
  if (group.success) return { ...base, headSha: group.data.merge_group.head_sha, publishable: true };
  return { ...base, headSha: env.GITHUB_SHA || undefined };
}
