import { checksWorkflowShape } from './workflow-shape.js';
/**
 * `shipgate doctor`: what an installation needs to work on the real GitHub, judged from facts read
 * through the API. One line per check; a failing line carries its fix. Pure.
 */

/** The permissions and events of app.yml (a test keeps them equal to the manifest). */
export const REQUIRED_PERMISSIONS: Readonly<Record<string, 'read' | 'write'>> = {
  checks: 'write',
  pull_requests: 'write',
  issues: 'write',
  contents: 'write',
  deployments: 'write',
  members: 'read',
  metadata: 'read',
  actions: 'write',
  merge_queues: 'read',
  administration: 'read',
};
export const REQUIRED_EVENTS: readonly string[] = [
  'pull_request',
  'issue_comment',
  'pull_request_review',
  'check_run',
  'merge_group',
  'deployment_protection_rule',
  'deployment_status',
];

/** A required status check as branch protection or a ruleset states it; `appId` is its source. */
export interface RequiredCheck {
  context: string;
  appId?: number;
  from: 'branch protection' | 'ruleset';
}

export interface DoctorFacts {
  repo: string;
  branch: string;
  appId: number;
  /** undefined: branch protection and rulesets could not be read (administration: read missing). */
  requiredChecks: RequiredCheck[] | undefined;
  permissions: Record<string, string>;
  events: string[];
  workflowPath: string;
  /** the checks workflow's source on the default branch; undefined when absent */
  workflow: string | undefined;
  /** problems of `.github/shipgate.yml` and the template on the default branch (file:line) */
  setupProblems: string[];
  /** `org/team` of every role, readable or not */
  teams: Array<{ team: string; readable: boolean }>;
}

export interface DoctorLine {
  ok: boolean;
  text: string;
}

const LEVEL: Record<string, number> = { read: 1, write: 2, admin: 3 };

/** One line per check, in a fixed order. */
export function diagnose(facts: DoctorFacts): DoctorLine[] {
  const lines: DoctorLine[] = [];
  const add = (ok: boolean, good: string, fix: string) => lines.push({ ok, text: ok ? good : fix });
  const where = `${facts.repo}@${facts.branch}`;
  if (facts.requiredChecks === undefined)
    add(false, '', `cannot read branch protection of ${where}: fix: grant the app "Administration: read"`);
  else {
    const gate = facts.requiredChecks.filter((check) => check.context === 'shipgate');
    add(
      gate.length > 0,
      `\`shipgate\` is a required check on ${facts.branch} (${gate.map((c) => c.from).join(', ')})`,
      `\`shipgate\` is not required on ${facts.branch}: fix: branch protection or a ruleset → require the status check "shipgate"`,
    );
    if (gate.length > 0)
      add(
        gate.every((check) => check.appId === facts.appId),
        `\`shipgate\` is bound to the shipgate app (id ${facts.appId})`,
        `\`shipgate\` is not bound to the app: fix: set its source (expected source) to the shipgate app (id ${facts.appId}); any workflow with checks: write can post it now`,
      );
  }
  lines.push(...installationLines(facts.permissions, facts.events));
  const workflow = facts.workflow === undefined ? undefined : workflowProblems(facts.workflow);
  add(
    workflow !== undefined && workflow.length === 0,
    `the checks workflow ${facts.workflowPath} runs shipgate in two jobs: the PR's code runs without the credentials that vouch for results`,
    workflow === undefined
      ? `no checks workflow at ${facts.workflowPath}: fix: add it (docs/security.md: call acme/shipgate/.github/workflows/shipgate.yml@v1 with id-token: write and checks: write)`
      : `${facts.workflowPath}: ${workflow.join('; ')}`,
  );
  add(
    facts.setupProblems.length === 0,
    `config and template on ${facts.branch} are valid`,
    `config or template invalid on ${facts.branch}: ${facts.setupProblems.slice(0, 3).join('; ')}: fix: correct the file at that line (shipgate validate)`,
  );
  const unreadable = facts.teams.filter((team) => !team.readable).map((team) => team.team);
  add(
    unreadable.length === 0,
    facts.teams.length
      ? `every role team is readable (${facts.teams.map((t) => t.team).join(', ')})`
      : 'no role uses a team',
    `role teams not readable: ${unreadable.join(', ')}: fix: check the team slugs in .github/shipgate.yml and grant the app "Members: read"`,
  );
  return lines;
}

/** The installation's permissions and events against app.yml (also the app's start-up log). */
export function installationLines(
  permissions: Record<string, string>,
  events: readonly string[],
): DoctorLine[] {
  const missing = Object.entries(REQUIRED_PERMISSIONS).filter(
    ([name, level]) => (LEVEL[permissions[name] ?? ''] ?? 0) < (LEVEL[level] ?? 0),
  );
  const unsubscribed = REQUIRED_EVENTS.filter((event) => !events.includes(event));
  return [
    missing.length === 0
      ? { ok: true, text: 'the app has every permission app.yml asks for' }
      : {
          ok: false,
          text: `the app lacks ${missing.map(([name, level]) => `${name}: ${level}`).join(', ')}: fix: app settings → Permissions & events, then accept the new permissions on the installation`,
        },
    unsubscribed.length === 0
      ? { ok: true, text: 'the app subscribes to every event it handles' }
      : {
          ok: false,
          text: `the app does not subscribe to ${unsubscribed.join(', ')}: fix: app settings → Permissions & events → Subscribe to events`,
        },
  ];
}

/** What a workflow lacks to publish results the bot accepts, and whether it keeps the PR's code away from them. */
function workflowProblems(source: string): string[] {
  return checksWorkflowShape(source).problems;
}

/** The report: one line each, ✔ or ✘, and the exit code (0 only when every check holds). */
export function formatDoctor(lines: readonly DoctorLine[]): { text: string; code: number } {
  return {
    text: `${lines.map((line) => `${line.ok ? '✔' : '✘'} ${line.text}`).join('\n')}\n`,
    code: lines.every((line) => line.ok) ? 0 : 1,
  };
}
