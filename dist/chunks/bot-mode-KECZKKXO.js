import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ActionsClaims,
  EVIDENCE_CHECK_NAME,
  GITHUB_OIDC_ISSUER,
  evidenceAudience,
  parseEvidenceText,
  publishEvidence,
  readRunEvent,
  runCheckStep,
  splitProvenance,
  workflowPathOf,
  workflowRunUrl
} from "./chunk-ZJSSWX6S.js";
import {
  NO_PROMETHEUS,
  canaryLimits,
  fillQuery,
  prometheusAuthorization,
  queryPrometheus,
  resolveBaselineQuery,
  resolveQuery
} from "./chunk-LSKKNW5M.js";
import "./chunk-73AOYIX6.js";
import "./chunk-AS5HP2Q6.js";
import {
  debug,
  error,
  info,
  notice,
  warning
} from "./chunk-VVZMNBQQ.js";
import {
  CHECK_NAME,
  COMMENT_MARKER,
  NOTES_END,
  NOTES_START,
  POST_DEPLOY_CHECK,
  buildCheckReport,
  cutoverView,
  decodeStateBlock,
  doctorReport,
  encodeStateBlock,
  escapeItemText,
  firstInconclusive,
  isReleasePull,
  jobWorkflowOf,
  judgeJobWorkflow,
  judgeWindow,
  listedDecider,
  outcomeOfAction,
  planDecide,
  projectMergeGroup,
  projectRelease,
  referencesShipgate,
  releaseBodyWithAudit,
  releaseGates,
  renderItemLine,
  roleForAction,
  rollbackPlan,
  rollbackStatus,
  statusReply,
  windowEvents
} from "./chunk-V35SQEBO.js";
import {
  bindingMismatch,
  compileGlobs,
  durationMs,
  expectedBinding,
  freezeUntil,
  loadSetup,
  localText,
  notApplicableByConfig,
  planNotApplicable,
  pullVersionNames
} from "./chunk-G2UJPFGX.js";
import "./chunk-LRJ5ROLD.js";
import "./chunk-YGQVJZBR.js";
import "./chunk-2SPMMKTR.js";
import "./chunk-NWSFDJMM.js";
import "./chunk-F5P2DGUE.js";
import "./chunk-QHGLCWVD.js";
import {
  hasRelativeLimits,
  prometheusContract
} from "./chunk-BZNXD6PI.js";
import {
  CUTOVER_CHECK,
  activeWindows,
  cutoverWindows,
  formatLeft,
  planCutover,
  windowStatus
} from "./chunk-K4MK56YR.js";
import "./chunk-V3GP2ZA7.js";
import "./chunk-DQXQWWG7.js";
import "./chunk-P2LXJYN6.js";
import "./chunk-5VQNRHGJ.js";
import "./chunk-Z2ON3UAO.js";
import "./chunk-V3EPISDD.js";
import "./chunk-SIVUHDNW.js";
import "./chunk-ZW2XUJ7A.js";
import {
  readReleaseVersion
} from "./chunk-CQMSXS5G.js";
import {
  InputError
} from "./chunk-QTPHBQOI.js";
import "./chunk-RLH4YB7Z.js";
import "./chunk-KJRWDYC4.js";
import "./chunk-CR37EPAF.js";
import "./chunk-MROOBFZA.js";
import "./chunk-KKDQQ3WV.js";
import {
  BREAK_GLASS_STATE,
  appendEvents,
  authorizeChange,
  canonical,
  emptyLedger,
  escapeInline,
  factsNeeded,
  foldLedger,
  gitHubFor,
  hasDelivery,
  hasPermission,
  itemStatus,
  mention,
  prLedgerKey,
  roleTitle,
  statusOf,
  toPull,
  tokenOctokit,
  verifyLedger
} from "./chunk-OAKTBEPE.js";
import "./chunk-ZXEKOUN3.js";
import "./chunk-UBXZVA46.js";
import {
  require_picomatch
} from "./chunk-MRPETQ5A.js";
import "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";
import {
  __export,
  __toESM
} from "./chunk-CO3T5JD3.js";

// src/core/decide/commands.ts
var LINE = /^\/shipgate\b[ \t]*(.*)$/m;
function parseCommand(body) {
  const match = LINE.exec(body.replace(/\r\n?/g, "\n"));
  if (!match) return void 0;
  const [word = "", ...rest] = (match[1] ?? "").trim().split(/\s+/);
  switch (word.toLowerCase()) {
    case "refresh":
      return { name: "refresh" };
    case "status":
    case "":
      return { name: "status" };
    case "waive": {
      const [item = "", ...reason] = rest;
      return { name: "waive", item, reason: reason.join(" ").trim() };
    }
    case "na":
    case "n/a": {
      const [item = "", ...reason] = rest;
      return { name: "na", item, reason: reason.join(" ").trim() };
    }
    case "rollback":
      return { name: "rollback", reason: rest.join(" ").trim() };
    case "cutover":
      return {
        name: "cutover",
        percent: /^\d{1,3}(?:\.\d+)?%?$/.test(rest[0] ?? "") ? Number.parseFloat(rest[0] ?? "") : Number.NaN
      };
    case "doctor":
      return { name: "doctor" };
    case "decide": {
      const [item = "", outcome = "", ...reason] = rest;
      return { name: "decide", item, outcome: outcome.toLowerCase(), reason: reason.join(" ").trim() };
    }
    case "sign-off":
    case "signoff":
      return { name: "sign-off", role: rest[0] ?? "" };
    case "freeze": {
      const [until = "", ...reason] = rest;
      return { name: "freeze", until, reason: reason.join(" ").trim() };
    }
    case "unfreeze":
      return { name: "unfreeze" };
    case "exception":
      return { name: "exception", reason: rest.join(" ").trim() };
    case "break-glass":
    case "breakglass":
      return { name: "break-glass", reason: rest.join(" ").trim() };
    case "note": {
      const [item = "", ...text] = rest;
      return { name: "note", item, text: text.join(" ").trim() };
    }
    default:
      return { name: "unknown", text: word.slice(0, 40) };
  }
}
function decideWaive(command, items) {
  const item = items.find((candidate) => candidate.id === command.item);
  if (!item) return { ok: false, message: `no checklist item with id \`${command.item.slice(0, 80)}\`` };
  if (item.kind === "signoff") return { ok: false, message: "sign-offs cannot be waived" };
  if (command.reason.length < 3)
    return { ok: false, message: "a waiver needs a reason: `/shipgate waive <item-id> <reason>`" };
  return { ok: true, item: item.id, reason: command.reason.slice(0, 300) };
}

// src/core/comment/parse.ts
var ITEM_LINE = /^\s*(?:[-*+]|\d+\.)\s+\[([ xX])\]\s+([\s\S]*)$/;
var ID_MARKER = /<!--\s*sg:([a-z0-9][a-z0-9._-]*)\s*-->/;
function renderedForHead(body) {
  return /<!-- shipgate:head ([0-9a-f]{7,64}) -->/i.exec(body)?.[1];
}
function itemIdOfLine(line) {
  return ID_MARKER.exec(line)?.[1];
}
function parseChecklistComment(body, checklist) {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const known = new Set(checklist.items.map((item) => item.id));
  const byText = /* @__PURE__ */ new Map();
  for (const item of checklist.items) {
    const key = textKey(escapeItemText(item.text));
    byText.set(key, [...byText.get(key) ?? [], item.id]);
  }
  const items = /* @__PURE__ */ new Map();
  const unmatched = [];
  for (const line of lines) {
    const match = ITEM_LINE.exec(line);
    if (!match) continue;
    const checked = match[1] !== " ";
    const rest = normalise(match[2] ?? "");
    const marker = ID_MARKER.exec(rest)?.[1];
    if (marker && known.has(marker)) {
      if (!items.has(marker)) items.set(marker, { id: marker, checked, rest });
    } else unmatched.push({ checked, rest, text: stripHtmlComments(rest) });
  }
  for (const line of unmatched) {
    const candidates = byText.get(textKey(line.text)) ?? byText.get(textKey(line.text.split(" \u2014 ")[0] ?? "")) ?? [];
    const id = candidates.find((candidate) => !items.has(candidate));
    if (id) items.set(id, { id, checked: line.checked, rest: line.rest });
  }
  return { items, notes: extractNotes(lines), block: decodeStateBlock(body) };
}
function diffChecklistBodies(before, after, checklist) {
  const from = (typeof before === "string" ? parseChecklistComment(before, checklist) : before).items;
  const to = (typeof after === "string" ? parseChecklistComment(after, checklist) : after).items;
  const changes = [];
  for (const item of checklist.items) {
    const a = from.get(item.id);
    const b = to.get(item.id);
    if (!a || !b || a.checked === b.checked) continue;
    changes.push({
      id: item.id,
      before: a.checked,
      after: b.checked,
      deliberate: a.rest === b.rest,
      fromRest: a.rest
    });
  }
  return changes;
}
function restOfRenderedLine(renderedLine) {
  return normalise(ITEM_LINE.exec(renderedLine)?.[2] ?? "");
}
function extractNotes(lines) {
  const start = lines.indexOf(NOTES_START);
  const end = lines.indexOf(NOTES_END);
  if (start < 0 || end <= start) return void 0;
  return lines.slice(start + 1, end).join("\n").replace(/<!--\s*\/?shipgate:/g, "&lt;!-- shipgate:").replace(/<!--(?=\s*sg:)/g, "&lt;!--").trim();
}
function stripHtmlComments(text) {
  let out = "";
  let index = 0;
  for (; ; ) {
    const open = text.indexOf("<!--", index);
    if (open < 0) return out + text.slice(index);
    const close = text.indexOf("-->", open + 4);
    if (close < 0) return out + text.slice(index);
    out += text.slice(index, open);
    index = close + 3;
  }
}
function normalise(text) {
  return text.replace(/\s+/g, " ").trim();
}
function textKey(text) {
  return normalise(text).toLowerCase();
}

// src/core/decide/plan-ticks.ts
function planTicks(input) {
  const byId = new Map(input.checklist.items.map((item) => [item.id, item]));
  const plan = { changes: [], ignored: [] };
  for (const change of diffChecklistBodies(input.before, input.after, input.checklist)) {
    const item = byId.get(change.id);
    if (!item) continue;
    const state = input.states[item.id];
    const done = itemStatus(item, state, input.headSha) === "done";
    const why = input.notApplicable?.get(item.id);
    const rendered = restOfRenderedLine(renderItemLine(item, state, input.headSha, "- ", why));
    const stale = !change.deliberate || !change.after && change.fromRest !== rendered;
    if (stale || done === change.after) plan.ignored.push(item.id);
    else plan.changes.push({ item, checked: change.after });
  }
  return plan;
}
function tickEvents(decisions, actor, at, sha, delivery) {
  const d = delivery ? { d: delivery.slice(0, 100) } : {};
  return decisions.map(
    ({ change, ok, reason }) => ok ? { t: change.checked ? "tick" : "untick", item: change.item.id, by: actor, at, sha, ...d } : { t: "reject", item: change.item.id, by: actor, at, sha, reason: reason ?? "not allowed", ...d }
  );
}
function rejectionMessages(decisions) {
  return decisions.filter((d) => !d.ok && d.message).map((d) => d.message ?? "");
}
function formatRejectionReply(messages) {
  return [
    "shipgate reverted changes to the release checklist:",
    ...messages.slice(0, 10).map((message2) => `- ${message2}`),
    ...messages.length > 10 ? [`- \u2026and ${messages.length - 10} more`] : []
  ].join("\n");
}

// src/bot/pr/authorize-actor.ts
async function lookUpChangeFacts(scope, session, actor, changes) {
  const facts = /* @__PURE__ */ new Map();
  for (const change of changes) facts.set(change, await lookUpFacts(scope, session, actor, change));
  return facts;
}
function authorizeChanges(session, actor, changes, facts) {
  return changes.map((change) => {
    const verdict = authorizeChange({
      item: change.item,
      checked: change.checked,
      actor,
      prAuthor: session.pull.author,
      config: session.setup.config,
      facts: facts.get(change) ?? {}
    });
    return verdict.ok ? { change, ok: true } : { change, ok: false, reason: verdict.reason, message: verdict.message };
  });
}
async function lookUpFacts(scope, session, actor, change) {
  const needed = factsNeeded(change.item, session.setup.config, actor);
  const facts = {};
  if (needed.permission) facts.permission = await permissionOf(scope, actor);
  if (needed.role) facts.roleMember = await inRoleTeams(scope, session, needed.role, actor);
  return facts;
}
async function permissionOf(scope, actor) {
  const { owner, repo } = scope.gh.repo;
  const cached = await scope.bot.memory.access.permissions.getOrLoad(
    `${owner}/${repo}:${actor.toLowerCase()}`,
    () => scope.gh.permission(actor)
  );
  return cached;
}
async function inRoleTeams(scope, session, role, actor) {
  for (const team of session.setup.config.roles[role]?.teams ?? []) {
    const [org = "", slug = ""] = team.split("/");
    const member = await scope.bot.memory.access.teams.getOrLoad(
      `${team.toLowerCase()}:${actor.toLowerCase()}`,
      () => scope.gh.isTeamMember(org, slug, actor)
    );
    if (member) return true;
  }
  return false;
}

// src/bot/cutover/cutover-readings.ts
var READINGS_TTL_S = 24 * 3600;
var Readings = external_exports.record(external_exports.string(), external_exports.string());
var readingsKey = (prKey2) => `cutover-readings:${prKey2}`;
async function loadReadings(bot, prKey2) {
  const stored = await bot.memory.coordinator.recall(readingsKey(prKey2));
  if (stored === void 0) return void 0;
  try {
    const readings = Readings.parse(JSON.parse(stored));
    return Object.keys(readings).length > 0 ? readings : void 0;
  } catch {
    return void 0;
  }
}
async function saveReadings(bot, prKey2, readings) {
  await bot.memory.coordinator.remember(readingsKey(prKey2), JSON.stringify(readings), READINGS_TTL_S);
}
async function forgetReadings(bot, prKey2) {
  await bot.memory.coordinator.remember(readingsKey(prKey2), "{}", 1);
}

// src/scale/coordinator.ts
var LeaseLost = class extends Error {
  constructor(key, fencingToken, reason) {
    super(`lease on '${key}' (fencing token ${fencingToken}) lost: ${reason}`);
    this.key = key;
    this.fencingToken = fencingToken;
  }
  key;
  fencingToken;
  name = "LeaseLost";
};
var CoordinatorClosed = class extends Error {
  name = "CoordinatorClosed";
  constructor() {
    super("coordinator is closed");
  }
};

// src/scale/local-coordinator.ts
var KeyedFifo = class {
  tails = /* @__PURE__ */ new Map();
  run(key, task) {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => void 0);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
  get busyKeys() {
    return this.tails.size;
  }
};
var RecentIds = class {
  constructor(max) {
    this.max = max;
  }
  max;
  seen = /* @__PURE__ */ new Set();
  claim(id) {
    if (this.seen.has(id)) return false;
    if (this.seen.size >= this.max) {
      const oldest = this.seen.values().next().value;
      if (oldest !== void 0) this.seen.delete(oldest);
    }
    this.seen.add(id);
    return true;
  }
  release(id) {
    this.seen.delete(id);
  }
};
function createLocalCoordinator(options = {}) {
  const fifo = new KeyedFifo();
  const deliveries = new RecentIds(options.maxDeliveries ?? 1e4);
  const shared = /* @__PURE__ */ new Map();
  const maxShared = options.maxDeliveries ?? 1e4;
  let lastToken = 0;
  let closed = false;
  return {
    runExclusive(key, task) {
      if (closed) return Promise.reject(new CoordinatorClosed());
      return fifo.run(key, async () => {
        const fencingToken = ++lastToken;
        let held = true;
        const lease = {
          fencingToken,
          async assertValid() {
            if (!held) throw new LeaseLost(key, fencingToken, "the task that held it has finished");
          }
        };
        try {
          return await task(lease);
        } finally {
          held = false;
        }
      });
    },
    async claimDelivery(id) {
      if (closed) throw new CoordinatorClosed();
      return deliveries.claim(id);
    },
    async releaseDelivery(id) {
      deliveries.release(id);
    },
    async recall(key) {
      const entry = shared.get(key);
      if (!entry || entry.expires < Date.now()) return void 0;
      return entry.value;
    },
    async remember(key, value, ttlSec) {
      shared.delete(key);
      shared.set(key, { value, expires: Date.now() + ttlSec * 1e3 });
      if (shared.size > maxShared) {
        const oldest = shared.keys().next().value;
        if (oldest !== void 0) shared.delete(oldest);
      }
    },
    async close() {
      closed = true;
    }
  };
}

// src/bot/runtime/awaiting-results.ts
var MAX_ENTRIES = 2e3;
var AwaitingResults = class _AwaitingResults {
  waiting = /* @__PURE__ */ new Map();
  dispatched = /* @__PURE__ */ new Set();
  static key(owner, repo, sha) {
    return `${owner}/${repo}@${sha}`.toLowerCase();
  }
  /** Starts the clock for a head commit unless it is already running (or done). */
  watch(entry) {
    const key = _AwaitingResults.key(entry.owner, entry.repo, entry.sha);
    if (this.waiting.has(key) || this.dispatched.has(key)) return;
    if (this.waiting.size >= MAX_ENTRIES) {
      const oldest = this.waiting.keys().next().value;
      if (oldest !== void 0) this.waiting.delete(oldest);
    }
    this.waiting.set(key, entry);
  }
  stop(owner, repo, sha) {
    this.waiting.delete(_AwaitingResults.key(owner, repo, sha));
  }
  /** Records the one dispatch for a commit (and stops waiting for it). */
  markDispatched(owner, repo, sha) {
    const key = _AwaitingResults.key(owner, repo, sha);
    this.waiting.delete(key);
    if (this.dispatched.size >= MAX_ENTRIES) {
      const oldest = this.dispatched.values().next().value;
      if (oldest !== void 0) this.dispatched.delete(oldest);
    }
    this.dispatched.add(key);
  }
  wasDispatched(owner, repo, sha) {
    return this.dispatched.has(_AwaitingResults.key(owner, repo, sha));
  }
  /** Entries overdue at `nowMs`, optionally only those of one repository. */
  overdue(nowMs, repo) {
    const prefix = repo ? `${repo.owner}/${repo.repo}@`.toLowerCase() : "";
    return [...this.waiting.entries()].filter(([key, entry]) => key.startsWith(prefix) && entry.dueAt <= nowMs).map(([, entry]) => entry);
  }
  get size() {
    return this.waiting.size;
  }
};

// src/bot/runtime/coordinated-queue.ts
import { AsyncLocalStorage } from "node:async_hooks";
var leases = new AsyncLocalStorage();
var CoordinatedQueue = class {
  constructor(coordinator) {
    this.coordinator = coordinator;
  }
  coordinator;
  inflight = /* @__PURE__ */ new Set();
  run(key, task) {
    const attempt = () => this.coordinator.runExclusive(key, (lease) => leases.run(lease, task));
    const running = attempt().catch((error2) => {
      if (error2 instanceof LeaseLost) return attempt();
      throw error2;
    });
    this.inflight.add(running);
    void running.catch(() => void 0).finally(() => this.inflight.delete(running));
    return running;
  }
  /** PR tasks queued or running. */
  get size() {
    return this.inflight.size;
  }
  async idle() {
    for (let i = 0; i < 100 && this.inflight.size > 0; i++) await Promise.allSettled([...this.inflight]);
  }
};
function withoutLease(fn) {
  return leases.exit(fn);
}
var WRITE_METHOD = /^(create|update|delete|add|remove|dispatch|review|approve|reject|upload|post|patch|set)/;
function fencedGitHub(gh) {
  return new Proxy(gh, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== "string" || typeof value !== "function" || !WRITE_METHOD.test(property))
        return value;
      return async (...args) => {
        await leases.getStore()?.assertValid();
        return value.apply(target, args);
      };
    }
  });
}

// src/bot/runtime/reply-burst.ts
var ReplyBurst = class {
  constructor(windowMs, onError = () => {
  }) {
    this.windowMs = windowMs;
    this.onError = onError;
  }
  windowMs;
  onError;
  pending = /* @__PURE__ */ new Map();
  add(key, lines, post) {
    if (lines.length === 0) return;
    const open = this.pending.get(key);
    if (open) {
      for (const line of lines) if (!open.lines.includes(line)) open.lines.push(line);
      return;
    }
    const entry = { lines: [...new Set(lines)], flushed: Promise.resolve() };
    entry.flushed = new Promise((resolve) => {
      withoutLease(
        () => setTimeout(() => {
          this.pending.delete(key);
          post(formatRejectionReply(entry.lines)).catch((error2) => this.onError(error2)).finally(resolve);
        }, this.windowMs)
      );
    });
    this.pending.set(key, entry);
  }
  /** Replies waiting for their burst to end or being posted. */
  get size() {
    return this.pending.size;
  }
  /** Resolves when every pending reply has been posted. */
  async idle() {
    while (this.pending.size > 0) await Promise.all([...this.pending.values()].map((entry) => entry.flushed));
  }
};

// src/bot/runtime/ttl-cache.ts
var TtlCache = class {
  constructor(ttlMs, max = 5e3, clock = Date.now) {
    this.ttlMs = ttlMs;
    this.max = max;
    this.clock = clock;
  }
  ttlMs;
  max;
  clock;
  entries = /* @__PURE__ */ new Map();
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return void 0;
    if (entry.expires <= this.clock()) {
      this.entries.delete(key);
      return void 0;
    }
    return entry.value;
  }
  set(key, value) {
    this.entries.delete(key);
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== void 0) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expires: this.clock() + this.ttlMs });
  }
  delete(key) {
    this.entries.delete(key);
  }
  async getOrLoad(key, load3) {
    const hit = this.get(key);
    if (hit !== void 0) return hit;
    const value = await load3();
    this.set(key, value);
    return value;
  }
};

// src/bot/runtime/bot.ts
var PrMemory = class {
  pulls;
  /**
   * PR key → its checklist comment as last seen (an edit's payload) or written. Trusted for the
   * cache TTL, so events other than edits need not list the PR's comments; a comment gone since
   * is found again by the writer (404 → look up the live one).
   */
  comments;
  /** PR key → last ledger written (the longest verified copy wins anyway). */
  ledgers = new TtlCache(24 * 36e5);
  /** `repo@sha` → id of our `shipgate` check run on that commit, and what it last showed. */
  checkRuns = new TtlCache(24 * 36e5);
  /** PR key → id of the check run holding the latest ledger mirror. */
  mirrors = new TtlCache(24 * 36e5);
  /** `PR key@sha` → notes for the check summary (e.g. why results were ignored). */
  notes = new TtlCache(24 * 36e5);
  /** `PR key@base sha...head sha` → paths the PR changes (for `when-paths` items; see pull-conditions.ts). */
  pullFiles = new TtlCache(24 * 36e5, 1e3);
  /** `repo@sha` of a merge-queue commit → the PR it was built from. */
  mergeGroups = new TtlCache(24 * 36e5);
  constructor(ttlMs) {
    this.pulls = new TtlCache(ttlMs);
    this.comments = new TtlCache(ttlMs);
  }
};
var RepositoryMemory = class {
  setups;
  /** `owner/repo` → its id and default branch. */
  repositories;
  /** `owner/repo@ref:path` → file text (workflow files). */
  files;
  /** `owner/repo@sha` → the version in package.json (a release PR named without one). */
  packageVersions;
  /** `owner/repo` → its last `/shipgate doctor` report: repeated commands within a minute read nothing again. */
  doctorReports = new TtlCache(6e4, 100);
  constructor(ttlMs) {
    this.setups = new TtlCache(ttlMs);
    this.repositories = new TtlCache(ttlMs);
    this.files = new TtlCache(ttlMs, 1e3);
    this.packageVersions = new TtlCache(ttlMs * 10);
  }
};
var AccessMemory = class {
  permissions;
  teams;
  constructor(ttlMs) {
    this.permissions = new TtlCache(ttlMs);
    this.teams = new TtlCache(ttlMs);
  }
};
var EvidenceMemory = class {
  /** Issuer → its key set (pr/id-token.ts: jose caches the keys, refetches on rotation, with a cooldown). */
  issuerKeySets = /* @__PURE__ */ new Map();
};
var WatchMemory = class {
  /** Head commits waiting for `shipgate/checks` results (see missing-results.ts). */
  awaitingResults = new AwaitingResults();
  /** PR key → its open cutover windows (see cutover/cutover-watch.ts; shared via the coordinator too). */
  cutoverWatch = /* @__PURE__ */ new Map();
};
var BotMemory = class {
  pr;
  repository;
  access;
  evidence = new EvidenceMemory();
  watch = new WatchMemory();
  queue;
  replies;
  ttlMs;
  coordinator;
  /** See BotOptions.writeWindowMs. */
  writeWindowMs;
  /** See BotOptions.writeClock. */
  writeClock;
  constructor(options) {
    const { ttlMs, coordinator = createLocalCoordinator(), replyBurstMs = 1500 } = options;
    this.ttlMs = ttlMs;
    this.coordinator = coordinator;
    this.writeWindowMs = options.writeWindowMs ?? 1e3;
    this.writeClock = options.writeClock;
    this.queue = new CoordinatedQueue(coordinator);
    this.replies = new ReplyBurst(replyBurstMs);
    this.pr = new PrMemory(ttlMs);
    this.repository = new RepositoryMemory(ttlMs);
    this.access = new AccessMemory(ttlMs);
  }
};
function prKey(gh, number) {
  return `${gh.repo.owner}/${gh.repo.repo}#${number}`;
}

