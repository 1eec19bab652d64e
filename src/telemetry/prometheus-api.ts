import { z } from 'zod';
import type { Series } from '../core/telemetry/judge-samples.js';

export type { Series };

/** A Prometheus HTTP API answer (`/api/v1/query`, `/api/v1/query_range`). */
const SampleValue = z.tuple([z.number(), z.string()]);
const ApiResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('success'),
    data: z.discriminatedUnion('resultType', [
      z.object({
        resultType: z.literal('vector'),
        result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: SampleValue })),
      }),
      z.object({
        resultType: z.literal('matrix'),
        result: z.array(z.object({ metric: z.record(z.string(), z.string()), values: z.array(SampleValue) })),
      }),
      z.object({ resultType: z.literal('scalar'), result: SampleValue }),
      z.object({ resultType: z.literal('string'), result: SampleValue }),
    ]),
    warnings: z.array(z.string()).optional(),
  }),
  z.object({ status: z.literal('error'), errorType: z.string().optional(), error: z.string().optional() }),
]);

export type QueryAnswer = { ok: true; series: Series[]; warnings: string[] } | { ok: false; reason: string };

export interface PrometheusEndpoint {
  /** Base URL, e.g. `https://prometheus.example.com` or `http://127.0.0.1:9090/prometheus`. */
  url: string;
  /** Sent as the Authorization header; never logged or put in a message. */
  authorization?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export type QueryRequest =
  | { kind: 'instant'; query: string; time: number }
  | { kind: 'range'; query: string; start: number; end: number; stepSeconds: number };

/** The base URL with a trailing slash and without user info (for requests and links). */
export function apiBase(url: string): URL {
  const base = new URL(url.endsWith('/') ? url : `${url}/`);
  base.username = '';
  base.password = '';
  base.search = '';
  base.hash = '';
  return base;
}

/** A link to the Prometheus graph page for the query (the expression browser). */
export function graphLink(url: string, query: string, range: string): string {
  const link = new URL('graph', apiBase(url));
  link.searchParams.set('g0.expr', query);
  link.searchParams.set('g0.tab', '0');
  link.searchParams.set('g0.range_input', range);
  return link.toString();
}

const toNumber = (value: string): number =>
  value === '+Inf' ? Infinity : value === '-Inf' ? -Infinity : Number(value);

/** Runs one query against the HTTP API (POST form, so long queries fit). */
export async function queryPrometheus(
  endpoint: PrometheusEndpoint,
  request: QueryRequest,
): Promise<QueryAnswer> {
  const form = new URLSearchParams({ query: request.query });
  if (request.kind === 'instant') form.set('time', String(request.time));
  else {
    form.set('start', String(request.start));
    form.set('end', String(request.end));
    form.set('step', String(request.stepSeconds));
  }
  const path = request.kind === 'instant' ? 'api/v1/query' : 'api/v1/query_range';
  const target = new URL(path, apiBase(endpoint.url));
  const timeout = AbortSignal.timeout(endpoint.timeoutMs);
  const signal = endpoint.signal ? AbortSignal.any([endpoint.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'POST',
      body: form,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...(endpoint.authorization ? { authorization: endpoint.authorization } : {}),
      },
      redirect: 'error',
      signal,
    });
  } catch (error) {
    if (timeout.aborted)
      return { ok: false, reason: `Prometheus did not answer within ${endpoint.timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      ok: false,
      reason: `Prometheus unreachable at ${target.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
    };
  }
  if (response.status === 401 || response.status === 403)
    return {
      ok: false,
      reason: `Prometheus refused the request (${response.status}): check the credentials in the env vars named by telemetry.prometheus.tokenEnv / usernameEnv / passwordEnv`,
    };
  let body: unknown;
  const text = await response.text();
  try {
    body = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: `Prometheus answered ${response.status} with something that is not its API JSON: ${text.slice(0, 120)}`,
    };
  }
  const parsed = ApiResponse.safeParse(body);
  if (!parsed.success)
    return { ok: false, reason: `Prometheus answered ${response.status} with an unexpected shape` };
  const answer = parsed.data;
  if (answer.status === 'error')
    return {
      ok: false,
      reason: `query error (${answer.errorType ?? response.status}): ${answer.error ?? 'no detail'}`,
    };
  const warnings = answer.warnings ?? [];
  const data = answer.data;
  switch (data.resultType) {
    case 'vector':
      return {
        ok: true,
        warnings,
        series: data.result.map((row) => ({
          labels: row.metric,
          samples: [[row.value[0], toNumber(row.value[1])]],
        })),
      };
    case 'matrix':
      return {
        ok: true,
        warnings,
        series: data.result.map((row) => ({
          labels: row.metric,
          samples: row.values.map(([at, value]): [number, number] => [at, toNumber(value)]),
        })),
      };
    case 'scalar':
      return {
        ok: true,
        warnings,
        series: [{ labels: {}, samples: [[data.result[0], toNumber(data.result[1])]] }],
      };
    case 'string':
      return { ok: false, reason: 'the query returns a string, not a number' };
  }
}
