import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isGitRepo,
  splitNul,
  tryGit
} from "./chunk-RKLOK6U7.js";
import {
  decodeJwt,
  handWrittenShare,
  isDegenerate,
  isPlaceholder,
  isReference,
  isServiceRoleJwt,
  shannonEntropy,
  wordiness
} from "./chunk-HI6RA6TA.js";
import {
  require_picomatch
} from "./chunk-B4432ZTG.js";
import {
  __toESM,
  external_exports
} from "./chunk-PZ57HXUH.js";

// checks/lib/secrets/toml.ts
var TomlError = class _TomlError extends Error {
  constructor(file, line, detail) {
    super(`${file}:${line}: ${detail}`);
    this.file = file;
    this.line = line;
    this.name = _TomlError.name;
  }
  file;
  line;
};
var BARE_KEY_RE = /^[A-Za-z0-9_-]+/;
var ESCAPES = { b: "\b", t: "	", n: "\n", f: "\f", r: "\r", '"': '"', "\\": "\\" };
var Reader = class {
  constructor(text, file) {
    this.text = text;
    this.file = file;
  }
  text;
  file;
  pos = 0;
  get line() {
    let n = 1;
    for (let i = this.text.indexOf("\n"); i !== -1 && i < this.pos; i = this.text.indexOf("\n", i + 1)) n++;
    return n;
  }
  fail(detail) {
    throw new TomlError(this.file, this.line, detail);
  }
  peek(n = 1) {
    return this.text.slice(this.pos, this.pos + n);
  }
  done() {
    return this.pos >= this.text.length;
  }
  /** Spaces and tabs (and, inside arrays, newlines and comments). */
  skip(newlines) {
    for (; ; ) {
      const c = this.peek();
      if (c === " " || c === "	" || newlines && (c === "\n" || c === "\r")) this.pos++;
      else if (c === "#") while (!this.done() && this.peek() !== "\n") this.pos++;
      else return;
    }
  }
  endOfLine() {
    this.skip(false);
    if (this.peek() === "\r") this.pos++;
    if (!this.done() && this.peek() !== "\n") this.fail(`unexpected "${this.peek()}" after a value`);
    this.pos++;
  }
  key() {
    const parts = [];
    for (; ; ) {
      this.skip(false);
      const c = this.peek();
      if (c === '"' || c === "'") parts.push(this.string());
      else {
        const m = BARE_KEY_RE.exec(this.text.slice(this.pos));
        if (!m) this.fail(`expected a key, found "${c || "end of file"}"`);
        parts.push(m[0]);
        this.pos += m[0].length;
      }
      this.skip(false);
      if (this.peek() !== ".") return parts;
      this.pos++;
    }
  }
  string() {
    const multi = this.peek(3);
    if (multi === '"""' || multi === "'''") return this.multilineString(multi);
    const quote = this.peek();
    this.pos++;
    let out = "";
    for (; ; ) {
      if (this.done() || this.peek() === "\n") this.fail("unterminated string");
      const c = this.text[this.pos++] ?? "";
      if (c === quote) return out;
      if (c === "\\" && quote === '"') out += this.escape();
      else out += c;
    }
  }
  escape() {
    const c = this.text[this.pos++] ?? "";
    if (c in ESCAPES) return ESCAPES[c] ?? "";
    if (c === "u" || c === "U") {
      const hex = this.text.slice(this.pos, this.pos + (c === "u" ? 4 : 8));
      if (!/^[0-9a-fA-F]+$/.test(hex)) this.fail(`bad unicode escape "\\${c}${hex}"`);
      this.pos += hex.length;
      return String.fromCodePoint(Number.parseInt(hex, 16));
    }
    return this.fail(`bad escape "\\${c}" (in a basic string; use '\u2026' for a regex)`);
  }
  multilineString(delimiter) {
    this.pos += 3;
    if (this.peek() === "\n") this.pos++;
    else if (this.peek(2) === "\r\n") this.pos += 2;
    let out = "";
    for (; ; ) {
      if (this.done()) this.fail(`unterminated ${delimiter} string`);
      if (this.peek(3) === delimiter) {
        this.pos += 3;
        return out;
      }
      const c = this.text[this.pos++] ?? "";
      if (c === "\\" && delimiter === '"""') {
        if (/^[ \t]*\r?\n/.test(this.text.slice(this.pos))) {
          while (/\s/.test(this.peek())) this.pos++;
        } else out += this.escape();
      } else out += c;
    }
  }
  value() {
    this.skip(false);
    const c = this.peek();
    if (c === '"' || c === "'") return this.string();
    if (c === "[") return this.array();
    if (c === "{") return this.inlineTable();
    const m = /^(?:true|false|[+-]?(?:\d[\d_]*)(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)(?=[\s,\]}#]|$)/.exec(
      this.text.slice(this.pos)
    );
    if (!m) this.fail(`unsupported value starting "${this.text.slice(this.pos, this.pos + 12)}"`);
    this.pos += m[0].length;
    if (m[0] === "true" || m[0] === "false") return m[0] === "true";
    return Number(m[0].replace(/_/g, ""));
  }
  array() {
    this.pos++;
    const items = [];
    for (; ; ) {
      this.skip(true);
      if (this.peek() === "]") {
        this.pos++;
        return items;
      }
      items.push(this.value());
      this.skip(true);
      if (this.peek() === ",") this.pos++;
      else if (this.peek() !== "]")
        this.fail(`expected "," or "]" in an array, found "${this.peek() || "end of file"}"`);
    }
  }
  inlineTable() {
    this.pos++;
    const table = {};
    this.skip(false);
    if (this.peek() === "}") {
      this.pos++;
      return table;
    }
    for (; ; ) {
      const key = this.key();
      if (this.peek() !== "=") this.fail('expected "=" after a key');
      this.pos++;
      assign(table, key, this.value(), this);
      this.skip(false);
      if (this.peek() === "}") {
        this.pos++;
        return table;
      }
      if (this.peek() !== ",") this.fail('expected "," or "}" in an inline table');
      this.pos++;
    }
  }
};
function isTable(value) {
  return typeof value === "object" && !Array.isArray(value);
}
function descend(root, path4, reader) {
  let table = root;
  for (const part of path4) {
    let next = table[part];
    if (next === void 0) {
      next = {};
      table[part] = next;
    }
    if (Array.isArray(next)) next = next[next.length - 1];
    if (!isTable(next)) reader.fail(`"${path4.join(".")}" is not a table`);
    table = next;
  }
  return table;
}
function assign(table, key, value, reader) {
  const last = key[key.length - 1] ?? "";
  const parent = descend(table, key.slice(0, -1), reader);
  if (last in parent) reader.fail(`duplicate key "${key.join(".")}"`);
  parent[last] = value;
}
function parseToml(text, file) {
  const reader = new Reader(text, file);
  const root = {};
  let current = root;
  for (; ; ) {
    reader.skip(true);
    if (reader.done()) return root;
    if (reader.peek(2) === "[[") {
      reader.pos += 2;
      const path4 = reader.key();
      if (reader.peek(2) !== "]]") reader.fail('expected "]]"');
      reader.pos += 2;
      const parent = descend(root, path4.slice(0, -1), reader);
      const name = path4[path4.length - 1] ?? "";
      const existing = parent[name];
      const list = existing === void 0 ? [] : Array.isArray(existing) ? existing : reader.fail(`"${path4.join(".")}" is not an array of tables`);
      current = {};
      list.push(current);
      parent[name] = list;
    } else if (reader.peek() === "[") {
      reader.pos++;
      const path4 = reader.key();
      if (reader.peek() !== "]") reader.fail('expected "]"');
      reader.pos++;
      current = descend(root, path4, reader);
    } else {
      const key = reader.key();
      if (reader.peek() !== "=") reader.fail(`expected "=" after "${key.join(".")}"`);
      reader.pos++;
      assign(current, key, reader.value(), reader);
    }
    reader.endOfLine();
  }
}

// checks/lib/secrets/allowlist.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { readFile as readFile2 } from "node:fs/promises";
import path2 from "node:path";