// src/bot/cutover/cutover-watch.ts
var SHARED_INDEX = "cutover:watched";
var INDEX_TTL_SEC = 7 * 86400;
var MAX_WATCHED = 500;
async function noteCutover(scope, number, checklist, states, config) {
  const { bot } = scope;
  const active = activeWindows(checklist, states, bot.now().getTime(), config);
  const key = prKey(scope.gh, number);
  const closesAt = Math.min(...active.map(({ status }) => status.closesAt));
  const watched = bot.memory.watch.cutoverWatch;
  const known = watched.get(key);
  if (active.length === 0) {
    if (!known) return;
    watched.delete(key);
    await forgetReadings(bot, key);
  } else {
    if (known?.closesAt === closesAt) return;
    watched.set(key, { ...scope.gh.repo, number, closesAt });
  }
  await updateSharedIndex(bot, (index) => {
    const rest = index.filter((entry) => prKeyOf(entry) !== key);
    return active.length === 0 ? rest : [...rest, { ...scope.gh.repo, number, closesAt }];
  });
}
var prKeyOf = (entry) => `${entry.owner}/${entry.repo}#${entry.number}`;
var WatchedEntry = external_exports.object({
  owner: external_exports.string(),
  repo: external_exports.string(),
  number: external_exports.number(),
  closesAt: external_exports.number()
});
async function readSharedIndex(bot) {
  const raw = await bot.memory.coordinator.recall(SHARED_INDEX);
  try {
    const parsed = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry) => {
      const one = WatchedEntry.safeParse(entry);
      return one.success ? [one.data] : [];
    });
  } catch {
    return [];
  }
}
async function updateSharedIndex(bot, change) {
  await bot.memory.coordinator.runExclusive(SHARED_INDEX, async () => {
    const next = change(await readSharedIndex(bot)).slice(-MAX_WATCHED);
    await bot.memory.coordinator.remember(SHARED_INDEX, JSON.stringify(next), INDEX_TTL_SEC);
  });
}

