import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  buildVariables,
  cutToUtf8,
  detectReleaseBot,
  evaluateChangeWindow,
  loadSetup,
  utf8Length,
  windowLine
} from "./chunk-G2UJPFGX.js";
import {
  describeLimits,
  describeSample,
  hasRelativeLimits,
  judgeCanary
} from "./chunk-BZNXD6PI.js";
import {
  clock,
  cutoverWindows,
  formatLeft,
  windowStatus
} from "./chunk-K4MK56YR.js";
import {
  formatReading
} from "./chunk-V3GP2ZA7.js";
import {
  BREAK_GLASS_STATE,
  ESCALATION_STATE,
  EXCEPTION_STATE,
  ROLLBACK_STATE,
  appendEvents,
  canonical,
  compactLedger,
  eligible,
  escapeInline,
  evaluateGate,
  foldLedger,
  gitHubFor,
  isRequired,
  itemStatus,
  mention,
  require_dist,
  roleTitle,
  statusOf,
  verifyLedger
} from "./chunk-OAKTBEPE.js";
import {
  require_picomatch
} from "./chunk-MRPETQ5A.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";
import {
  __toESM
} from "./chunk-CO3T5JD3.js";

// src/core/ledger/governance-event-schema.ts
var Text = external_exports.string().max(2e3);
var Who = external_exports.string().max(100);
var Sha = external_exports.string().max(64);
var When = external_exports.string().max(40);
var GOVERNANCE_EVENT_SCHEMAS = [
  external_exports.object({ t: external_exports.literal("exception"), by: Who, at: When, sha: Sha, reason: Text }),
  external_exports.object({
    t: external_exports.literal("break-glass"),
    by: Who,
    at: When,
    sha: Sha,
    reason: Text,
    skipped: external_exports.array(Text).max(5e3),
    due: When
  }),
  external_exports.object({ t: external_exports.literal("note"), item: Text, by: Who, at: When, sha: Sha, text: Text }),
  external_exports.object({ t: external_exports.literal("freeze"), by: Who, at: When, sha: Sha, until: When, reason: Text }),
  external_exports.object({ t: external_exports.literal("unfreeze"), by: Who, at: When, sha: Sha }),
  external_exports.object({
    t: external_exports.literal("escalate"),
    level: external_exports.enum(["reminder", "overdue"]),
    at: When,
    sha: Sha,
    issue: external_exports.number().int().positive().optional()
  })
];
var GOVERNANCE_STATE_FIELDS = {
  items: external_exports.array(Text).max(5e3).optional(),
  due: When.optional()
};

// src/core/ledger/result-provenance-schema.ts
var RESULT_PROVENANCE_FIELDS = {
  how: external_exports.enum(["verified", "reported"]).optional(),
  run: external_exports.object({ iat: external_exports.number(), id: external_exports.string().max(40), attempt: external_exports.number().int() }).optional(),
  pipeline: external_exports.array(external_exports.string().max(500)).max(20).optional()
};

// src/core/comment/state-block.ts
var BLOCK = /<!-- shipgate:state v1 ([A-Za-z0-9_-]*) -->/;
var Status = external_exports.enum(["pass", "fail", "skipped", "error"]);
var Who2 = external_exports.string().max(100);
var Sha2 = external_exports.string().max(64);
var When2 = external_exports.string().max(40);
var Delivery = external_exports.string().max(100).optional();
var EventSchema = external_exports.discriminatedUnion("t", [
  external_exports.object({ t: external_exports.enum(["tick", "untick"]), item: external_exports.string(), by: Who2, at: When2, sha: Sha2, d: Delivery }),
  external_exports.object({
    t: external_exports.literal("waive"),
    item: external_exports.string(),
    by: Who2,
    at: When2,
    sha: Sha2,
    reason: external_exports.string(),
    na: external_exports.literal(true).optional()
  }),
  external_exports.object({
    t: external_exports.literal("result"),
    item: external_exports.string(),
    status: Status,
    summary: external_exports.string(),
    at: When2,
    sha: Sha2,
    ...RESULT_PROVENANCE_FIELDS
  }),
  external_exports.object({
    t: external_exports.literal("decide"),
    item: external_exports.string(),
    by: Who2,
    at: When2,
    sha: Sha2,
    outcome: external_exports.enum(["pass", "fail"]),
    reason: external_exports.string()
  }),
  external_exports.object({
    t: external_exports.literal("invalidate"),
    items: external_exports.array(external_exports.string()),
    at: When2,
    sha: Sha2,
    reason: external_exports.string()
  }),
  external_exports.object({
    t: external_exports.literal("reject"),
    item: external_exports.string(),
    by: Who2,
    at: When2,
    sha: Sha2,
    reason: external_exports.string(),
    d: Delivery
  }),
  external_exports.object({
    t: external_exports.literal("rollback"),
    by: Who2,
    at: When2,
    sha: Sha2,
    reason: external_exports.string(),
    source: external_exports.string(),
    incident: external_exports.number().int().positive().optional()
  }),
  ...GOVERNANCE_EVENT_SCHEMAS
]);
var ItemStateSchema = external_exports.object({
  checked: external_exports.boolean(),
  by: external_exports.string().optional(),
  at: external_exports.string().optional(),
  sha: external_exports.string().optional(),
  status: Status.optional(),
  summary: external_exports.string().optional(),
  waived: external_exports.object({ by: external_exports.string(), reason: external_exports.string(), na: external_exports.literal(true).optional() }).optional(),
  reset: external_exports.string().optional(),
  incident: external_exports.number().int().positive().optional(),
  ...RESULT_PROVENANCE_FIELDS,
  ...GOVERNANCE_STATE_FIELDS
});
var LedgerSchema = external_exports.object({
  base: external_exports.object({
    count: external_exports.number().int().nonnegative(),
    hash: external_exports.string(),
    states: external_exports.record(external_exports.string(), ItemStateSchema),
    rejected: external_exports.number().int().nonnegative()
  }),
  events: external_exports.array(EventSchema),
  head: external_exports.string()
});
function encodeStateBlock(ledger) {
  return `<!-- shipgate:state v1 ${Buffer.from(JSON.stringify(ledger)).toString("base64url")} -->`;
}
function decodeStateBlock(body) {
  const match = BLOCK.exec(body);
  if (!match) return { found: false };
  try {
    const json = JSON.parse(Buffer.from(match[1] ?? "", "base64url").toString("utf8"));
    const parsed = LedgerSchema.safeParse(json);
    if (!parsed.success) return { found: true, error: "state block does not have the expected shape" };
    return { found: true, ledger: parsed.data };
  } catch {
    return { found: true, error: "state block is not valid base64 JSON" };
  }
}

// src/core/audit/audit-attachment.ts
var CHECK_TEXT_LIMIT = 65535;
var RELEASE_BODY_LIMIT = 125e3;
var JSON_FENCE = "```json shipgate-audit";
var AUDIT_START = "<!-- shipgate:audit -->";
var AUDIT_END = "<!-- /shipgate:audit -->";
function auditJsonBlock(record) {
  return `${JSON_FENCE}
${JSON.stringify(record)}
\`\`\``;
}
function readAuditJson(text) {
  const start = text?.indexOf(JSON_FENCE) ?? -1;
  if (!text || start < 0) return void 0;
  const body = text.slice(start + JSON_FENCE.length);
  const end = body.indexOf("\n```");
  try {
    return JSON.parse(end >= 0 ? body.slice(0, end) : body);
  } catch {
    return void 0;
  }
}
function auditCheckText(record, markdown, tail) {
  const json = auditJsonBlock(record);
  const join = (...parts) => `${parts.filter(Boolean).join("\n\n")}
`;
  const full = join(markdown, json, tail);
  if (utf8Length(full) <= CHECK_TEXT_LIMIT) return full;
  const history = markdown.indexOf("\n## History");
  const short = history >= 0 ? `${markdown.slice(0, history)}

_History of ${record.events.length} events left out to fit the check run; it is in the signed JSON below._
` : markdown;
  const withJson = join(short, json, tail);
  if (utf8Length(withJson) <= CHECK_TEXT_LIMIT) return withJson;
  const note = `_The signed JSON record (${utf8Length(json)} bytes) does not fit the check run output; it is attached to the release._`;
  const room = CHECK_TEXT_LIMIT - utf8Length(note) - utf8Length(tail) - 16;
  return join(utf8Length(short) > room ? `${cutToUtf8(short, room - 3)}\u2026` : short, note, tail);
}
function releaseBodyWithAudit(body, record, markdown) {
  const existing = body ?? "";
  const start = existing.indexOf(AUDIT_START);
  const end = existing.indexOf(AUDIT_END);
  const before = start >= 0 ? existing.slice(0, start) : existing;
  const after = start >= 0 && end > start ? existing.slice(end + AUDIT_END.length) : "";
  const json = `<details><summary>Signed audit record (JSON)</summary>

${auditJsonBlock(record)}

</details>`;
  const section = (md, withJson) => `${AUDIT_START}

${md}
${withJson ? `${json}
` : ""}
${AUDIT_END}`;
  const assemble = (md, withJson) => `${before.trimEnd()}${before.trim() ? "\n\n" : ""}${section(md, withJson)}${after}`;
  const candidates = [assemble(markdown, true), assemble(markdown, false)];
  const fitted = candidates.find((candidate) => utf8Length(candidate) <= RELEASE_BODY_LIMIT);
  if (fitted) return fitted;
  const room = RELEASE_BODY_LIMIT - utf8Length(assemble("", false)) - 4;
  return assemble(`${cutToUtf8(markdown, Math.max(0, room))}\u2026`, false);
}

