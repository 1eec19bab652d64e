/**
 * The two jobs of the checks workflow (docs/security.md), the way SLSA's builders keep the build
 * apart from the signer and GitHub Security Lab's "preventing pwn requests" hands untrusted output
 * to a privileged job as data:
 * - `measure` checks out the PR, installs, builds, starts its app and runs what needs the PR's code.
 *   It must hold no credential (no `id-token: write`, `persist-credentials: false`): the PR's code
 *   owns that job. It writes its results to a report file the workflow uploads as an artifact.
 * - `attest` runs no code the PR controls: it runs the repository checks itself on the PR's files,
 *   takes the measure job's report as untrusted input (validated, kept only for the items measure
 *   runs, marked `reported`) and publishes the evidence with the OIDC token.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { LHCI_RC_FILES } from '../../checks/lib/lighthouse/lhci-files.js';
import { ALLOWLIST_FILES } from '../../checks/lib/secrets/allowlist.js';
import { GITLEAKS_CONFIG_FILE } from '../../checks/lib/secrets/gitleaks-config.js';
import { MeasureReportSchema, toMeasureReport } from '../core/evidence/evidence.js';
import type { ItemResult, Phase } from '../core/template/model.js';
import type { GitHub } from '../github/types.js';

/** Why this job may not be the measure job: it holds a credential the PR's code would get. */
export function measureJobProblems(env: Record<string, string | undefined>, repoDir: string): string[] {
  const problems: string[] = [];
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL || env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    problems.push(
      "the measure job can request OIDC tokens (`permissions: id-token: write`): the PR's build could mint one for forged evidence; give id-token: write to the attest job only",
    );
  const persisted = persistedGitCredentials(repoDir);
  if (persisted.length > 0)
    problems.push(
      `the checkout keeps the job token in its git config (${persisted.join(', ')}): the PR's code can read it; check out with \`persist-credentials: false\``,
    );
  return problems;
}

/** Config keys under which actions/checkout persists the token (`http.<url>.extraheader`, includes too). */
function persistedGitCredentials(repoDir: string): string[] {
  try {
    const out = execFileSync(
      'git',
      ['config', '--includes', '--name-only', '--get-regexp', '^http\\..*\\.extraheader$'],
      {
        cwd: repoDir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    return out.split('\n').filter(Boolean);
  } catch {
    return []; // exit 1: no such key (or not a repository)
  }
}

/** Writes the measure job's report for the workflow to upload. */
export function writeMeasureReport(
  path: string,
  sha: string,
  phase: Phase,
  results: readonly ItemResult[],
): void {
  writeFileSync(path, `${JSON.stringify(toMeasureReport(sha, phase, results), null, 2)}\n`);
}

export type MeasuredIntake =
  | { results: ItemResult[]; problem?: undefined }
  | { results: []; problem: string };

/**
 * Reads the measure job's report as untrusted input: validated, for this commit and phase, only the
 * items `measured` names (what the measure job runs); every result `reported`. A missing or bad
 * report is a problem the caller turns into an error result per item, never a pass.
 */
export function readMeasureReport(
  path: string,
  expected: { sha: string; phase: Phase; measured: ReadonlyMap<string, string> },
): MeasuredIntake {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      results: [],
      problem: missing
        ? `no measure report at ${path}: download the measure job's artifact before this step`
        : `the measure report ${path} is not valid JSON`,
    };
  }
  const parsed = MeasureReportSchema.safeParse(json);
  if (!parsed.success)
    return {
      results: [],
      problem: `the measure report is malformed: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message ?? ''}`,
    };
  const report = parsed.data;
  if (report.sha !== expected.sha)
    return {
      results: [],
      problem: `the measure report is for ${report.sha.slice(0, 7)}, not ${expected.sha.slice(0, 7)}`,
    };
  if (report.phase !== expected.phase)
    return {
      results: [],
      problem: `the measure report holds ${report.phase} results, not ${expected.phase}`,
    };
  const results: ItemResult[] = [];
  for (const result of report.results) {
    const text = expected.measured.get(result.item);
    if (text === undefined) continue; // not an item the measure job runs: the attesting job judged it
    results.push({ ...result, text, how: 'reported' });
  }
  return { results };
}

/** An error result for each measured item when the report could not be used (fails closed). */
export function unmeasured(
  items: readonly { id: string; text: string; check: string; params: ItemResult['params'] }[],
  problem: string,
): ItemResult[] {
  return items.map((item) => ({
    item: item.id,
    text: item.text,
    check: item.check,
    ...(item.params ? { params: item.params } : {}),
    status: 'error',
    summary: problem.slice(0, 300),
    findings: [],
    how: 'reported',
  }));
}

/**
 * Policy files the checks read from the repository: the secrets allow-lists, and the Lighthouse CI
 * configs (their assertions are budgets; a `lighthouserc.js` is code lhci would run).
 */
export const POLICY_FILES = [...ALLOWLIST_FILES, GITLEAKS_CONFIG_FILE, ...LHCI_RC_FILES] as const;

/**
 * Allow-lists and budgets are policy, not data: a PR that adds `**` to `.shipgate-allowlist` would
 * silence the secrets check it is judged by, and its own `lighthouserc.js` would run in the
 * attesting job. The checkout's copies are replaced with the default branch's (removed where the
 * default branch has none) before the checks read them.
 */
export async function useDefaultBranchPolicyFiles(
  gh: GitHub,
  repoDir: string,
  /** The checked directory as a repository path ('' at the root). */
  repoPath: string,
  ref: string,
): Promise<string[]> {
  // reads only (GitHub's concurrency advice is about writes): one round trip instead of thirteen
  const policies = await Promise.all(
    POLICY_FILES.map((name) => gh.readFile(repoPath ? `${repoPath}/${name}` : name, ref)),
  );
  const replaced: string[] = [];
  for (const [index, name] of POLICY_FILES.entries()) {
    const path = join(repoDir, name);
    const policy = policies[index];
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === policy) continue;
    if (policy === undefined) rmSync(path, { force: true });
    else writeFileSync(path, policy);
    replaced.push(name);
  }
  if (replaced.length > 0)
    core.warning(
      `shipgate: ${replaced.join(', ')} differ from ${ref}'s; the default branch's are used (allow-lists and budgets are policy: a pull request cannot loosen its own)`,
    );
  return replaced;
}
