/**
 * The checks workflow `shipgate init` writes, always in two jobs (docs/security.md): the PR's
 * install, build and app run in a `measure` job without credentials; the evidence is published by
 * an `attest` job that runs no code of the PR. A JavaScript app with no services gets a caller of
 * shipgate's reusable workflow. An app that needs services (PostgreSQL, MySQL, Redis, MongoDB) or
 * another runtime gets the two jobs inline — a job that `uses:` a reusable workflow cannot declare
 * `services:` — with the services and the variables pointing the app at them on the measure job
 * only; the config then names that file as the attesting workflow (`checksWorkflow.uses`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceNeed } from '../../checks/lib/detect/services.js';
import type { StackFacts } from '../../checks/lib/detect/stack.js';
import { SHIPGATE_REUSABLE_WORKFLOW } from '../core/evidence/workflow-identity.js';
import { runtimeSteps, serviceJobLines, serviceVariableNames } from './workflow-services.js';

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

/** Whether init writes the two jobs inline (services or another runtime) instead of the reusable caller. */
export function needsInlineJobs(stack: StackFacts, services: readonly ServiceNeed[]): boolean {
  return services.length > 0 || runtimeSteps(stack).length > 0;
}

const HEADER = `# Written by \`shipgate init\`: the release checklist's automated checks in two jobs
# (docs/security.md). The \`measure\` job runs the PR's install, build and app with no credentials;
# the \`attest\` job runs no code of the PR, computes the repository checks itself (\`verified\`)
# and publishes the evidence with an OIDC token the bot verifies.
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
`;

const RELEASE_IF = `>-
      github.event_name == 'workflow_dispatch' ||
      startsWith(github.head_ref, 'release/') ||
      startsWith(github.head_ref, 'release-please--') ||
      startsWith(github.head_ref, 'changeset-release/')`;

/** The PR head (not the merge commit): results belong to the commit the bot gates. */
const HEAD = `\${{ inputs.sha || github.event.pull_request.head.sha }}`;

export function renderChecksWorkflow(
  repoDir: string,
  stack: StackFacts,
  services: readonly ServiceNeed[] = [],
): string {
  const install = installCommand(repoDir);
  if (!needsInlineJobs(stack, services))
    return `${HEADER}
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
    if: ${RELEASE_IF}
    uses: ${SHIPGATE_REUSABLE_WORKFLOW}@v1
    with:
      sha: ${HEAD}
      install: ${JSON.stringify(install.command)} # from ${install.why}
    secrets: inherit # for the env-secrets items, checked in the attest job only
`;
  const runtime = runtimeSteps(stack);
  const setup =
    runtime.length > 0
      ? runtime
      : [
          '      - uses: actions/setup-node@v4',
          "        with: { node-version: '20' }",
          `      - run: ${install.command} # from ${install.why}`,
        ];
  const variables = serviceVariableNames(services);
  return `${HEADER}
# Each job declares what it needs; nothing else is granted.
permissions: {}

concurrency:
  group: shipgate-\${{ github.event.pull_request.number || inputs.sha }}
  cancel-in-progress: true

jobs:
  measure:
    if: ${RELEASE_IF}
    runs-on: ubuntu-latest
    permissions:
      contents: read # the PR's code runs here: no id-token, no checks: write
${serviceJobLines(services, 4).join('\n')}${services.length > 0 ? '\n' : ''}    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${HEAD}
          persist-credentials: false
${setup.join('\n')}
      - uses: acme/shipgate@v1
        with:
          job: measure
          report: shipgate-measure.json
          fail-on: never${variables.length > 0 ? `\n        # the app reaches its services through ${variables.join(', ')} (config target.env)` : ''}
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: shipgate-measure-\${{ github.run_attempt }}
          path: shipgate-measure.json
          if-no-files-found: ignore

  attest:
    needs: measure
    if: \${{ !cancelled() && needs.measure.result != 'skipped' }}
    runs-on: ubuntu-latest
    permissions:
      contents: read
      checks: write # publish shipgate/checks
      id-token: write # the OIDC token that vouches for the evidence
      pull-requests: read
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${HEAD}
          fetch-depth: 0
          persist-credentials: false
      # No set-up, no install, no build: nothing of the PR runs in this job.
      - uses: actions/download-artifact@v4
        continue-on-error: true
        with:
          name: shipgate-measure-\${{ github.run_attempt }}
      - uses: acme/shipgate@v1
        with:
          job: attest
          report: shipgate-measure.json
          secrets: \${{ toJSON(secrets) }}
`;
}
