/** Size units as size-limit reads them: kB = 1000 B (KB accepted as the same), KiB = 1024 B. */
const UNIT_BYTES: Record<string, number> = {
  b: 1,
  kb: 1000,
  mb: 1000 ** 2,
  kib: 1024,
  mib: 1024 ** 2,
};

/** `80kB`, `80 kB`, `50KB`, `1.5 MB`, `512` (bytes) or a number of bytes → bytes; undefined when unreadable. */
export function parseByteSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!match) return undefined;
  const factor = UNIT_BYTES[(match[2] || 'b').toLowerCase()];
  return factor === undefined ? undefined : Math.round(Number(match[1]) * factor);
}

/** 812 B, 61.2 kB, 1.25 MB — decimal units, like size-limit's output. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1000 ** 2) return `${trim((bytes / 1000).toFixed(1))} kB`;
  return `${trim((bytes / 1000 ** 2).toFixed(2))} MB`;
}

function trim(fixed: string): string {
  return fixed.replace(/\.?0+$/, '');
}
