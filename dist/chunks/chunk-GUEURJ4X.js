import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// checks/lib/load/load-percentile.ts
function nearestRank(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.max(1, Math.ceil(p / 100 * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}
function formatMs(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

export {
  nearestRank,
  formatMs
};
