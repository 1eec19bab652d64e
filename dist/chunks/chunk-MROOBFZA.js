import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_picomatch
} from "./chunk-MRPETQ5A.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";
import {
  __toESM
} from "./chunk-CO3T5JD3.js";

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
function descend(root, path3, reader) {
  let table = root;
  for (const part of path3) {
    let next = table[part];
    if (next === void 0) {
      next = {};
      table[part] = next;
    }
    if (Array.isArray(next)) next = next[next.length - 1];
    if (!isTable(next)) reader.fail(`"${path3.join(".")}" is not a table`);
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
      const path3 = reader.key();
      if (reader.peek(2) !== "]]") reader.fail('expected "]]"');
      reader.pos += 2;
      const parent = descend(root, path3.slice(0, -1), reader);
      const name = path3[path3.length - 1] ?? "";
      const existing = parent[name];
      const list = existing === void 0 ? [] : Array.isArray(existing) ? existing : reader.fail(`"${path3.join(".")}" is not an array of tables`);
      current = {};
      list.push(current);
      parent[name] = list;
    } else if (reader.peek() === "[") {
      reader.pos++;
      const path3 = reader.key();
      if (reader.peek() !== "]") reader.fail('expected "]"');
      reader.pos++;
      current = descend(root, path3, reader);
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

export {
  TomlError,
  GITLEAKS_CONFIG_FILE,
  ALLOWLIST_FILES,
  SecretAllowlist,
  fingerprintOf
};
