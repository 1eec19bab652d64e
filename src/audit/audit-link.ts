import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, short-lived links to an audit page. The page is private (it names reviewers and shows
 * findings), so the bot hands out a link that carries its own proof: `exp` (unix seconds) and
 * `sig` = HMAC-SHA256 over the path, the expiry and the optional viewer. No session, no cookie,
 * nothing to store; a link stops working when it expires or when the secret rotates.
 */
export interface AuditTarget {
  owner: string;
  repo: string;
  pr: number;
}

export interface AuditLinkRequest extends AuditTarget {
  /** Login the link was issued to; shown on the page and covered by the signature. */
  viewer?: string;
  expiresAt: Date;
}

export type AuditLinkCheck =
  | { status: 'ok'; target: AuditTarget; viewer?: string; expiresAt: Date }
  | { status: 'expired'; expiresAt: Date }
  | { status: 'bad-signature'; reason: string };

const NAME = /^[A-Za-z0-9._-]{1,100}$/;
const PATH = /^\/audit\/([A-Za-z0-9._-]{1,100})\/([A-Za-z0-9._-]{1,100})\/([1-9]\d{0,9})\/?$/;
const VIEWER = /^[A-Za-z0-9-]{1,39}(\[bot\])?$/;

/** `/audit/acme/web/42`: the path the signature covers, whatever base URL the app is served under. */
export function auditPath(target: AuditTarget): string {
  if (
    !NAME.test(target.owner) ||
    !NAME.test(target.repo) ||
    target.owner.startsWith('.') ||
    target.repo.startsWith('.')
  )
    throw new Error(`not a GitHub repository name: ${target.owner}/${target.repo}`);
  if (!Number.isSafeInteger(target.pr) || target.pr < 1)
    throw new Error(`not a pull request number: ${target.pr}`);
  return `/audit/${target.owner}/${target.repo}/${target.pr}`;
}

/** Parses `/audit/:owner/:repo/:pr` (after any base path was removed); undefined for other paths. */
export function parseAuditPath(pathname: string): AuditTarget | undefined {
  const match = PATH.exec(pathname);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  if (match[1].startsWith('.') || match[2].startsWith('.')) return undefined;
  return { owner: match[1], repo: match[2], pr: Number(match[3]) };
}

export function createAuditLink(baseUrl: string, request: AuditLinkRequest, secret: string): string {
  const path = auditPath(request);
  if (request.viewer !== undefined && !VIEWER.test(request.viewer))
    throw new Error(`not a GitHub login: ${request.viewer}`);
  const exp = Math.floor(request.expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(exp) || exp <= 0) throw new Error('expiresAt is not a valid time');
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  url.search = '';
  url.hash = '';
  if (request.viewer) url.searchParams.set('viewer', request.viewer);
  url.searchParams.set('exp', String(exp));
  url.searchParams.set('sig', linkSignature(path, exp, request.viewer, secret));
  return url.toString();
}

/**
 * Checks a link (absolute URL, or path + query as seen by the server, base path already removed).
 * The signature is checked before the expiry, so a hand-edited `exp` reads as tampering.
 */
export function verifyAuditLink(url: string, secret: string, now: Date): AuditLinkCheck {
  const parsed = new URL(url, 'http://audit.invalid');
  const target = parseAuditPath(parsed.pathname);
  if (!target) return { status: 'bad-signature', reason: 'not an audit link' };
  const sig = parsed.searchParams.get('sig');
  const expText = parsed.searchParams.get('exp');
  const viewer = parsed.searchParams.get('viewer') ?? undefined;
  if (!sig || !expText) return { status: 'bad-signature', reason: 'the link is not signed' };
  if (!/^\d{1,12}$/.test(expText)) return { status: 'bad-signature', reason: 'the link expiry is malformed' };
  if (viewer !== undefined && !VIEWER.test(viewer))
    return { status: 'bad-signature', reason: 'the link viewer is malformed' };
  const exp = Number(expText);
  const expected = Buffer.from(linkSignature(auditPath(target), exp, viewer, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { status: 'bad-signature', reason: 'the link signature does not match' };
  const expiresAt = new Date(exp * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { status: 'expired', expiresAt };
  return { status: 'ok', target, ...(viewer ? { viewer } : {}), expiresAt };
}

function linkSignature(path: string, exp: number, viewer: string | undefined, secret: string): string {
  // The prefix keeps link MACs apart from ledger and record MACs made with the same secret.
  return createHmac('sha256', secret)
    .update(`shipgate-audit-link|${path}|${exp}|${viewer ?? ''}`)
    .digest('base64url');
}
