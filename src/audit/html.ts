import { createHash } from 'node:crypto';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The one stylesheet every audit page uses; allowed by hash, so the CSP needs no 'unsafe-inline'. */
export const AUDIT_STYLE = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#4a5260;--line:#c9d1d9;--bg:#fff;--soft:#f4f6f8;--link:#0647a8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--link)}
a:focus-visible{outline:3px solid #1f6feb;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
header,main,footer,nav{max-width:76rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem;border-bottom:1px solid var(--line)}
.brand{margin:0;color:var(--muted);font-size:.875rem;text-transform:uppercase;letter-spacing:.06em}
h1{margin:.25rem 0 1rem;font-size:1.75rem;line-height:1.25}
h2{margin:2.25rem 0 .75rem;font-size:1.375rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
code{font:.875em/1.4 ui-monospace,"DejaVu Sans Mono",monospace;background:var(--soft);padding:.05em .3em;border-radius:3px;overflow-wrap:anywhere}
.gate{margin:0 0 1.25rem;padding:.75rem 1rem;border-radius:6px;border:2px solid;font-size:1.0625rem}
.gate-success{background:#e7f5ec;border-color:#1a7f37;color:#0b4a20}
.gate-failure{background:#fdecec;border-color:#b42318;color:#7a1010}
.gate-action_required{background:#fff6dc;border-color:#9a6700;color:#4d3300}
.alert{margin:0 0 1rem;padding:.75rem 1rem;border:2px solid #b42318;background:#fdecec;color:#7a1010;border-radius:6px;font-weight:600}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:.75rem 0;margin:0}
.counts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;list-style:none;padding:0;margin:.5rem 0 0}
.counts strong{font-size:1.25rem}
table{width:100%;border-collapse:collapse;margin:0 0 1.5rem;font-size:.9375rem}
caption{text-align:left;font-weight:700;font-size:1.0625rem;padding:.5rem 0}
th,td{border:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
tbody th{font-weight:500}
td.when{white-space:nowrap}
table.items{table-layout:fixed}
col.c-item{width:30%}col.c-status{width:10rem}col.c-by{width:9rem}col.c-when{width:11.5rem}
col.c-control{width:22rem}col.c-sod{width:8rem}col.c-glass{width:9.5rem}col.c-rollback{width:6.5rem}col.c-signals{width:8rem}col.c-pr{width:4.5rem}col.c-version{width:5.5rem}col.c-author{width:6.5rem}col.c-badge{width:10rem}
td p{margin:0 0 .25rem}
th,td{overflow-wrap:anywhere}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:1rem;border:1px solid;font-size:.875rem;font-weight:600;white-space:nowrap}
.t-done{background:#e7f5ec;color:#0b4a20;border-color:#1a7f37}
.t-waived{background:#f3ebfb;color:#4b1d7a;border-color:#8250df}
.t-failing{background:#fdecec;color:#7a1010;border-color:#b42318}
.t-waiting,.t-pending{background:#fff6dc;color:#4d3300;border-color:#9a6700}
.t-skipped,.t-optional{background:var(--soft);color:#30363d;border-color:#8c959f}
.note{margin:0}
.findings{margin:.25rem 0 0;padding-left:1.25rem;font-size:.875rem}
tr.rejected{background:#fdf2f2}
.meta{color:var(--muted);font-size:.875rem}
footer{margin-top:2rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.875rem}
@media print{nav,.skip{display:none}body{font-size:11pt}}
`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(AUDIT_STYLE).digest('base64')}'`;

/** For the `<meta>` tag: everything a meta CSP may carry (frame-ancestors only works as a header). */
export const AUDIT_META_CSP = `default-src 'none'; style-src ${STYLE_HASH}; img-src 'none'; base-uri 'none'; form-action 'none'`;

/** For the response header. */
export const AUDIT_HEADER_CSP = `${AUDIT_META_CSP}; frame-ancestors 'none'`;

/** Shared document frame: language, viewport, CSP, no referrer, no indexing, the hashed stylesheet. */
export function htmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${AUDIT_META_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>${AUDIT_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A minimal page for refusals and errors: says what happened, shows no record data. */
export function messagePage(heading: string, message: string): string {
  return htmlDocument(
    `${heading} · shipgate`,
    `<header><p class="brand">shipgate audit record</p><h1>${escapeHtml(heading)}</h1></header>
<main id="main"><p>${escapeHtml(message)}</p></main>`,
  );
}
