import { z } from 'zod';

/** The part of the workflow event payload the Action reads; validated, since it is outside data. */
const PullRequestPayload = z.object({
  pull_request: z.object({
    number: z.number().int(),
    title: z.string().optional(),
    head: z.object({ sha: z.string().regex(/^[0-9a-f]{7,64}$/), ref: z.string().optional() }),
  }),
});

export interface RunEvent {
  /** The commit the results belong to: the PR head (not the merge commit GITHUB_SHA points at). */
  headSha?: string;
  pullRequest?: { number: number; title?: string; headRef?: string };
  owner?: string;
  repo?: string;
}

/** Reads the PR (if any), head SHA and repository from the event payload and GITHUB_* variables. */
export function readRunEvent(payload: unknown, env: Record<string, string | undefined>): RunEvent {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const pr = PullRequestPayload.safeParse(payload);
  const base = { owner: owner || undefined, repo: repo || undefined };
  if (!pr.success) return { ...base, headSha: env.GITHUB_SHA || undefined };
  const pull = pr.data.pull_request;
  return {
    ...base,
    headSha: pull.head.sha,
    pullRequest: { number: pull.number, title: pull.title, headRef: pull.head.ref },
  };
}