// src/core/audit/audit-view.ts
function outcomeView(item) {
  if (item.state.waived?.na) return { tone: "waived", label: "Not applicable", icon: "\u26AA" };
  if (item.state.waived) return { tone: "waived", label: "Waived", icon: "\u{1F7E1}" };
  if (item.notApplicable !== void 0) return { tone: "optional", label: "Not applicable", icon: "\u26AA" };
  switch (item.outcome) {
    case "done":
      return { tone: "done", label: item.kind === "signoff" ? "Signed off" : "Done", icon: "\u2705" };
    case "failing":
      return { tone: "failing", label: item.state.status === "error" ? "Error" : "Failing", icon: "\u274C" };
    case "skipped":
      return { tone: "skipped", label: "Skipped", icon: "\u23ED\uFE0F" };
    case "pending":
      return item.required ? { tone: "pending", label: "Pending", icon: "\u23F3" } : optional();
    case "waiting":
      return item.required ? { tone: "waiting", label: "Not done", icon: "\u2B1C" } : optional();
  }
}
function optional() {
  return { tone: "optional", label: "Optional, not done", icon: "\u2796" };
}
function itemLabel(item) {
  if (item.kind !== "signoff") return item.text;
  const role = item.text.split(/:?\s*_{3,}/)[0]?.trim();
  return role ? `${role} sign-off` : item.text.replace(/_{3,}/g, "").trim();
}
function actorOf(item) {
  if (item.state.waived) return item.state.waived.by;
  if (item.state.reset && !item.state.checked) return void 0;
  return item.state.by;
}
function noteOf(item) {
  if (item.state.waived?.na) return `Not applicable: ${item.state.waived.reason}`;
  if (item.state.waived) return `Waiver reason: ${item.state.waived.reason}`;
  if (item.notApplicable !== void 0) return `Not applicable: ${item.notApplicable}`;
  if (item.state.reset && !item.state.checked) return item.state.reset;
  if (item.kind === "auto") {
    const summary = item.evidence?.summary ?? item.state.summary;
    const how = item.state.how ? ` (${item.state.how}${item.state.run ? `, workflow run ${item.state.run.id}` : ""})` : "";
    return summary === void 0 ? void 0 : `${summary}${how}`;
  }
  return void 0;
}
function sectionsOf(record) {
  const sections = /* @__PURE__ */ new Map();
  for (const item of record.items) {
    const title = item.section.length > 0 ? item.section.join(" \u203A ") : "Checklist";
    const group = item.section[0] ?? "Checklist";
    const section = sections.get(title) ?? { title, group, items: [] };
    section.items.push(item);
    sections.set(title, section);
  }
  return [...sections.values()];
}
function formatWhen(at) {
  if (!at) return "";
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return match ? `${match[1]} ${match[2]} UTC` : at;
}
function shortSha(sha) {
  return sha ? sha.slice(0, 7) : "";
}
var ACTIONS = {
  tick: "Ticked",
  untick: "Unticked",
  waive: "Waived",
  result: "Check result",
  decide: "Decided (inconclusive)",
  invalidate: "Reset by push",
  reject: "Rejected attempt",
  rollback: "Rollback started",
  exception: "Change-window exception",
  "break-glass": "Break-glass (emergency change)",
  note: "Note",
  freeze: "Repository frozen",
  unfreeze: "Freeze lifted",
  escalate: "Post-review escalation"
};
function eventView(event, textOf) {
  const action = event.t === "waive" && event.na ? "Marked not applicable" : ACTIONS[event.t];
  const base = { at: event.at, action, sha: event.sha, rejected: event.t === "reject" };
  switch (event.t) {
    case "tick":
    case "untick":
      return { ...base, by: event.by, items: [textOf(event.item)] };
    case "waive":
    case "reject":
      return { ...base, by: event.by, items: [textOf(event.item)], detail: event.reason };
    case "result":
      return {
        ...base,
        by: "shipgate",
        items: [textOf(event.item)],
        detail: `${event.status}: ${event.summary}`
      };
    case "decide":
      return {
        ...base,
        by: event.by,
        items: [textOf(event.item)],
        detail: `${event.outcome}: ${event.reason}`
      };
    case "invalidate":
      return { ...base, items: event.items.map(textOf), detail: event.reason };
    case "rollback":
      return {
        ...base,
        by: event.by,
        items: ["rollback"],
        detail: `${event.reason}${event.incident ? ` (incident issue ${event.incident})` : ""}`
      };
    case "exception":
      return { ...base, by: event.by, items: ["change window"], detail: event.reason };
    case "break-glass":
      return {
        ...base,
        by: event.by,
        items: event.skipped.map(textOf),
        detail: `${event.reason} \u2014 post-review due ${event.due}`
      };
    case "note":
      return { ...base, by: event.by, items: [textOf(event.item)], detail: event.text };
    case "freeze":
      return {
        ...base,
        by: event.by,
        items: ["repository"],
        detail: `${event.reason} (until ${event.until})`
      };
    case "unfreeze":
      return { ...base, by: event.by, items: ["repository"] };
    case "escalate":
      return {
        ...base,
        by: "shipgate",
        items: ["post-review"],
        detail: event.level === "overdue" ? `emergency change not reviewed${event.issue ? ` (issue ${event.issue})` : ""}` : "reminder: post-review pending"
      };
  }
}
function itemTexts(record) {
  const texts = new Map(record.items.map((item) => [item.id, itemLabel(item)]));
  return (id) => texts.get(id) ?? id;
}
var CONCLUSION_LABEL = {
  success: "Passed",
  failure: "Failed",
  action_required: "Incomplete"
};

// src/core/audit/audit-markdown.ts
function renderAuditMarkdown(record) {
  const text = itemTexts(record);
  const out = [
    `# Audit record: ${esc(record.repo)} #${record.pr.number}`,
    "",
    `**${esc(record.pr.title)}** by ${esc(record.pr.author)}`,
    "",
    `- Checklist: ${esc(record.title)}`,
    `- Commit: \`${esc(record.sha)}\`${record.pr.mergeCommitSha ? ` \xB7 merged as \`${esc(record.pr.mergeCommitSha)}\`` : ""}`,
    `- Generated: ${when(record.generatedAt)}`,
    `- Gate (${record.gate.phase}): **${CONCLUSION_LABEL[record.gate.conclusion]}** \xB7 ${esc(record.gate.summary)}`
  ];
  const emergency = record.emergency;
  if (emergency)
    out.push(
      "",
      "## \u{1F6A8} Emergency change (break-glass)",
      "",
      `- By ${esc(emergency.by)} at ${when(emergency.at)}: ${esc(emergency.reason)}`,
      `- Skipped: ${emergency.skipped.map((id) => esc(text(id))).join("; ") || "nothing"}`,
      `- Post-review due ${when(emergency.due)}: **${esc(emergency.review)}**${emergency.missing.length > 0 ? ` (missing: ${emergency.missing.map((id) => esc(text(id))).join("; ")})` : ""}`
    );
  if (record.signals && record.signals.length > 0)
    out.push(
      "",
      "## Rubber-stamp signals (not blocking)",
      "",
      ...record.signals.map((signal) => `- ${esc(signal)}`)
    );
  for (const section of sectionsOf(record)) {
    out.push(
      "",
      `## ${esc(section.title)}`,
      "",
      "| Item | Status | By | When | Evidence |",
      "| --- | --- | --- | --- | --- |"
    );
    for (const item of section.items) out.push(itemRow(item));
    const findings = section.items.flatMap(
      (item) => (item.evidence?.findings ?? []).map((finding) => {
        const where = finding.file ? `\`${esc(finding.file)}${finding.line ? `:${finding.line}` : ""}\` ` : "";
        const commit = finding.commit ? `(commit \`${esc(shortSha(finding.commit))}\`) ` : "";
        return `- ${esc(itemLabel(item))}: ${where}${commit}${esc(finding.message)}`;
      })
    );
    if (findings.length > 0) out.push("", "Findings:", "", ...findings);
  }
  const dryItems = record.items.filter((item) => item.dryRun);
  const dryMetrics = record.events.flatMap(
    (event) => event.t === "result" && event.summary.includes("[dry run]") ? [`- ${when(event.at)} \xB7 ${esc(text(event.item))}: ${esc(event.summary)}`] : []
  );
  if (dryItems.length + dryMetrics.length > 0) {
    out.push("", `## Dry runs (${dryItems.length + dryMetrics.length})`, "");
    for (const item of dryItems)
      out.push(
        `- ${esc(itemLabel(item))}: ${item.state.status ?? "not judged"}${item.state.summary ? ` \u2014 ${esc(item.state.summary)}` : ""}`
      );
    out.push(...dryMetrics);
  }
  const rejected = record.events.filter((event) => event.t === "reject");
  out.push("", `## Rejected attempts (${rejected.length + (record.compacted?.rejected ?? 0)})`, "");
  if (rejected.length === 0 && !record.compacted?.rejected) out.push("None.");
  for (const event of rejected) {
    const view = eventView(event, text);
    out.push(
      `- ${when(view.at)} \xB7 ${esc(view.by ?? "")} tried to change \u201C${esc(view.items.join(", "))}\u201D at \`${esc(shortSha(view.sha))}\`: ${esc(view.detail ?? "")}`
    );
  }
  if (record.compacted?.rejected)
    out.push(`- \u2026and ${record.compacted.rejected} earlier (folded into the ledger base)`);
  out.push("", `## History (${record.events.length} events)`, "");
  if (record.compacted)
    out.push(`${record.compacted.count} earlier events were folded into the signed ledger base.`, "");
  record.events.forEach((event, index) => {
    const view = eventView(event, text);
    const by = view.by ? ` by ${esc(view.by)}` : "";
    const detail = view.detail ? `: ${esc(view.detail)}` : "";
    out.push(
      `${index + 1}. ${when(view.at)} \xB7 ${view.action}${by} \xB7 ${esc(view.items.join(", "))}${detail} (\`${esc(shortSha(view.sha))}\`)`
    );
  });
  out.push(
    "",
    "---",
    "",
    `Ledger head \`${esc(record.ledgerHead)}\` \xB7 schema \`${record.schema}\``,
    "",
    `Signature (HMAC-SHA256 over the canonical JSON record): \`${esc(record.signature)}\``
  );
  return `${out.join("\n")}
`;
}
function itemRow(item) {
  const outcome = outcomeView(item);
  const note = noteOf(item);
  const findings = item.evidence?.findings.length ?? 0;
  const evidence = [
    note ? esc(note) : "",
    findings > 0 ? `(${findings} finding${findings === 1 ? "" : "s"})` : ""
  ].filter(Boolean).join(" ");
  return `| ${esc(itemLabel(item))} | ${outcome.icon} ${outcome.label} | ${esc(actorOf(item) ?? "")} | ${when(item.state.at)} | ${evidence} |`;
}
function esc(text) {
  return escapeInline(text, 300).replace(/\|/g, "\\|");
}
function when(at) {
  return esc(formatWhen(at));
}

// src/core/audit/audit-record.ts
import { createHmac, timingSafeEqual } from "node:crypto";

