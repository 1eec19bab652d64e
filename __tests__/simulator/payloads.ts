/**
 * Webhook payload builders. Each starts from a real example payload in @octokit/webhooks-examples
 * (so every field GitHub sends is present and correctly typed) and deep-merges simulator state on top.
 */
import { createRequire } from 'node:module';
import type { Shapes } from './shapes.js';
import type { SimCheckRun, SimComment, SimIssue, SimState } from './state.js';

type Obj = Record<string, unknown>;
interface ExampleDefinition {
  name: string;
  examples: Obj[];
}
let examples: ExampleDefinition[] | undefined;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function exampleFor(event: string, action?: string): Obj {
  if (!examples) {
    const require = createRequire(import.meta.url);
    examples = require('@octokit/webhooks-examples/api.github.com/index.json') as ExampleDefinition[];
  }
  const def = examples.find((e) => e.name === event);
  const ex = def?.examples.find((x) => x.action === action) ?? def?.examples[0] ?? {};
  return structuredClone(ex);
}

/** Objects merge recursively; arrays and primitives from `over` replace the example's. */
export function deepMerge(base: Obj, over: Obj): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isObj(b) && isObj(v) ? deepMerge(b, v) : v;
  }
  return out;
}

export class Payloads {
  constructor(
    private readonly state: SimState,
    private readonly shapes: Shapes,
  ) {}

  /** repository/organization/installation/sender shared by all repo events */
  envelope(repoName: string, sender: string): Obj {
    const repo = this.state.repos.get(repoName);
    if (!repo) throw new Error(`simulator: unknown repo ${repoName}`);
    const inst = [...this.state.installations.values()].find((i) => i.repos.includes(repoName));
    return {
      repository: this.shapes.repo(repo),
      ...(this.state.users.get(repo.owner)?.type === 'Organization'
        ? { organization: this.shapes.organization(repo.owner) }
        : {}),
      sender: this.shapes.user(sender),
      ...(inst
        ? { installation: { id: inst.id, node_id: Buffer.from(`0:I${inst.id}`).toString('base64') } }
        : {}),
    };
  }

  build(event: string, action: string | undefined, repo: string, sender: string, body: Obj): Obj {
    const base = exampleFor(event, action);
    delete base.organization; // only present when the owner is an organization (envelope decides)
    delete base.installation;
    return deepMerge(base, { ...(action ? { action } : {}), ...body, ...this.envelope(repo, sender) });
  }

  issueComment(
    action: 'created' | 'edited' | 'deleted',
    c: SimComment,
    sender: string,
    fromBody?: string,
  ): Obj {
    const issue = this.state.issues.get(this.state.issueKey(c.repo, c.issueNumber));
    if (!issue) throw new Error(`simulator: unknown issue ${c.repo}#${c.issueNumber}`);
    return this.build('issue_comment', action, c.repo, sender, {
      issue: this.shapes.issue(issue),
      comment: this.shapes.comment(c),
      ...(action === 'edited' ? { changes: { body: { from: fromBody ?? '' } } } : {}),
    });
  }

  pullRequest(action: string, pr: SimIssue, sender: string, extra: Obj = {}): Obj {
    return this.build('pull_request', action, pr.repo, sender, {
      number: pr.number,
      pull_request: this.shapes.pull(pr),
      ...extra,
    });
  }

  issues(action: string, issue: SimIssue, sender: string): Obj {
    return this.build('issues', action, issue.repo, sender, { issue: this.shapes.issue(issue) });
  }

  checkRun(action: string, run: SimCheckRun, sender: string, extra: Obj = {}): Obj {
    const repo = this.state.repos.get(run.repo);
    const shaped = this.shapes.checkRun(run);
    const prs = [...this.state.issues.values()].filter(
      (i) => i.repo === run.repo && i.pull?.head.sha === run.head_sha && i.state === 'open',
    );
    return this.build('check_run', action, run.repo, sender, {
      check_run: {
        ...shaped,
        check_suite: {
          id: run.id + 1,
          head_sha: run.head_sha,
          head_branch: prs[0]?.pull?.head.ref ?? repo?.defaultBranch ?? 'main',
          status: run.status,
          conclusion: run.conclusion,
          app: shaped.app,
          pull_requests: [],
        },
        pull_requests: prs.map((p) => ({
          url: `${this.shapes.api}/repos/${p.repo}/pulls/${p.number}`,
          id: p.id,
          number: p.number,
          head: {
            ref: p.pull?.head.ref,
            sha: p.pull?.head.sha,
            repo: { id: repo?.id, url: `${this.shapes.api}/repos/${p.repo}`, name: repo?.name },
          },
          base: {
            ref: p.pull?.base.ref,
            sha: p.pull?.base.sha,
            repo: { id: repo?.id, url: `${this.shapes.api}/repos/${p.repo}`, name: repo?.name },
          },
        })),
      },
      ...extra,
    });
  }
}