// src/bot/runtime/write-coalescer.ts
var wallClock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  }
};
var WriteCoalescer = class {
  constructor(windowMs, clock = wallClock) {
    this.windowMs = windowMs;
    this.clock = clock;
  }
  windowMs;
  clock;
  pending = /* @__PURE__ */ new Map();
  lastFlush = /* @__PURE__ */ new Map();
  running = /* @__PURE__ */ new Set();
  add(key, item, coalesce, flush) {
    const open = this.pending.get(key);
    if (open && coalesce) {
      open.items.push(item);
      open.flush = flush;
      return;
    }
    if (open) this.start(key, open);
    const last = this.lastFlush.get(key);
    const wait = coalesce && last !== void 0 ? Math.max(0, last + this.windowMs - this.clock.now()) : 0;
    const batch = { items: [item], flush, cancel: () => void 0 };
    this.pending.set(key, batch);
    batch.cancel = withoutLease(() => this.clock.after(wait, () => this.start(key, batch)));
  }
  start(key, batch) {
    if (this.pending.get(key) !== batch) return;
    batch.cancel();
    this.pending.delete(key);
    const now = this.clock.now();
    this.lastFlush.set(key, now);
    for (const [other, at] of this.lastFlush) if (at + this.windowMs < now) this.lastFlush.delete(other);
    const run = batch.flush(batch.items).finally(() => this.running.delete(run));
    this.running.add(run);
  }
  /** How many items wait in open batches (not yet being written). */
  waiting() {
    let count = 0;
    for (const batch of this.pending.values()) count += batch.items.length;
    return count;
  }
  /** Items waiting in open batches plus batches being written: 0 when nothing is left to write. */
  busy() {
    return this.waiting() + this.running.size;
  }
  /** Resolves when nothing is waiting or being written. */
  async idle() {
    while (this.pending.size > 0 || this.running.size > 0) {
      if (this.running.size > 0) await Promise.allSettled([...this.running]);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
};

// src/audit/audit-link.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var NAME = /^[A-Za-z0-9._-]{1,100}$/;
var VIEWER = /^[A-Za-z0-9-]{1,39}(\[bot\])?$/;
function auditPath(target) {
  if (!NAME.test(target.owner) || !NAME.test(target.repo) || target.owner.startsWith(".") || target.repo.startsWith("."))
    throw new Error(`not a GitHub repository name: ${target.owner}/${target.repo}`);
  if (!Number.isSafeInteger(target.pr) || target.pr < 1)
    throw new Error(`not a pull request number: ${target.pr}`);
  return `/audit/${target.owner}/${target.repo}/${target.pr}`;
}
function createAuditLink(baseUrl, request, secret) {
  const path = auditPath(request);
  if (request.viewer !== void 0 && !VIEWER.test(request.viewer))
    throw new Error(`not a GitHub login: ${request.viewer}`);
  const exp = Math.floor(request.expiresAt.getTime() / 1e3);
  if (!Number.isSafeInteger(exp) || exp <= 0) throw new Error("expiresAt is not a valid time");
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${path}`;
  url.search = "";
  url.hash = "";
  if (request.viewer) url.searchParams.set("viewer", request.viewer);
  url.searchParams.set("exp", String(exp));
  url.searchParams.set("sig", linkSignature(path, exp, request.viewer, secret));
  return url.toString();
}
function linkSignature(path, exp, viewer, secret) {
  return createHmac("sha256", secret).update(`shipgate-audit-link|${path}|${exp}|${viewer ?? ""}`).digest("base64url");
}

// src/bot/pr/audit-details-url.ts
var AUDIT_LINK_TTL_MS = 7 * 24 * 36e5;
function auditDetailsUrl(bot, repo, pr) {
  if (!bot.publicUrl) return void 0;
  try {
    return createAuditLink(
      bot.publicUrl,
      { ...repo, pr, expiresAt: new Date(bot.now().getTime() + AUDIT_LINK_TTL_MS) },
      bot.options.ledgerSecret
    );
  } catch {
    return void 0;
  }
}

// src/core/windows/freeze-record.ts
import { createHmac as createHmac2, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
var FREEZE_LABEL = "shipgate-freeze";
var FreezeRecordSchema = external_exports.object({
  active: external_exports.boolean(),
  until: external_exports.string().max(40),
  reason: external_exports.string().max(300),
  by: external_exports.string().max(100),
  at: external_exports.string().max(40),
  /** Who lifted it and when (`/shipgate unfreeze`). */
  liftedBy: external_exports.string().max(100).optional(),
  liftedAt: external_exports.string().max(40).optional()
}).strict();
var MARK = /<!-- shipgate:freeze (\{[^\n]*\}) sig=([\w-]+) -->/;
function freezeKey(secret, repositoryId) {
  return createHmac2("sha256", secret).update(`shipgate-freeze-v1:${repositoryId}`).digest("base64url");
}
function sign(record, key) {
  return createHmac2("sha256", key).update(canonical(record)).digest("base64url");
}
function freezeIssueBody(record, key, text) {
  return `${text}

<!-- shipgate:freeze ${JSON.stringify(record)} sig=${sign(record, key)} -->
`;
}
function readFreezeRecord(body, key) {
  const match = MARK.exec(body);
  if (!match) return void 0;
  try {
    const parsed = FreezeRecordSchema.safeParse(JSON.parse(match[1] ?? ""));
    if (!parsed.success) return void 0;
    const expected = Buffer.from(sign(parsed.data, key));
    const given = Buffer.from(match[2] ?? "");
    return expected.length === given.length && timingSafeEqual2(expected, given) ? parsed.data : void 0;
  } catch {
    return void 0;
  }
}
function freezeInForce(records, nowIso) {
  const newest = records[0];
  if (!newest?.active || Date.parse(newest.until) <= Date.parse(nowIso)) return void 0;
  return { until: newest.until, reason: newest.reason, by: newest.by, at: newest.at };
}

// src/bot/pr/repository.ts
function repositoryOf(scope) {
  const { owner, repo } = scope.gh.repo;
  return scope.bot.memory.repository.repositories.getOrLoad(`${owner}/${repo}`, () => scope.gh.repository());
}
function rememberRepository(scope, repository) {
  const { owner, repo } = scope.gh.repo;
  if (repository.id !== void 0 && repository.default_branch)
    scope.bot.memory.repository.repositories.set(`${owner}/${repo}`, {
      id: repository.id,
      defaultBranch: repository.default_branch
    });
}

// src/bot/pr/freeze-store.ts
var LOOKED_AT = 10;
var caches = /* @__PURE__ */ new WeakMap();
function cacheOf(bot) {
  let cache2 = caches.get(bot);
  if (!cache2) {
    cache2 = new TtlCache(bot.memory.ttlMs, 1e3);
    caches.set(bot, cache2);
  }
  return cache2;
}
var repoKey = (scope) => `${scope.gh.repo.owner}/${scope.gh.repo.repo}`;
async function keyOf(scope) {
  const { id } = await repositoryOf(scope);
  return freezeKey(scope.bot.options.ledgerSecret, id);
}
async function load(scope) {
  return cacheOf(scope.bot).getOrLoad(repoKey(scope), async () => {
    const key = await keyOf(scope);
    const bot = scope.bot.botLogin();
    const known = { records: [] };
    for (const issue of await scope.gh.listLabelledIssues(FREEZE_LABEL, LOOKED_AT)) {
      if (issue.author !== bot) continue;
      const record = readFreezeRecord(issue.body, key);
      if (!record) continue;
      known.records.push(record);
      known.issue ??= issue.number;
    }
    return known;
  });
}
async function currentFreeze(scope) {
  return freezeInForce((await load(scope)).records, scope.bot.now().toISOString());
}
async function setFreeze(scope, freeze, text) {
  const record = { active: true, ...freeze };
  const issue = await scope.gh.createIssue({
    title: `\u{1F9CA} shipgate: change freeze until ${freeze.until}`,
    body: freezeIssueBody(record, await keyOf(scope), text),
    labels: [FREEZE_LABEL]
  });
  const known = await load(scope);
  cacheOf(scope.bot).set(repoKey(scope), { records: [record, ...known.records], issue });
  return issue;
}
async function liftFreeze(scope, by, text) {
  const known = await load(scope);
  const freeze = freezeInForce(known.records, scope.bot.now().toISOString());
  const newest = known.records[0];
  if (!freeze || !newest || known.issue === void 0) return void 0;
  const lifted = {
    ...newest,
    active: false,
    liftedBy: by,
    liftedAt: scope.bot.now().toISOString()
  };
  await scope.gh.updateIssue(known.issue, {
    body: freezeIssueBody(lifted, await keyOf(scope), text),
    state: "closed"
  });
  cacheOf(scope.bot).set(repoKey(scope), { ...known, records: [lifted, ...known.records.slice(1)] });
  return { issue: known.issue, freeze };
}

// src/core/template/conditions.ts
function notApplicableItems(checklist, facts) {
  const labels = new Set(facts.labels.map((label) => label.toLowerCase()));
  const result = /* @__PURE__ */ new Map();
  for (const item of checklist.items) {
    if (!item.when || applies(item.when, facts.changedFiles, labels)) continue;
    result.set(item.id, whyNot(item.when));
  }
  return result;
}
function applies(when, changedFiles, labels) {
  if (when.labels?.some((label) => labels.has(label.toLowerCase()))) return true;
  if (when.paths) {
    if (changedFiles === void 0) return true;
    if (changedFiles.some(compileGlobs(when.paths))) return true;
  }
  return false;
}
function whyNot(when) {
  const parts = [];
  if (when.paths) parts.push(`no changes in ${list(when.paths, ", ")}`);
  if (when.labels) parts.push(`no label ${list(when.labels, " or ")}`);
  return parts.join(" and ");
}
function list(values, separator) {
  const shown = values.slice(0, 3).join(separator);
  return values.length > 3 ? `${shown}${separator}\u2026` : shown;
}

// src/bot/pr/pull-conditions.ts
async function pullNotApplicable(scope, pull, checklist, config) {
  if (!checklist.items.some((item) => item.when)) return notApplicableByConfig(checklist, config);
  const needsFiles = checklist.items.some((item) => item.when?.paths);
  const changedFiles = needsFiles ? await pullFiles(scope, pull) : void 0;
  return new Map([
    ...notApplicableByConfig(checklist, config),
    ...notApplicableItems(checklist, { labels: pull.labels, ...changedFiles ? { changedFiles } : {} })
  ]);
}
async function pullFiles(scope, pull) {
  const key = `${prKey(scope.gh, pull.number)}@${pull.baseSha}...${pull.headSha}`;
  try {
    const listed = await scope.bot.memory.pr.pullFiles.getOrLoad(
      key,
      () => scope.gh.listPullFiles(pull.number)
    );
    if (listed.complete) return listed.paths;
    scope.log.warn(
      { pr: pull.number },
      "the PR has more files than GitHub lists (3,000); when-paths items stay required"
    );
    return void 0;
  } catch (error2) {
    scope.log.warn(
      { err: error2, pr: pull.number },
      "cannot list the PR files; when-paths items stay required"
    );
    return void 0;
  }
}

// src/bot/pr/facts.ts
function resultNotesKey(session, sha) {
  return `${session.key}@${sha}`;
}
async function releaseFacts(scope, session) {
  const { bot, gh } = scope;
  const { pull, setup } = session;
  const version = await releaseVersion(scope, session);
  const detailsUrl = auditDetailsUrl(bot, gh.repo, pull.number);
  const resultNotes = {};
  const cutoverReadings = await loadReadings(bot, session.key);
  const freeze = await currentFreeze(scope);
  for (const sha of [pull.headSha, pull.mergeCommitSha]) {
    const notes = sha ? bot.memory.pr.notes.get(resultNotesKey(session, sha)) : void 0;
    if (sha && notes) resultNotes[sha] = notes;
  }
  return {
    repo: `${gh.repo.owner}/${gh.repo.repo}`,
    checklist: setup.checklist,
    config: setup.config,
    problems: setup.problems,
    pull: {
      number: pull.number,
      title: pull.title,
      author: pull.author,
      headSha: pull.headSha,
      ...pull.mergeCommitSha ? { mergeCommitSha: pull.mergeCommitSha } : {},
      ...pull.createdAt ? { openedAt: pull.createdAt } : {}
    },
    notApplicable: await pullNotApplicable(scope, pull, setup.checklist, setup.config),
    ...session.notes ? { notes: session.notes } : {},
    ...version ? { version } : {},
    now: bot.now().toISOString(),
    resultNotes,
    ...detailsUrl ? { detailsUrl } : {},
    policy: setup.policy,
    ...cutoverReadings ? { cutoverReadings } : {},
    ...freeze ? { freeze } : {}
  };
}
async function releaseVersion(scope, session) {
  const { pull } = session;
  const { owner, repo } = scope.gh.repo;
  return pullReleaseVersion(
    pull,
    session.setup.config.release.bots,
    () => scope.bot.memory.repository.packageVersions.getOrLoad(`${owner}/${repo}@${pull.headSha}`, async () => {
      const text = await scope.gh.readFile("package.json", pull.headSha);
      try {
        const parsed = text ? JSON.parse(text) : void 0;
        const value = parsed && typeof parsed === "object" && "version" in parsed ? parsed.version : void 0;
        return typeof value === "string" ? value.slice(0, 64) : "";
      } catch {
        return "";
      }
    })
  );
}
async function pullReleaseVersion(pull, bots, packageVersion) {
  const names = pullVersionNames(pull, bots);
  const named = readReleaseVersion(names);
  if (named) return named.version;
  return readReleaseVersion({ ...names, file: { name: "package.json", version: await packageVersion() } })?.version;
}

// src/bot/pr/governance-watch.ts
var SHARED_INDEX2 = "governance:watched";
var INDEX_TTL_SEC2 = 30 * 86400;
var MAX_WATCHED2 = 500;
var Entry = external_exports.object({ owner: external_exports.string(), repo: external_exports.string(), number: external_exports.number(), dueAt: external_exports.number() });
function nextGovernanceMoment(gates, merged) {
  const moments = [];
  if (!merged && !gates.window.open && gates.window.opensAt) moments.push(Date.parse(gates.window.opensAt));
  const review = gates.postReview;
  if (review && !review.reviewed && !review.escalated) {
    const at = Date.parse(review.at);
    const due = Date.parse(review.due);
    moments.push(review.reminded ? due + 1 : at + (due - at) / 2);
  }
  const finite = moments.filter(Number.isFinite);
  return finite.length > 0 ? Math.min(...finite) : void 0;
}
var local = /* @__PURE__ */ new WeakMap();
async function noteGovernance(scope, number, gates, merged) {
  const dueAt = nextGovernanceMoment(gates, merged);
  const key = prKey(scope.gh, number);
  let known = local.get(scope.bot);
  if (!known) {
    known = /* @__PURE__ */ new Map();
    local.set(scope.bot, known);
  }
  if (known.get(key) === dueAt || dueAt === void 0 && !known.has(key)) return;
  if (dueAt === void 0) known.delete(key);
  else known.set(key, dueAt);
  await updateIndex(scope.bot, (index) => {
    const rest = index.filter((entry) => keyOf2(entry) !== key);
    return dueAt === void 0 ? rest : [...rest, { ...scope.gh.repo, number, dueAt }];
  });
}
var keyOf2 = (entry) => `${entry.owner}/${entry.repo}#${entry.number}`;
async function readIndex(bot) {
  const raw = await bot.memory.coordinator.recall(SHARED_INDEX2);
  try {
    const parsed = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry) => {
      const one = Entry.safeParse(entry);
      return one.success ? [one.data] : [];
    });
  } catch {
    return [];
  }
}
async function updateIndex(bot, change) {
  await bot.memory.coordinator.runExclusive(SHARED_INDEX2, async () => {
    const next = change(await readIndex(bot)).slice(-MAX_WATCHED2);
    await bot.memory.coordinator.remember(SHARED_INDEX2, JSON.stringify(next), INDEX_TTL_SEC2);
  });
}

// src/bot/pr/publish.ts
import { createHash } from "node:crypto";

// src/core/ledger/choose-ledger.ts
function ledgerLength(ledger) {
  return ledger.base.count + ledger.events.length;
}
function chooseLedger(candidates, secret) {
  let best;
  for (const candidate of candidates) {
    if (!candidate || !verifyLedger(candidate, secret)) continue;
    if (!best || ledgerLength(candidate) > ledgerLength(best)) best = candidate;
  }
  return best;
}

// src/bot/pr/session.ts
async function getPull(scope, number, refresh = false) {
  const key = prKey(scope.gh, number);
  const cached = refresh ? void 0 : scope.bot.memory.pr.pulls.get(key);
  if (cached) return cached;
  const pull = await scope.gh.getPull(number);
  scope.bot.memory.pr.pulls.set(key, pull);
  return pull;
}
async function getSetup(scope, pull) {
  const { owner, repo } = scope.gh.repo;
  const { defaultBranch } = await repositoryOf(scope);
  const known = pull?.baseRef === defaultBranch ? pull.baseSha : void 0;
  return scope.bot.memory.repository.setups.getOrLoad(
    `${owner}/${repo}@${defaultBranch}@${known ?? "latest"}`,
    async () => {
      const sha = known ?? await scope.gh.branchSha(defaultBranch);
      return loadSetup(scope.gh, { ref: defaultBranch, sha: sha ?? defaultBranch });
    }
  );
}
async function findChecklistComment(scope, number) {
  const login = scope.bot.botLogin();
  const comments = await scope.gh.listComments(number);
  return comments.find((c) => c.author === login && c.body.includes(COMMENT_MARKER));
}
async function openSession(scope, number, opts = {}) {
  const { bot } = scope;
  const key = prKey(scope.gh, number);
  if (opts.pull) bot.memory.pr.pulls.set(key, opts.pull);
  const pull = opts.pull ?? await getPull(scope, number, opts.refreshPull);
  const setup = await getSetup(scope, pull);
  const comment = opts.comment === void 0 ? (opts.refreshComment ? void 0 : bot.memory.pr.comments.get(key)) ?? await findChecklistComment(scope, number) : opts.comment ?? void 0;
  if (comment) bot.memory.pr.comments.set(key, comment);
  const ledgerKey = await ledgerKeyFor(scope, number);
  const ledger = await resolveLedger(scope, key, ledgerKey, pull, comment, opts.candidates ?? []);
  const parsed = comment ? parseChecklistComment(comment.body, setup.checklist) : void 0;
  const gone = opts.deleted !== void 0 && comment?.id === opts.deleted.id;
  const notes = parsed?.notes ?? (opts.deleted ? parseChecklistComment(opts.deleted.body, setup.checklist).notes : void 0);
  return {
    key,
    pull,
    setup,
    ...comment && !gone ? { comment } : {},
    ledger,
    ledgerKey,
    ...notes ? { notes } : {},
    ...parsed && !gone ? { parsed } : {}
  };
}
async function ledgerKeyFor(scope, number) {
  const { id } = await repositoryOf(scope);
  return prLedgerKey(scope.bot.options.ledgerSecret, { repositoryId: id, pr: number });
}
async function resolveLedger(scope, key, secret, pull, comment, extra) {
  const { memory } = scope.bot;
  const remembered = await lastWrittenLedger(scope, key);
  const commentLedger = fromBody(comment?.body);
  const candidates = [remembered, memory.pr.ledgers.get(key), commentLedger, ...extra.map(fromBody)];
  let chosen = chooseLedger(candidates, secret);
  const commentTrusted = commentLedger !== void 0 && chooseLedger([commentLedger], secret) !== void 0;
  if (!remembered) {
    const mirror = await readMirror(scope, key, pull);
    chosen = chooseLedger([chosen, fromBody(mirror)], secret);
    if (!commentTrusted && comment)
      scope.log.warn(
        { pr: key },
        "checklist state block failed verification; restored from the check run mirror"
      );
  }
  return chosen ?? emptyLedger(secret);
}
async function readMirror(scope, key, pull) {
  const known = scope.bot.memory.pr.mirrors.get(key);
  if (known !== void 0) {
    const run = await scope.gh.getCheckRun(known);
    if (run?.outputText) return run.outputText;
  }
  const runs = [
    ...pull.mergeCommitSha ? await scope.gh.listCheckRuns(pull.mergeCommitSha, "shipgate/post-deploy") : [],
    ...await scope.gh.listCheckRuns(pull.headSha, "shipgate")
  ];
  const ours = runs.filter((run) => run.appId === scope.bot.options.appId).sort((a, b) => b.id - a.id);
  return ours.find((run) => run.outputText)?.outputText ?? void 0;
}
function fromBody(body) {
  const decoded = body ? decodeStateBlock(body) : { found: false };
  return decoded.found && "ledger" in decoded ? decoded.ledger : void 0;
}
async function lastWrittenLedger(scope, key) {
  const { memory } = scope.bot;
  return fromBody(await memory.coordinator.recall(sharedLedgerKey(key))) ?? memory.pr.ledgers.get(key);
}
function sharedLedgerKey(prKey2) {
  return `ledger:${prKey2}`;
}

// src/bot/pr/publish.ts
var SHARED_LEDGER_TTL_S = 30 * 86400;
async function writeProjection(scope, session, projection) {
  const { bot } = scope;
  session.ledger = projection.ledger;
  bot.memory.pr.ledgers.set(session.key, projection.ledger);
  await bot.memory.coordinator.remember(
    sharedLedgerKey(session.key),
    encodeStateBlock(projection.ledger),
    SHARED_LEDGER_TTL_S
  );
  await writeComment(scope, session, projection.comment);
  for (const run of projection.checkRuns)
    await writeCheckRun(scope, run.mirrorsLedger ? session.key : void 0, run);
}
async function writeComment(scope, session, body) {
  const { gh, bot } = scope;
  const number = session.pull.number;
  if (session.comment?.body === body) return;
  let written;
  if (session.comment && await gh.updateComment(session.comment.id, body))
    written = { ...session.comment, body };
  if (!written && session.comment) {
    const live = await findChecklistComment(scope, number);
    if (live && live.id !== session.comment.id && await gh.updateComment(live.id, body))
      written = { ...live, body };
  }
  written ??= await gh.createComment(number, body);
  session.comment = written;
  bot.memory.pr.comments.set(session.key, written);
}
async function writeCheckRun(scope, mirrorKey, view) {
  const { bot, gh } = scope;
  const { mirrorsLedger: _mirror, ...run } = view;
  const { owner, repo } = gh.repo;
  const cacheKey = `${owner}/${repo}@${run.headSha}#${run.name}`;
  const fingerprint = createHash("sha256").update(JSON.stringify({ ...run, detailsUrl: void 0 })).digest("base64url");
  let known = bot.memory.pr.checkRuns.get(cacheKey);
  if (!known) {
    const ours = (await gh.listCheckRuns(run.headSha, run.name)).filter((r) => r.appId === bot.options.appId).sort((a, b) => b.id - a.id)[0];
    if (ours) known = { id: ours.id, fingerprint: "", completed: ours.status === "completed" };
  }
  if (known?.fingerprint === fingerprint) return;
  let id;
  if (known && !(known.completed && run.status !== "completed")) {
    id = known.id;
    await gh.updateCheckRun(id, run);
  } else id = await gh.createCheckRun(run);
  bot.memory.pr.checkRuns.set(cacheKey, { id, fingerprint, completed: run.status === "completed" });
  if (mirrorKey) bot.memory.pr.mirrors.set(mirrorKey, id);
}
async function reply(scope, number, body) {
  await scope.gh.createComment(number, body);
}
function replyInBurst(scope, session, lines) {
  scope.bot.memory.replies.add(
    session.key,
    lines,
    (body) => scope.gh.createComment(session.pull.number, body)
  );
}
function openIncident(scope, issue) {
  return scope.gh.createIssue(issue);
}
function reportDeploymentStatus(scope, runId, report) {
  return scope.gh.reportDeploymentStatus(runId, report);
}
async function draftRevertPull(scope, revert) {
  const merge = await scope.gh.gitCommit(revert.mergeSha);
  const before = merge.parents[0];
  if (!before) throw new Error(`merge commit ${revert.mergeSha} has no parent to revert to`);
  const tree = (await scope.gh.gitCommit(before)).tree;
  const commit = await scope.gh.createGitCommit({ message: revert.message, tree, parents: [merge.sha] });
  await scope.gh.createBranch(revert.branch, commit);
  return scope.gh.createPull({
    title: revert.title,
    head: revert.branch,
    base: revert.base,
    body: revert.body,
    draft: true
  });
}
async function noteOnIncident(scope, incident, body) {
  await scope.gh.createComment(incident, body);
}
function reviewDeployment(scope, runId, review) {
  return scope.gh.reviewDeployment(runId, review);
}
function dispatchWorkflow(scope, file, ref, inputs) {
  return scope.gh.dispatchWorkflow(file, ref, inputs);
}
async function attachAuditToRelease(scope, session, projection, version) {
  if (!version || !projection.audit) return;
  const { record, markdown } = projection.audit;
  try {
    for (const tag2 of [`v${version}`, version]) {
      const release = await scope.gh.releaseByTag(tag2);
      if (!release) continue;
      const body = releaseBodyWithAudit(release.body, record, markdown);
      if (body !== release.body) await scope.gh.updateReleaseBody(release.id, body);
      return;
    }
  } catch (error2) {
    if (statusOf(error2) !== 403) throw error2;
    scope.log.warn({ pr: session.key, version }, "cannot update the release (needs contents: write)");
  }
}

// src/bot/pr/step-effects.ts
async function performBeforeDeciding(scope, effect) {
  switch (effect.kind) {
    case "open-incident":
      return { incident: await openIncident(scope, effect.issue) };
    case "dispatch-checks": {
      let error2;
      try {
        await dispatchWorkflow(scope, effect.file, effect.ref, effect.inputs);
      } catch (caught) {
        if (caught instanceof LeaseLost) throw caught;
        error2 = `${statusOf(caught) ?? "error"} ${caught instanceof Error ? caught.message : String(caught)}`;
      }
      const { once } = effect;
      scope.bot.memory.watch.awaitingResults.markDispatched(once.owner, once.repo, once.sha);
      await scope.bot.memory.coordinator.remember(once.key, scope.bot.now().toISOString(), 7 * 86400);
      return { dispatched: error2 === void 0 ? {} : { error: error2 } };
    }
  }
}
async function performAfterEffects(scope, number, effects) {
  for (const effect of effects) {
    switch (effect.kind) {
      case "reply":
        await reply(scope, number, effect.body);
        break;
      case "draft-revert": {
        let announce = effect.announce;
        try {
          const drafted = await draftRevertPull(scope, effect.revert);
          announce += `

Revert drafted: #${drafted.number} (draft pull request with the rollback steps).`;
          await noteOnIncident(
            scope,
            effect.incident,
            `Revert drafted: #${drafted.number} reverts the release's merge commit \`${effect.revert.mergeSha.slice(0, 7)}\`, with the rollback steps as its checklist.`
          );
          scope.log.warn({ pr: number, revert: drafted.number }, "revert pull request drafted");
        } catch (error2) {
          scope.log.error({ pr: number, err: error2.message }, "revert pull request not drafted");
          announce += `

\u26A0\uFE0F The revert pull request could not be drafted: ${escapeInline(error2.message, 200)}`;
        }
        await reply(scope, number, announce);
        break;
      }
      case "dispatch-workflow":
        try {
          await dispatchWorkflow(scope, effect.file, effect.ref, effect.inputs);
          scope.log.warn({ workflow: effect.file, ...effect.inputs }, `${effect.why} dispatched`);
        } catch (error2) {
          scope.log.error(
            { workflow: effect.file, err: error2.message },
            `${effect.why} dispatch failed`
          );
        }
        break;
    }
  }
}

// src/bot/pr/run-step.ts
var coalescers = /* @__PURE__ */ new WeakMap();
function coalescerOf(bot) {
  let coalescer = coalescers.get(bot);
  if (!coalescer) {
    coalescer = new WriteCoalescer(bot.memory.writeWindowMs, bot.memory.writeClock);
    coalescers.set(bot, coalescer);
  }
  return coalescer;
}
function stepsIdle(bot) {
  return coalescers.get(bot)?.idle() ?? Promise.resolve();
}
function runPrStep(scope, number, step) {
  const key = prKey(scope.gh, number);
  return new Promise((resolve, reject) => {
    coalescerOf(scope.bot).add(
      key,
      { scope, step, resolve: (outcome) => resolve(outcome), reject },
      step.coalesce === true,
      (steps) => runSteps(key, number, steps)
    );
  });
}
async function runSteps(key, number, steps) {
  const scope = steps.at(-1).scope;
  const secret = scope.bot.options.ledgerSecret;
  try {
    await scope.bot.memory.queue.run(key, async () => {
      const session = await openSession(scope, number, mergeOpenOptions(steps.map((s) => s.step.open)));
      const decided = [];
      const decisions = [];
      let withAudit = false;
      for (const queued of steps) {
        try {
          const decision = await decideStep(queued, session);
          if (decision?.events?.length)
            session.ledger = appendEvents(session.ledger, decision.events, session.ledgerKey);
          if (decision?.saveReadings) await saveReadings(scope.bot, session.key, decision.saveReadings);
          if (decision?.resultNotes) {
            const notesKey = resultNotesKey(session, decision.resultNotes.sha);
            if (decision.resultNotes.notes.length > 0)
              scope.bot.memory.pr.notes.set(notesKey, decision.resultNotes.notes);
            else scope.bot.memory.pr.notes.delete(notesKey);
          }
          withAudit ||= decision?.withAudit === true;
          decided.push(queued);
          decisions.push(decision);
        } catch (error2) {
          queued.reject(error2);
        }
      }
      if (decided.length === 0) return;
      if (session.pull.mergeCommitSha && foldLedger(session.ledger)[BREAK_GLASS_STATE]?.checked)
        withAudit = true;
      const facts = await releaseFacts(scope, session);
      const projection = projectRelease({
        ...facts,
        ledger: session.ledger,
        secret,
        ledgerKey: session.ledgerKey,
        withAudit
      });
      await writeProjection(scope, session, projection);
      scope.bot.metrics?.stepsWritten(decided.length);
      await noteCutover(scope, number, facts.checklist, projection.states, facts.config);
      await noteGovernance(scope, number, projection.gates, Boolean(session.pull.mergeCommitSha));
      const explanations = /* @__PURE__ */ new Set();
      for (const decision of decisions)
        for (const line of decision?.explanations ?? []) explanations.add(line);
      replyInBurst(scope, session, [...explanations]);
      for (const [index, queued] of decided.entries()) {
        try {
          const decision = decisions[index];
          await performAfterEffects(queued.scope, number, decision?.effects ?? []);
          await queued.step.after?.({ session, projection, facts, outcome: decision?.outcome });
          queued.resolve(decision?.outcome);
        } catch (error2) {
          queued.reject(error2);
        }
      }
    });
  } catch (error2) {
    for (const queued of steps) queued.reject(error2);
  }
}
async function decideStep(queued, session) {
  const { step, scope } = queued;
  if (!step.decide) return void 0;
  const read = await step.read?.(session);
  const decision = step.decide(session, read, {});
  if (!decision?.performFirst) return decision;
  const performed = await performBeforeDeciding(scope, decision.performFirst);
  const final = step.decide(session, read, performed);
  if (final?.performFirst) throw new Error("a step asked for a second effect before deciding");
  return final;
}
function mergeOpenOptions(options) {
  const merged = {};
  const candidates = [];
  for (const open of options) {
    if (!open) continue;
    if (open.pull) merged.pull = open.pull;
    if (open.refreshPull) merged.refreshPull = true;
    if (open.refreshComment) merged.refreshComment = true;
    if (open.comment !== void 0) merged.comment = open.comment;
    if (open.deleted) merged.deleted = open.deleted;
    candidates.push(...open.candidates ?? []);
  }
  if (merged.refreshPull) delete merged.pull;
  return candidates.length > 0 ? { ...merged, candidates } : merged;
}

// src/bot/cutover/on-cutover.ts
var ACTIONS_LOGIN = "github-actions[bot]";
function isCutoverCommand(payload) {
  return Boolean(payload.issue.pull_request) && parseCommand(payload.comment.body ?? "")?.name === "cutover";
}
async function onCutoverCommand(scope, payload) {
  const actor = payload.sender.login;
  const fromWorkflow = actor === ACTIONS_LOGIN && payload.sender.type === "Bot";
  if (actor === scope.bot.botLogin() || payload.sender.type === "Bot" && !fromWorkflow) return;
  const command = parseCommand(payload.comment.body ?? "");
  if (command?.name !== "cutover") return;
  const number = payload.issue.number;
  const pull = await getPull(scope, number, true);
  if (!isReleasePull((await getSetup(scope, pull)).config, pull)) return;
  await runPrStep(scope, number, {
    open: { pull },
    async read(session) {
      const now = scope.bot.now();
      const plan = planCutover(
        session.setup.checklist,
        foldLedger(session.ledger),
        command.percent,
        now.getTime(),
        session.setup.config
      );
      if (!plan.ok) return { now, plan };
      const change = { item: plan.item, checked: true };
      if (fromWorkflow) return { now, plan, change };
      return { now, plan, change, facts: await lookUpChangeFacts(scope, session, actor, [change]) };
    },
    decide(session, { now, plan, change, facts }) {
      if (!plan.ok)
        return { effects: [{ kind: "reply", body: `@${actor} cannot cut over: ${plan.message}` }] };
      const sha = plan.item.phase === "post-deploy" && session.pull.mergeCommitSha ? session.pull.mergeCommitSha : session.pull.headSha;
      if (!change) return void 0;
      const decisions = facts ? authorizeChanges(session, actor, [change], facts) : [{ change, ok: true }];
      const events = tickEvents(decisions, actor, now.toISOString(), sha, scope.delivery);
      const answer = decisions.every((decision) => decision.ok) && plan.reopens ? `\u201C${plan.item.text}\u201D ticked by @${actor}: \u201C${plan.reopens.item.text}\u201D is open until ${new Date(now.getTime() + plan.reopens.durationMs).toISOString().slice(11, 19)}Z (${formatLeft(plan.reopens.durationMs)}).` : void 0;
      return {
        events,
        explanations: rejectionMessages(decisions),
        ...answer ? { effects: [{ kind: "reply", body: answer }] } : {}
      };
    }
  });
}

// src/core/evidence/missing-results.ts
function missingResultsAction(input) {
  if (input.resultsSeen || input.dispatched) return "stop";
  const elapsed = Date.parse(input.now) - Date.parse(input.since);
  if (!Number.isFinite(elapsed)) return "wait";
  return elapsed >= input.timeoutMinutes * 6e4 ? "dispatch" : "wait";
}
function overdueAt(since, timeoutMinutes) {
  return Date.parse(since) + timeoutMinutes * 6e4;
}
function workflowFileName(file) {
  return file.replace(/^\.github\/workflows\//, "");
}
function missingResultsNote(input) {
  const head = `no shipgate/checks results for ${input.sha.slice(0, 7)} after ${formatMinutes(input.timeoutMinutes)}`;
  const file = workflowFileName(input.file);
  if (input.error === void 0) return `${head} \u2014 dispatched ${file}`;
  return `${head} \u2014 could not dispatch ${file}: ${input.error.slice(0, 200)}`;
}
function formatMinutes(minutes) {
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}

// src/bot/pr/missing-results.ts
function watchForResults(scope, pull, config) {
  const workflow = config.checksWorkflow;
  if (!workflow?.file || !pull.open) return;
  const since = scope.bot.now().toISOString();
  scope.bot.memory.watch.awaitingResults.watch({
    ...scope.gh.repo,
    number: pull.number,
    sha: pull.headSha,
    since,
    dueAt: overdueAt(since, workflow.timeoutMinutes)
  });
}
async function checkOverdueResults(scope) {
  const overdue = scope.bot.memory.watch.awaitingResults.overdue(scope.bot.now().getTime(), scope.gh.repo);
  let dispatched = 0;
  for (const entry of overdue) if (await handleOverdue(scope, entry)) dispatched++;
  return dispatched;
}
async function handleOverdue(scope, entry) {
  const { bot } = scope;
  const awaiting = bot.memory.watch.awaitingResults;
  const key = prKey(scope.gh, entry.number);
  const sharedKey = `dispatched:${entry.owner}/${entry.repo}@${entry.sha}`;
  const pull = await getPull(scope, entry.number, true);
  const setup = await getSetup(scope, pull);
  const workflow = setup.config.checksWorkflow;
  if (!pull.open || pull.headSha !== entry.sha || !workflow?.file || !isReleasePull(setup.config, pull)) {
    awaiting.stop(entry.owner, entry.repo, entry.sha);
    return false;
  }
  const file = workflowFileName(workflow.file ?? "");
  const outcome = await runPrStep(
    scope,
    entry.number,
    {
      open: { pull },
      read: async (session) => ({
        resultsSeen: (await scope.gh.listCheckRuns(entry.sha, EVIDENCE_CHECK_NAME)).length > 0,
        dispatched: awaiting.wasDispatched(entry.owner, entry.repo, entry.sha) || await bot.memory.coordinator.recall(sharedKey) !== void 0,
        notes: bot.memory.pr.notes.get(resultNotesKey(session, entry.sha)) ?? []
      }),
      decide(session, read, performed) {
        const action = missingResultsAction({
          since: entry.since,
          now: bot.now().toISOString(),
          timeoutMinutes: workflow.timeoutMinutes,
          resultsSeen: read.resultsSeen,
          dispatched: read.dispatched
        });
        if (action !== "dispatch") return { outcome: { action } };
        if (!performed.dispatched)
          return {
            performFirst: {
              kind: "dispatch-checks",
              file,
              ref: workflow.ref ?? session.pull.headRef,
              inputs: { sha: entry.sha },
              once: { ...entry, key: sharedKey }
            }
          };
        const { error: error2 } = performed.dispatched;
        const note = missingResultsNote({
          sha: entry.sha,
          timeoutMinutes: workflow.timeoutMinutes,
          file,
          ...error2 ? { error: error2 } : {}
        });
        if (error2)
          scope.log.warn({ pr: key, sha: entry.sha, error: error2 }, "could not dispatch the checks workflow");
        else scope.log.info({ pr: key, sha: entry.sha, workflow: file }, "checks workflow dispatched");
        return {
          resultNotes: { sha: entry.sha, notes: [...read.notes, note] },
          outcome: { action, dispatched: error2 === void 0 }
        };
      }
    }
  );
  if (outcome?.action === "wait") entry.dueAt = overdueAt(entry.since, workflow.timeoutMinutes);
  if (outcome?.action === "stop") awaiting.stop(entry.owner, entry.repo, entry.sha);
  return outcome?.action === "dispatch" && outcome.dispatched === true;
}

// src/core/decide/sign-off-action.ts
function planSignOff(identifier, checklist, states) {
  const signoffs = checklist.items.filter((item2) => item2.kind === "signoff" && item2.role);
  const role = roleForAction(identifier, [...new Set(signoffs.map((item2) => item2.role ?? ""))]);
  const item = signoffs.find((candidate) => candidate.role === role && !states[candidate.id]?.checked);
  return item ? { item, checked: true } : void 0;
}

// src/core/evidence/judge-evidence.ts
var ACTIONS_APP_SLUG = "github-actions";
function describeRun(run) {
  return `run ${run.id} attempt ${run.attempt}, token issued ${new Date(run.iat * 1e3).toISOString().replace(".000Z", "Z")}`;
}
function compareRuns(a, b) {
  if (a.iat !== b.iat) return a.iat < b.iat ? -1 : 1;
  const byId = compareNumeric(a.id, b.id);
  if (byId !== 0) return byId;
  return a.attempt === b.attempt ? 0 : a.attempt < b.attempt ? -1 : 1;
}
function compareNumeric(a, b) {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}
function runOf(claims) {
  const attempt = Number.parseInt(claims.run_attempt ?? "1", 10);
  return { iat: claims.iat, id: claims.run_id, attempt: Number.isFinite(attempt) ? attempt : 1 };
}
function requiresVerified(item, config) {
  const required = config.evidence.requireVerified;
  return required.includes(item.id) || required.includes(item.check ?? "");
}
function judgeEvidence(source, policy, states, at, phase = "pre-merge") {
  const refuse = (reason) => ({ accepted: false, reason });
  if (source.appSlug !== ACTIONS_APP_SLUG)
    return refuse(`results not published by GitHub Actions (app ${source.appSlug ?? "unknown"})`);
  if (source.runSha !== source.expectedSha)
    return refuse(`results are for ${source.runSha.slice(0, 7)}, not ${source.expectedSha.slice(0, 7)}`);
  if (!source.token)
    return refuse(
      "results carry no GitHub OIDC token, so their workflow cannot be verified (the checks job needs `permissions: id-token: write`)"
    );
  if (!source.token.ok) return refuse(`results refused: ${source.token.reason}`);
  const claims = source.token.claims;
  if (claims.repository !== source.repo)
    return refuse(`results were produced in ${claims.repository}, not ${source.repo}`);
  const workflow = workflowPathOf(claims);
  if (!workflow)
    return refuse(`results were produced by a workflow of another repository (${claims.workflow_ref})`);
  if (source.requiredWorkflow && workflow !== source.requiredWorkflow)
    return refuse(
      `results were produced by ${workflow}, not the configured checks workflow ${source.requiredWorkflow}`
    );
  const forThisPull = source.pullNumber !== void 0 && claims.ref === `refs/pull/${source.pullNumber}/merge`;
  if (!forThisPull && claims.sha !== source.expectedSha)
    return refuse(
      `results come from a run of ${claims.ref} at ${claims.sha.slice(0, 7)}, not of this pull request or ${source.expectedSha.slice(0, 7)}`
    );
  const fileProblem = workflowFileProblem(workflow, source.workflowFile);
  if (fileProblem) return refuse(fileProblem);
  const identity = judgeJobWorkflow(claims, source.jobWorkflow, policy.config);
  if (!identity.ok) return refuse(identity.reason);
  if (!identity.attesting && source.usesShipgate === false)
    return refuse(
      `results ignored: ${workflow} on the default branch does not run shipgate (no \`uses:\` of the shipgate Action or its reusable workflow), so any job of it could have written them; name the checks workflow in the config (checksWorkflow)`
    );
  const parsed = parseEvidenceText(source.text);
  if (!parsed.ok) return { accepted: false, reason: parsed.error };
  const evidence = parsed.evidence;
  if (evidence.sha !== source.expectedSha)
    return {
      accepted: false,
      reason: `evidence names commit ${evidence.sha.slice(0, 7)}, not ${source.expectedSha.slice(0, 7)}`
    };
  const run = runOf(claims);
  const auto = new Map(
    policy.checklist.items.filter((item) => item.kind === "auto" && item.phase === phase && item.check !== CUTOVER_CHECK).map((item) => [item.id, item])
  );
  const events = [];
  const ignoredItems = [];
  const refused = [];
  for (const result of evidence.results) {
    const item = auto.get(result.item);
    if (!item) {
      ignoredItems.push(result.item);
      continue;
    }
    const problem = resultProblem(result, item, policy.config, states, run, source.expectedSha);
    if (problem) {
      refused.push({ item: result.item, reason: problem });
      continue;
    }
    const how = result.how === "verified" && identity.attesting ? "verified" : "reported";
    if (how === "reported" && requiresVerified(item, policy.config)) {
      refused.push({
        item: result.item,
        reason: `the config requires verified evidence for it, and this result was ${result.how === "verified" ? "not published by the attesting workflow" : "measured in a job that ran the PR's code"} (reported)`
      });
      continue;
    }
    const pipeline = how === "reported" ? (source.pipelineChanges ?? []).slice(0, 10) : [];
    events.push({
      t: "result",
      item: result.item,
      status: result.status,
      summary: result.summary,
      at,
      sha: source.expectedSha,
      how,
      run,
      ...pipeline.length > 0 ? { pipeline } : {}
    });
  }
  return { accepted: true, events, ignoredItems, refused, run };
}
function workflowFileProblem(workflow, file) {
  if (file === "same") return void 0;
  if (file === "changed")
    return `results ignored: the workflow that produced them (${workflow}) is modified by this pull request (it differs from the default branch's)`;
  if (file === "not-on-default-branch")
    return `results ignored: the workflow that produced them (${workflow}) is not on the default branch`;
  return `results ignored: the workflow that produced them (${workflow}) could not be read to compare it`;
}
function resultProblem(result, item, config, states, run, sha) {
  const mismatch = bindingMismatch(expectedBinding(item, config), result);
  if (mismatch) return `${mismatch}: re-run the checks with the default branch's policy`;
  const recorded = states[item.id];
  if (recorded?.run && recorded.sha === sha && compareRuns(run, recorded.run) < 0)
    return `results of an older run (${describeRun(run)}) than the verdict already recorded (${describeRun(recorded.run)}): the newest run wins`;
  return void 0;
}
function refusalNotes(refused) {
  return refused.map((entry) => `result for ${entry.item} refused: ${entry.reason}`);
}

// src/core/evidence/pipeline-files.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var PIPELINE_GLOBS = [
  "**/package.json",
  "**/package-lock.json",
  "**/npm-shrinkwrap.json",
  "**/yarn.lock",
  "**/pnpm-lock.yaml",
  "**/pnpm-workspace.yaml",
  "**/bun.lock",
  "**/bun.lockb",
  "**/.npmrc",
  "**/.yarnrc",
  "**/.yarnrc.yml",
  "**/.nvmrc",
  "**/.node-version",
  ".github/workflows/**",
  ".github/actions/**",
  "**/{vite,vitest,webpack,rollup,next,nuxt,svelte,astro,remix,tsup,esbuild,babel,postcss,tailwind,jest,playwright}.config.*",
  "**/.babelrc*",
  "**/tsconfig*.json",
  "**/.size-limit*",
  "**/lighthouserc*",
  "**/.lighthouserc*",
  "**/Makefile",
  "**/Dockerfile",
  "**/docker-compose*.y*ml",
  "**/Procfile",
  "**/{pyproject.toml,setup.py,setup.cfg,requirements*.txt,Pipfile,Pipfile.lock,poetry.lock,uv.lock}",
  "**/{go.mod,go.sum,Gemfile,Gemfile.lock,pom.xml,build.gradle,build.gradle.kts,settings.gradle,Cargo.toml,Cargo.lock}",
  "scripts/**"
];
var isPipelineFile = (0, import_picomatch.default)(PIPELINE_GLOBS, { dot: true });
function pipelineChanges(changedPaths) {
  return changedPaths.filter((path) => isPipelineFile(path)).sort();
}

// node_modules/jose/dist/webapi/lib/buffer_utils.js
var encoder = new TextEncoder();
var decoder = new TextDecoder();
var strictDecoder = new TextDecoder("utf-8", { fatal: true });
var UINT32_RANGE = 2 ** 32;
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
var NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function decodeBase64(encoded, url = false) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// node_modules/jose/dist/webapi/util/errors.js
var errors_exports = {};
__export(errors_exports, {
  JOSEAlgNotAllowed: () => JOSEAlgNotAllowed,
  JOSEError: () => JOSEError,
  JOSENotSupported: () => JOSENotSupported,
  JWEDecryptionFailed: () => JWEDecryptionFailed,
  JWEInvalid: () => JWEInvalid,
  JWKInvalid: () => JWKInvalid,
  JWKSInvalid: () => JWKSInvalid,
  JWKSMultipleMatchingKeys: () => JWKSMultipleMatchingKeys,
  JWKSNoMatchingKey: () => JWKSNoMatchingKey,
  JWKSTimeout: () => JWKSTimeout,
  JWSInvalid: () => JWSInvalid,
  JWSSignatureVerificationFailed: () => JWSSignatureVerificationFailed,
  JWTClaimValidationFailed: () => JWTClaimValidationFailed,
  JWTExpired: () => JWTExpired,
  JWTInvalid: () => JWTInvalid
});
var JOSEError = class extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message2, options) {
    super(message2, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
};
var JWTClaimValidationFailed = class extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message2, payload, claim = "unspecified", reason = "unspecified") {
    super(message2, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
};
var JWTExpired = class extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message2, payload, claim = "unspecified", reason = "unspecified") {
    super(message2, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
};
var JOSEAlgNotAllowed = class extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
};
var JOSENotSupported = class extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
};
var JWEDecryptionFailed = class extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message2 = "decryption operation failed", options) {
    super(message2, options);
  }
};
var JWEInvalid = class extends JOSEError {
  static code = "ERR_JWE_INVALID";
  code = "ERR_JWE_INVALID";
};
var JWSInvalid = class extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
};
var JWTInvalid = class extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
};
var JWKInvalid = class extends JOSEError {
  static code = "ERR_JWK_INVALID";
  code = "ERR_JWK_INVALID";
};
var JWKSInvalid = class extends JOSEError {
  static code = "ERR_JWKS_INVALID";
  code = "ERR_JWKS_INVALID";
};
var JWKSNoMatchingKey = class extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message2 = "no applicable key found in the JSON Web Key Set", options) {
    super(message2, options);
  }
};
var JWKSMultipleMatchingKeys = class extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message2 = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message2, options);
  }
};
var JWKSTimeout = class extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message2 = "request timed out", options) {
    super(message2, options);
  }
};
var JWSSignatureVerificationFailed = class extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message2 = "signature verification failed", options) {
    super(message2, options);
  }
};

// node_modules/jose/dist/webapi/util/base64url.js
var invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), true);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}

// node_modules/jose/dist/webapi/lib/validate.js
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return false;
        parameters.add(parameter);
      }
  return true;
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message2) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message2, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message2);
  return parsed;
}
var JWS_RECOGNIZED = { __proto__: null, b64: true };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return true;
}

