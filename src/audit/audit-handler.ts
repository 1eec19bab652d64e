import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AuditRecord, verifyAuditRecord } from '../core/audit/audit-record.js';
import { AuditRecordSchema } from '../core/audit/audit-schema.js';
import { parseAuditPath, verifyAuditLink } from './audit-link.js';
import { renderAuditPage } from './audit-page.js';
import { AUDIT_HEADER_CSP, messagePage } from './html.js';

export interface AuditHandlerOptions {
  /** Signs the links and the records. */
  secret: string;
  loadRecord: (owner: string, repo: string, pr: number) => Promise<AuditRecord | undefined>;
  now: () => Date;
  /** Path prefix the app is mounted under, e.g. `/shipgate` (default: none). */
  basePath?: string;
}

/** Sent with every response from this handler, pages and refusals alike. */
export const AUDIT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': AUDIT_HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'private, no-store',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Robots-Tag': 'noindex, nofollow',
};

/**
 * `GET /audit/:owner/:repo/:pr?exp=…&sig=…`. Resolves false for any other path so the bot's
 * server can try its next route. The link is checked before anything is loaded, so a refused
 * request learns nothing, not even whether a record exists.
 */
export function createAuditHandler(options: AuditHandlerOptions) {
  const prefix = (options.basePath ?? '').replace(/\/+$/, '');
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://audit.invalid');
    if (prefix && !url.pathname.startsWith(`${prefix}/`)) return false;
    const pathname = url.pathname.slice(prefix.length);
    if (pathname !== '/audit' && !pathname.startsWith('/audit/')) return false;
    const target = parseAuditPath(pathname);
    if (!target) {
      send(res, 404, messagePage('Not found', 'There is no audit page at this address.'));
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, messagePage('Method not allowed', 'Audit pages can only be read.'), {
        Allow: 'GET, HEAD',
      });
      return true;
    }
    const link = verifyAuditLink(`${pathname}${url.search}`, options.secret, options.now());
    if (link.status !== 'ok') {
      const message =
        link.status === 'expired'
          ? 'This audit link has expired. Ask shipgate for a new one on the pull request.'
          : 'This audit link is missing its signature or is not valid. Use the link shipgate posted on the pull request.';
      send(res, 403, messagePage('Access denied', message));
      return true;
    }
    let record: AuditRecord | undefined;
    try {
      record = await options.loadRecord(target.owner, target.repo, target.pr);
    } catch {
      send(
        res,
        500,
        messagePage('Audit record unavailable', 'The audit record could not be loaded. Try again later.'),
      );
      return true;
    }
    if (!record) {
      send(res, 404, messagePage('No audit record', 'No audit record exists for this pull request yet.'));
      return true;
    }
    // A record that fails its signature is still shown (with a warning) if it has the right shape.
    const verified = verifyAuditRecord(record, options.secret);
    const shaped = verified.ok ? verified.record : AuditRecordSchema.safeParse(record).data;
    if (!shaped) {
      send(res, 500, messagePage('Audit record unavailable', 'The stored audit record is malformed.'));
      return true;
    }
    const page = renderAuditPage(shaped, {
      signature: verified.ok ? 'verified' : 'invalid',
      ...(link.viewer ? { viewer: link.viewer } : {}),
      linkExpiresAt: link.expiresAt,
    });
    send(res, 200, page);
    return true;
  };
}

function send(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    ...AUDIT_SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
