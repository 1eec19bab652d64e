/** GitHub App routes: app JWT → installation tokens, installation lookups, /rate_limit. */
import crypto from 'node:crypto';
import {
  intParam,
  json,
  notFound,
  paginate,
  type RouteContext,
  type RouteTable,
  unauthorized,
  unprocessable,
} from '../http.js';

const requireApp = (ctx: RouteContext): number | undefined =>
  ctx.identity.kind === 'app' ? ctx.identity.appId : undefined;
const JWT_REQUIRED = 'A JSON web token could not be decoded';

export const appRoutes: RouteTable = {
  'GET /app': (ctx) => {
    const appId = requireApp(ctx);
    const app = appId === undefined ? undefined : ctx.state.apps.get(appId);
    return app ? json(ctx.shapes.app(app)) : unauthorized(JWT_REQUIRED);
  },

  // The App's webhook delivery log: newest first, cursor pagination (`link` header), `status`
  // success (2xx–3xx) | failure (4xx–5xx, and no answer). JWT only. https://docs.github.com/en/rest/apps/webhooks
  'GET /app/hook/deliveries': (ctx) => {
    if (requireApp(ctx) === undefined) return unauthorized(JWT_REQUIRED);
    const status = ctx.query.get('status');
    const perPage = Math.min(100, Math.max(1, Number.parseInt(ctx.query.get('per_page') ?? '30', 10) || 30));
    const cursor = Number.parseInt(ctx.query.get('cursor') ?? '', 10);
    const ok = (code: number) => code >= 200 && code < 400;
    const all = [...ctx.hooks.hookLog]
      .reverse()
      .filter((d) => status === null || (status === 'success') === ok(d.status_code))
      .filter((d) => Number.isNaN(cursor) || d.id <= cursor);
    const page = all.slice(0, perPage);
    const next = all[perPage];
    if (!next) return json(page);
    const u = new URL(ctx.requestUrl);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('cursor', String(next.id));
    return json(page, 200, { link: `<${u.toString()}>; rel="next"` });
  },

  'POST /app/hook/deliveries/{delivery_id}/attempts': (ctx) => {
    if (requireApp(ctx) === undefined) return unauthorized(JWT_REQUIRED);
    const outcome = ctx.hooks.requestRedelivery(intParam(ctx, 'delivery_id'));
    if (outcome === 'unknown') return notFound();
    if (outcome === 'too-old') return unprocessable('Validation Failed');
    return json({}, 202);
  },

  'GET /app/installations': (ctx) => {
    const appId = requireApp(ctx);
    if (appId === undefined) return unauthorized(JWT_REQUIRED);
    const list = [...ctx.state.installations.values()].filter((i) => i.appId === appId);
    return paginate(ctx, list, (i) => ctx.shapes.installation(i));
  },

  'GET /app/installations/{installation_id}': (ctx) => {
    const appId = requireApp(ctx);
    if (appId === undefined) return unauthorized(JWT_REQUIRED);
    const inst = ctx.state.installations.get(intParam(ctx, 'installation_id'));
    return inst && inst.appId === appId ? json(ctx.shapes.installation(inst)) : notFound();
  },

  'POST /app/installations/{installation_id}/access_tokens': (ctx) => {
    const appId = requireApp(ctx);
    if (appId === undefined) return unauthorized(JWT_REQUIRED);
    const inst = ctx.state.installations.get(intParam(ctx, 'installation_id'));
    if (!inst || inst.appId !== appId) return notFound();
    const token = `ghs_${crypto.randomBytes(18).toString('base64url')}`;
    const expires_at = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    ctx.state.tokens.set(token, { kind: 'installation', installationId: inst.id, appId, expires_at });
    return json({ token, expires_at, permissions: inst.permissions, repository_selection: 'selected' }, 201);
  },

  'GET /repos/{owner}/{repo}/installation': (ctx) => {
    const appId = requireApp(ctx);
    if (appId === undefined) return unauthorized(JWT_REQUIRED);
    const full = `${ctx.params.owner}/${ctx.params.repo}`;
    const inst = [...ctx.state.installations.values()].find(
      (i) => i.appId === appId && i.repos.includes(full),
    );
    return inst ? json(ctx.shapes.installation(inst)) : notFound();
  },

  'GET /installation/repositories': (ctx) => {
    if (ctx.identity.kind !== 'installation') return unauthorized();
    const inst = ctx.state.installations.get(ctx.identity.installationId);
    const repos = (inst?.repos ?? []).flatMap((r) => {
      const repo = ctx.state.repos.get(r);
      return repo ? [repo] : [];
    });
    return paginate(
      ctx,
      repos,
      (r) => ctx.shapes.repo(r),
      (page) => ({ total_count: repos.length, repository_selection: 'selected', repositories: page }),
    );
  },

  'GET /rate_limit': (ctx) => {
    const core = { limit: 5000, used: 0, remaining: 5000, reset: Math.floor(Date.now() / 1000) + 3600 };
    void ctx;
    return json({
      resources: { core, search: { ...core, limit: 30, remaining: 30 }, graphql: core },
      rate: core,
    });
  },
};