// checks/lib/secrets/gitleaks-config.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
var GITLEAKS_CONFIG_FILE = ".gitleaks.toml";
var AllowlistSchema = external_exports.object({
  description: external_exports.string().optional(),
  condition: external_exports.enum(["OR", "AND", "or", "and"]).default("OR"),
  commits: external_exports.array(external_exports.string()).default([]),
  paths: external_exports.array(external_exports.string()).default([]),
  regexTarget: external_exports.enum(["secret", "match", "line"]).default("secret"),
  regexes: external_exports.array(external_exports.string()).default([]),
  stopwords: external_exports.array(external_exports.string()).default([]),
  targetRules: external_exports.array(external_exports.string()).default([])
});
var RuleSchema = external_exports.object({
  id: external_exports.string().min(1),
  description: external_exports.string().optional(),
  regex: external_exports.string().optional(),
  path: external_exports.string().optional(),
  keywords: external_exports.array(external_exports.string()).default([]),
  secretGroup: external_exports.number().int().min(0).optional(),
  entropy: external_exports.number().min(0).optional(),
  allowlist: AllowlistSchema.optional(),
  allowlists: external_exports.array(AllowlistSchema).default([])
});
var ConfigSchema = external_exports.object({
  title: external_exports.string().optional(),
  allowlist: AllowlistSchema.optional(),
  allowlists: external_exports.array(AllowlistSchema).default([]),
  rules: external_exports.array(RuleSchema).default([])
});
var EMPTY_GITLEAKS_CONFIG = { allowlists: [], rules: [] };
function lineOf(text, needle) {
  const at = text.indexOf(needle);
  return at === -1 ? 1 : text.slice(0, at).split("\n").length;
}
var POSIX_CLASSES = {
  alnum: "A-Za-z0-9",
  alpha: "A-Za-z",
  digit: "0-9",
  lower: "a-z",
  upper: "A-Z",
  space: "\\s",
  xdigit: "0-9A-Fa-f",
  word: "\\w",
  punct: "!-\\/:-@\\[-`{-~"
};
function goRegex(source, flags = "") {
  let js = source.replace(/\(\?P</g, "(?<").replace(/\\z/g, "$").replace(/\\A/g, "^").replace(/\[:(\w+):\]/g, (whole, name) => POSIX_CLASSES[name] ?? whole);
  const extra = new Set(flags);
  js = js.replace(/\(\?([imsU]+)\)/g, (_, f) => {
    for (const flag of f) if (flag !== "U") extra.add(flag);
    return "";
  });
  js = js.replace(/\(\?([imsU]*)-?([imsU]*):/g, (_, on) => {
    for (const flag of on) if (flag !== "U") extra.add(flag);
    return "(?:";
  });
  return new RegExp(js, [...extra].join(""));
}
function compile(text, file, source, flags = "") {
  try {
    return goRegex(source, flags);
  } catch (error) {
    throw new TomlError(file, lineOf(text, source), `invalid regex "${source}": ${error.message}`);
  }
}
function buildAllowlist(input, ruleIds, text, file) {
  const paths = input.paths.map((p) => compile(text, file, p));
  const regexes = input.regexes.map((r) => compile(text, file, r));
  const stopwords = input.stopwords.map((w) => w.toLowerCase());
  const commits = input.commits;
  const and = input.condition.toUpperCase() === "AND";
  const criteria = [];
  if (commits.length > 0)
    criteria.push(
      (t) => t.commit !== void 0 && commits.some((c) => c.startsWith(t.commit ?? "") || (t.commit ?? "").startsWith(c))
    );
  if (paths.length > 0) criteria.push((t) => paths.some((re) => re.test(t.file)));
  if (regexes.length > 0)
    criteria.push((t) => {
      const subject = input.regexTarget === "line" ? t.lineText : input.regexTarget === "match" ? t.match : t.secret;
      return subject !== void 0 && regexes.some((re) => re.test(subject));
    });
  if (stopwords.length > 0)
    criteria.push(
      (t) => t.secret !== void 0 && stopwords.some((w) => (t.secret ?? "").toLowerCase().includes(w))
    );
  return {
    ruleIds: [...ruleIds, ...input.targetRules],
    pathOnly: paths.length > 0 && (criteria.length === 1 || !and),
    matches: (t) => criteria.length > 0 && (and ? criteria.every((c) => c(t)) : criteria.some((c) => c(t)))
  };
}
function buildRule(input, text, file) {
  if (!input.regex) return void 0;
  const base = compile(text, file, input.regex);
  const group = input.secretGroup;
  return {
    id: input.id,
    family: "custom",
    description: input.description ?? `custom rule ${input.id} from ${GITLEAKS_CONFIG_FILE}`,
    keywords: input.keywords.map((k) => k.toLowerCase()),
    pattern: new RegExp(base.source, base.flags.includes("g") ? base.flags : `${base.flags}g`),
    visible: 0,
    minEntropy: input.entropy,
    secretGroup: group
  };
}
function parseGitleaksConfig(text, file = GITLEAKS_CONFIG_FILE) {
  const parsed = ConfigSchema.safeParse(parseToml(text, file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    const key = String(issue?.path[issue.path.length - 1] ?? "");
    throw new TomlError(file, key ? lineOf(text, key) : 1, `${where}: ${issue?.message ?? "invalid"}`);
  }
  const config = parsed.data;
  const allowlists = [...config.allowlist ? [config.allowlist] : [], ...config.allowlists].map(
    (a) => buildAllowlist(a, [], text, file)
  );
  for (const rule of config.rules) {
    for (const a of [...rule.allowlist ? [rule.allowlist] : [], ...rule.allowlists])
      allowlists.push(buildAllowlist(a, [rule.id], text, file));
  }
  const rules = config.rules.flatMap((r) => buildRule(r, text, file) ?? []);
  return { allowlists, rules };
}
async function loadGitleaksConfig(dir) {
  let text;
  try {
    text = await readFile(path.join(dir, GITLEAKS_CONFIG_FILE), "utf8");
  } catch {
    return EMPTY_GITLEAKS_CONFIG;
  }
  return parseGitleaksConfig(text);
}

// checks/lib/secrets/allowlist.ts
var ALLOWLIST_FILES = [".shipgate-allowlist", ".gitleaksignore"];
var GITLEAKS_IDS = {
  "aws-access-key-id": ["aws-access-token"],
  "github-token": ["github-pat", "github-oauth", "github-app-token", "github-refresh-token"],
  "gitlab-token": [
    "gitlab-pat",
    "gitlab-ptt",
    "gitlab-rrt",
    "gitlab-deploy-token",
    "gitlab-cicd-job-token",
    "gitlab-runner-authentication-token"
  ],
  "slack-token": [
    "slack-bot-token",
    "slack-user-token",
    "slack-app-token",
    "slack-legacy-token",
    "slack-config-access-token",
    "slack-config-refresh-token",
    "slack-legacy-workspace-token",
    "slack-legacy-bot-token"
  ],
  "slack-webhook": ["slack-webhook-url"],
  "stripe-secret-key": ["stripe-access-token"],
  "npm-token": ["npm-access-token"],
  "pypi-token": ["pypi-upload-token"],
  "gcp-api-key": ["gcp-api-key"],
  "sendgrid-api-key": ["sendgrid-api-token"],
  "shopify-token": [
    "shopify-access-token",
    "shopify-custom-access-token",
    "shopify-private-app-access-token",
    "shopify-shared-secret"
  ],
  "openai-api-key": ["openai-api-key"],
  "anthropic-api-key": ["anthropic-api-key", "anthropic-admin-api-key"],
  "huggingface-token": ["huggingface-access-token", "huggingface-organization-api-token"],
  jwt: ["jwt", "jwt-base64"],
  "generic-secret-assignment": ["generic-api-key"],
  "private-key": ["private-key"]
};
function sameRule(listed, ruleId) {
  return listed === ruleId || (GITLEAKS_IDS[ruleId]?.includes(listed) ?? false);
}
var FINGERPRINT_RE = /^(?:([0-9a-f]{7,40}):)?(.+):([a-z0-9][a-z0-9-]*):(\d+)$/;
var SecretAllowlist = class _SecretAllowlist {
  constructor(fingerprints, globs, gitleaks = EMPTY_GITLEAKS_CONFIG) {
    this.fingerprints = fingerprints;
    this.globs = globs;
    this.gitleaks = gitleaks;
  }
  fingerprints;
  globs;
  gitleaks;
  /** Custom rules from `.gitleaks.toml`, to scan with alongside the built-in ones. */
  get customRules() {
    return this.gitleaks.rules;
  }
  static parse(text, gitleaks = EMPTY_GITLEAKS_CONFIG) {
    const fingerprints = [];
    const globs = [];
    for (const raw of text.split(/\r?\n/)) {
      const entry = raw.trim();
      if (!entry || entry.startsWith("#")) continue;
      const m = FINGERPRINT_RE.exec(entry);
      if (m) {
        fingerprints.push({ commit: m[1], file: m[2] ?? "", ruleId: m[3] ?? "", line: Number(m[4]) });
      } else {
        globs.push((0, import_picomatch.default)(entry.replace(/^\.?\//, ""), { dot: true }));
      }
    }
    return new _SecretAllowlist(fingerprints, globs, gitleaks);
  }
  /**
   * Reads every allow-list file present in `dir` (missing files are simply empty). A `.gitleaks.toml`
   * that cannot be read throws (file:line): a broken allow-list must not pass a scan.
   */
  static async load(dir) {
    const [gitleaks, ...texts] = await Promise.all([
      loadGitleaksConfig(dir),
      ...ALLOWLIST_FILES.map((name) => readFile2(path2.join(dir, name), "utf8").catch(() => ""))
    ]);
    return _SecretAllowlist.parse(texts.join("\n"), gitleaks);
  }
  get size() {
    return this.fingerprints.length + this.globs.length + this.gitleaks.allowlists.length;
  }
  /** True when a path glob (or a paths-only `.gitleaks.toml` allow-list for all rules) covers `file`. */
  allowsPath(file) {
    return this.globs.some((matches) => matches(file)) || this.gitleaks.allowlists.some(
      (a) => a.pathOnly && a.ruleIds.length === 0 && a.matches({ file, ruleId: "" })
    );
  }
  /** True when the finding is allow-listed (pass `secret`/`match`/`lineText` for `.gitleaks.toml` regexes). */
  allows(candidate) {
    if (this.allowsPath(candidate.file)) return true;
    const applies = (ids) => ids.length === 0 || ids.some((id) => sameRule(id, candidate.ruleId));
    if (this.gitleaks.allowlists.some((a) => applies(a.ruleIds) && a.matches(candidate))) return true;
    return this.fingerprints.some(
      (f) => f.file === candidate.file && sameRule(f.ruleId, candidate.ruleId) && f.line === candidate.line && (f.commit === void 0 ? candidate.commit === void 0 : candidate.commit !== void 0 && (candidate.commit.startsWith(f.commit) || f.commit.startsWith(candidate.commit)))
    );
  }
};
function fingerprintOf(candidate) {
  const base = `${candidate.file}:${candidate.ruleId}:${candidate.line}`;
  return candidate.commit ? `${candidate.commit}:${base}` : base;
}

// checks/lib/secrets/generic.ts
import { createHash } from "node:crypto";

// checks/lib/secrets/rule.ts
var L = "(?<![A-Za-z0-9_-])";
var R = "(?![A-Za-z0-9_-])";
var ASSIGN = String.raw`(?:\\?["'\x60])?\]?(?:[ \t]+(?:string|String|str)\b)?[ \t]*(?:\??:[ \t]*(?:string|String|str)\b[ \t]*)?` + String.raw`(?::{1,3}=|\?\?=|\|\|=|[?+.]=|!==?|===?|=>|<-|[=:,])[ \t]*`;
function keyedPattern(keys, value) {
  const assigned = String.raw`(?:${keys})[\w.-]{0,40}?${ASSIGN}(?:[\x60'"]|\\")?(?<secret>${value})(?![\w+/=-])`;
  const xml = String.raw`<[\w.:-]{0,30}?(?:${keys})[\w.:-]{0,30}(?:\s[^<>]*)?>\s*(?<xsecret>${value})\s*<\/`;
  return new RegExp(`${assigned}|${xml}`, "gi");
}
function prefixedPattern(source, flags = "g") {
  return new RegExp(`${L}(?<secret>${source})${R}`, flags);
}

// checks/lib/secrets/generic.ts
var GENERIC_MIN_ENTROPY = 3.5;
var GENERIC_MIN_LENGTH = 10;
var KEY_WORDS = [
  "password",
  "passwd",
  "passphrase",
  "credentials",
  "credential",
  "secret",
  "token",
  "apikey",
  "creds",
  "auth",
  "pass",
  "pwd",
  "key"
];
var KEY_SOURCE = KEY_WORDS.join("|");
var KEY_QUALIFIER_RE = /(?:api|access|secret|private|client|master|encryption|signing|license|licence|app|auth|service|account|admin|server|shared|consumer|session|subscription|write|deploy|x[_-]?api)[_.-]?$/i;
var DESCRIPTIVE_KEY_RE = /(?:url|uri|path|file|dir|name|type|length|size|expiry|expires|ttl|header|field|endpoint|label|prefix|suffix|count|limit|id|ids|ref|policy|hash|digest|format|pattern|regex|env|var|mode|version|provider|method|scheme|mask|placeholder|hint|help|message|description|error)$/i;
var PUBLIC_KEY_RE = /(?:^|[_.-]|[a-z])(?:public|publishable|pub|fake|mock|dummy|sample|example)(?=[_.-]|[A-Z]|$)/i;
var PROVIDER_PREFIX_RE = /^(?:xox[a-z]\.?|xapp-|gh[pousr]_|github_pat_|gl[a-z]{2,6}-|sk-|[sr]k_|pk_|npm_|AKIA|ASIA|AIza|SG\.|hf_|do[opr]_v1_|shp[a-z]{2}_|EAAA|sq0[a-z]{3}-|dapi|hv[sbr]\.|pypi-|lin_api_|PMAK-|dp\.[a-z]+\.|pul-|NR[A-Z]{2}-|sntry[su]_|AGE-SECRET|AC[a-f0-9]{32}$)/;
var PUBLIC_VALUES = /* @__PURE__ */ new Set([
  "2f21fd9c81678e396751af8b2472e2bd209ff5ce38da144052fb6c024485982f"
]);
var PUBLIC_VALUE_RE = /^(?:pk_|pk\.)|(?:^|[_-])(?:test|fake|mock|dummy|sample|example)(?:[_-]|$)/i;
var CODE_FILE_RE = /\.(?:[cm]?[jt]sx?|py|go|java|kts?|scala|groovy|php|rb|cs|swift|rs|c|cc|cpp|h|hpp|m|dart|lua|pl|r|vue|svelte)$/i;
var DOTTED_IDENTIFIER_RE = /^(?!eyJ)[A-Za-z_$][\w$-]{0,40}(?:\.[A-Za-z_$][\w$-]{0,40})+$/;
var CODE_LIKE_RE = /\\[dwsbnrtDWS.]|\(\?|[()[\]{}][\s\S]*[()[\]{}]/;
var WORDLIKE_RE = /^(?:[A-Z]?[a-z]+)+\d{0,2}$|^[a-z]+(?:[_-][a-z]+)+$|^[A-Z]+(?:[_-][A-Z]+)+$|^[A-Z][a-z]+(?:-[A-Z][a-z]+)+$/;
function identifierAt(text, start, matched) {
  let i = start;
  while (i > 0 && /[\w.$-]/.test(text[i - 1] ?? " ")) i--;
  return text.slice(i, start) + matched;
}
function keywordAtWordBoundary(key, word, offset) {
  const before = key[offset - 1];
  const first = key[offset] ?? "";
  const after = key[offset + word.length];
  const boundaryBefore = before === void 0 || /[^A-Za-z0-9]/.test(before) || /\d/.test(before) || /[a-z]/.test(before) && /[A-Z]/.test(first) || /[A-Z]/.test(before);
  const boundaryAfter = after === void 0 || /[^A-Za-z]/.test(after) || /[A-Z]/.test(after) || after === "s" && !/[a-z]/.test(key[offset + word.length + 1] ?? "");
  return boundaryBefore && boundaryAfter;
}
function keyNamesASecret(key) {
  if (/csrf|xsrf/i.test(key)) return false;
  if (DESCRIPTIVE_KEY_RE.test(key) || PUBLIC_KEY_RE.test(key)) return false;
  const lower = key.toLowerCase();
  for (const word of KEY_WORDS) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
      if (!keywordAtWordBoundary(key, word, at)) continue;
      if (word === "key" && !KEY_QUALIFIER_RE.test(key.slice(0, at)) && lower !== "key") continue;
      return true;
    }
  }
  return false;
}
function minEntropyFor(length) {
  return Math.min(GENERIC_MIN_ENTROPY, Math.log2(length) - 0.3);
}
function genericValueLooksSecret(value) {
  if (value.length < GENERIC_MIN_LENGTH || value.length > 300) return false;
  if (/\s/.test(value) || value.includes("://") || /^\.{0,2}\//.test(value)) return false;
  if (DOTTED_IDENTIFIER_RE.test(value) || CODE_LIKE_RE.test(value) || WORDLIKE_RE.test(value)) return false;
  if (PUBLIC_VALUE_RE.test(value) || PROVIDER_PREFIX_RE.test(value)) return false;
  if (PUBLIC_VALUES.has(createHash("sha256").update(value).digest("hex"))) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  if (classes < (value.length < 16 ? 3 : 2)) return false;
  return shannonEntropy(value) >= minEntropyFor(value.length);
}
function looksRandomBare(value) {
  if (value.length < 20 || !/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  const digitRuns = value.match(/\d+/g)?.length ?? 0;
  return digitRuns >= 3 && shannonEntropy(value) >= 4;
}
function isWholeLineAssignment(text, start, end) {
  const before = text.slice(text.lastIndexOf("\n", start - 1) + 1, start);
  const lineEnd = text.indexOf("\n", end);
  const after = text.slice(end, lineEnd === -1 ? void 0 : lineEnd);
  return /^\s*(?:export\s+)?$/.test(before) && /^\s*;?\s*$/.test(after);
}
function insideString(text, offset) {
  const before = text.slice(text.lastIndexOf("\n", offset - 1) + 1, offset);
  const quotes = before.match(/(?<!\\)["'\x60]/g)?.length ?? 0;
  return quotes % 2 === 1;
}
function verifyAssignment({ match, path: path4, text, secret }) {
  const groups = match.groups ?? {};
  const key = identifierAt(text, match.index, groups.gkey ?? "");
  if (!keyNamesASecret(key)) return false;
  const bare = groups.baresecret !== void 0;
  if (bare && /,\s*$/.test(match[0].slice(0, match[0].length - secret.length))) return false;
  const keyStart = match.index - (key.length - (groups.gkey ?? "").length);
  if (bare && CODE_FILE_RE.test(path4) && !insideString(text, keyStart) && !(looksRandomBare(secret) && isWholeLineAssignment(text, keyStart, match.index + match[0].length)))
    return false;
  return genericValueLooksSecret(secret);
}
function verifyXml({ match, secret }) {
  const key = match.groups?.xkey ?? "";
  return keyNamesASecret(key) && genericValueLooksSecret(secret);
}
var KEYWORDS = [
  "password",
  "passwd",
  "pwd",
  "pass",
  "secret",
  "token",
  "key",
  "credential",
  "creds",
  "auth"
];
var GENERIC_RULES = [
  {
    id: "generic-secret-assignment",
    family: "generic",
    description: `High-entropy literal (\u2265 ${GENERIC_MIN_LENGTH} chars) assigned to a secret-named identifier`,
    keywords: KEYWORDS,
    pattern: new RegExp(
      String.raw`(?<gkey>(?:${KEY_SOURCE})[\w.-]{0,40}?)${ASSIGN}` + String.raw`(?:(?:[bru@]|new String\()(?=["'\x60]))?(?:"(?<dqsecret>[^"\n]{1,300})"|'(?<sqsecret>[^'\n]{1,300})'|\x60(?<bqsecret>[^\x60\n]{1,300})\x60|\\"(?<esecret>[^"\\\n]{1,300})\\"|(?<baresecret>[^\s"'\x60,;#\\<>(){}[\]|&]{1,300}))`,
      "gi"
    ),
    anchors: KEYWORDS,
    visible: 0,
    generic: true,
    verify: verifyAssignment
  },
  {
    id: "generic-secret-xml",
    family: "generic",
    description: "High-entropy body of an XML element named like a secret (<apiToken>\u2026</apiToken>)",
    keywords: KEYWORDS,
    pattern: new RegExp(
      String.raw`<(?<xkey>[\w.:-]{0,40}?(?:${KEY_SOURCE})[\w.:-]{0,40})(?:\s[^<>]{0,200})?>\s*(?<xsecret>[^<>\s]{1,300})\s*<\/`,
      "gi"
    ),
    requires: "</",
    visible: 0,
    generic: true,
    verify: verifyXml
  }
];

// checks/lib/secrets/rules-ai.ts
var AI_RULES = [
  {
    // https://platform.openai.com/docs/api-reference/authentication — every key format (legacy sk-,
    // sk-proj-, sk-svcacct-, sk-admin-) embeds `T3BlbkFJ` (base64 of "OpenAI"): without it, not a key
    id: "openai-api-key",
    family: "openai",
    description: "OpenAI API key (sk-\u2026, sk-proj-\u2026, sk-svcacct-\u2026, sk-admin-\u2026 carrying T3BlbkFJ)",
    keywords: ["t3blbkfj"],
    pattern: prefixedPattern("sk-(?:[a-z]{3,10}-)?[A-Za-z0-9_-]{8,200}T3BlbkFJ[A-Za-z0-9_-]{8,200}"),
    visible: 4,
    minEntropy: 3.5
  },
  {
    // https://docs.anthropic.com/en/api/getting-started#authentication (sk-ant-api03-…, sk-ant-admin01-…)
    id: "anthropic-api-key",
    family: "anthropic",
    description: "Anthropic API or admin key (sk-ant-\u2026)",
    keywords: ["sk-ant-"],
    pattern: prefixedPattern("sk-ant-[a-z]{3,6}\\d{2}-[A-Za-z0-9_-]{93}AA"),
    visible: 7,
    minEntropy: 3.5,
    // api03/admin01 keys are 93 characters then `AA`: any body of that shape is reported
    exactShape: true
  },
  {
    // https://huggingface.co/docs/hub/security-tokens (hf_ + 34 letters; organization tokens api_org_)
    id: "huggingface-token",
    family: "huggingface",
    description: "Hugging Face access token (hf_\u2026, api_org_\u2026)",
    keywords: ["hf_", "api_org_"],
    pattern: prefixedPattern("(?:hf|api_org)_[A-Za-z]{34}"),
    visible: 3,
    minEntropy: 3.5
  }
];

// checks/lib/secrets/rules-cloud.ts
import { createHash as createHash2 } from "node:crypto";
var L_ANY = "(?<![A-Za-z0-9_.-])";
var CF_ORIGIN_CA = String.raw`(?<![\w.-])(?<osecret>v1\.0-[a-f0-9]{24}-[a-f0-9]{146})(?![\w-])`;
var UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
var PUBLIC_EXAMPLE_GCP_KEYS = /* @__PURE__ */ new Set([
  "0b476bdf9acf2123d547b5ae76f1e59884d8ec9553ee0c47e9f31fd4768f3f3c",
  "2037abcaffb2b77785da716cf7ccff4ff4d00c4ea930db0167b7d71f50af7eb4",
  "27a9a42931dff7eb2f8434e20a9bce976ea364e7bee49187f19d5cfeca9c7045",
  "37f8f09bdf12c2f2eae4ead7273a62ddb0c23459cbf902892f282b57f7ed6619",
  "3a8b61d0f636b007840c0d40ba12bcf48465dc054cdc1a68704a33521d84b665",
  "3f370c9dd8225c63b5c77de1f785edc9712958f18bb612d5fa2e0ae33aeca682",
  "49f777db995e8260da7ca9ffdf0c08d66f0453e97ec967018baf2cdfe3b582d0",
  "4c98242dcadc8b29005c6b4aad526552d5ea1842149154c0694adeec75847583",
  "8731261cb72d86267a32a532ebd3df429e2144e5e4ced7e13568bc9e6c8fb1b1",
  "a19f89ab3555eac10c40741f6df79ecf0935998f15569f8db9d67bce0181fff6",
  "a6c814bc555ae62c7bd8b58ec07bf559c7ed3a009976a1e0acc9cef0d4473b41",
  "dc0fcf046c61640cbd1e8b999ada3262d722c2ca4bf42dceac999020ffdbb614",
  "e4a5542bb7fd7b67e943c71ad29c34b5972c9840597e7eda53e666f44d5da0b9",
  "ea9bb1082cf95663f5faca23b8b15ef2aa0fce0a5c6df9c32dcb85b2e0a4513d",
  "eb540d2b6ee2a0a47c5779bc8a0141784c6b753840d4c6f4e2428a6e86e9e0b1",
  "f56e323494a6ffc2064e7a955908957d84f0755e5f975dabd64328d0359a8f7c"
]);
var CLOUD_RULES = [
  {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
    id: "aws-access-key-id",
    family: "aws",
    description: "AWS access key id (AKIA/ASIA/ABIA/ACCA\u2026, 20 base32 characters)",
    keywords: ["akia", "asia", "abia", "acca"],
    pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/g,
    visible: 4,
    minEntropy: 2.5
  },
  {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
    id: "aws-secret-access-key",
    family: "aws",
    description: "AWS secret access key (40 base64 characters assigned to an AWS secret key name)",
    keywords: ["secret_access_key", "secretaccesskey", "aws_secret", "awssecret", "secret-access-key"],
    pattern: keyedPattern("secret[_-]?access[_-]?key|aws[_-]?secret", "[A-Za-z0-9/+]{40}"),
    visible: 0,
    minEntropy: 3.5
  },
  {
    // https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html (ABSK + base64 of "BedrockAPIKey-…")
    id: "aws-bedrock-api-key",
    family: "aws",
    description: "Amazon Bedrock API key (ABSK\u2026)",
    keywords: ["absk"],
    pattern: prefixedPattern("ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{40,300}={0,2}"),
    visible: 4,
    minEntropy: 4
  },
  {
    // https://cloud.google.com/iam/docs/keys-create-delete (a service account key file: JSON whose
    // type is service_account, with the key in its private_key field); the type alone is not reported,
    // since code and docs that handle such files name it too
    id: "gcp-service-account-key",
    family: "gcp",
    description: "Google Cloud service account key file (JSON with a private_key field)",
    keywords: ["service_account"],
    requires: '"private_key"',
    pattern: /"type"\s*:\s*"service_account"/g,
    visible: 0
  },
  {
    // https://cloud.google.com/docs/authentication/api-keys (AIza + 35 URL-safe characters; Firebase Web keys too)
    id: "gcp-api-key",
    family: "gcp",
    description: "Google Cloud / Firebase API key (AIza\u2026)",
    keywords: ["aiza"],
    pattern: prefixedPattern("AIza[A-Za-z0-9_-]{35}"),
    visible: 4,
    // random 35-character bodies score above 4 bits/char; hand-typed look-alikes do not (as gitleaks)
    minEntropy: 4,
    verify: ({ secret }) => !PUBLIC_EXAMPLE_GCP_KEYS.has(createHash2("sha256").update(secret).digest("hex"))
  },
  {
    // https://developers.google.com/identity/protocols/oauth2 (client secrets GOCSPX-…, access tokens ya29.…)
    id: "google-oauth-secret",
    family: "google-oauth",
    description: "Google OAuth client secret (GOCSPX-) or access token (ya29.)",
    keywords: ["gocspx-", "ya29."],
    pattern: prefixedPattern(String.raw`GOCSPX-[A-Za-z0-9_-]{28}|ya29\.[A-Za-z0-9_-]{50,400}`),
    visible: 7,
    minEntropy: 3.5
  },
  {
    // https://firebase.google.com/docs/cloud-messaging/auth-server (legacy FCM server keys AAAA…:APA91b…)
    id: "firebase-fcm-server-key",
    family: "firebase",
    description: "Firebase Cloud Messaging legacy server key",
    keywords: [":apa91b"],
    pattern: prefixedPattern("AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{100,200}"),
    visible: 4,
    binaryBody: true,
    minEntropy: 3.5
  },
  {
    // https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials (client secrets: 3 chars, a digit, Q~, 31-34 more)
    id: "azure-ad-client-secret",
    family: "azure",
    description: "Microsoft Entra ID (Azure AD) client secret (\u2026Q~\u2026)",
    keywords: ["q~"],
    pattern: /(?<![\w~.-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![\w~.-])/g,
    visible: 0,
    minEntropy: 3.5
  },
  {
    // https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage (88-character base64)
    id: "azure-storage-account-key",
    family: "azure",
    description: "Azure storage account key (AccountKey=\u2026 in a connection string)",
    keywords: ["accountkey"],
    pattern: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/gi,
    visible: 0,
    minEntropy: 4
  },
  {
    // https://developers.cloudflare.com/fundamentals/api/get-started/create-token/ (40-character API
    // tokens), /keys/ (37-hex global API key), /ssl/origin-configuration/origin-ca/ (v1.0- origin CA keys)
    id: "cloudflare-api-token",
    family: "cloudflare",
    description: "Cloudflare API token, global API key or origin CA key",
    keywords: ["cloudflare", "cf_api", "cf-api", "cfapi", "cf_auth", "v1.0-", "cfk_", "cfut_", "cfat_"],
    pattern: new RegExp(
      // https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/ (cfk_/cfut_/cfat_
      // + 40 base62 + 8 hex)
      `(?<![A-Za-z0-9_-])(?<psecret>(?:cfk|cfut|cfat)_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9])|${keyedPattern("cloudflare|cf[_-]?(?:api|auth)", "[A-Za-z0-9_-]{40}|[a-f0-9]{37}").source}|${CF_ORIGIN_CA}`,
      "gi"
    ),
    visible: 0,
    minEntropy: 3.3
  },
  {
    // https://docs.digitalocean.com/reference/api/create-personal-access-token/ (dop_v1_, doo_v1_, dor_v1_ + 64 hex)
    id: "digitalocean-token",
    family: "digitalocean",
    description: "DigitalOcean token (dop_v1_, doo_v1_, dor_v1_)",
    keywords: ["dop_v1_", "doo_v1_", "dor_v1_"],
    pattern: prefixedPattern("do[opr]_v1_[a-f0-9]{64}"),
    visible: 7,
    minEntropy: 3
  },
  {
    // https://devcenter.heroku.com/articles/authentication (HRKU- tokens; legacy keys are UUIDs)
    id: "heroku-api-key",
    family: "heroku",
    description: "Heroku API key (HRKU-\u2026, or a UUID assigned to a Heroku key name)",
    keywords: ["hrku-", "heroku"],
    pattern: new RegExp(
      `${L_ANY}(?<psecret>HRKU-[A-Za-z0-9_-]{50,70})(?![\\w-])|${keyedPattern("heroku", UUID).source}`,
      "gi"
    ),
    visible: 0,
    minEntropy: 3
  },
  {
    // https://docs.databricks.com/en/dev-tools/auth/pat.html (dapi + 32 hex, optional -N suffix)
    id: "databricks-token",
    family: "databricks",
    description: "Databricks personal access token (dapi\u2026)",
    keywords: ["dapi"],
    pattern: prefixedPattern("dapi[a-fA-F0-9]{32}(?:-[0-9])?"),
    visible: 4,
    minEntropy: 3
  },
  {
    // https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes (hvs., hvb., hvr.; legacy s.)
    id: "vault-token",
    family: "vault",
    description: "HashiCorp Vault token (hvs., hvb., hvr., legacy s. next to a Vault key name)",
    keywords: ["hvs.", "hvb.", "hvr.", "vault"],
    pattern: new RegExp(
      `${L_ANY}(?<psecret>hv[sbr]\\.[A-Za-z0-9_-]{24,400}(?:\\.[A-Za-z0-9]{5})?)(?![\\w.-])|${keyedPattern("vault", String.raw`s\.[A-Za-z0-9]{24}`).source}`,
      "gi"
    ),
    visible: 4,
    minEntropy: 3.5
  }
];

// checks/lib/secrets/checksum.ts
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var CHECKSUM_LENGTH = 6;
var CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
  return c >>> 0;
});
function crc32(text) {
  let crc = 4294967295;
  for (let i = 0; i < text.length; i++)
    crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 255] ?? 0) ^ crc >>> 8;
  return (crc ^ 4294967295) >>> 0;
}
function base62Checksum(value) {
  let out = "";
  for (let n = value; n > 0; n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
  return out.padStart(CHECKSUM_LENGTH, "0");
}
function hasValidChecksum(body) {
  if (body.length <= CHECKSUM_LENGTH) return false;
  const random = body.slice(0, -CHECKSUM_LENGTH);
  return base62Checksum(crc32(random)) === body.slice(-CHECKSUM_LENGTH);
}
var BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
var BECH32_GENERATORS = [996825010, 642813549, 513874426, 1027748829, 705979059];
function hasValidBech32(text) {
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf("1");
  if (separator < 1 || lower.length - separator < 7) return false;
  const hrp = lower.slice(0, separator);
  const values = [];
  for (const c of hrp) values.push(c.charCodeAt(0) >> 5);
  values.push(0);
  for (const c of hrp) values.push(c.charCodeAt(0) & 31);
  for (const c of lower.slice(separator + 1)) {
    const value = BECH32.indexOf(c);
    if (value === -1) return false;
    values.push(value);
  }
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = (checksum & 33554431) << 5 ^ value;
    for (let i = 0; i < 5; i++) if (top >>> i & 1) checksum ^= BECH32_GENERATORS[i] ?? 0;
  }
  return checksum === 1;
}

// checks/lib/secrets/rules-code.ts
var crcAfterPrefix = (prefixLength) => (secret) => secret.length === prefixLength + 36 && hasValidChecksum(secret.slice(prefixLength));
var CODE_RULES = [
  {
    // https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
    // https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app
    // (installation tokens since 2026: ghs_APPID_JWT, ~520 characters)
    id: "github-token",
    family: "github",
    description: "GitHub token (ghp_, gho_, ghu_, ghs_, ghr_; ghs_APPID_JWT installation tokens)",
    keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
    pattern: prefixedPattern(
      String.raw`ghs_\d{1,12}_eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}|gh[pousr]_[A-Za-z0-9]{36,251}`
    ),
    visible: 4,
    minEntropy: 3,
    checksum: crcAfterPrefix(4)
  },
  {
    // https://github.blog/changelog/2022-10-18-introducing-fine-grained-personal-access-tokens/
    id: "github-fine-grained-pat",
    family: "github",
    description: "GitHub fine-grained personal access token (github_pat_)",
    keywords: ["github_pat_"],
    pattern: prefixedPattern("github_pat_[A-Za-z0-9_]{70,255}"),
    visible: 11,
    minEntropy: 3,
    // `github_pat_<22 id>_<59>`: the second part ends with the same base62 CRC32 of the part before it
    checksum: (secret) => {
      const parts = /^github_pat_([A-Za-z0-9]{22})_([A-Za-z0-9]{59})$/.exec(secret);
      return !!parts && (hasValidChecksum(parts[2] ?? "") || hasValidChecksum(`${parts[1]}_${parts[2]}`));
    }
  },
  {
    // https://docs.gitlab.com/security/tokens/#token-prefixes (routable tokens end `.01.<crc>`)
    id: "gitlab-token",
    family: "gitlab",
    description: "GitLab token (glpat-, gloas-, gldt-, glrt-, glcbt-, glptt-, glft-, glimt-, glagent-, glsoat-, glffct-, GR1348941)",
    keywords: [
      "glpat-",
      "gloas-",
      "gldt-",
      "glrt-",
      "glrtr-",
      "glcbt-",
      "glptt-",
      "glft-",
      "glimt-",
      "glagent-",
      "glsoat-",
      "glffct-",
      "glwt-",
      "gr1348941",
      "_gitlab_session="
    ],
    pattern: prefixedPattern(
      String.raw`(?:glpat|gloas|gldt|glrtr?|glptt|glft|glimt|glagent|glsoat|glffct|glwt)-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,12})?|glcbt-(?:[0-9a-zA-Z]{1,5}_)?[A-Za-z0-9_-]{20,64}|GR1348941[A-Za-z0-9_-]{20,64}|(?<=_gitlab_session=)[0-9a-z]{32}`
    ),
    visible: 6,
    minEntropy: 3
  },
  {
    // https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/
    id: "npm-token",
    family: "npm",
    description: "npm access token (npm_, base62 CRC32 in the last six characters)",
    keywords: ["npm_"],
    pattern: prefixedPattern("npm_[A-Za-z0-9]{36}"),
    visible: 4,
    minEntropy: 3,
    checksum: crcAfterPrefix(4)
  },
  {
    // https://pypi.org/help/#apitoken (macaroons: `pypi-` + base64url of a serialized macaroon
    // whose location is pypi.org / test.pypi.org, hence `AgEIcHlwaS5vcmc` / `AgENdGVzdC5weXBpLm9yZw`)
    id: "pypi-token",
    family: "pypi",
    description: "PyPI API token (pypi-AgEIcHlwaS5vcmc\u2026, TestPyPI pypi-AgENdGVzdC5weXBpLm9yZw\u2026)",
    keywords: ["pypi-age"],
    pattern: prefixedPattern(
      "pypi-AgE[A-Za-z0-9_-]{0,30}(?:cHlwaS5vcmc|dGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{40,400}"
    ),
    visible: 5,
    minEntropy: 3.5
  },
  {
    // https://developer.atlassian.com/cloud/confluence/basic-auth-for-rest-apis/ (ATATT3… API tokens)
    id: "atlassian-api-token",
    family: "atlassian",
    description: "Atlassian API token (ATATT3\u2026, ATCTT3\u2026, or 24 characters next to an Atlassian/Jira/Confluence key name)",
    keywords: ["atatt3", "atctt3", "atlassian", "confluence", "jira"],
    // classic API tokens: 24 characters under an Atlassian, Confluence or Jira key name
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<psecret>AT[AC]TT3[A-Za-z0-9_=+/-]{150,300})${R}|${keyedPattern("atlassian|confluence|jira", "[A-Za-z0-9]{24}").source}`,
      "gi"
    ),
    visible: 6,
    minEntropy: 4
  },
  {
    // https://linear.app/developers/graphql#personal-api-keys
    id: "linear-api-key",
    family: "linear",
    description: "Linear API key (lin_api_, lin_oauth_)",
    keywords: ["lin_api_", "lin_oauth_", "linear"],
    // OAuth client secrets: 32 hex under a Linear key name
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<psecret>lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})${R}|${keyedPattern("linear", "[a-f0-9]{32}").source}`,
      "gi"
    ),
    visible: 8,
    minEntropy: 3.5
  },
  {
    // https://github.com/clojars/clojars-web/wiki/Deploy-Tokens (CLOJARS_ + 60 hex)
    id: "clojars-deploy-token",
    family: "clojars",
    description: "Clojars deploy token (CLOJARS_)",
    keywords: ["clojars_"],
    pattern: prefixedPattern("CLOJARS_[a-z0-9]{60}", "gi"),
    visible: 8,
    minEntropy: 3
  },
  {
    // https://learning.postman.com/docs/developer/postman-api/authentication/ (PMAK-<24 hex>-<34 hex>)
    id: "postman-api-key",
    family: "postman",
    description: "Postman API key (PMAK-)",
    keywords: ["pmak-"],
    pattern: prefixedPattern("PMAK-[a-f0-9]{24}-[a-f0-9]{34}", "gi"),
    visible: 5,
    minEntropy: 3
  },
  {
    // https://docs.doppler.com/docs/token-formats
    id: "doppler-token",
    family: "doppler",
    description: "Doppler token (dp.pt., dp.st., dp.sa., dp.ct., dp.scim., dp.audit.)",
    keywords: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
    pattern: prefixedPattern(
      String.raw`dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_-]{1,40}\.)?[A-Za-z0-9]{40,44}`
    ),
    visible: 6,
    minEntropy: 3.5
  },
  {
    // https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/ (pul-<40 hex>)
    id: "pulumi-token",
    family: "pulumi",
    description: "Pulumi access token (pul-)",
    keywords: ["pul-"],
    pattern: prefixedPattern("pul-[a-f0-9]{40}"),
    visible: 4,
    minEntropy: 3
  },
  {
    // https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output
    // (passwords belong in sensitive variables): a quoted literal under a `…password` argument of a
    // .tf/.hcl file is the password itself; `var.x` and `"${…}"` interpolations are references
    id: "terraform-password",
    family: "terraform",
    description: "Password literal in a Terraform or HCL file",
    keywords: ["password"],
    pattern: /(?<![\w-])[\w-]{0,40}password\s*=\s*"(?<secret>[A-Za-z0-9=_-]{8,64})"/gi,
    visible: 0,
    minEntropy: 2,
    verify: ({ path: path4 }) => /\.(?:tf|hcl)$/i.test(path4)
  },
  {
    // https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens
    id: "terraform-cloud-token",
    family: "terraform",
    description: "Terraform Cloud / HCP Terraform API token (<14>.atlasv1.<60+>)",
    keywords: [".atlasv1."],
    pattern: prefixedPattern(String.raw`[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,80}`),
    visible: 0,
    minEntropy: 3.5
  }
];

// checks/lib/secrets/rules-keys.ts
var DASHES = "-".repeat(5);
var PEM_TAIL = `PRIVATE KEY(?: BLOCK)?${DASHES}`;
var LOCALHOST_RE = /@(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(?:[:/]|$)/i;
var JWT = String.raw`eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}`;
function isPemBody(body) {
  const lines = body.replace(/\\r|\\n/g, "\n").split(/\r?\n/);
  const base64 = lines.filter((line) => !line.includes(":")).join("").replace(/\s+|\\/g, "");
  return base64.length >= 40 && /^[A-Za-z0-9+/=]+$/.test(base64);
}
function isSignedJwt(token) {
  const alg = decodeJwt(token)?.header.alg;
  return typeof alg === "string" && alg.toLowerCase() !== "none";
}
var KEY_RULES = [
  {
    // RFC 7468 (PEM), RFC 4880 §6.2 (PGP armor), https://man.openbsd.org/ssh-keygen (OPENSSH PRIVATE KEY)
    id: "private-key",
    family: "private-key",
    description: "PEM, OpenSSH or PGP private key block",
    keywords: ["private key"],
    pattern: new RegExp(
      `${DASHES}BEGIN(?<label>[ A-Z0-9]{0,40})${PEM_TAIL}(?<secret>[\\s\\S]{40,16000}?)${DASHES}END\\k<label>${PEM_TAIL}`,
      "g"
    ),
    visible: 0,
    binaryBody: true,
    verify: ({ secret }) => isPemBody(secret)
  },
  {
    // https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html (PPK files)
    id: "putty-private-key",
    family: "private-key",
    description: "PuTTY private key file (PuTTY-User-Key-File-\u2026)",
    keywords: ["private-lines:"],
    pattern: /Private-Lines: \d+\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{40,8000})/g,
    visible: 0,
    binaryBody: true,
    verify: ({ text }) => text.includes("PuTTY-User-Key-File-")
  },
  {
    // https://age-encryption.org/v1 (Bech32 AGE-SECRET-KEY-1 + 58 characters)
    id: "age-secret-key",
    family: "private-key",
    description: "age secret key (AGE-SECRET-KEY-1\u2026)",
    keywords: ["age-secret-key-1"],
    pattern: prefixedPattern("AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"),
    visible: 15,
    // the shape is exact (Bech32 alphabet, fixed length): reported whatever its body, annotated with
    // what its Bech32 checksum says
    exactShape: true,
    checksum: hasValidBech32
  },
  {
    // https://supabase.com/docs/guides/api/api-keys (service_role JWTs bypass row-level security)
    id: "supabase-service-role-key",
    family: "supabase",
    description: 'Supabase service-role key (a JWT whose payload has "role":"service_role")',
    keywords: ["eyj"],
    pattern: prefixedPattern(JWT),
    visible: 0,
    verify: ({ secret }) => isServiceRoleJwt(secret)
  },
  {
    // RFC 7519; any signed JWT in source is a bearer credential until it expires (Supabase anon keys too:
    // they are meant for browsers, not for repositories that outlive a key rotation)
    id: "jwt",
    family: "jwt",
    description: "JSON Web Token (signed, header names an algorithm)",
    keywords: ["eyj"],
    pattern: prefixedPattern(`${JWT}={0,2}`),
    visible: 0,
    verify: ({ secret }) => isSignedJwt(secret) && !isServiceRoleJwt(secret)
  },
  {
    // A JWT that was base64-encoded once more (`ZXlK…` is base64 of `eyJ`), as in Kubernetes secrets
    id: "jwt-base64",
    family: "jwt",
    description: "base64-encoded JSON Web Token",
    keywords: ["zxlk"],
    pattern: prefixedPattern("ZXlK[A-Za-z0-9+/]{40,4000}={0,2}"),
    visible: 0,
    verify: ({ secret }) => isSignedJwt(Buffer.from(secret, "base64").toString("utf8").trim())
  },
  {
    // https://supabase.com/docs/guides/platform/access-control (sbp_ + 40 hex)
    id: "supabase-access-token",
    family: "supabase",
    description: "Supabase personal access token (sbp_)",
    keywords: ["sbp_"],
    pattern: prefixedPattern("sbp_[a-f0-9]{40}"),
    visible: 4,
    minEntropy: 3
  },
  {
    // https://supabase.com/docs/guides/api/api-keys (sb_secret_…; sb_publishable_ keys are public)
    id: "supabase-secret-key",
    family: "supabase",
    description: "Supabase secret API key (sb_secret_)",
    keywords: ["sb_secret_"],
    pattern: prefixedPattern("sb_secret_[A-Za-z0-9_-]{20,120}"),
    visible: 10,
    minEntropy: 3
  },
  {
    // RFC 3986 userinfo in database/broker URLs
    id: "connection-string-password",
    family: "connection-string",
    description: "Database/broker connection string with an inline password",
    keywords: ["postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver", "cockroach"],
    pattern: /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb):\/\/(?<user>[^\s:/@'"`]*):(?<secret>[^\s@'"`/]+)@[^\s'"`]+/g,
    visible: 0,
    // a local development database is not a leaked production credential
    verify: ({ match, secret }) => !LOCALHOST_RE.test(match[0]) && secret !== match.groups?.user
  },
  {
    // RFC 3986 §3.2.1 userinfo in http(s)/ftp(s) URLs (`https://user:password@host`), which RFC 3986
    // deprecates precisely because the password travels with the link
    id: "basic-auth-url",
    family: "basic-auth",
    description: "Password in the userinfo of an http(s) or ftp(s) URL",
    keywords: ["http://", "https://", "ftp://", "ftps://"],
    pattern: /(?<![A-Za-z0-9+.-])(?:https?|ftps?):\/\/(?<user>[A-Za-z0-9._~%!$&'*+,;=-]{1,64}):(?<secret>[^\s:/?#@'"`<>()[\]{}]{4,128})@(?<host>[A-Za-z0-9.-]+\.[A-Za-z]{2,}|[A-Za-z0-9-]{2,}(?=[:/]))/g,
    visible: 0,
    // `user:pass@host` is a credential too: only templates, repeats and spelled-out placeholders are not
    exactShape: true,
    verify: ({ match, secret }) => {
      const lower = secret.toLowerCase();
      return !LOCALHOST_RE.test(`@${match.groups?.host ?? ""}`) && secret !== match.groups?.user && !/^(.)\1*$/.test(secret) && !/password|passwd|your_|your-|replace|xxxx|changeme|secret$|^\$|^%|\*\*\*/.test(lower);
    }
  },
  {
    // RFC 6750 (Bearer) and RFC 7617 (Basic) credentials written into code or config
    id: "authorization-header",
    family: "generic",
    description: "Bearer or Basic credentials in an Authorization header",
    keywords: ["bearer ", "basic "],
    pattern: /\b(?:Bearer\s+(?<secret>[A-Za-z0-9._~+/-]{20,500}=*)|Basic\s+(?<bsecret>[A-Za-z0-9+/]{16,400}={0,2}))(?![\w+/=.-])/gi,
    visible: 0,
    minEntropy: 3.5,
    generic: true,
    verify: ({ secret, match }) => match.groups?.bsecret === void 0 || Buffer.from(secret, "base64").toString("latin1").includes(":")
  }
];

// checks/lib/secrets/rules-saas.ts
var lastSegment = (secret) => secret.slice(secret.lastIndexOf("-") + 1);
var SAAS_RULES = [
  {
    // https://docs.slack.dev/authentication/tokens (bot xoxb-<team>-<bot>-<24>, user xoxp-<team>-<user>-<team>-<32>,
    // app-level xapp-1-<app>-<n>-<64 hex>, configuration xoxe.xoxp-1-…, refresh xoxe-1-…, legacy xoxa/xoxr/xoxo/xoxs)
    id: "slack-token",
    family: "slack",
    description: "Slack token (xoxb-, xoxp-, xoxe-, xapp-, xoxa-, xoxr-, xoxo-, xoxs-) with Slack\u2019s digit segments",
    keywords: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxo-", "xoxe-", "xoxe.", "xapp-"],
    pattern: prefixedPattern(
      [
        String.raw`xoxb-\d{8,14}-(?:\d{8,14}-?)?[A-Za-z0-9-]{18,40}`,
        String.raw`xoxb-\d{8,14}-\d{8,14}`,
        String.raw`xox[pe](?:-\d{8,14}){3}-[A-Za-z0-9-]{28,40}`,
        String.raw`xox[ar]-(?:\d-)?[0-9A-Za-z]{8,48}(?:-[0-9A-Za-z]{6,48}){0,3}`,
        String.raw`xox[os]-\d+-\d+-\d+-[A-Fa-f\d]+`,
        String.raw`xox[os]-\d{8,14}-\d{8,14}`,
        String.raw`xoxe\.xox[bp]-\d-[A-Za-z0-9]{150,180}`,
        String.raw`xoxe-\d-[A-Za-z0-9]{140,160}`,
        String.raw`xapp-\d-[A-Za-z0-9]+-\d+-[A-Za-z0-9]+`
      ].join("|"),
      "g"
    ),
    visible: 5,
    // the digit segments already prove the shape; a short hex tail can dip below 3 bits/char
    minEntropy: 2,
    bodyOf: lastSegment
  },
  {
    // https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
    id: "slack-webhook",
    family: "slack-webhook",
    description: "Slack incoming webhook or workflow trigger URL",
    keywords: ["hooks.slack.com"],
    pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9_/+-]{20,250})/g,
    visible: 0,
    bodyOf: lastSegmentSlash
  },
  {
    // https://docs.stripe.com/keys (sk_/rk_ × live/test; publishable pk_ keys are public by design)
    id: "stripe-secret-key",
    family: "stripe",
    description: "Stripe secret or restricted key (sk_live_, sk_test_, rk_live_, rk_test_) or webhook secret (whsec_)",
    keywords: ["sk_live_", "rk_live_", "sk_test_", "rk_test_", "sk_prod_", "rk_prod_", "whsec_"],
    pattern: prefixedPattern("[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9+/]{32,64}"),
    visible: 8,
    minEntropy: 3
  },
  {
    // https://developer.squareup.com/docs/build-basics/access-tokens (EAAA… access tokens, sq0csp- app secrets)
    id: "square-access-token",
    family: "square",
    description: "Square access token (EAAA\u2026, legacy sq0atp-)",
    keywords: ["eaaa", "sq0atp-"],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_+/-])(?<secret>EAAA[A-Za-z0-9_-]{22,124}|sq0atp-[A-Za-z0-9_\\\\\\]^-]{22,60})${R}`,
      "g"
    ),
    visible: 4,
    minEntropy: 3.5
  },
  {
    id: "square-application-secret",
    family: "square",
    description: "Square OAuth application secret (sq0csp-)",
    keywords: ["sq0csp-"],
    // gitleaks' samples draw the body from `0-9A-Za-z` and the range `\\-_` (`\\ ] ^ _`) too
    pattern: prefixedPattern(String.raw`sq0csp-[A-Za-z0-9_\\\]^-]{40,60}`),
    visible: 7,
    minEntropy: 3.5
  },
  {
    // https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens (shpat_, shpca_, shppa_, shpss_ + 32 hex)
    id: "shopify-token",
    family: "shopify",
    description: "Shopify access token or shared secret (shpat_, shpca_, shppa_, shpss_)",
    keywords: ["shpat_", "shpca_", "shppa_", "shpss_"],
    // 32 hex in Shopify's docs; secretlint's fixtures carry 32–38 base62 characters too
    pattern: prefixedPattern("shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,40}"),
    visible: 6,
    minEntropy: 3
  },
  {
    // https://www.twilio.com/docs/iam/api-keys (API key SIDs SK + 32 hex; auth tokens 32 hex;
    // account SIDs AC… are identifiers, not secrets)
    id: "twilio-api-key",
    family: "twilio",
    description: "Twilio API key SID (SK\u2026) or auth token next to a Twilio key name",
    keywords: ["sk", "twilio"],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<psecret>SK[0-9a-fA-F]{32})${R}|${keyedPattern("twilio", "[a-f0-9]{32}").source}`,
      "gi"
    ),
    visible: 2,
    minEntropy: 3
  },
  {
    // https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys (SG.<22>.<43>)
    id: "sendgrid-api-key",
    family: "sendgrid",
    description: "SendGrid API key (SG.\u2026)",
    keywords: ["sg."],
    // 22 + `.` + 43 characters; the key id and secret use the URL-safe base64 alphabet with `=`
    pattern: prefixedPattern(String.raw`SG\.[A-Za-z0-9=_-]{22}\.[A-Za-z0-9=_-]{43}|SG\.[A-Za-z0-9=_.-]{66}`),
    visible: 3,
    minEntropy: 3.5
  },
  {
    // https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key
    // (key-<32 hex>, newer <32 hex>-<8>-<8>; pubkey- validation keys; webhook signing keys)
    id: "mailgun-api-key",
    family: "mailgun",
    description: "Mailgun API key (key-\u2026, pubkey-\u2026, or a hex key next to a Mailgun key name)",
    keywords: ["key-", "mailgun"],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<psecret>(?:pub)?key-[a-f0-9]{32})${R}|${keyedPattern("mailgun", "[a-f0-9]{32}(?:-[a-f0-9]{8}-[a-f0-9]{8})?").source}`,
      "gi"
    ),
    visible: 4,
    minEntropy: 3
  },
  {
    // https://docs.datadoghq.com/account_management/api-app-keys/ (API keys 32 hex, application keys 40 hex)
    id: "datadog-api-key",
    family: "datadog",
    description: "Datadog API or application key next to a Datadog key name",
    keywords: ["datadog", "dd_api", "dd_app", "dd-api", "dd-app", "ddapi", "ddapp"],
    pattern: keyedPattern("datadog|dd[_-]?(?:api|app)", "[a-z0-9]{40}|[a-f0-9]{32}"),
    visible: 0,
    minEntropy: 3
  },
  {
    // https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/ (NRAK- user keys, NRII- insert,
    // NRIQ- query, NRRA- REST, NRJS- browser; license keys are 40 hex-like characters ending NRAL)
    id: "new-relic-key",
    family: "new-relic",
    description: "New Relic API key (NRAK-, NRII-, NRIQ-, NRRA-, NRJS-) or license key (\u2026NRAL)",
    keywords: ["nrak-", "nrii-", "nriq-", "nrra-", "nrjs-", "nral"],
    pattern: prefixedPattern(
      "NRAK-[A-Za-z0-9]{27}|NRI[IQ]-[A-Za-z0-9_-]{32}|NRRA-[a-f0-9]{42}|NRJS-[a-f0-9]{19}|[a-f0-9]{36}NRAL"
    ),
    visible: 5,
    minEntropy: 3
  },
  {
    // https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/ (user API keys as stored by
    // integrations: 64 characters under a New Relic key name)
    id: "new-relic-keyed-key",
    family: "new-relic",
    description: "New Relic key (64 characters next to a New Relic key name)",
    keywords: ["new-relic", "newrelic", "new_relic"],
    pattern: keyedPattern("new[_-]?relic", "[A-Za-z0-9]{64}"),
    visible: 0,
    minEntropy: 3.5
  },
  {
    // https://docs.sentry.io/account/auth-tokens/ (org tokens sntrys_<base64 JSON>_<43>, user tokens sntryu_<64 hex>;
    // DSNs are public client keys and are not flagged)
    id: "sentry-token",
    family: "sentry",
    description: "Sentry auth token (sntrys_, sntryu_, or 64 hex next to a Sentry key name)",
    keywords: ["sntrys_", "sntryu_", "sentry"],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<psecret>sntrys_eyJ[A-Za-z0-9+/=_-]{40,400}|sntryu_[a-f0-9]{64})${R}|${keyedPattern("sentry", "[a-f0-9]{64}").source}`,
      "gi"
    ),
    visible: 7,
    minEntropy: 3
  },
  {
    // https://developer.okta.com/docs/guides/create-an-api-token/ (SSWS tokens: 00 + 40 characters)
    id: "okta-api-token",
    family: "okta",
    description: "Okta API token (00\u2026 next to an Okta key name or after SSWS)",
    keywords: ["okta", "ssws"],
    pattern: new RegExp(
      `SSWS\\s+(?<psecret>00[A-Za-z0-9=_-]{40})${R}|${keyedPattern("okta", "00[A-Za-z0-9=_-]{40}").source}`,
      "gi"
    ),
    visible: 0,
    minEntropy: 3.5,
    // `okta` as a word of the key name (`oktaToken`, `OKTA_KEY`), not letters across a camel-case
    // boundary (`rookTable`)
    verify: ({ match, text }) => {
      if (match[0].startsWith("SSWS") || match[0].startsWith("ssws")) return true;
      const at = match[0].toLowerCase().indexOf("okta");
      const word = match[0].slice(at, at + 4);
      const before = (at === 0 ? text[match.index - 1] : match[0][at - 1]) ?? " ";
      return /^(?:okta|Okta|OKTA)$/.test(word) && !(word === "okta" && /[a-z]/.test(before));
    }
  }
];
function lastSegmentSlash(secret) {
  return secret.slice(secret.lastIndexOf("/") + 1);
}

