import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/telemetry/judge-samples.ts
function durationSeconds(duration) {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  const n = Number(match[1]);
  const unit = match[2];
  const factor = unit === "ms" ? 1e-3 : unit === "s" ? 1 : unit === "m" ? 60 : unit === "h" ? 3600 : 86400;
  return n * factor;
}
function formatReading(value, unit) {
  if (!Number.isFinite(value))
    return `${value > 0 ? "+Inf" : value < 0 ? "-Inf" : "NaN"}${unit ? ` ${unit}` : ""}`;
  if (unit === "B") {
    const units = ["B", "kB", "MB", "GB", "TB"];
    let v = value;
    let i = 0;
    while (Math.abs(v) >= 1e3 && i < units.length - 1) {
      v /= 1e3;
      i++;
    }
    return `${round(v)} ${units[i]}`;
  }
  const figure = round(value);
  return unit === "%" ? `${figure}%` : unit ? `${figure} ${unit}` : String(figure);
}
function round(value) {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(value.toFixed(digits)));
}

// src/core/telemetry/promql.ts
function escapeLabelValue(value) {
  return value.replace(/[\\"\n\r\t]/g, (char) => {
    switch (char) {
      case "\\":
        return "\\\\";
      case '"':
        return '\\"';
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      default:
        return "\\t";
    }
  });
}
function fillVariables(template, vars) {
  const missing = [];
  const query = template.replace(/\{\{\s*([a-z-]+)\s*\}\}/g, (whole, name) => {
    const value = name in vars ? vars[name] : void 0;
    if (value === void 0 || value === "") {
      missing.push(name);
      return whole;
    }
    return escapeLabelValue(value);
  });
  return missing.length > 0 ? { ok: false, missing: [...new Set(missing)] } : { ok: true, query };
}
var join = (...matchers) => `{${matchers.filter((m) => m.trim() !== "").join(",")}}`;
var METRIC_PRESETS = {
  "error-rate": {
    unit: "%",
    describe: "5xx share of requests",
    query: (sel, rate) => (
      // `or vector(0)`: before any 5xx the numerator has no series; no traffic stays 0/0 = NaN (no data)
      `100 * (sum(rate(http_requests_total${join('code=~"5.."', sel)}[${rate}])) or vector(0)) / sum(rate(http_requests_total${join(sel)}[${rate}]))`
    )
  },
  "error-count": {
    unit: "",
    describe: "5xx responses",
    query: (sel, _rate, { over }) => `sum(increase(http_requests_total${join('code=~"5.."', sel)}[${over}])) or vector(0)`
  },
  p95: {
    unit: "ms",
    describe: "p95 latency",
    query: (sel, rate) => `1000 * histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket${join(sel)}[${rate}])))`
  },
  p99: {
    unit: "ms",
    describe: "p99 latency",
    query: (sel, rate) => `1000 * histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket${join(sel)}[${rate}])))`
  },
  "memory-bytes": {
    unit: "B",
    describe: "resident memory (largest instance)",
    query: (sel) => `max(process_resident_memory_bytes${join(sel)})`
  },
  "memory-percent": {
    unit: "%",
    describe: "resident memory of the limit (largest instance)",
    query: (sel, _rate, { memoryLimitBytes }) => memoryLimitBytes === void 0 ? void 0 : `100 * max(process_resident_memory_bytes${join(sel)}) / ${memoryLimitBytes}`
  },
  "memory-growth": {
    unit: "MB/h",
    describe: "resident memory growth (largest instance)",
    query: (sel, rate) => `max(deriv(process_resident_memory_bytes${join(sel)}[${rate}])) * 3600 / 1048576`
  },
  cpu: {
    unit: "%",
    describe: "CPU of one core (busiest instance)",
    query: (sel, rate) => `100 * max(rate(process_cpu_seconds_total${join(sel)}[${rate}]))`
  },
  up: {
    unit: "%",
    describe: "targets up",
    query: (_sel, _rate, { targetSelector }) => `100 * avg(up${join(targetSelector)})`
  },
  uptime: {
    unit: "%",
    describe: "uptime over the window",
    query: (_sel, _rate, { over, targetSelector }) => `100 * avg(avg_over_time(up${join(targetSelector)}[${over}]))`
  }
};
var METRIC_NAMES = Object.keys(METRIC_PRESETS);

export {
  durationSeconds,
  formatReading,
  fillVariables,
  METRIC_PRESETS,
  METRIC_NAMES
};
