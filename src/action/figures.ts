/** Renders a result's metrics as short figures for the summary table ("mainBytes 61.2 kB / 80 kB"). */
export function formatFigures(metrics: Record<string, number> | undefined): string {
  if (!metrics) return '';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(metrics)) {
    // Budgets are shown next to the measured figure they belong to ("main 61.2 kB / 80 kB").
    if (/LimitBytes$/.test(name)) continue;
    const limit = name.endsWith('Bytes') ? metrics[name.replace(/Bytes$/, 'LimitBytes')] : undefined;
    const label = name.replace(/(Bytes|Ms|Percent)$/, '') || name;
    const shown = formatValue(name, value);
    parts.push(limit === undefined ? `${label} ${shown}` : `${label} ${shown} / ${formatValue(name, limit)}`);
  }
  return parts.join(', ');
}

function formatValue(name: string, value: number): string {
  if (name.endsWith('Bytes')) return formatBytes(value);
  if (name.endsWith('Ms')) return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${round(value)} ms`;
  if (name.endsWith('Percent')) return `${round(value)}%`;
  return String(round(value));
}

function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

function round(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
}
