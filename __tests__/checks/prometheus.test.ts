import type { IncomingMessage } from 'node:http';
import type { CheckContext } from '../../checks/check.js';
import { prometheusCheck } from '../../checks/prometheus.js';
import { PrometheusConfigSchema } from '../../src/core/config/telemetry-config.js';
import { judgeSamples } from '../../src/core/telemetry/judge-samples.js';
import { escapeLabelValue, fillVariables, METRIC_PRESETS } from '../../src/core/telemetry/promql.js';
import { runtimeContext } from '../helpers/runtime-context.js';
import { type RunningServer, refusedUrl, startHttpServer } from '../helpers/runtime-servers.js';

interface Seen {
  path: string;
  form: URLSearchParams;
  authorization: string | undefined;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
  });

/** A stand-in speaking the Prometheus HTTP API: answers are chosen by the query text. */
describe('prometheus check against a Prometheus API stand-in', () => {
  let server: RunningServer;
  const seen: Seen[] = [];
  const vector = (value: string, metric: Record<string, string> = {}) => ({
    status: 'success',
    data: { resultType: 'vector', result: [{ metric, value: [1_700_000_000, value] }] },
  });
  beforeAll(async () => {
    server = await startHttpServer(async (req, res) => {
      const form = new URLSearchParams(await readBody(req));
      const path = (req.url ?? '').split('?')[0] ?? '';
      seen.push({ path, form, authorization: req.headers.authorization });
      const query = form.get('query') ?? '';
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (query === 'ok_metric') return send(200, vector('0.4'));
      if (query === 'high_metric') return send(200, vector('7.5'));
      if (query === 'nan_metric') return send(200, vector('NaN'));
      if (query === 'inf_metric') return send(200, vector('+Inf'));
      if (query === 'empty_metric')
        return send(200, { status: 'success', data: { resultType: 'vector', result: [] } });
      if (query === 'two_series')
        return send(200, {
          status: 'success',
          data: {
            resultType: 'vector',
            result: [
              { metric: { instance: 'a' }, value: [1, '1'] },
              { metric: { instance: 'b' }, value: [1, '9'] },
            ],
          },
        });
      if (query === 'scalar_metric')
        return send(200, { status: 'success', data: { resultType: 'scalar', result: [1, '2'] } });
      if (query === 'bad(')
        return send(400, { status: 'error', errorType: 'bad_data', error: 'parse error at char 5' });
      if (query === 'secret_metric') {
        if (req.headers.authorization !== 'Bearer s3cr3t-token')
          return res.writeHead(401).end('Unauthorized');
        return send(200, vector('1'));
      }
      if (query === 'html') return res.writeHead(200).end('<html>login</html>');
      if (query.startsWith('range_')) {
        const start = Number(form.get('start'));
        const end = Number(form.get('end'));
        const step = Number(form.get('step'));
        const values: Array<[number, string]> = [];
        for (let at = start, i = 0; at <= end; at += step, i++) {
          const breach = query === 'range_spike' && i === 3;
          values.push([at, query === 'range_nan' ? 'NaN' : breach ? '12' : '0.5']);
        }
        return send(200, {
          status: 'success',
          data: { resultType: 'matrix', result: [{ metric: {}, values }] },
        });
      }
      // anything else echoes as a vector of 1 so the query text can be asserted
      return send(200, vector('1'));
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    seen.length = 0;
  });

  const prometheus = (extra: Record<string, unknown> = {}) =>
    PrometheusConfigSchema.parse({ url: server.url, ...extra });
  const run = (params: Record<string, unknown>, ctx: Partial<CheckContext> = {}) =>
    prometheusCheck.run(
      prometheusCheck.params.parse(params),
      runtimeContext({ telemetry: { prometheus: prometheus() }, ...ctx }),
    );

  test('passes within max, with the query, window and graph link in the details', async () => {
    const outcome = await run({ query: 'ok_metric', max: 1, unit: '%' });
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('reading 0.4%, ≤ 1%');
    expect(outcome.metrics?.value).toBe(0.4);
    expect(outcome.details).toContain('query: ok_metric');
    expect(outcome.details).toContain('window: now');
    expect(outcome.details).toContain(
      `graph: ${server.url}graph?g0.expr=ok_metric&g0.tab=0&g0.range_input=1h`,
    );
    expect(seen[0]?.path).toBe('/api/v1/query');
    expect(Number(seen[0]?.form.get('time'))).toBeGreaterThan(1_700_000_000);
  });

  test('fails above max and below min', async () => {
    expect((await run({ query: 'high_metric', max: 5, unit: '%' })).summary).toBe('reading 7.5%, limit ≤ 5%');
    expect((await run({ query: 'high_metric', max: 5 })).status).toBe('fail');
    expect((await run({ query: 'ok_metric', min: 99.9 })).status).toBe('fail');
    expect((await run({ query: 'high_metric', min: 1, max: 10 })).status).toBe('pass');
  });

  test('+Inf is a reading (past any max), a scalar is read, several series are judged by the worst', async () => {
    expect((await run({ query: 'inf_metric', max: 1000 })).status).toBe('fail');
    expect((await run({ query: 'scalar_metric', max: 3 })).status).toBe('pass');
    const two = await run({ query: 'two_series', max: 5 });
    expect(two.status).toBe('fail');
    expect(two.metrics?.value).toBe(9);
  });

  test('no series, NaN, a query error, HTML or an unreachable server never pass', async () => {
    const empty = await run({ query: 'empty_metric', max: 1 });
    expect(empty).toMatchObject({
      status: 'skipped',
      summary: 'no data: the query returned no series — inconclusive, a person decides',
    });
    const nan = await run({ query: 'nan_metric', max: 1 });
    expect(nan.status).toBe('skipped');
    expect(nan.summary).toMatch(/^no data: the query returned only NaN/);
    const bad = await run({ query: 'bad(', max: 1 });
    expect(bad).toMatchObject({ status: 'error', summary: 'query error (bad_data): parse error at char 5' });
    expect((await run({ query: 'html', max: 1 })).status).toBe('error');
    const down = await prometheusCheck.run(
      prometheusCheck.params.parse({ query: 'ok_metric', max: 1 }),
      runtimeContext({
        telemetry: { prometheus: PrometheusConfigSchema.parse({ url: await refusedUrl() }) },
      }),
    );
    expect(down.status).toBe('error');
    expect(down.summary).toMatch(/^Prometheus unreachable at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
  });

  test('skips without a configured server; PROMETHEUS_URL works too', async () => {
    const params = prometheusCheck.params.parse({ query: 'ok_metric', max: 1 });
    expect((await prometheusCheck.run(params, runtimeContext())).summary).toBe(
      'no Prometheus configured: set telemetry.prometheus.url (or PROMETHEUS_URL)',
    );
    const viaEnv = await prometheusCheck.run(params, runtimeContext({ env: { PROMETHEUS_URL: server.url } }));
    expect(viaEnv.status).toBe('pass');
  });

  test('sends a bearer token or basic auth from env and never prints it', async () => {
    const ctx = runtimeContext({
      telemetry: { prometheus: prometheus() },
      env: { PROMETHEUS_TOKEN: 's3cr3t-token' },
    });
    const outcome = await prometheusCheck.run(
      prometheusCheck.params.parse({ query: 'secret_metric', max: 5 }),
      ctx,
    );
    expect(outcome.status).toBe('pass');
    expect(JSON.stringify(outcome) + ctx.logs.join('\n')).not.toContain('s3cr3t');
    const refused = await run({ query: 'secret_metric', max: 5 });
    expect(refused.status).toBe('error');
    expect(refused.summary).toMatch(/^Prometheus refused the request \(401\)/);
    await prometheusCheck.run(
      prometheusCheck.params.parse({ query: 'ok_metric', max: 5 }),
      runtimeContext({
        telemetry: { prometheus: prometheus({ usernameEnv: 'PROM_USER', passwordEnv: 'PROM_PASS' }) },
        env: { PROM_USER: 'ops', PROM_PASS: 'pw' },
      }),
    );
    expect(seen.at(-1)?.authorization).toBe(`Basic ${Buffer.from('ops:pw').toString('base64')}`);
  });

  test('fills {{version}}, {{sha}}, {{environment}} escaped; an unknown one skips', async () => {
    await run(
      { query: 'x{version="{{version}}",sha="{{sha}}",env="{{environment}}"}', max: 5 },
      { releaseVersion: '6.0.3"}or vector(0) #', sha: 'abc123', environment: 'production' },
    );
    expect(seen[0]?.form.get('query')).toBe(
      'x{version="6.0.3\\"}or vector(0) #",sha="abc123",env="production"}',
    );
    const missing = await run({ query: 'x{sha="{{sha}}"}', max: 5 });
    expect(missing).toMatchObject({
      status: 'skipped',
      summary: 'the query uses {{sha}}, unknown for this run',
    });
  });

  test('default queries follow the selector, the rate window and config overrides', async () => {
    const ctx = (extra: Record<string, unknown>) =>
      runtimeContext({ telemetry: { prometheus: prometheus(extra) }, releaseVersion: '6.0.3' });
    await prometheusCheck.run(
      prometheusCheck.params.parse({ metric: 'error-rate', max: 5 }),
      ctx({ selector: 'job="shop",version="{{version}}"', rateWindow: '1m' }),
    );
    expect(seen[0]?.form.get('query')).toBe(
      '100 * (sum(rate(http_requests_total{code=~"5..",job="shop",version="6.0.3"}[1m])) or vector(0)) / sum(rate(http_requests_total{job="shop",version="6.0.3"}[1m]))',
    );
    await prometheusCheck.run(
      prometheusCheck.params.parse({ metric: 'p95', max: 200 }),
      ctx({ queries: { p95: 'ok_metric' } }),
    );
    expect(seen[1]?.form.get('query')).toBe('ok_metric');
    const memory = await prometheusCheck.run(
      prometheusCheck.params.parse({ metric: 'memory-percent', max: 80 }),
      ctx({}),
    );
    expect(memory.status).toBe('skipped');
    expect(memory.summary).toMatch(/memoryLimitBytes/);
  });

  test('a window samples every interval: one breach fails, failureLimit tolerates it, NaN is no data', async () => {
    const healthy = await run({ query: 'range_ok', max: 5, window: '5m', interval: '30s', unit: '%' });
    expect(healthy.status).toBe('pass');
    expect(healthy.summary).toBe('reading 0.5%, ≤ 5%, max of 11 samples over the last 5m, every 30s');
    expect(seen[0]?.path).toBe('/api/v1/query_range');
    expect(Number(seen[0]?.form.get('end')) - Number(seen[0]?.form.get('start'))).toBe(300);
    expect(seen[0]?.form.get('step')).toBe('30');
    const spike = await run({ query: 'range_spike', max: 5, window: '5m', interval: '30s' });
    expect(spike.status).toBe('fail');
    expect(spike.summary).toMatch(
      /out of limits \(≤ 5\) in 1 of 11 samples from .*Z; worst 12 over the last 5m/,
    );
    const tolerated = await run({
      query: 'range_spike',
      max: 5,
      window: '5m',
      interval: '30s',
      failureLimit: 1,
    });
    expect(tolerated.status).toBe('pass');
    const nan = await run({ query: 'range_nan', max: 5, window: '5m' });
    expect(nan.status).toBe('skipped');
  });

  test('parameters are validated', () => {
    expect(prometheusCheck.params.safeParse({ query: 'up' }).success).toBe(false);
    expect(prometheusCheck.params.safeParse({ max: 1 }).success).toBe(false);
    expect(prometheusCheck.params.safeParse({ metric: 'nope', max: 1 }).success).toBe(false);
    expect(prometheusCheck.params.safeParse({ metric: 'cpu', max: 1, window: '5 minutes' }).success).toBe(
      false,
    );
    expect(PrometheusConfigSchema.safeParse({ url: 'https://u:p@prom.example.com' }).success).toBe(false);
  });
});

describe('PromQL templating and sample judging', () => {
  test.each([
    ['6.0.3', '6.0.3'],
    ['a"b', 'a\\"b'],
    ['a\\b', 'a\\\\b'],
    ['line\nbreak', 'line\\nbreak'],
  ])('escapes %j for a label value', (raw, escaped) => {
    expect(escapeLabelValue(raw)).toBe(escaped);
  });

  test('fillVariables reports every missing variable once', () => {
    expect(fillVariables('{{version}} {{sha}} {{version}} {{nope}}', { version: '1' })).toEqual({
      ok: false,
      missing: ['sha', 'nope'],
    });
    expect(fillVariables('up{env="{{ environment }}"}', { environment: 'prod' })).toEqual({
      ok: true,
      query: 'up{env="prod"}',
    });
  });

  const series = (values: number[]) => [
    { labels: {}, samples: values.map((v, i): [number, number] => [i, v]) },
  ];
  const opts = { failureLimit: 0, minSamples: 1, aggregate: 'max' as const };
  test.each([
    ['all within', [1, 2, 3], { max: 5 }, opts, { pass: true, value: 3, breaches: 0 }],
    ['one over', [1, 6, 3], { max: 5 }, opts, { pass: false, value: 6, breaches: 1, firstBreachAt: 1 }],
    ['limit is inclusive', [5], { max: 5 }, opts, { pass: true }],
    [
      'min',
      [99.95, 99.8],
      { min: 99.9 },
      { ...opts, aggregate: 'min' as const },
      { pass: false, value: 99.8 },
    ],
    ['failureLimit', [6, 1, 7], { max: 5 }, { ...opts, failureLimit: 2 }, { pass: true, breaches: 2 }],
    ['avg reported', [1, 3], { max: 5 }, { ...opts, aggregate: 'avg' as const }, { value: 2 }],
    ['NaN samples skipped', [Number.NaN, 1], { max: 5 }, opts, { pass: true, samples: 1 }],
  ])('%s', (_name, values, limits, options, expected) => {
    expect(judgeSamples(series(values), limits, options)).toMatchObject({ kind: 'judged', ...expected });
  });

  test('too few samples or only NaN is no data', () => {
    expect(judgeSamples(series([1, 2]), { max: 5 }, { ...opts, minSamples: 3 })).toEqual({
      kind: 'no-data',
      reason: '2 sample(s) in the window, 3 needed',
    });
    expect(judgeSamples(series([Number.NaN]), { max: 5 }, opts).kind).toBe('no-data');
    expect(judgeSamples([], { max: 5 }, opts).kind).toBe('no-data');
  });

  test('every preset builds a query for an empty selector', () => {
    for (const [name, preset] of Object.entries(METRIC_PRESETS)) {
      const query = preset.query('', '5m', { over: '1h', targetSelector: '', memoryLimitBytes: 1e9 });
      expect([name, typeof query]).toEqual([name, 'string']);
      expect(query).not.toContain('{,');
    }
  });
});
