import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  COMMENT_MARKER,
  NOT_REVIEWED,
  POST_DEPLOY_CHECK,
  POST_REVIEW_CHECK,
  SHIPGATE_REUSABLE_WORKFLOW,
  decodeStateBlock,
  doctorReport,
  isReleasePull,
  itemLabel,
  phaseGate,
  readAuditJson,
  renderComment,
  verifyAuditRecord
} from "./chunks/chunk-V35SQEBO.js";
import {
  APP_TRAITS,
  CONFIG_PATH,
  FIT_KEYS,
  InvalidInputError,
  checkContracts,
  checkSchemas,
  colorEnabled,
  countLine,
  defaultBaseRef,
  defaultTemplatePath,
  findContract,
  formatProblem,
  headSha,
  isAppTrait,
  loadChecklist,
  loadRepoContext,
  loadSetup,
  notApplicableByConfig,
  paint,
  parseTemplate,
  progressLine,
  readConfigText,
  renderDirective,
  resultsReport,
  resultsTable,
  runChecks,
  splitDirective,
  variablesFor,
  withoutDirectiveKeys
} from "./chunks/chunk-G2UJPFGX.js";
import "./chunks/chunk-LRJ5ROLD.js";
import {
  DEFAULT_MIGRATION_DIRS
} from "./chunks/chunk-WVU573PS.js";
import "./chunks/chunk-YGQVJZBR.js";
import "./chunks/chunk-2SPMMKTR.js";
import "./chunks/chunk-NWSFDJMM.js";
import "./chunks/chunk-F5P2DGUE.js";
import "./chunks/chunk-QHGLCWVD.js";
import "./chunks/chunk-BZNXD6PI.js";
import "./chunks/chunk-K4MK56YR.js";
import "./chunks/chunk-V3GP2ZA7.js";
import {
  findLhciRc
} from "./chunks/chunk-DQXQWWG7.js";
import "./chunks/chunk-P2LXJYN6.js";
import {
  findWebSocketUse
} from "./chunks/chunk-IQG7FEMF.js";
import "./chunks/chunk-5VQNRHGJ.js";
import "./chunks/chunk-Z2ON3UAO.js";
import "./chunks/chunk-V3EPISDD.js";
import "./chunks/chunk-SIVUHDNW.js";
import "./chunks/chunk-ZW2XUJ7A.js";
import {
  projectVersion,
  versionFromManifest
} from "./chunks/chunk-ZM52ZZT5.js";
import {
  readReleaseVersion
} from "./chunks/chunk-CQMSXS5G.js";
import "./chunks/chunk-KJRWDYC4.js";
import "./chunks/chunk-CR37EPAF.js";
import {
  envNames
} from "./chunks/chunk-YJO5KNN7.js";
import "./chunks/chunk-KKDQQ3WV.js";
import {
  BREAK_GLASS_STATE,
  EXCEPTION_STATE,
  Probot,
  ROLLBACK_STATE,
  appendEvents,
  canonical,
  emptyLedger,
  foldLedger,
  gitHubForToken,
  notesStateOf,
  prLedgerKey,
  verifyLedger
} from "./chunks/chunk-OAKTBEPE.js";
import "./chunks/chunk-ZXEKOUN3.js";
import "./chunks/chunk-UBXZVA46.js";
import {
  CLIENT_OUTPUT_DIRS,
  findBrowserBuild
} from "./chunks/chunk-OL436QEU.js";
import "./chunks/chunk-MRPETQ5A.js";
import {
  listSourceFiles,
  readPackage,
  readSmallFile,
  walkRepo
} from "./chunks/chunk-AA4V3XL4.js";
import "./chunks/chunk-AFGJAQNY.js";
import "./chunks/chunk-RT25MZKP.js";
import "./chunks/chunk-CO3T5JD3.js";

// src/cli/audit-command.ts
import { randomInt } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";

// src/core/audit/export-rows.ts
var CC81 = "SOC 2 CC8.1";
var A832 = "ISO 27001:2022 A.8.32";
var EXPORT_COLUMNS = [
  { key: "pr", title: "PR", control: `${CC81} (change identified); ${A832} (change recorded)` },
  { key: "version", title: "Version", control: `${A832} (change identified)` },
  { key: "mergedAt", title: "Merged at", control: `${CC81} (change implemented)` },
  { key: "mergeCommit", title: "Merge commit", control: `${CC81} (traceable to production code)` },
  { key: "author", title: "Author", control: `${CC81} (who developed the change)` },
  {
    key: "approvers",
    title: "Approvers (role)",
    control: `${CC81} (authorized and approved); ${A832} (approval by authorized persons)`
  },
  {
    key: "separationOfDuties",
    title: "Separation of duties",
    control: `${CC81} (independent approval); ISO 27001:2022 A.5.3`
  },
  {
    key: "automatedEvidence",
    title: "Automated evidence (how obtained)",
    control: `${CC81} (tested); ${A832} (tested before release)`
  },
  { key: "manualItems", title: "Manual items (ticked by)", control: `${CC81} (tested, documented)` },
  { key: "deployment", title: "Deployment", control: `${CC81} (implemented as approved)` },
  {
    key: "postDeploy",
    title: "Post-deploy verification and cutover windows",
    control: `${CC81} (verified after change); ${A832}`
  },
  { key: "rollback", title: "Rollback and incident", control: `${CC81} (back-out); ${A832} (fall-back)` },
  {
    key: "emergency",
    title: "Break-glass and its review",
    control: `${CC81} (emergency changes reviewed); ${A832} (emergency change)`
  },
  { key: "windows", title: "Change-window exceptions and freezes", control: `${A832} (scheduled changes)` },
  {
    key: "signals",
    title: "Rubber-stamp signals",
    control: `${CC81} (approval is a review, not a formality)`
  },
  { key: "integrity", title: "Record integrity", control: `${CC81} (complete and accurate evidence)` }
];
var join = (parts) => parts.length > 0 ? parts.join("; ") : "\u2014";
function exportRow(release, nowIso) {
  const { record, states } = release;
  const items = record.items;
  const byId = new Map(items.map((item) => [item.id, item]));
  const stateOf = (id) => states[id] ?? byId.get(id)?.state;
  const signoffs = items.filter((item) => item.kind === "signoff");
  const approvers = signoffs.map((item) => {
    const state = stateOf(item.id);
    return state?.checked ? `${state.by} (${item.role}) at ${state.at}` : `${item.role}: not signed`;
  });
  const signers = signoffs.flatMap((item) => stateOf(item.id)?.checked ? [stateOf(item.id)?.by ?? ""] : []);
  const selfSigned = signers.includes(record.pr.author);
  const sod = signers.length === 0 ? "no sign-off" : selfSigned ? `NOT held: the author ${record.pr.author} signed off` : `held: ${new Set(signers).size} approver(s), none the author`;
  const howOf = (item) => {
    const result = [...release.events].reverse().find(
      (event) => event.t === "result" && event.item === item
    );
    const how = result && "how" in result ? result.how : void 0;
    return typeof how === "string" ? ` [${how}]` : "";
  };
  const automated = items.filter((item) => item.kind === "auto" && item.phase === "pre-merge").map((item) => {
    const state = stateOf(item.id);
    const status = state?.waived ? `waived by ${state.waived.by}: ${state.waived.reason}` : state?.status ?? "no result";
    return `${item.id}: ${status}${state?.summary && !state.waived ? ` (${state.summary})` : ""}${howOf(item.id)}`;
  });
  const manual = items.filter((item) => item.kind === "manual" && item.phase === "pre-merge" && item.required).map((item) => {
    const state = stateOf(item.id);
    const note = states[notesStateOf(item.id)]?.summary;
    return `${item.id}: ${state?.checked ? `${state.by} at ${state.at}` : "not done"}${note ? ` \u2014 note: ${note}` : ""}`;
  });
  const postItems = items.filter((item) => item.phase === "post-deploy" && item.required);
  const postDone = postItems.filter((item) => stateOf(item.id)?.checked);
  const postDeploy = [
    `${postDone.length} of ${postItems.length} post-deploy items done`,
    ...postItems.map((item) => {
      const state = stateOf(item.id);
      return `${item.id}: ${state?.checked ? `done${state.by ? ` by ${state.by}` : ""} at ${state.at}` : "not done"}`;
    })
  ];
  const rollback = states[ROLLBACK_STATE];
  const glass = states[BREAK_GLASS_STATE];
  let emergency = "none";
  if (glass?.checked) {
    const missing = (glass.items ?? []).filter((id) => !stateOf(id)?.checked);
    const overdue = glass.due !== void 0 && Date.parse(nowIso) > Date.parse(glass.due);
    const review = missing.length === 0 ? "reviewed" : overdue ? NOT_REVIEWED : `pending review (due ${glass.due})`;
    emergency = `break-glass by ${glass.by} at ${glass.at}: ${glass.summary} \u2014 skipped ${(glass.items ?? []).length}, review: ${review}${missing.length > 0 ? ` (missing: ${missing.join(", ")})` : ""}`;
  }
  const exception = states[EXCEPTION_STATE];
  const freezes = release.events.filter((event) => event.t === "freeze" || event.t === "unfreeze");
  const windows = [
    ...exception?.checked ? [`exception by ${exception.by} at ${exception.at}: ${exception.summary}`] : [],
    ...freezes.map(
      (event) => event.t === "freeze" ? `frozen by ${event.by} until ${event.until}: ${event.reason}` : `freeze lifted by ${event.by} at ${event.at}`
    )
  ];
  return {
    number: record.pr.number,
    pr: `#${record.pr.number} ${record.pr.title}`,
    version: release.version ?? "\u2014",
    mergedAt: release.mergedAt ?? "\u2014",
    mergeCommit: record.pr.mergeCommitSha ?? "\u2014",
    author: record.pr.author,
    approvers: join(approvers),
    separationOfDuties: sod,
    automatedEvidence: join(automated),
    manualItems: join(manual),
    deployment: release.postDeployRun ? `merge commit ${record.pr.mergeCommitSha?.slice(0, 7) ?? "?"} tracked; post-deploy gate: ${release.postDeployRun}` : `merge commit ${record.pr.mergeCommitSha?.slice(0, 7) ?? "?"}; no post-deploy gate run`,
    postDeploy: join(postDeploy),
    rollback: rollback?.checked ? `rollback by ${rollback.by} at ${rollback.at}: ${rollback.summary}${rollback.incident ? ` (incident #${rollback.incident})` : ""}` : "none",
    emergency,
    windows: join(windows),
    signals: join(record.signals ?? []),
    integrity: release.integrity
  };
}
function everyReleaseWithoutNote(releases) {
  if (releases.length < 3) return [];
  const counts = /* @__PURE__ */ new Map();
  for (const release of releases)
    for (const item of release.record.items) {
      if (item.kind === "auto") continue;
      const state = release.states[item.id] ?? item.state;
      if (state.checked && !release.states[notesStateOf(item.id)])
        counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
    }
  return [...counts].filter(([, count]) => count === releases.length).map(([id]) => id);
}
function withEveryReleaseSignal(rows, items, records) {
  if (items.length === 0) return rows;
  const texts = new Map(
    records.flatMap((record) => record.items.map((item) => [item.id, itemLabel(item)]))
  );
  const line2 = `ticked in every release of the period without a note: ${items.map((id) => texts.get(id) ?? id).join(", ")}`;
  return rows.map((row) => ({ ...row, signals: row.signals === "\u2014" ? line2 : `${row.signals}; ${line2}` }));
}
function exportCsv(rows) {
  const cell = (value) => /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const safe = (value) => cell(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const header = EXPORT_COLUMNS.map((column) => cell(`${column.title} [${column.control}]`)).join(",");
  const lines = rows.map((row) => EXPORT_COLUMNS.map((column) => safe(row[column.key])).join(","));
  return `${[header, ...lines].join("\r\n")}\r
`;
}
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function sample(items, n, seed) {
  const random = seededRandom(seed);
  const indexes = items.map((_, index) => index);
  for (let i = indexes.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indexes[i], indexes[j]] = [indexes[j], indexes[i]];
  }
  return indexes.slice(0, Math.min(n, items.length)).sort((a, b) => a - b).map((index) => items[index]);
}

// src/audit/html.ts
import { createHash } from "node:crypto";
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
var AUDIT_STYLE = `
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
var STYLE_HASH = `'sha256-${createHash("sha256").update(AUDIT_STYLE).digest("base64")}'`;
var AUDIT_META_CSP = `default-src 'none'; style-src ${STYLE_HASH}; img-src 'none'; base-uri 'none'; form-action 'none'`;
var AUDIT_HEADER_CSP = `${AUDIT_META_CSP}; frame-ancestors 'none'`;
function htmlDocument(title, body) {
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

// src/audit/export-page.ts
var badge = (tone, text) => `<span class="badge t-${tone}">${escapeHtml(text)}</span>`;
function sodBadge(row) {
  if (row.separationOfDuties.startsWith("held")) return badge("done", "Held");
  if (row.separationOfDuties.startsWith("NOT")) return badge("failing", "Not held");
  return badge("waiting", "No sign-off");
}
function emergencyBadge(row) {
  if (row.emergency === "none") return badge("optional", "No");
  if (row.emergency.includes(NOT_REVIEWED)) return badge("failing", "Not reviewed");
  if (row.emergency.includes("review: reviewed")) return badge("waived", "Reviewed");
  return badge("pending", "Review pending");
}
function renderExportPage(rows, meta) {
  const title = `Change evidence: ${meta.repo}, ${meta.since} to ${meta.until}`;
  const sampled = meta.sample ? `${rows.length} of ${meta.population} releases sampled at random with seed <code>${meta.sample.seed}</code> (reproduce with <code>--sample ${meta.sample.n} --seed ${meta.sample.seed}</code>)` : `all ${meta.population} releases of the period`;
  const summary = rows.map(
    (row) => `<tr>
<th scope="row"><a href="#pr-${row.number}">#${row.number}</a></th>
<td>${escapeHtml(row.version)}</td>
<td class="when">${escapeHtml(row.mergedAt)}</td>
<td>${escapeHtml(row.author)}</td>
<td>${escapeHtml(row.approvers)}</td>
<td>${sodBadge(row)}</td>
<td>${emergencyBadge(row)}</td>
<td>${row.rollback === "none" ? badge("optional", "No") : badge("pending", "Yes")}</td>
<td>${row.signals === "\u2014" ? badge("done", "None") : badge("waiting", "See details")}</td>
</tr>`
  ).join("\n");
  const details = rows.map(
    (row) => `<section id="pr-${row.number}">
<h2>${escapeHtml(row.pr)}</h2>
<table class="items">
<caption>Evidence of #${row.number}</caption>
<colgroup><col class="c-item"><col><col class="c-control"></colgroup>
<thead><tr><th scope="col">Column</th><th scope="col">Evidence</th><th scope="col">Control</th></tr></thead>
<tbody>
${EXPORT_COLUMNS.map(
      (column) => `<tr><th scope="row">${escapeHtml(column.title)}</th><td>${escapeHtml(row[column.key]).split("; ").join("<br>")}</td><td class="meta">${escapeHtml(column.control)}</td></tr>`
    ).join("\n")}
</tbody>
</table>
</section>`
  ).join("\n");
  const legend = EXPORT_COLUMNS.map(
    (column) => `<tr><th scope="row">${escapeHtml(column.title)}</th><td>${escapeHtml(column.control)}</td></tr>`
  ).join("\n");
  return htmlDocument(
    title,
    `<a class="skip" href="#main">Skip to the releases</a>
<header>
<p class="brand">shipgate evidence pack</p>
<h1>${escapeHtml(title)}</h1>
<dl class="facts">
<dt>Repository</dt><dd><code>${escapeHtml(meta.repo)}</code></dd>
<dt>Period</dt><dd>${escapeHtml(meta.since)} to ${escapeHtml(meta.until)} (merge time, UTC)</dd>
<dt>Releases</dt><dd>${sampled}</dd>
<dt>Integrity</dt><dd>every release's signed audit record and ledger verified with the bot's key before export</dd>
<dt>Generated</dt><dd>${escapeHtml(meta.generatedAt)}</dd>
</dl>
</header>
<main id="main">
<table class="items">
<caption>Releases</caption>
<colgroup><col class="c-pr"><col class="c-version"><col class="c-when"><col class="c-author"><col><col class="c-sod"><col class="c-glass"><col class="c-rollback"><col class="c-signals"></colgroup>
<thead><tr><th scope="col">PR</th><th scope="col">Version</th><th scope="col">Merged</th><th scope="col">Author</th><th scope="col">Approvers (role)</th><th scope="col">Separation of duties</th><th scope="col">Break-glass</th><th scope="col">Rollback</th><th scope="col">Rubber-stamp signals</th></tr></thead>
<tbody>
${summary || '<tr><td colspan="9">No release was merged in this period.</td></tr>'}
</tbody>
</table>
${details}
<h2>Controls</h2>
<table>
<caption>What each column evidences</caption>
<thead><tr><th scope="col">Column</th><th scope="col">Control</th></tr></thead>
<tbody>
${legend}
</tbody>
</table>
</main>
<footer>Built by <code>shipgate audit export</code> from the merged release PRs' signed records read through the GitHub API.</footer>`
  );
}

