/**
 * The policy the Action measures with: the config and template of the DEFAULT branch, read through
 * the GitHub API exactly as the bot reads them (src/load/setup.ts `loadSetup`), never the PR's
 * checkout — a PR that loosens `limit="80 kB"` in its own copy would otherwise be measured with its
 * own limit. The bot refuses any result whose check or parameters differ from its policy anyway
 * (core/evidence/binding.ts); reading the same policy here makes honest runs match it.
 */
import { relative } from 'node:path';
import * as core from '@actions/core';
import type { GitHub } from '../github/types.js';
import { CONFIG_PATH } from '../load/load-config.js';
import { type RepoContext, readRepoFacts } from '../load/repo-context.js';
import { loadSetup } from '../load/setup.js';
import type { ActionInputs } from './inputs.js';
import { useDefaultBranchPolicyFiles } from './two-job.js';

/** The default branch's config or template is invalid: the bot fails the gate on it too. */
export class PolicyProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyProblem';
  }
}

/** Reads the default branch's definition; problems there fail the step (exit as the CLI's exit 2). */
export async function loadPolicyContext(
  gh: GitHub,
  inputs: ActionInputs,
  env: Record<string, string | undefined>,
  workspace: string,
): Promise<RepoContext & { policy: { ref: string; sha: string } }> {
  const { defaultBranch } = await gh.repository();
  const sha = (await gh.branchSha(defaultBranch)) ?? defaultBranch;
  // input paths are relative to the working directory; on GitHub, paths are from the repository root
  const inRepo = (path: string | undefined) => (path ? relative(workspace, path) : undefined);
  const setup = await loadSetup(
    gh,
    { ref: defaultBranch, sha },
    { configPath: inRepo(inputs.config) ?? CONFIG_PATH, templateOverride: inRepo(inputs.template) },
  );
  if (setup.problems.length > 0)
    throw new PolicyProblem(
      `the shipgate policy on ${defaultBranch} is invalid (the bot fails the gate on it too):\n${setup.problems.join('\n')}`,
    );
  core.info(
    `shipgate: policy (config and template) of ${defaultBranch} at ${sha.slice(0, 7)}, as the bot reads it`,
  );
  await useDefaultBranchPolicyFiles(
    gh,
    inputs.workingDirectory,
    relative(workspace, inputs.workingDirectory),
    sha,
  );
  return {
    repoDir: inputs.workingDirectory,
    config: setup.config,
    checklist: setup.checklist,
    ...readRepoFacts({ env }, inputs.workingDirectory),
    policy: setup.policy,
  };
}
