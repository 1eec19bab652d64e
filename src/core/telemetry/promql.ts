/**
 * PromQL building: the default queries by metric name, and `{{variable}}` filling. Values are
 * escaped for a PromQL double-quoted string (a label value), so a version such as `6.0.3"}` cannot
 * close the matcher and inject a query.
 */

/** Escapes a value for a PromQL double-quoted string literal. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n\r\t]/g, (char) => {
    switch (char) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      default:
        return '\\t';
    }
  });
}

export type QueryVariables = Partial<Record<'version' | 'sha' | 'environment', string>>;

export type FillResult = { ok: true; query: string } | { ok: false; missing: string[] };

/** Fills `{{version}}`, `{{sha}}`, `{{environment}}`; an unknown or unset variable is an error, not "". */
export function fillVariables(template: string, vars: QueryVariables): FillResult {
  const missing: string[] = [];
  const query = template.replace(/\{\{\s*([a-z-]+)\s*\}\}/g, (whole, name: string) => {
    const value = name in vars ? vars[name as keyof QueryVariables] : undefined;
    if (value === undefined || value === '') {
      missing.push(name);
      return whole;
    }
    return escapeLabelValue(value);
  });
  return missing.length > 0 ? { ok: false, missing: [...new Set(missing)] } : { ok: true, query };
}

/** What a default query measures, for display. */
export interface MetricPreset {
  unit: string;
  /** The query, built from the selector (label matchers, may be '') and the rate window. */
  query(
    selector: string,
    rate: string,
    options: { over: string; targetSelector: string; memoryLimitBytes?: number },
  ): string | undefined;
  describe: string;
}

const join = (...matchers: string[]) => `{${matchers.filter((m) => m.trim() !== '').join(',')}}`;

/**
 * Default queries for prom-client / OpenTelemetry-style metric names:
 * `http_requests_total{code}` (counter, label `code` = HTTP status), `http_request_duration_seconds`
 * (histogram), `process_resident_memory_bytes`, `process_cpu_seconds_total`, `up`.
 */
export const METRIC_PRESETS: Record<string, MetricPreset> = {
  'error-rate': {
    unit: '%',
    describe: '5xx share of requests',
    query: (sel, rate) =>
      // `or vector(0)`: before any 5xx the numerator has no series; no traffic stays 0/0 = NaN (no data)
      `100 * (sum(rate(http_requests_total${join('code=~"5.."', sel)}[${rate}])) or vector(0)) / sum(rate(http_requests_total${join(sel)}[${rate}]))`,
  },
  'error-count': {
    unit: '',
    describe: '5xx responses',
    query: (sel, _rate, { over }) =>
      `sum(increase(http_requests_total${join('code=~"5.."', sel)}[${over}])) or vector(0)`,
  },
  p95: {
    unit: 'ms',
    describe: 'p95 latency',
    query: (sel, rate) =>
      `1000 * histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket${join(sel)}[${rate}])))`,
  },
  p99: {
    unit: 'ms',
    describe: 'p99 latency',
    query: (sel, rate) =>
      `1000 * histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket${join(sel)}[${rate}])))`,
  },
  'memory-bytes': {
    unit: 'B',
    describe: 'resident memory (largest instance)',
    query: (sel) => `max(process_resident_memory_bytes${join(sel)})`,
  },
  'memory-percent': {
    unit: '%',
    describe: 'resident memory of the limit (largest instance)',
    query: (sel, _rate, { memoryLimitBytes }) =>
      memoryLimitBytes === undefined
        ? undefined
        : `100 * max(process_resident_memory_bytes${join(sel)}) / ${memoryLimitBytes}`,
  },
  'memory-growth': {
    unit: 'MB/h',
    describe: 'resident memory growth (largest instance)',
    query: (sel, rate) => `max(deriv(process_resident_memory_bytes${join(sel)}[${rate}])) * 3600 / 1048576`,
  },
  cpu: {
    unit: '%',
    describe: 'CPU of one core (busiest instance)',
    query: (sel, rate) => `100 * max(rate(process_cpu_seconds_total${join(sel)}[${rate}]))`,
  },
  up: {
    unit: '%',
    describe: 'targets up',
    query: (_sel, _rate, { targetSelector }) => `100 * avg(up${join(targetSelector)})`,
  },
  uptime: {
    unit: '%',
    describe: 'uptime over the window',
    query: (_sel, _rate, { over, targetSelector }) =>
      `100 * avg(avg_over_time(up${join(targetSelector)}[${over}]))`,
  },
};

export const METRIC_NAMES = Object.keys(METRIC_PRESETS);