// src/load/ledger-secret.ts
import { createHmac } from "node:crypto";
function ledgerSecretFrom(env) {
  if (env.SHIPGATE_LEDGER_SECRET) return env.SHIPGATE_LEDGER_SECRET;
  if (!env.WEBHOOK_SECRET) throw new Error("WEBHOOK_SECRET (or SHIPGATE_LEDGER_SECRET) is required");
  return createHmac("sha256", env.WEBHOOK_SECRET).update("shipgate ledger key v1").digest("base64url");
}

// src/cli/io.ts
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};

// src/cli/audit-command.ts
var AUDIT_HELP = `Usage: shipgate audit export --repo OWNER/NAME --since DATE [--until DATE]
                             [--format json|csv|html] [--sample N [--seed S]] [--out FILE]

The auditor's evidence pack: every release PR merged in [since, until) (UTC; DATE is 2026-01-31
or an ISO time; --until defaults to now), read through the GitHub API with the same reads as the
bot, each signed audit record and ledger verified, one row per release with the control each
column serves (SOC 2 CC8.1, ISO 27001:2022 A.8.32). --sample N picks N releases at random; the
seed is printed (stderr) and --seed reproduces the draw. A record or ledger that does not verify
stops the export (exit 1): nothing is exported from a tampered trail.

Environment: GITHUB_TOKEN (read access to the repository), GITHUB_API_URL (default
https://api.github.com; GHES: https://HOST/api/v3), and the bot's key to verify with:
SHIPGATE_LEDGER_SECRET (or WEBHOOK_SECRET when the bot derives it from that). See docs/governance.md.
`;
var DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
var MAX_RELEASES = 5e3;
function isoOf(value, flag) {
  const ms = DATE.test(value) ? Date.parse(/T/.test(value) && !/Z|[+-]\d{2}:\d{2}$/.test(value) ? `${value}Z` : value) : Number.NaN;
  if (!Number.isFinite(ms))
    throw new UsageError(
      `${flag} expects a date like 2026-01-31 or an ISO time, got "${value.slice(0, 40)}"`
    );
  return new Date(ms).toISOString();
}
async function auditCommand(io, args) {
  const [sub, ...rest] = args;
  if (sub !== "export") throw new UsageError(`unknown audit command "${sub ?? ""}" (expected "export")`);
  const { values } = parseArgs({
    args: rest,
    options: {
      repo: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      format: { type: "string", default: "json" },
      sample: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" }
    },
    strict: true
  });
  const [owner = "", name = "", extra] = (values.repo ?? "").split("/");
  if (!owner || !name || extra !== void 0 || !/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(name))
    throw new UsageError("audit export needs --repo OWNER/NAME");
  if (!values.since) throw new UsageError("audit export needs --since DATE (e.g. --since 2026-01-01)");
  const since = isoOf(values.since, "--since");
  const until = values.until ? isoOf(values.until, "--until") : io.now().toISOString();
  if (Date.parse(until) <= Date.parse(since)) throw new UsageError("--until must be after --since");
  const format = values.format ?? "json";
  if (format !== "json" && format !== "csv" && format !== "html")
    throw new UsageError(`--format must be json, csv or html, got "${format}"`);
  const sampleSize = values.sample === void 0 ? void 0 : Number(values.sample);
  if (sampleSize !== void 0 && (!Number.isInteger(sampleSize) || sampleSize < 1 || !/^\d+$/.test(values.sample ?? "")))
    throw new UsageError(`--sample expects a positive whole number, got "${values.sample}"`);
  if (values.seed !== void 0 && !/^\d{1,10}$/.test(values.seed))
    throw new UsageError(`--seed expects a whole number, got "${values.seed}"`);
  if (values.seed !== void 0 && sampleSize === void 0)
    throw new UsageError("--seed goes with --sample N");
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("audit export needs GITHUB_TOKEN (read access to the repository)");
  if (!io.env.SHIPGATE_LEDGER_SECRET && !io.env.WEBHOOK_SECRET)
    throw new UsageError(
      "audit export verifies every record with the bot's key: set SHIPGATE_LEDGER_SECRET (or WEBHOOK_SECRET) as the bot has it"
    );
  const secret = ledgerSecretFrom(io.env);
  const gh = gitHubForToken({
    token,
    apiUrl: io.env.GITHUB_API_URL ?? "https://api.github.com",
    owner,
    repo: name
  });
  const { evidence, problems } = await readReleases(gh, secret, since, until);
  if (problems.length > 0) {
    io.stderr.write(
      `shipgate: refusing to export: ${problems.length} release(s) of ${owner}/${name} do not verify
${problems.map((problem) => `  ${problem}`).join("\n")}
`
    );
    return 1;
  }
  const seed = values.seed !== void 0 ? Number(values.seed) : randomInt(0, 2 ** 31 - 1);
  const chosen = sampleSize === void 0 ? evidence : sample(evidence, sampleSize, seed);
  if (sampleSize !== void 0)
    io.stderr.write(
      `shipgate: sampled ${chosen.length} of ${evidence.length} releases with seed ${seed} (reproduce: --sample ${sampleSize} --seed ${seed})
`
    );
  const now = io.now().toISOString();
  const everyRelease = everyReleaseWithoutNote(evidence);
  const rows = withEveryReleaseSignal(
    chosen.map((release) => exportRow(release, now)),
    everyRelease,
    evidence.map((release) => release.record)
  );
  const meta = {
    repo: `${owner}/${name}`,
    since,
    until,
    generatedAt: now,
    population: evidence.length,
    ...sampleSize !== void 0 ? { sample: { n: sampleSize, seed } } : {}
  };
  const output = format === "csv" ? exportCsv(rows) : format === "html" ? renderExportPage(rows, meta) : `${JSON.stringify(
    {
      schema: "shipgate/audit-export@1",
      ...meta,
      controls: Object.fromEntries(EXPORT_COLUMNS.map((column) => [column.key, column.control])),
      releases: rows
    },
    null,
    2
  )}
`;
  if (values.out) fs.writeFileSync(values.out, output);
  else io.stdout.write(output);
  io.stderr.write(`shipgate: ${rows.length} release(s) exported, every record and ledger verified
`);
  return 0;
}
async function readReleases(gh, secret, since, until) {
  const { id, defaultBranch } = await gh.repository();
  const sha = await gh.branchSha(defaultBranch);
  const setup = await loadSetup(gh, { ref: defaultBranch, sha: sha ?? defaultBranch });
  const pulls = (await gh.listMergedPulls(since, until, MAX_RELEASES)).filter(
    (pull) => isReleasePull(setup.config, pull)
  );
  const evidence = [];
  const problems = [];
  for (const pull of pulls) {
    const read = await readRelease(gh, secret, id, pull);
    if (typeof read === "string") problems.push(`#${pull.number}: ${read}`);
    else evidence.push(read);
  }
  return { evidence, problems };
}
async function readRelease(gh, secret, repositoryId, pull) {
  const runs = (await gh.listCheckRuns(pull.headSha, "shipgate")).sort((a, b) => b.id - a.id);
  const version = readReleaseVersion({ branch: pull.headRef, title: pull.title })?.version;
  let raw = runs.map((run) => readAuditJson(run.outputText)).find((found) => found !== void 0);
  for (const tag of version && raw === void 0 ? [`v${version}`, version] : []) {
    raw ??= readAuditJson((await gh.releaseByTag(tag))?.body);
  }
  if (raw === void 0)
    return `no signed audit record on the shipgate check run of ${pull.headSha.slice(0, 7)}`;
  const verified = verifyAuditRecord(raw, secret);
  if (!verified.ok) return `audit record: ${verified.reason}`;
  const record = verified.record;
  if (record.pr.number !== pull.number || record.pr.headSha !== pull.headSha)
    return "the audit record belongs to another pull request or commit";
  const key = prLedgerKey(secret, { repositoryId, pr: pull.number });
  if (!record.compacted && appendEvents(emptyLedger(key), record.events, key).head !== record.ledgerHead)
    return "the audit record's events do not rebuild its signed ledger head";
  const comment = (await gh.listComments(pull.number)).find((one) => one.body.includes(COMMENT_MARKER));
  const block = comment ? decodeStateBlock(comment.body) : { found: false };
  if (!block.found || !("ledger" in block))
    return "the checklist comment and its signed ledger are missing or unreadable";
  const ledger = block.ledger;
  if (!verifyLedger(ledger, key))
    return "the ledger in the checklist comment does not verify (altered or signed with another key)";
  if (ledger.base.count === 0 && !record.compacted) {
    const prefix = ledger.events.slice(0, record.events.length);
    if (canonical(prefix) !== canonical(record.events))
      return "the live ledger does not continue the audit record (history rewritten)";
  }
  const postDeploy = (await gh.listCheckRuns(pull.mergeCommitSha ?? "", POST_DEPLOY_CHECK)).sort(
    (a, b) => b.id - a.id
  )[0];
  const postReview = (await gh.listCheckRuns(pull.mergeCommitSha ?? "", POST_REVIEW_CHECK)).sort(
    (a, b) => b.id - a.id
  )[0];
  return {
    record,
    events: ledger.events,
    states: foldLedger(ledger),
    ...pull.mergedAt ? { mergedAt: pull.mergedAt } : {},
    ...version ? { version } : {},
    ...postDeploy ? { postDeployRun: postDeploy.conclusion ?? postDeploy.status } : {},
    ...postReview ? { postReviewRun: postReview.conclusion ?? postReview.status } : {},
    integrity: `record signature and ledger chain verified (${ledger.base.count + ledger.events.length} events${record.compacted ? ", compacted" : ""})`
  };
}

// src/cli/check-command.ts
import { existsSync as existsSync5, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs as parseArgs2 } from "node:util";

// src/cli/missing-services.ts
import { existsSync as existsSync4 } from "node:fs";
import { connect } from "node:net";
import { dirname as dirname2, join as join5 } from "node:path";

// checks/lib/detect/services.ts
import { existsSync as existsSync3 } from "node:fs";
import { join as join4 } from "node:path";