// node_modules/jose/dist/webapi/lib/key.js
var tag = (key) => key[Symbol.toStringTag];
var jwkMatchesOp = (entry, key, usage) => {
  const { alg } = entry;
  if (key.use !== void 0) {
    const expected = usage === "sign" || usage === "verify" ? "sig" : "enc";
    if (key.use !== expected)
      throw new TypeError(`Invalid key for this operation, its "use" must be "${expected}" when present`);
  }
  if (key.kty === "AKP" && key.alg === void 0)
    throw new TypeError('missing "alg" (Algorithm) Parameter value');
  if (key.alg !== void 0 && key.alg !== alg)
    throw new TypeError(`Invalid key for this operation, its "alg" must be "${alg}" when present`);
  if (Array.isArray(key.key_ops)) {
    const expectedKeyOp = usage === "encrypt" || usage === "decrypt" ? entry.ops?.[usage === "encrypt" ? 0 : 1] : usage;
    if (expectedKeyOp && !key.key_ops.includes(expectedKeyOp))
      throw new TypeError(`Invalid key for this operation, its "key_ops" must include "${expectedKeyOp}" when present`);
  }
};
async function prepareKey(entry, key, usage) {
  const { alg, secret } = entry, requiresPrivateKey = usage === "decrypt" || usage === "sign";
  if (secret && key instanceof Uint8Array)
    return key;
  let normalized, keyObject;
  if (isObject(key)) {
    if (normalized = normalizeJwk(key), typeof normalized.kty != "string")
      throw invalidKeyType(alg, key, secret);
    if (!(secret ? normalized.kty === "oct" && typeof normalized.k == "string" : normalized.kty !== "oct" && (requiresPrivateKey ? normalized.kty === "AKP" && typeof normalized.priv == "string" || typeof normalized.d == "string" : normalized.d === void 0 && normalized.priv === void 0)))
      throw new TypeError(secret ? 'JSON Web Key for symmetric algorithms must have JWK "kty" (Key Type) equal to "oct" and the JWK "k" (Key Value) present' : `JSON Web Key for this operation must be a ${requiresPrivateKey ? "private" : "public"} JWK`);
    if (jwkMatchesOp(entry, normalized, usage), normalized.kty === "oct")
      return decode(normalized.k);
    if (!Object.isFrozen(key)) {
      const { key_ops } = key;
      Array.isArray(key_ops) && Object.freeze(key_ops), Object.freeze(key);
    }
  } else {
    if (!isKeyLike(key))
      throw invalidKeyType(alg, key, secret);
    const expectedType = secret ? "secret" : requiresPrivateKey ? "private" : "public";
    if (key.type !== expectedType && (secret || ["secret", "public", "private"].includes(key.type)))
      throw new TypeError(`${tag(key)} instances must be of type "${expectedType}" for the ${alg} algorithm`);
    if (isCryptoKey(key))
      return key;
    if (keyObject = key, keyObject.type === "secret")
      return keyObject.export();
  }
  cache ||= /* @__PURE__ */ new WeakMap();
  const cacheKey = key;
  let cached = cache.get(cacheKey);
  if (cached?.[alg])
    return cached[alg];
  if (cached || cache.set(cacheKey, cached = {}), keyObject && typeof keyObject.toCryptoKey == "function") {
    const isPublic = keyObject.type === "public", crv = nist[keyObject.asymmetricKeyDetails?.namedCurve], params = entry.resolve?.({ crv, asymmetricKeyType: keyObject.asymmetricKeyType }) ?? entry.subtle;
    return cached[alg] = keyObject.toCryptoKey(params, isPublic, entry.usages[isPublic ? 0 : 1]);
  }
  return normalized ??= keyObject.export({ format: "jwk" }), normalized.alg = alg, cached[alg] = await jwkToKey(entry, normalized);
}
var cache;
var nist = {
  __proto__: null,
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521"
};
var isCryptoKey = (key) => {
  if (key?.[Symbol.toStringTag] === "CryptoKey")
    return true;
  try {
    return key instanceof CryptoKey;
  } catch {
    return false;
  }
};
var isKeyObject = (key) => key?.[Symbol.toStringTag] === "KeyObject";
var isKeyLike = (key) => isCryptoKey(key) || isKeyObject(key);
function message(msg, actual, ...types) {
  if (types.length > 2) {
    const last = types.pop();
    msg += `one of type ${types.join(", ")}, or ${last}.`;
  } else types.length === 2 ? msg += `one of type ${types[0]} or ${types[1]}.` : msg += `of type ${types[0]}.`;
  return actual == null ? msg += ` Received ${actual}` : typeof actual == "function" && actual.name ? msg += ` Received function ${actual.name}` : typeof actual == "object" && actual != null && actual.constructor?.name && (msg += ` Received an instance of ${actual.constructor.name}`), msg;
}
function invalidKeyType(alg, actual, secret) {
  const types = ["CryptoKey", "KeyObject", "JSON Web Key"];
  return secret && types.push("Uint8Array"), new TypeError(message(`Key for the ${alg} algorithm must be `, actual, ...types));
}
var unusable = (name, prop = "algorithm.name") => new TypeError(`CryptoKey does not support this operation, its ${prop} must be ${name}`);
function checkUsage(key, usage) {
  if (usage && !key.usages.includes(usage))
    throw new TypeError(`CryptoKey does not support this operation, its usages must include ${usage}.`);
}
function checkModulusLength(alg, key) {
  const { modulusLength } = key.algorithm;
  if (typeof modulusLength != "number" || modulusLength < 2048)
    throw new TypeError(`${alg} requires key modulusLength to be 2048 bits or larger`);
}
function checkCryptoKey(key, expected, usage) {
  const algorithm = key.algorithm;
  if (algorithm.name !== expected.name)
    throw unusable(expected.name);
  if (expected.hash && algorithm.hash?.name !== expected.hash)
    throw unusable(expected.hash, "algorithm.hash");
  if (expected.namedCurve && algorithm.namedCurve !== expected.namedCurve)
    throw unusable(expected.namedCurve, "algorithm.namedCurve");
  if (expected.length !== void 0 && algorithm.length !== expected.length)
    throw unusable(expected.length, "algorithm.length");
  checkUsage(key, usage);
}
function snapshotJwk(jwk) {
  return { __proto__: null, ...jwk };
}
function normalizeJwk(jwk) {
  const normalized = snapshotJwk(jwk);
  if (normalized.ext !== void 0 && typeof normalized.ext != "boolean")
    throw new TypeError('"ext" (Extractable) Parameter must be a boolean');
  if (normalized.key_ops !== void 0) {
    const value = normalized.key_ops, keyOps = Array.isArray(value) ? [...value] : void 0;
    if (!keyOps || keyOps.some((operation) => typeof operation != "string") || new Set(keyOps).size !== keyOps.length)
      throw new TypeError('"key_ops" (Key Operations) Parameter must be an array of unique strings');
    normalized.key_ops = keyOps;
  }
  return normalized;
}
async function jwkToKey(entry, jwk, extractable) {
  if (!entry.kty.includes(jwk.kty))
    throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  const algorithm = entry.resolve?.({ kty: jwk.kty, crv: jwk.crv }) ?? entry.subtle, isPrivate = !!(jwk.d || jwk.priv), keyData = { ...jwk, ext: extractable ?? jwk.ext };
  return keyData.kty !== "AKP" && delete keyData.alg, delete keyData.use, crypto.subtle.importKey("jwk", keyData, algorithm, keyData.ext ?? !isPrivate, jwk.key_ops ?? entry.usages[isPrivate ? 1 : 0]);
}
async function rawKey(key, expected, usage, extractable = false) {
  return key instanceof Uint8Array && (key = await crypto.subtle.importKey("raw", key, expected, extractable, [usage])), checkCryptoKey(key, expected, usage), key;
}

// node_modules/jose/dist/webapi/lib/key_descriptor.js
function table(entries) {
  const out = { __proto__: null };
  for (const alg in entries)
    out[alg] = { ...entries[alg], alg };
  return out;
}

// node_modules/jose/dist/webapi/lib/jws_algorithms.js
var sig = [["verify"], ["sign"]];
function hmac(bits) {
  const subtle = { name: "HMAC", hash: `SHA-${bits}` };
  return { kty: ["oct"], secret: true, subtle, signing: subtle, usages: sig };
}
function rsa(bits, saltLength) {
  const subtle = { name: saltLength ? "RSA-PSS" : "RSASSA-PKCS1-v1_5", hash: `SHA-${bits}` };
  return {
    kty: ["RSA"],
    subtle,
    signing: saltLength ? { ...subtle, saltLength } : subtle,
    usages: sig,
    minRsaBits: 2048
  };
}
function ecdsa(crv, bits) {
  return {
    kty: ["EC"],
    crv,
    subtle: { name: "ECDSA", namedCurve: crv },
    signing: { name: "ECDSA", hash: `SHA-${bits}` },
    usages: sig
  };
}
function eddsa() {
  const subtle = { name: "Ed25519" };
  return {
    kty: ["OKP"],
    crv: "Ed25519",
    subtle,
    signing: subtle,
    usages: sig
  };
}
function mldsa(parameterSet) {
  const subtle = { name: `ML-DSA-${parameterSet}` };
  return {
    kty: ["AKP"],
    subtle,
    signing: subtle,
    usages: sig
  };
}
var JWS = table({
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
  RS256: rsa(256),
  RS384: rsa(384),
  RS512: rsa(512),
  PS256: rsa(256, 32),
  PS384: rsa(384, 48),
  PS512: rsa(512, 64),
  ES256: ecdsa("P-256", 256),
  ES384: ecdsa("P-384", 384),
  ES512: ecdsa("P-521", 512),
  EdDSA: eddsa(),
  Ed25519: eddsa(),
  "ML-DSA-44": mldsa(44),
  "ML-DSA-65": mldsa(65),
  "ML-DSA-87": mldsa(87)
});
function jwsAlgorithm(alg) {
  const entry = typeof alg == "string" ? JWS[alg] : void 0;
  if (!entry)
    throw new JOSENotSupported(`alg ${alg} is not supported either by JOSE or your javascript runtime`);
  return entry;
}

