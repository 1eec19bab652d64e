/** The signed, short-lived audit link a check run's "Details" points at (see audit-access.ts). */
import { createAuditLink } from '../../audit/audit-link.js';
import type { RepoRef } from '../../github/types.js';
import type { Bot } from '../runtime/bot.js';

/** How long a link in a check run stays valid; every check-run write signs a new one. */
export const AUDIT_LINK_TTL_MS = 7 * 24 * 3600_000;

/** The signed audit link for a PR, or undefined when the app has no public URL. */
export function auditDetailsUrl(bot: Bot, repo: RepoRef, pr: number): string | undefined {
  if (!bot.publicUrl) return undefined;
  try {
    return createAuditLink(
      bot.publicUrl,
      { ...repo, pr, expiresAt: new Date(bot.now().getTime() + AUDIT_LINK_TTL_MS) },
      bot.options.ledgerSecret,
    );
  } catch {
    return undefined; // a repository name the link format does not take: no link rather than no check run
  }
}