// src/core/gate/governance.ts
function postReviewOf(input) {
  const glass = input.states[BREAK_GLASS_STATE];
  if (!glass?.checked || !glass.due) return void 0;
  const byId = new Map(input.checklist.items.map((item) => [item.id, item]));
  const skipped = glass.items ?? [];
  const missing = skipped.filter((id) => {
    const item = byId.get(id);
    if (!item) return false;
    const state = input.states[id];
    const onHead = itemStatus(item, state, input.headSha) === "done";
    const onMerge = input.mergeSha ? itemStatus(item, state, input.mergeSha) === "done" : false;
    return !(onHead || onMerge);
  });
  const escalation = input.states[ESCALATION_STATE];
  const reviewed = missing.length === 0;
  return {
    by: glass.by ?? "",
    at: glass.at ?? "",
    reason: glass.summary ?? "",
    sha: glass.sha ?? "",
    due: glass.due,
    skipped: [...skipped],
    missing,
    reviewed,
    overdue: !reviewed && Date.parse(input.now) > Date.parse(glass.due),
    reminded: escalation !== void 0,
    escalated: escalation?.checked === true,
    ...escalation?.incident !== void 0 ? { issue: escalation.incident } : {}
  };
}
function governPreMerge(preMerge, input) {
  const glass = input.states[BREAK_GLASS_STATE];
  if (glass?.checked && glass.sha === input.headSha && (input.problems ?? []).length === 0) {
    const skipped = glass.items?.length ?? 0;
    return {
      gate: {
        ...preMerge,
        conclusion: "success",
        blockers: [],
        summary: `\u{1F6A8} BREAK-GLASS by @${glass.by}: ${glass.summary} \u2014 ${preMerge.done} of ${preMerge.required} required items done, ${skipped} skipped; post-review due ${glass.due}`
      },
      window: { open: true }
    };
  }
  if (!input.governance) return { gate: preMerge, window: { open: true } };
  const window = evaluateChangeWindow({
    nowIso: input.governance.now,
    ...input.governance.windows ? { windows: input.governance.windows } : {},
    ...input.governance.freeze ? { freeze: input.governance.freeze } : {}
  });
  if (window.open || preMerge.conclusion === "failure") return { gate: preMerge, window };
  const exception = input.states[EXCEPTION_STATE];
  if (exception?.checked)
    return {
      gate: {
        ...preMerge,
        summary: `${preMerge.summary} \xB7 exception by @${exception.by}: ${exception.summary} (${window.reason})`
      },
      window
    };
  const line = windowLine(window);
  return {
    gate: {
      ...preMerge,
      conclusion: "action_required",
      blockers: [
        ...preMerge.blockers,
        { kind: "window", items: [], reason: line, ...window.opensAt ? { opensAt: window.opensAt } : {} }
      ],
      // the window first: it is what a reader of the (cut) check title needs to know
      summary: `\u23F8 ${line} \u2014 ${preMerge.summary.replace(/ — ready$/, " (complete)")}`
    },
    window
  };
}
var NOT_REVIEWED = "emergency change not reviewed";
function postReviewState(review) {
  if (review.reviewed) return "reviewed";
  return review.overdue ? NOT_REVIEWED : `pending review (due ${review.due})`;
}

// src/core/gate/rollback.ts
function rollbackPlan(checklist) {
  const inRollback = (item) => item.section.some((heading) => /rollback/i.test(heading));
  const isTrigger = (item) => item.section.some((heading) => /trigger/i.test(heading));
  const items = checklist.items.filter(inRollback);
  return { triggers: items.filter(isTrigger), steps: items.filter((item) => !isTrigger(item)) };
}
function rollbackStatus(checklist, states) {
  const plan = rollbackPlan(checklist);
  const fired = plan.triggers.filter((item) => states[item.id]?.checked === true);
  const state = states[ROLLBACK_STATE];
  const started = state?.checked ? {
    by: state.by ?? "",
    at: state.at ?? "",
    reason: state.summary ?? "",
    ...state.incident !== void 0 ? { incident: state.incident } : {}
  } : void 0;
  const active = started !== void 0 || fired.length > 0;
  return {
    active,
    fired,
    ...started ? { started } : {},
    activated: active ? plan.steps.map((item) => item.id) : []
  };
}
function withPhase(checklist, ids, phase) {
  if (ids.length === 0) return checklist;
  const moved = new Set(ids);
  return {
    ...checklist,
    items: checklist.items.map((item) => moved.has(item.id) ? { ...item, phase } : item)
  };
}

// src/core/gate/release-gates.ts
function releaseGates(input) {
  const rollback = rollbackStatus(input.checklist, input.states);
  const items = evaluateGate({
    checklist: input.checklist,
    states: input.states,
    headSha: input.headSha,
    phase: "pre-merge",
    activated: rollback.activated,
    ...input.problems ? { problems: input.problems } : {},
    ...input.notApplicable ? { notApplicable: input.notApplicable } : {}
  });
  const { gate: preMerge, window } = governPreMerge(items, {
    states: input.states,
    headSha: input.headSha,
    ...input.governance ? { governance: input.governance } : {},
    ...input.problems ? { problems: input.problems } : {}
  });
  const postReview = input.governance ? postReviewOf({
    checklist: input.checklist,
    states: input.states,
    headSha: input.headSha,
    now: input.governance.now,
    ...input.mergeSha ? { mergeSha: input.mergeSha } : {}
  }) : void 0;
  return {
    preMerge,
    rollback,
    window,
    ...postReview ? { postReview } : {},
    ...releaseView({ ...input, preMerge, rollback })
  };
}
function releaseView(input) {
  const { rollback, preMerge } = input;
  const note = rollback.active ? ` \xB7 \u{1F504} rollback in progress${rollback.started?.incident ? ` (incident ${rollback.started.incident})` : ""}` : "";
  if (!input.mergeSha) return { display: { ...preMerge, summary: preMerge.summary + note } };
  const postDeploy = evaluateGate({
    checklist: withPhase(input.checklist, rollback.activated, "post-deploy"),
    states: input.states,
    headSha: input.mergeSha,
    phase: "post-deploy",
    activated: rollback.activated,
    ...input.problems ? { problems: input.problems } : {},
    ...input.notApplicable ? { notApplicable: input.notApplicable } : {}
  });
  return {
    postDeploy,
    display: {
      ...postDeploy,
      summary: `merged as ${input.mergeSha.slice(0, 7)} \xB7 post-deploy: ${postDeploy.summary}${note}`
    }
  };
}
function phaseGate(input) {
  const { phase, ...rest } = input;
  if (phase === "pre-merge") return releaseGates(rest).preMerge;
  const gates = releaseGates({ ...rest, mergeSha: rest.mergeSha ?? rest.headSha });
  return gates.postDeploy ?? gates.preMerge;
}

// src/core/audit/audit-schema.ts
var Status2 = external_exports.enum(["pass", "fail", "skipped", "error"]);
var Text2 = external_exports.string().max(2e3);
var Who3 = external_exports.string().max(100);
var Sha3 = external_exports.string().max(64);
var When3 = external_exports.string().max(40);
var Delivery2 = external_exports.string().max(100).optional();
var EventSchema2 = external_exports.discriminatedUnion("t", [
  external_exports.object({ t: external_exports.enum(["tick", "untick"]), item: Text2, by: Who3, at: When3, sha: Sha3, d: Delivery2 }),
  external_exports.object({
    t: external_exports.literal("waive"),
    item: Text2,
    by: Who3,
    at: When3,
    sha: Sha3,
    reason: Text2,
    // "not applicable" rather than a waiver (not-applicable.ts); kept so the view can say so
    na: external_exports.literal(true).optional()
  }),
  external_exports.object({
    t: external_exports.literal("result"),
    item: Text2,
    status: Status2,
    summary: Text2,
    at: When3,
    sha: Sha3,
    ...RESULT_PROVENANCE_FIELDS
  }),
  external_exports.object({
    t: external_exports.literal("decide"),
    item: Text2,
    by: Who3,
    at: When3,
    sha: Sha3,
    outcome: external_exports.enum(["pass", "fail"]),
    reason: Text2
  }),
  external_exports.object({ t: external_exports.literal("invalidate"), items: external_exports.array(Text2), at: When3, sha: Sha3, reason: Text2 }),
  external_exports.object({ t: external_exports.literal("reject"), item: Text2, by: Who3, at: When3, sha: Sha3, reason: Text2, d: Delivery2 }),
  external_exports.object({
    t: external_exports.literal("rollback"),
    by: Who3,
    at: When3,
    sha: Sha3,
    reason: Text2,
    source: Text2,
    incident: external_exports.number().int().positive().optional()
  }),
  ...GOVERNANCE_EVENT_SCHEMAS
]);
var ItemStateSchema2 = external_exports.object({
  checked: external_exports.boolean(),
  by: Who3.optional(),
  at: When3.optional(),
  sha: Sha3.optional(),
  status: Status2.optional(),
  summary: Text2.optional(),
  waived: external_exports.object({ by: Who3, reason: Text2, na: external_exports.literal(true).optional() }).optional(),
  reset: Text2.optional(),
  incident: external_exports.number().int().positive().optional(),
  ...RESULT_PROVENANCE_FIELDS,
  ...GOVERNANCE_STATE_FIELDS
});
var FindingSchema = external_exports.object({
  file: Text2.optional(),
  line: external_exports.number().int().nonnegative().optional(),
  commit: Sha3.optional(),
  message: Text2
});
var ItemSchema = external_exports.object({
  id: Text2,
  text: Text2,
  section: external_exports.array(Text2),
  kind: external_exports.enum(["auto", "manual", "signoff"]),
  phase: external_exports.enum(["pre-merge", "post-deploy"]),
  required: external_exports.boolean(),
  check: Text2.optional(),
  role: Text2.optional(),
  outcome: external_exports.enum(["done", "waiting", "failing", "skipped", "pending"]),
  state: ItemStateSchema2,
  evidence: external_exports.object({
    check: Text2,
    status: Status2,
    summary: Text2,
    findings: external_exports.array(FindingSchema).max(100),
    metrics: external_exports.record(external_exports.string(), external_exports.number()).optional(),
    sha: Sha3
  }).optional(),
  notApplicable: Text2.optional(),
  dryRun: external_exports.literal(true).optional()
});
var AuditRecordSchema = external_exports.object({
  schema: external_exports.literal("shipgate/audit@1"),
  repo: external_exports.string().regex(/^[\w.-]+\/[\w.-]+$/),
  title: Text2,
  pr: external_exports.object({
    number: external_exports.number().int().positive(),
    title: Text2,
    author: Who3,
    headSha: Sha3,
    mergeCommitSha: Sha3.optional()
  }),
  sha: Sha3,
  generatedAt: When3,
  gate: external_exports.object({
    phase: external_exports.enum(["pre-merge", "post-deploy"]),
    conclusion: external_exports.enum(["success", "failure", "action_required"]),
    summary: Text2,
    done: external_exports.number().int().nonnegative(),
    required: external_exports.number().int().nonnegative()
  }),
  items: external_exports.array(ItemSchema).max(5e3),
  events: external_exports.array(EventSchema2).max(1e5),
  compacted: external_exports.object({ count: external_exports.number().int().nonnegative(), rejected: external_exports.number().int().nonnegative() }).optional(),
  ledgerHead: external_exports.string().max(100),
  signals: external_exports.array(Text2).max(500).optional(),
  emergency: external_exports.object({
    by: Who3,
    at: When3,
    reason: Text2,
    due: When3,
    skipped: external_exports.array(Text2).max(5e3),
    missing: external_exports.array(Text2).max(5e3),
    review: Text2
  }).optional(),
  signature: external_exports.string().max(100)
});

