/**
 * Provenance of the Action's results from facts GitHub sets, never from fields a workflow writes.
 * The Action asks GitHub Actions' OIDC provider for an ID token whose audience is a digest of the
 * evidence it publishes; the token is signed by the issuer and carries the repository, the ref and
 * commit the run checked out and the workflow file that ran (`workflow_ref`). The bot verifies the
 * signature against the issuer's JWKS and reads those claims: `details_url` and `external_id` of a
 * check run are either replaced by GitHub or written by whoever created the run, and prove nothing.
 * Docs: https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** github.com's issuer; GHES: `https://<host>/_services/token`. */
export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';
const AUDIENCE_PREFIX = 'shipgate-evidence:';
const MARKER = /\n?<!-- shipgate:provenance ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) -->\n?/;

/** The audience the Action requests: binds the token to exactly this evidence text. */
export function evidenceAudience(evidenceText: string): string {
  return AUDIENCE_PREFIX + createHash('sha256').update(evidenceText, 'utf8').digest('base64url');
}

/** The check run's output.text: the evidence, then the ID token that vouches for it. */
export function attachProvenance(evidenceText: string, token: string): string {
  return `${evidenceText}\n<!-- shipgate:provenance ${token} -->\n`;
}

/** Splits output.text into the evidence text (as it was digested) and the token, if any. */
export function splitProvenance(text: string): { evidenceText: string; token?: string } {
  const match = MARKER.exec(text);
  if (!match?.[1]) return { evidenceText: text };
  return {
    evidenceText: text.slice(0, match.index) + text.slice(match.index + match[0].length),
    token: match[1],
  };
}

/** The claims shipgate relies on (GitHub documents more). */
export const ActionsClaims = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  iat: z.number(),
  repository: z.string(),
  repository_id: z.string().optional(),
  ref: z.string(),
  sha: z.string(),
  run_id: z.string(),
  event_name: z.string(),
  /** `owner/repo/.github/workflows/x.yml@refs/…`: the workflow file that ran. */
  workflow_ref: z.string(),
  /** The workflow file whose job ran: a reusable workflow's, else the same as `workflow_ref`. */
  job_workflow_ref: z.string().optional(),
  job_workflow_sha: z.string().optional(),
  run_attempt: z.string().optional(),
});
export type ActionsClaims = z.infer<typeof ActionsClaims>;

/** A token verified by the adapter (src/bot/pr/id-token.ts, with jose), or why it was not. */
export type TokenCheck = { ok: true; claims: ActionsClaims } | { ok: false; reason: string };

/** The workflow file of `workflow_ref` (`owner/repo/.github/workflows/x.yml@ref`) when it is this repository's. */
export function workflowPathOf(claims: ActionsClaims): string | undefined {
  const at = claims.workflow_ref.lastIndexOf('@');
  const ref = at > 0 ? claims.workflow_ref.slice(0, at) : claims.workflow_ref;
  const prefix = `${claims.repository}/`;
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}
