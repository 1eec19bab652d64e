import type { CheckContext, CheckOutcome } from '../../check.js';

export const NO_TARGET_REASON =
  'no target URL: pass --url or set target.url / target.start in .github/shipgate.yml';

/** A resolved target URL, or the `skipped` outcome a runtime check returns without one. */
export type TargetResolution = { ok: true; url: URL } | { ok: false; outcome: CheckOutcome };

/**
 * Composes a check's URL the way a user reads `target.url` and `path=`: the target is an origin plus
 * a base path, and a check's path is relative to that base (`http://host/app/` + `/health` →
 * `http://host/app/health`). The base is the URL's directory, as a browser resolves a relative link:
 * `http://host/login` has base `/`, so its health is `/health`, never `/login/health`. Without a
 * path the check uses the target URL itself.
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
  if (path === undefined) return { ok: true, url: parsed };
  return { ok: true, url: joinBase(parsed, path) };
}

/** `joinBase(new URL('http://h/app/'), '/health')` → `http://h/app/health`. */
export function joinBase(target: URL, path: string): URL {
  const baseDir = target.pathname.slice(0, target.pathname.lastIndexOf('/') + 1) || '/';
  const [pathname = '', query] = path.split('?', 2);
  const joined = new URL(target.href);
  joined.pathname = `${baseDir}${pathname.replace(/^\/+/, '')}`;
  joined.search = query ? `?${query}` : '';
  joined.hash = '';
  return joined;
}

/** `http://127.0.0.1:4173/api/menu` → `/api/menu`, for short summaries. */
export function shortPath(url: URL): string {
  return `${url.pathname}${url.search}`;
}