// checks/lib/secrets/rules.ts
var SECRET_RULES = [
  ...CLOUD_RULES,
  ...CODE_RULES,
  ...SAAS_RULES,
  ...AI_RULES,
  ...KEY_RULES,
  ...GENERIC_RULES
];
function entropyOk(rule, secret) {
  return rule.minEntropy === void 0 || shannonEntropy(secret) >= rule.minEntropy;
}

// checks/lib/secrets/keywords.ts
var KeywordScanner = class {
  keywords;
  /** Character class of each ASCII code unit of the text, A–Z folded onto a–z (0: in no keyword). */
  asciiClass;
  /** Classes of the non-ASCII code units keywords contain (only read on lowercased non-ASCII text). */
  wideClass;
  classCount;
  /**
   * States are numbered by the offset of their row (`state << shift`, rows a power of two wide):
   * `next[row | class]` is the row of the state after reading a character, failures resolved.
   */
  shift;
  /** Rows of states where a keyword ends are stored complemented (negative): no second lookup. */
  next;
  /** Id of the empty keyword (a custom rule's `""`): it occurs at every offset, end included. */
  emptyId;
  maxLength;
  /** Keywords ending in each state (own and via suffix links): ids `outIds[outStart[s]..outStart[s+1]]`. */
  outStart;
  outIds;
  lengths;
  constructor(keywords) {
    this.keywords = keywords;
    this.lengths = Int32Array.from(keywords, (k) => k.length);
    const classOfUnit = /* @__PURE__ */ new Map();
    for (const keyword of keywords)
      for (let i = 0; i < keyword.length; i++) {
        const unit = keyword.charCodeAt(i);
        if (!classOfUnit.has(unit)) classOfUnit.set(unit, classOfUnit.size + 1);
      }
    this.classCount = classOfUnit.size + 1;
    this.asciiClass = new Uint8Array(128);
    for (let c = 0; c < 128; c++) {
      const folded = c >= 65 && c <= 90 ? c + 32 : c;
      this.asciiClass[c] = classOfUnit.get(folded) ?? 0;
    }
    this.wideClass = new Map([...classOfUnit].filter(([unit]) => unit >= 128));
    const children = [/* @__PURE__ */ new Map()];
    const own = [[]];
    keywords.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const cls = classOfUnit.get(keyword.charCodeAt(i)) ?? 0;
        let child = children[state]?.get(cls);
        if (child === void 0) {
          child = children.length;
          children.push(/* @__PURE__ */ new Map());
          own.push([]);
          children[state]?.set(cls, child);
        }
        state = child;
      }
      if (keyword.length > 0) own[state]?.push(id);
    });
    const states = children.length;
    const classes = this.classCount;
    const next = new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const outputs = new Array(states);
    outputs[0] = [...own[0] ?? []];
    const queue = [];
    for (let cls = 0; cls < classes; cls++) {
      const child = children[0]?.get(cls);
      if (child !== void 0) {
        next[cls] = child;
        fail[child] = 0;
        queue.push(child);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      outputs[state] = [...own[state] ?? [], ...outputs[fail[state] ?? 0] ?? []];
      for (let cls = 0; cls < classes; cls++) {
        const child = children[state]?.get(cls);
        const viaFail = next[(fail[state] ?? 0) * classes + cls] ?? 0;
        if (child === void 0) next[state * classes + cls] = viaFail;
        else {
          next[state * classes + cls] = child;
          fail[child] = viaFail;
          queue.push(child);
        }
      }
    }
    let shift = 0;
    while (1 << shift < classes) shift++;
    this.shift = shift;
    this.next = new Int32Array(states << shift);
    for (let state = 0; state < states; state++)
      for (let cls = 0; cls < classes; cls++) {
        const target = next[state * classes + cls] ?? 0;
        const row = target << shift;
        this.next[state << shift | cls] = (outputs[target]?.length ?? 0) > 0 ? ~row : row;
      }
    this.emptyId = keywords.indexOf("");
    this.maxLength = Math.max(0, ...keywords.map((k) => k.length));
    this.outStart = new Int32Array(states + 1);
    for (let s = 0; s < states; s++)
      this.outStart[s + 1] = (this.outStart[s] ?? 0) + (outputs[s]?.length ?? 0);
    this.outIds = Int32Array.from(outputs.flat());
  }
  /**
   * Start offsets of every keyword occurrence in `text` (overlapping ones included), with ASCII
   * letters compared case-insensitively. Returns undefined when the text holds a non-ASCII code
   * unit: `toLowerCase` may then change offsets or map a letter onto ASCII (the Kelvin sign), so
   * the caller lowercases the text exactly as before and calls `scanLowercased`.
   */
  scanAscii(text) {
    return this.run(text, true);
  }
  /** The same, on text already lowercased by the caller (non-ASCII units compared as they are). */
  scanLowercased(lower) {
    return this.run(lower, false) ?? [];
  }
  /**
   * Four automata run side by side, each from the start of one quarter of the text: each step
   * depends on the previous one, so independent chains keep the CPU busier than one. Each records
   * only keywords starting in its quarter, and reads on past its end by the longest keyword
   * (starting fresh at a quarter finds exactly the keywords that start there or later).
   * Offsets of one keyword are therefore in no particular order.
   */
  run(text, asciiOnly) {
    const found = new Array(this.keywords.length);
    const { asciiClass, next, shift } = this;
    const n = text.length;
    if (this.emptyId >= 0) found[this.emptyId] = Array.from({ length: n + 1 }, (_, at) => at);
    const q = n >> 2;
    const s1 = q;
    const s2 = 2 * q;
    const s3 = 3 * q;
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    for (let t = 0; t < q; t++) {
      const u0 = text.charCodeAt(t);
      const u1 = text.charCodeAt(s1 + t);
      const u2 = text.charCodeAt(s2 + t);
      const u3 = text.charCodeAt(s3 + t);
      if ((u0 | u1 | u2 | u3) >= 128) {
        if (asciiOnly) return void 0;
        r0 = next[r0 | this.classOf(u0)] ?? 0;
        r1 = next[r1 | this.classOf(u1)] ?? 0;
        r2 = next[r2 | this.classOf(u2)] ?? 0;
        r3 = next[r3 | this.classOf(u3)] ?? 0;
      } else {
        r0 = next[r0 | (asciiClass[u0] ?? 0)] ?? 0;
        r1 = next[r1 | (asciiClass[u1] ?? 0)] ?? 0;
        r2 = next[r2 | (asciiClass[u2] ?? 0)] ?? 0;
        r3 = next[r3 | (asciiClass[u3] ?? 0)] ?? 0;
      }
      if ((r0 | r1 | r2 | r3) < 0) {
        if (r0 < 0) {
          r0 = ~r0;
          this.record(found, r0 >> shift, t + 1, 0, s1);
        }
        if (r1 < 0) {
          r1 = ~r1;
          this.record(found, r1 >> shift, s1 + t + 1, s1, s2);
        }
        if (r2 < 0) {
          r2 = ~r2;
          this.record(found, r2 >> shift, s2 + t + 1, s2, s3);
        }
        if (r3 < 0) {
          r3 = ~r3;
          this.record(found, r3 >> shift, s3 + t + 1, s3, n);
        }
      }
    }
    const over = this.maxLength - 1;
    if (!this.tail(found, text, r3, s3 + q, n, s3, n, asciiOnly) || !this.tail(found, text, r0, q, Math.min(n, s1 + over), 0, s1, asciiOnly) || !this.tail(found, text, r1, s1 + q, Math.min(n, s2 + over), s1, s2, asciiOnly) || !this.tail(found, text, r2, s2 + q, Math.min(n, s3 + over), s2, s3, asciiOnly))
      return void 0;
    return found;
  }
  /** One chain from `row` over [from, to), recording starts in [recFrom, recTo); false: non-ASCII. */
  tail(found, text, row, from, to, recFrom, recTo, asciiOnly) {
    const { next, shift } = this;
    for (let i = from; i < to; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 128 && asciiOnly) return false;
      row = next[row | this.classOf(unit)] ?? 0;
      if (row < 0) {
        row = ~row;
        this.record(found, row >> shift, i + 1, recFrom, recTo);
      }
    }
    return true;
  }
  classOf(unit) {
    return unit < 128 ? this.asciiClass[unit] ?? 0 : this.wideClass.get(unit) ?? 0;
  }
  /** Records the keywords ending in `state` at `end` (exclusive) that start in [from, to). */
  record(found, state, end, from, to) {
    const { outStart, outIds, lengths } = this;
    for (let o = outStart[state] ?? 0, stop = outStart[state + 1] ?? 0; o < stop; o++) {
      const id = outIds[o] ?? 0;
      const at = end - (lengths[id] ?? 0);
      if (at < from || at >= to) continue;
      const list = found[id];
      if (list) list.push(at);
      else found[id] = [at];
    }
  }
};

