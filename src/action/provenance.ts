/**
 * The Action's half of provenance (src/core/evidence/provenance.ts): an ID token from GitHub
 * Actions' OIDC provider whose audience is the digest of the evidence text. The job needs
 * `permissions: id-token: write`; without it the results are still published (people read them),
 * but the bot refuses them and says why.
 */
import * as core from '@actions/core';
import { attachProvenance, evidenceAudience } from '../core/evidence/provenance.js';
import type { CheckRunWrite } from '../github/types.js';

export async function withProvenance(
  run: CheckRunWrite,
  env: Record<string, string | undefined>,
): Promise<CheckRunWrite> {
  const text = run.text ?? '';
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    core.warning(
      'shipgate: no GitHub OIDC token available, so the bot cannot verify which workflow produced these results and will not tick them: give the job `permissions: id-token: write`',
    );
    return run;
  }
  try {
    const token = await core.getIDToken(evidenceAudience(text));
    return { ...run, text: attachProvenance(text, token) };
  } catch (error) {
    core.warning(
      `shipgate: could not get a GitHub OIDC token (${(error as Error).message}); the bot will not tick these results`,
    );
    return run;
  }
}