// src/core/audit/audit-record.ts
var AUDIT_SCHEMA = "shipgate/audit@1";
function buildAuditRecord(input, secret, ledgerKey = secret) {
  if (!verifyLedger(input.ledger, ledgerKey))
    throw new Error("the ledger does not verify; refusing to sign an audit record");
  const { checklist, pr } = input;
  const states = input.states ?? foldLedger(input.ledger);
  const phase = input.phase ?? "pre-merge";
  const notApplicable = input.notApplicable ?? /* @__PURE__ */ new Map();
  const gate = phaseGate({
    checklist,
    states,
    headSha: pr.headSha,
    phase,
    notApplicable: [...notApplicable.keys()],
    ...pr.mergeCommitSha && phase === "post-deploy" ? { mergeSha: pr.mergeCommitSha } : {}
  });
  const evidence = evidenceByItem(input.evidence, pr.headSha);
  const fill = (text) => fillPlaceholders(text, input.variables ?? {});
  const title = fill(checklist.title);
  const items = checklist.items.map((item) => {
    const state = states[item.id] ?? { checked: false };
    const section = item.section.map(fill);
    const found = evidence.get(item.id);
    const why = notApplicable.get(item.id);
    return {
      id: item.id,
      text: item.text,
      section: section[0] === title ? section.slice(1) : section,
      kind: item.kind,
      phase: item.phase,
      required: why === void 0 && isRequired(item, input.activated),
      ...item.check ? { check: item.check } : {},
      ...item.role ? { role: item.role } : {},
      outcome: itemStatus(item, state, pr.headSha),
      state: structuredClone(state),
      ...found && item.kind === "auto" ? { evidence: found } : {},
      ...why === void 0 ? {} : { notApplicable: why },
      ...item.params.dryRun === true ? { dryRun: true } : {}
    };
  });
  const { count, rejected } = input.ledger.base;
  const unsigned = {
    schema: AUDIT_SCHEMA,
    repo: input.repo,
    title,
    pr: { ...pr },
    sha: pr.headSha,
    generatedAt: input.generatedAt,
    gate: {
      phase,
      conclusion: gate.conclusion,
      summary: gate.summary,
      done: gate.done,
      required: gate.required
    },
    items,
    events: structuredClone(input.ledger.events),
    ...count > 0 ? { compacted: { count, rejected } } : {},
    ledgerHead: input.ledger.head,
    ...input.signals && input.signals.length > 0 ? { signals: [...input.signals] } : {},
    ...input.postReview ? {
      emergency: {
        by: input.postReview.by,
        at: input.postReview.at,
        reason: input.postReview.reason,
        due: input.postReview.due,
        skipped: [...input.postReview.skipped],
        missing: [...input.postReview.missing],
        review: postReviewState(input.postReview)
      }
    } : {}
  };
  return { ...unsigned, signature: signAuditRecord(unsigned, secret) };
}
function signAuditRecord(record, secret) {
  return createHmac("sha256", secret).update(canonical(record)).digest("base64url");
}
function verifyAuditRecord(value, secret) {
  if (!value || typeof value !== "object" || Array.isArray(value))
    return { ok: false, reason: "not an audit record" };
  const { signature, ...rest } = value;
  if (typeof signature !== "string") return { ok: false, reason: "the record has no signature" };
  const expected = Buffer.from(createHmac("sha256", secret).update(canonical(rest)).digest("base64url"));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return {
      ok: false,
      reason: "the signature does not match: the record was altered or signed with another key"
    };
  const parsed = AuditRecordSchema.safeParse(value);
  if (!parsed.success)
    return { ok: false, reason: `the record is malformed: ${parsed.error.issues[0]?.message ?? ""}` };
  return { ok: true, record: parsed.data };
}
function evidenceByItem(input, headSha) {
  const documents = !input ? [] : Array.isArray(input) ? input : [input];
  const byItem = /* @__PURE__ */ new Map();
  for (const document of documents) {
    for (const result of document.results) {
      if (byItem.has(result.item) && document.sha !== headSha) continue;
      byItem.set(result.item, {
        check: result.check,
        status: result.status,
        summary: result.summary,
        findings: result.findings.map((finding) => ({ ...finding })),
        ...result.metrics ? { metrics: { ...result.metrics } } : {},
        sha: document.sha
      });
    }
  }
  return byItem;
}
var PLACEHOLDER = /\{\{([a-z0-9.-]+)(?:\|([^}]*))?\}\}/g;
function fillPlaceholders(text, variables) {
  return text.replace(
    PLACEHOLDER,
    (_match, name, fallback) => variables[name]?.trim() || fallback || name
  );
}