// checks/lib/secrets/redact.ts
var MARK = "\u2026[redacted]";
function redact(value, visible = 4) {
  const keep = value.length >= 16 ? Math.min(visible, Math.floor(value.length / 4)) : 0;
  return `${value.slice(0, keep)}${MARK}`;
}
function redactWithin(text, secret, visible = 4, maxLength = 100) {
  const shown = secret.length > 0 ? text.split(secret).join(redact(secret, visible)) : text;
  return shown.length > maxLength ? `${shown.slice(0, maxLength - 1)}\u2026` : shown;
}

// checks/lib/secrets/engine.ts
var CHECKSUM_NOTE = {
  valid: "checksum valid: likely live",
  invalid: "checksum invalid: likely a test value"
};
function describeHit(hit) {
  return hit.checksum ? `${hit.display}; ${CHECKSUM_NOTE[hit.checksum]}` : hit.display;
}
var MAX_WORDINESS = 0.6;
var ALLOW_PRAGMA_RE = /\b(?:shipgate|gitleaks):allow\b/;
var FIXTURE_PRAGMA = "shipgate:fixture";
var MAX_MATCHES_PER_RULE = 500;
var LOCKFILE_RE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|go\.sum)$/;
var INTEGRITY_PREFIX_RE = /^(?:sha1|sha256|sha384|sha512)-/;
var LineIndex = class {
  constructor(text) {
    this.text = text;
  }
  text;
  starts;
  lineOf(offset) {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf("\n"); i !== -1; i = this.text.indexOf("\n", i + 1))
        this.starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  /** Text of the line containing `offset`. */
  lineText(offset) {
    const start = this.text.lastIndexOf("\n", offset - 1) + 1;
    const end = this.text.indexOf("\n", offset);
    return this.text.slice(start, end === -1 ? void 0 : end);
  }
};
function enclosingToken(text, start) {
  let i = start;
  while (i > 0 && !/[\s"'`,=]/.test(text[i - 1] ?? " ")) i--;
  return text.slice(i, i + 8);
}
function isSuppressed(lines, start, end) {
  return ALLOW_PRAGMA_RE.test(lines.lineText(start)) || ALLOW_PRAGMA_RE.test(lines.lineText(Math.max(start, end - 1)));
}
function isFinding(rule, secret, m, path4, text) {
  if (isReference(secret)) return false;
  if (!rule.checksum?.(secret)) {
    const body = rule.bodyOf ? rule.bodyOf(secret) : secret.slice(rule.visible);
    if (!rule.binaryBody && (rule.exactShape ? isDegenerate(body) : isPlaceholder(body))) return false;
    if (!entropyOk(rule, rule.bodyOf ? body : secret)) return false;
    if ((rule.bodyOf || rule.checksum) && handWrittenShare(body) > MAX_WORDINESS) return false;
  }
  return !rule.verify || rule.verify({ secret, match: m, path: path4, text });
}
var compiledRules = /* @__PURE__ */ new WeakMap();
function compile2(rules) {
  const cached = compiledRules.get(rules);
  if (cached) return cached;
  const keywords = [.../* @__PURE__ */ new Set([...rules.flatMap((rule) => rule.keywords), FIXTURE_PRAGMA.toLowerCase()])];
  const idOf = new Map(keywords.map((keyword, id) => [keyword, id]));
  const ids = (words) => words.map((word) => idOf.get(word) ?? -1);
  const compiled = {
    scanner: new KeywordScanner(keywords),
    rules: rules.map((rule) => ({
      rule,
      keywordIds: ids(rule.keywords),
      anchorIds: rule.anchors ? ids(rule.anchors) : void 0,
      pattern: rule.anchors ? new RegExp(rule.pattern.source, `${rule.pattern.flags.replace("g", "")}y`) : new RegExp(rule.pattern.source, rule.pattern.flags),
      secretGroups: void 0
    })),
    fixtureId: idOf.get(FIXTURE_PRAGMA.toLowerCase()) ?? -1
  };
  compiledRules.set(rules, compiled);
  return compiled;
}
function secretOfMatch(compiled, m) {
  const { rule } = compiled;
  if (rule.family === "custom") return (rule.secretGroup !== void 0 ? m[rule.secretGroup] : m[1]) ?? m[0];
  const groups = m.groups;
  if (!groups) return m[0];
  compiled.secretGroups ??= Object.keys(groups).filter((name) => name.endsWith("secret"));
  for (const name of compiled.secretGroups) {
    const value = groups[name];
    if (value !== void 0) return value;
  }
  return m[0];
}
var anchorScratch = new Int32Array(1024);
function forEachMatch(compiled, text, offsets, visit) {
  const { pattern, anchorIds } = compiled;
  pattern.lastIndex = 0;
  if (!anchorIds) {
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) pattern.lastIndex++;
      if (!visit(m)) return;
    }
    return;
  }
  let count = 0;
  for (const id of anchorIds) count += offsets[id]?.length ?? 0;
  if (anchorScratch.length < count) anchorScratch = new Int32Array(Math.max(count, 2 * anchorScratch.length));
  const anchors = anchorScratch.subarray(0, count);
  count = 0;
  for (const id of anchorIds) for (const at of offsets[id] ?? []) anchors[count++] = at;
  anchors.sort();
  let end = 0;
  for (let i = 0; i < anchors.length; i++) {
    const offset = anchors[i] ?? 0;
    if (offset < end || i > 0 && offset === anchors[i - 1]) continue;
    pattern.lastIndex = offset;
    const m = pattern.exec(text);
    if (!m) continue;
    end = offset + Math.max(1, m[0].length);
    if (!visit(m)) return;
  }
}
function scanRule(compiled, text, path4, lines, offsets) {
  const { rule } = compiled;
  const hits = [];
  forEachMatch(compiled, text, offsets, (m) => {
    if (hits.length >= MAX_MATCHES_PER_RULE) return false;
    const secret = secretOfMatch(compiled, m);
    if (!isFinding(rule, secret, m, path4, text)) return true;
    const secretStart = m.index + Math.max(0, m[0].indexOf(secret));
    if (INTEGRITY_PREFIX_RE.test(enclosingToken(text, secretStart))) return true;
    if (isSuppressed(lines, m.index, m.index + m[0].length)) return true;
    hits.push({
      ruleId: rule.id,
      line: lines.lineOf(secretStart),
      display: redactWithin(m[0], secret, rule.visible),
      secret,
      match: m[0],
      lineText: lines.lineText(secretStart),
      ...rule.checksum ? { checksum: rule.checksum(secret) ? "valid" : "invalid" } : {}
    });
    return true;
  });
  return hits;
}
function lowercasedAligned(text) {
  const lowered = text.toLowerCase();
  return lowered.length === text.length ? lowered : text.replace(/[\u0080-\uffff]/g, " ").toLowerCase();
}
function scanText(text, path4, rules = SECRET_RULES) {
  const { scanner, rules: compiled, fixtureId } = compile2(rules);
  const offsets = scanner.scanAscii(text) ?? scanner.scanLowercased(lowercasedAligned(text));
  if (offsets[fixtureId]?.some((at) => text.startsWith(FIXTURE_PRAGMA, at))) return [];
  const lines = new LineIndex(text);
  const lockfile = LOCKFILE_RE.test(path4);
  const specific = [];
  const generic = [];
  for (const entry of compiled) {
    const { rule } = entry;
    if (rule.generic && lockfile) continue;
    if (!entry.keywordIds.some((id) => offsets[id] !== void 0)) continue;
    if (rule.requires !== void 0 && !text.includes(rule.requires)) continue;
    (rule.generic ? generic : specific).push(...scanRule(entry, text, path4, lines, offsets));
  }
  const explained = (hit) => specific.some(
    (s) => s.line === hit.line && (s.secret.includes(hit.secret) || hit.secret.includes(s.secret))
  );
  return [...specific, ...generic.filter((hit) => !explained(hit))].sort((a, b) => a.line - b.line);
}

