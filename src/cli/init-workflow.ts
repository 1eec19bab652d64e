/**
 * The checks workflow `shipgate init` writes: a caller of shipgate's reusable two-job workflow
 * (docs/security.md), so the PR's build and app run in a job without credentials and the evidence
 * is published by a job that runs no code of the PR. The measure job installs with the command the
 * repository's lockfile implies.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPGATE_REUSABLE_WORKFLOW } from '../core/evidence/workflow-identity.js';

export const CHECKS_WORKFLOW_FILE = 'shipgate.yml';
export const CHECKS_WORKFLOW_PATH = `.github/workflows/${CHECKS_WORKFLOW_FILE}`;

/** The install command for the measure job, from the lockfile present (first match wins). */
export function installCommand(repoDir: string): { command: string; why: string } {
  const has = (name: string) => existsSync(join(repoDir, name));
  if (has('package-lock.json') || has('npm-shrinkwrap.json'))
    return { command: 'npm ci', why: 'package-lock.json' };
  if (has('pnpm-lock.yaml'))
    return { command: 'corepack enable && pnpm install --frozen-lockfile', why: 'pnpm-lock.yaml' };
  if (has('yarn.lock'))
    return {
      command: 'corepack enable && yarn install --immutable || yarn install --frozen-lockfile',
      why: 'yarn.lock',
    };
  if (has('bun.lockb') || has('bun.lock'))
    return { command: 'npx --yes bun install --frozen-lockfile', why: 'bun.lock' };
  if (has('package.json')) return { command: 'npm install', why: 'package.json without a lockfile' };
  return { command: 'true', why: 'no package.json: nothing to install' };
}

export function renderChecksWorkflow(repoDir: string): string {
  const install = installCommand(repoDir);
  return `# Written by \`shipgate init\`: the release checklist's automated checks, in shipgate's reusable
# two-job workflow (docs/security.md). The \`measure\` job runs the PR's install, build and app with
# no credentials; the \`attest\` job runs no code of the PR, computes the repository checks itself
# (\`verified\`) and publishes the evidence with an OIDC token the bot verifies.
name: shipgate

on:
  pull_request:
    types: [opened, synchronize, reopened, ready_for_review]
  # The bot dispatches this workflow when results for a release PR's head never arrived.
  workflow_dispatch:
    inputs:
      sha:
        description: commit to check (the release PR's head)
        required: true

permissions:
  contents: read
  checks: write # the attest job publishes shipgate/checks
  id-token: write # the attest job's OIDC token vouches for the results
  pull-requests: read

concurrency:
  group: shipgate-\${{ github.event.pull_request.number || inputs.sha }}
  cancel-in-progress: true

jobs:
  shipgate:
    if: >-
      github.event_name == 'workflow_dispatch' ||
      startsWith(github.head_ref, 'release/') ||
      startsWith(github.head_ref, 'release-please--') ||
      startsWith(github.head_ref, 'changeset-release/')
    uses: ${SHIPGATE_REUSABLE_WORKFLOW}@v1
    with:
      sha: \${{ inputs.sha || github.event.pull_request.head.sha }}
      install: ${JSON.stringify(install.command)} # from ${install.why}
    secrets: inherit # for the env-secrets items, checked in the attest job only
`;
}