// node_modules/jose/dist/webapi/lib/jws_verify.js
function prepareVerify(options) {
  return [options && validateAlgorithms("algorithms", options.algorithms), options?.crit];
}
function parseProtectedHeader(encodedProtectedHeader) {
  return encodedProtectedHeader === void 0 ? {} : parseJoseHeader(encodedProtectedHeader, JWSInvalid, "JWS Protected Header is invalid");
}
function encodeCompactUnencodedPayload(payload) {
  try {
    return encode(payload);
  } catch (cause) {
    throw new JWSInvalid("JWS Compact Serialization payload must use only ASCII characters", {
      cause
    });
  }
}
async function verifySignature(jws, shared, key, encodeUnencodedPayload, parsedProtected) {
  const { protected: encodedProtectedHeader, header, payload: inputPayload } = jws, protectedHeader = parsedProtected ?? parseProtectedHeader(encodedProtectedHeader);
  if (!isDisjoint(protectedHeader, header))
    throw new JWSInvalid("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...header }, b64 = validateB64(protectedHeader, validateCrit(JWSInvalid, JWS_RECOGNIZED, shared[1], protectedHeader, joseHeader)), { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new JWSInvalid('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  if (shared[0] && !shared[0].has(alg))
    throw new JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed');
  if (b64) {
    if (typeof inputPayload != "string")
      throw new JWSInvalid("JWS Payload must be a string");
  } else if (typeof inputPayload != "string" && !(inputPayload instanceof Uint8Array))
    throw new JWSInvalid("JWS Payload must be a string or an Uint8Array instance");
  const signingPayload = b64 || typeof inputPayload != "string" ? inputPayload : encodeUnencodedPayload(inputPayload);
  let resolvedKey = false;
  typeof key == "function" && (key = await key(protectedHeader, jws), resolvedKey = true);
  const entry = jwsAlgorithm(alg), signingInput = concat(encodedProtectedHeader !== void 0 ? encode(encodedProtectedHeader) : new Uint8Array(), encode("."), typeof signingPayload == "string" ? shared[2] ??= encodeAsciiMember(signingPayload, "payload", JWSInvalid) : signingPayload), signature = decodeBase64url(jws.signature, "signature", JWSInvalid), verificationKey = await prepareKey(entry, key, "verify"), cryptoKey = await rawKey(verificationKey, entry.subtle, "verify");
  entry.minRsaBits && checkModulusLength(entry.alg, cryptoKey);
  let verified = false;
  try {
    verified = await crypto.subtle.verify(entry.signing, cryptoKey, signature, signingInput);
  } catch (cause) {
    throw new JWSSignatureVerificationFailed(void 0, { cause });
  }
  if (!verified)
    throw new JWSSignatureVerificationFailed();
  const result = { payload: typeof signingPayload == "string" ? decodeBase64url(signingPayload, "payload", JWSInvalid) : signingPayload };
  return encodedProtectedHeader !== void 0 && (result.protectedHeader = protectedHeader), header !== void 0 && (result.unprotectedHeader = header), resolvedKey ? [{ ...result, key: verificationKey }, b64] : [result, b64];
}
async function verifyCompact(jws, shared, key) {
  if (jws instanceof Uint8Array && (jws = decoder.decode(jws)), typeof jws != "string")
    throw new JWSInvalid("Compact JWS must be a string or Uint8Array");
  const { 0: protectedHeader, 1: payload, 2: signature, length } = jws.split(".");
  if (length !== 3)
    throw new JWSInvalid("Invalid Compact JWS");
  return verifySignature({ payload, protected: protectedHeader, signature }, shared, key, encodeCompactUnencodedPayload);
}

// node_modules/jose/dist/webapi/lib/jwt_claims_set.js
var epoch = (date) => Math.floor(date.getTime() / 1e3);
var multipliers = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31557600
};
var REGEX = /^(\+|\-)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$/i;
var checkFailed = "check_failed";
function invalidDuration() {
  throw new TypeError("Invalid time period format");
}
function secs(str) {
  typeof str != "string" && invalidDuration();
  const matched = REGEX.exec(str);
  (!matched || matched[4] && matched[1]) && invalidDuration();
  const value = parseFloat(matched[2]), durationSeconds = Math.round(value * multipliers[matched[3][0].toLowerCase()]);
  return Number.isFinite(durationSeconds) || invalidDuration(), matched[1] === "-" || matched[4]?.toLowerCase() === "ago" ? -durationSeconds : durationSeconds;
}
function validateInput(label, input) {
  if (!Number.isFinite(input))
    throw new TypeError(`Invalid ${label} input`);
  return input;
}
var normalizeTyp = (value) => {
  const normalized = value.toLowerCase();
  return value.includes("/") ? normalized : `application/${normalized}`;
};
var checkAudiencePresence = (audPayload, audOption) => {
  if (typeof audOption == "string")
    audOption = [audOption];
  else if (!Array.isArray(audOption))
    return false;
  return typeof audPayload == "string" ? audOption.includes(audPayload) : Array.isArray(audPayload) ? audOption.some((aud) => typeof aud == "string" && audPayload.includes(aud)) : false;
};
function validateNumericDate(claimsSet, claim, required = false) {
  const value = claimsSet[claim];
  if (!(value === void 0 && !required)) {
    if (typeof value != "number")
      throw new JWTClaimValidationFailed(`"${claim}" claim must be a number`, claimsSet, claim, "invalid");
    return value;
  }
}
function unexpectedClaim(claimsSet, claim) {
  throw new JWTClaimValidationFailed(`unexpected "${claim}" claim value`, claimsSet, claim, checkFailed);
}
function validateClaimsSet(protectedHeader, claimsSetBytes, options = {}) {
  let claimsSet;
  try {
    claimsSet = JSON.parse(strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("JWT Claims Set must be a top-level JSON object", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("JWT Claims Set must be a top-level JSON object");
  const { typ } = options;
  if (typ !== void 0 && (typeof protectedHeader.typ != "string" || normalizeTyp(protectedHeader.typ) !== normalizeTyp(typ)))
    throw new JWTClaimValidationFailed('unexpected "typ" JWT header value', claimsSet, "typ", checkFailed);
  const { requiredClaims = [], issuer, subject, audience, maxTokenAge } = options, presenceCheck = [...requiredClaims];
  maxTokenAge !== void 0 && presenceCheck.push("iat"), audience !== void 0 && presenceCheck.push("aud"), subject !== void 0 && presenceCheck.push("sub"), issuer !== void 0 && presenceCheck.push("iss");
  for (const claim of new Set(presenceCheck.reverse()))
    if (!Object.hasOwn(claimsSet, claim))
      throw new JWTClaimValidationFailed(`missing required "${claim}" claim`, claimsSet, claim, "missing");
  issuer !== void 0 && !(Array.isArray(issuer) ? issuer : [issuer]).includes(claimsSet.iss) && unexpectedClaim(claimsSet, "iss"), subject !== void 0 && claimsSet.sub !== subject && unexpectedClaim(claimsSet, "sub"), audience !== void 0 && !checkAudiencePresence(claimsSet.aud, audience) && unexpectedClaim(claimsSet, "aud");
  const { clockTolerance } = options;
  let tolerance = 0;
  if (typeof clockTolerance == "string")
    tolerance = secs(clockTolerance);
  else if (clockTolerance !== void 0) {
    if (typeof clockTolerance != "number")
      throw new TypeError("Invalid clockTolerance option type");
    tolerance = clockTolerance;
  }
  if (validateInput("clockTolerance option", tolerance), tolerance < 0)
    throw new TypeError("Invalid clockTolerance option input");
  const { currentDate } = options, now = validateInput("currentDate option", epoch(currentDate === void 0 ? /* @__PURE__ */ new Date() : currentDate)), iat = validateNumericDate(claimsSet, "iat", maxTokenAge !== void 0), nbf = validateNumericDate(claimsSet, "nbf");
  if (nbf !== void 0 && nbf > now + tolerance)
    throw new JWTClaimValidationFailed('"nbf" claim timestamp check failed', claimsSet, "nbf", checkFailed);
  const exp = validateNumericDate(claimsSet, "exp");
  if (exp !== void 0 && exp <= now - tolerance)
    throw new JWTExpired('"exp" claim timestamp check failed', claimsSet, "exp", checkFailed);
  if (maxTokenAge !== void 0) {
    const age = now - iat, max = validateInput("maxTokenAge option", typeof maxTokenAge == "number" ? maxTokenAge : secs(maxTokenAge));
    if (max < 0)
      throw new TypeError("Invalid maxTokenAge option input");
    if (age - tolerance > max)
      throw new JWTExpired('"iat" claim timestamp check failed (too far in the past)', claimsSet, "iat", checkFailed);
    if (age < -tolerance)
      throw new JWTClaimValidationFailed('"iat" claim timestamp check failed (it should be in the past)', claimsSet, "iat", checkFailed);
  }
  return claimsSet;
}

// node_modules/jose/dist/webapi/jwt/verify.js
async function jwtVerify(jwt, key, options) {
  const [verified, b64] = await verifyCompact(jwt, prepareVerify(options), key);
  if (!b64)
    throw new JWTInvalid("JWTs MUST NOT use unencoded payload");
  const payload = validateClaimsSet(verified.protectedHeader, verified.payload, options);
  return { ...verified, payload };
}

// node_modules/jose/dist/webapi/jwks/local.js
function isUsableJWK(jwk, entry, alg, kid) {
  const { kty, key_ops: keyOps, ext, kid: jwkKid, alg: jwkAlg, use, crv } = jwk;
  return (ext === void 0 || typeof ext == "boolean") && (keyOps === void 0 || Array.isArray(keyOps) && keyOps.every((operation, index) => typeof operation == "string" && keyOps.indexOf(operation) === index) && keyOps.includes("verify")) && entry.kty.includes(kty) && (kid === void 0 || typeof kid == "string" && kid === jwkKid) && (jwkAlg === void 0 ? kty !== "AKP" : alg === jwkAlg) && (use === void 0 || use === "sig") && (!entry.crv || crv === entry.crv);
}
async function importWithAlgCache(cache2, jwk, entry) {
  const cached = cache2.get(jwk) || cache2.set(jwk, {}).get(jwk), { alg } = entry;
  if (cached[alg] === void 0) {
    const pending = jwkToKey(entry, jwk, true).then((key) => {
      if (key.type !== "public")
        throw new JWKSInvalid("JSON Web Key Set members must be public keys");
      return cached[alg] = key, key;
    }).catch((error2) => {
      throw cached[alg] === pending && delete cached[alg], error2;
    });
    cached[alg] = pending;
  }
  return cached[alg];
}
function createLocalJWKSet(jwks) {
  let snapshot;
  try {
    snapshot = structuredClone(jwks);
  } catch (cause) {
    throw new JWKSInvalid("JSON Web Key Set malformed", { cause });
  }
  if (!isJwkSet(snapshot))
    throw new JWKSInvalid("JSON Web Key Set malformed");
  const metadata = snapshot.keys.map((jwk) => {
    const normalized = snapshotJwk(jwk);
    return Array.isArray(normalized.key_ops) && (normalized.key_ops = [...normalized.key_ops]), normalized;
  }), cached = /* @__PURE__ */ new WeakMap();
  return Object.defineProperty(async (protectedHeader, token) => {
    const { alg, kid } = { ...protectedHeader, ...token?.header }, entry = typeof alg == "string" ? JWS[alg] : void 0;
    if (!entry || entry.secret)
      throw new JOSENotSupported('Unsupported "alg" value for a JSON Web Key Set');
    const candidates = snapshot.keys.filter((_, index) => isUsableJWK(metadata[index], entry, alg, kid)), { 0: jwk, length } = candidates;
    if (!length)
      throw new JWKSNoMatchingKey();
    if (length !== 1) {
      const error2 = new JWKSMultipleMatchingKeys();
      throw error2[Symbol.asyncIterator] = async function* () {
        for (const jwk2 of candidates)
          try {
            yield await importWithAlgCache(cached, jwk2, entry);
          } catch {
          }
      }, error2;
    }
    return importWithAlgCache(cached, jwk, entry);
  }, "jwks", {
    value: () => structuredClone(snapshot)
  });
}

// node_modules/jose/dist/webapi/jwks/remote.js
function isCloudflareWorkers() {
  return typeof WebSocketPair < "u" || typeof navigator < "u" && navigator.userAgent === "Cloudflare-Workers" || typeof EdgeRuntime < "u" && EdgeRuntime === "vercel";
}
var USER_AGENT;
(typeof navigator > "u" || !navigator.userAgent?.startsWith?.("Mozilla/5.0 ")) && (USER_AGENT = "jose/v6.2.19");
var customFetch = /* @__PURE__ */ Symbol();
async function fetchJwks(url, headers, signal, fetchImpl = fetch) {
  const response = await fetchImpl(url, {
    method: "GET",
    signal,
    redirect: "manual",
    headers
  }).catch((err) => {
    throw err.name === "TimeoutError" ? new JWKSTimeout(void 0, { cause: err }) : err;
  });
  if (response.status !== 200)
    throw new JOSEError("Expected 200 OK from the JSON Web Key Set HTTP response");
  try {
    return await response.json();
  } catch (cause) {
    throw signal.aborted ? new JWKSTimeout(void 0, { cause }) : new JOSEError("Failed to parse the JSON Web Key Set HTTP response as JSON", { cause });
  }
}
var jwksCache = /* @__PURE__ */ Symbol();
function isFreshFor(timestamp, duration) {
  return Number.isFinite(timestamp) && Date.now() < timestamp + duration;
}
function validateDuration(value, fallback, option) {
  if (Number.isNaN(value))
    throw new TypeError(`"${option}" option must not be NaN`);
  if (typeof value == "number" && value < 0)
    throw new TypeError(`"${option}" option must not be negative`);
  return typeof value == "number" ? value : fallback;
}
function createRemoteJWKSet(url, options) {
  if (!(url instanceof URL))
    throw new TypeError("url must be an instance of URL");
  const href = new URL(url.href).href, opts = options ?? {}, timeoutOption = opts.timeoutDuration;
  if (typeof timeoutOption == "number" && (!Number.isInteger(timeoutOption) || timeoutOption < 0))
    throw new TypeError('"timeoutDuration" option must be a non-negative integer');
  const timeoutDuration = typeof timeoutOption == "number" ? timeoutOption : 5e3, cooldownDuration = validateDuration(opts.cooldownDuration, 3e4, "cooldownDuration"), cacheMaxAge = validateDuration(opts.cacheMaxAge, 6e5, "cacheMaxAge"), headers = new Headers(opts.headers);
  USER_AGENT && !headers.has("User-Agent") && headers.set("User-Agent", USER_AGENT), headers.has("accept") || headers.set("accept", "application/json, application/jwk-set+json");
  const fetchImpl = opts[customFetch], cache2 = opts[jwksCache];
  let jwksTimestamp, pendingFetch, reloadSequence = 0, appliedSequence = 0, local2;
  if (cache2 && typeof cache2 == "object") {
    const { uat, jwks } = cache2;
    isFreshFor(uat, cacheMaxAge) && isJwkSet(jwks) && (jwksTimestamp = uat, local2 = createLocalJWKSet(jwks));
  }
  const reload = async () => {
    if (pendingFetch && isCloudflareWorkers() && (pendingFetch = void 0), !pendingFetch) {
      const sequence = ++reloadSequence, current = pendingFetch = fetchJwks(href, headers, AbortSignal.timeout(timeoutDuration), fetchImpl).then((json) => {
        const next = createLocalJWKSet(json);
        if (sequence <= appliedSequence)
          return;
        local2 = next;
        const updatedAt = Date.now();
        cache2 && (cache2.uat = updatedAt, cache2.jwks = json), jwksTimestamp = updatedAt, appliedSequence = sequence;
      }).finally(() => {
        pendingFetch === current && (pendingFetch = void 0);
      });
    }
    await pendingFetch;
  };
  return Object.defineProperties(async (protectedHeader, token) => {
    (!local2 || !isFreshFor(jwksTimestamp, cacheMaxAge)) && await reload();
    try {
      return await local2(protectedHeader, token);
    } catch (err) {
      if (err instanceof JWKSNoMatchingKey && !isFreshFor(jwksTimestamp, cooldownDuration))
        return await reload(), local2(protectedHeader, token);
      throw err;
    }
  }, {
    coolingDown: {
      get: () => isFreshFor(jwksTimestamp, cooldownDuration),
      enumerable: true
    },
    fresh: {
      get: () => isFreshFor(jwksTimestamp, cacheMaxAge),
      enumerable: true
    },
    reload: {
      value: reload,
      enumerable: true
    },
    reloading: {
      get: () => !!pendingFetch,
      enumerable: true
    },
    jwks: {
      value: () => local2?.jwks(),
      enumerable: true
    }
  });
}

// node_modules/jose/dist/webapi/util/decode_jwt.js
function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new JWTInvalid("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new JWTInvalid("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new JWTInvalid("Invalid JWT");
  if (!encodedPayload)
    throw new JWTInvalid("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = decode(encodedPayload);
  } catch (cause) {
    throw new JWTInvalid("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("Invalid JWT Claims Set");
  return claimsSet;
}

// src/bot/pr/id-token.ts
function issuerKeySet(keySets, issuer) {
  const base = issuer.replace(/\/+$/, "");
  let keys = keySets.get(base);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${base}/.well-known/jwks`), {
      timeoutDuration: 1e4,
      cooldownDuration: 3e4,
      cacheMaxAge: 36e5
    });
    keySets.set(base, keys);
  }
  return keys;
}
async function verifyIdToken(token, keys, expected) {
  let issuedAt;
  try {
    issuedAt = decodeJwt(token).iat;
  } catch {
    return { ok: false, reason: "the provenance token is not a JWT" };
  }
  if (typeof issuedAt !== "number") return { ok: false, reason: "the provenance token lacks claims: iat" };
  try {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: ["RS256"],
      issuer: expected.issuer,
      audience: expected.audience,
      currentDate: new Date(issuedAt * 1e3),
      clockTolerance: 60
    });
    const claims = ActionsClaims.safeParse(payload);
    if (!claims.success)
      return {
        ok: false,
        reason: `the provenance token lacks claims: ${claims.error.issues[0]?.path.join(".")}`
      };
    return { ok: true, claims: claims.data };
  } catch (error2) {
    return { ok: false, reason: refusal(error2, expected) };
  }
}
function refusal(error2, expected) {
  if (error2 instanceof errors_exports.JWTClaimValidationFailed) {
    if (error2.claim === "aud")
      return "the provenance token was issued for other results (audience does not match)";
    if (error2.claim === "iss") return `the provenance token was not issued by ${expected.issuer}`;
    return `the provenance token's ${error2.claim} claim is invalid (${error2.message})`;
  }
  if (error2 instanceof errors_exports.JOSEAlgNotAllowed) return "the provenance token is not signed with RS256";
  if (error2 instanceof errors_exports.JWSSignatureVerificationFailed || error2 instanceof errors_exports.JWKSNoMatchingKey || error2 instanceof errors_exports.JWKSMultipleMatchingKeys)
    return `the provenance token is not signed by ${expected.issuer}`;
  if (error2 instanceof errors_exports.JWTExpired) return "the provenance token had expired when it was issued";
  if (error2 instanceof errors_exports.JOSEError) return `the provenance token cannot be verified (${error2.code})`;
  return `the issuer's keys could not be read (${error2.message ?? String(error2)})`;
}

// src/bot/pr/provenance.ts
async function fileAt(scope, path, ref) {
  const { owner, repo } = scope.gh.repo;
  const key = `${owner}/${repo}@${ref}:${path}`;
  const cached = scope.bot.memory.repository.files.get(key);
  if (cached !== void 0) return cached;
  const text = await scope.gh.readFile(path, ref);
  if (text !== void 0) scope.bot.memory.repository.files.set(key, text);
  return text;
}
async function compareWithDefault(scope, path, sha) {
  const { defaultBranch } = await repositoryOf(scope);
  const [ran, policy] = await Promise.all([fileAt(scope, path, sha), fileAt(scope, path, defaultBranch)]);
  if (policy === void 0) return { file: "not-on-default-branch" };
  if (ran === void 0) return { file: void 0, policyText: policy };
  return { file: ran === policy ? "same" : "changed", policyText: policy };
}
async function evidenceSource(scope, session, run, expected) {
  const { evidenceText, token } = splitProvenance(run.text ?? "");
  const { owner, repo } = scope.gh.repo;
  const workflow = session.setup.config.checksWorkflow;
  const base = {
    appSlug: run.appSlug,
    runSha: run.headSha,
    expectedSha: expected.sha,
    repo: `${owner}/${repo}`,
    ...expected.pullNumber === void 0 ? {} : { pullNumber: expected.pullNumber },
    ...workflow?.file ? { requiredWorkflow: `.github/workflows/${workflowFileName(workflow.file)}` } : {},
    text: evidenceText
  };
  if (!token) return { ...base, token: void 0, workflowFile: void 0 };
  const issuer = scope.bot.oidcIssuer.replace(/\/+$/, "");
  const check = await verifyIdToken(token, issuerKeySet(scope.bot.memory.evidence.issuerKeySets, issuer), {
    issuer,
    audience: evidenceAudience(evidenceText)
  });
  if (!check.ok) return { ...base, token: check, workflowFile: void 0 };
  const claims = check.claims;
  if (claims.repository.toLowerCase() !== `${owner}/${repo}`.toLowerCase())
    return { ...base, token: check, workflowFile: void 0 };
  const path = workflowPathOf(claims);
  if (!path) return { ...base, token: check, workflowFile: void 0 };
  const caller = await compareWithDefault(scope, path, claims.sha);
  const job = jobWorkflowOf(claims);
  const localJob = job && job.repo.toLowerCase() === claims.repository.toLowerCase() && job.path !== path ? job : void 0;
  const called = localJob ? await compareWithDefault(scope, localJob.path, claims.job_workflow_sha ?? claims.sha) : void 0;
  const texts = [caller.policyText, called?.policyText].filter((text) => text !== void 0);
  const changed = expected.pull ? await pullFiles(scope, expected.pull) : void 0;
  return {
    ...base,
    token: check,
    workflowFile: caller.file,
    ...localJob && called ? { jobWorkflow: { path: localJob.path, file: called.file } } : {},
    ...texts.length > 0 ? { usesShipgate: texts.some(referencesShipgate) } : {},
    ...changed ? { pipelineChanges: pipelineChanges(changed) } : {}
  };
}

// src/core/cutover/deployment-wait.ts
var MAX_STATUS_REPORTS = 10;
var MAX_STATUS_REPORT_CHARS = 1024;
function cutTo(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}
function decideCutoverWait(input) {
  const statuses = input.windows.map((window) => ({
    window,
    status: windowStatus(window, input.states, input.nowMs)
  }));
  const failed = statuses.find(({ status }) => status.state === "failed");
  if (failed && failed.status.state === "failed")
    return {
      kind: "rejected",
      comment: cutTo(
        `cutover window \u201C${failed.window.item.text}\u201D of #${input.pr} failed: ${failed.status.summary}`,
        1e3
      )
    };
  const holding = statuses.filter(({ status }) => ["open", "closing", "inconclusive"].includes(status.state));
  const passed = statuses.filter(({ status }) => status.state === "passed" || status.state === "waived");
  if (holding.length === 0 && passed.length > 0)
    return {
      kind: "approved",
      comment: cutTo(
        `cutover windows of #${input.pr} passed: ${passed.map(({ window }) => `\u201C${window.item.text}\u201D`).join(", ")}`,
        1e3
      )
    };
  if (input.reportsSent >= MAX_STATUS_REPORTS) return { kind: "wait" };
  const view = cutoverView({
    windows: input.windows,
    states: input.states,
    nowMs: input.nowMs,
    ...input.readings ? { readings: input.readings } : {}
  });
  const head = holding.length > 0 ? `\u23F3 **shipgate** holds this deployment until the cutover windows of #${input.pr} pass.` : `\u23F8\uFE0F **shipgate** holds this deployment until a cutover window of #${input.pr} has passed (none started: \`/shipgate cutover <percent>\`).`;
  const last = input.reportsSent === MAX_STATUS_REPORTS - 1;
  const tail = last ? `

Last status report GitHub allows here (${MAX_STATUS_REPORTS}); follow the windows on #${input.pr}.` : `

(report ${input.reportsSent + 1} of at most ${MAX_STATUS_REPORTS})`;
  const body = cutTo(`${head}

${view.lines.join("\n")}`, MAX_STATUS_REPORT_CHARS - tail.length);
  const report = `${body}${tail}`;
  const comparable = (text) => text.replace(/\d+ (s|min) left/g, "").replace(/\(report \d+ of at most \d+\)/, "");
  if (input.lastReport !== void 0 && comparable(input.lastReport) === comparable(report))
    return { kind: "wait" };
  const marks = (text) => [...text.matchAll(/: (⏱️|⏳|✅|❌|❓|⏸️)/gu)].map((m) => m[1]).join("");
  const gapMs = Math.max(0, ...holding.map(({ window }) => window.durationMs / 8));
  if (input.lastReport !== void 0 && input.lastReportAtMs !== void 0 && marks(input.lastReport) === marks(report) && input.nowMs - input.lastReportAtMs < gapMs)
    return { kind: "wait" };
  return { kind: "wait", report };
}

// src/bot/pr/deployment-wait.ts
var WAIT_TTL_S = 30 * 24 * 3600;
var Waiting = external_exports.array(
  external_exports.object({
    runId: external_exports.number().int().positive(),
    environment: external_exports.string().max(255),
    reports: external_exports.number().int().min(0),
    last: external_exports.string().max(2e3).optional(),
    lastAt: external_exports.number().optional()
  })
);
var waitKey = (key) => `deploy-wait:${key}`;
async function load2(scope, key) {
  const stored = await scope.bot.memory.coordinator.recall(waitKey(key));
  if (!stored) return [];
  try {
    return Waiting.parse(JSON.parse(stored));
  } catch {
    return [];
  }
}
async function save(scope, key, list2) {
  await scope.bot.memory.coordinator.remember(waitKey(key), JSON.stringify(list2), WAIT_TTL_S);
}
function waitsForCutover(session, environment) {
  const { config, checklist } = session.setup;
  const waiting = config.deploymentProtection.waitForCutover ?? [];
  return waiting.some((name) => name.toLowerCase() === environment.toLowerCase()) && cutoverWindows(checklist, config).length > 0;
}
async function holdDeployment(scope, session, deployment) {
  const key = prKey(scope.gh, session.pull.number);
  const list2 = (await load2(scope, key)).filter((one) => one.runId !== deployment.runId);
  list2.push({ ...deployment, reports: 0 });
  await save(scope, key, list2);
  await answerWaitingDeployments(scope, session.pull.number, session);
}
async function answerWaitingDeployments(scope, number, opened) {
  const key = prKey(scope.gh, number);
  const list2 = await load2(scope, key);
  if (list2.length === 0) return;
  const session = opened ?? await openSession(scope, number);
  const windows = cutoverWindows(session.setup.checklist, session.setup.config);
  const states = foldLedger(session.ledger);
  const readings = await loadReadings(scope.bot, session.key) ?? {};
  const nowMs = scope.bot.now().getTime();
  const still = [];
  for (const one of list2) {
    const decision = decideCutoverWait({
      pr: number,
      windows,
      states,
      nowMs,
      readings,
      reportsSent: one.reports,
      ...one.last !== void 0 ? { lastReport: one.last } : {},
      ...one.lastAt !== void 0 ? { lastReportAtMs: one.lastAt } : {}
    });
    if (decision.kind !== "wait") {
      await reviewDeployment(scope, one.runId, {
        environment: one.environment,
        state: decision.kind,
        comment: decision.comment
      });
      scope.log.info({ pr: session.key, runId: one.runId, state: decision.kind }, "held deployment answered");
      continue;
    }
    if (decision.report) {
      await reportDeploymentStatus(scope, one.runId, {
        environment: one.environment,
        comment: decision.report
      });
      still.push({ ...one, reports: one.reports + 1, last: decision.report, lastAt: nowMs });
    } else still.push(one);
  }
  await save(scope, key, still);
}

// src/bot/events/on-decide.ts
function isDecideCommand(payload) {
  return Boolean(payload.issue.pull_request) && parseCommand(payload.comment.body ?? "")?.name === "decide";
}
async function onDecideCommand(scope, payload) {
  if (payload.sender.login === scope.bot.botLogin() || payload.sender.type === "Bot") return;
  const command = parseCommand(payload.comment.body ?? "");
  if (command?.name !== "decide") return;
  const number = payload.issue.number;
  const pull = await getPull(scope, number, true);
  if (!(pull.open || pull.mergeCommitSha) || !isReleasePull((await getSetup(scope, pull)).config, pull))
    return;
  await decideInconclusive(scope, number, payload.sender.login, command);
}
async function onDecideButton(scope, mergeSha, identifier, actor) {
  const outcome = outcomeOfAction(identifier);
  if (!outcome) return;
  const pulls = (await scope.gh.pullsForCommit(mergeSha)).filter((pull) => pull.mergeCommitSha === mergeSha);
  for (const pull of pulls) {
    if (!isReleasePull((await getSetup(scope, pull)).config, pull)) continue;
    await decideInconclusive(scope, pull.number, actor, {
      outcome,
      reason: "decided with the check-run button"
    });
  }
}
async function decideInconclusive(scope, number, actor, command) {
  const setup = await getSetup(scope, await getPull(scope, number));
  const roles = setup.config.telemetry?.inconclusive?.roles ?? [];
  const allowed = roles.length === 0 ? hasPermission(await permissionOf(scope, actor), "write") : listedDecider(roles, setup.config, actor) || await anyRoleTeam(scope, { setup }, roles, actor);
  if (!allowed) {
    await reply(
      scope,
      number,
      `${mention(actor)} cannot decide: ${roles.length === 0 ? "deciding needs write access" : `only ${roles.join(", ")} decide inconclusive judgements`}.`
    );
    return;
  }
  await runPrStep(scope, number, {
    decide(session) {
      const states = foldLedger(session.ledger);
      const item = command.item ?? firstInconclusive(session.setup.checklist.items, states)?.id ?? "";
      const plan = planDecide({
        item,
        outcome: command.outcome,
        reason: command.reason,
        by: actor,
        at: scope.bot.now().toISOString(),
        items: session.setup.checklist.items,
        states
      });
      if (!plan.ok)
        return { effects: [{ kind: "reply", body: `${mention(actor)} cannot decide: ${plan.message}` }] };
      const answer = `\u201C${escapeInline(plan.item.text, 120)}\u201D decided **${command.outcome}** by ${mention(actor)}: ${escapeInline(command.reason, 300)} (recorded in the ledger).`;
      return { events: [plan.event], effects: [{ kind: "reply", body: answer }] };
    }
  });
  await answerWaitingDeployments(scope, number);
}
async function anyRoleTeam(scope, session, roles, actor) {
  for (const role of roles) if (await inRoleTeams(scope, session, role, actor)) return true;
  return false;
}
async function askToDecide(scope, number, inconclusive) {
  const session = await openSession(scope, number);
  const { config, checklist } = session.setup;
  const roles = config.telemetry?.inconclusive?.roles ?? [];
  const who2 = roles.flatMap((role) => [
    ...(config.roles[role]?.users ?? []).map((user) => mention(user)),
    ...(config.roles[role]?.teams ?? []).map((team) => `@${team}`)
  ]);
  const lines = inconclusive.map((one) => {
    const text = checklist.items.find((item) => item.id === one.item)?.text ?? one.item;
    return `- **${escapeInline(text, 120)}** (\`${one.item}\`): ${escapeInline(one.line, 400)}`;
  });
  await reply(
    scope,
    number,
    [
      `\u2753 **Inconclusive \u2014 a person decides**${who2.length > 0 ? ` (${[...new Set(who2)].join(" ")})` : ""}: shipgate neither passes nor rolls back on its own.`,
      "",
      ...lines,
      "",
      `Decide with \`/shipgate decide ${inconclusive[0]?.item ?? "<item-id>"} pass|fail <reason>\`.`
    ].join("\n")
  );
}

// src/bot/events/payloads.ts
var User = external_exports.object({ login: external_exports.string(), type: external_exports.string().optional() });
var Repository = external_exports.object({
  name: external_exports.string(),
  owner: external_exports.object({ login: external_exports.string() }),
  id: external_exports.number().optional(),
  default_branch: external_exports.string().optional()
});
var Installation = external_exports.object({ id: external_exports.number() }).optional();
var Envelope = external_exports.object({
  action: external_exports.string().optional(),
  repository: Repository,
  installation: Installation,
  sender: User
});
var Pull = external_exports.object({
  number: external_exports.number(),
  title: external_exports.string(),
  state: external_exports.string(),
  draft: external_exports.boolean().optional(),
  body: external_exports.string().nullable().optional(),
  merged: external_exports.boolean().nullable().optional(),
  merged_at: external_exports.string().nullable().optional(),
  created_at: external_exports.string().optional(),
  merge_commit_sha: external_exports.string().nullable().optional(),
  user: User.nullable(),
  labels: external_exports.array(external_exports.object({ name: external_exports.string().optional() })).default([]),
  head: external_exports.object({ sha: external_exports.string(), ref: external_exports.string() }),
  base: external_exports.object({ ref: external_exports.string(), sha: external_exports.string() })
});
var PullRequestPayload = Envelope.extend({
  pull_request: Pull,
  /** `synchronize`: the old and new head (the bot compares them to see what the push changed). */
  before: external_exports.string().optional(),
  after: external_exports.string().optional()
});
var Comment = external_exports.object({ id: external_exports.number(), body: external_exports.string().nullable().default(""), user: User.nullable() });
var IssueCommentPayload = Envelope.extend({
  issue: external_exports.object({ number: external_exports.number(), pull_request: external_exports.object({}).passthrough().optional() }),
  comment: Comment,
  changes: external_exports.object({ body: external_exports.object({ from: external_exports.string() }).optional() }).optional()
});
var PullRequestReviewPayload = Envelope.extend({
  review: external_exports.object({
    state: external_exports.string(),
    user: User.nullable(),
    commit_id: external_exports.string().nullable().optional()
  }),
  pull_request: Pull
});
var CheckRunPayload = Envelope.extend({
  check_run: external_exports.object({
    id: external_exports.number(),
    name: external_exports.string(),
    head_sha: external_exports.string(),
    status: external_exports.string(),
    details_url: external_exports.string().nullable().optional(),
    external_id: external_exports.string().nullable().optional(),
    app: external_exports.object({ id: external_exports.number().optional(), slug: external_exports.string().optional() }).nullable().optional(),
    output: external_exports.object({ text: external_exports.string().nullable().optional() }).optional(),
    check_suite: external_exports.object({ head_branch: external_exports.string().nullable().optional() }).passthrough().optional(),
    pull_requests: external_exports.array(external_exports.object({ number: external_exports.number() })).default([])
  }),
  requested_action: external_exports.object({ identifier: external_exports.string() }).optional()
});
var MergeGroupPayload = Envelope.extend({
  merge_group: external_exports.object({ head_sha: external_exports.string(), head_ref: external_exports.string(), base_ref: external_exports.string() })
});
var WithDefaultBranch = Repository.extend({ default_branch: external_exports.string().optional() });
var DeploymentProtectionRulePayload = Envelope.extend({
  repository: WithDefaultBranch,
  environment: external_exports.string(),
  // GitHub may send the commit only at the top level (`sha`, `ref`) with a `deployment` that has no
  // `sha` (@octokit/webhooks-schemas deployment_protection_rule$requested; real-github.md).
  sha: external_exports.string().optional(),
  deployment_callback_url: external_exports.string(),
  deployment: external_exports.object({ sha: external_exports.string().optional(), environment: external_exports.string().optional() }).nullable().optional()
});
var DeploymentStatusPayload = Envelope.extend({
  repository: WithDefaultBranch,
  deployment: external_exports.object({ sha: external_exports.string(), environment: external_exports.string().optional() }),
  deployment_status: external_exports.object({
    state: external_exports.string(),
    environment: external_exports.string().optional(),
    environment_url: external_exports.string().nullable().optional()
  })
});
function runIdFromCallback(url) {
  const match = /\/actions\/runs\/(\d+)\/deployment_protection_rule\/?$/.exec(url);
  return match?.[1] ? Number(match[1]) : void 0;
}
function repoOf(envelope) {
  return { owner: envelope.repository.owner.login, repo: envelope.repository.name };
}
function pullOf(payload) {
  return toPull(payload.pull_request);
}
function pullFromMergeQueueRef(ref) {
  const match = /gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]+$/.exec(ref);
  return match?.[1] ? Number(match[1]) : void 0;
}

// src/bot/events/on-merge-group.ts
async function onMergeGroup(scope, payload) {
  if (payload.action !== "checks_requested") return;
  const number = pullFromMergeQueueRef(payload.merge_group.head_ref);
  if (number === void 0) return;
  const { owner, repo } = scope.gh.repo;
  scope.bot.memory.pr.mergeGroups.set(`${owner}/${repo}@${payload.merge_group.head_sha}`, number);
  await judgeMergeGroup(scope, number, payload.merge_group.head_sha);
}
async function judgeMergeGroup(scope, number, sha) {
  await runPrStep(scope, number, {
    open: { refreshPull: true },
    async after({ session, facts }) {
      const at = scope.bot.now().toISOString();
      const notes = [];
      let events = [];
      const runs = (await scope.gh.listCheckRuns(sha, EVIDENCE_CHECK_NAME)).sort((a, b) => b.id - a.id);
      const evidence = runs.find((run) => run.status === "completed");
      if (evidence) {
        const source = await evidenceSource(
          scope,
          session,
          { appSlug: evidence.appSlug, headSha: evidence.headSha, text: evidence.outputText },
          { sha }
        );
        const judgement = judgeEvidence(source, session.setup, foldLedger(session.ledger), at);
        if (judgement.accepted) {
          events = judgement.events;
          notes.push(...refusalNotes(judgement.refused));
        } else notes.push(judgement.reason);
      }
      const { gate, checkRun } = projectMergeGroup({
        ...facts,
        resultNotes: { [sha]: notes },
        ledger: session.ledger,
        events,
        ledgerKey: session.ledgerKey,
        sha
      });
      await writeCheckRun(scope, void 0, checkRun);
      scope.log.info({ pr: session.key, sha, gate: gate.summary }, "merge group judged");
    }
  });
}

// src/core/ledger/invalidation.ts
function planPushInvalidation(input) {
  const { config } = input;
  const relevant = input.changedFiles && relevantChanges(config, input.changedFiles, input.versionOnlyFiles);
  const scopes = /* @__PURE__ */ new Map();
  const matcherFor = (globs) => {
    const key = globs.join("\n");
    const cached = scopes.get(key) ?? compileGlobs(globs);
    scopes.set(key, cached);
    return cached;
  };
  const items = [];
  const files = /* @__PURE__ */ new Set();
  for (const item of input.checklist.items) {
    if (!isCandidate(item, input)) continue;
    if (!relevant) {
      items.push(item.id);
      continue;
    }
    const globs = scopeOf(item, config);
    const triggers = globs ? relevant.filter(matcherFor(globs)) : relevant;
    if (triggers.length === 0) continue;
    items.push(item.id);
    for (const file of triggers) files.add(file);
  }
  if (items.length === 0) return void 0;
  return { items, reason: resetReason(input.newSha, [...files]), files: [...files] };
}
function invalidationEvent(plan, sha, at) {
  return { t: "invalidate", items: plan.items, at, sha, reason: plan.reason };
}
function versionFileCandidates(config, changedFiles) {
  const globs = config.invalidateOnPush.versionFiles ?? [];
  if (globs.length === 0) return [];
  return changedFiles.filter(compileGlobs(globs));
}
function scopeOf(item, config) {
  if (item.invalidateOn) return item.invalidateOn;
  if (item.kind === "signoff" && item.role) return config.roles[item.role]?.invalidateOn;
  return void 0;
}
function isCandidate(item, input) {
  const state = input.states[item.id];
  if (!state?.checked) return false;
  if (state.waived) return true;
  const { signoffs, manual } = input.config.invalidateOnPush;
  return item.kind === "signoff" && signoffs || item.kind === "manual" && manual;
}
function relevantChanges(config, changedFiles, versionOnlyFiles = []) {
  const ignored = compileGlobs(config.invalidateOnPush.ignore ?? []);
  const versionFile = compileGlobs(config.invalidateOnPush.versionFiles ?? []);
  const versionOnly = new Set(versionOnlyFiles);
  return changedFiles.filter((file) => !ignored(file) && !(versionOnly.has(file) && versionFile(file)));
}
function resetReason(sha, files) {
  const head = `reset by push of ${sha.slice(0, 7)}`;
  const first = files[0];
  if (first === void 0) return head;
  const name = first.length > 32 ? `\u2026${first.slice(-31)}` : first;
  const more = files.length > 1 ? ` and ${files.length - 1} more` : "";
  return `${head} (${name}${more} changed)`;
}

// src/core/ledger/push-invalidation.ts
function pushInvalidation(input) {
  const plan = planPushInvalidation({ ...input, newSha: input.afterSha });
  return plan && invalidationEvent(plan, input.afterSha, input.at);
}

// src/core/release/version-only.ts
var MAX_VERSION_FILE_CHARS = 2e6;
var VERSION = /\bv?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?/g;
function versionBump(path, before, after) {
  if (before === void 0 || after === void 0 || before === after) return void 0;
  if (before.length > MAX_VERSION_FILE_CHARS || after.length > MAX_VERSION_FILE_CHARS) return void 0;
  return isPackageJson(path) ? packageJsonBump(before, after) : lineBump(before, after);
}
function isVersionOnlyChange(path, before, after) {
  return versionBump(path, before, after) !== void 0;
}
function isPackageJson(path) {
  return path === "package.json" || path.endsWith("/package.json");
}
function packageJsonBump(before, after) {
  const old = parseObject(before);
  const next = parseObject(after);
  if (!old || !next) return void 0;
  const { version: from, ...oldRest } = old;
  const { version: to, ...nextRest } = next;
  if (typeof from !== "string" || typeof to !== "string" || from === to) return void 0;
  return canonical2(oldRest) === canonical2(nextRest) ? { from, to } : void 0;
}
function parseObject(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}
function canonical2(value) {
  if (Array.isArray(value)) return `[${value.map(canonical2).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(
      ([a], [b]) => a < b ? -1 : a > b ? 1 : 0
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical2(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
function lineBump(before, after) {
  const oldLines = before.split("\n");
  const newLines = after.split("\n");
  if (oldLines.length !== newLines.length) return void 0;
  let bump;
  for (let i = 0; i < oldLines.length; i++) {
    const old = oldLines[i] ?? "";
    const next = newLines[i] ?? "";
    if (old === next) continue;
    const found = lineVersionChange(old, next);
    if (!found) return void 0;
    if (bump && (bump.from !== found.from || bump.to !== found.to)) return void 0;
    bump = found;
  }
  return bump;
}
function lineVersionChange(old, next) {
  const oldVersions = old.match(VERSION) ?? [];
  const newVersions = next.match(VERSION) ?? [];
  if (oldVersions.length !== newVersions.length) return void 0;
  if (old.replace(VERSION, "\0") !== next.replace(VERSION, "\0")) return void 0;
  let bump;
  for (let i = 0; i < oldVersions.length; i++) {
    const from = oldVersions[i] ?? "";
    const to = newVersions[i] ?? "";
    if (from === to) continue;
    if (bump && (bump.from !== from || bump.to !== to)) return void 0;
    bump = { from, to };
  }
  return bump;
}

// src/bot/pr/push-changes.ts
var MAX_VERSION_FILES = 10;
var NO_COMMIT = /^0+$/;
async function pushChanges(scope, config, before, after) {
  if (!before || NO_COMMIT.test(before) || before === after) return {};
  let compare;
  try {
    compare = await scope.gh.compareCommits(before, after);
  } catch (error2) {
    scope.log.warn({ err: error2, before, after }, "cannot compare the push; everything resets");
    return {};
  }
  if (!compare?.complete || !["ahead", "identical"].includes(compare.status)) {
    scope.log.info({ before, after, status: compare?.status }, "push not comparable; everything resets");
    return {};
  }
  const changedFiles = compare.files;
  const candidates = versionFileCandidates(config, changedFiles).slice(0, MAX_VERSION_FILES);
  const versionOnlyFiles = [];
  await Promise.all(
    candidates.map(async (path) => {
      try {
        const [old, next] = await Promise.all([
          scope.gh.readFile(path, before),
          scope.gh.readFile(path, after)
        ]);
        if (isVersionOnlyChange(path, old, next)) versionOnlyFiles.push(path);
      } catch (error2) {
        scope.log.warn({ err: error2, path }, "cannot read a version file; its change counts");
      }
    })
  );
  return { changedFiles, versionOnlyFiles: versionOnlyFiles.sort() };
}

// src/bot/events/on-pull-request.ts
var HANDLED = /* @__PURE__ */ new Set([
  "opened",
  "reopened",
  "edited",
  "labeled",
  "unlabeled",
  "ready_for_review",
  "synchronize"
]);
async function onPullRequest(scope, payload) {
  if (!HANDLED.has(payload.action ?? "")) return;
  const pull = pullOf(payload);
  scope.bot.memory.pr.pulls.set(prKey(scope.gh, pull.number), pull);
  if (!pull.open) return;
  const pushed = payload.action === "synchronize";
  await syncPull(
    scope,
    pull,
    pushed ? { pushed, ...payload.before ? { before: payload.before } : {} } : {}
  );
}
async function syncPull(scope, pull, opts = {}) {
  const setup = await getSetup(scope, pull);
  if (!isReleasePull(setup.config, pull)) return false;
  const changes = opts.pushed ? await pushChanges(scope, setup.config, opts.before, pull.headSha) : {};
  await runPrStep(scope, pull.number, {
    open: { pull },
    decide(session) {
      if (!opts.pushed) return void 0;
      const invalidation = pushInvalidation({
        checklist: session.setup.checklist,
        states: foldLedger(session.ledger),
        config: session.setup.config,
        afterSha: session.pull.headSha,
        at: scope.bot.now().toISOString(),
        ...changes
      });
      return invalidation ? { events: [invalidation] } : void 0;
    },
    after({ session, projection }) {
      scope.log.info(
        { pr: session.key, sha: session.pull.headSha, gate: projection.status },
        "checklist synced"
      );
      watchForResults(scope, session.pull, session.setup.config);
    }
  });
  return true;
}

// src/bot/events/on-check-run.ts
async function onCheckRun(scope, payload) {
  const run = payload.check_run;
  const ours = run.name === CHECK_NAME && run.app?.id === scope.bot.options.appId;
  if (payload.action === "completed" && run.name === EVIDENCE_CHECK_NAME) return onEvidence(scope, payload);
  if (ours && payload.action === "rerequested") {
    for (const number of await pullsFor(scope, payload))
      await syncPull(scope, await getPull(scope, number, true));
  }
  if (ours && payload.action === "requested_action") return onSignOffButton(scope, payload);
  const postDeploy = run.name === POST_DEPLOY_CHECK && run.app?.id === scope.bot.options.appId;
  if (postDeploy && payload.action === "requested_action")
    return onDecideButton(
      scope,
      run.head_sha,
      payload.requested_action?.identifier ?? "",
      payload.sender.login
    );
}
async function pullsFor(scope, payload) {
  const listed = payload.check_run.pull_requests.map((pr) => pr.number);
  if (listed.length > 0) return listed;
  const open = await scope.gh.listOpenPulls();
  return open.filter((pull) => pull.headSha === payload.check_run.head_sha).map((pull) => pull.number);
}
async function onEvidence(scope, payload) {
  const run = payload.check_run;
  const { owner, repo } = scope.gh.repo;
  const queued = pullFromMergeQueueRef(run.check_suite?.head_branch ?? "") ?? scope.bot.memory.pr.mergeGroups.get(`${owner}/${repo}@${run.head_sha}`);
  if (queued !== void 0) return judgeMergeGroup(scope, queued, run.head_sha);
  for (const number of await pullsFor(scope, payload)) {
    await runPrStep(scope, number, {
      open: { refreshPull: true },
      read: (session) => evidenceSource(
        scope,
        session,
        { appSlug: run.app?.slug, headSha: run.head_sha, text: run.output?.text },
        { sha: session.pull.headSha, pullNumber: number, pull: session.pull }
      ),
      decide(session, source) {
        const { pull } = session;
        const judgement = judgeEvidence(
          source,
          session.setup,
          foldLedger(session.ledger),
          scope.bot.now().toISOString()
        );
        if (!judgement.accepted) {
          scope.log.warn({ pr: session.key, run: run.id, reason: judgement.reason }, "check results ignored");
          return run.head_sha === pull.headSha ? { resultNotes: { sha: pull.headSha, notes: [judgement.reason] } } : void 0;
        }
        scope.log.info(
          { pr: session.key, results: judgement.events.length, refused: judgement.refused.length },
          "check results applied"
        );
        return {
          events: judgement.events,
          resultNotes: { sha: pull.headSha, notes: refusalNotes(judgement.refused) }
        };
      }
    });
  }
}
async function onSignOffButton(scope, payload) {
  const identifier = payload.requested_action?.identifier ?? "";
  const actor = payload.sender.login;
  for (const number of await pullsFor(scope, payload)) {
    await runPrStep(scope, number, {
      coalesce: true,
      async read(session) {
        const change = planSignOff(identifier, session.setup.checklist, foldLedger(session.ledger));
        return change ? { change, facts: await lookUpChangeFacts(scope, session, actor, [change]) } : void 0;
      },
      decide(session, read) {
        if (!read) return void 0;
        const decisions = authorizeChanges(session, actor, [read.change], read.facts);
        return {
          events: tickEvents(
            decisions,
            actor,
            scope.bot.now().toISOString(),
            session.pull.headSha,
            scope.delivery
          ),
          explanations: rejectionMessages(decisions)
        };
      }
    });
  }
}

// src/bot/events/on-doctor.ts
async function onDoctor(scope, number, actor) {
  if (!hasPermission(await permissionOf(scope, actor), "write")) {
    await reply(scope, number, `@${actor} shipgate commands need write access to the repository.`);
    return;
  }
  const { owner, repo } = scope.gh.repo;
  const auth = scope.bot.auth;
  if (!auth) {
    await reply(
      scope,
      number,
      `@${actor} \`/shipgate doctor\` needs the shipgate app's credentials; run \`APP_ID=\u2026 PRIVATE_KEY=\u2026 npx shipgate doctor --repo ${owner}/${repo}\` instead.`
    );
    return;
  }
  const report = await scope.bot.memory.repository.doctorReports.getOrLoad(`${owner}/${repo}`, async () => {
    const { text, code } = await doctorReport({ appId: scope.bot.options.appId, auth }, scope.gh.repo);
    const lines = text.trimEnd().split("\n");
    const head = code === 0 ? `shipgate doctor: ${owner}/${repo} is set up correctly.` : `shipgate doctor: ${lines.filter((line) => line.startsWith("\u2718")).length} problem(s) in ${owner}/${repo}, each with its fix:`;
    return [head, "", ...lines.map((line) => `- ${line}`)].join("\n");
  });
  await reply(scope, number, `@${actor} ${report}`);
}

// src/bot/events/on-governance.ts
function isGovernanceCommand(command) {
  return ["freeze", "unfreeze", "exception", "break-glass", "note"].includes(command.name);
}
async function holdsGovernanceRole(scope, config, roles, actor) {
  if (!roles) return hasPermission(await permissionOf(scope, actor), "admin");
  const login = actor.toLowerCase();
  for (const name of roles) {
    const role = config.roles[name];
    if (!role) continue;
    if (role.users.some((user) => user.toLowerCase() === login)) return true;
    for (const team of role.teams) {
      const [org = "", slug = ""] = team.split("/");
      const member = await scope.bot.memory.access.teams.getOrLoad(
        `${team.toLowerCase()}:${login}`,
        () => scope.gh.isTeamMember(org, slug, actor)
      );
      if (member) return true;
    }
  }
  return false;
}
function mentionsOf(config, roles) {
  const names = /* @__PURE__ */ new Set();
  for (const name of roles) {
    const role = config.roles[name];
    for (const user of role?.users ?? []) names.add(`@${user}`);
    for (const team of role?.teams ?? []) names.add(`@${team}`);
  }
  return [...names].join(" ");
}
var who = (roles) => roles ? `the role${roles.length > 1 ? "s" : ""} ${roles.map((role) => `\`${role}\``).join(", ")}` : "repository admins";
async function onGovernanceCommand(scope, pull, command, actor) {
  const number = pull.number;
  const setup = await getSetup(scope, pull);
  const config = setup.config;
  if (!isReleasePull(config, pull)) return;
  const merged = Boolean(pull.mergeCommitSha);
  if (!pull.open && !(merged && command.name === "note")) return;
  const now = scope.bot.now().toISOString();
  const zone = config.windows?.timezone ?? "UTC";
  switch (command.name) {
    case "note": {
      if (!hasPermission(await permissionOf(scope, actor), config.manualPermission)) {
        await reply(
          scope,
          number,
          `@${actor} notes need ${config.manualPermission} access to the repository.`
        );
        return;
      }
      const item = setup.checklist.items.find((candidate) => candidate.id === command.item);
      if (!item || command.text.length < 3) {
        await reply(
          scope,
          number,
          `@${actor} ${item ? "a note needs some text" : `no checklist item with id \`${escapeInline(command.item, 80)}\``}: \`/shipgate note <item-id> <text>\`.`
        );
        return;
      }
      return runPrStep(scope, number, {
        open: { pull },
        decide: (session) => ({
          events: [
            {
              t: "note",
              item: item.id,
              by: actor,
              at: now,
              sha: session.pull.headSha,
              text: command.text.slice(0, 500)
            }
          ]
        })
      });
    }
    case "exception": {
      const roles = config.windows?.roles;
      if (!await holdsGovernanceRole(scope, config, roles, actor)) {
        await reply(scope, number, `@${actor} only ${who(roles)} may grant a change-window exception.`);
        return;
      }
      if (command.reason.length < 3) {
        await reply(
          scope,
          number,
          `@${actor} an exception needs a reason: \`/shipgate exception <reason>\`.`
        );
        return;
      }
      return runPrStep(scope, number, {
        open: { pull },
        decide: (session) => ({
          events: [
            {
              t: "exception",
              by: actor,
              at: now,
              sha: session.pull.headSha,
              reason: command.reason.slice(0, 300)
            }
          ]
        }),
        after: () => reply(
          scope,
          number,
          `\u23E9 @${actor} granted this release an exception to the change window and freezes: ${escapeInline(command.reason, 300)} (recorded in the signed ledger).`
        )
      });
    }
    case "break-glass":
      return breakGlass(scope, pull, command.reason, actor);
    case "freeze": {
      const roles = config.windows?.roles;
      if (!await holdsGovernanceRole(scope, config, roles, actor)) {
        await reply(scope, number, `@${actor} only ${who(roles)} may freeze the repository.`);
        return;
      }
      const until = freezeUntil(command.until, now, zone);
      if (!until || command.reason.length < 3) {
        await reply(
          scope,
          number,
          `@${actor} \`/shipgate freeze <until|duration> <reason>\`: until a date (\`2026-12-24\`, through that day in ${zone}), a local time (\`2026-12-24T18:00\`) or for a duration (\`4h\`, \`2d\`, \`1w\`), in the future, with a reason.`
        );
        return;
      }
      const freeze = { until, reason: command.reason.slice(0, 300), by: actor, at: now };
      const local2 = localText(until, zone);
      const issue = await setFreeze(
        scope,
        freeze,
        `The repository is frozen for releases until **${local2}** by @${actor} (set on #${number}): ${escapeInline(freeze.reason, 300)}

Release PRs stay pending and deployments are rejected until then. Lift it with \`/shipgate unfreeze\` on a release PR (${who(roles)}); closing this issue does not.`
      );
      await recordEverywhere(scope, (sha) => ({ t: "freeze", sha, ...freeze }));
      await reply(
        scope,
        number,
        `\u{1F9CA} @${actor} froze releases until **${local2}**: ${escapeInline(freeze.reason, 300)} (#${issue}). Lift it with \`/shipgate unfreeze\`.`
      );
      return;
    }
    case "unfreeze": {
      const roles = config.windows?.roles;
      if (!await holdsGovernanceRole(scope, config, roles, actor)) {
        await reply(scope, number, `@${actor} only ${who(roles)} may lift a freeze.`);
        return;
      }
      if (!await currentFreeze(scope)) {
        await reply(scope, number, `@${actor} no freeze set by \`/shipgate freeze\` is in force.`);
        return;
      }
      const lifted = await liftFreeze(scope, actor, `Freeze lifted by @${actor} on #${number} at ${now}.`);
      if (!lifted) return;
      await recordEverywhere(scope, (sha) => ({ t: "unfreeze", by: actor, at: now, sha }));
      await reply(scope, number, `\u{1F324} @${actor} lifted the freeze (#${lifted.issue}).`);
      return;
    }
  }
}
async function recordEverywhere(scope, event) {
  for (const open of await scope.gh.listOpenPulls()) {
    const setup = await getSetup(scope, open);
    if (!isReleasePull(setup.config, open)) continue;
    await runPrStep(scope, open.number, {
      open: { pull: open },
      decide: (session) => ({ events: [event(session.pull.headSha)] })
    });
  }
}
async function breakGlass(scope, pull, reason, actor) {
  const number = pull.number;
  const setup = await getSetup(scope, pull);
  const config = setup.config;
  const roles = config.breakGlass.roles;
  if (!await holdsGovernanceRole(scope, config, roles, actor)) {
    await reply(scope, number, `@${actor} only ${who(roles)} may break glass.`);
    return;
  }
  if (reason.length < 10) {
    await reply(
      scope,
      number,
      `@${actor} break-glass needs a reason of at least 10 characters: \`/shipgate break-glass <reason>\`.`
    );
    return;
  }
  const nowMs = scope.bot.now().getTime();
  const due = new Date(nowMs + durationMs(config.breakGlass.reviewWithin)).toISOString();
  await runPrStep(scope, number, {
    open: { pull },
    read: (session) => pullNotApplicable(scope, session.pull, session.setup.checklist, config),
    decide(session, notApplicable) {
      const gate = releaseGates({
        checklist: session.setup.checklist,
        states: foldLedger(session.ledger),
        headSha: session.pull.headSha,
        notApplicable: [...notApplicable.keys()]
      }).preMerge;
      const skipped = [...new Set(gate.blockers.flatMap((blocker) => blocker.items))];
      return {
        outcome: skipped,
        events: [
          {
            t: "break-glass",
            by: actor,
            at: new Date(nowMs).toISOString(),
            sha: session.pull.headSha,
            reason: reason.slice(0, 300),
            skipped,
            due
          }
        ]
      };
    },
    async after({ session, outcome }) {
      const skipped = outcome ?? [];
      const skippedRoles = [
        ...new Set(
          session.setup.checklist.items.filter((item) => skipped.includes(item.id) && item.role).map((item) => item.role)
        )
      ];
      const mention2 = mentionsOf(config, [...skippedRoles, ...roles ?? []]);
      const texts = new Map(session.setup.checklist.items.map((item) => [item.id, item.text]));
      await reply(
        scope,
        number,
        [
          `## \u{1F6A8} BREAK-GLASS: emergency change by @${actor}`,
          "",
          `> ${escapeInline(reason, 300)}`,
          "",
          `The \`shipgate\` gate passes for \`${session.pull.headSha.slice(0, 7)}\` now, with ${skipped.length} required item(s) not done. This is recorded in the signed ledger and the audit record.`,
          `**Post-review obligation:** after the merge, the skipped sign-offs and items must be given on this PR's checklist by **${due}** (\`breakGlass.reviewWithin\`: ${config.breakGlass.reviewWithin}); until then \`shipgate/post-review\` stays pending on the merge commit, and when overdue it escalates.`,
          "",
          ...skipped.slice(0, 30).map((id) => `- [ ] ${escapeInline(texts.get(id) ?? id, 120)}`),
          ...mention2 ? ["", `cc ${mention2}`] : []
        ].join("\n")
      );
    }
  });
}