// checks/lib/secrets/scan-files.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path3 from "node:path";
var MAX_SCAN_BYTES = 1024 * 1024;
var FIXTURE_MARKER = ".shipgate-fixture";
var FIXTURE_DIR_NAMES = /* @__PURE__ */ new Set(["fixtures", "__fixtures__"]);
var SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git"]);
var MAX_WALK_ENTRIES = 2e5;
function inSkippedDir(file) {
  return file.split("/").some((segment) => SKIPPED_DIRS.has(segment));
}
function fixtureDirsOf(files) {
  return files.filter((file) => path3.posix.basename(file) === FIXTURE_MARKER).map((file) => path3.posix.dirname(file)).filter((dir) => FIXTURE_DIR_NAMES.has(path3.posix.basename(dir)));
}
function isUnderFixtureDir(file, fixtureDirs) {
  return fixtureDirs.some((dir) => file.startsWith(`${dir}/`));
}
async function walk(dir, signal) {
  const files = [];
  const pending = [""];
  let seen = 0;
  while (pending.length > 0 && seen < MAX_WALK_ENTRIES) {
    signal?.throwIfAborted();
    const rel = pending.pop() ?? "";
    let entries;
    try {
      entries = await readdir(path3.join(dir, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      seen++;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) pending.push(child);
      else if (entry.isFile()) files.push(child);
    }
  }
  return files.sort();
}
async function listScanFiles(dir, signal) {
  let files;
  let source;
  if (await isGitRepo(dir, signal)) {
    const result = await tryGit(
      ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
      dir,
      signal
    );
    files = [...new Set(splitNul(result.stdout))];
    source = "git";
  } else {
    files = await walk(dir, signal);
    source = "walk";
  }
  files = files.filter((file) => !inSkippedDir(file));
  const fixtureDirs = fixtureDirsOf(files);
  return { files: files.filter((file) => !isUnderFixtureDir(file, fixtureDirs)), fixtureDirs, source };
}
function readScanTargetSync(file) {
  let fd;
  try {
    fd = openSync(file, "r");
  } catch {
    return { kind: "skipped", reason: "unreadable" };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: "skipped", reason: "unreadable" };
    if (info.size > MAX_SCAN_BYTES) return { kind: "skipped", reason: "large" };
    const buffer = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const read = readSync(fd, buffer, filled, info.size - filled, null);
      if (read === 0) break;
      filled += read;
    }
    const bytes = buffer.subarray(0, filled);
    if (bytes.subarray(0, 8e3).includes(0)) return { kind: "skipped", reason: "binary" };
    return { kind: "text", text: bytes.toString("utf8") };
  } catch {
    return { kind: "skipped", reason: "unreadable" };
  } finally {
    closeSync(fd);
  }
}
var FILES_PER_TURN = 64;
async function forEachScanTarget(dir, files, signal, visit) {
  for (let i = 0; i < files.length; i++) {
    if (i % FILES_PER_TURN === 0) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      signal.throwIfAborted();
    }
    const file = files[i];
    visit(file, readScanTargetSync(`${dir}/${file}`));
  }
}

