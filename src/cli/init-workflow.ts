import type { ServiceNeed } from '../../checks/lib/detect/services.js';
import type { StackFacts } from '../../checks/lib/detect/stack.js';
import { runtimeSteps, serviceJobLines } from './workflow-services.js';

/** Where init writes the checks workflow. */
export const WORKFLOW_PATH = '.github/workflows/shipgate.yml';

/**
 * The checks workflow: the job that runs the app gets the services it needs and the variables
 * that point the app at them (workflow-services.ts), and the runtime of a non-JavaScript app.
 */
export function renderChecksWorkflow(stack: StackFacts, services: readonly ServiceNeed[]): string {
  const out = [
    '# Written by `shipgate init`: runs the release checklist on release PRs (docs/action.md).',
    'name: shipgate',
    'on: pull_request',
    'permissions:',
    '  contents: read',
    '  checks: write',
    '  id-token: write      # an OIDC token vouches for the results (the bot refuses results without one)',
    '  pull-requests: read',
    'jobs:',
    '  checks:',
    "    if: startsWith(github.head_ref, 'release/')",
    '    runs-on: ubuntu-latest',
    ...serviceJobLines(services, 4),
    '    steps:',
    '      - uses: actions/checkout@v4',
    '        with:',
    '          fetch-depth: 0',
    ...runtimeSteps(stack),
    '      - uses: acme/shipgate@v1',
  ];
  return `${out.join('\n')}\n`;
}