// src/core/comment/render.ts
var COMMENT_MARKER = "<!-- shipgate:checklist -->";
var NOTES_START = "<!-- shipgate:notes -->";
var NOTES_END = "<!-- /shipgate:notes -->";
var BLANK = "_______________";
var DEFAULT_NOTES = [
  "_________________________________________________",
  "_________________________________________________",
  "_________________________________________________"
].join("\n");
function renderComment(input) {
  const out = [COMMENT_MARKER, renderStatusLine(input.gate), ""];
  const byId = new Map(input.checklist.items.map((item) => [item.id, item]));
  for (const line of input.checklist.lines) {
    if (line.type === "text") {
      out.push(fillPlaceholders2(neutraliseMarkers(line.text), input.variables, input.notes));
      continue;
    }
    const item = byId.get(line.itemId);
    if (item) {
      const why = input.notApplicable?.get(item.id);
      const sha = item.phase === "post-deploy" && input.postDeploySha ? input.postDeploySha : input.headSha;
      out.push(
        renderItemLine(item, input.states[item.id], sha, line.prefix, why, input.annotations?.get(item.id))
      );
    }
  }
  while (out.at(-1) === "") out.pop();
  if (input.stateBlock)
    out.push("", `<!-- shipgate:head ${input.headSha.replace(/[^0-9a-f]/gi, "")} -->`, input.stateBlock);
  return `${out.join("\n")}
`;
}
var CONCLUSION_ICON = { success: "\u2705", failure: "\u274C", action_required: "\u23F3" };
function renderStatusLine(gate) {
  return `> ${CONCLUSION_ICON[gate.conclusion]} **shipgate** \xB7 ${escapeInline(gate.summary, 400)}`;
}
function renderItemLine(item, state, headSha, prefix = "- ", notApplicable, override) {
  const status = itemStatus(item, state, headSha);
  const box = status === "done" ? "[x]" : "[ ]";
  const text = item.kind === "signoff" ? signoffText(item, state, status === "done") : escapeItemText(item.text);
  const note = notApplicable !== void 0 ? `\u26AA not applicable (${escapeInline(escapeMarkdown(notApplicable), 160)})` : override ?? annotation(item, state, status);
  return `${prefix}${box} ${text}${note ? ` \u2014 ${note}` : ""} <!-- sg:${item.id} -->`;
}
function annotation(item, state, status) {
  if (state?.waived?.na)
    return `\u26AA N/A by ${mention(state.waived.by)}: ${escapeInline(state.waived.reason, 200)}`;
  if (state?.waived)
    return `\u{1F7E1} waived by ${mention(state.waived.by)}: ${escapeInline(state.waived.reason, 200)}`;
  if (state?.reset && !state.checked) return `\u21A9\uFE0F ${escapeInline(state.reset, 80)}`;
  if (item.kind === "auto") {
    const how = state?.how ? ` \xB7 ${state.how}` : "";
    const summary = escapeInline(state?.summary ?? "", 160) + how;
    switch (status) {
      case "done":
        return `\u2705 ${summary}`;
      case "failing":
        return `\u274C ${state?.status === "error" ? "error: " : ""}${summary}`;
      case "skipped":
        return `\u23ED\uFE0F skipped: ${summary}`;
      default:
        return "\u23F3 pending";
    }
  }
  if (item.kind === "manual" && state?.checked && state.by)
    return `\u2714\uFE0F ${mention(state.by)} \xB7 ${day(state.at)}`;
  return "";
}
function signoffText(item, state, signed) {
  const text = escapeItemText(item.text);
  if (!signed || !state?.by || state.waived) return text;
  const values = [mention(state.by), day(state.at)];
  let index = 0;
  const filled = text.replace(/_{3,}/g, (blank) => values[index++] ?? blank);
  return index === 0 ? `${text} ${values.join(" \xB7 ")}` : filled;
}
function escapeItemText(text) {
  return text.replace(/<(?=[A-Za-z/!?])/g, "&lt;").replace(/-->/g, "--&gt;");
}
function neutraliseMarkers(text) {
  return text.replace(/<!--(?=\s*\/?\s*(?:shipgate|sg)\s*:)/gi, "&lt;!--");
}
function escapeMarkdown(text) {
  return text.replace(/[\\`*_~[\]|]/g, "\\$&");
}
function day(at) {
  return at ? at.slice(0, 10) : "";
}
var PLACEHOLDER2 = /\{\{([a-z0-9.-]+)(?:\|([^{}]*))?\}\}/g;
function fillPlaceholders2(text, variables, notes) {
  return text.replace(PLACEHOLDER2, (_match, name, fallback) => {
    if (name === "notes")
      return `${NOTES_START}
${notes?.trim() ? notes.trim() : DEFAULT_NOTES}
${NOTES_END}`;
    if (name === "environment-choice") return environmentChoice(variables.environment);
    const value = variables[name];
    if (value?.trim()) return escapeInline(value, 120);
    return fallback ?? BLANK;
  });
}
function environmentChoice(environment) {
  const env = (environment ?? "").toLowerCase();
  return `[${env === "staging" ? "x" : " "}] Staging [${env === "production" ? "x" : " "}] Production`;
}

// src/core/comment/checklist-comment.ts
var GITHUB_COMMENT_LIMIT = 65536;
var SAFETY_MARGIN = 512;
function buildChecklistComment(input, ledger, secret) {
  const withoutBlock = utf8Length(renderComment(input));
  const budget = GITHUB_COMMENT_LIMIT - withoutBlock - SAFETY_MARGIN;
  let fitted = ledger;
  let block = encodeStateBlock(fitted);
  while (utf8Length(block) > budget && fitted.events.length > 0) {
    fitted = compactLedger(fitted, Math.floor(fitted.events.length / 2), secret);
    block = encodeStateBlock(fitted);
  }
  if (utf8Length(block) > budget) {
    throw new Error(`checklist comment cannot fit GitHub's ${GITHUB_COMMENT_LIMIT}-byte limit`);
  }
  return { body: renderComment({ ...input, stateBlock: block }), ledger: fitted };
}

// src/core/cutover/judge-window.ts
function inside(series, fromSec, toSec) {
  return series.map((one) => ({
    labels: one.labels,
    samples: one.samples.filter(([time]) => time >= fromSec && time <= toSec)
  }));
}
function judgeWindow(input) {
  const { window, status, nowMs } = input;
  const closing = status.state === "closing";
  const fromSec = status.opensAt / 1e3;
  const toSec = Math.min(nowMs, status.closesAt) / 1e3;
  const failed = input.metrics.find((metric) => !metric.answer.ok);
  if (failed && !failed.answer.ok) {
    if (!closing || nowMs < status.closesAt + input.graceMs)
      return { outcome: "retry", reason: `${failed.label}: ${failed.answer.reason}` };
  }
  const readings = input.metrics.map((metric) => {
    const limits = describeLimits(metric.limits, metric.unit);
    const base = {
      label: metric.label,
      ...metric.trigger ? { trigger: metric.trigger } : {},
      ...metric.dryRun ? { dryRun: true } : {}
    };
    const dry = metric.dryRun ? " [dry run]" : "";
    if (!metric.answer.ok)
      return {
        ...base,
        text: `${metric.label}: error: ${metric.answer.reason}${dry}`,
        ok: true,
        inconclusive: !metric.dryRun,
        samples: 0,
        breaches: 0
      };
    const relative = hasRelativeLimits(metric.limits);
    const baselineSeries = metric.baseline?.ok === true ? inside(metric.baseline.series, fromSec, toSec) : void 0;
    const verdict = judgeCanary(inside(metric.answer.series, fromSec, toSec), baselineSeries, metric.limits, {
      ...metric.failureLimit !== void 0 ? { failureLimit: metric.failureLimit } : {},
      ...metric.consecutiveFailureLimit !== void 0 ? { consecutiveFailureLimit: metric.consecutiveFailureLimit } : {},
      // while open any sample is news; at the close the window needs its `count`
      minSamples: closing ? window.count : 1,
      aggregate: metric.limits.max !== void 0 || relative ? "max" : "min",
      unit: metric.unit
    });
    if (verdict.samples === 0 || verdict.outcome === "inconclusive" && !verdict.worst) {
      const reason = relative && metric.baseline?.ok === false ? metric.baseline.reason : verdict.reason;
      return {
        ...base,
        text: `${metric.label}: no data (${reason})${dry}`,
        ok: true,
        inconclusive: closing && !metric.dryRun,
        samples: verdict.samples,
        breaches: 0
      };
    }
    const shown = baselineSeries && verdict.worst ? describeSample(metric.label, verdict.worst, metric.unit) : `${metric.label} ${formatReading(verdict.peak ?? Number.NaN, metric.unit)}`;
    const out = [
      verdict.breaches > 0 ? `${verdict.breaches} of ${verdict.samples} out` : "",
      verdict.warnings > 0 ? `${verdict.warnings} of ${verdict.samples} between limit and warn` : "",
      verdict.longestRun > 1 && metric.consecutiveFailureLimit !== void 0 ? `${verdict.longestRun} in a row` : ""
    ].filter(Boolean);
    const since = verdict.outcome === "fail" && verdict.firstBreachAt ? ` from ${clock(verdict.firstBreachAt * 1e3)}` : "";
    const failed2 = verdict.outcome === "fail";
    return {
      ...base,
      text: `${shown} (${[limits, ...out].join(", ")}${since})${dry}${failed2 && metric.dryRun ? " would fail" : ""}`,
      ok: !failed2 || metric.dryRun === true,
      inconclusive: closing && verdict.outcome === "inconclusive" && !metric.dryRun,
      samples: verdict.samples,
      breaches: verdict.breaches
    };
  });
  const samples = Math.max(0, ...readings.map((reading) => reading.samples));
  const joined = `${readings.map((reading) => reading.text).join(", ")} \xB7 ${samples} sample${samples === 1 ? "" : "s"} every ${window.intervalMs / 1e3} s`;
  const breached = readings.filter((reading) => !reading.ok);
  const span = `${clock(status.opensAt)}\u2013${clock(status.closesAt)}`;
  if (breached.length > 0)
    return {
      outcome: "fail",
      readings,
      line: `window ${span} failed: ${joined}`,
      fired: breached.filter((reading) => reading.trigger !== void 0)
    };
  if (closing && readings.some((reading) => reading.inconclusive))
    return { outcome: "inconclusive", readings, line: `window ${span} inconclusive: ${joined}` };
  if (closing) return { outcome: "pass", readings, line: `window ${span} passed: ${joined}` };
  return { outcome: "open", readings, line: joined };
}
function windowEvents(window, verdict, at, sha) {
  const events = [
    {
      t: "result",
      item: window.item.id,
      // inconclusive is recorded as `skipped`: never a pass, never a rollback; a person decides
      status: verdict.outcome === "inconclusive" ? "skipped" : verdict.outcome,
      summary: verdict.line.slice(0, 500),
      at,
      sha
    }
  ];
  if (verdict.outcome === "fail") {
    for (const reading of verdict.fired)
      if (reading.trigger)
        events.push({
          t: "result",
          item: reading.trigger.item,
          status: "pass",
          // the trigger's text is true: ticked as the bot (rollback-triggers.ts)
          summary: `breached during ${window.item.text}: ${reading.text}`.slice(0, 500),
          at,
          sha
        });
  }
  return events;
}
function windowAnnotation(window, status, readings) {
  switch (status.state) {
    case "waiting":
      return `\u23F8\uFE0F opens when \u201C${window.after.text}\u201D is ticked (${window.durationMs / 6e4 >= 1 ? `${window.durationMs / 6e4} min` : `${window.durationMs / 1e3} s`})`;
    case "open":
      return `\u23F1\uFE0F open since ${clock(status.opensAt)}, closes at ${clock(status.closesAt)}, ${formatLeft(status.leftMs)}${readings ? ` \xB7 ${readings}` : ""}`;
    case "closing":
      return `\u23F3 closed at ${clock(status.closesAt)}, judging the window${readings ? ` \xB7 ${readings}` : ""}`;
    case "passed":
      return `\u2705 ${status.summary}`;
    case "failed":
      return `\u274C ${status.summary} \u2014 tick \u201C${window.after.text}\u201D again${reopenCommand(window)} to reopen it`;
    case "inconclusive":
      return `\u2753 ${status.summary} \u2014 a person decides: \`/shipgate decide ${window.item.id} pass|fail <reason>\``;
    case "waived":
      return void 0;
  }
}
function cutoverView(input) {
  const annotations = /* @__PURE__ */ new Map();
  const lines = [];
  for (const window of input.windows) {
    const status = windowStatus(window, input.states, input.nowMs);
    const note = windowAnnotation(window, status, input.readings?.[window.item.id]);
    if (!note) continue;
    const safe = escapeInline(note, 480);
    annotations.set(window.item.id, safe);
    lines.push(`- **${escapeInline(window.item.text, 120)}**: ${safe}`);
  }
  return { annotations, lines };
}
function reopenCommand(window) {
  const percent = /^\s*(\d{1,3}(?:\.\d+)?)\s*%/.exec(window.after.text)?.[1];
  return percent ? ` (or \`/shipgate cutover ${percent}\`)` : "";
}

// src/core/decide/decide-inconclusive.ts
function isInconclusive(states, item) {
  const state = states[item];
  return state?.status === "skipped" && /inconclusive/.test(state.summary ?? "") && !state.waived;
}
function planDecide(input) {
  const item = input.items.find((one) => one.id === input.item);
  if (!item) return { ok: false, message: `no checklist item with id \`${input.item.slice(0, 80)}\`` };
  if (input.outcome !== "pass" && input.outcome !== "fail")
    return { ok: false, message: "usage: `/shipgate decide <item-id> pass|fail <reason>`" };
  if (input.reason.length < 3)
    return {
      ok: false,
      message: "a decision needs a reason: `/shipgate decide <item-id> pass|fail <reason>`"
    };
  if (!isInconclusive(input.states, item.id))
    return {
      ok: false,
      message: `\u201C${item.text.slice(0, 80)}\u201D is not waiting for a decision (only inconclusive results are)`
    };
  const state = input.states[item.id];
  return {
    ok: true,
    item,
    event: {
      t: "decide",
      item: item.id,
      by: input.by,
      at: input.at,
      // the decision stands for the commit the judgement was about
      sha: state?.sha ?? "",
      outcome: input.outcome,
      reason: input.reason.slice(0, 300)
    }
  };
}
function listedDecider(roles, config, actor) {
  return roles.some(
    (role) => (config.roles[role]?.users ?? []).some((user) => user.toLowerCase() === actor.toLowerCase())
  );
}
var DECIDE_ACTIONS = { pass: "decide-pass", fail: "decide-fail" };
function firstInconclusive(items, states) {
  return items.find((item) => isInconclusive(states, item.id));
}
function decideActions(items, states) {
  const item = firstInconclusive(items, states);
  if (!item) return [];
  const what = item.text.length > 24 ? `${item.text.slice(0, 23)}\u2026` : item.text;
  return [
    { label: "Decide: pass", description: `Pass \u201C${what}\u201D`.slice(0, 40), identifier: DECIDE_ACTIONS.pass },
    { label: "Decide: fail", description: `Fail \u201C${what}\u201D`.slice(0, 40), identifier: DECIDE_ACTIONS.fail }
  ];
}
function outcomeOfAction(identifier) {
  return identifier === DECIDE_ACTIONS.pass ? "pass" : identifier === DECIDE_ACTIONS.fail ? "fail" : void 0;
}

// src/core/gate/check-report.ts
var MAX_ACTIONS = 3;
var MAX_IDENTIFIER = 20;
var MAX_LABEL = 20;
var MAX_DESCRIPTION = 40;
function buildCheckReport(input) {
  const { gate } = input;
  const problems = input.problems ?? [];
  const failed = gate.conclusion === "failure" || problems.length > 0;
  const status = failed || gate.conclusion === "success" ? "completed" : "in_progress";
  const lines = [`**${escapeInline(gate.summary, 300)}**`];
  if (problems.length > 0) {
    lines.push(
      "",
      "### Configuration problems",
      ...problems.slice(0, 20).map((p) => `- \`${escapeInline(p, 300)}\``)
    );
  }
  const texts = new Map(input.checklist.items.map((item) => [item.id, item.text]));
  if (gate.blockers.length > 0) lines.push("", "### Waiting on");
  for (const blocker of gate.blockers) lines.push(describe(blocker, input.config, texts));
  for (const note of input.notes ?? []) lines.push("", `> ${escapeInline(note, 300)}`);
  lines.push(...input.evidence ?? []);
  if (input.signals && input.signals.length > 0)
    lines.push(
      "",
      "### Rubber-stamp signals (not blocking)",
      ...input.signals.slice(0, 20).map((signal) => `- \u26A0\uFE0F ${escapeInline(signal, 300)}`)
    );
  const roles = gate.blockers.filter((b) => b.kind === "role");
  return {
    status,
    ...status === "completed" ? { conclusion: failed ? "failure" : "success" } : {},
    title: escapeInline(gate.summary, 100),
    summary: cutToUtf8(lines.join("\n"), 6e4),
    // bytes: GitHub refuses a summary over 65,535
    actions: failed ? [] : roles.slice(0, MAX_ACTIONS).map((b) => signOffAction(b.role))
  };
}
function describe(blocker, config, texts) {
  const list = (ids) => ids.slice(0, 8).map((id) => escapeInline(texts.get(id) ?? id, 80)).join("; ") + (ids.length > 8 ? `; \u2026${ids.length - 8} more` : "");
  switch (blocker.kind) {
    case "role": {
      const who = eligible(config, blocker.role);
      return `- **${roleTitle(blocker.role)}** sign-off \u2014 ${who || `no members configured for role \`${blocker.role}\``}`;
    }
    case "write-access":
      return `- ${blocker.items.length} manual item(s) \u2014 anyone with ${config.manualPermission} access: ${list(blocker.items)}`;
    case "failing-check":
      return `- \u274C failing: ${list(blocker.items)}`;
    case "skipped-check":
      return `- \u23ED\uFE0F skipped (waive or fix): ${list(blocker.items)}`;
    case "pending-check":
      return `- \u23F3 ${blocker.items.length} automated check(s) waiting for results for this commit`;
    case "note":
      return `- \u{1F4DD} ticked without the required note (\`/shipgate note <id> <text>\`): ${list(blocker.items)}`;
    case "window":
      return `- \u23F8 ${escapeInline(blocker.reason, 300)}`;
  }
}
function signOffAction(role) {
  const title = roleTitle(role);
  return {
    identifier: role.slice(0, MAX_IDENTIFIER),
    label: cut(`Sign off: ${title}`, MAX_LABEL),
    description: cut(`Sign off as ${title}`, MAX_DESCRIPTION)
  };
}
function roleForAction(identifier, roles) {
  const matches = roles.filter((role) => role.slice(0, MAX_IDENTIFIER) === identifier);
  return matches.length === 1 ? matches[0] : void 0;
}
function cut(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}

// src/core/gate/evidence-report.ts
var STATUS_ICON = { pass: "\u2705", fail: "\u274C", skipped: "\u23ED\uFE0F", error: "\u274C" };
function howLabel(state) {
  if (state.how === "verified") return "verified \u2014 computed by the attesting job from the PR's files";
  if (state.how !== "reported") return "judged by the bot";
  const pipeline = state.pipeline?.length ? `; the PR changes the build pipeline: ${state.pipeline.map((file) => `\`${escapeInline(file, 80)}\``).join(", ")}` : "";
  return `reported \u2014 measured in a job that ran the PR's code${pipeline}`;
}
function runLabel(run) {
  return `run ${run.id} (attempt ${run.attempt})`;
}
function evidenceLines(checklist, states, sha) {
  const lines = [];
  const runs = /* @__PURE__ */ new Set();
  for (const item of checklist.items) {
    if (item.kind !== "auto") continue;
    const state = states[item.id];
    if (!state?.status || state.sha !== sha || !state.how) continue;
    if (state.run) runs.add(runLabel(state.run));
    lines.push(
      `- ${STATUS_ICON[state.status]} ${escapeInline(item.text, 80)} \u2014 ${howLabel(state)}${state.run ? ` (${runLabel(state.run)})` : ""}`
    );
  }
  if (lines.length === 0) return [];
  const from = runs.size > 0 ? ` Verdicts from workflow ${[...runs].join(", ")}.` : "";
  return ["", "### Evidence", `Automated results for \`${sha.slice(0, 7)}\`.${from}`, ...lines];
}

