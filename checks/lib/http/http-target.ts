import type { CheckContext, CheckOutcome } from '../../check.js';

export const NO_TARGET_REASON =
  'no target URL: pass --url or set target.url / target.start in .github/shipgate.yml';

/** A resolved target URL, or the `skipped` outcome a runtime check returns without one. */
export type TargetResolution = { ok: true; url: URL } | { ok: false; outcome: CheckOutcome };

/**
 * Joins the target URL (or an explicit override) with a path param. Paths are resolved against the
 * target's origin and base path, so `http://host/app/` + `/health` → `http://host/app/health`.
 */
export function resolveTarget(ctx: CheckContext, path?: string, override?: string): TargetResolution {
  const base = override ?? ctx.targetUrl;
  if (!base) return { ok: false, outcome: { status: 'skipped', summary: NO_TARGET_REASON } };
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    return { ok: false, outcome: { status: 'error', summary: `invalid target URL: ${base}` } };
  }
  if (!path) return { ok: true, url: parsed };
  const basePath = parsed.pathname.replace(/\/+$/, '');
  const [pathname = '', query] = path.split('?', 2);
  const joined = new URL(parsed.href);
  joined.pathname = `${basePath}/${pathname.replace(/^\/+/, '')}`;
  joined.search = query ? `?${query}` : '';
  return { ok: true, url: joined };
}

/** `http://127.0.0.1:4173/api/menu` → `/api/menu`, for short summaries. */
export function shortPath(url: URL): string {
  return `${url.pathname}${url.search}`;
}