// checks/lib/detect/other-stacks.ts
import { existsSync } from "node:fs";
import { join as join2 } from "node:path";
var SKIP = /* @__PURE__ */ new Set([
  "node_modules",
  ".git",
  "venv",
  ".venv",
  "env",
  "__pycache__",
  "target",
  "build",
  ".gradle",
  "vendor",
  "site-packages",
  "tmp",
  "log"
]);
function pythonDeps(repoDir) {
  const deps = /* @__PURE__ */ new Set();
  const add = (name) => deps.add(name.toLowerCase().replace(/_/g, "-"));
  for (const file of [
    "requirements.txt",
    "requirements/base.txt",
    "requirements/production.txt",
    "requirements/prod.txt",
    "requirements-prod.txt"
  ]) {
    for (const line2 of readSmallFile(join2(repoDir, file)).split(/\r?\n/)) {
      const name = /^\s*([A-Za-z0-9][\w.-]*)/.exec(line2)?.[1];
      if (name && !line2.trim().startsWith("-")) add(name);
    }
  }
  const pyproject = readSmallFile(join2(repoDir, "pyproject.toml"));
  for (const list of pyproject.matchAll(/^\s*[\w-]+\s*=\s*\[([\s\S]*?)\]\s*$/gm)) {
    for (const item of (list[1] ?? "").matchAll(/["']([A-Za-z0-9][\w.-]*)/g)) add(item[1] ?? "");
  }
  const poetry = /\[tool\.poetry\.dependencies\]([\s\S]*?)(?:\n\[|$)/.exec(pyproject)?.[1] ?? "";
  for (const match of poetry.matchAll(/^\s*([A-Za-z0-9][\w.-]*)\s*=/gm)) add(match[1] ?? "");
  const pipfile = /\[packages\]([\s\S]*?)(?:\n\[|$)/.exec(readSmallFile(join2(repoDir, "Pipfile")))?.[1] ?? "";
  for (const match of pipfile.matchAll(/^\s*([A-Za-z0-9][\w.-]*)\s*=/gm)) add(match[1] ?? "");
  const setup = `${readSmallFile(join2(repoDir, "setup.cfg"))}
${readSmallFile(join2(repoDir, "setup.py"))}`;
  for (const match of setup.matchAll(/^\s*["']?([A-Za-z][\w.-]*)\s*(?:[<>=!~]=?[^'"\n]*)?["']?,?\s*$/gm))
    if (/install_requires|\[options\]/.test(setup)) add(match[1] ?? "");
  deps.delete("python");
  return deps;
}
function procfileWeb(repoDir) {
  const line2 = /^web:\s*(.+)$/m.exec(readSmallFile(join2(repoDir, "Procfile")))?.[1]?.trim();
  if (!line2) return void 0;
  const parts = line2.split(/\s*(?:&&|;)\s*/).map((part) => part.trim());
  const server = parts.find(
    (part) => /\b(?:gunicorn|uvicorn|hypercorn|daphne|waitress-serve|puma|rails\s+s(?:erver)?|rackup|java\s+-jar|bin\/\w+|\.\/\w+)\b/.test(
      part
    )
  ) ?? parts.at(-1);
  return server ? { line: line2, server } : void 0;
}
function procfileStart(web, port) {
  return web.line.replace(web.server, bound(web.server, port));
}
function commandPort(command) {
  const port = /(?:-b|--bind)[= ]\S*:(\d{2,5})\b|(?:--port|-p)[= ](\d{2,5})\b/.exec(command);
  const value = port ? Number(port[1] ?? port[2]) : void 0;
  return value !== void 0 && value >= 1024 ? value : void 0;
}
function dockerServer(repoDir) {
  const docker = readSmallFile(join2(repoDir, "Dockerfile"));
  const lines = [...docker.matchAll(/^\s*(?:CMD|ENTRYPOINT)\s+(.+)$/gm)].map(
    (match) => match[1]?.trim() ?? ""
  );
  for (const line2 of lines.reverse()) {
    let command = line2;
    if (line2.startsWith("[")) {
      try {
        const parts = JSON.parse(line2);
        if (Array.isArray(parts) && parts.every((part) => typeof part === "string"))
          command = parts.join(" ");
      } catch {
        continue;
      }
    }
    const server = /\b((?:gunicorn|uvicorn|hypercorn)\b.*)$/.exec(command)?.[1];
    if (server) return server.replace(/["']/g, "");
  }
  return void 0;
}
function bound(command, port) {
  const without = command.replace(/\s+(?:-b|--bind|--host|--port|-p)[= ]\S+/g, "");
  if (/^gunicorn\b/.test(without)) return `${without} --bind 127.0.0.1:${port}`;
  if (/^(?:uvicorn|hypercorn)\b/.test(without)) return `${without} --host 127.0.0.1 --port ${port}`;
  return command;
}
function pythonAppObject(repoDir, ctor) {
  const files = walkRepo(repoDir, { skipDirs: SKIP, pattern: /\.py$/, maxFiles: 2e3 }).filter(
    (file) => !/(?:^|\/)tests?\//.test(file)
  );
  for (const file of files.sort((a, b) => a.split("/").length - b.split("/").length)) {
    const match = new RegExp(`^(\\w+)\\s*=\\s*${ctor}\\(`, "m").exec(readSmallFile(join2(repoDir, file)));
    if (match?.[1]) {
      const module = file.replace(/\.py$/, "").replace(/\/__init__$/, "").split("/").join(".");
      return { target: `${module}:${match[1]}`, file };
    }
  }
  return void 0;
}
function djangoMigrationDirs(repoDir) {
  return [
    ...new Set(
      walkRepo(repoDir, { skipDirs: SKIP, pattern: /^\d{4}_\w+\.py$/, maxFiles: 5e3 }).filter((file) => /(?:^|\/)migrations\/\d{4}_\w+\.py$/.test(file)).map((file) => file.replace(/\/[^/]+$/, ""))
    )
  ].sort();
}
function hasTemplates(repoDir, pattern, under) {
  return walkRepo(under ? join2(repoDir, under) : repoDir, {
    skipDirs: SKIP,
    pattern: /\.(?:html|jinja2?|j2|erb|haml|slim|tmpl|gohtml|jsp)$/,
    maxFiles: 2e3
  }).find(
    (file) => pattern.test(file) && !/(?:^|\/)(?:email|mail|mailer)s?\//.test(file) && !/_mailer\//.test(file)
  );
}
function python(repoDir) {
  const deps = pythonDeps(repoDir);
  const manage = readSmallFile(join2(repoDir, "manage.py"));
  const web = procfileWeb(repoDir);
  const base = {
    language: "python",
    deps,
    coverage: "coverage.xml",
    coverageWhy: "coverage.py writes it with `coverage xml` (Cobertura)"
  };
  if (deps.has("django") || /DJANGO_SETTINGS_MODULE/.test(manage)) {
    const project = /DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)\.settings/.exec(manage)?.[1];
    const docker2 = dockerServer(repoDir);
    const server2 = web?.server ?? docker2 ?? (deps.has("gunicorn") && project ? `gunicorn ${project}.wsgi` : void 0);
    const port2 = (server2 ? commandPort(server2) : void 0) ?? 8e3;
    const dirs = djangoMigrationDirs(repoDir);
    const templates2 = hasTemplates(repoDir, /(?:^|\/)templates\//);
    return {
      ...base,
      framework: "Django",
      why: deps.has("django") ? "requirements name Django" : "manage.py sets DJANGO_SETTINGS_MODULE",
      kind: templates2 ? "ssr" : "api",
      kindWhy: templates2 ? `renders templates (${templates2})` : "no templates folder: an API",
      start: server2 ? {
        command: web ? procfileStart(web, port2) : bound(server2, port2),
        why: web ? `Procfile web: ${web.line}` : docker2 ? `Dockerfile: ${docker2}` : `gunicorn serves ${project}.wsgi`
      } : {
        command: `python3 manage.py runserver --noreload --insecure 127.0.0.1:${port2}`,
        why: "no WSGI server in the requirements: Django's own server"
      },
      port: port2,
      portWhy: server2 && commandPort(server2) ? "port in the start command" : server2 ? "gunicorn default port 8000" : "Django default port 8000",
      ...dirs.length > 0 ? {
        migrations: {
          dir: dirs.join(","),
          why: `Django migrations in ${dirs.length === 1 ? "one app" : `${dirs.length} apps`}`
        }
      } : {}
    };
  }
  const flask = deps.has("flask") ? pythonAppObject(repoDir, "Flask") : void 0;
  const fastapi = deps.has("fastapi") ? pythonAppObject(repoDir, "FastAPI") : void 0;
  if (!deps.has("flask") && !deps.has("fastapi")) return void 0;
  const name = deps.has("fastapi") ? "FastAPI" : "Flask";
  const object = fastapi ?? flask;
  const boot = readSmallFile(join2(repoDir, "boot.sh"));
  const bootServer = /(?:exec\s+)?((?:gunicorn|uvicorn)\b.*)$/m.exec(boot)?.[1];
  const docker = dockerServer(repoDir);
  const server = web?.server ?? bootServer ?? docker ?? (name === "FastAPI" && object ? `uvicorn ${object.target}` : deps.has("gunicorn") && object ? `gunicorn ${object.target}` : void 0);
  const port = (server ? commandPort(server) : void 0) ?? 8e3;
  const migrations = existsSync(join2(repoDir, "migrations/versions")) ? { dir: "migrations", why: "Alembic (Flask-Migrate) migrations/versions" } : existsSync(join2(repoDir, "alembic/versions")) ? { dir: "alembic", why: "Alembic alembic/versions" } : void 0;
  const templates = hasTemplates(repoDir, /(?:^|\/)templates\//);
  return {
    ...base,
    framework: name,
    why: `requirements name ${name}${object ? ` (${object.file} creates the app)` : ""}`,
    kind: templates ? "ssr" : "api",
    kindWhy: templates ? `renders templates (${templates})` : "no templates folder: an API",
    ...server ? {
      start: {
        command: web ? procfileStart(web, port) : bound(server.replace(/\s+--(?:access|error)-logfile\s+\S+/g, ""), port),
        why: web ? `Procfile web: ${web.line}` : bootServer ? `boot.sh: ${bootServer}` : docker ? `Dockerfile: ${docker}` : `${server.split(" ")[0]} serves ${object?.target}`
      }
    } : {},
    port,
    portWhy: server && commandPort(server) ? "port in the start command" : `${server?.split(" ")[0] ?? "gunicorn"} default port 8000`,
    ...migrations ? { migrations } : {}
  };
}
var GO_FRAMEWORKS = [
  ["github.com/gin-gonic/gin", "Gin"],
  ["github.com/labstack/echo", "Echo"],
  ["github.com/gofiber/fiber", "Fiber"],
  ["github.com/go-chi/chi", "chi"],
  ["github.com/gorilla/mux", "gorilla/mux"]
];
function go(repoDir) {
  const mod = readSmallFile(join2(repoDir, "go.mod"));
  if (!mod) return void 0;
  const deps = new Set(
    [...mod.matchAll(/^\s*(?:require\s+)?([\w.-]+\.[\w./-]+)\s+v[\d.][^\n]*$/gm)].filter((m) => !m[0].includes("// indirect")).map((m) => (m[1] ?? "").toLowerCase())
  );
  const framework = GO_FRAMEWORKS.find(([path]) => [...deps].some((dep) => dep.startsWith(path)))?.[1] ?? "net/http";
  const goFiles = walkRepo(repoDir, { skipDirs: SKIP, pattern: /\.go$/, maxFiles: 3e3 }).filter(
    (f) => !f.endsWith("_test.go")
  );
  const mains = goFiles.filter((file) => /^package main\b/m.test(readSmallFile(join2(repoDir, file))));
  const mainDir = mains.map((file) => file.replace(/\/?[^/]+$/, "")).sort((a, b) => a.length - b.length)[0];
  const listen = /(?:ListenAndServe|\.Run|\.Start|\.Listen)\(\s*"[\w.]*:(\d{2,5})"/.exec(
    goFiles.map((file) => readSmallFile(join2(repoDir, file))).join("\n")
  );
  const port = listen ? Number(listen[1]) : framework === "Gin" ? 8080 : 8080;
  const pages = /LoadHTMLGlob|LoadHTMLFiles|"html\/template"/.test(
    goFiles.map((file) => readSmallFile(join2(repoDir, file))).join("\n")
  );
  const migrations = ["migrations", "db/migrations"].find((dir) => existsSync(join2(repoDir, dir)));
  return {
    language: "go",
    framework,
    why: framework === "net/http" ? "go.mod, no router package: net/http" : `go.mod requires ${GO_FRAMEWORKS.find(([, n]) => n === framework)?.[0]}`,
    kind: pages ? "ssr" : "api",
    kindWhy: pages ? "renders html/template pages" : "no HTML templates: an API",
    deps,
    ...mainDir !== void 0 ? {
      // Compiled then run as production runs it (a binary, not `go run`'s wrapper process); the
      // build is part of the start command because no checklist item of a Go service judges a
      // browser build, and a missing toolchain then reads as "go is not installed here".
      start: {
        command: `go build -o bin/app ./${mainDir} && ./bin/app`,
        why: `package main in ${mainDir || "the module root"}`
      }
    } : {},
    port,
    portWhy: listen ? `${listen[0].split("(")[0]} on :${port}` : `${framework} default port ${port}`,
    ...migrations ? { migrations: { dir: migrations, why: "folder exists" } } : {},
    coverage: "coverage.out",
    coverageWhy: "`go test -coverprofile=coverage.out` writes it (Go cover profile)"
  };
}
function ruby(repoDir) {
  const gemfile = readSmallFile(join2(repoDir, "Gemfile"));
  if (!gemfile) return void 0;
  const deps = new Set(
    [...gemfile.matchAll(/^\s*gem\s+['"]([\w-]+)['"]/gm)].map((m) => (m[1] ?? "").toLowerCase())
  );
  const rails = deps.has("rails") || existsSync(join2(repoDir, "config/application.rb"));
  const rack = existsSync(join2(repoDir, "config.ru"));
  if (!rails && !rack) return void 0;
  const apiOnly = /config\.api_only\s*=\s*true/.test(readSmallFile(join2(repoDir, "config/application.rb")));
  const views = hasTemplates(repoDir, /./, "app/views") ?? hasTemplates(repoDir, /(?:^|\/)views\//);
  const port = rails ? 3e3 : 9292;
  const web = procfileWeb(repoDir);
  return {
    language: "ruby",
    framework: rails ? "Rails" : deps.has("sinatra") ? "Sinatra" : "Rack",
    why: rails ? "Gemfile names rails" : "config.ru (Rack)",
    kind: !apiOnly && views ? "ssr" : "api",
    kindWhy: apiOnly ? "config.api_only = true" : views ? `renders views (${views})` : "no views: an API",
    deps,
    start: rails ? {
      command: `bundle exec rails server -e production -b 127.0.0.1 -p ${port}`,
      why: web ? `Procfile web: ${web.line}; rails server bound to loopback` : "rails server in production"
    } : { command: `bundle exec rackup -E production -o 127.0.0.1 -p ${port}`, why: "config.ru" },
    port,
    portWhy: `${rails ? "Rails" : "rackup"} default port ${port}`,
    ...existsSync(join2(repoDir, "db/migrate")) ? { migrations: { dir: "db/migrate", why: "ActiveRecord migrations" } } : {},
    coverage: "coverage/coverage.xml",
    coverageWhy: "simplecov-cobertura writes it (Cobertura)"
  };
}
function java(repoDir) {
  const pom = readSmallFile(join2(repoDir, "pom.xml"));
  const gradle = readSmallFile(join2(repoDir, "build.gradle")) || readSmallFile(join2(repoDir, "build.gradle.kts"));
  if (!pom && !gradle) return void 0;
  const build = pom ? "Maven" : "Gradle";
  const deps = new Set(
    pom ? [...pom.matchAll(/<artifactId>([^<]+)<\/artifactId>/g)].map((m) => (m[1] ?? "").toLowerCase()) : [...gradle.matchAll(/['"][\w.-]+:([\w.-]+)(?::[^'"]*)?['"]/g)].map((m) => (m[1] ?? "").toLowerCase())
  );
  const spring = [...deps].some((dep) => dep.startsWith("spring-boot"));
  const props = `${readSmallFile(join2(repoDir, "src/main/resources/application.properties"))}
${readSmallFile(join2(repoDir, "src/main/resources/application.yml"))}`;
  const portMatch = /server\.port\s*[=:]\s*(\d{2,5})|^\s*port\s*:\s*(\d{2,5})/m.exec(props);
  const port = portMatch ? Number(portMatch[1] ?? portMatch[2]) : 8080;
  const pages = [...deps].find(
    (dep) => /thymeleaf|freemarker|mustache|jstl|tomcat-embed-jasper|jte/.test(dep)
  );
  const own = pom.replace(/<(parent|dependencies|dependencyManagement|build|profiles)>[\s\S]*?<\/\1>/g, "");
  const artifact = /<artifactId>([^<]+)<\/artifactId>/.exec(own)?.[1];
  const version = pom ? versionFromManifest("pom.xml", pom) : void 0;
  const jar = pom ? `target/${artifact}-${version ?? "*"}.jar` : "build/libs/*[!n].jar";
  const migrations = deps.has("flyway-core") ? { dir: "src/main/resources/db/migration", why: "Flyway (flyway-core) default location" } : deps.has("liquibase-core") ? { dir: "src/main/resources/db/changelog", why: "Liquibase (liquibase-core) default location" } : void 0;
  const wrapper = existsSync(join2(repoDir, pom ? "mvnw" : "gradlew"));
  return {
    language: "java",
    framework: spring ? `Spring Boot (${build})` : build,
    why: spring ? `${pom ? "pom.xml" : "build.gradle"} uses spring-boot` : `${pom ? "pom.xml" : "build.gradle"}`,
    kind: pages ? "ssr" : "api",
    kindWhy: pages ? `renders pages (${pages})` : "no view engine dependency: an API",
    deps,
    build: pom ? { command: `${wrapper ? "./mvnw" : "mvn"} -B package -DskipTests`, why: "Maven packages the jar" } : { command: `${wrapper ? "./gradlew" : "gradle"} bootJar`, why: "Gradle builds the boot jar" },
    start: {
      command: `java -jar ${jar} --server.address=127.0.0.1 --server.port=${port}`,
      why: `the jar ${build} builds`
    },
    port,
    portWhy: portMatch ? "server.port in application.properties/yml" : "Spring Boot default port 8080",
    ...migrations && existsSync(join2(repoDir, migrations.dir)) ? { migrations } : {},
    coverage: pom ? "target/site/jacoco/jacoco.xml" : "build/reports/jacoco/test/jacocoTestReport.xml",
    coverageWhy: "JaCoCo XML report"
  };
}
function detectOtherStack(repoDir) {
  return python(repoDir) ?? go(repoDir) ?? ruby(repoDir) ?? java(repoDir);
}
var ANY_SOURCE = /\.(?:[cm]?[jt]sx?|svelte|vue|astro|py|go|rb|java|kt)$/i;
function listAnySourceFiles(repoDir) {
  return listSourceFiles(repoDir, ANY_SOURCE);
}

// checks/lib/detect/server-app.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname, join as join3, posix } from "node:path";

// checks/lib/detect/test-path.ts
var TEST_PATH = /(?:^|\/)(?:test|tests|__tests__|__mocks__|fixtures?|e2e|cypress|playwright|spec)\/|\.(?:test|spec)\.[cm]?[jt]sx?$|(?:^|\/)test_[^/]*\.py$|_test\.(?:go|py)$|_spec\.rb$/i;

// checks/lib/detect/server-app.ts
var VIEW_PACKAGES = [
  "express-handlebars",
  "hbs",
  "handlebars",
  "ejs",
  "pug",
  "jade",
  "nunjucks",
  "eta",
  "mustache-express",
  "express-react-views",
  "@fastify/view",
  "point-of-view",
  "koa-views",
  "twig",
  "liquidjs"
];
function viewEngine(repoDir, pkg) {
  for (const file of listSourceFiles(repoDir)) {
    if (TEST_PATH.test(file)) continue;
    const engine = /\.set\(\s*['"]view engine['"]\s*,\s*['"]([\w-]+)['"]/.exec(
      readSmallFile(join3(repoDir, file))
    );
    if (engine) return `${file} sets view engine ${engine[1]}`;
  }
  const dep = pkg && VIEW_PACKAGES.find((name) => pkg.runtimeDeps.has(name));
  return dep ? `package.json depends on ${dep}` : void 0;
}
var KNEXFILES = [
  "knexfile.js",
  "knexfile.cjs",
  "knexfile.mjs",
  "knexfile.ts",
  "src/knexfile.js",
  "src/knexfile.ts",
  "db/knexfile.js"
];
function knexMigrationsDir(repoDir) {
  for (const file of KNEXFILES) {
    const text = readSmallFile(join3(repoDir, file));
    if (!text) continue;
    const client = /\bclient\s*:\s*['"]([\w-]+)['"]/.exec(text)?.[1];
    const block = /\bmigrations\s*:\s*\{([^}]*)\}/.exec(text)?.[1] ?? "";
    const directory = /\bdirectory\s*:\s*([^,\n}]+)/.exec(block)?.[1];
    const parts = directory ? [...directory.matchAll(/['"`]([^'"`]+)['"`]/g)].map((m) => m[1] ?? "") : [];
    const base = posix.dirname(file);
    const dir = parts.length > 0 ? posix.normalize(posix.join(base, ...parts)).replace(/\/$/, "") : posix.join(base, "migrations");
    return {
      dir,
      why: parts.length > 0 ? `${file} migrations.directory` : `${file} (Knex default folder migrations)`,
      ...client ? { client } : {}
    };
  }
  return void 0;
}
function homeRedirect(repoDir) {
  const files = walkRepo(repoDir, {
    skipDirs: /* @__PURE__ */ new Set([
      "node_modules",
      ".git",
      "dist",
      "build",
      "venv",
      ".venv",
      "vendor",
      "target",
      "__pycache__"
    ]),
    pattern: /\.(?:[cm]?[jt]s|py|rb|go)$/,
    maxFiles: 3e3
  }).filter((file) => !TEST_PATH.test(file) && !/(?:^|\/)tests?\//.test(file));
  for (const file of files) {
    const text = readSmallFile(join3(repoDir, file));
    const django = /\bpath\(\s*['"]['"]\s*,\s*RedirectView\.as_view\(\s*url\s*=\s*['"]([^'"]+)['"]/.exec(
      text
    );
    if (django?.[1]?.startsWith("/")) return { path: django[1], why: `${file}: / redirects to ${django[1]}` };
    const node = /\.(?:get|all)\(\s*['"]\/['"]\s*,[^;]{0,200}?\.redirect\(\s*(?:30\d\s*,\s*)?['"](\/[^'"]*)['"]/.exec(
      text
    );
    if (node?.[1]) return { path: node[1], why: `${file}: GET / redirects to ${node[1]}` };
    const rails = /^\s*root\s+(?:to:\s*)?redirect\(\s*['"](\/[^'"]*)['"]/m.exec(text);
    if (rails?.[1]) return { path: rails[1], why: `${file}: root redirects to ${rails[1]}` };
  }
  return expressGuardedHome(repoDir, files) ?? flaskLoginHome(repoDir, files);
}
function expressGuardedHome(repoDir, files) {
  const js = files.filter((file) => /\.[cm]?[jt]s$/.test(file));
  const texts = js.map((file) => ({ file, text: readSmallFile(join3(repoDir, file)) }));
  for (const { file, text } of texts) {
    const home = /\.(?:get|all)\(\s*['"]\/['"]\s*,\s*((?:[\w.]+\s*,\s*)+)/.exec(text);
    if (!home?.[1]) continue;
    const guards = home[1].split(",").map((name) => name.trim().split(".").pop() ?? "").filter(Boolean);
    for (const guard of guards) {
      for (const other of texts) {
        const body = new RegExp(
          `(?:function\\s+${guard}\\s*\\(|\\b${guard}\\s*[:=]\\s*(?:async\\s*)?(?:function\\s*)?\\([^)]*\\)\\s*(?:=>)?)[\\s\\S]{0,600}?\\.redirect\\(\\s*(?:30\\d\\s*,\\s*)?['"](\\/[^'"]*)['"]`
        ).exec(other.text);
        if (body?.[1] && body[1] !== "/")
          return {
            path: body[1],
            why: `${file}: / is behind ${guard}, which redirects to ${body[1]} (${other.file})`
          };
      }
    }
  }
  return void 0;
}
function flaskLoginHome(repoDir, files) {
  const py = files.filter((file) => file.endsWith(".py"));
  const texts = new Map(py.map((file) => [file, readSmallFile(join3(repoDir, file))]));
  const homeProtected = [...texts].find(
    ([, text]) => /@\w+\.route\(\s*['"]\/['"][^)]*\)\s*\n(?:\s*@\w+(?:\.\w+)*(?:\([^)]*\))?\s*\n)*?\s*@login_required/.test(
      text
    )
  );
  if (!homeProtected) return void 0;
  const view = [...texts.values()].map((text) => /login_view\s*=\s*['"]([\w.]+)['"]/.exec(text)?.[1]).find(Boolean);
  if (!view) return void 0;
  const [blueprint, func] = view.includes(".") ? view.split(".") : [void 0, view];
  for (const [file, text] of texts) {
    const route = new RegExp(
      `@(\\w+)\\.route\\(\\s*['"]([^'"]+)['"][^)]*\\)\\s*\\n(?:\\s*@.*\\n)*\\s*def\\s+${func}\\s*\\(`
    ).exec(text);
    if (!route?.[2]) continue;
    let prefix = "";
    if (blueprint) {
      const pkg = dirname(file).split("/").pop() ?? "";
      for (const other of texts.values()) {
        const mount = /register_blueprint\(\s*(\w+)\s*,\s*url_prefix\s*=\s*['"]([^'"]+)['"]/g;
        for (const match of other.matchAll(mount)) {
          const imported = new RegExp(
            `from\\s+[\\w.]*\\b${pkg}\\b\\s+import\\s+(?:\\w+\\s+as\\s+)?${match[1]}\\b|from\\s+[\\w.]*\\b${pkg}\\s+import\\s+bp\\s+as\\s+${match[1]}\\b`
          ).test(other);
          if (imported && match[2]) prefix = match[2];
        }
      }
    }
    const path = `${prefix.replace(/\/$/, "")}${route[2]}`;
    return { path, why: `${homeProtected[0]}: / needs a login; login_manager.login_view ${view} is ${path}` };
  }
  return void 0;
}
function resolveImport(repoDir, from, spec) {
  if (!spec.startsWith(".")) return void 0;
  const base = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.[cm]?[jt]s$/, "");
  for (const candidate of [base, `${base}/index`]) {
    for (const ext of [".js", ".ts", ".cjs", ".mjs"]) {
      if (existsSync2(join3(repoDir, candidate + ext))) return candidate + ext;
    }
  }
  return void 0;
}
function mountPrefix(repoDir, file, sources, depth = 0) {
  if (depth > 4) return "";
  for (const other of sources) {
    if (other === file) continue;
    const text = readSmallFile(join3(repoDir, other));
    if (!text.includes("use(") && !text.includes("route:")) continue;
    const imports = /* @__PURE__ */ new Map();
    for (const match of text.matchAll(
      /(?:import\s+(\w+)\s+from|(?:const|let|var)\s+(\w+)\s*=\s*require\()\s*\(?\s*['"]([^'"]+)['"]/g
    )) {
      const name = match[1] ?? match[2];
      const resolved = match[3] ? resolveImport(repoDir, other, match[3]) : void 0;
      if (name && resolved) imports.set(name, resolved);
    }
    const mounts = [
      ...text.matchAll(/\.use\(\s*['"`](\/[^'"`]*)['"`]\s*,\s*(?:[\w.]+\s*,\s*)*(\w+)\s*\)/g),
      ...[...text.matchAll(/path\s*:\s*['"`](\/[^'"`]*)['"`]\s*,\s*route\s*:\s*(\w+)/g)]
    ];
    for (const mount of mounts) {
      if (imports.get(mount[2] ?? "") !== file) continue;
      const prefix = (mount[1] ?? "").replace(/\/$/, "");
      return mountPrefix(repoDir, other, sources, depth + 1) + prefix;
    }
  }
  return "";
}
function routerPrefix(text, receiver, others) {
  const spring = /@RequestMapping\(\s*(?:(?:value|path)\s*=\s*)?\{?\s*"(\/[^"]*)"[^)]*\)\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:public\s+|final\s+|abstract\s+)*class\b/.exec(
    text
  );
  if (spring?.[1]) return spring[1].replace(/\/$/, "");
  if (!receiver) return "";
  const escaped = receiver.replace(/[$]/g, "\\$&");
  const group = (name, depth) => {
    const match = new RegExp(`\\b${name}\\s*:?=\\s*(\\w+)\\.Group\\(\\s*"([^"]*)"`).exec(text);
    if (!match?.[1] || depth > 4) return "";
    return group(match[1], depth + 1) + (match[2] ?? "").replace(/\/$/, "");
  };
  const go2 = group(escaped, 0);
  if (go2) return go2;
  const own = new RegExp(
    `\\b${escaped}\\s*=\\s*(?:Blueprint|APIRouter)\\([^)]*?\\b(?:url_prefix|prefix)\\s*=\\s*['"]([^'"]+)['"]`
  ).exec(text)?.[1];
  let mounted = "";
  for (const other of others) {
    const mount = /\b(?:register_blueprint|include_router)\(\s*(?:\w+\.)?(\w+)\b[^)]*?\b(?:url_prefix|prefix)\s*=\s*['"]([^'"]+)['"]/g;
    for (const match of other.text.matchAll(mount)) {
      const alias = new RegExp(`import\\s+(?:[\\w, ]*\\b)?${escaped}\\s+as\\s+${match[1]}\\b`).test(
        other.text
      );
      if (match[1] === receiver || alias) mounted = (match[2] ?? "").replace(/\/$/, "");
    }
  }
  return `${mounted}${(own ?? "").replace(/\/$/, "")}`;
}

// checks/lib/detect/services.ts
var SERVICE_NAMES = {
  postgres: "PostgreSQL",
  mysql: "MySQL",
  redis: "Redis",
  mongo: "MongoDB"
};
var SERVICE_PORTS = {
  postgres: 5432,
  mysql: 3306,
  redis: 6379,
  mongo: 27017
};
var DRIVERS = {
  postgres: [
    "pg",
    "postgres",
    "pg-promise",
    "psycopg2",
    "psycopg2-binary",
    "psycopg",
    "psycopg-binary",
    "asyncpg",
    "github.com/lib/pq",
    "github.com/jackc/pgx",
    "github.com/jackc/pgx/v4",
    "github.com/jackc/pgx/v5",
    "gorm.io/driver/postgres",
    "postgresql",
    "r2dbc-postgresql"
  ],
  mysql: [
    "mysql",
    "mysql2",
    "mariadb",
    "mysqlclient",
    "pymysql",
    "aiomysql",
    "mysql-connector-python",
    "github.com/go-sql-driver/mysql",
    "gorm.io/driver/mysql",
    "mysql-connector-java",
    "mysql-connector-j",
    "mariadb-java-client",
    "trilogy"
  ],
  redis: [
    "redis",
    "ioredis",
    "@redis/client",
    "bullmq",
    "bull",
    "django-redis",
    "rq",
    "celery[redis]",
    "github.com/go-redis/redis",
    "github.com/redis/go-redis/v9",
    "github.com/go-redis/redis/v8",
    "github.com/gomodule/redigo",
    "sidekiq",
    "jedis",
    "lettuce-core",
    "spring-boot-starter-data-redis"
  ],
  mongo: [
    "mongodb",
    "mongoose",
    "pymongo",
    "motor",
    "mongoengine",
    "go.mongodb.org/mongo-driver",
    "mongoid",
    "mongo",
    "spring-boot-starter-data-mongodb",
    "mongodb-driver-sync"
  ]
};
function kindOf(word) {
  const w = word.toLowerCase();
  if (/^(?:postgres(?:ql)?|pg|psql|cockroachdb)\b|postgis|postgresql/.test(w)) return "postgres";
  if (/^(?:mysql2?|mariadb)\b|mysql|mariadb/.test(w)) return "mysql";
  if (/^rediss?\b|redis/.test(w)) return "redis";
  if (/^mongo(?:db)?(?:\+srv)?\b|mongo/.test(w)) return "mongo";
  return void 0;
}
var SERVICE_ENV = {
  postgres: /^(?:DATABASE_URL|DB_URL|POSTGRES_\w+|PG(?:HOST|PORT|USER|PASSWORD|DATABASE)|DATABASE_(?:HOST|PORT|USER|PASSWORD|NAME)|DB_(?:HOST|PORT|USER|USERNAME|PASSWORD|NAME|DATABASE)|SPRING_DATASOURCE_\w+)$/,
  mysql: /^(?:DATABASE_URL|DB_URL|MYSQL_\w+|MARIADB_\w+|DATABASE_(?:HOST|PORT|USER|PASSWORD|NAME)|DB_(?:HOST|PORT|USER|USERNAME|PASSWORD|NAME|DATABASE)|SPRING_DATASOURCE_\w+)$/,
  redis: /^(?:REDIS_\w+|CACHE_URL|BROKER_URL|CELERY_BROKER_URL)$/,
  mongo: /^(?:MONGO\w*_(?:URL|URI|HOST|PORT|DB|DATABASE)|MONGODB_\w+|MONGO_URL|MONGO_URI)$/
};
var COMPOSE_FILES = [
  "docker-compose.yml",
  "docker-compose.yaml",
  "compose.yml",
  "compose.yaml",
  "docker-compose.dev.yml",
  "docker-compose.test.yml"
];
function allDeps(repoDir) {
  const deps = new Set(readPackage(repoDir)?.deps ?? []);
  for (const dep of pythonDeps(repoDir)) deps.add(dep);
  for (const dep of detectOtherStack(repoDir)?.deps ?? []) deps.add(dep);
  return deps;
}
function findServices(repoDir) {
  const found = /* @__PURE__ */ new Map();
  const env = envNames(repoDir);
  const names = [.../* @__PURE__ */ new Set([...env.documented, ...env.read])].sort();
  const add = (kind, why, image) => {
    if (found.has(kind)) return;
    found.set(kind, {
      kind,
      why,
      env: names.filter((name) => SERVICE_ENV[kind].test(name)),
      ...image ? { image } : {}
    });
  };
  for (const file of COMPOSE_FILES) {
    for (const match of readSmallFile(join4(repoDir, file)).matchAll(
      /^\s*image\s*:\s*['"]?([\w./-]+(?::[\w.-]+)?)['"]?\s*$/gm
    )) {
      const image = match[1] ?? "";
      const kind = kindOf(image.split("/").pop()?.split(":")[0] ?? "");
      if (kind) add(kind, `${file} runs ${image}`, image);
    }
  }
  const knex = knexMigrationsDir(repoDir);
  const knexKind = knex?.client ? kindOf(knex.client) : void 0;
  if (knexKind) add(knexKind, `knexfile client ${knex?.client}`);
  const prisma = /datasource\s+\w+\s*\{[^}]*provider\s*=\s*"(\w+)"/.exec(
    readSmallFile(join4(repoDir, "prisma/schema.prisma"))
  );
  const prismaKind = prisma?.[1] ? kindOf(prisma[1]) : void 0;
  if (prismaKind) add(prismaKind, `prisma/schema.prisma datasource provider ${prisma?.[1]}`);
  const settings = djangoSettings(repoDir);
  const engine = settings ? /['"]ENGINE['"]\s*:\s*['"]django\.db\.backends\.(\w+)['"]/.exec(settings.text)?.[1] : void 0;
  const engineKind = engine ? kindOf(engine) : void 0;
  if (engineKind) add(engineKind, `${settings?.file} DATABASES ENGINE django.db.backends.${engine}`);
  const databaseYml = /^production:[\s\S]*?adapter:\s*(\w+)|^\s*adapter:\s*(\w+)/m.exec(
    readSmallFile(join4(repoDir, "config/database.yml"))
  );
  const adapter = databaseYml?.[1] ?? databaseYml?.[2];
  const adapterKind = adapter ? kindOf(adapter) : void 0;
  if (adapterKind) add(adapterKind, `config/database.yml adapter ${adapter}`);
  const spring = /jdbc:(\w+):/.exec(
    readSmallFile(join4(repoDir, "src/main/resources/application.properties")) + readSmallFile(join4(repoDir, "src/main/resources/application.yml"))
  );
  const springKind = spring?.[1] ? kindOf(spring[1]) : void 0;
  if (springKind) add(springKind, `application.properties datasource jdbc:${spring?.[1]}`);
  if (env.exampleFile) {
    for (const line2 of readSmallFile(join4(repoDir, env.exampleFile)).split(/\r?\n/)) {
      const url = /^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=\s*['"]?([a-z][a-z0-9+]*):\/\//.exec(line2);
      const kind = url?.[2] ? kindOf(url[2]) : void 0;
      if (kind) add(kind, `${env.exampleFile}: ${url?.[1]} is a ${url?.[2]}:// URL`);
    }
  }
  const sqliteDefault = engine === "sqlite3";
  const deps = allDeps(repoDir);
  for (const kind of ["postgres", "mysql", "mongo", "redis"]) {
    if (sqliteDefault && (kind === "postgres" || kind === "mysql")) continue;
    const dep = DRIVERS[kind].find((name) => deps.has(name));
    if (dep) add(kind, `depends on ${dep}`);
  }
  return [...found.values()];
}
function djangoSettings(repoDir) {
  const project = /DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)['"]/.exec(
    readSmallFile(join4(repoDir, "manage.py"))
  )?.[1];
  if (!project) return void 0;
  const base = project.split(".").join("/");
  for (const file of [
    `${base}.py`,
    `${base}/__init__.py`,
    `${base}/base.py`,
    `${base.replace(/\/settings$/, "")}/settings/base.py`
  ]) {
    if (existsSync3(join4(repoDir, file))) return { file, text: readSmallFile(join4(repoDir, file)) };
  }
  return void 0;
}

// src/cli/missing-services.ts
var CONVENTIONAL_URLS = {
  postgres: ["DATABASE_URL", "POSTGRES_URL"],
  mysql: ["DATABASE_URL", "MYSQL_URL"],
  redis: ["REDIS_URL"],
  mongo: ["MONGODB_URI", "MONGODB_URL", "MONGO_URL"]
};
function address(need, env) {
  for (const name of [...need.env, ...CONVENTIONAL_URLS[need.kind]]) {
    const value = env[name];
    if (!value || !URL.canParse(value)) continue;
    const url = new URL(value);
    if (url.hostname) return { host: url.hostname, port: Number(url.port) || SERVICE_PORTS[need.kind] };
  }
  return { host: "127.0.0.1", port: SERVICE_PORTS[need.kind] };
}
function listening(host, port, timeoutMs = 1e3) {
  return new Promise((resolve4) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve4(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
async function missingServices(repoDir, results, env, start) {
  const waiting = results.filter((result) => {
    if (result.status !== "error") return false;
    const check = findContract(result.check);
    return check?.usesTarget === true || check?.usesBuild === true;
  });
  if (waiting.length === 0 || waiting.some((result) => missingProgramOf(result.summary))) return [];
  if (missingArtifact(repoDir, start)) return [];
  const missing = [];
  for (const need of findServices(repoDir)) {
    const { host, port } = address(need, env);
    if (!await listening(host, port)) missing.push({ need, address: `${host}:${port}`, items: waiting });
  }
  return missing;
}
function missingArtifact(repoDir, start) {
  if (!start || /&&|;|\|\|/.test(start)) return void 0;
  const file = /^\s*java\s+(?:-\S+\s+)*-jar\s+(\S+)/.exec(start)?.[1] ?? /^\s*(\.\/\S+)/.exec(start)?.[1];
  if (!file) return void 0;
  const path = /[*?[]/.test(file) ? dirname2(file) : file;
  return existsSync4(join5(repoDir, path)) ? void 0 : file;
}
function missingArtifactText(repoDir, start, buildCommand, results) {
  const file = missingArtifact(repoDir, start);
  const waiting = results.filter(
    (result) => result.status === "error" && result.summary.startsWith("target failed to start")
  );
  if (!file || waiting.length === 0) return [];
  const build = buildCommand ? `build.command \`${buildCommand}\` did not produce it` : "no build.command produces it";
  return [
    `${file} does not exist (${build}): ${waiting.length} item${waiting.length === 1 ? "" : "s"} that run the app wait on it (${byCheck(waiting)}).`
  ];
}
function missingProgramOf(summary) {
  if (!/exited with code 127\b/.test(summary)) return void 0;
  return /(?:^|:\s)([\w./+-]+): (?:command )?not found/.exec(summary)?.[1] ?? /target command "([\w./+-]+)/.exec(summary)?.[1] ?? "its program";
}
function missingProgramText(results) {
  const waiting = results.filter((result) => result.status === "error" && missingProgramOf(result.summary));
  const program = waiting[0] ? missingProgramOf(waiting[0].summary) : void 0;
  if (!program) return startFailureText(results);
  return [
    `${program} is not installed here (the target command exited with 127): ${waiting.length} item${waiting.length === 1 ? "" : "s"} that run the app wait on it (${byCheck(waiting)}). Install it, or run the checks in CI, where the workflow \`shipgate init\` wrote sets up the runtime.`
  ];
}
function buildFailureText(results) {
  const waiting = results.filter(
    (result) => result.status === "error" && /^build command ".*?" failed/.test(result.summary)
  );
  const cause = waiting[0] ? /^build command ".*?" failed \(exit [^)]*\)/.exec(waiting[0].summary)?.[0] : void 0;
  if (!cause || waiting.length < 2) return [];
  return [
    `The ${cause}: ${waiting.length} items that judge the build wait on it (${byCheck(waiting)}); each item's result has the build's error line.`
  ];
}
function startFailureText(results) {
  const prefix = "target failed to start: ";
  const waiting = results.filter((result) => result.status === "error" && result.summary.startsWith(prefix));
  if (waiting.length < 2) return [];
  const text = waiting[0]?.summary.slice(prefix.length) ?? "";
  const cause = /^.*?(?:exited with code (?:-?\d+|null)|within \d+ ms \([^)]*\))/.exec(text)?.[0] ?? text.split("\n")[0];
  return [
    `The app did not start (${cause}): ${waiting.length} items that run it wait on it (${byCheck(waiting)}); each item's result has the command's last output.`
  ];
}
function byCheck(items) {
  const counts = /* @__PURE__ */ new Map();
  for (const item of items) counts.set(item.check, (counts.get(item.check) ?? 0) + 1);
  return [...counts].map(([check, count]) => count === 1 ? check : `${check} \xD7${count}`).join(", ");
}
function missingServicesText(missing) {
  if (missing.length === 0) return [];
  const names = missing.map((service) => `${SERVICE_NAMES[service.need.kind]} (${service.address})`).join(" and ");
  const items = missing[0]?.items ?? [];
  return [
    `${names} not reachable here: ${items.length} item${items.length === 1 ? "" : "s"} that run or build the app errored and wait on ${missing.length === 1 ? "it" : "them"} (${byCheck(items)}).`,
    ...missing.map(
      (service) => `  - ${SERVICE_NAMES[service.need.kind]}: the app needs it (${service.need.why})`
    ),
    "  Start them locally (docker compose up, or a local server), or run the checks in CI, where the workflow `shipgate init` wrote provides them."
  ];
}
function markWaiting(results, missing) {
  if (missing.length === 0) return [...results];
  const waiting = new Set(missing.flatMap((service) => service.items.map((item) => item.item)));
  const names = missing.map((service) => SERVICE_NAMES[service.need.kind]).join(" and ");
  return results.map(
    (result) => waiting.has(result.item) ? { ...result, summary: `waits on ${names} (not reachable): ${result.summary}` } : result
  );
}

// src/cli/check-command.ts
var CHECK_HELP = `Usage: shipgate check [DIR] [--template FILE] [--config FILE] [--url URL] [--base REF]
                      [--only a,b] [--phase pre-merge|post-deploy] [--format text|json]

Runs every automated item's check for DIR (default: .) in parallel and prints the results.
  --url URL       target of the running app (default: config target.url / target.start)
  --base REF      base ref for version comparison (default: merge base with main or master)
  --only a,b      only these check names or item ids
  --phase P       pre-merge (default) or post-deploy items
  --format F      text (default; progress + table) or json (one JSON document on stdout)
Exit 0 when no check fails or errors, 1 otherwise, 2 on usage or config errors.
`;
async function checkCommand(io, args) {
  const { values, positionals } = parseArgs2({
    args,
    allowPositionals: true,
    options: {
      template: { type: "string" },
      config: { type: "string" },
      url: { type: "string" },
      base: { type: "string" },
      only: { type: "string" },
      phase: { type: "string", default: "pre-merge" },
      format: { type: "string", default: "text" }
    }
  });
  if (positionals.length > 1) throw new UsageError("check takes at most one directory");
  if (values.format !== "text" && values.format !== "json")
    throw new UsageError("--format must be text or json");
  if (values.phase !== "pre-merge" && values.phase !== "post-deploy") {
    throw new UsageError("--phase must be pre-merge or post-deploy");
  }
  if (values.url && !URL.canParse(values.url)) throw new UsageError(`--url is not a URL: ${values.url}`);
  const phase = values.phase;
  const dir = resolve(io.cwd, positionals[0] ?? ".");
  if (!existsSync5(dir)) throw new UsageError(`${positionals[0] ?? "."}: no such directory`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${positionals[0]}: not a directory`);
  const context = await loadRepoContext(io, positionals[0], values);
  const only = values.only?.split(",").map((part) => part.trim()).filter(Boolean);
  const unknown = (only ?? []).filter(
    (name) => !findContract(name) && !context.checklist.items.some((item) => item.id === name)
  );
  if (unknown.length > 0) {
    throw new UsageError(
      `--only: unknown check or item ${unknown.map((name) => `"${name}"`).join(", ")} (checks: ${[
        ...new Set(context.checklist.items.flatMap((item) => item.check ? [item.check] : []))
      ].join(", ")})`
    );
  }
  if (only && only.length > 0 && !context.checklist.items.some(
    (item) => item.kind === "auto" && item.phase === phase && (only.includes(item.check ?? "") || only.includes(item.id))
  )) {
    throw new UsageError(`--only ${only.join(",")}: no ${phase} item of the checklist uses it`);
  }
  const live = values.format === "text" && io.stderr.isTTY === true;
  const colorErr = values.format === "text" && colorEnabled(io.env, io.stderr);
  const colorOut = values.format === "text" && colorEnabled(io.env, io.stdout);
  const running = /* @__PURE__ */ new Set();
  const started = performance.now();
  const clearLive = () => live && io.stderr.write("\r\x1B[2K");
  const drawLive = () => live && io.stderr.write(`\r\x1B[2K\u2026 running ${running.size}: ${[...running].join(", ").slice(0, 100)}`);
  const ran = await runChecks({
    checklist: context.checklist,
    config: context.config,
    repoDir: context.repoDir,
    phase,
    only,
    targetUrl: values.url,
    baseRef: values.base ?? defaultBaseRef(context.repoDir),
    releaseVersion: context.releaseVersion,
    branch: context.branch,
    env: io.env,
    // the developer's own machine: the build runs as `npm run build` would (see RunChecksOptions)
    inheritEnv: true,
    log: (message) => {
      clearLive();
      io.stderr.write(`${message}
`);
      drawLive();
    },
    onStart: (item) => {
      running.add(item.check ?? item.id);
      drawLive();
    },
    onResult: (result) => {
      running.delete(result.check);
      clearLive();
      io.stderr.write(`${progressLine(result, colorErr)}
`);
      drawLive();
    }
  });
  clearLive();
  const { start, url } = context.config.target;
  const startsApp = values.url === void 0 && start !== void 0 && url !== void 0;
  const missing = await missingServices(context.repoDir, ran, io.env, startsApp ? start : void 0);
  const results = markWaiting(ran, missing);
  const report = resultsReport(results);
  const { passed } = report;
  if (values.format === "json") {
    io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
  } else {
    const wallMs = performance.now() - started;
    io.stdout.write(
      `
${resultsTable(results, 120, colorOut)}

${countLine(results)} in ${(wallMs / 1e3).toFixed(1)} s
`
    );
    const artifact = startsApp ? missingArtifactText(context.repoDir, start, context.config.build.command, results) : [];
    const causes = [
      ...artifact.length > 0 ? artifact : [...missingProgramText(results), ...missingServicesText(missing)],
      // the build's own failure, once, unless a missing service already explains it
      ...missing.length > 0 ? [] : buildFailureText(results)
    ];
    for (const line2 of causes) io.stdout.write(`${line2}
`);
    const notApplicable = [...notApplicableByConfig(context.checklist, context.config).keys()];
    const gate = gateLine(context.checklist, results, phase, context.repoDir, notApplicable);
    io.stdout.write(`${paint(report.passed ? "pass" : "fail", gate, colorOut)}
`);
    for (const line2 of decisionsNeeded(context.checklist, results, notApplicable))
      io.stdout.write(`${line2}
`);
  }
  return passed ? 0 : 1;
}
function gateLine(checklist, results, phase, repoDir, notApplicable) {
  const sha = headSha(repoDir) ?? "local";
  const states = {};
  for (const result of results) {
    states[result.item] = {
      checked: result.status === "pass",
      status: result.status,
      summary: result.summary,
      sha
    };
  }
  const gate = phaseGate({ checklist, states, headSha: sha, phase, notApplicable });
  const automatedOk = results.every((result) => result.status === "pass" || result.status === "skipped");
  return `gate: ${automatedOk ? "automated checks OK" : "automated checks FAILING"} \xB7 ${gate.summary}`;
}
function decisionsNeeded(checklist, results, notApplicable) {
  const required = new Set(checklist.items.filter((item) => !item.optional).map((item) => item.id));
  const waiting = results.filter(
    (result) => result.status === "skipped" && required.has(result.item) && !notApplicable.includes(result.item)
  );
  if (waiting.length === 0) return [];
  return [
    `${waiting.length} skipped required item${waiting.length === 1 ? "" : "s"} need a decision: mark N/A (config items.<id>.na: "reason", or /shipgate na <id> <reason> on the PR) or fix what the reason names:`,
    ...waiting.map((result) => `  - ${result.item} (${result.check}): ${result.summary}`)
  ];
}

// src/cli/doctor-command.ts
import { parseArgs as parseArgs3 } from "node:util";
var DOCTOR_HELP = `Usage: shipgate doctor --repo OWNER/REPO

Checks an installation of the shipgate app on the real GitHub: \`shipgate\` required on the default
branch and bound to the app, the app's permissions and events, the checks workflow, config and
template on the default branch, role teams readable. One line per check, with its fix.
Exit 0 only when every check holds.

Environment: APP_ID, PRIVATE_KEY (the app's credentials, as for npm start),
GITHUB_API_URL (default https://api.github.com; GHES: https://HOST/api/v3).
`;
async function doctorCommand(io, args) {
  const { values } = parseArgs3({ args, options: { repo: { type: "string" } }, strict: true });
  const full = values.repo ?? io.env.GITHUB_REPOSITORY ?? "";
  const [owner = "", name = ""] = full.split("/");
  if (!owner || !name) throw new UsageError("doctor needs --repo OWNER/REPO");
  const appId = Number(io.env.APP_ID);
  if (!Number.isInteger(appId) || appId <= 0 || !io.env.PRIVATE_KEY)
    throw new UsageError("doctor needs the app credentials: APP_ID and PRIVATE_KEY");
  const probot = new Probot({
    appId,
    privateKey: io.env.PRIVATE_KEY,
    baseUrl: (io.env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    logLevel: "fatal"
  });
  const report = await doctorReport(
    { appId, auth: async (id) => await probot.auth(id) },
    { owner, repo: name }
  );
  io.stdout.write(report.text);
  return report.code;
}

// src/cli/init-command.ts
import { existsSync as existsSync9, mkdirSync, readFileSync, statSync as statSync2, writeFileSync } from "node:fs";
import { dirname as dirname3, join as join9, resolve as resolve2 } from "node:path";
import { parseArgs as parseArgs4 } from "node:util";

// checks/lib/detect/app-features.ts
import { existsSync as existsSync6 } from "node:fs";
import { join as join6 } from "node:path";
var HEALTH_PATHS = [
  "/health",
  "/healthz",
  "/api/health",
  "/api/healthz",
  "/healthcheck",
  "/health-check",
  "/api/healthcheck",
  "/livez",
  "/readyz",
  "/api/status",
  "/status",
  "/ping",
  "/api/ping"
];
var ROUTE_FILES = [
  {
    path: "/api/health",
    file: /^(?:src\/)?(?:app\/api\/health\/route|pages\/api\/health(?:\/index)?|server\/api\/health|routes\/api\.health|src\/routes\/api\/health\/\+server|src\/pages\/api\/health)\.[cm]?[jt]sx?$/
  },
  {
    path: "/health",
    file: /^(?:src\/)?(?:app\/health\/route|pages\/health|server\/routes\/health|routes\/health|src\/routes\/health\/\+server|src\/pages\/health)\.[cm]?[jt]sx?$/
  }
];
function literalRoute(text, path) {
  const escaped = path.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  return new RegExp(
    `(?:\\.(?:get|all|route|head|use|GET|Get|HEAD|Handle|HandleFunc|api_route)\\s*\\(\\s*|(?:url|path)\\s*:\\s*|@(?:Get|Request)Mapping\\(\\s*(?:(?:value|path)\\s*=\\s*)?\\{?\\s*|^\\s*get\\s+)['"\`]${escaped}/?['"\`]`,
    "m"
  ).test(text);
}
function routeReceiver(text, path) {
  const escaped = path.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  return new RegExp(
    `(\\w+)\\s*\\.\\s*(?:get|all|route|head|use|GET|Get|HEAD|api_route|HandleFunc|Handle)\\s*\\(\\s*['"\`]${escaped}/?['"\`]`
  ).exec(text)?.[1];
}
function djangoHealth(repoDir, files) {
  const urls = files.filter((file) => /(?:^|\/)urls\.py$/.test(file));
  for (const file of urls) {
    const text = readSmallFile(join6(repoDir, file));
    const route = /\b(?:re_)?path\(\s*r?['"]\^?((?:api\/)?(?:health|healthz|healthcheck|health-check|status|ping|livez|readyz)\/?)\$?['"]/.exec(
      text
    );
    if (!route?.[1]) continue;
    const module = file.replace(/\.py$/, "").split("/").join(".");
    let prefix = "";
    for (const other of urls) {
      const include = new RegExp(
        `path\\(\\s*['"]([^'"]*)['"]\\s*,\\s*include\\(\\s*['"]${module.replace(/\./g, "\\.")}['"]`
      ).exec(readSmallFile(join6(repoDir, other)));
      if (include) prefix = include[1] ?? "";
    }
    const path = `/${prefix}${route[1]}`.replace(/\/{2,}/g, "/");
    return { value: path, why: `${file} routes ${route[1]}${prefix ? ` under include at ${prefix}` : ""}` };
  }
  return void 0;
}
function frameworkHealth(repoDir) {
  const routes = readSmallFile(join6(repoDir, "config/routes.rb"));
  const up = /^\s*get\s+['"]\/?(up|health|healthz)['"]\s*(?:=>|,\s*to:)\s*['"]([\w/#]+)['"]/m.exec(routes);
  if (up?.[1]) return { value: `/${up[1]}`, why: `config/routes.rb routes /${up[1]} to ${up[2]}` };
  const other = detectOtherStack(repoDir);
  if (other?.language === "java" && other.deps.has("spring-boot-starter-actuator"))
    return { value: "/actuator/health", why: "spring-boot-starter-actuator serves /actuator/health" };
  return void 0;
}
function findHealthRoute(repoDir) {
  const files = listAnySourceFiles(repoDir).filter((file) => !TEST_PATH.test(file));
  for (const route of ROUTE_FILES) {
    const file = files.find((candidate) => route.file.test(candidate));
    if (file) return { value: route.path, why: `${file} is a file-based route` };
  }
  const framework = frameworkHealth(repoDir);
  if (framework) return framework;
  const django = djangoHealth(repoDir, files);
  if (django) return django;
  const texts = files.map((file) => ({ file, text: readSmallFile(join6(repoDir, file)) }));
  const jsSources = files.filter((file) => /\.[cm]?[jt]sx?$/.test(file));
  for (const path of HEALTH_PATHS) {
    const hit = texts.find(({ text }) => text.includes(path) && literalRoute(text, path));
    if (!hit) continue;
    const receiver = routeReceiver(hit.text, path);
    const prefix = /\.[cm]?[jt]sx?$/.test(hit.file) ? receiver && receiver !== "app" ? mountPrefix(repoDir, hit.file, jsSources) : "" : routerPrefix(hit.text, receiver, texts);
    if (prefix)
      return {
        value: `${prefix}${path}`,
        why: `${hit.file} registers ${path} on a router mounted at ${prefix}`
      };
    return { value: path, why: `${hit.file} registers ${path}` };
  }
  return void 0;
}
var METRICS_PACKAGES = [
  "prom-client",
  "express-prom-bundle",
  "fastify-metrics",
  "@willsoto/nestjs-prometheus",
  "koa-prometheus-adv",
  "@opentelemetry/exporter-prometheus"
];
function findPrometheusMetrics(repoDir) {
  const pkg = readPackage(repoDir);
  const dep = pkg && METRICS_PACKAGES.find((name) => pkg.runtimeDeps.has(name));
  if (dep) return { value: dep, why: `package.json depends on ${dep}` };
  for (const file of listSourceFiles(repoDir)) {
    if (TEST_PATH.test(file)) continue;
    const text = readSmallFile(join6(repoDir, file));
    if (text.includes("/metrics") && literalRoute(text, "/metrics"))
      return { value: "/metrics", why: `${file} registers /metrics` };
  }
  return void 0;
}
var DATABASE_PACKAGES = [
  "pg",
  "postgres",
  "mysql",
  "mysql2",
  "mariadb",
  "mongodb",
  "mongoose",
  "@prisma/client",
  "prisma",
  "knex",
  "sequelize",
  "typeorm",
  "drizzle-orm",
  "@mikro-orm/core",
  "better-sqlite3",
  "sqlite3",
  "@vercel/postgres",
  "@neondatabase/serverless",
  "@planetscale/database",
  "@supabase/supabase-js",
  "kysely",
  "objection"
];
function findDatabase(repoDir) {
  const pkg = readPackage(repoDir);
  const dep = pkg && DATABASE_PACKAGES.find((name) => pkg.deps.has(name));
  if (dep) return { value: dep, why: `package.json depends on ${dep}` };
  if (existsSync6(join6(repoDir, "prisma", "schema.prisma")))
    return { value: "prisma", why: "prisma/schema.prisma exists" };
  const other = detectOtherStack(repoDir);
  const orm = other && OTHER_DATABASE_PACKAGES.find((name) => other.deps.has(name));
  if (orm) return { value: orm, why: `${other.framework} app depends on ${orm}` };
  if (other?.framework === "Django" && other.migrations)
    return { value: "django.db", why: "Django models with migrations" };
  if (other?.framework === "Rails" && existsSync6(join6(repoDir, "config/database.yml")))
    return { value: "activerecord", why: "Rails config/database.yml" };
  return void 0;
}
var OTHER_DATABASE_PACKAGES = [
  "sqlalchemy",
  "flask-sqlalchemy",
  "sqlmodel",
  "tortoise-orm",
  "peewee",
  "psycopg2",
  "psycopg2-binary",
  "psycopg",
  "asyncpg",
  "pymysql",
  "mysqlclient",
  "pymongo",
  "gorm.io/gorm",
  "github.com/jinzhu/gorm",
  "github.com/jmoiron/sqlx",
  "github.com/lib/pq",
  "github.com/jackc/pgx/v5",
  "github.com/go-sql-driver/mysql",
  "go.mongodb.org/mongo-driver",
  "activerecord",
  "pg",
  "mysql2",
  "sqlite3",
  "mongoid",
  "sequel",
  "spring-boot-starter-data-jpa",
  "spring-boot-starter-jdbc",
  "spring-boot-starter-data-mongodb",
  "hibernate-core",
  "postgresql",
  "mysql-connector-j",
  "mysql-connector-java",
  "mariadb-java-client",
  "flyway-core",
  "liquibase-core"
];

// checks/lib/detect/stack.ts
import { existsSync as existsSync7 } from "node:fs";
import { join as join7, relative, sep } from "node:path";
var FRAMEWORKS = [
  { dep: "next", name: "Next.js", kind: "ssr", dir: ".next", port: 3e3 },
  { dep: "@sveltejs/kit", name: "SvelteKit", kind: "ssr", dir: ".svelte-kit/output/client", port: 4173 },
  { dep: "nuxt", name: "Nuxt", kind: "ssr", dir: ".output/public", port: 3e3 },
  { dep: "astro", name: "Astro", kind: "static", dir: "dist", port: 4321 },
  { dep: "@remix-run/dev", name: "Remix", kind: "ssr", dir: "build/client", port: 3e3 },
  { dep: "@react-router/dev", name: "React Router", kind: "ssr", dir: "build/client", port: 3e3 },
  { dep: "react-scripts", name: "Create React App", kind: "spa", dir: "build", port: 3e3 },
  { dep: "vite", name: "Vite", kind: "spa", dir: "dist", port: 4173 },
  { dep: "@nestjs/core", name: "Nest", kind: "api", dir: "dist", port: 3e3 },
  { dep: "fastify", name: "Fastify", kind: "api", dir: "dist", port: 3e3 },
  { dep: "koa", name: "Koa", kind: "api", dir: "dist", port: 3e3 },
  { dep: "express", name: "Express", kind: "api", dir: "dist", port: 3e3 }
];
var SECRET_NAME = /SECRET|TOKEN|KEY|PASSWORD|PASS$|PEPPER|SALT|PRIVATE|CREDENTIAL|DSN|DATABASE_URL/;
var SECRET_SETTING = /_(?:MINUTES|HOURS|DAYS|SECONDS|TTL|EXPIRATION|EXPIRES(?:_IN)?|LENGTH|ROUNDS|NAME|URL_PATH)$/;
var PUBLIC_ENV = /^(?:VITE_|NEXT_PUBLIC_|NUXT_PUBLIC_|PUBLIC_|REACT_APP_|GATSBY_|EXPO_PUBLIC_)/;
var DEV_SERVER = /(?:^|[;&|]\s*|\bnpx\s+)(?:nodemon|ts-node-dev|tsx\s+watch|vite(?:\s+dev)?(?:\s+--|\s*$|\s*[;&|])|(?:astro|next|nuxt|nuxi|svelte-kit|remix|react-router)\s+dev\b|react-scripts\s+start)|--watch\b/;
function detectStack(repoDir) {
  const findings = [];
  const pkg = readPackage(repoDir);
  const facts = { kind: "unknown", secrets: [], findings };
  const framework = pkg && FRAMEWORKS.find((entry) => pkg.deps.has(entry.dep));
  const other = framework ? void 0 : detectOtherStack(repoDir);
  if (framework) {
    facts.framework = framework.name;
    facts.kind = framework.kind;
    const views = framework.kind === "api" ? viewEngine(repoDir, pkg) : void 0;
    if (views) facts.kind = "ssr";
    findings.push({
      what: "stack",
      value: `${framework.name} (${facts.kind})`,
      why: `package.json depends on ${framework.dep}${views ? `; renders pages: ${views}` : ""}`
    });
  } else if (other) {
    return otherStackFacts(repoDir, other, facts);
  } else if (existsSync7(join7(repoDir, "index.html"))) {
    facts.kind = "static";
    findings.push({
      what: "stack",
      value: "static site",
      why: "index.html at the top level, no framework in package.json"
    });
  }
  if (pkg?.scripts.build) {
    facts.buildCommand = "npm run build";
    findings.push({
      what: "build",
      value: "npm run build",
      why: `package.json scripts.build: ${pkg.scripts.build}`
    });
  }
  if (framework && framework.kind !== "api") {
    facts.buildDir = framework.dir;
    const client = CLIENT_OUTPUT_DIRS.find((entry) => entry.dir === framework.dir);
    findings.push({
      what: "build dir",
      value: framework.dir,
      why: client ? `${client.framework} client output` : `${framework.name} default output`
    });
  }
  if (!facts.buildDir) {
    const built = findBrowserBuild({ repoDir });
    if (built.ok) {
      facts.buildDir = relative(repoDir, built.dir).split(sep).join("/");
      findings.push({ what: "build dir", value: facts.buildDir, why: built.how });
    }
  }
  const script = pkg && ["start", "preview", "serve"].find(
    (name) => pkg.scripts[name] && !DEV_SERVER.test(pkg.scripts[name] ?? "")
  );
  if (pkg && script) {
    facts.start = `npm run ${script}`;
    const portMatch = /(?:--port[= ]|--listen[= ](?:tcp:\/\/[\w.]+:)?|-[pl]\s+|PORT=)(\d{2,5})\b/.exec(
      pkg.scripts[script] ?? ""
    );
    const envPort = /^\s*PORT\s*=\s*(\d{2,5})\s*$/m.exec(readSmallFile(join7(repoDir, ".env.example")))?.[1];
    const port = portMatch?.[1] ?? envPort ?? String(framework?.port ?? 3e3);
    const home = homeRedirect(repoDir);
    facts.url = `http://127.0.0.1:${port}${home?.path ?? "/"}`;
    findings.push({
      what: "start",
      value: facts.start,
      why: `package.json scripts.${script}: ${pkg.scripts[script]}`
    });
    findings.push({
      what: "url",
      value: facts.url,
      why: portMatch ? `port in scripts.${script}` : envPort ? "PORT in .env.example" : `${framework?.name ?? "Node"} default port ${port}`
    });
    if (home) findings.push({ what: "home page", value: home.path, why: home.why });
  }
  const knex = knexMigrationsDir(repoDir);
  facts.migrationsDir = knex?.dir ?? DEFAULT_MIGRATION_DIRS.find((dir) => existsSync7(join7(repoDir, dir)));
  findings.push(
    knex ? { what: "migrations", value: knex.dir, why: knex.why } : facts.migrationsDir ? { what: "migrations", value: facts.migrationsDir, why: "folder exists" } : { what: "migrations", value: "none", why: `none of ${DEFAULT_MIGRATION_DIRS.join(", ")} exists` }
  );
  const coverage = ["coverage/coverage-summary.json", "coverage/lcov.info"].find(
    (file) => existsSync7(join7(repoDir, file))
  );
  const coverageTool = pkg && ["vitest", "jest", "c8", "nyc"].find((dep) => pkg.deps.has(dep));
  facts.coverage = coverage ?? (coverageTool ? "coverage/lcov.info" : void 0);
  facts.coverageReport = coverage !== void 0;
  if (facts.coverage) {
    findings.push({
      what: "coverage",
      value: facts.coverage,
      why: coverage ? "report exists" : `${coverageTool} writes it with --coverage`
    });
  }
  facts.websocket = findWebSocketUse(repoDir);
  findings.push({
    what: "websocket",
    value: facts.websocket ? "yes" : "none",
    why: facts.websocket ?? "no WebSocket server package or upgrade handler"
  });
  addSecrets(repoDir, facts, "process.env");
  return facts;
}
function addSecrets(repoDir, facts, reads) {
  const env = envNames(repoDir);
  facts.secrets = [.../* @__PURE__ */ new Set([...env.documented, ...env.read])].filter((name) => SECRET_NAME.test(name) && !SECRET_SETTING.test(name) && !PUBLIC_ENV.test(name)).sort();
  facts.findings.push({
    what: "secrets",
    value: facts.secrets.join(", ") || "none",
    why: env.exampleFile ? `${env.exampleFile} and ${reads} reads, secret-like names` : `${reads} reads, secret-like names`
  });
}
var ENV_READS = {
  python: "os.environ/os.getenv",
  go: "os.Getenv",
  ruby: "ENV[]/ENV.fetch",
  java: "System.getenv and Spring placeholder"
};
function otherStackFacts(repoDir, other, facts) {
  const { findings } = facts;
  facts.language = other.language;
  facts.framework = other.framework;
  facts.kind = other.kind;
  findings.push({
    what: "stack",
    value: `${other.framework} (${other.kind})`,
    why: `${other.why}; ${other.kindWhy}`
  });
  if (other.build) {
    facts.buildCommand = other.build.command;
    findings.push({ what: "build", value: other.build.command, why: other.build.why });
  }
  if (other.start) {
    facts.start = other.start.command;
    const home = homeRedirect(repoDir);
    facts.url = `http://127.0.0.1:${other.port}${home?.path ?? "/"}`;
    findings.push({ what: "start", value: other.start.command, why: other.start.why });
    findings.push({ what: "url", value: facts.url, why: other.portWhy });
    if (home) findings.push({ what: "home page", value: home.path, why: home.why });
  } else {
    findings.push({
      what: "start",
      value: "none",
      why: "no server command found (Procfile, boot script, server package)"
    });
  }
  facts.migrationsDir = other.migrations?.dir;
  findings.push(
    other.migrations ? { what: "migrations", value: other.migrations.dir, why: other.migrations.why } : { what: "migrations", value: "none", why: "no migrations folder of the stack's tools" }
  );
  facts.coverageReport = existsSync7(join7(repoDir, other.coverage));
  facts.coverage = other.coverage;
  findings.push({
    what: "coverage",
    value: other.coverage,
    why: facts.coverageReport ? "report exists" : other.coverageWhy
  });
  facts.websocket = findWebSocketUse(repoDir);
  findings.push({
    what: "websocket",
    value: facts.websocket ? "yes" : "none",
    why: facts.websocket ?? "no WebSocket server package or upgrade handler"
  });
  addSecrets(repoDir, facts, ENV_READS[other.language]);
  return facts;
}

// src/core/fit/applicability.ts
var PLACEHOLDER = /\{([a-z][a-z-]*)(\.why)?\}/g;
function fill(text, profile, extra = {}) {
  let missing = false;
  const out = text.replace(PLACEHOLDER, (_match, name, why) => {
    const found = isAppTrait(name) ? profile.traits[name] : void 0;
    const word = name === "framework" || name === "stack" ? profile.words[name] : name === "value" || name === "each" ? extra[name] : void 0;
    const filled = why ? found?.why : found?.value ?? word;
    if (filled === void 0) missing = true;
    return filled ?? "";
  });
  return missing ? void 0 : out;
}
var has = (profile, trait) => profile.traits[trait] !== void 0;
function unmetNeed(needs, profile) {
  for (const need of needs) {
    const traits = typeof need.trait === "string" ? [need.trait] : need.trait;
    if (traits.some((trait) => has(profile, trait))) continue;
    const fallback = APP_TRAITS[traits[0] ?? "pages"].missing;
    return { action: need.otherwise, reason: need.reason && fill(need.reason, profile) || fallback };
  }
  return void 0;
}
function ruleApplies(rule, params, profile) {
  const value = params[rule.param];
  if (value === void 0) return false;
  if (rule.equals !== void 0) return value === rule.equals;
  if (rule.notAmong) return !(profile.traits[rule.notAmong]?.values ?? []).includes(String(value));
  return false;
}
function fitBound(applicability, params, profile) {
  for (const rule of applicability?.params ?? []) {
    if (!ruleApplies(rule, params, profile)) continue;
    const unmet2 = unmetNeed(rule.needs ?? [], profile);
    if (unmet2) return unmet2;
    const value = String(params[rule.param]);
    return { action: rule.becomes, reason: fill(rule.reason, profile, { value }) ?? rule.reason };
  }
  const unmet = unmetNeed(applicability?.needs ?? [], profile);
  if (unmet) return unmet;
  for (const binding of applicability?.bind ?? []) {
    if (binding.when && !has(profile, binding.when)) continue;
    const reason = fill(binding.reason, profile);
    const entries = Object.entries(binding.params ?? {}).map(
      ([key, text]) => [key, fill(text, profile)]
    );
    if (reason === void 0 || entries.some(([, value]) => value === void 0)) continue;
    const bound2 = Object.fromEntries(entries);
    return entries.length > 0 ? { action: "keep", params: bound2, reason } : { action: "keep", reason };
  }
  return { action: "keep", reason: "" };
}
function addedItems(addition, profile, covered = /* @__PURE__ */ new Set()) {
  const found = profile.traits[addition.trait];
  if (!found) return [];
  const each = found.values ? found.values.filter((value) => !covered.has(value)) : [void 0];
  return each.flatMap((value) => {
    const extra = value === void 0 ? {} : { each: value };
    const text = fill(addition.text, profile, extra);
    const params = {};
    for (const [key, raw] of Object.entries(addition.params)) {
      const filled = typeof raw === "string" ? fill(raw, profile, extra) : raw;
      if (filled === void 0) return [];
      params[key] = filled;
    }
    for (const more of addition.paramsFor ?? []) {
      const subject = value ?? "";
      if (new RegExp(more.matches).test(subject) && !(more.unless && new RegExp(more.unless).test(subject)))
        Object.assign(params, more.params);
    }
    const reason = fill(addition.reason, profile, extra) ?? addition.reason;
    return text === void 0 ? [] : [{ text, params, reason }];
  });
}

// src/cli/init-traits.ts
var STACK_WORDS = {
  spa: "SPA",
  static: "static site",
  ssr: "server-rendered app",
  api: "API",
  unknown: void 0
};
function appProfile(facts) {
  const { stack } = facts;
  const traits = {};
  const api = stack.kind === "api";
  if (!api) {
    traits.pages = {};
    traits["static-assets"] = {};
    if (!(stack.language && !stack.buildDir)) traits["browser-build"] = foundWith(stack.buildDir);
  }
  if (stack.kind !== "spa" && stack.kind !== "static") traits.server = {};
  if (stack.websocket) traits.websocket = { value: stack.websocket };
  if (facts.database) traits.database = { ...facts.database };
  else if (stack.migrationsDir) traits.database = { value: stack.migrationsDir };
  if (stack.migrationsDir) traits["migrations-folder"] = { value: stack.migrationsDir };
  if (stack.coverage) traits["coverage-tool"] = { value: stack.coverage };
  if (stack.coverage && stack.coverageReport) traits["coverage-report"] = { value: stack.coverage };
  if (facts.health) traits["health-route"] = { ...facts.health };
  if (facts.metrics) traits["prometheus-metrics"] = { ...facts.metrics };
  if (facts.lhciRc) traits["lighthouse-ci"] = { value: facts.lhciRc };
  traits.env = { values: [...facts.envUsed] };
  traits.secrets = { values: stack.secrets };
  const words = {};
  if (stack.framework) words.framework = stack.framework;
  const word = STACK_WORDS[stack.kind];
  if (word) words.stack = word;
  return { traits, words };
}
var foundWith = (value) => value === void 0 ? {} : { value };

// src/cli/init-checklist.ts
var CHECKLIST_PATH = ".github/shipgate/checklist.md";
var STRUCTURAL = /* @__PURE__ */ new Set([
  "id",
  "role",
  "phase",
  "optional",
  "required",
  "invalidate-on",
  "when-paths",
  "when-labels"
]);
function planItem(item, profile, exampleReason) {
  if (item.example) {
    const { replacement } = item.example;
    return replacement ? { action: "replace", text: replacement, reason: exampleReason } : { action: "dropped", reason: exampleReason };
  }
  const needs = (item.needs ?? []).map((trait) => ({ trait, otherwise: "dropped" }));
  const unmet = unmetNeed(needs, profile);
  if (unmet) return unmet;
  if (!item.check) return { action: "keep", reason: "" };
  return fitBound(findContract(item.check)?.applicability, item.params, profile);
}
var FIT_KEY_SET = new Set(FIT_KEYS);
var TITLE_RE = /^#\s/;
function withoutFitKeys(source) {
  let inFence = false;
  return source.replace(/\r\n?/g, "\n").split("\n").map((row) => {
    if (FENCE_RE.test(row)) inFence = !inFence;
    return inFence || FENCE_RE.test(row) ? row : withoutDirectiveKeys(row, FIT_KEY_SET);
  });
}
function fitTitle(row, facts) {
  const name = (facts.appName ?? "App").replace(/[|}]/g, "");
  const version = facts.version ? `{{version|${facts.version.replace(/[|}]/g, "")}}}` : "{{version}}";
  return row.replace(/\{\{app\|[^}]*\}\}/, `{{app|${name}}}`).replace(/\{\{version\|[^}]*\}\}/, version);
}
function exampleAppReason(title) {
  const name = title && /\{\{app\|([^}]*)\}\}/.exec(title)?.[1]?.trim();
  return `the template's example app${name ? ` (${name})` : ""} flow, not this app's`;
}
var hasParams = (item, params) => Object.entries(params).every(([key, value]) => item.params[key] === value);
function placeAdditions(checklist, plans) {
  const placed = [];
  for (const contract of checkContracts) {
    for (const addition of contract.applicability?.adds ?? []) {
      const { after } = addition;
      if ("each" in after) {
        for (const item of checklist.items)
          if (item.check === contract.id && plans.get(item.line)?.action === "keep" && hasParams(item, after.each))
            placed.push({ line: item.line, contract, addition });
      } else {
        const anchors = /* @__PURE__ */ new Set([contract.id, ...after.last]);
        const lines = checklist.items.filter((item) => item.check && anchors.has(item.check)).map((i) => i.line);
        if (lines.length > 0) placed.push({ line: Math.max(...lines), contract, addition });
      }
    }
  }
  return placed.sort(
    (a, b) => a.line - b.line || Number("last" in a.addition.after) - Number("last" in b.addition.after)
  );
}
function coveredValues(checklist, plans, added) {
  const param = added.addition.unlessParam;
  if (!param) return /* @__PURE__ */ new Set();
  return new Set(
    checklist.items.flatMap((item) => {
      const value = item.params[param];
      return item.check === added.contract.id && plans.get(item.line)?.action === "keep" && value !== void 0 ? [String(value)] : [];
    })
  );
}
function deriveChecklist(source, checklist, facts) {
  const rows = withoutFitKeys(source);
  const profile = appProfile(facts);
  const titleIndex = rows.findIndex((row) => TITLE_RE.test(row));
  const exampleReason = exampleAppReason(rows[titleIndex]);
  const plans = new Map(checklist.items.map((item) => [item.line, planItem(item, profile, exampleReason)]));
  const byLine = new Map(checklist.items.map((item) => [item.line, item]));
  const additions = placeAdditions(checklist, plans);
  const decisions = [];
  const out = [];
  rows.forEach((row, index) => {
    const lineNo = index + 1;
    const item = byLine.get(lineNo);
    const plan2 = plans.get(lineNo);
    if (index === titleIndex) out.push(fitTitle(row, facts));
    else if (!item || !plan2) out.push(row);
    else {
      const directive = splitDirective(row);
      const values = directive?.values ?? {};
      const rest = directive?.rest ?? row.trimEnd();
      if (plan2.action === "dropped") {
        decisions.push({ action: "dropped", text: item.text, check: item.check, reason: plan2.reason });
      } else if (plan2.action === "manual") {
        const kept = Object.fromEntries(Object.entries(values).filter(([key]) => STRUCTURAL.has(key)));
        out.push(`${rest}${renderDirective(kept)}`);
        decisions.push({ action: "manual", text: item.text, check: item.check, reason: plan2.reason });
      } else if (plan2.action === "replace") {
        out.push(`${rest.slice(0, rest.length - item.text.length)}${plan2.text}${renderDirective(values)}`);
        decisions.push({ action: "added", text: plan2.text, reason: `instead of ${plan2.reason}` });
      } else if (plan2.action === "keep" && plan2.params) {
        out.push(`${rest}${renderDirective({ ...values, ...plan2.params })}`);
        decisions.push({ action: "bound", text: item.text, check: item.check, reason: describe(plan2) });
      } else {
        out.push(row);
        if (item.check)
          decisions.push({ action: "bound", text: item.text, check: item.check, reason: plan2.reason });
      }
    }
    for (const added of additions.filter((entry) => entry.line === lineNo)) {
      const covered = coveredValues(checklist, plans, added);
      for (const entry of addedItems(added.addition, profile, covered)) {
        out.push(`- [ ] ${entry.text}${renderDirective({ check: added.contract.id, ...entry.params })}`);
        decisions.push({ action: "added", text: entry.text, check: added.contract.id, reason: entry.reason });
      }
    }
  });
  return { text: pruneEmptySections(out, rows).join("\n"), decisions };
}
var HEADING_RE = /^(#{1,6})\s/;
var ITEM_RE = /^\s*(?:[-*+]|\d+\.)\s+\[[ xX]\]\s/;
var FENCE_RE = /^\s*(```|~~~)/;
function itemsUnderHeadings(rows) {
  const counts = /* @__PURE__ */ new Map();
  const stack = [];
  let inFence = false;
  rows.forEach((row, index) => {
    if (FENCE_RE.test(row)) inFence = !inFence;
    if (inFence) return;
    const heading = HEADING_RE.exec(row);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
      const key = `${row}\0${[...counts.keys()].filter((k) => k.startsWith(`${row}\0`)).length}`;
      counts.set(key, 0);
      stack.push({ level, key });
      return;
    }
    if (ITEM_RE.test(row)) for (const frame of stack) counts.set(frame.key, (counts.get(frame.key) ?? 0) + 1);
    void index;
  });
  return counts;
}
function pruneEmptySections(rows, sourceRows) {
  const before = itemsUnderHeadings(sourceRows);
  const after = itemsUnderHeadings(rows);
  const emptied = new Set(
    [...after].filter(([key, n]) => n === 0 && (before.get(key) ?? 0) > 0).map(([key]) => key)
  );
  const out = [];
  const seen = /* @__PURE__ */ new Map();
  let skipLevel;
  let inFence = false;
  for (const row of rows) {
    const fence = FENCE_RE.test(row);
    const heading = !inFence && !fence ? HEADING_RE.exec(row) : null;
    if (fence) inFence = !inFence;
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const occurrence = seen.get(row) ?? 0;
      seen.set(row, occurrence + 1);
      if (skipLevel !== void 0 && level <= skipLevel) skipLevel = void 0;
      if (skipLevel === void 0 && emptied.has(`${row}\0${occurrence}`)) skipLevel = level;
    }
    if (skipLevel === void 0) out.push(row);
  }
  return out;
}
function describe(plan2) {
  const params = Object.entries(plan2.params ?? {}).map(([key, value]) => `${key}=${value}`).join(" ");
  return [params, plan2.reason].filter(Boolean).join(": ");
}

// src/cli/init-workflow.ts
import { existsSync as existsSync8 } from "node:fs";
import { join as join8 } from "node:path";

// src/cli/workflow-services.ts
function mongoShell(image) {
  const major = Number(/:(\d+)/.exec(image ?? "")?.[1]);
  return Number.isFinite(major) && major < 6 ? "mongo" : "mongosh";
}
function serviceSpec(need) {
  const port = SERVICE_PORTS[need.kind];
  const mariadb = need.kind === "mysql" && /mariadb/.test(need.image ?? "");
  const specs = {
    postgres: {
      image: need.image ?? "postgres:16",
      env: { POSTGRES_USER: "postgres", POSTGRES_PASSWORD: "postgres", POSTGRES_DB: "app" },
      health: '--health-cmd "pg_isready -U postgres" --health-interval 5s --health-timeout 5s --health-retries 10',
      url: `postgres://postgres:postgres@localhost:${port}/app`,
      user: "postgres",
      password: "postgres"
    },
    mysql: mariadb ? {
      image: need.image ?? "mariadb:11",
      env: { MARIADB_ROOT_PASSWORD: "root", MARIADB_DATABASE: "app" },
      health: '--health-cmd "healthcheck.sh --connect --innodb_initialized" --health-interval 5s --health-timeout 5s --health-retries 20',
      url: `mysql://root:root@localhost:${port}/app`,
      user: "root",
      password: "root"
    } : {
      image: need.image ?? "mysql:8.4",
      env: { MYSQL_ROOT_PASSWORD: "root", MYSQL_DATABASE: "app" },
      health: '--health-cmd "mysqladmin ping -h 127.0.0.1 -proot" --health-interval 5s --health-timeout 5s --health-retries 20',
      url: `mysql://root:root@localhost:${port}/app`,
      user: "root",
      password: "root"
    },
    redis: {
      image: need.image ?? "redis:7",
      env: {},
      health: '--health-cmd "redis-cli ping" --health-interval 5s --health-timeout 5s --health-retries 10',
      url: `redis://localhost:${port}`,
      user: "",
      password: ""
    },
    mongo: {
      image: need.image ?? "mongo:7",
      env: {},
      // mongosh ships in the images from 6.0 on; older ones have the legacy `mongo` shell only
      health: `--health-cmd "${mongoShell(need.image)} --quiet --eval 'db.runCommand({ ping: 1 })'" --health-interval 5s --health-timeout 5s --health-retries 20`,
      url: `mongodb://localhost:${port}/app`,
      user: "",
      password: ""
    }
  };
  return specs[need.kind];
}
function envValue(name, need, spec) {
  const port = SERVICE_PORTS[need.kind];
  if (/JDBC|SPRING_DATASOURCE_URL/.test(name))
    return `jdbc:${need.kind === "postgres" ? "postgresql" : need.kind}://localhost:${port}/app`;
  if (/_(?:URL|URI|DSN)$|^DATABASE_URL$/.test(name)) return spec.url;
  if (/HOST$/.test(name)) return "localhost";
  if (/PORT$/.test(name)) return String(port);
  if (/(?:USER|USERNAME)$/.test(name)) return spec.user || void 0;
  if (/PASSWORD$|PASS$/.test(name)) return spec.password || void 0;
  if (/(?:_DB|_NAME|DATABASE)$/.test(name)) return "app";
  return void 0;
}
function serviceEnv(needs) {
  const out = /* @__PURE__ */ new Map();
  const fallback = {
    postgres: "DATABASE_URL",
    mysql: "DATABASE_URL",
    redis: "REDIS_URL",
    mongo: "MONGODB_URI"
  };
  for (const need of needs) {
    const spec = serviceSpec(need);
    const names = need.env.length > 0 ? need.env : [fallback[need.kind]];
    for (const name of names) {
      const value = envValue(name, need, spec);
      if (value !== void 0 && !out.has(name)) out.set(name, [value, SERVICE_NAMES[need.kind]]);
    }
  }
  return [...out].map(([name, [value, service]]) => [name, value, service]);
}
function serviceVariableNames(services) {
  return serviceEnv(services).map(([name]) => name);
}
function runtimeSteps(stack) {
  switch (stack.language) {
    case "python":
      return [
        "      - uses: actions/setup-python@v5",
        "        with: { python-version: '3.12' }",
        "      - run: pip install -r requirements.txt"
      ];
    case "go":
      return ["      - uses: actions/setup-go@v5", "        with: { go-version-file: go.mod }"];
    case "ruby":
      return ["      - uses: ruby/setup-ruby@v1", "        with: { bundler-cache: true }"];
    case "java":
      return [
        "      - uses: actions/setup-java@v4",
        "        with: { distribution: temurin, java-version: '21' }"
      ];
    default:
      return [];
  }
}
var yamlString = (value) => JSON.stringify(value);
function serviceJobLines(services, indent = 4) {
  if (services.length === 0) return [];
  const pad = " ".repeat(indent);
  const out = [`${pad}# The services the app needs to start, found by shipgate init:`, `${pad}services:`];
  for (const need of services) {
    const spec = serviceSpec(need);
    const port = SERVICE_PORTS[need.kind];
    out.push(`${pad}  ${need.kind}:  # ${SERVICE_NAMES[need.kind]}: ${need.why}`);
    out.push(`${pad}    image: ${spec.image}`);
    if (Object.keys(spec.env).length > 0) {
      out.push(`${pad}    env:`);
      for (const [key, value] of Object.entries(spec.env))
        out.push(`${pad}      ${key}: ${yamlString(value)}`);
    }
    out.push(`${pad}    ports: ['${port}:${port}']`);
    out.push(`${pad}    options: >-`, `${pad}      ${spec.health}`);
  }
  const env = serviceEnv(services);
  if (env.length > 0) {
    out.push(`${pad}# Job-only credentials for the service containers above, never production ones.`);
    out.push(`${pad}env:`);
    for (const [name, value, service] of env) out.push(`${pad}  ${name}: ${yamlString(value)}  # ${service}`);
  }
  return out;
}

// src/cli/init-workflow.ts
var CHECKS_WORKFLOW_FILE = "shipgate.yml";
var CHECKS_WORKFLOW_PATH = `.github/workflows/${CHECKS_WORKFLOW_FILE}`;
function installCommand(repoDir) {
  const has2 = (name) => existsSync8(join8(repoDir, name));
  if (has2("package-lock.json") || has2("npm-shrinkwrap.json"))
    return { command: "npm ci", why: "package-lock.json" };
  if (has2("pnpm-lock.yaml"))
    return { command: "corepack enable && pnpm install --frozen-lockfile", why: "pnpm-lock.yaml" };
  if (has2("yarn.lock"))
    return {
      command: "corepack enable && yarn install --immutable || yarn install --frozen-lockfile",
      why: "yarn.lock"
    };
  if (has2("bun.lockb") || has2("bun.lock"))
    return { command: "npx --yes bun install --frozen-lockfile", why: "bun.lock" };
  if (has2("package.json")) return { command: "npm install", why: "package.json without a lockfile" };
  return { command: "true", why: "no package.json: nothing to install" };
}
function needsInlineJobs(stack, services) {
  return services.length > 0 || runtimeSteps(stack).length > 0;
}
var HEADER = `# Written by \`shipgate init\`: the release checklist's automated checks in two jobs
# (docs/security.md). The \`measure\` job runs the PR's install, build and app with no credentials;
# the \`attest\` job runs no code of the PR, computes the repository checks itself (\`verified\`)
# and publishes the evidence with an OIDC token the bot verifies.
name: shipgate

on:
  pull_request:
    types: [opened, synchronize, reopened, ready_for_review]
  # The bot dispatches this workflow when results for a release PR's head never arrived.
  workflow_dispatch:
    inputs:
      sha:
        description: commit to check (the release PR's head)
        required: true
`;
var RELEASE_IF = `>-
      github.event_name == 'workflow_dispatch' ||
      startsWith(github.head_ref, 'release/') ||
      startsWith(github.head_ref, 'release-please--') ||
      startsWith(github.head_ref, 'changeset-release/')`;
var HEAD = `\${{ inputs.sha || github.event.pull_request.head.sha }}`;
function renderChecksWorkflow(repoDir, stack, services = []) {
  const install = installCommand(repoDir);
  if (!needsInlineJobs(stack, services))
    return `${HEADER}
permissions:
  contents: read
  checks: write # the attest job publishes shipgate/checks
  id-token: write # the attest job's OIDC token vouches for the results
  pull-requests: read

concurrency:
  group: shipgate-\${{ github.event.pull_request.number || inputs.sha }}
  cancel-in-progress: true

jobs:
  shipgate:
    if: ${RELEASE_IF}
    uses: ${SHIPGATE_REUSABLE_WORKFLOW}@v1
    with:
      sha: ${HEAD}
      install: ${JSON.stringify(install.command)} # from ${install.why}
    secrets: inherit # for the env-secrets items, checked in the attest job only
`;
  const runtime = runtimeSteps(stack);
  const setup = runtime.length > 0 ? runtime : [
    "      - uses: actions/setup-node@v4",
    "        with: { node-version: '20' }",
    `      - run: ${install.command} # from ${install.why}`
  ];
  const variables = serviceVariableNames(services);
  return `${HEADER}
# Each job declares what it needs; nothing else is granted.
permissions: {}

concurrency:
  group: shipgate-\${{ github.event.pull_request.number || inputs.sha }}
  cancel-in-progress: true

jobs:
  measure:
    if: ${RELEASE_IF}
    runs-on: ubuntu-latest
    permissions:
      contents: read # the PR's code runs here: no id-token, no checks: write
${serviceJobLines(services, 4).join("\n")}${services.length > 0 ? "\n" : ""}    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${HEAD}
          persist-credentials: false
${setup.join("\n")}
      - uses: acme/shipgate@v1
        with:
          job: measure
          report: shipgate-measure.json
          fail-on: never${variables.length > 0 ? `
        # the app reaches its services through ${variables.join(", ")} (config target.env)` : ""}
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: shipgate-measure-\${{ github.run_attempt }}
          path: shipgate-measure.json
          if-no-files-found: ignore

  attest:
    needs: measure
    if: \${{ !cancelled() && needs.measure.result != 'skipped' }}
    runs-on: ubuntu-latest
    permissions:
      contents: read
      checks: write # publish shipgate/checks
      id-token: write # the OIDC token that vouches for the evidence
      pull-requests: read
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${HEAD}
          fetch-depth: 0
          persist-credentials: false
      # No set-up, no install, no build: nothing of the PR runs in this job.
      - uses: actions/download-artifact@v4
        continue-on-error: true
        with:
          name: shipgate-measure-\${{ github.run_attempt }}
      - uses: acme/shipgate@v1
        with:
          job: attest
          report: shipgate-measure.json
          secrets: \${{ toJSON(secrets) }}
`;
}

// src/cli/init-command.ts
var INIT_HELP = `Usage: shipgate init [DIR] [--template FILE] [--dry-run] [--force]

Detects the stack of DIR (default: .) \u2014 JavaScript, Python (Django, Flask, FastAPI), Go, Ruby
(Rails, Rack) or Java (Spring Boot): framework and build dir, build and start commands, the
migrations folder, coverage output, WebSocket use, the secrets the app reads and the services it
needs (PostgreSQL, MySQL, Redis, MongoDB); prints what it found and why, and writes ${CONFIG_PATH},
the checks workflow ${CHECKS_WORKFLOW_PATH} (shipgate's two-job workflow, with those services on
its measure job) and the checklist ${CHECKLIST_PATH}, derived from
the built-in production-deployment template (or your own, --template): items that apply are bound
to their checks (with the app's build dir, health path, migrations folder), items that cannot apply
are dropped (no WebSocket server, no browser build, the template's example-app flows and secrets),
items that may apply but cannot be checked here stay manual \u2014 from each check's applicability and
the items' needs=/example keys (docs/templates.md). The config points to the checklist.
  --template FILE  fit this template instead of the built-in one
  --dry-run   print the files instead of writing them
  --force     overwrite existing files that differ
Running it again on an unchanged repository changes nothing; existing files that differ are left
alone (exit 2) unless --force.
`;
var line = (key, value, indent = 0) => `${" ".repeat(indent)}${key}: ${JSON.stringify(value)}`;
function renderInitConfig(facts, notUsed = [], extras = {}) {
  const out = [
    "# Written by `shipgate init` from what it found; edit freely (`shipgate validate` checks it)."
  ];
  if (extras.template) {
    out.push(
      `# The checklist init derived from ${extras.fittedFrom ?? "the production-deployment template"} for this app.`,
      line("template", extras.template)
    );
  }
  const passed = extras.serviceVariables?.length ? [
    `  env: [${extras.serviceVariables.map((name) => JSON.stringify(name)).join(", ")}]  # set by the measure job for its services`
  ] : [];
  if (facts.buildCommand || facts.buildDir) {
    out.push("build:");
    if (facts.buildCommand) out.push(line("command", facts.buildCommand, 2));
    if (facts.buildDir) out.push(line("dir", facts.buildDir, 2));
    if (facts.buildCommand) out.push(...passed);
  }
  if (facts.start && facts.url)
    out.push("target:", line("start", facts.start, 2), line("url", facts.url, 2), ...passed);
  const off = [];
  if (!extras.template) {
    if (!facts.websocket) off.push(["websocket", "no WebSocket server found"]);
    if (!facts.migrationsDir) off.push(["migrations", "no migrations folder found"]);
    if (facts.kind === "api") {
      for (const id of ["bundle-size", "build-output", "lighthouse"])
        off.push([id, "API only: no browser build"]);
    }
    if (!facts.coverage) off.push(["coverage", "no coverage report or coverage tool found"]);
  }
  if (off.length > 0) {
    out.push("checks:");
    for (const [id, why] of off) out.push(`  ${id}:`, `    enabled: false  # ${why}`);
  }
  if (notUsed.length > 0) {
    out.push("items:");
    for (const { itemId, name } of notUsed) {
      out.push(`  ${itemId}:`, line("na", `the app neither documents nor reads ${name} (shipgate init)`, 4));
    }
  }
  out.push(
    `# Only runs of ${CHECKS_WORKFLOW_PATH} may vouch for results; the bot dispatches it when results are late.`,
    "checksWorkflow:",
    line("file", CHECKS_WORKFLOW_FILE, 2),
    ...extras.inlineJobs ? [
      "  # its attest job runs no code of the PR: what it computes itself counts as verified",
      line("uses", `./${CHECKS_WORKFLOW_PATH}`, 2)
    ] : []
  );
  if (extras.metrics) {
    const job = (extras.packageName ?? "app").replace(/^@[^/]+\//, "").replace(/[^\w.-]/g, "-");
    out.push(
      `# The app exposes Prometheus metrics (${extras.metrics.why}): the post-deploy items read`,
      "# production from Prometheus (docs/telemetry.md). The URL comes from env PROMETHEUS_URL (a",
      "# token from PROMETHEUS_TOKEN); the selector is a guess from package.json: use your scrape job.",
      "telemetry:",
      "  prometheus:",
      `    selector: 'job="${job}"'`
    );
  }
  return `${out.join("\n")}
`;
}
var ACTION_LABEL = {
  bound: "bound",
  manual: "manual",
  dropped: "dropped",
  added: "added"
};
function checklistReport(decisions, width) {
  const count = (action) => decisions.filter((d) => d.action === action).length;
  const lines = [
    "",
    `checklist: ${count("bound")} items bound to checks, ${count("manual")} made manual, ${count("dropped")} dropped, ${count("added")} added`,
    "  (an item that cannot apply to this app is dropped; one that may apply but cannot be checked here stays manual)"
  ];
  const groups = /* @__PURE__ */ new Map();
  for (const decision of decisions) {
    if (decision.action === "bound" && !decision.reason) continue;
    const key = `${decision.action}\0${decision.check ?? ""}\0${decision.reason}`;
    groups.set(key, [...groups.get(key) ?? [], decision]);
  }
  for (const group of groups.values()) {
    const [first] = group;
    if (!first) continue;
    const texts = group.map((decision) => decision.text);
    const shown = texts.length > 3 ? `${texts.slice(0, 2).join("; ")}; \u2026 ${texts.length - 2} more` : texts.join("; ");
    const what = first.check ? `${shown} [${first.check}]` : shown;
    lines.push(`${ACTION_LABEL[first.action].padEnd(width)}  ${what}  (${first.reason})`);
  }
  return lines;
}
function plan(repoDir, path, text) {
  const file = join9(repoDir, path);
  if (!existsSync9(file)) return { path, text, state: "new" };
  return { path, text, state: readFileSync(file, "utf8") === text ? "same" : "differs" };
}
function initCommand(io, args) {
  const { values, positionals } = parseArgs4({
    args,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      template: { type: "string" }
    }
  });
  if (positionals.length > 1) throw new UsageError("init takes at most one directory");
  const repoDir = resolve2(io.cwd, positionals[0] ?? ".");
  if (!existsSync9(repoDir)) throw new UsageError(`${positionals[0] ?? "."}: no such directory`);
  if (!statSync2(repoDir).isDirectory()) throw new UsageError(`${positionals[0]}: not a directory`);
  const facts = detectStack(repoDir);
  const health = findHealthRoute(repoDir);
  const metrics = findPrometheusMetrics(repoDir);
  const database = findDatabase(repoDir);
  const lhciRc = findLhciRc(repoDir, {});
  const services = findServices(repoDir);
  const findings = [
    ...facts.findings,
    health ? { what: "health route", value: health.value, why: health.why } : { what: "health route", value: "none", why: "no /health, /healthz, /status\u2026 route in the sources" },
    metrics ? { what: "prometheus", value: "yes", why: metrics.why } : {
      what: "prometheus",
      value: "none",
      why: "no prom-client (or similar) dependency, no /metrics route"
    },
    database ? { what: "database", value: database.value, why: database.why } : { what: "database", value: "none", why: "no database client or ORM dependency" },
    services.length > 0 ? {
      what: "services",
      value: services.map((need) => SERVICE_NAMES[need.kind]).join(", "),
      why: `${services.map((need) => need.why).join("; ")}: in ${CHECKS_WORKFLOW_PATH}`
    } : {
      what: "services",
      value: "none",
      why: "no compose service, database config, service URL or driver"
    },
    ...lhciRc ? [{ what: "lighthouse ci", value: lhciRc, why: "its URLs, runs, settings and assertions are used" }] : []
  ];
  const width = Math.max(...findings.map((f) => f.what.length));
  for (const found of findings) {
    io.stdout.write(`${found.what.padEnd(width)}  ${found.value}  (${found.why})
`);
  }
  const env = envNames(repoDir);
  const pkg = readPackage(repoDir);
  const templatePath = values.template === void 0 ? defaultTemplatePath() : resolve2(io.cwd, values.template);
  const template = loadChecklist(values.template === void 0 ? void 0 : templatePath, io.cwd);
  const derived = deriveChecklist(readFileSync(templatePath, "utf8"), template, {
    stack: facts,
    appName: pkg?.name ? prettyName(pkg.name) : void 0,
    version: typeof pkg?.raw.version === "string" ? pkg.raw.version : manifestVersion(repoDir),
    envUsed: /* @__PURE__ */ new Set([...env.documented, ...env.read]),
    health,
    metrics,
    database,
    lhciRc
  });
  for (const row of checklistReport(derived.decisions, width)) io.stdout.write(`${row}
`);
  parseTemplate(derived.text, CHECKLIST_PATH, checkSchemas);
  const text = renderInitConfig(facts, [], {
    template: CHECKLIST_PATH,
    ...values.template === void 0 ? {} : { fittedFrom: values.template },
    metrics,
    packageName: pkg?.name,
    inlineJobs: needsInlineJobs(facts, services),
    serviceVariables: serviceVariableNames(services)
  });
  readConfigText(text, CONFIG_PATH);
  const files = [
    plan(repoDir, CONFIG_PATH, text),
    plan(repoDir, CHECKLIST_PATH, derived.text),
    plan(repoDir, CHECKS_WORKFLOW_PATH, renderChecksWorkflow(repoDir, facts, services))
  ];
  if (values["dry-run"]) {
    for (const file of files) io.stdout.write(`
# ${file.path} (dry run, not written)
${file.text}`);
    return 0;
  }
  const differing = files.filter((file) => file.state === "differs");
  if (differing.length > 0 && !values.force) {
    io.stderr.write(
      `shipgate: ${differing.map((file) => file.path).join(" and ")} exist${differing.length === 1 ? "s" : ""} and differ${differing.length === 1 ? "s" : ""} from what init would write; nothing written (--force overwrites)
`
    );
    return 2;
  }
  io.stdout.write("\n");
  for (const file of files) {
    if (file.state === "same") {
      io.stdout.write(`${file.path} is up to date
`);
      continue;
    }
    const target = join9(repoDir, file.path);
    mkdirSync(dirname3(target), { recursive: true });
    writeFileSync(target, file.text);
    io.stdout.write(`wrote ${file.path}
`);
  }
  return 0;
}
function manifestVersion(repoDir) {
  try {
    return projectVersion(
      (file) => file === "package.json" ? void 0 : readSmallFile(join9(repoDir, file)) || void 0
    )?.version;
  } catch {
    return void 0;
  }
}
function prettyName(name) {
  return name.replace(/^@[^/]+\//, "").split(/[-_]/).filter(Boolean).map((word) => ACRONYMS.has(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)).join(" ");
}
var ACRONYMS = /* @__PURE__ */ new Set(["os", "ui", "ai", "db", "js", "io", "api", "ssr", "spa", "cms", "crm"]);

// src/cli/render-command.ts
import { parseArgs as parseArgs5 } from "node:util";
var RENDER_HELP = `Usage: shipgate render [DIR] [--template FILE] [--config FILE] [--var key=value]...

Prints the checklist comment shipgate would post on a release PR (no state yet).
  --template FILE   Markdown checklist template (default: config template, else built-in)
  --config FILE     shipgate config (default: DIR/.github/shipgate.yml when present)
  --var key=value   fill a header variable: date, version, deployed-by, environment, app,
                    contact.<role>.name, contact.<role>.contact, next-deployment-date, next-review-date
`;
async function renderCommand(io, args) {
  const { values, positionals } = parseArgs5({
    args,
    allowPositionals: true,
    options: {
      template: { type: "string" },
      config: { type: "string" },
      var: { type: "string", multiple: true }
    }
  });
  if (positionals.length > 1) throw new UsageError("render takes at most one directory");
  const overrides = {};
  for (const pair of values.var ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`--var expects key=value, got "${pair}"`);
    overrides[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const context = await loadRepoContext(io, positionals[0], values);
  const gate = phaseGate({ checklist: context.checklist, states: {}, headSha: "", phase: "pre-merge" });
  io.stdout.write(
    renderComment({
      checklist: context.checklist,
      states: {},
      headSha: "",
      variables: variablesFor(context, io, overrides),
      gate
    })
  );
  return 0;
}

// src/cli/validate-command.ts
import { existsSync as existsSync10, readFileSync as readFileSync2 } from "node:fs";
import { join as join10, relative as relative2, resolve as resolve3 } from "node:path";
var VALIDATE_HELP = `Usage: shipgate validate [FILE]...

Validates checklist templates (.md) and shipgate configs (.yml/.yaml). With no FILE, validates
the built-in template and ./.github/shipgate.yml when present. Prints file:line: message per
problem; exit 0 when all are valid, 1 otherwise.
`;
function validateCommand(io, files) {
  const targets = files.length > 0 ? files : defaultTargets(io.cwd);
  const problems = [];
  for (const file of targets) {
    const path = resolve3(io.cwd, file);
    const shown = relative2(io.cwd, path) || file;
    try {
      if (file === "(built-in)") loadChecklist(void 0, io.cwd);
      else if (/\.ya?ml$/i.test(file)) readConfigText(readFileSync2(path, "utf8"), shown);
      else loadChecklist(path, io.cwd);
      io.stdout.write(`${shown}: ok
`);
    } catch (error) {
      if (error instanceof InvalidInputError) problems.push(...error.problems);
      else problems.push({ file: shown, line: 1, message: error.message });
    }
  }
  for (const problem of problems) io.stderr.write(`${formatProblem(problem)}
`);
  if (problems.length > 0)
    io.stderr.write(`${problems.length} problem${problems.length === 1 ? "" : "s"} found
`);
  return problems.length === 0 ? 0 : 1;
}
function defaultTargets(cwd) {
  const config = join10(cwd, CONFIG_PATH);
  return ["(built-in)", ...existsSync10(config) ? [CONFIG_PATH] : []];
}

// src/cli/version.ts
var VERSION = "0.1.0";

// src/cli/main.ts
var HELP = `shipgate ${VERSION} \u2014 a production deployment checklist as a merge gate

Usage: shipgate <command> [options]

Commands:
  init [DIR]        detect the stack and write .github/shipgate.yml
  check [DIR]       run the automated checks of the checklist locally
  render [DIR]      print the checklist comment for a release PR
  validate [FILE]   validate templates and configs
  doctor --repo R   check an installation of the app on GitHub (APP_ID, PRIVATE_KEY)
  audit export      the auditor's evidence pack over merged releases (GITHUB_TOKEN)

Options: --help, --version, --debug (print stack traces)
Run "shipgate <command> --help" for a command's options.
`;
async function main(io) {
  const debug = io.argv.includes("--debug");
  const args = io.argv.filter((arg) => arg !== "--debug");
  const [command, ...rest] = args;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      io.stdout.write(HELP);
      return command ? 0 : 2;
    }
    if (command === "--version" || command === "-v") {
      io.stdout.write(`${VERSION}
`);
      return 0;
    }
    const help = {
      init: INIT_HELP,
      check: CHECK_HELP,
      render: RENDER_HELP,
      validate: VALIDATE_HELP,
      doctor: DOCTOR_HELP,
      audit: AUDIT_HELP
    }[command];
    if (!help) throw new UsageError(`unknown command "${command}"`);
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write(help);
      return 0;
    }
    if (command === "check") return await checkCommand(io, rest);
    if (command === "init") return initCommand(io, rest);
    if (command === "render") return await renderCommand(io, rest);
    if (command === "doctor") return await doctorCommand(io, rest);
    if (command === "audit") return await auditCommand(io, rest);
    return validateCommand(io, rest);
  } catch (error) {
    if (debug && error instanceof Error) io.stderr.write(`${error.stack}
`);
    if (error instanceof InvalidInputError) {
      io.stderr.write(`shipgate: invalid input
${error.message}
`);
      return 2;
    }
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /^\w*Error \[ERR_[A-Z_]+\]: /,
      ""
    );
    io.stderr.write(`shipgate: ${message}
`);
    if (error instanceof UsageError || error.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write('Run "shipgate --help" for usage.\n');
      return 2;
    }
    return 1;
  }
}

// src/cli/index.ts
var code = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => /* @__PURE__ */ new Date()
});
process.exitCode = code;
