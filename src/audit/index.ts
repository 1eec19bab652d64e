/** The audit page: signed short-lived links, the HTML page, and the HTTP handler the bot mounts. */
export * from './audit-handler.js';
export * from './audit-link.js';
export * from './audit-page.js';
export { AUDIT_HEADER_CSP, AUDIT_META_CSP } from './html.js';
