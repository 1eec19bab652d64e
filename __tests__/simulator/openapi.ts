/**
 * Lazily loaded view of the official GitHub REST OpenAPI description (@octokit/openapi):
 * a route matcher built from `paths` and ajv validators for request bodies and webhook payloads.
 * The spec is 13 MB, so it is parsed once per process on first use and validators compile on demand.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Operation {
  operationId?: string;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Json>;
  'x-webhooks': Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: Json }> } } }>;
}
interface CompiledRoute {
  template: string;
  regex: RegExp;
  paramNames: string[];
  literalCount: number;
}
export interface RouteMatch {
  template: string;
  params: Record<string, string>;
  /** lower-case methods the spec defines for this path */
  methods: string[];
  operation: Operation | undefined;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
let spec: Spec | undefined;
let routes: CompiledRoute[] | undefined;
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction | null>();

function loadSpec(): Spec {
  if (!spec) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    spec = JSON.parse(fs.readFileSync(file, 'utf8')) as Spec;
  }
  return spec;
}

function compileRoutes(): CompiledRoute[] {
  if (routes) return routes;
  routes = Object.keys(loadSpec().paths).map((template) => {
    const paramNames: string[] = [];
    let literalCount = 0;
    const source = template
      .split('/')
      .map((segment) => {
        const m = /^\{(\w+)\}$/.exec(segment);
        if (!m?.[1]) {
          literalCount += 1;
          return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        }
        paramNames.push(m[1]);
        // `{path}` (contents API) may span several segments when the client does not encode slashes
        return m[1] === 'path' ? '(.+)' : '([^/]+)';
      })
      .join('/');
    return { template, regex: new RegExp(`^${source}$`), paramNames, literalCount };
  });
  // prefer the most specific template: more literal segments first
  routes.sort((a, b) => b.literalCount - a.literalCount);
  return routes;
}

/** path+method → match; the ~1000 templates are tried in order only once per distinct path. */
const matchCache = new Map<string, RouteMatch | undefined>();
const MATCH_CACHE_MAX = 5000;

/** Match a request path (without query string, without /api/v3 prefix) to an OpenAPI path template. */
export function matchRoute(pathname: string, method: string): RouteMatch | undefined {
  const key = `${method} ${pathname}`;
  if (matchCache.has(key)) return matchCache.get(key);
  const found = matchUncached(pathname, method);
  if (matchCache.size >= MATCH_CACHE_MAX) matchCache.clear();
  matchCache.set(key, found);
  return found;
}

function matchUncached(pathname: string, method: string): RouteMatch | undefined {
  const candidates = compileRoutes()
    .map((route) => ({ route, m: route.regex.exec(pathname) }))
    .filter((c): c is { route: CompiledRoute; m: RegExpExecArray } => c.m !== null);
  if (candidates.length === 0) return undefined;
  const lower = method.toLowerCase();
  const paths = loadSpec().paths;
  const chosen = candidates.find((c) => paths[c.route.template]?.[lower] !== undefined) ?? candidates[0];
  if (!chosen) return undefined;
  const item = paths[chosen.route.template] ?? {};
  const params: Record<string, string> = {};
  chosen.route.paramNames.forEach((name, i) => {
    params[name] = decodeURIComponent(chosen.m[i + 1] ?? '');
  });
  return {
    template: chosen.route.template,
    params,
    methods: Object.keys(item).filter((k) => HTTP_METHODS.has(k)),
    operation: item[lower],
  };
}

function getAjv(): Ajv {
  if (ajv) return ajv;
  // OpenAPI 3.0 schemas carry `nullable`, `example`, `x-github`…: non-strict mode tolerates them
  ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addSchema(rebaseRefs({ components: loadSpec().components }) as object, 'gh');
  return ajv;
}

/** Point local `#/components/...` refs at the shared `gh` schema so ajv can resolve them; fix nullable enums. */
function rebaseRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(rebaseRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `gh${v}` : rebaseRefs(v);
  }
  // OpenAPI 3.0.3: `nullable` admits null even when an `enum` is present; ajv needs null in the enum
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  return out;
}

function compile(key: string, schema: Json | undefined): ValidateFunction | null {
  const cached = validators.get(key);
  if (cached !== undefined) return cached;
  let fn: ValidateFunction | null = null;
  if (schema !== undefined) {
    try {
      fn = getAjv().compile(rebaseRefs(schema) as object);
    } catch {
      fn = null; // a schema ajv cannot compile is skipped rather than failing every request
    }
  }
  validators.set(key, fn);
  return fn;
}

function formatErrors(fn: ValidateFunction): string[] {
  return (fn.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
}

/** Validate a JSON request body against the operation's requestBody schema; returns error strings. */
export function validateRequestBody(match: RouteMatch, method: string, body: unknown): string[] {
  const rb = match.operation?.requestBody;
  if (!rb) return [];
  if (body === undefined) return rb.required ? ['request body is required'] : [];
  const schema = rb.content?.['application/json']?.schema;
  const fn = compile(`${method} ${match.template}`, schema);
  if (!fn || fn(body)) return [];
  return formatErrors(fn);
}

/** Validate an outgoing webhook payload against `x-webhooks` (key like `issue-comment-edited`). */
export function validateWebhookPayload(
  event: string,
  action: string | undefined,
  payload: unknown,
): string[] {
  const hooks = loadSpec()['x-webhooks'];
  const key = [event, action].filter(Boolean).join('-').replace(/_/g, '-');
  const schema = hooks[key]?.post?.requestBody?.content?.['application/json']?.schema;
  if (!schema) return [`no webhook schema for ${key}`];
  const fn = compile(`webhook ${key}`, schema);
  if (!fn || fn(payload)) return [];
  return formatErrors(fn);
}
