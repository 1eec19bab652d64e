/** Request/response types for simulator route handlers plus GitHub-style response helpers. */
import type { Shapes } from './shapes.js';
import type { SimState, TokenIdentity } from './state.js';
import type { HookDelivery } from './webhooks.js';

export type Identity = TokenIdentity | { kind: 'app'; appId: number } | { kind: 'anonymous' };
export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface WebhookEmitter {
  /** queue or send a webhook built from state (fire-and-forget from the handler's point of view) */
  emit(event: string, payload: Record<string, unknown>): void;
  /** the App's hook-delivery log, one entry per attempt */
  readonly hookLog: readonly HookDelivery[];
  /** `POST /app/hook/deliveries/{id}/attempts` */
  requestRedelivery(attemptId: number): 'accepted' | 'unknown' | 'too-old';
}
export interface RouteContext {
  method: string;
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  identity: Identity;
  /** absolute URL of this request, used to build pagination links */
  requestUrl: URL;
  state: SimState;
  shapes: Shapes;
  hooks: WebhookEmitter;
  /** login of the actor making the request (bot login for installations) */
  actor: string;
}
export type Handler = (ctx: RouteContext) => SimResponse | Promise<SimResponse>;
export type RouteTable = Record<string, Handler>;

const DOCS = 'https://docs.github.com/rest';
export const json = (body: unknown, status = 200, headers?: Record<string, string>): SimResponse => ({
  status,
  body,
  headers,
});
export const noContent = (): SimResponse => ({ status: 204 });
export const notFound = (): SimResponse =>
  json({ message: 'Not Found', documentation_url: DOCS, status: '404' }, 404);
export const unauthorized = (message = 'Bad credentials'): SimResponse =>
  json({ message, documentation_url: DOCS, status: '401' }, 401);
export const unprocessable = (message: string, errors: unknown[] = []): SimResponse =>
  json({ message, errors, documentation_url: DOCS, status: '422' }, 422);

/** Read a JSON body field as an object (bodies are schema-validated before handlers run). */
export function bodyObject(ctx: RouteContext): Record<string, unknown> {
  const b = ctx.body;
  return b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const intParam = (ctx: RouteContext, name: string): number =>
  Number.parseInt(ctx.params[name] ?? '', 10);

/** Slice `items` by `per_page` (default 30, max 100) / `page` and add a GitHub-style `Link` header. */
export function paginate<T>(
  ctx: RouteContext,
  items: T[],
  map: (item: T) => unknown,
  wrap?: (page: unknown[]) => unknown,
): SimResponse {
  const perPage = Math.min(100, Math.max(1, Number.parseInt(ctx.query.get('per_page') ?? '30', 10) || 30));
  const page = Math.max(1, Number.parseInt(ctx.query.get('page') ?? '1', 10) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage).map(map);
  const link = (p: number, rel: string): string => {
    const u = new URL(ctx.requestUrl);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(p));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return json(wrap ? wrap(slice) : slice, 200, links.length ? { link: links.join(', ') } : undefined);
}