// src/bot/events/on-command.ts
async function onCommand(scope, payload) {
  if (payload.sender.login === scope.bot.botLogin() || payload.sender.type === "Bot") return;
  if (!payload.issue.pull_request) return;
  const command = parseCommand(payload.comment.body ?? "");
  if (!command || command.name === "sign-off" || command.name === "cutover") return;
  const number = payload.issue.number;
  const actor = payload.sender.login;
  const pull = await getPull(scope, number, true);
  if (command.name === "doctor") return pull.open ? onDoctor(scope, number, actor) : void 0;
  if (isGovernanceCommand(command)) return onGovernanceCommand(scope, pull, command, actor);
  if (!pull.open || !isReleasePull((await getSetup(scope, pull)).config, pull)) return;
  if (!hasPermission(await permissionOf(scope, actor), "write")) {
    await reply(scope, number, `@${actor} shipgate commands need write access to the repository.`);
    return;
  }
  switch (command.name) {
    case "refresh":
      await syncPull(scope, pull);
      return;
    case "status":
      return runPrStep(scope, number, {
        open: { pull },
        after: ({ projection }) => reply(scope, number, statusReply(projection, pull.headSha))
      });
    case "waive": {
      return runPrStep(scope, number, {
        open: { pull },
        decide(session) {
          const decision = decideWaive(command, session.setup.checklist.items);
          if (!decision.ok)
            return { effects: [{ kind: "reply", body: `@${actor} cannot waive: ${decision.message}` }] };
          const at = scope.bot.now().toISOString();
          return {
            events: [
              {
                t: "waive",
                item: decision.item,
                by: actor,
                at,
                sha: session.pull.headSha,
                reason: decision.reason
              }
            ]
          };
        }
      });
    }
    case "na": {
      return runPrStep(scope, number, {
        open: { pull },
        decide(session) {
          const decision = planNotApplicable({
            item: command.item,
            by: actor,
            reason: command.reason,
            at: scope.bot.now().toISOString(),
            sha: pull.headSha,
            items: session.setup.checklist.items
          });
          if (!decision.ok)
            return { effects: [{ kind: "reply", body: `@${actor} cannot mark N/A: ${decision.message}` }] };
          return { events: [decision.event] };
        }
      });
    }
    case "unknown":
      await reply(scope, number, COMMAND_HELP);
      return;
    case "rollback":
    case "decide":
      return;
  }
}
var COMMAND_HELP = "Unknown command. Use `/shipgate refresh`, `/shipgate status`, `/shipgate sign-off <role>`, `/shipgate cutover <percent>`, `/shipgate decide <item-id> pass|fail <reason>`, `/shipgate waive <item-id> <reason>`, `/shipgate na <item-id> <reason>`, `/shipgate note <item-id> <text>`, `/shipgate freeze <until|duration> <reason>`, `/shipgate unfreeze`, `/shipgate exception <reason>`, `/shipgate break-glass <reason>` or `/shipgate doctor`.";

