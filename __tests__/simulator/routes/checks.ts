/** Check run routes; the owning app comes from the caller's token (installation app or github-actions). */
import { resolveRef } from '../git.js';
import {
  bodyObject,
  intParam,
  json,
  notFound,
  paginate,
  type RouteContext,
  type RouteTable,
  str,
  unauthorized,
} from '../http.js';
import { checkOutputWithinLimits } from '../limits.js';
import type { Payloads } from '../payloads.js';
import { GITHUB_ACTIONS_APP, now, type SimApp, type SimCheckRun } from '../state.js';
import { repoOf } from './repos.js';

function callerApp(ctx: RouteContext): SimApp | undefined {
  if (ctx.identity.kind === 'actions') return GITHUB_ACTIONS_APP;
  if (ctx.identity.kind === 'installation') return ctx.state.apps.get(ctx.identity.appId);
  return undefined;
}

/** Apply create/update fields; `conclusion` implies completed, like GitHub. */
function applyFields(run: SimCheckRun, b: Record<string, unknown>): void {
  if (typeof b.name === 'string') run.name = b.name;
  // A run created with a workflow's GITHUB_TOKEN belongs to github-actions (app 15368) and GitHub
  // ignores its details_url: the link stays the run's own page (`…/runs/<check_run_id>`).
  // Reports: https://github.com/actions/github-script/issues/143,
  // https://github.com/LouisBrunner/checks-action/issues/18. `external_id` is kept as written.
  if (typeof b.details_url === 'string' && run.app.id !== GITHUB_ACTIONS_APP.id)
    run.details_url = b.details_url;
  if (typeof b.external_id === 'string') run.external_id = b.external_id;
  if (typeof b.started_at === 'string') run.started_at = b.started_at;
  if (typeof b.status === 'string') run.status = b.status as SimCheckRun['status'];
  if (typeof b.conclusion === 'string') {
    run.conclusion = b.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed') run.completed_at = str(b.completed_at) ?? run.completed_at ?? now();
  if (run.status === 'in_progress' && !run.started_at) run.started_at = now();
  const out = b.output;
  if (out !== null && typeof out === 'object') {
    const o = out as Record<string, unknown>;
    const annotations = Array.isArray(o.annotations) ? o.annotations.length : 0;
    run.output = {
      title: str(o.title) ?? run.output.title,
      summary: str(o.summary) ?? run.output.summary,
      text: str(o.text) ?? run.output.text,
      annotations_count: run.output.annotations_count + annotations,
    };
  }
  if (Array.isArray(b.actions)) run.actions = b.actions;
}

export function checkRoutes(payloads: Payloads): RouteTable {
  return {
    'POST /repos/{owner}/{repo}/check-runs': (ctx) => {
      const app = callerApp(ctx);
      if (!app) return unauthorized('You must authenticate via a GitHub App.');
      const limited = checkOutputWithinLimits(bodyObject(ctx));
      if ('refused' in limited) return limited.refused;
      const b: Record<string, unknown> = {
        ...bodyObject(ctx),
        ...(limited.output ? { output: limited.output } : {}),
      };
      const run: SimCheckRun = {
        id: ctx.state.id(),
        repo: repoOf(ctx).fullName,
        head_sha: str(b.head_sha) ?? '',
        name: str(b.name) ?? '',
        status: 'queued',
        conclusion: null,
        started_at: now(),
        completed_at: null,
        details_url: null,
        external_id: null,
        output: { title: null, summary: null, text: null, annotations_count: 0 },
        actions: [],
        app,
      };
      applyFields(run, b);
      ctx.state.checkRuns.set(run.id, run);
      ctx.hooks.emit('check_run', payloads.checkRun('created', run, ctx.actor));
      if (run.status === 'completed')
        ctx.hooks.emit('check_run', payloads.checkRun('completed', run, ctx.actor));
      return json(ctx.shapes.checkRun(run), 201);
    },

    'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': (ctx) => {
      const run = ctx.state.checkRuns.get(intParam(ctx, 'check_run_id'));
      if (!run || run.repo !== repoOf(ctx).fullName) return notFound();
      const app = callerApp(ctx);
      // Only the creating app may update a run, with GitHub's exact message. Reports:
      // https://github.com/probot/probot/issues/1065, https://github.com/OP5dev/TF-via-PR/issues/538
      // ("Invalid app_id 15368 - check run can only be modified by the GitHub App that created it.")
      if (!app || app.id !== run.app.id)
        return json(
          {
            message:
              'Invalid app_id `' +
              (app?.id ?? 0) +
              '` - check run can only be modified by the GitHub App that created it.',
            status: '403',
          },
          403,
        );
      const limited = checkOutputWithinLimits(bodyObject(ctx));
      if ('refused' in limited) return limited.refused;
      const wasCompleted = run.status === 'completed';
      applyFields(run, { ...bodyObject(ctx), ...(limited.output ? { output: limited.output } : {}) });
      if (!wasCompleted && run.status === 'completed')
        ctx.hooks.emit('check_run', payloads.checkRun('completed', run, ctx.actor));
      return json(ctx.shapes.checkRun(run));
    },

    'GET /repos/{owner}/{repo}/check-runs/{check_run_id}': (ctx) => {
      const run = ctx.state.checkRuns.get(intParam(ctx, 'check_run_id'));
      return run && run.repo === repoOf(ctx).fullName ? json(ctx.shapes.checkRun(run)) : notFound();
    },

    'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': (ctx) => {
      const repo = repoOf(ctx);
      const sha = resolveRef(repo, ctx.params.ref)?.sha ?? ctx.params.ref;
      const name = ctx.query.get('check_name');
      const appId = ctx.query.get('app_id');
      const list = [...ctx.state.checkRuns.values()]
        .filter((r) => r.repo === repo.fullName && r.head_sha === sha)
        .filter((r) => !name || r.name === name)
        .filter((r) => !appId || String(r.app.id) === appId)
        .sort((a, b) => b.id - a.id)
        // default filter=latest: only the newest run per (app, name)
        .filter(
          (r, i, all) =>
            ctx.query.get('filter') === 'all' ||
            all.findIndex((x) => x.name === r.name && x.app.id === r.app.id) === i,
        );
      return paginate(
        ctx,
        list,
        (r) => ctx.shapes.checkRun(r),
        (page) => ({ total_count: list.length, check_runs: page }),
      );
    },
  };
}