// src/core/gate/post-review.ts
var POST_REVIEW_CHECK = "shipgate/post-review";
function postReviewRun(review, mergeSha, number, checklist) {
  const texts = new Map(checklist.items.map((item) => [item.id, item]));
  const line = (id) => {
    const item = texts.get(id);
    const who = item?.kind === "signoff" ? ` (sign-off: ${item.role})` : "";
    return `- [${review.missing.includes(id) ? " " : "x"}] ${escapeInline(item?.text ?? id, 120)}${who}`;
  };
  const title = review.reviewed ? `Break-glass of #${number} reviewed: ${review.skipped.length} skipped item(s) given` : review.overdue ? `OVERDUE \u2014 ${NOT_REVIEWED}: ${review.missing.length} of ${review.skipped.length} skipped item(s) missing` : `Post-review pending: ${review.missing.length} of ${review.skipped.length} skipped item(s) missing, due ${review.due}`;
  const summary = [
    `\u{1F6A8} #${number} went out by **break-glass** by @${escapeInline(review.by, 60)} at ${review.at}: ${escapeInline(review.reason, 300)}`,
    "",
    `The skipped sign-offs and items must be given on the merged PR's checklist by **${review.due}**.`,
    ...review.escalated ? ["", `Escalated${review.issue ? ` in issue #${review.issue}` : ""}: ${NOT_REVIEWED}.`] : [],
    "",
    "### Skipped at the break-glass",
    ...review.skipped.slice(0, 100).map(line)
  ].join("\n");
  return {
    name: POST_REVIEW_CHECK,
    headSha: mergeSha,
    status: review.reviewed ? "completed" : "in_progress",
    ...review.reviewed ? { conclusion: "success" } : {},
    title: title.slice(0, 200),
    summary,
    externalId: `${number}`
  };
}

// src/core/gate/rubber-stamp.ts
var BURST_ITEMS = 5;
var BURST_SECONDS = 10;
var QUICK_SECONDS = 30;
function labelOf(item, id) {
  if (!item) return id;
  const text = item.kind === "signoff" ? `${item.text.split(/:?\s*_{3,}/)[0]?.trim() || "role"} sign-off` : item.text;
  return text.slice(0, 60);
}
function rubberStampSignals(input) {
  const items = new Map(input.checklist.items.map((item) => [item.id, item]));
  const human = input.events.filter(
    (event) => event.t === "tick" && items.get(event.item)?.kind !== "auto" && event.by !== "shipgate"
  );
  const signals = [];
  const byPerson = /* @__PURE__ */ new Map();
  for (const tick of human) byPerson.set(tick.by, [...byPerson.get(tick.by) ?? [], tick]);
  for (const [by, ticks] of byPerson) {
    let best = [];
    for (let start = 0; start < ticks.length; start++) {
      const from = Date.parse(ticks[start]?.at ?? "");
      const run = ticks.slice(start).filter((tick) => Date.parse(tick.at) - from <= BURST_SECONDS * 1e3);
      if (run.length > best.length) best = run;
    }
    if (best.length >= BURST_ITEMS) {
      const seconds = Math.round((Date.parse(best.at(-1)?.at ?? "") - Date.parse(best[0]?.at ?? "")) / 1e3);
      signals.push({
        kind: "burst",
        by,
        items: best.map((tick) => tick.item),
        seconds,
        // the text names the threshold, not the measured seconds: the summary must not change with timing
        text: `burst: @${by} ticked ${best.length} items within ${BURST_SECONDS} s`
      });
    }
  }
  const pushes = input.events.filter((event) => event.t === "invalidate").map((event) => Date.parse(event.at));
  const opened = input.openedAt ? Date.parse(input.openedAt) : Number.NaN;
  for (const tick of human) {
    const at = Date.parse(tick.at);
    const push = pushes.filter((time) => time <= at).at(-1);
    const since = push !== void 0 && (Number.isNaN(opened) || push > opened) ? { after: "push", seconds: (at - push) / 1e3 } : Number.isNaN(opened) ? void 0 : { after: "open", seconds: (at - opened) / 1e3 };
    if (since && since.seconds >= 0 && since.seconds <= QUICK_SECONDS)
      signals.push({
        kind: "quick-tick",
        by: tick.by,
        item: tick.item,
        seconds: Math.round(since.seconds),
        after: since.after,
        text: `quick tick: @${tick.by} ticked "${labelOf(items.get(tick.item), tick.item)}" within ${QUICK_SECONDS} s of ${since.after === "open" ? "the PR opening" : "the last push"}`
      });
  }
  const active = /* @__PURE__ */ new Map();
  for (const event of input.events) if ("by" in event) active.set(event.by, (active.get(event.by) ?? 0) + 1);
  for (const tick of human) {
    if (items.get(tick.item)?.kind !== "signoff") continue;
    if ((active.get(tick.by) ?? 0) <= 1 && tick.by !== input.author)
      signals.push({
        kind: "lone-sign-off",
        by: tick.by,
        item: tick.item,
        text: `lone sign-off: @${tick.by} signed "${labelOf(items.get(tick.item), tick.item)}" with no other activity on the PR`
      });
  }
  return signals;
}

// src/core/gate/projection.ts
var CHECK_NAME = "shipgate";
var POST_DEPLOY_CHECK = "shipgate/post-deploy";
function gatesOf(facts, states, headSha = facts.pull.headSha) {
  return releaseGates({
    checklist: facts.checklist,
    states,
    headSha,
    problems: facts.problems,
    notApplicable: [...facts.notApplicable.keys()],
    ...facts.pull.mergeCommitSha ? { mergeSha: facts.pull.mergeCommitSha } : {},
    governance: {
      now: facts.now,
      ...facts.config.windows ? { windows: facts.config.windows } : {},
      ...facts.freeze ? { freeze: facts.freeze } : {}
    }
  });
}
function reportRun(facts, gate, run, states) {
  const report = buildCheckReport({
    gate,
    checklist: facts.checklist,
    config: facts.config,
    problems: facts.problems,
    notes: facts.resultNotes?.[run.headSha] ?? [],
    evidence: evidenceLines(facts.checklist, states, run.headSha),
    ...run.signals ? { signals: run.signals.map((signal) => signal.text) } : {}
  });
  const { intro, signals: _signals, ...rest } = run;
  const policy = facts.policy ? `

<sub>Policy: config and template of \`${escapeInline(facts.policy.ref, 100)}\` at \`${facts.policy.sha.slice(0, 7)}\`.</sub>` : "";
  return {
    ...rest,
    status: report.status,
    ...report.conclusion ? { conclusion: report.conclusion } : {},
    title: report.title,
    summary: (intro ? `${intro}

${report.summary}` : report.summary) + policy,
    actions: run.actions ?? report.actions
  };
}
var mirrorText = (ledger) => `Signed checklist state (restores the comment if it is edited or deleted):

${encodeStateBlock(ledger)}
`;
function projectRelease(input) {
  const { pull, checklist } = input;
  const appended = appendEvents(input.ledger, input.events ?? [], input.ledgerKey);
  const states = foldLedger(appended);
  const gates = gatesOf(input, states);
  const signals = rubberStampSignals({
    checklist,
    events: appended.events,
    ...pull.openedAt ? { openedAt: pull.openedAt } : {},
    author: pull.author
  });
  const mergeSha = pull.mergeCommitSha;
  const variables = buildVariables({
    config: input.config,
    version: input.version,
    date: input.now,
    deployedBy: pull.author
  });
  const cutover = cutoverView({
    windows: cutoverWindows(checklist, input.config),
    states,
    nowMs: Date.parse(input.now),
    ...input.cutoverReadings ? { readings: input.cutoverReadings } : {}
  });
  const built = buildChecklistComment(
    {
      checklist,
      states,
      headSha: pull.headSha,
      variables,
      gate: gates.display,
      notes: input.notes,
      notApplicable: input.notApplicable,
      ...mergeSha ? { postDeploySha: mergeSha } : {},
      annotations: cutover.annotations
    },
    appended,
    input.ledgerKey
  );
  const ledger = built.ledger;
  const checkRuns = [];
  let audit;
  const decisions = decideActions(checklist.items, states);
  if (mergeSha && gates.postDeploy) {
    checkRuns.push(
      reportRun(
        input,
        gates.postDeploy,
        {
          name: POST_DEPLOY_CHECK,
          headSha: mergeSha,
          intro: [
            `Post-deploy items of #${pull.number} (merged as \`${mergeSha.slice(0, 7)}\`).`,
            ...cutover.lines.length > 0 ? ["", "**Cutover windows**", ...cutover.lines] : []
          ].join("\n"),
          text: mirrorText(ledger),
          externalId: `${pull.number}`,
          mirrorsLedger: true,
          // an inconclusive judgement: a person decides, here or with `/shipgate decide`
          ...decisions.length > 0 ? { actions: decisions } : {}
        },
        states
      )
    );
    if (input.withAudit) {
      const record = buildAuditRecord(
        {
          repo: input.repo,
          pr: {
            number: pull.number,
            title: pull.title,
            author: pull.author,
            headSha: pull.headSha,
            mergeCommitSha: mergeSha
          },
          checklist,
          ledger,
          states,
          generatedAt: input.now,
          activated: gates.rollback.activated,
          variables,
          notApplicable: input.notApplicable,
          signals: signals.map((signal) => signal.text),
          ...gates.postReview ? { postReview: gates.postReview } : {}
        },
        input.secret,
        input.ledgerKey
      );
      const markdown = renderAuditMarkdown(record);
      audit = { record, markdown };
      checkRuns.push(
        reportRun(
          input,
          gates.preMerge,
          {
            name: CHECK_NAME,
            headSha: pull.headSha,
            intro: `Merged as \`${mergeSha.slice(0, 7)}\`; the signed audit record is below.`,
            text: auditCheckText(record, markdown, `Signed checklist state:

${encodeStateBlock(ledger)}`),
            actions: [],
            externalId: `${pull.number}`,
            signals
          },
          states
        )
      );
    }
    if (gates.postReview) checkRuns.push(postReviewRun(gates.postReview, mergeSha, pull.number, checklist));
  } else {
    checkRuns.push(
      reportRun(
        input,
        gates.preMerge,
        {
          name: CHECK_NAME,
          headSha: pull.headSha,
          text: mirrorText(ledger),
          externalId: `${pull.number}`,
          ...input.detailsUrl ? { detailsUrl: input.detailsUrl } : {},
          mirrorsLedger: true,
          signals
        },
        states
      )
    );
  }
  return {
    ledger,
    states,
    gates,
    signals,
    status: gates.display.summary,
    comment: built.body,
    checkRuns,
    ...audit ? { audit } : {}
  };
}
function projectMergeGroup(input) {
  const states = foldLedger(appendEvents(input.ledger, input.events, input.ledgerKey));
  const open = { ...input, pull: { ...input.pull, headSha: input.sha } };
  const { mergeCommitSha: _merged, ...pull } = open.pull;
  const gates = gatesOf({ ...open, pull }, states, input.sha);
  return {
    gate: gates.preMerge,
    checkRun: reportRun(
      input,
      gates.preMerge,
      {
        name: CHECK_NAME,
        headSha: input.sha,
        intro: `Merge queue commit for #${input.pull.number}.`,
        externalId: `${input.pull.number}`
      },
      states
    )
  };
}
function statusReply(projection, sha) {
  return `**shipgate** for \`${sha.slice(0, 7)}\`: ${projection.status}`;
}

// src/bot/pr/release-pr.ts
var import_picomatch = __toESM(require_picomatch(), 1);
function isReleasePull(config, pull) {
  const { branches, labels, titlePattern, bots } = config.release;
  if (detectReleaseBot(pull, bots)) return true;
  if (branches.some((glob) => import_picomatch.default.isMatch(pull.headRef, glob, { dot: true }))) return true;
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  if (pull.labels.some((label) => wanted.has(label.toLowerCase()))) return true;
  if (!titlePattern) return false;
  try {
    return new RegExp(titlePattern).test(pull.title);
  } catch {
    return false;
  }
}

// src/core/evidence/workflow-identity.ts
var SHIPGATE_REUSABLE_WORKFLOW = "acme/shipgate/.github/workflows/shipgate.yml";
function parseWorkflowRef(value) {
  const match = /^([\w.-]+\/[\w.-]+)\/(\.github\/workflows\/[\w./-]+\.ya?ml)(?:@(.+))?$/.exec(value);
  if (!match?.[1] || !match[2]) return void 0;
  return { repo: match[1], path: match[2], ref: match[3] ?? "" };
}
function jobWorkflowOf(claims) {
  return parseWorkflowRef(claims.job_workflow_ref ?? claims.workflow_ref);
}
function configuredJobWorkflow(config, repo) {
  const uses = config.checksWorkflow?.uses;
  if (!uses) return void 0;
  if (uses.startsWith("./")) {
    const [path = "", ref = ""] = uses.slice(2).split("@");
    return { repo, path, ref };
  }
  return parseWorkflowRef(uses);
}
function refMatches(wanted, ref, sha) {
  if (!wanted) return true;
  return ref === wanted || ref === `refs/tags/${wanted}` || ref === `refs/heads/${wanted}` || sha === wanted;
}
function sameWorkflow(a, b) {
  return a.repo.toLowerCase() === b.repo.toLowerCase() && a.path === b.path;
}
function judgeJobWorkflow(claims, facts, config) {
  const job = jobWorkflowOf(claims);
  if (!job)
    return {
      ok: false,
      reason: `results refused: the token's job_workflow_ref (${claims.job_workflow_ref}) is not a workflow file`
    };
  const caller = parseWorkflowRef(claims.workflow_ref);
  const local = job.repo.toLowerCase() === claims.repository.toLowerCase();
  const isCaller = caller !== void 0 && sameWorkflow(job, caller);
  if (local && !isCaller) {
    if (!facts || facts.path !== job.path)
      return {
        ok: false,
        reason: `results ignored: the reusable workflow that ran the job (${job.path}) could not be read to compare it`
      };
    if (facts.file === "changed")
      return {
        ok: false,
        reason: `results ignored: the reusable workflow that ran the job (${job.path}) is modified by this pull request (it differs from the default branch's)`
      };
    if (facts.file === "not-on-default-branch")
      return {
        ok: false,
        reason: `results ignored: the reusable workflow that ran the job (${job.path}) is not on the default branch`
      };
    if (facts.file !== "same")
      return {
        ok: false,
        reason: `results ignored: the reusable workflow that ran the job (${job.path}) could not be read to compare it`
      };
  }
  const configured = configuredJobWorkflow(config, claims.repository);
  if (configured) {
    const matches = sameWorkflow(job, configured) && refMatches(configured.ref, job.ref, claims.job_workflow_sha);
    if (!matches)
      return {
        ok: false,
        reason: `results were produced by a job of ${job.repo}/${job.path}@${job.ref}, not the configured checks workflow ${config.checksWorkflow?.uses}`
      };
    return { ok: true, attesting: true };
  }
  const shipgate = parseWorkflowRef(SHIPGATE_REUSABLE_WORKFLOW);
  return { ok: true, attesting: shipgate !== void 0 && sameWorkflow(job, shipgate) };
}
function referencesShipgate(text) {
  return /^\s*(?:-\s*)?uses:\s*['"]?[\w.-]+\/shipgate(?:\/\.github\/workflows\/[\w.-]+\.ya?ml)?@/im.test(
    text
  );
}

// src/core/doctor/workflow-shape.ts
var import_yaml = __toESM(require_dist(), 1);
var SHIPGATE_ACTION = /^[\w.-]+\/shipgate@/;
var SHIPGATE_REUSABLE = /^[\w.-]+\/shipgate\/\.github\/workflows\/[\w.-]+\.ya?ml@/;
function grants(permissions, scope, level = "write") {
  if (permissions === "write-all") return true;
  return typeof permissions === "object" && permissions !== null && permissions[scope] === level;
}
function checksWorkflowShape(source) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(source);
  } catch {
    return { mode: "none", problems: ["not valid YAML: fix: correct the workflow"] };
  }
  const jobs = Object.entries(doc?.jobs ?? {}).filter((entry) => entry[1] !== null);
  const rootPermissions = doc?.permissions;
  const permissionsOf = (job) => job.permissions ?? rootPermissions;
  if (jobs.some(([, job]) => typeof job.uses === "string" && SHIPGATE_REUSABLE.test(job.uses))) {
    const caller = jobs.find(([, job]) => typeof job.uses === "string" && SHIPGATE_REUSABLE.test(job.uses));
    const permissions = caller ? permissionsOf(caller[1]) : rootPermissions;
    const problems2 = [];
    if (!grants(permissions, "id-token"))
      problems2.push(
        "does not grant id-token: write to the reusable workflow's attesting job: fix: add it to `permissions`"
      );
    if (!grants(permissions, "checks"))
      problems2.push(
        "does not grant checks: write: fix: add `permissions: { checks: write, contents: read }`"
      );
    return { mode: "reusable", problems: problems2 };
  }
  const shipgateSteps = jobs.flatMap(
    ([name, job]) => (job.steps ?? []).filter((step) => typeof step?.uses === "string" && SHIPGATE_ACTION.test(step.uses)).map((step) => ({ name, job, role: String(step.with?.job ?? "single") }))
  );
  if (shipgateSteps.length === 0)
    return {
      mode: "none",
      problems: [
        "does not run shipgate: fix: call `acme/shipgate/.github/workflows/shipgate.yml@v1` (docs/security.md)"
      ]
    };
  const problems = [];
  const attest = shipgateSteps.filter((step) => step.role === "attest");
  const measure = shipgateSteps.filter((step) => step.role === "measure");
  if (attest.length === 0) {
    const single = shipgateSteps[0];
    if (single && !grants(permissionsOf(single.job), "checks"))
      problems.push(
        "does not grant checks: write: fix: add `permissions: { checks: write, contents: read }`"
      );
    problems.push(
      "runs the PR's code in the job that publishes the evidence (single-job mode: every result is only `reported`): fix: call acme/shipgate/.github/workflows/shipgate.yml@v1, or split it into a `job: measure` and a `job: attest` job (docs/security.md)"
    );
    return { mode: "single", problems };
  }
  for (const { name, job } of attest) {
    if (!grants(permissionsOf(job), "id-token")) problems.push(`job ${name} (attest) lacks id-token: write`);
    if (!grants(permissionsOf(job), "checks")) problems.push(`job ${name} (attest) lacks checks: write`);
    const runs = (job.steps ?? []).filter((step) => step?.run !== void 0).length;
    const setup = (job.steps ?? []).some(
      (step) => typeof step?.uses === "string" && /setup-(node|python|go|java|ruby)/.test(step.uses)
    );
    if (runs > 0 || setup)
      problems.push(
        `job ${name} (attest) installs or runs commands: fix: the attesting job runs no code of the PR (no run: steps, no setup-*)`
      );
  }
  for (const { name, job } of measure) {
    if (grants(permissionsOf(job), "id-token"))
      problems.push(
        `job ${name} (measure) has id-token: write: fix: give it \`permissions: { contents: read }\` only`
      );
    const checkout = (job.steps ?? []).find(
      (step) => typeof step?.uses === "string" && step.uses.startsWith("actions/checkout@")
    );
    if (checkout && checkout.with?.["persist-credentials"] !== false)
      problems.push(
        `job ${name} (measure) keeps the job token in the checkout: fix: \`persist-credentials: false\``
      );
  }
  if (measure.length === 0)
    problems.push("has an attest job but no measure job: fix: add a `job: measure` job before it (needs:)");
  return { mode: "two-job", problems };
}

