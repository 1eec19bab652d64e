/** Issue routes: issue comments (with webhooks), incident issues and labels. */
import {
  bodyObject,
  intParam,
  json,
  noContent,
  notFound,
  paginate,
  type RouteContext,
  type RouteTable,
  str,
  unprocessable,
} from '../http.js';
import type { Payloads } from '../payloads.js';
import { now, type SimComment, type SimIssue } from '../state.js';
import { repoOf } from './repos.js';

/** GitHub rejects comment bodies longer than this (422 "Body is too long"). */
export const MAX_COMMENT_LENGTH = 65536;

const tooLong = (body: string) =>
  body.length > MAX_COMMENT_LENGTH
    ? unprocessable('Validation Failed', [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`,
        },
      ])
    : undefined;

function issueOf(ctx: RouteContext): SimIssue | undefined {
  return ctx.state.issues.get(ctx.state.issueKey(repoOf(ctx).fullName, intParam(ctx, 'issue_number')));
}
function commentOf(ctx: RouteContext): SimComment | undefined {
  const c = ctx.state.comments.get(intParam(ctx, 'comment_id'));
  return c && c.repo === repoOf(ctx).fullName ? c : undefined;
}

export function issueRoutes(payloads: Payloads): RouteTable {
  const labelEvent = (ctx: RouteContext, issue: SimIssue, action: 'labeled' | 'unlabeled', name: string) => {
    const label = {
      id: ctx.state.id(),
      node_id: 'LA',
      url: '',
      name,
      color: 'ededed',
      default: false,
      description: null,
    };
    const payload = issue.pull
      ? payloads.pullRequest(action, issue, ctx.actor, { label })
      : payloads.build('issues', action, issue.repo, ctx.actor, { issue: ctx.shapes.issue(issue), label });
    ctx.hooks.emit(issue.pull ? 'pull_request' : 'issues', payload);
  };

  return {
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (ctx) => {
      const issue = issueOf(ctx);
      if (!issue) return notFound();
      const list = [...ctx.state.comments.values()].filter(
        (c) => c.repo === issue.repo && c.issueNumber === issue.number,
      );
      return paginate(ctx, list, (c) => ctx.shapes.comment(c));
    },

    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (ctx) => {
      const issue = issueOf(ctx);
      if (!issue) return notFound();
      const body = str(bodyObject(ctx).body) ?? '';
      const bad = tooLong(body);
      if (bad) return bad;
      const t = now();
      const c: SimComment = {
        id: ctx.state.id(),
        repo: issue.repo,
        issueNumber: issue.number,
        body,
        user: ctx.actor,
        created_at: t,
        updated_at: t,
      };
      ctx.state.comments.set(c.id, c);
      ctx.hooks.emit('issue_comment', payloads.issueComment('created', c, ctx.actor));
      return json(ctx.shapes.comment(c), 201);
    },

    'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
      const c = commentOf(ctx);
      return c ? json(ctx.shapes.comment(c)) : notFound();
    },

    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
      const c = commentOf(ctx);
      if (!c) return notFound();
      const body = str(bodyObject(ctx).body) ?? '';
      const bad = tooLong(body);
      if (bad) return bad;
      const from = c.body;
      c.body = body;
      c.updated_at = now();
      // like GitHub, the app's own edit is delivered back to it (sender = the bot)
      ctx.hooks.emit('issue_comment', payloads.issueComment('edited', c, ctx.actor, from));
      return json(ctx.shapes.comment(c));
    },

    'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': (ctx) => {
      const c = commentOf(ctx);
      if (!c) return notFound();
      const payload = payloads.issueComment('deleted', c, ctx.actor);
      ctx.state.comments.delete(c.id);
      ctx.hooks.emit('issue_comment', payload);
      return noContent();
    },

    'GET /repos/{owner}/{repo}/issues/{issue_number}': (ctx) => {
      const issue = issueOf(ctx);
      return issue ? json(ctx.shapes.issue(issue)) : notFound();
    },

    'POST /repos/{owner}/{repo}/issues': (ctx) => {
      const b = bodyObject(ctx);
      const repo = repoOf(ctx);
      const t = now();
      const labels = Array.isArray(b.labels)
        ? b.labels.flatMap((l) => (typeof l === 'string' ? [l] : []))
        : [];
      const issue: SimIssue = {
        repo: repo.fullName,
        number: ctx.state.nextIssueNumber(repo.fullName),
        id: ctx.state.id(),
        title: String(b.title ?? ''),
        body: str(b.body) ?? null,
        user: ctx.actor,
        labels,
        state: 'open',
        created_at: t,
        updated_at: t,
        closed_at: null,
      };
      ctx.state.issues.set(ctx.state.issueKey(repo.fullName, issue.number), issue);
      ctx.hooks.emit('issues', payloads.issues('opened', issue, ctx.actor));
      return json(ctx.shapes.issue(issue), 201);
    },

    // "List repository issues" (docs: rest/issues/issues#list-repository-issues): pull requests are
    // issues too and come back with a `pull_request` key; `labels` is a comma-separated list that
    // must all match; `state` open (default) / closed / all; `sort` created (default) / updated.
    'GET /repos/{owner}/{repo}/issues': (ctx) => {
      const repo = repoOf(ctx).fullName;
      const state = ctx.query.get('state') ?? 'open';
      const labels = (ctx.query.get('labels') ?? '').split(',').filter(Boolean);
      const creator = ctx.query.get('creator');
      const sortKey = ctx.query.get('sort') === 'updated' ? 'updated_at' : 'created_at';
      const ascending = ctx.query.get('direction') === 'asc';
      const list = [...ctx.state.issues.values()]
        .filter((i) => i.repo === repo && (state === 'all' || i.state === state))
        .filter((i) => labels.every((label) => i.labels.includes(label)))
        .filter((i) => !creator || i.user === creator)
        .sort((a, b) => {
          const order = a[sortKey] < b[sortKey] ? -1 : a[sortKey] > b[sortKey] ? 1 : a.number - b.number;
          return ascending ? order : -order;
        });
      return paginate(ctx, list, (i) => ctx.shapes.issue(i));
    },

    // "Update an issue" (docs: rest/issues/issues#update-an-issue): title, body, state; a change of
    // state is delivered as `issues.closed` / `issues.reopened`, other changes as `issues.edited`.
    'PATCH /repos/{owner}/{repo}/issues/{issue_number}': (ctx) => {
      const issue = issueOf(ctx);
      if (!issue) return notFound();
      const b = bodyObject(ctx);
      const t = now();
      const body = str(b.body);
      const title = str(b.title);
      const from = { body: issue.body ?? '', title: issue.title };
      if (body !== undefined) issue.body = body;
      if (title !== undefined) issue.title = title;
      const state = b.state === 'closed' || b.state === 'open' ? b.state : undefined;
      const changedState = state !== undefined && state !== issue.state;
      if (state) issue.state = state;
      if (changedState) issue.closed_at = state === 'closed' ? t : null;
      issue.updated_at = t;
      if (issue.pull) return json(ctx.shapes.issue(issue));
      if (body !== undefined || title !== undefined)
        ctx.hooks.emit(
          'issues',
          payloads.build('issues', 'edited', issue.repo, ctx.actor, {
            issue: ctx.shapes.issue(issue),
            changes: {
              ...(body !== undefined ? { body: { from: from.body } } : {}),
              ...(title !== undefined ? { title: { from: from.title } } : {}),
            },
          }),
        );
      if (changedState)
        ctx.hooks.emit(
          'issues',
          payloads.issues(state === 'closed' ? 'closed' : 'reopened', issue, ctx.actor),
        );
      return json(ctx.shapes.issue(issue));
    },

    'GET /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
      const issue = issueOf(ctx);
      return issue
        ? paginate(ctx, (ctx.shapes.issue(issue).labels as unknown[]) ?? [], (l) => l)
        : notFound();
    },

    'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': (ctx) => {
      const issue = issueOf(ctx);
      if (!issue) return notFound();
      const b = ctx.body;
      const raw = Array.isArray(b)
        ? b
        : Array.isArray(bodyObject(ctx).labels)
          ? (bodyObject(ctx).labels as unknown[])
          : [];
      const names = raw.flatMap((l) =>
        typeof l === 'string'
          ? [l]
          : typeof l === 'object' && l !== null && 'name' in l
            ? [String(l.name)]
            : [],
      );
      for (const name of names) {
        if (issue.labels.includes(name)) continue;
        issue.labels.push(name);
        labelEvent(ctx, issue, 'labeled', name);
      }
      return json(ctx.shapes.issue(issue).labels);
    },

    'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}': (ctx) => {
      const issue = issueOf(ctx);
      const name = ctx.params.name ?? '';
      if (!issue?.labels.includes(name)) return notFound();
      issue.labels = issue.labels.filter((l) => l !== name);
      labelEvent(ctx, issue, 'unlabeled', name);
      return json(ctx.shapes.issue(issue).labels);
    },
  };
}
