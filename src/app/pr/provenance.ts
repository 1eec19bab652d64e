/**
 * Reads what the pure judge needs to trust results (core/evidence/provenance.ts): the issuer's
 * keys, the verified ID token, and whether the workflow file that ran equals the default branch's
 * (compared by content at both commits, not by a PR file list GitHub caps at 3,000 files).
 */
import type { JsonWebKey } from 'node:crypto';
import { z } from 'zod';
import type { EvidenceSource } from '../../core/evidence/judge-evidence.js';
import { workflowFileName } from '../../core/evidence/missing-results.js';
import {
  evidenceAudience,
  splitProvenance,
  verifyIdToken,
  workflowPathOf,
} from '../../core/evidence/provenance.js';
import type { EventScope } from '../runtime/bot.js';
import { repositoryOf } from './repository.js';
import type { PrSession } from './session.js';

const Jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });
const JWKS_TIMEOUT_MS = 10_000;

/** The issuer's signing keys (`<issuer>/.well-known/jwks`), cached for an hour. */
async function issuerKeys(scope: EventScope, refresh = false): Promise<JsonWebKey[]> {
  const issuer = scope.bot.oidcIssuer.replace(/\/+$/, '');
  const load = async () => {
    const response = await fetch(`${issuer}/.well-known/jwks`, {
      signal: AbortSignal.timeout(JWKS_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`${issuer}/.well-known/jwks answered HTTP ${response.status}`);
    return Jwks.parse(await response.json()).keys as JsonWebKey[];
  };
  if (refresh) {
    const keys = await load();
    scope.bot.memory.issuerKeys.set(issuer, keys);
    return keys;
  }
  return scope.bot.memory.issuerKeys.getOrLoad(issuer, load);
}

async function fileAt(scope: EventScope, path: string, ref: string): Promise<string | undefined> {
  const { owner, repo } = scope.gh.repo;
  const key = `${owner}/${repo}@${ref}:${path}`;
  const cached = scope.bot.memory.files.get(key);
  if (cached !== undefined) return cached;
  const text = await scope.gh.readFile(path, ref);
  // a commit's file never changes; the default branch's is re-read after the cache TTL
  if (text !== undefined) scope.bot.memory.files.set(key, text);
  return text;
}

/** The facts about one `shipgate/checks` run, for judgeEvidence. */
export async function evidenceSource(
  scope: EventScope,
  session: PrSession,
  run: { appSlug: string | undefined; headSha: string; text: string | null | undefined },
  expected: { sha: string; pullNumber?: number },
): Promise<EvidenceSource> {
  const { evidenceText, token } = splitProvenance(run.text ?? '');
  const { owner, repo } = scope.gh.repo;
  const workflow = session.setup.config.checksWorkflow;
  const base = {
    appSlug: run.appSlug,
    runSha: run.headSha,
    expectedSha: expected.sha,
    repo: `${owner}/${repo}`,
    ...(expected.pullNumber === undefined ? {} : { pullNumber: expected.pullNumber }),
    ...(workflow ? { requiredWorkflow: `.github/workflows/${workflowFileName(workflow.file)}` } : {}),
    text: evidenceText,
  };
  if (!token) return { ...base, token: undefined, workflowFile: undefined };
  const expect = {
    issuer: scope.bot.oidcIssuer.replace(/\/+$/, ''),
    audience: evidenceAudience(evidenceText),
  };
  let check = verifyIdToken(token, await issuerKeys(scope), expect);
  // keys rotate: an unknown key id gets one fresh look at the JWKS
  if (!check.ok && check.reason.includes('not signed by'))
    check = verifyIdToken(token, await issuerKeys(scope, true), expect);
  if (!check.ok) return { ...base, token: check, workflowFile: undefined };
  const path = workflowPathOf(check.claims);
  if (!path) return { ...base, token: check, workflowFile: undefined };
  const [ran, policy] = await Promise.all([
    fileAt(scope, path, check.claims.sha),
    repositoryOf(scope).then(({ defaultBranch }) => fileAt(scope, path, defaultBranch)),
  ]);
  const workflowFile =
    policy === undefined
      ? 'not-on-default-branch'
      : ran === undefined
        ? undefined
        : ran === policy
          ? 'same'
          : 'changed';
  return { ...base, token: check, workflowFile };
}