// src/core/doctor/diagnose.ts
var REQUIRED_PERMISSIONS = {
  checks: "write",
  pull_requests: "write",
  issues: "write",
  contents: "write",
  deployments: "write",
  members: "read",
  metadata: "read",
  actions: "write",
  merge_queues: "read",
  administration: "read"
};
var REQUIRED_EVENTS = [
  "pull_request",
  "issue_comment",
  "pull_request_review",
  "check_run",
  "merge_group",
  "deployment_protection_rule",
  "deployment_status"
];
var LEVEL = { read: 1, write: 2, admin: 3 };
function diagnose(facts) {
  const lines = [];
  const add = (ok, good, fix) => lines.push({ ok, text: ok ? good : fix });
  const where = `${facts.repo}@${facts.branch}`;
  if (facts.requiredChecks === void 0)
    add(false, "", `cannot read branch protection of ${where}: fix: grant the app "Administration: read"`);
  else {
    const gate = facts.requiredChecks.filter((check) => check.context === "shipgate");
    add(
      gate.length > 0,
      `\`shipgate\` is a required check on ${facts.branch} (${gate.map((c) => c.from).join(", ")})`,
      `\`shipgate\` is not required on ${facts.branch}: fix: branch protection or a ruleset \u2192 require the status check "shipgate"`
    );
    if (gate.length > 0)
      add(
        gate.every((check) => check.appId === facts.appId),
        `\`shipgate\` is bound to the shipgate app (id ${facts.appId})`,
        `\`shipgate\` is not bound to the app: fix: set its source (expected source) to the shipgate app (id ${facts.appId}); any workflow with checks: write can post it now`
      );
  }
  lines.push(...installationLines(facts.permissions, facts.events));
  const workflow = facts.workflow === void 0 ? void 0 : workflowProblems(facts.workflow);
  add(
    workflow !== void 0 && workflow.length === 0,
    `the checks workflow ${facts.workflowPath} runs shipgate in two jobs: the PR's code runs without the credentials that vouch for results`,
    workflow === void 0 ? `no checks workflow at ${facts.workflowPath}: fix: add it (docs/security.md: call acme/shipgate/.github/workflows/shipgate.yml@v1 with id-token: write and checks: write)` : `${facts.workflowPath}: ${workflow.join("; ")}`
  );
  add(
    facts.setupProblems.length === 0,
    `config and template on ${facts.branch} are valid`,
    `config or template invalid on ${facts.branch}: ${facts.setupProblems.slice(0, 3).join("; ")}: fix: correct the file at that line (shipgate validate)`
  );
  const unreadable = facts.teams.filter((team) => !team.readable).map((team) => team.team);
  add(
    unreadable.length === 0,
    facts.teams.length ? `every role team is readable (${facts.teams.map((t) => t.team).join(", ")})` : "no role uses a team",
    `role teams not readable: ${unreadable.join(", ")}: fix: check the team slugs in .github/shipgate.yml and grant the app "Members: read"`
  );
  return lines;
}
function installationLines(permissions, events) {
  const missing = Object.entries(REQUIRED_PERMISSIONS).filter(
    ([name, level]) => (LEVEL[permissions[name] ?? ""] ?? 0) < (LEVEL[level] ?? 0)
  );
  const unsubscribed = REQUIRED_EVENTS.filter((event) => !events.includes(event));
  return [
    missing.length === 0 ? { ok: true, text: "the app has every permission app.yml asks for" } : {
      ok: false,
      text: `the app lacks ${missing.map(([name, level]) => `${name}: ${level}`).join(", ")}: fix: app settings \u2192 Permissions & events, then accept the new permissions on the installation`
    },
    unsubscribed.length === 0 ? { ok: true, text: "the app subscribes to every event it handles" } : {
      ok: false,
      text: `the app does not subscribe to ${unsubscribed.join(", ")}: fix: app settings \u2192 Permissions & events \u2192 Subscribe to events`
    }
  ];
}
function workflowProblems(source) {
  return checksWorkflowShape(source).problems;
}
function formatDoctor(lines) {
  return {
    text: `${lines.map((line) => `${line.ok ? "\u2714" : "\u2718"} ${line.text}`).join("\n")}
`,
    code: lines.every((line) => line.ok) ? 0 : 1
  };
}