// checks/lib/secrets/test-fixtures.ts
var TEST_FIXTURE_PATH = /(?:^|\/)(?:tests?|__tests__|spec|__fixtures__|fixtures?)\/|(?:^|\/)[^/]+\.(?:test|spec)\.[^/]+$/i;
var GENERIC_RULE_IDS = /* @__PURE__ */ new Set([
  "generic-secret-assignment",
  "generic-secret-xml",
  "connection-string-password",
  "authorization-header"
]);
var FIXTURE_MAX_ENTROPY = 3.7;
var FIXTURE_MAX_LENGTH = 24;
function testFixtureReason(file, ruleId, secret) {
  if (!TEST_FIXTURE_PATH.test(file) || !GENERIC_RULE_IDS.has(ruleId)) return void 0;
  if (secret.length > FIXTURE_MAX_LENGTH) return void 0;
  if (shannonEntropy(secret) >= FIXTURE_MAX_ENTROPY && wordiness(secret) < 0.5) return void 0;
  return "test fixture: a short low-entropy value caught by a generic rule in a test path";
}
function fixtureDetails(fixtures) {
  if (fixtures.length === 0) return "";
  const shown = fixtures.slice(0, 20).map((f) => `
  ${f.file}:${f.line}${f.commit ? ` (${f.commit})` : ""} ${f.message}`);
  const more = fixtures.length > 20 ? `
  \u2026 ${fixtures.length - 20} more` : "";
  return `
Not failures (info):${shown.join("")}${more}
Real-format tokens (AWS, GitHub, private keys\u2026) in test paths still fail.`;
}

export {
  TomlError,
  SecretAllowlist,
  fingerprintOf,
  SECRET_RULES,
  describeHit,
  scanText,
  MAX_SCAN_BYTES,
  isUnderFixtureDir,
  listScanFiles,
  forEachScanTarget,
  testFixtureReason,
  fixtureDetails
};
