/** Pull request routes: get, list (state filter), changed files, create; the git data API a revert needs. */
import { diffCommits } from '../git.js';
import {
  bodyObject,
  intParam,
  json,
  notFound,
  paginate,
  type RouteTable,
  str,
  unprocessable,
} from '../http.js';
import type { Payloads } from '../payloads.js';
import { fakeSha, now, type SimCommit, type SimIssue } from '../state.js';
import { repoOf } from './repos.js';

/** Git trees by sha: a commit's snapshot, named by its content like git does. */
const trees = new Map<string, Map<string, string>>();
function treeSha(commit: SimCommit): string {
  const sha = fakeSha(`tree:${JSON.stringify([...commit.tree].sort(([a], [b]) => (a < b ? -1 : 1)))}`);
  trees.set(sha, commit.tree);
  return sha;
}

export function pullRoutes(payloads: Payloads): RouteTable {
  return {
    'GET /repos/{owner}/{repo}/pulls/{pull_number}': (ctx) => {
      const pr = ctx.state.issues.get(ctx.state.issueKey(repoOf(ctx).fullName, intParam(ctx, 'pull_number')));
      return pr?.pull ? json(ctx.shapes.pull(pr)) : notFound();
    },

    'GET /repos/{owner}/{repo}/pulls': (ctx) => {
      const repo = repoOf(ctx).fullName;
      const state = ctx.query.get('state') ?? 'open';
      const base = ctx.query.get('base');
      const list = [...ctx.state.issues.values()]
        .filter((i) => i.repo === repo && i.pull && (state === 'all' || i.state === state))
        .filter((i) => !base || i.pull?.base.ref === base)
        .sort((a, b) => b.number - a.number);
      return paginate(ctx, list, (i) => ctx.shapes.pull(i));
    },

    'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': (ctx) => {
      const repo = repoOf(ctx);
      const pr = ctx.state.issues.get(ctx.state.issueKey(repo.fullName, intParam(ctx, 'pull_number')));
      if (!pr?.pull) return notFound();
      const base = repo.commits.get(pr.pull.base.sha);
      const head = repo.commits.get(pr.pull.head.sha);
      // "Responses include a maximum of 3000 files" (docs: rest/pulls/pulls#list-pull-requests-files)
      const files = (base && head ? diffCommits(base, head) : []).slice(0, 3000);
      return paginate(ctx, files, (f) => ({
        ...f,
        blob_url: `${ctx.shapes.api}/${repo.fullName}/blob/${pr.pull?.head.sha}/${f.filename}`,
        raw_url: `${ctx.shapes.api}/${repo.fullName}/raw/${pr.pull?.head.sha}/${f.filename}`,
        contents_url: `${ctx.shapes.api}/repos/${repo.fullName}/contents/${f.filename}?ref=${pr.pull?.head.sha}`,
      }));
    },

    // docs: rest/git/commits#get-a-commit-object — the tree and the parents of a commit
    'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': (ctx) => {
      const repo = repoOf(ctx);
      const commit = repo.commits.get(ctx.params.commit_sha ?? '');
      if (!commit) return notFound();
      const url = `${ctx.shapes.api}/repos/${repo.fullName}/git/commits/${commit.sha}`;
      const person = { name: commit.author, email: `${commit.author}@example.com`, date: commit.date };
      return json({
        sha: commit.sha,
        node_id: 'C',
        url,
        html_url: `${ctx.shapes.api}/${repo.fullName}/commit/${commit.sha}`,
        author: person,
        committer: person,
        message: commit.message,
        tree: {
          sha: treeSha(commit),
          url: `${ctx.shapes.api}/repos/${repo.fullName}/git/trees/${treeSha(commit)}`,
        },
        parents: commit.parents.map((sha) => ({
          sha,
          url: `${ctx.shapes.api}/repos/${repo.fullName}/git/commits/${sha}`,
          html_url: `${ctx.shapes.api}/${repo.fullName}/commit/${sha}`,
        })),
        verification: {
          verified: false,
          reason: 'unsigned',
          signature: null,
          payload: null,
          verified_at: null,
        },
      });
    },

    // docs: rest/git/commits#create-a-commit — `tree` must name an existing tree; the commit is
    // not on any branch until a ref points to it
    'POST /repos/{owner}/{repo}/git/commits': (ctx) => {
      const repo = repoOf(ctx);
      const b = bodyObject(ctx);
      const tree = trees.get(str(b.tree) ?? '');
      if (!tree) return unprocessable('Tree SHA does not exist');
      const parents = Array.isArray(b.parents)
        ? b.parents.flatMap((p) => (typeof p === 'string' ? [p] : []))
        : [];
      if (parents.some((p) => !repo.commits.has(p)))
        return unprocessable('Parent SHA does not exist or is not a commit object');
      const message = str(b.message) ?? '';
      const sha = fakeSha(`${repo.fullName}:commit:${parents.join(',')}:${message}:${repo.commits.size}`);
      const commit: SimCommit = {
        sha,
        message,
        parents,
        tree: new Map(tree),
        author: ctx.actor,
        date: now(),
      };
      repo.commits.set(sha, commit);
      const person = { name: ctx.actor, email: `${ctx.actor}@example.com`, date: commit.date };
      return json(
        {
          sha,
          node_id: 'C',
          url: `${ctx.shapes.api}/repos/${repo.fullName}/git/commits/${sha}`,
          html_url: `${ctx.shapes.api}/${repo.fullName}/commit/${sha}`,
          author: person,
          committer: person,
          message,
          tree: {
            sha: treeSha(commit),
            url: `${ctx.shapes.api}/repos/${repo.fullName}/git/trees/${treeSha(commit)}`,
          },
          parents: parents.map((p) => ({
            sha: p,
            url: `${ctx.shapes.api}/repos/${repo.fullName}/git/commits/${p}`,
            html_url: `${ctx.shapes.api}/${repo.fullName}/commit/${p}`,
          })),
          verification: {
            verified: false,
            reason: 'unsigned',
            signature: null,
            payload: null,
            verified_at: null,
          },
        },
        201,
      );
    },

    // docs: rest/git/refs#create-a-reference — `refs/heads/<branch>`; 422 "Reference already exists"
    'POST /repos/{owner}/{repo}/git/refs': (ctx) => {
      const repo = repoOf(ctx);
      const b = bodyObject(ctx);
      const ref = str(b.ref) ?? '';
      const sha = str(b.sha) ?? '';
      const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
      if (!branch)
        return unprocessable(
          'Reference name must start with refs/heads/ (the simulator models branches only)',
        );
      if (repo.branches.has(branch)) return unprocessable('Reference already exists');
      if (!repo.commits.has(sha)) return unprocessable('Object does not exist');
      repo.branches.set(branch, sha);
      return json(
        {
          ref,
          node_id: 'REF',
          url: `${ctx.shapes.api}/repos/${repo.fullName}/git/${ref}`,
          object: { type: 'commit', sha, url: `${ctx.shapes.api}/repos/${repo.fullName}/git/commits/${sha}` },
        },
        201,
      );
    },

    // docs: rest/pulls/pulls#create-a-pull-request — `draft: true` opens a draft; 422 when the head
    // branch does not exist or a PR for head→base is already open
    'POST /repos/{owner}/{repo}/pulls': (ctx) => {
      const repo = repoOf(ctx);
      const b = bodyObject(ctx);
      const head = str(b.head) ?? '';
      const base = str(b.base) ?? '';
      const headSha = repo.branches.get(head);
      const baseSha = repo.branches.get(base);
      if (!headSha || !baseSha)
        return unprocessable('Validation Failed', [
          { resource: 'PullRequest', code: 'invalid', field: headSha ? 'base' : 'head' },
        ]);
      const open = [...ctx.state.issues.values()].some(
        (i) =>
          i.repo === repo.fullName &&
          i.state === 'open' &&
          i.pull?.head.ref === head &&
          i.pull.base.ref === base,
      );
      if (open) return unprocessable(`A pull request already exists for ${repo.owner}:${head}.`);
      const t = now();
      const pr: SimIssue = {
        repo: repo.fullName,
        number: ctx.state.nextIssueNumber(repo.fullName),
        id: ctx.state.id(),
        title: str(b.title) ?? '',
        body: str(b.body) ?? null,
        user: ctx.actor,
        labels: [],
        state: 'open',
        created_at: t,
        updated_at: t,
        closed_at: null,
        pull: {
          head: { ref: head, sha: headSha },
          base: { ref: base, sha: baseSha },
          draft: b.draft === true,
          merged: false,
          merged_at: null,
          merge_commit_sha: null,
        },
      };
      ctx.state.issues.set(ctx.state.issueKey(repo.fullName, pr.number), pr);
      ctx.hooks.emit('pull_request', payloads.pullRequest('opened', pr, ctx.actor));
      return json(ctx.shapes.pull(pr), 201);
    },
  };
}