// src/github/doctor-reads.ts
async function readInstallation(appOctokit, repo) {
  try {
    const { data } = await appOctokit.rest.apps.getRepoInstallation({ owner: repo.owner, repo: repo.repo });
    const permissions = Object.fromEntries(
      Object.entries(data.permissions ?? {}).flatMap(
        ([name, level]) => typeof level === "string" ? [[name, level]] : []
      )
    );
    return { id: data.id, permissions, events: data.events ?? [] };
  } catch (error) {
    if (statusOf(error) === 404) return void 0;
    throw error;
  }
}
async function readDefaultBranch(octokit, repo) {
  const { data } = await octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  const { data: branch } = await octokit.rest.repos.getBranch({
    owner: repo.owner,
    repo: repo.repo,
    branch: data.default_branch
  });
  return { ref: data.default_branch, sha: branch.commit.sha };
}
async function readRequiredChecks(octokit, repo, branch) {
  const out = [];
  try {
    const { data } = await octokit.rest.repos.getBranchProtection({
      owner: repo.owner,
      repo: repo.repo,
      branch
    });
    for (const check of data.required_status_checks?.checks ?? [])
      out.push({
        context: check.context,
        ...check.app_id ? { appId: check.app_id } : {},
        from: "branch protection"
      });
  } catch (error) {
    if (statusOf(error) === 403) return void 0;
    if (statusOf(error) !== 404) throw error;
  }
  const { data: rules } = await octokit.rest.repos.getBranchRules({
    owner: repo.owner,
    repo: repo.repo,
    branch
  });
  for (const rule of rules) {
    if (rule.type !== "required_status_checks") continue;
    const parameters = rule.parameters;
    for (const check of parameters?.required_status_checks ?? [])
      out.push({
        context: check.context,
        ...check.integration_id ? { appId: check.integration_id } : {},
        from: "ruleset"
      });
  }
  return out;
}
async function canReadTeam(octokit, team) {
  const [org = "", slug = ""] = team.split("/");
  try {
    await octokit.rest.teams.getByName({ org, team_slug: slug });
    return true;
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 403) return false;
    throw error;
  }
}

// src/load/doctor-report.ts
async function doctorReport(credentials, repo) {
  const full = `${repo.owner}/${repo.repo}`;
  const { appId } = credentials;
  const installation = await readInstallation(await credentials.auth(), repo);
  if (!installation)
    return {
      text: `\u2718 the app (id ${appId}) is not installed on ${full}: fix: install it on the repository
`,
      code: 1
    };
  const octokit = await credentials.auth(installation.id);
  const policy = await readDefaultBranch(octokit, repo);
  const branch = policy.ref;
  const gh = gitHubFor(octokit, repo);
  const setup = await loadSetup(gh, policy);
  const file = setup.config.checksWorkflow?.file ?? "shipgate.yml";
  const workflowPath = file.startsWith(".github/") ? file : `.github/workflows/${file}`;
  const teams = [...new Set(Object.values(setup.config.roles).flatMap((role) => role.teams))];
  return formatDoctor(
    diagnose({
      repo: full,
      branch,
      appId,
      requiredChecks: await readRequiredChecks(octokit, repo, branch),
      permissions: installation.permissions,
      events: installation.events,
      workflowPath,
      workflow: await gh.readFile(workflowPath, policy.sha),
      setupProblems: setup.problems,
      teams: await Promise.all(
        teams.map(async (team) => ({ team, readable: await canReadTeam(octokit, team) }))
      )
    })
  );
}

export {
  COMMENT_MARKER,
  NOTES_START,
  NOTES_END,
  renderComment,
  renderItemLine,
  escapeItemText,
  encodeStateBlock,
  decodeStateBlock,
  isReleasePull,
  readAuditJson,
  releaseBodyWithAudit,
  itemLabel,
  NOT_REVIEWED,
  rollbackPlan,
  rollbackStatus,
  releaseGates,
  phaseGate,
  verifyAuditRecord,
  judgeWindow,
  windowEvents,
  cutoverView,
  planDecide,
  listedDecider,
  firstInconclusive,
  outcomeOfAction,
  buildCheckReport,
  roleForAction,
  POST_REVIEW_CHECK,
  CHECK_NAME,
  POST_DEPLOY_CHECK,
  projectRelease,
  projectMergeGroup,
  statusReply,
  SHIPGATE_REUSABLE_WORKFLOW,
  jobWorkflowOf,
  judgeJobWorkflow,
  referencesShipgate,
  doctorReport
};
