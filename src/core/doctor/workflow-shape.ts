/**
 * Whether a checks workflow keeps the PR's code away from the credentials that vouch for evidence
 * (docs/security.md): a call of shipgate's reusable two-job workflow, or the two jobs inline — a
 * `measure` job without `id-token: write` whose checkout does not persist credentials, and an
 * `attest` job that installs, builds and runs nothing of the PR. One job that does both is the
 * single-job mode: valid, but its results are only `reported`.
 */
import { parse as parseYaml } from 'yaml';

type Step = { uses?: unknown; run?: unknown; with?: Record<string, unknown> | null };
type Job = { uses?: unknown; permissions?: unknown; steps?: Step[] | null };

export interface WorkflowShape {
  mode: 'reusable' | 'two-job' | 'single' | 'none';
  problems: string[];
}

const SHIPGATE_ACTION = /^[\w.-]+\/shipgate@/;
const SHIPGATE_REUSABLE = /^[\w.-]+\/shipgate\/\.github\/workflows\/[\w.-]+\.ya?ml@/;

function grants(permissions: unknown, scope: string, level = 'write'): boolean {
  if (permissions === 'write-all') return true;
  return (
    typeof permissions === 'object' &&
    permissions !== null &&
    (permissions as Record<string, unknown>)[scope] === level
  );
}

export function checksWorkflowShape(source: string): WorkflowShape {
  let doc: { permissions?: unknown; jobs?: Record<string, Job | null> } | null;
  try {
    doc = parseYaml(source) as typeof doc;
  } catch {
    return { mode: 'none', problems: ['not valid YAML: fix: correct the workflow'] };
  }
  const jobs = Object.entries(doc?.jobs ?? {}).filter((entry): entry is [string, Job] => entry[1] !== null);
  const rootPermissions = doc?.permissions;
  const permissionsOf = (job: Job) => job.permissions ?? rootPermissions;
  if (jobs.some(([, job]) => typeof job.uses === 'string' && SHIPGATE_REUSABLE.test(job.uses))) {
    const caller = jobs.find(([, job]) => typeof job.uses === 'string' && SHIPGATE_REUSABLE.test(job.uses));
    const permissions = caller ? permissionsOf(caller[1]) : rootPermissions;
    const problems = [];
    if (!grants(permissions, 'id-token'))
      problems.push(
        "does not grant id-token: write to the reusable workflow's attesting job: fix: add it to `permissions`",
      );
    if (!grants(permissions, 'checks'))
      problems.push(
        'does not grant checks: write: fix: add `permissions: { checks: write, contents: read }`',
      );
    return { mode: 'reusable', problems };
  }
  const shipgateSteps = jobs.flatMap(([name, job]) =>
    (job.steps ?? [])
      .filter((step) => typeof step?.uses === 'string' && SHIPGATE_ACTION.test(step.uses))
      .map((step) => ({ name, job, role: String(step.with?.job ?? 'single') })),
  );
  if (shipgateSteps.length === 0)
    return {
      mode: 'none',
      problems: [
        'does not run shipgate: fix: call `acme/shipgate/.github/workflows/shipgate.yml@v1` (docs/security.md)',
      ],
    };
  const problems: string[] = [];
  const attest = shipgateSteps.filter((step) => step.role === 'attest');
  const measure = shipgateSteps.filter((step) => step.role === 'measure');
  if (attest.length === 0) {
    const single = shipgateSteps[0];
    if (single && !grants(permissionsOf(single.job), 'checks'))
      problems.push(
        'does not grant checks: write: fix: add `permissions: { checks: write, contents: read }`',
      );
    problems.push(
      "runs the PR's code in the job that publishes the evidence (single-job mode: every result is only `reported`): fix: call acme/shipgate/.github/workflows/shipgate.yml@v1, or split it into a `job: measure` and a `job: attest` job (docs/security.md)",
    );
    return { mode: 'single', problems };
  }
  for (const { name, job } of attest) {
    if (!grants(permissionsOf(job), 'id-token')) problems.push(`job ${name} (attest) lacks id-token: write`);
    if (!grants(permissionsOf(job), 'checks')) problems.push(`job ${name} (attest) lacks checks: write`);
    const runs = (job.steps ?? []).filter((step) => step?.run !== undefined).length;
    const setup = (job.steps ?? []).some(
      (step) => typeof step?.uses === 'string' && /setup-(node|python|go|java|ruby)/.test(step.uses),
    );
    if (runs > 0 || setup)
      problems.push(
        `job ${name} (attest) installs or runs commands: fix: the attesting job runs no code of the PR (no run: steps, no setup-*)`,
      );
  }
  for (const { name, job } of measure) {
    if (grants(permissionsOf(job), 'id-token'))
      problems.push(
        `job ${name} (measure) has id-token: write: fix: give it \`permissions: { contents: read }\` only`,
      );
    const checkout = (job.steps ?? []).find(
      (step) => typeof step?.uses === 'string' && step.uses.startsWith('actions/checkout@'),
    );
    if (checkout && checkout.with?.['persist-credentials'] !== false)
      problems.push(
        `job ${name} (measure) keeps the job token in the checkout: fix: \`persist-credentials: false\``,
      );
  }
  if (measure.length === 0)
    problems.push('has an attest job but no measure job: fix: add a `job: measure` job before it (needs:)');
  return { mode: 'two-job', problems };
}