// src/core/gate/incident.ts
var DEFAULT_SEVERITIES = [
  { level: "P0", meaning: "Complete outage", response: "5 minutes" },
  { level: "P1", meaning: "Critical function broken", response: "15 minutes" },
  { level: "P2", meaning: "Degraded performance", response: "1 hour" },
  { level: "P3", meaning: "Minor issue", response: "4 hours" }
];
var MEANING = /^\s*[-*]\s+\*{0,2}(P\d)\*{0,2}\s*:\s*(.+?)\s*$/;
var RESPONSE = /^\s*[-*]\s+\*{0,2}(P\d)\*{0,2}\s*:\s*(\d+\s*(?:min(?:ute)?s?|h(?:our)?s?|hrs?))\s*$/i;
function incidentSeverities(checklist) {
  const texts = checklist.lines.flatMap((line) => line.type === "text" ? [line.text] : []);
  const start = texts.findIndex((text) => /^#{1,6}\s.*incident\s+response/i.test(text));
  if (start < 0) return DEFAULT_SEVERITIES.map((level) => ({ ...level }));
  const depth = /^(#+)/.exec(texts[start] ?? "")?.[1]?.length ?? 2;
  const meanings = /* @__PURE__ */ new Map();
  const responses = /* @__PURE__ */ new Map();
  for (const text of texts.slice(start + 1, start + 200)) {
    const heading = /^(#+)\s/.exec(text);
    if (heading && (heading[1]?.length ?? 0) <= depth) break;
    const response = RESPONSE.exec(text);
    if (response?.[1] && response[2]) responses.set(response[1], response[2]);
    else {
      const meaning = MEANING.exec(text);
      if (meaning?.[1] && meaning[2]) meanings.set(meaning[1], meaning[2]);
    }
  }
  const levels = [.../* @__PURE__ */ new Set([...DEFAULT_SEVERITIES.map((l) => l.level), ...meanings.keys()])].sort();
  return levels.map((level) => {
    const fallback = DEFAULT_SEVERITIES.find((l) => l.level === level);
    return {
      level,
      meaning: meanings.get(level) ?? fallback?.meaning ?? "",
      response: responses.get(level) ?? fallback?.response ?? ""
    };
  });
}
function contactLines(contacts) {
  return Object.entries(contacts).flatMap(([role, { name, contact }]) => {
    if (!name && !contact) return [];
    const who2 = name ? ` (${escapeInline(name, 80)})` : "";
    return [`${escapeInline(role, 60)}${who2}: ${contactText(contact)}`];
  });
}
var LOGIN = /(^|[^\w@])@([A-Za-z0-9][A-Za-z0-9-]{0,38})\b(?!@)/g;
function contactText(contact) {
  const logins = [];
  const marked = contact.replace(LOGIN, (_all, before, login) => {
    logins.push(login);
    return `${before}\0${logins.length - 1}\0`;
  });
  const parts = marked.split(/\u0000(\d+)\u0000/);
  return parts.map((part, index) => index % 2 === 1 ? mention(logins[Number(part)] ?? "") : keepSpaces(part)).join("").trim();
}
function keepSpaces(part) {
  const lead = /^\s/.test(part) ? " " : "";
  const trail = /\S\s+$/.test(part) ? " " : "";
  return `${lead}${escapeInline(part, 200)}${trail}`;
}
var INCIDENT_MARKER = "<!-- shipgate:incident -->";
function buildIncidentIssue(input) {
  const version = input.version ? ` v${escapeInline(input.version, 40)}` : "";
  const steps = input.steps.length > 0 ? input.steps.map((step) => `- [ ] ${escapeInline(step.text, 200)}`) : ["- [ ] Roll back the deployment", "- [ ] Verify the previous version is healthy"];
  const body = [
    INCIDENT_MARKER,
    `## \u{1F6A8} Rollback of${version} (#${input.pr.number})`,
    "",
    `- **Reason**: ${escapeInline(input.reason, 500)}`,
    `- **Pull request**: #${input.pr.number} \u2014 ${escapeInline(input.pr.title, 200)}`,
    `- **Commit**: \`${escapeInline(input.sha, 64)}\``,
    `- **Started by**: ${mention(input.startedBy)}`,
    "",
    "### Severity (pick one)",
    "",
    "| Level | Meaning | Response time |",
    "| --- | --- | --- |",
    ...input.severities.map(
      (s) => `| **${escapeInline(s.level, 10)}** | ${cell(s.meaning)} | ${cell(s.response)} |`
    ),
    "",
    ...input.severities.map((s) => `- [ ] ${escapeInline(s.level, 10)}: ${escapeInline(s.meaning, 100)}`),
    "",
    "### Rollback steps",
    "",
    ...steps,
    "",
    "### Contacts",
    "",
    ...input.contacts.length > 0 ? input.contacts.map((c) => `- ${c}`) : ["- none configured"],
    ""
  ].join("\n");
  return {
    title: `Incident: rollback of ${input.repo}${version} (PR #${input.pr.number})`.slice(0, 250),
    body,
    labels: ["incident", "rollback"]
  };
}
function cell(text) {
  return escapeInline(text, 100).replace(/\|/g, "\\|");
}

// src/core/gate/revert.ts
function revertDraft(input) {
  const short = input.mergeSha.slice(0, 7);
  const version = input.version ? ` v${escapeInline(input.version, 40)}` : "";
  const steps = input.steps.length > 0 ? input.steps.map((step) => `- [ ] ${escapeInline(step.text, 200)}`) : ["- [ ] Roll back the deployment", "- [ ] Verify the previous version is healthy"];
  return {
    title: `Revert${version} (#${input.pr.number}): rollback`.slice(0, 250),
    branch: `shipgate/revert-${input.pr.number}-${short}`,
    message: `Revert "${input.pr.title.slice(0, 100)}" (#${input.pr.number})

This reverts merge commit ${input.mergeSha} to its first parent.
Rollback: ${input.reason.slice(0, 300)}
Incident: #${input.incident}`,
    body: [
      `Reverts #${input.pr.number} (${escapeInline(input.pr.title, 200)}): merge commit \`${escapeInline(input.mergeSha, 64)}\`, restored to the tree of its first parent. Drafted by shipgate when the rollback started.`,
      "",
      `- **Reason**: ${escapeInline(input.reason, 500)}`,
      `- **Incident**: #${input.incident}`,
      `- **Started by**: ${mention(input.startedBy)}`,
      "",
      "## Rollback steps",
      "",
      ...steps,
      "",
      "A draft: traffic goes back first (the steps above); mark it ready and merge it when the release must also leave the main branch.",
      ""
    ].join("\n")
  };
}
function touchedItems(checklist, states, firedMetrics2) {
  const plan = rollbackPlan(checklist);
  const rollbackIds = new Set([...plan.triggers, ...plan.steps].map((item) => item.id));
  return checklist.items.filter((item) => {
    if (item.phase !== "post-deploy" || item.kind !== "auto" || item.check !== "prometheus") return false;
    if (rollbackIds.has(item.id) || !states[item.id]?.checked || states[item.id]?.waived) return false;
    const metric = typeof item.params.metric === "string" ? item.params.metric : void 0;
    return firedMetrics2 === void 0 || metric !== void 0 && firedMetrics2.has(metric);
  });
}
function reopenEvent(items, at, sha, reason) {
  if (items.length === 0) return [];
  return [
    {
      t: "invalidate",
      items: items.map((item) => item.id),
      at,
      sha,
      reason: `reopened by the rollback: ${reason}`.slice(0, 300)
    }
  ];
}
function firedMetrics(fired) {
  return new Set(
    fired.flatMap((item) => typeof item.params.metric === "string" ? [item.params.metric] : [])
  );
}

// src/bot/events/on-rollback.ts
function isRollbackCommand(payload) {
  return parseCommand(payload.comment.body ?? "")?.name === "rollback";
}
async function onRollbackCommand(scope, payload) {
  if (payload.sender.login === scope.bot.botLogin() || payload.sender.type === "Bot" || !payload.issue.pull_request)
    return;
  const command = parseCommand(payload.comment.body ?? "");
  if (command?.name !== "rollback") return;
  const number = payload.issue.number;
  const actor = payload.sender.login;
  const pull = await getPull(scope, number, true);
  if (!(pull.open || pull.mergeCommitSha) || !isReleasePull((await getSetup(scope, pull)).config, pull))
    return;
  if (!hasPermission(await permissionOf(scope, actor), "write")) {
    await reply(scope, number, `${mention(actor)} shipgate commands need write access to the repository.`);
    return;
  }
  if (command.reason.length < 3) {
    await reply(
      scope,
      number,
      `${mention(actor)} a rollback needs a reason: \`/shipgate rollback <reason>\``
    );
    return;
  }
  await startRollback(scope, number, {
    actor,
    reason: command.reason.slice(0, 300),
    source: `comment:${payload.comment.id}`
  });
}
async function startRollback(scope, number, request) {
  const repo = `${scope.gh.repo.owner}/${scope.gh.repo.repo}`;
  await runPrStep(scope, number, {
    // the version (package.json at worst) is looked up only for a rollback that starts
    read: async (session) => {
      const status = rollbackStatus(session.setup.checklist, foldLedger(session.ledger));
      if (status.started || request.reason === void 0 && status.fired.length === 0) return void 0;
      return releaseVersion(scope, session);
    },
    decide(session, version, performed) {
      const { pull, setup } = session;
      const status = rollbackStatus(setup.checklist, foldLedger(session.ledger));
      if (status.started) {
        if (request.reason === void 0) return void 0;
        const body = `${mention(request.actor)} a rollback is already in progress${status.started.incident ? ` (incident #${status.started.incident})` : ""}.`;
        return { effects: [{ kind: "reply", body }] };
      }
      if (request.reason === void 0 && status.fired.length === 0) return void 0;
      const reason = request.reason ?? (request.detail ? `rollback trigger: ${request.detail}` : `rollback trigger: ${status.fired.map((item) => item.text).join("; ")}`).slice(0, 300);
      const sha = pull.mergeCommitSha ?? pull.headSha;
      const contacts = contactLines(setup.config.contacts);
      const activated = setup.checklist.items.filter((item) => status.activated.includes(item.id));
      const steps = activated.length > 0 ? activated : rollbackPlan(setup.checklist).steps;
      const incident = performed.incident;
      if (incident === void 0)
        return {
          performFirst: {
            kind: "open-incident",
            issue: buildIncidentIssue({
              repo,
              pr: { number, title: pull.title },
              sha,
              ...version ? { version } : {},
              reason,
              startedBy: request.actor,
              severities: incidentSeverities(setup.checklist),
              steps,
              contacts
            })
          }
        };
      let answer = [
        `\u{1F504} **Rollback started** by ${mention(request.actor)}: ${escapeInline(reason, 300)}`,
        "",
        `Incident: #${incident} \xB7 the rollback steps are now required in the checklist.`,
        ...contacts.length > 0 ? ["", "Contacts:", ...contacts.map((line) => `- ${line}`)] : []
      ].join("\n");
      scope.log.warn({ pr: session.key, incident, sha, by: request.actor }, "rollback started");
      const at = scope.bot.now().toISOString();
      const touched = touchedItems(
        setup.checklist,
        foldLedger(session.ledger),
        request.reason === void 0 ? firedMetrics(status.fired) : void 0
      );
      if (touched.length > 0)
        answer += `

Reopened: ${touched.map((item) => `\u201C${escapeInline(item.text, 80)}\u201D`).join(", ")}.`;
      const effects = [];
      if (pull.mergeCommitSha) {
        const draft = revertDraft({
          pr: { number, title: pull.title },
          mergeSha: pull.mergeCommitSha,
          ...version ? { version } : {},
          reason,
          startedBy: request.actor,
          incident,
          steps
        });
        effects.push({
          kind: "draft-revert",
          revert: {
            mergeSha: pull.mergeCommitSha,
            branch: draft.branch,
            base: pull.baseRef,
            title: draft.title,
            body: draft.body,
            message: draft.message
          },
          incident,
          announce: answer
        });
      } else effects.push({ kind: "reply", body: answer });
      const rollbackWorkflow = setup.config.telemetry?.rollback?.dispatch;
      if (rollbackWorkflow)
        effects.push({
          kind: "dispatch-workflow",
          file: rollbackWorkflow.workflow.replace(/^\.github\/workflows\//, ""),
          ref: rollbackWorkflow.ref,
          inputs: { sha, incident: String(incident) },
          why: "rollback workflow"
        });
      return {
        events: [
          { t: "rollback", by: request.actor, at, sha, reason, source: request.source, incident },
          ...reopenEvent(touched, at, sha, reason)
        ],
        effects
      };
    }
  });
}

// src/bot/events/stale-write.ts
async function repairStaleWrite(scope, payload) {
  const body = payload.comment.body ?? "";
  if (!payload.issue.pull_request || payload.comment.user?.login !== scope.bot.botLogin()) return;
  const key = prKey(scope.gh, payload.issue.number);
  const written = await lastWrittenLedger(scope, key);
  if (!written) return;
  const echoed = decodeStateBlock(body);
  const echoedLength = echoed.found && "ledger" in echoed ? ledgerLength(echoed.ledger) : -1;
  if (echoedLength >= ledgerLength(written)) return;
  await runPrStep(scope, payload.issue.number, {
    open: { refreshComment: true },
    after: ({ session }) => {
      if (ledgerLength(session.ledger) > echoedLength)
        scope.log.warn(
          { pr: key },
          "an older checklist write may have landed after a newer one; state re-checked"
        );
    }
  });
}

// src/bot/events/on-comment-edited.ts
function isChecklistComment(scope, payload) {
  return payload.comment.user?.login === scope.bot.botLogin() && (payload.comment.body ?? "").includes(COMMENT_MARKER);
}
function isBotSender(scope, payload) {
  return payload.sender.login === scope.bot.botLogin();
}
async function onChecklistEdited(scope, payload) {
  if (isBotSender(scope, payload)) return repairStaleWrite(scope, payload);
  if (!isChecklistComment(scope, payload) || !payload.issue.pull_request) return;
  const number = payload.issue.number;
  const actor = payload.sender.login;
  const before = payload.changes?.body?.from ?? "";
  const after = payload.comment.body ?? "";
  const pull = await getPull(scope, number);
  if (!isReleasePull((await getSetup(scope, pull)).config, pull)) return;
  const live = scope.bot.memory.pr.comments.get(prKey(scope.gh, number)) ?? await findChecklistComment(scope, number);
  if (live?.id !== payload.comment.id) {
    scope.log.info(
      { pr: number, comment: payload.comment.id },
      "edit of a checklist that is not the live one ignored"
    );
    return;
  }
  const delivery = scope.delivery;
  const outcome = await runPrStep(scope, number, {
    coalesce: true,
    open: {
      pull,
      comment: { id: payload.comment.id, body: after, author: payload.comment.user?.login ?? "" },
      candidates: [before]
    },
    async read(session) {
      const ticks = session.comment?.body === after && session.parsed ? session.parsed : parseChecklistComment(after, session.setup.checklist);
      if (delivery && hasDelivery(session.ledger, delivery)) return { ticks };
      const renderedFor = renderedForHead(before);
      if (renderedFor && renderedFor !== session.pull.headSha) return { ticks };
      const plan = planTicks({
        checklist: session.setup.checklist,
        before,
        after: ticks,
        states: foldLedger(session.ledger),
        headSha: session.pull.headSha,
        notApplicable: await pullNotApplicable(
          scope,
          session.pull,
          session.setup.checklist,
          session.setup.config
        )
      });
      return { ticks, plan, facts: await lookUpChangeFacts(scope, session, actor, plan.changes) };
    },
    decide(session, { ticks, plan, facts }) {
      const triggers = rollbackPlan(session.setup.checklist).triggers;
      const outcome2 = { triggerTicked: triggers.some((trigger) => ticks.items.get(trigger.id)?.checked) };
      if (delivery && hasDelivery(session.ledger, delivery)) {
        scope.log.info(
          { pr: session.key, delivery },
          "edit already applied (replayed delivery); nothing to do"
        );
        return { outcome: outcome2 };
      }
      const renderedFor = renderedForHead(before);
      if (renderedFor && renderedFor !== session.pull.headSha) {
        scope.log.warn(
          { pr: session.key, actor, renderedFor },
          "edit of a checklist rendered for an older commit"
        );
        return {
          explanations: [
            `@${actor} your change was made on the checklist for ${renderedFor.slice(0, 7)}, before the push of ${session.pull.headSha.slice(0, 7)}: nothing was recorded, tick again`
          ],
          outcome: outcome2
        };
      }
      if (!plan || !facts) return { outcome: outcome2 };
      const decisions = authorizeChanges(session, actor, plan.changes, facts);
      const accepted = decisions.filter((d) => d.ok);
      scope.bot.metrics?.tickDecisions(accepted.length, decisions.length - accepted.length);
      scope.log.info(
        {
          pr: session.key,
          actor,
          accepted: accepted.map((d) => d.change.item.id),
          rejected: decisions.filter((d) => !d.ok).map((d) => d.change.item.id),
          ignored: plan.ignored
        },
        "checklist edit handled"
      );
      return {
        events: tickEvents(decisions, actor, scope.bot.now().toISOString(), session.pull.headSha, delivery),
        explanations: rejectionMessages(decisions),
        outcome: outcome2
      };
    }
  });
  if (outcome?.triggerTicked) await startRollback(scope, number, { actor, source: "trigger" });
}
async function onChecklistDeleted(scope, payload) {
  if (isBotSender(scope, payload) || !isChecklistComment(scope, payload) || !payload.issue.pull_request)
    return;
  const deleted = {
    id: payload.comment.id,
    body: payload.comment.body ?? "",
    author: payload.comment.user?.login ?? ""
  };
  await runPrStep(scope, payload.issue.number, {
    // the session opens without the deleted comment (its ledger copy still counts): the write posts it again
    open: { candidates: [deleted.body], deleted },
    decide(session) {
      scope.log.warn(
        { pr: session.key, by: payload.sender.login },
        "checklist comment was deleted; re-posted"
      );
      return void 0;
    }
  });
}

// src/core/decide/deployment-decision.ts
var MAX_CALLBACK_COMMENT = 1e3;
function decideDeployment(input) {
  const short = input.sha.slice(0, 7);
  const env = escapeInline(input.environment, 100);
  const protectedEnv = input.protectedEnvironments.some(
    (name) => name.toLowerCase() === input.environment.toLowerCase()
  );
  if (!protectedEnv) return { state: "approved", comment: `shipgate does not gate the ${env} environment` };
  if (input.problems && input.problems.length > 0)
    return {
      state: "rejected",
      comment: cut(`shipgate configuration is invalid: ${escapeInline(input.problems[0] ?? "", 300)}`)
    };
  const complete = input.candidates.find((candidate) => candidate.gate.conclusion === "success");
  if (complete)
    return {
      state: "approved",
      comment: cut(
        `release PR #${complete.number} has a complete shipgate gate for ${short}: ${complete.gate.summary}`
      ),
      pr: complete.number
    };
  const first = input.candidates[0];
  if (!first)
    return { state: "rejected", comment: `no release PR with a complete shipgate gate for ${short}` };
  return {
    state: "rejected",
    comment: cut(`release PR #${first.number} is not ready for ${env} (${short}): ${first.gate.summary}`),
    pr: first.number
  };
}
function cut(text) {
  return text.length > MAX_CALLBACK_COMMENT ? `${text.slice(0, MAX_CALLBACK_COMMENT - 1)}\u2026` : text;
}

// src/bot/events/on-deployment.ts
var MAX_CANDIDATES = 5;
async function onDeploymentProtectionRule(scope, payload) {
  if (payload.action !== "requested") return;
  const runId = runIdFromCallback(payload.deployment_callback_url);
  if (runId === void 0) {
    scope.log.warn({ url: payload.deployment_callback_url }, "deployment callback URL not understood");
    return;
  }
  const sha = payload.deployment?.sha ?? payload.sha ?? "";
  const environment = payload.environment;
  const setup = await getSetup(scope);
  const protectedEnvironments = setup.config.deploymentProtection.environments;
  const pulls = sha ? await releasePullsFor(scope, sha, (pull) => isReleasePull(setup.config, pull)) : [];
  const candidates = [];
  for (const found of pulls.slice(0, MAX_CANDIDATES)) {
    await runPrStep(scope, found.number, {
      open: { pull: found },
      after: ({ session, projection }) => {
        candidates.push({ number: found.number, gate: projection.gates.preMerge, session });
      }
    });
  }
  const decision = decideDeployment({
    environment,
    protectedEnvironments,
    sha,
    candidates,
    problems: setup.problems
  });
  const held = decision.state === "approved" ? candidates.find((c) => c.number === decision.pr) : void 0;
  if (held && waitsForCutover(held.session, environment)) {
    await holdDeployment(scope, held.session, { runId, environment });
    scope.log.info({ sha, environment, pr: held.number }, "deployment held for the cutover windows");
    return;
  }
  await reviewDeployment(scope, runId, { environment, state: decision.state, comment: decision.comment });
  scope.log.info({ sha, environment, state: decision.state, pr: decision.pr }, "deployment reviewed");
  const rejected = decision.state === "rejected" ? candidates.find((c) => c.number === decision.pr) : void 0;
  if (!rejected) return;
  const report = buildCheckReport({
    gate: rejected.gate,
    checklist: rejected.session.setup.checklist,
    config: rejected.session.setup.config,
    problems: rejected.session.setup.problems
  });
  await reply(
    scope,
    rejected.number,
    `\u{1F6D1} shipgate rejected the deployment of \`${sha.slice(0, 7)}\` to **${escapeInline(environment, 100)}**: the release checklist is not complete.

${report.summary}`
  );
}
async function onDeploymentStatus(scope, payload) {
  if (payload.deployment_status.state !== "success") return;
  const sha = payload.deployment.sha;
  const environment = payload.deployment_status.environment ?? payload.deployment.environment ?? "";
  const setup = await getSetup(scope);
  const gated = setup.config.deploymentProtection.environments.some(
    (name) => name.toLowerCase() === environment.toLowerCase()
  );
  if (!gated) return;
  const pulls = await releasePullsFor(scope, sha, (pull) => isReleasePull(setup.config, pull));
  for (const found of pulls.filter((pull) => pull.mergeCommitSha === sha).slice(0, MAX_CANDIDATES)) {
    await runPrStep(scope, found.number, {
      open: { pull: found },
      after: ({ session }) => scope.log.info({ pr: session.key, environment, sha }, "deployed; tracking post-deploy items")
    });
  }
}
async function releasePullsFor(scope, sha, isRelease) {
  const pulls = await scope.gh.pullsForCommit(sha);
  return pulls.filter((pull) => pull.open || pull.mergeCommitSha).filter((pull) => pull.headSha === sha || pull.mergeCommitSha === sha).filter(isRelease).sort((a, b) => Number(Boolean(b.mergeCommitSha)) - Number(Boolean(a.mergeCommitSha)));
}

// src/bot/events/on-merged.ts
async function onMerged(scope, payload) {
  const pull = pullOf(payload);
  if (!pull.mergeCommitSha) return;
  scope.bot.memory.pr.pulls.set(prKey(scope.gh, pull.number), pull);
  const setup = await getSetup(scope, pull);
  if (!isReleasePull(setup.config, pull)) return;
  await runPrStep(scope, pull.number, {
    open: { pull },
    decide: () => ({ withAudit: true }),
    async after({ session, projection, facts }) {
      await attachAuditToRelease(scope, session, projection, facts.version);
      scope.log.info(
        { pr: session.key, merge: pull.mergeCommitSha },
        "release merged; audit record attached"
      );
    }
  });
}

// src/core/evidence/post-deploy-evidence.ts
function isPostDeployEvidenceText(text) {
  const parsed = parseEvidenceText(text);
  return parsed.ok && parsed.evidence.phase === "post-deploy";
}
function judgePostDeployEvidence(source, policy, states, at) {
  const { mergeSha, ...rest } = source;
  return judgeEvidence({ ...rest, expectedSha: mergeSha }, policy, states, at, "post-deploy");
}

// src/core/telemetry/rollback-triggers.ts
function judgeTriggerResults(checklist, events) {
  const triggers = new Map(rollbackPlan(checklist).triggers.map((item) => [item.id, item]));
  const out = [];
  const fired = [];
  for (const event of events) {
    const trigger = event.t === "result" ? triggers.get(event.item) : void 0;
    if (event.t !== "result" || !trigger) {
      out.push(event);
      continue;
    }
    if (event.status === "pass") continue;
    if (event.status !== "fail" || trigger.params.dryRun === true) {
      out.push(event);
      continue;
    }
    out.push({ ...event, status: "pass", summary: `breached: ${event.summary}`.slice(0, 500) });
    fired.push({ item: event.item, text: trigger.text, summary: event.summary });
  }
  return { events: out, fired };
}

// src/bot/events/on-post-deploy-evidence.ts
function isPostDeployEvidence(payload) {
  const run = payload.check_run;
  return payload.action === "completed" && run.name === EVIDENCE_CHECK_NAME && isPostDeployEvidenceText(run.output?.text);
}
async function onPostDeployEvidence(scope, payload) {
  const run = payload.check_run;
  const merged = (await scope.gh.pullsForCommit(run.head_sha)).filter(
    (pull) => pull.mergeCommitSha === run.head_sha
  );
  if (merged.length === 0) {
    scope.log.info({ sha: run.head_sha }, "post-deploy results for a commit that merged no PR; ignored");
    return;
  }
  for (const found of merged) {
    const outcome = await runPrStep(scope, found.number, {
      open: { refreshPull: true },
      read: async (session) => {
        const mergeSha = session.pull.mergeCommitSha;
        if (!mergeSha) return void 0;
        return evidenceSource(
          scope,
          session,
          { appSlug: run.app?.slug, headSha: run.head_sha, text: run.output?.text },
          { sha: mergeSha }
        );
      },
      decide(session, read) {
        const mergeSha = session.pull.mergeCommitSha;
        if (!mergeSha || !read) return void 0;
        const { expectedSha: _sha, ...source } = read;
        const judgement = judgePostDeployEvidence(
          { ...source, mergeSha },
          session.setup,
          foldLedger(session.ledger),
          scope.bot.now().toISOString()
        );
        if (!judgement.accepted) {
          scope.log.warn(
            { pr: session.key, run: run.id, reason: judgement.reason },
            "post-deploy results ignored"
          );
          return { resultNotes: { sha: mergeSha, notes: [judgement.reason] } };
        }
        const triggers = judgeTriggerResults(session.setup.checklist, judgement.events);
        const fired2 = triggers.fired;
        const inconclusive2 = triggers.events.flatMap(
          (event) => event.t === "result" && event.status === "skipped" && /inconclusive/.test(event.summary) ? [{ item: event.item, line: event.summary }] : []
        );
        scope.log.info(
          { pr: session.key, results: judgement.events.length, fired: fired2.length },
          "post-deploy results applied"
        );
        return {
          events: triggers.events,
          resultNotes: { sha: mergeSha, notes: [] },
          outcome: { fired: fired2, inconclusive: inconclusive2 }
        };
      }
    });
    const fired = outcome?.fired ?? [];
    const inconclusive = outcome?.inconclusive ?? [];
    if (inconclusive.length > 0) await askToDecide(scope, found.number, inconclusive);
    if (fired.length > 0)
      await startRollback(scope, found.number, {
        actor: scope.bot.botLogin(),
        source: `check-run:${run.id}`,
        detail: fired.map((trigger) => `${trigger.text}: ${trigger.summary}`).join("; ")
      });
  }
}

// src/core/decide/sign-off-request.ts
function signOffRoles(checklist) {
  return [
    ...new Set(checklist.items.flatMap((item) => item.kind === "signoff" && item.role ? [item.role] : []))
  ];
}
function planSignOffRequest(role, actor, checklist, states) {
  const roles = signOffRoles(checklist);
  const wanted = role.trim().toLowerCase();
  const found = roles.find((name) => name.toLowerCase() === wanted);
  if (!found) {
    const known = roles.length ? roles.map((name) => `\`${name}\``).join(", ") : "none in this checklist";
    return {
      ok: false,
      message: `${mention(actor)} cannot sign off "${escapeInline(role, 40) || "(no role)"}": unknown role (roles: ${known})`
    };
  }
  const item = checklist.items.find(
    (candidate) => candidate.kind === "signoff" && candidate.role === found && !states[candidate.id]?.checked
  );
  if (!item) return { ok: false, message: `"${roleTitle(found)}" is already signed off` };
  return { ok: true, change: { item, checked: true } };
}
function planReviewSignOffs(checklist, states) {
  return signOffRoles(checklist).flatMap((role) => {
    const item = checklist.items.find(
      (candidate) => candidate.kind === "signoff" && candidate.role === role && !states[candidate.id]?.checked
    );
    return item ? [{ item, checked: true }] : [];
  });
}

// src/bot/events/on-sign-off.ts
function isSignOffCommand(payload) {
  return Boolean(payload.issue.pull_request) && parseCommand(payload.comment.body ?? "")?.name === "sign-off";
}
async function onSignOffCommand(scope, payload) {
  if (payload.sender.login === scope.bot.botLogin() || payload.sender.type === "Bot") return;
  const command = parseCommand(payload.comment.body ?? "");
  if (command?.name !== "sign-off") return;
  const number = payload.issue.number;
  const actor = payload.sender.login;
  const pull = await getPull(scope, number, true);
  if (!pull.open && !pull.mergeCommitSha || !isReleasePull((await getSetup(scope, pull)).config, pull))
    return;
  await runPrStep(scope, number, {
    open: { pull },
    async read(session) {
      const request = planSignOffRequest(
        command.role,
        actor,
        session.setup.checklist,
        foldLedger(session.ledger)
      );
      if (!request.ok) return { request };
      return { request, facts: await lookUpChangeFacts(scope, session, actor, [request.change]) };
    },
    decide(session, { request, facts }) {
      if (!request.ok) return { explanations: [request.message] };
      const decisions = authorizeChanges(session, actor, [request.change], facts ?? /* @__PURE__ */ new Map());
      return {
        events: tickEvents(decisions, actor, scope.bot.now().toISOString(), session.pull.headSha),
        explanations: rejectionMessages(decisions)
      };
    }
  });
}
async function onReviewSignOff(scope, payload) {
  if (payload.action !== "submitted" || payload.review.state.toLowerCase() !== "approved") return;
  const actor = payload.review.user?.login ?? payload.sender.login;
  const reviewed = pullOf({ ...payload, pull_request: payload.pull_request });
  if (!reviewed.open) return;
  const setup = await getSetup(scope, reviewed);
  if (!isReleasePull(setup.config, reviewed)) return;
  await runPrStep(scope, reviewed.number, {
    coalesce: true,
    async read(session) {
      if (payload.review.commit_id && payload.review.commit_id !== session.pull.headSha) return void 0;
      const changes = planReviewSignOffs(session.setup.checklist, foldLedger(session.ledger));
      return { changes, facts: await lookUpChangeFacts(scope, session, actor, changes) };
    },
    decide(session, read) {
      if (!read) return void 0;
      const decisions = authorizeChanges(session, actor, read.changes, read.facts);
      const held = decisions.filter((decision) => decision.ok);
      if (held.length === 0) return void 0;
      return { events: tickEvents(held, actor, scope.bot.now().toISOString(), session.pull.headSha) };
    }
  });
}

// src/bot/events/handle-event.ts
async function handleEvent(event) {
  const { bot, log } = event;
  const adapt = event.adapt ?? ((gh) => gh);
  const envelope = Envelope.safeParse(event.payload);
  if (!envelope.success) return "ignored";
  if (!await bot.memory.coordinator.claimDelivery(event.id)) {
    log.info({ delivery: event.id }, "redelivered webhook ignored");
    return "duplicate";
  }
  try {
    const scope = {
      bot,
      gh: fencedGitHub(adapt(gitHubFor(event.octokit, repoOf(envelope.data)))),
      log,
      ...event.idIsDeliveryGuid === false ? {} : { delivery: event.id }
    };
    rememberRepository(scope, envelope.data.repository);
    await dispatch(scope, event.name, event.payload);
    await checkOverdueResults(scope).catch(
      (error2) => log.error({ err: error2 }, "missing-results check failed")
    );
    return "handled";
  } catch (error2) {
    await bot.memory.coordinator.releaseDelivery(event.id).catch(() => void 0);
    throw error2;
  }
}
function parseEvent(name, payload) {
  switch (name) {
    case "pull_request":
      return { name, payload: PullRequestPayload.parse(payload) };
    case "issue_comment":
      return { name, payload: IssueCommentPayload.parse(payload) };
    case "check_run":
      return { name, payload: CheckRunPayload.parse(payload) };
    case "deployment_protection_rule":
      return { name, payload: DeploymentProtectionRulePayload.parse(payload) };
    case "deployment_status":
      return { name, payload: DeploymentStatusPayload.parse(payload) };
    case "merge_group":
      return { name, payload: MergeGroupPayload.parse(payload) };
    case "pull_request_review":
      return { name, payload: PullRequestReviewPayload.parse(payload) };
    default:
      return void 0;
  }
}
async function dispatch(scope, name, payload) {
  const event = parseEvent(name, payload);
  switch (event?.name) {
    case "pull_request": {
      const parsed = event.payload;
      if (parsed.action === "closed" && parsed.pull_request.merged) return onMerged(scope, parsed);
      return onPullRequest(scope, parsed);
    }
    case "issue_comment": {
      const parsed = event.payload;
      if (parsed.action === "edited") return onChecklistEdited(scope, parsed);
      if (parsed.action === "deleted") return onChecklistDeleted(scope, parsed);
      if (parsed.action === "created" && isRollbackCommand(parsed)) return onRollbackCommand(scope, parsed);
      if (parsed.action === "created" && isSignOffCommand(parsed)) return onSignOffCommand(scope, parsed);
      if (parsed.action === "created" && isCutoverCommand(parsed)) return onCutoverCommand(scope, parsed);
      if (parsed.action === "created" && isDecideCommand(parsed)) return onDecideCommand(scope, parsed);
      if (parsed.action === "created") return onCommand(scope, parsed);
      return;
    }
    case "check_run": {
      const parsed = event.payload;
      if (isPostDeployEvidence(parsed)) return onPostDeployEvidence(scope, parsed);
      return onCheckRun(scope, parsed);
    }
    case "deployment_protection_rule":
      return onDeploymentProtectionRule(scope, event.payload);
    case "deployment_status":
      return onDeploymentStatus(scope, event.payload);
    case "merge_group":
      return onMergeGroup(scope, event.payload);
    case "pull_request_review":
      return onReviewSignOff(scope, event.payload);
  }
}

// src/github/tuning-from-env.ts
var Millis = external_exports.coerce.number().int().min(0).max(6e4).optional();
var TuningEnv = external_exports.object({
  SHIPGATE_GITHUB_WRITE_INTERVAL_MS: Millis,
  SHIPGATE_GITHUB_NOTIFY_INTERVAL_MS: Millis,
  SHIPGATE_GITHUB_RETRY_BASE_MS: Millis
});
function tuningFromEnv(env) {
  const parsed = TuningEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid Octokit tuning variable: ${parsed.error.issues[0]?.path.join(".")}`);
  }
  const values = parsed.data;
  return {
    ...values.SHIPGATE_GITHUB_WRITE_INTERVAL_MS === void 0 ? {} : { writeIntervalMs: values.SHIPGATE_GITHUB_WRITE_INTERVAL_MS },
    ...values.SHIPGATE_GITHUB_NOTIFY_INTERVAL_MS === void 0 ? {} : { notificationIntervalMs: values.SHIPGATE_GITHUB_NOTIFY_INTERVAL_MS },
    ...values.SHIPGATE_GITHUB_RETRY_BASE_MS === void 0 ? {} : {
      retryBaseMs: values.SHIPGATE_GITHUB_RETRY_BASE_MS,
      rateLimitBaseMs: values.SHIPGATE_GITHUB_RETRY_BASE_MS
    }
  };
}

// src/action/action-log.ts
function actionLog(record, bindings = {}) {
  const write = (level) => (fieldsOrMessage, message2) => {
    const fields = typeof fieldsOrMessage === "string" ? { ...bindings } : { ...bindings, ...fieldsOrMessage };
    const text = typeof fieldsOrMessage === "string" ? fieldsOrMessage : message2 ?? "";
    if (typeof fields.gate === "string") record.gate = fields.gate;
    const line = `${text} ${describe(fields)}`.trim();
    if (level === "debug") debug(line);
    else if (level === "info") info(line);
    else if (level === "warn") {
      record.warnings++;
      warning(line);
    } else error(line);
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (more) => actionLog(record, { ...bindings, ...more })
  };
}
function describe(fields) {
  const { err, ...rest } = fields;
  const error2 = err instanceof Error ? err.message : err === void 0 ? void 0 : String(err);
  const json = Object.keys(rest).length > 0 ? JSON.stringify(rest) : "";
  return [json, error2 ? `error: ${error2}` : ""].filter(Boolean).join(" ");
}

// src/bot/cutover/cutover-samples.ts
async function sampleWindow(scope, session, window, status, nowMs) {
  const { config, checklist } = session.setup;
  const prometheus = config.telemetry?.prometheus;
  const env = scope.bot.telemetryEnv ?? {};
  const url = prometheus?.url ?? env.PROMETHEUS_URL;
  const version = await releaseVersion(scope, session);
  const states = foldLedger(session.ledger);
  const wanted = window.metrics.map(({ metric, limits, dryRun }) => ({
    params: { metric, max: 0, ...window.baseline !== void 0 ? { baseline: window.baseline } : {} },
    limits,
    label: metric,
    ...dryRun ? { dryRun } : {}
  }));
  if (window.triggers) {
    for (const trigger of rollbackPlan(checklist).triggers)
      if (trigger.check === "prometheus" && !states[trigger.id]?.checked)
        wanted.push({
          params: trigger.params,
          label: `trigger \u201C${trigger.text}\u201D`,
          ...trigger.params.dryRun === true ? { dryRun: true } : {},
          trigger: { item: trigger.id, text: trigger.text }
        });
  }
  const variables = {
    ...version ? { version } : {},
    ...session.pull.mergeCommitSha ? { sha: session.pull.mergeCommitSha } : { sha: session.pull.headSha },
    ...config.environment ? { environment: config.environment } : {}
  };
  const range = {
    startSec: status.opensAt / 1e3,
    endSec: Math.min(nowMs, status.closesAt) / 1e3,
    stepSec: window.intervalMs / 1e3
  };
  const samples = [];
  for (const one of wanted) {
    const parsed = prometheusContract.params.safeParse(one.params);
    const base = {
      label: one.label,
      ...one.trigger ? { trigger: one.trigger } : {},
      ...one.dryRun ? { dryRun: true } : {}
    };
    if (!parsed.success) {
      samples.push({ ...base, unit: "", limits: {}, answer: { ok: false, reason: "bad binding" } });
      continue;
    }
    const params = parsed.data;
    const limits = one.limits ?? canaryLimits(params);
    const failureLimit = one.limits ? window.failureLimit : params.failureLimit;
    const consecutive = one.limits ? window.consecutiveFailureLimit : params.consecutiveFailureLimit;
    const resolved = resolveQuery(params, prometheus);
    const unit = resolved.ok ? resolved.unit : "";
    const entry = {
      ...base,
      unit,
      limits,
      ...failureLimit !== void 0 ? { failureLimit } : {},
      ...consecutive !== void 0 ? { consecutiveFailureLimit: consecutive } : {}
    };
    const answer = await rangeQuery({ resolved, prometheus, url, env, variables, ...range });
    const relative = hasRelativeLimits(limits);
    const baselineResolved = resolveBaselineQuery(params, prometheus, relative);
    const baseline = baselineResolved ? await rangeQuery({
      resolved: baselineResolved.ok ? { ...baselineResolved, unit, label: one.label } : baselineResolved,
      prometheus,
      url,
      env,
      variables,
      ...range
    }) : void 0;
    samples.push({ ...entry, answer, ...baseline ? { baseline } : {} });
  }
  return samples;
}
async function rangeQuery(input) {
  if (!input.url) return { ok: false, reason: NO_PROMETHEUS };
  if (!input.resolved.ok) return { ok: false, reason: input.resolved.reason };
  const filled = fillQuery(input.resolved.template, input.variables);
  if (!filled.ok) return filled;
  const auth = input.url === input.env.PROMETHEUS_URL ? prometheusAuthorization(input.prometheus, input.env) : void 0;
  const answer = await queryPrometheus(
    {
      url: input.url,
      timeoutMs: input.prometheus?.timeoutMs ?? 1e4,
      ...auth ? { authorization: auth } : {}
    },
    {
      kind: "range",
      query: filled.query,
      start: input.startSec,
      end: Math.max(input.endSec, input.startSec),
      stepSeconds: Math.max(input.stepSec, 1e-3)
    }
  );
  return answer.ok ? { ok: true, series: answer.series } : answer;
}

// src/bot/cutover/on-cutover-timer.ts
async function sampleCutover(scope, number) {
  const empty = { sampled: 0, decided: [] };
  const nowMs = scope.bot.now().getTime();
  const before = await openSession(scope, number, { refreshPull: true });
  const sampledAt = activeWindows(
    before.setup.checklist,
    foldLedger(before.ledger),
    nowMs,
    before.setup.config
  );
  if (sampledAt.length === 0) return empty;
  const samples = /* @__PURE__ */ new Map();
  for (const { window, status } of sampledAt)
    samples.set(window.item.id, {
      opensAt: status.opensAt,
      metrics: await sampleWindow(scope, before, window, status, nowMs)
    });
  const outcome = await runPrStep(scope, number, {
    read: async (session) => await loadReadings(scope.bot, session.key) ?? {},
    decide(session, saved) {
      const active = activeWindows(
        session.setup.checklist,
        foldLedger(session.ledger),
        nowMs,
        session.setup.config
      );
      if (active.length === 0) return void 0;
      const result2 = { sampled: 0, decided: [] };
      const fired2 = [];
      const readings = { ...saved };
      const events = [];
      const at = new Date(nowMs).toISOString();
      for (const { window, status } of active) {
        const sampled = samples.get(window.item.id);
        if (!sampled || sampled.opensAt !== status.opensAt) continue;
        result2.sampled++;
        const verdict = judgeWindow({
          window,
          status,
          metrics: sampled.metrics,
          nowMs,
          graceMs: Math.max(5 * window.intervalMs, 6e4)
        });
        if (verdict.outcome === "retry") {
          scope.log.warn(
            { pr: session.key, item: window.item.id, reason: verdict.reason },
            "cutover window not sampled"
          );
          readings[window.item.id] = `not sampled: ${verdict.reason}`.slice(0, 200);
          continue;
        }
        if (verdict.outcome === "open") {
          readings[window.item.id] = verdict.line;
          continue;
        }
        delete readings[window.item.id];
        const sha = window.item.phase === "post-deploy" && session.pull.mergeCommitSha ? session.pull.mergeCommitSha : session.pull.headSha;
        events.push(...windowEvents(window, verdict, at, sha));
        result2.decided.push({ item: window.item.id, outcome: verdict.outcome, line: verdict.line });
        if (verdict.outcome === "fail")
          fired2.push(
            ...verdict.fired.map((reading) => ({
              text: reading.trigger?.text ?? reading.label,
              summary: reading.text
            }))
          );
        scope.log.info(
          { pr: session.key, item: window.item.id, outcome: verdict.outcome, line: verdict.line },
          "cutover window decided"
        );
      }
      return {
        events,
        saveReadings: readings,
        outcome: { result: result2, fired: fired2 }
      };
    }
  });
  const result = outcome?.result ?? empty;
  const fired = outcome?.fired ?? [];
  await answerWaitingDeployments(scope, number);
  const inconclusive = result.decided.filter((one) => one.outcome === "inconclusive");
  if (inconclusive.length > 0) await askToDecide(scope, number, inconclusive);
  if (fired.length > 0) {
    await startRollback(scope, number, {
      actor: scope.bot.botLogin(),
      source: "cutover-window",
      detail: fired.map((trigger) => `${trigger.text}: ${trigger.summary}`).join("; ")
    });
  }
  return result;
}
var RECENTLY_CLOSED = 10;
async function sampleRepoCutovers(scope, options) {
  const total = { sampled: 0, decided: [], pulls: 0 };
  const pulls = [
    ...await scope.gh.listOpenPulls(),
    ...(await scope.gh.listRecentlyClosedPulls(RECENTLY_CLOSED)).filter((pull) => pull.mergeCommitSha)
  ];
  for (const pull of pulls) {
    if (total.sampled >= options.maxWindows) break;
    const setup = await getSetup(scope, pull);
    if (!isReleasePull(setup.config, pull)) continue;
    if (cutoverWindows(setup.checklist, setup.config).length === 0) continue;
    const session = await openSession(scope, pull.number, { pull });
    const states = foldLedger(session.ledger);
    if (activeWindows(setup.checklist, states, scope.bot.now().getTime(), setup.config).length === 0)
      continue;
    const result = await sampleCutover(scope, pull.number);
    total.pulls++;
    total.sampled += result.sampled;
    total.decided.push(...result.decided);
  }
  return total;
}

// src/action/bot-cutover.ts
var CUTOVER_EVENTS = /* @__PURE__ */ new Set(["schedule", "workflow_dispatch"]);
var MAX_WINDOWS = 20;
async function runCutoverPass(bot, octokit, env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) throw new InputError("GITHUB_REPOSITORY is not set: run shipgate inside a workflow");
  const record = { warnings: 0 };
  const log = actionLog(record, { event: `${env.GITHUB_EVENT_NAME}.cutover` });
  const scope = { bot, gh: fencedGitHub(gitHubFor(octokit, { owner, repo })), log };
  const pass = await sampleRepoCutovers(scope, { maxWindows: MAX_WINDOWS });
  await stepsIdle(bot);
  await bot.memory.replies.idle();
  for (const decided of pass.decided)
    info(`shipgate: ${decided.item} ${decided.outcome}: ${decided.line}`);
  notice(
    pass.sampled === 0 ? "shipgate cutover: no open cutover window" : `shipgate cutover: ${pass.sampled} window(s) sampled on ${pass.pulls} pull request(s), ${pass.decided.length} decided`
  );
}

// src/action/bot-event.ts
import { readFileSync } from "node:fs";
var ACTIONS_BOT_LOGIN = "github-actions[bot]";
var GITHUB_COM_ACTIONS_APP_ID = 15368;
var HANDLED2 = /* @__PURE__ */ new Map([
  ["pull_request", "pull_request"],
  ["pull_request_target", "pull_request"],
  ["issue_comment", "issue_comment"],
  ["check_run", "check_run"],
  ["merge_group", "merge_group"]
]);
function readWorkflowEvent(env) {
  const trigger = env.GITHUB_EVENT_NAME ?? "";
  const name = HANDLED2.get(trigger);
  if (!name) return void 0;
  if (!env.GITHUB_EVENT_PATH)
    throw new InputError("GITHUB_EVENT_PATH is not set: run shipgate inside a workflow");
  let payload;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
  } catch (error2) {
    throw new InputError(`cannot read the event payload at GITHUB_EVENT_PATH: ${error2.message}`);
  }
  if (!payload || typeof payload !== "object" || Array.isArray(payload))
    throw new InputError("the event payload at GITHUB_EVENT_PATH is not a JSON object");
  const id = `${env.GITHUB_RUN_ID || "local"}-${env.GITHUB_RUN_ATTEMPT || "1"}`;
  return { name, trigger, id, payload };
}
function actionsAppId(env) {
  const given = Number(env.SHIPGATE_ACTIONS_APP_ID);
  return Number.isInteger(given) && given > 0 ? given : GITHUB_COM_ACTIONS_APP_ID;
}
var Sender = external_exports.object({
  sender: external_exports.object({ login: external_exports.string() }),
  check_run: external_exports.object({ name: external_exports.string() }).optional()
});
function ownEventReason(name, payload) {
  const parsed = Sender.safeParse(payload);
  if (!parsed.success || parsed.data.sender.login !== ACTIONS_BOT_LOGIN) return void 0;
  if (name === "issue_comment") return `${ACTIONS_BOT_LOGIN} changed a comment (the bot's own write)`;
  if (name === "check_run" && parsed.data.check_run?.name !== EVIDENCE_CHECK_NAME)
    return `${ACTIONS_BOT_LOGIN} changed its own check run`;
  return void 0;
}
var CommentEdit = external_exports.object({
  action: external_exports.literal("edited"),
  sender: external_exports.object({ login: external_exports.string() }),
  comment: external_exports.object({ id: external_exports.number(), updated_at: external_exports.string(), body: external_exports.string().nullable() }),
  issue: external_exports.object({ number: external_exports.number() }),
  changes: external_exports.object({ body: external_exports.object({ from: external_exports.string() }).optional() }).optional()
});
function commentEditOf(name, payload) {
  if (name !== "issue_comment") return void 0;
  const parsed = CommentEdit.safeParse(payload);
  if (!parsed.success) return void 0;
  const at = new Date(parsed.data.comment.updated_at);
  if (Number.isNaN(at.getTime())) return void 0;
  const before = itemLines(parsed.data.changes?.body?.from ?? "");
  const items = /* @__PURE__ */ new Set();
  for (const [id, text] of itemLines(parsed.data.comment.body ?? ""))
    if (before.get(id) !== text) items.add(id);
  return {
    commentId: parsed.data.comment.id,
    pr: parsed.data.issue.number,
    actor: parsed.data.sender.login,
    at,
    items
  };
}
function itemLines(body) {
  const lines = /* @__PURE__ */ new Map();
  for (const text of body.split("\n")) {
    const id = itemIdOfLine(text);
    if (id) lines.set(id, text.trim());
  }
  return lines;
}
function editAlreadyApplied(currentBody, edit, ledgerKey) {
  const decoded = currentBody ? decodeStateBlock(currentBody) : { found: false };
  if (!decoded.found || !("ledger" in decoded)) return false;
  const ledger = chooseLedger([decoded.ledger], ledgerKey);
  return ledger?.events.some(
    (event) => "by" in event && event.by === edit.actor && "item" in event && edit.items.has(event.item) && Date.parse(event.at) === edit.at.getTime()
  ) ?? false;
}

// src/action/bot-results.ts
function resultsApplied(ledger, sha) {
  return Object.values(foldLedger(ledger)).some((state) => state.status !== void 0 && state.sha === sha);
}
async function applyResults(ctx) {
  if (ctx.event.name !== "pull_request") return void 0;
  const parsed = PullRequestPayload.safeParse(ctx.event.payload);
  if (!parsed.success || parsed.data.action === "closed") return void 0;
  const pull = pullOf(parsed.data);
  const { owner, repo } = repoOf(parsed.data);
  const short = pull.headSha.slice(0, 7);
  const ledger = ctx.ledgerOf(`${owner}/${repo}#${pull.number}`);
  if (!ledger) return "no gate on this pull request, so no checks are needed";
  if (resultsApplied(ledger, pull.headSha)) return `results for ${short} are already applied`;
  let run = (await ctx.gh.listCheckRuns(pull.headSha, EVIDENCE_CHECK_NAME)).filter((r) => r.status === "completed" && r.appSlug === ACTIONS_APP_SLUG).sort((a, b) => b.id - a.id)[0];
  if (!run) {
    if (!ctx.inputs.runChecks)
      return `no ${EVIDENCE_CHECK_NAME} results on ${short} yet: run a checks job before this step (needs:) or set run-checks: true`;
    if (ctx.event.trigger !== "pull_request")
      return `run-checks only runs on pull_request (on ${ctx.event.trigger} the workspace is not the pull request's code)`;
    info(`shipgate: running the checks for ${short} in this step (run-checks: true)`);
    const step = await runCheckStep(
      ctx.inputs,
      readRunEvent(ctx.event.payload, ctx.env),
      ctx.env,
      ctx.workspace
    );
    const detailsUrl = workflowRunUrl(ctx.env);
    const id = await publishEvidence(ctx.gh, {
      headSha: pull.headSha,
      phase: ctx.inputs.phase,
      results: step.results,
      ...detailsUrl ? { detailsUrl } : {},
      env: ctx.env
    });
    run = await ctx.gh.getCheckRun(id);
    if (!run) return `the ${EVIDENCE_CHECK_NAME} run ${id} just created cannot be read back`;
  }
  const payload = {
    action: "completed",
    check_run: {
      id: run.id,
      name: run.name,
      head_sha: run.headSha,
      status: run.status,
      conclusion: run.conclusion,
      details_url: run.detailsUrl ?? null,
      app: {
        ...run.appId === void 0 ? {} : { id: run.appId },
        ...run.appSlug ? { slug: run.appSlug } : {}
      },
      output: { text: run.outputText ?? null },
      pull_requests: [{ number: pull.number }]
    },
    repository: parsed.data.repository,
    sender: { login: ACTIONS_BOT_LOGIN, type: "Bot" }
  };
  await ctx.handle("check_run", `${ctx.event.id}-results-${run.id}`, payload);
  return `${EVIDENCE_CHECK_NAME} run ${run.id} handed to the bot for ${short}`;
}

// src/action/bot-mode.ts
var HANDLED_EVENTS = "pull_request, pull_request_target, issue_comment, check_run, merge_group, and schedule/workflow_dispatch (cutover windows)";
async function runBotMode(inputs, env, workspace) {
  const secret = inputs.ledgerSecret;
  if (!secret) throw new InputError('input "ledger-secret" is required when mode is "bot"');
  const token = inputs.githubToken;
  if (!token)
    throw new InputError('input "github-token" is required when mode is "bot" (default: github.token)');
  if (CUTOVER_EVENTS.has(env.GITHUB_EVENT_NAME ?? "")) {
    const apiUrl2 = env.GITHUB_API_URL || "https://api.github.com";
    const bot2 = actionBot(secret, actionsAppId(env), void 0, actionsIssuer(env), env);
    return runCutoverPass(bot2, tokenOctokit(token, apiUrl2, tuningFromEnv(env)), env);
  }
  const event = readWorkflowEvent(env);
  if (!event) {
    notice(
      `shipgate bot: ${env.GITHUB_EVENT_NAME || "this"} event is not handled (only ${HANDLED_EVENTS})`
    );
    return;
  }
  const action = typeof event.payload.action === "string" ? event.payload.action : "";
  const label = `${event.trigger}.${action}`;
  const own = ownEventReason(event.name, event.payload);
  if (own) {
    info(`shipgate bot: ${label} ignored: ${own}`);
    return;
  }
  const apiUrl = env.GITHUB_API_URL || "https://api.github.com";
  const tuning = tuningFromEnv(env);
  const octokit = tokenOctokit(token, apiUrl, tuning);
  const membersToken = inputs.membersToken;
  const members = membersToken ? tokenOctokit(membersToken, apiUrl, tuning) : void 0;
  const edit = commentEditOf(event.name, event.payload);
  const envelope = Envelope.safeParse(event.payload);
  if (edit && envelope.success) {
    const { owner, repo } = repoOf(envelope.data);
    const gh = gitHubFor(octokit, { owner, repo });
    const current = (await gh.getComment(edit.commentId))?.body;
    const repositoryId = envelope.data.repository.id ?? (await gh.repository()).id;
    if (editAlreadyApplied(current, edit, prLedgerKey(secret, { repositoryId, pr: edit.pr }))) {
      notice(
        `shipgate: ${label} by @${edit.actor} was already handled by an earlier run; nothing to do`
      );
      return;
    }
  }
  const record = { warnings: 0 };
  const log = actionLog(record, { delivery: event.id, event: label });
  const bot = actionBot(secret, actionsAppId(env), edit?.at, actionsIssuer(env));
  const handle = (name, id, payload) => handleEvent({
    name,
    id,
    payload,
    octokit,
    idIsDeliveryGuid: false,
    log: log.child({ event: name === event.name ? label : `${name}.completed` }),
    bot,
    adapt: (gh) => teamLookups(members ? { ...gh, isTeamMember: gitHubFor(members, gh.repo).isTeamMember } : gh, log)
  });
  const outcome = await handle(event.name, event.id, event.payload);
  if (outcome === "ignored" || !envelope.success) {
    notice(`shipgate bot: ${label} has no repository, nothing to do`);
    return;
  }
  const results = await applyResults({
    inputs,
    env,
    workspace,
    event,
    gh: gitHubFor(octokit, repoOf(envelope.data)),
    ledgerOf: (key) => bot.memory.pr.ledgers.get(key),
    handle
  });
  await stepsIdle(bot);
  await bot.memory.replies.idle();
  if (results) info(`shipgate: ${results}`);
  notice(record.gate ? `shipgate: ${record.gate}` : `shipgate bot: nothing to update for ${label}`);
}
function actionBot(ledgerSecret, appId, eventTime, oidcIssuer, env = {}) {
  return {
    options: { ledgerSecret, appId },
    // one event per step: written and explained right away, not batched over a window
    memory: new BotMemory({ ttlMs: 5 * 6e4, replyBurstMs: 0, writeWindowMs: 0 }),
    // An edit is stamped with the time the person saved it: a re-run can then recognise it.
    now: () => eventTime ?? /* @__PURE__ */ new Date(),
    botLogin: () => ACTIONS_BOT_LOGIN,
    oidcIssuer,
    // cutover windows query Prometheus: only its variables (PROMETHEUS_URL, the token the config names)
    telemetryEnv: Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith("PROMETHEUS_")))
  };
}
function teamLookups(base, log) {
  return {
    ...base,
    async isTeamMember(org, team, login) {
      try {
        return await base.isTeamMember(org, team, login);
      } catch (error2) {
        const status = statusOf(error2);
        if (status !== 403 && status !== 401) throw error2;
        log.warn(
          { team: `${org}/${team}`, status },
          "cannot read team membership with this token: pass members-token, or list the role as users"
        );
        return false;
      }
    }
  };
}
function actionsIssuer(env) {
  if (env.SHIPGATE_OIDC_ISSUER) return env.SHIPGATE_OIDC_ISSUER.replace(/\/+$/, "");
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  return server === "https://github.com" ? GITHUB_OIDC_ISSUER : `${server}/_services/token`;
}
export {
  runBotMode
};
