/**
 * The HTTP front of the simulator: strips the GHE `/api/v3` prefix, applies faults, authenticates,
 * matches the OpenAPI route, validates the body, dispatches to a handler and logs everything.
 */
import type crypto from 'node:crypto';
import http from 'node:http';
import { describeIdentity, identify } from './auth.js';
import type { Faults } from './faults.js';
import {
  type Identity,
  json,
  notFound,
  type RouteTable,
  type SimResponse,
  unauthorized,
  type WebhookEmitter,
} from './http.js';
import { matchRoute, validateRequestBody } from './openapi.js';
import type { SecondaryLimits } from './secondary-limits.js';
import type { Shapes } from './shapes.js';
import type { SimState } from './state.js';

export interface LoggedRequest {
  method: string;
  path: string;
  /** OpenAPI template that matched, e.g. `/repos/{owner}/{repo}/check-runs` */
  route: string | undefined;
  query: Record<string, string>;
  body: unknown;
  status: number;
  time: string;
  identity: string;
  ghe: boolean;
}
export interface ValidationError {
  method: string;
  path: string;
  kind: 'unknown-route' | 'method-not-allowed' | 'invalid-body' | 'invalid-json';
  errors: string[];
}
export interface ServerDeps {
  state: SimState;
  shapes: Shapes;
  faults: Faults;
  /** GitHub's secondary rate limits (secondary-limits.ts); undefined: off */
  limits?: SecondaryLimits;
  hooks: WebhookEmitter;
  routes: RouteTable;
  publicKey: crypto.KeyObject | undefined;
  requests: LoggedRequest[];
  validationErrors: ValidationError[];
  /** routes that exist in the OpenAPI description but the simulator does not implement */
  unimplemented: string[];
  /** Paths outside the REST API (the Actions OIDC issuer); true when it answered. */
  extra?: (req: http.IncomingMessage, url: URL, res: http.ServerResponse) => boolean;
}

function actorOf(identity: Identity, state: SimState): string {
  switch (identity.kind) {
    case 'installation':
    case 'app':
      return `${state.apps.get(identity.appId)?.slug ?? 'app'}[bot]`;
    case 'actions':
      return 'github-actions[bot]';
    case 'user':
      return identity.login;
    default:
      return 'ghost';
  }
}

/** installation tokens only see their installation's repos; Actions tokens only their repo */
function canAccessRepo(identity: Identity, state: SimState, fullName: string): boolean {
  if (identity.kind === 'installation')
    return state.installations.get(identity.installationId)?.repos.includes(fullName) ?? false;
  if (identity.kind === 'actions') return identity.repo === fullName;
  return true;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(
  deps: ServerDeps,
  req: http.IncomingMessage,
  raw: string,
  url: URL,
): Promise<{ res: SimResponse; route?: string; identity: Identity; body: unknown }> {
  const method = req.method ?? 'GET';
  const pathname = url.pathname.replace(/^\/api\/v3(?=\/|$)/, '') || '/';
  const record = (kind: ValidationError['kind'], errors: string[]) =>
    deps.validationErrors.push({ method, path: pathname, kind, errors });
  let body: unknown;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      record('invalid-json', ['body is not JSON']);
      return {
        res: json({ message: 'Problems parsing JSON', status: '400' }, 400),
        identity: { kind: 'anonymous' },
        body: raw,
      };
    }
  }
  const auth = identify(req.headers.authorization, deps.state, deps.publicKey);
  const identity: Identity = auth.ok ? auth.identity : { kind: 'anonymous' };
  const match = matchRoute(pathname, method);
  if (!match) {
    record('unknown-route', [`no OpenAPI path matches ${pathname}`]);
    return { res: notFound(), identity, body };
  }
  if (!match.operation) {
    record('method-not-allowed', [
      `${method} not defined for ${match.template} (allowed: ${match.methods.join(', ')})`,
    ]);
    return {
      res: json({ message: 'Method Not Allowed', status: '405' }, 405, {
        allow: match.methods.join(', ').toUpperCase(),
      }),
      route: match.template,
      identity,
      body,
    };
  }
  const errors = validateRequestBody(match, method, body);
  if (errors.length > 0) {
    record('invalid-body', errors);
    return {
      res: json(
        {
          message: 'Invalid request.',
          errors,
          documentation_url: 'https://docs.github.com/rest',
          status: '422',
        },
        422,
      ),
      route: match.template,
      identity,
      body,
    };
  }
  if (!auth.ok) return { res: unauthorized(auth.message), route: match.template, identity, body };
  const { owner, repo } = match.params;
  if (owner !== undefined && repo !== undefined) {
    const fullName = `${owner}/${repo}`;
    if (!deps.state.repos.has(fullName) || !canAccessRepo(identity, deps.state, fullName))
      return { res: notFound(), route: match.template, identity, body };
  }
  const handler = deps.routes[`${method} ${match.template}`];
  if (!handler) {
    deps.unimplemented.push(`${method} ${match.template}`);
    return { res: notFound(), route: match.template, identity, body };
  }
  const res = await handler({
    method,
    template: match.template,
    params: match.params,
    query: url.searchParams,
    body,
    identity,
    requestUrl: url,
    state: deps.state,
    shapes: deps.shapes,
    hooks: deps.hooks,
    actor: actorOf(identity, deps.state),
  });
  return { res, route: match.template, identity, body };
}

export function createServer(deps: ServerDeps): http.Server {
  return http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const raw = await readBody(req);
      if (deps.extra?.(req, url, res)) return;
      const method = req.method ?? 'GET';
      const apiPath = url.pathname.replace(/^\/api\/v3(?=\/|$)/, '');
      const caller = (() => {
        const auth = identify(req.headers.authorization, deps.state, deps.publicKey);
        return auth.ok ? auth.identity : ({ kind: 'anonymous' } as const);
      })();
      const limited = deps.limits?.enter(describeIdentity(caller), method, apiPath);
      const fault = limited ? { latencyMs: 0 } : deps.faults.take(method, apiPath);
      if (fault.latencyMs > 0) await new Promise((r) => setTimeout(r, fault.latencyMs));
      let out: Awaited<ReturnType<typeof handle>>;
      const refusal = limited ?? fault.response;
      if (refusal) {
        out = { res: refusal, identity: caller, body: raw || undefined };
      } else {
        try {
          out = await handle(deps, req, raw, url);
        } catch (err) {
          out = {
            res: json({ message: `simulator error: ${String(err)}` }, 500),
            identity: { kind: 'anonymous' },
            body: raw,
          };
        }
      }
      if (!limited) deps.limits?.leave(describeIdentity(caller));
      deps.faults.used += 1;
      const headers: Record<string, string> = {
        ...deps.faults.headers(),
        'x-github-request-id': `SIM:${deps.requests.length}`,
        'x-github-media-type': 'github.v3; format=json',
        ...(out.res.headers ?? {}),
      };
      deps.requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        route: out.route,
        query: Object.fromEntries(url.searchParams),
        body: out.body,
        status: out.res.status,
        time: new Date().toISOString(),
        identity: describeIdentity(out.identity),
        ghe: url.pathname.startsWith('/api/v3'),
      });
      if (out.res.body === undefined || out.res.status === 204) {
        res.writeHead(out.res.status, headers).end();
        return;
      }
      res
        .writeHead(out.res.status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(out.res.body));
    })();
  });
}
