import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  badChromePath,
  findChrome
} from "./chunk-73AOYIX6.js";
import {
  require_semver
} from "./chunk-AS5HP2Q6.js";
import {
  HttpClient,
  cp,
  debug,
  error,
  exec,
  getIDToken,
  info,
  isDebug,
  mkdirP,
  notice,
  rmRF,
  setOutput,
  summary,
  warning
} from "./chunk-VVZMNBQQ.js";
import {
  CONFIG_PATH,
  countLine,
  defaultBaseRef,
  directiveDigest,
  findCheck,
  isFailing,
  itemsToRun,
  loadRepoContext,
  loadSetup,
  progressLine,
  pullVersionNames,
  readRepoFacts,
  resultsReport,
  runChecks,
  utf8Length
} from "./chunk-G2UJPFGX.js";
import {
  LHCI_RC_FILES
} from "./chunk-DQXQWWG7.js";
import {
  readReleaseVersion
} from "./chunk-CQMSXS5G.js";
import {
  findExecutable
} from "./chunk-RLH4YB7Z.js";
import {
  ALLOWLIST_FILES,
  GITLEAKS_CONFIG_FILE
} from "./chunk-MROOBFZA.js";
import {
  escapeInline,
  gitHubForToken
} from "./chunk-OAKTBEPE.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";
import {
  __toESM
} from "./chunk-CO3T5JD3.js";

// src/core/evidence/provenance.ts
import { createHash } from "node:crypto";
var GITHUB_OIDC_ISSUER = "https://token.actions.githubusercontent.com";
var AUDIENCE_PREFIX = "shipgate-evidence:";
var MARKER = /\n?<!-- shipgate:provenance ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) -->\n?/;
function evidenceAudience(evidenceText2) {
  return AUDIENCE_PREFIX + createHash("sha256").update(evidenceText2, "utf8").digest("base64url");
}
function attachProvenance(evidenceText2, token) {
  return `${evidenceText2}
<!-- shipgate:provenance ${token} -->
`;
}
function splitProvenance(text) {
  const match = MARKER.exec(text);
  if (!match?.[1]) return { evidenceText: text };
  return {
    evidenceText: text.slice(0, match.index) + text.slice(match.index + match[0].length),
    token: match[1]
  };
}
var ActionsClaims = external_exports.object({
  iss: external_exports.string(),
  aud: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]),
  iat: external_exports.number(),
  repository: external_exports.string(),
  repository_id: external_exports.string().optional(),
  ref: external_exports.string(),
  sha: external_exports.string(),
  run_id: external_exports.string(),
  event_name: external_exports.string(),
  /** `owner/repo/.github/workflows/x.yml@refs/…`: the workflow file that ran. */
  workflow_ref: external_exports.string(),
  /** The workflow file whose job ran: a reusable workflow's, else the same as `workflow_ref`. */
  job_workflow_ref: external_exports.string().optional(),
  job_workflow_sha: external_exports.string().optional(),
  run_attempt: external_exports.string().optional()
});
function workflowPathOf(claims) {
  const at = claims.workflow_ref.lastIndexOf("@");
  const ref = at > 0 ? claims.workflow_ref.slice(0, at) : claims.workflow_ref;
  const prefix = `${claims.repository}/`;
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : void 0;
}

// src/action/two-job.ts
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// src/core/evidence/evidence.ts
var EVIDENCE_CHECK_NAME = "shipgate/checks";
var FENCE_START = "```json shipgate-evidence";
var FindingSchema = external_exports.object({
  file: external_exports.string().max(500).optional(),
  line: external_exports.number().int().nonnegative().optional(),
  commit: external_exports.string().max(64).optional(),
  message: external_exports.string().max(500)
});
var ParamsSchema = external_exports.record(external_exports.string().max(100), external_exports.union([external_exports.string().max(2e3), external_exports.number(), external_exports.boolean()]));
var MeasuredResultSchema = external_exports.object({
  item: external_exports.string().max(200),
  /** The check and the effective parameters it ran with, and their digest (binding.ts). */
  check: external_exports.string().max(100),
  params: ParamsSchema,
  directive: external_exports.string().max(100),
  status: external_exports.enum(["pass", "fail", "skipped", "error"]),
  summary: external_exports.string().max(500),
  findings: external_exports.array(FindingSchema).max(20).default([]),
  metrics: external_exports.record(external_exports.string(), external_exports.number()).optional()
});
var HOW = ["verified", "reported"];
var EvidenceSchema = external_exports.object({
  schema: external_exports.literal("shipgate/checks@2"),
  sha: external_exports.string().regex(/^[0-9a-f]{7,64}$/),
  phase: external_exports.enum(["pre-merge", "post-deploy"]),
  passed: external_exports.boolean(),
  /** `attest`: the two-job workflow's attesting job; `single`: one job that also ran the PR's code. */
  job: external_exports.enum(["attest", "single"]),
  results: external_exports.array(MeasuredResultSchema.extend({ how: external_exports.enum(HOW) })).max(1e3)
});
var MeasureReportSchema = external_exports.object({
  schema: external_exports.literal("shipgate/measure@1"),
  sha: external_exports.string().regex(/^[0-9a-f]{7,64}$/),
  phase: external_exports.enum(["pre-merge", "post-deploy"]),
  results: external_exports.array(MeasuredResultSchema).max(1e3)
});
function measured(result) {
  const params = result.params ?? {};
  return {
    item: result.item,
    check: result.check,
    params,
    directive: directiveDigest(result.check, params),
    status: result.status,
    summary: result.summary.slice(0, 500),
    findings: result.findings.slice(0, 20).map((finding) => ({ ...finding, message: finding.message.slice(0, 500) })),
    ...result.metrics ? { metrics: result.metrics } : {}
  };
}
function toEvidence(sha, phase, results, job = "single") {
  return {
    schema: "shipgate/checks@2",
    sha,
    phase,
    passed: !results.some((result) => isFailing(result.status)),
    job,
    results: results.map((result) => ({
      ...measured(result),
      how: job === "attest" ? result.how ?? "reported" : "reported"
    }))
  };
}
function toMeasureReport(sha, phase, results) {
  return { schema: "shipgate/measure@1", sha, phase, results: results.map(measured) };
}
function formatEvidenceText(evidence) {
  return `${FENCE_START}
${JSON.stringify(evidence)}
\`\`\`
`;
}
function parseEvidenceText(text) {
  const start = text?.indexOf(FENCE_START) ?? -1;
  if (!text || start < 0) return { ok: false, error: "no shipgate evidence block in the check run output" };
  const body = text.slice(start + FENCE_START.length);
  const end = body.indexOf("\n```");
  try {
    const json = JSON.parse(end >= 0 ? body.slice(0, end) : body);
    const schema = json?.schema;
    if (schema === "shipgate/checks@1")
      return {
        ok: false,
        error: "evidence format shipgate/checks@1 names no check or parameters per result, so it cannot be matched to the policy: update the shipgate Action"
      };
    const parsed = EvidenceSchema.safeParse(json);
    if (!parsed.success)
      return { ok: false, error: `evidence is malformed: ${parsed.error.issues[0]?.message ?? ""}` };
    return { ok: true, evidence: parsed.data };
  } catch {
    return { ok: false, error: "evidence block is not valid JSON" };
  }
}

// src/action/two-job.ts
function measureJobProblems(env, repoDir) {
  const problems = [];
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL || env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    problems.push(
      "the measure job can request OIDC tokens (`permissions: id-token: write`): the PR's build could mint one for forged evidence; give id-token: write to the attest job only"
    );
  const persisted = persistedGitCredentials(repoDir);
  if (persisted.length > 0)
    problems.push(
      `the checkout keeps the job token in its git config (${persisted.join(", ")}): the PR's code can read it; check out with \`persist-credentials: false\``
    );
  return problems;
}
function persistedGitCredentials(repoDir) {
  try {
    const out = execFileSync(
      "git",
      ["config", "--includes", "--name-only", "--get-regexp", "^http\\..*\\.extraheader$"],
      {
        cwd: repoDir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"]
      }
    );
    return out.split("\n").filter(Boolean);
  } catch {
    return [];
  }
}
function writeMeasureReport(path6, sha, phase, results) {
  writeFileSync(path6, `${JSON.stringify(toMeasureReport(sha, phase, results), null, 2)}
`);
}
function readMeasureReport(path6, expected) {
  let json;
  try {
    json = JSON.parse(readFileSync(path6, "utf8"));
  } catch (error2) {
    const missing = error2.code === "ENOENT";
    return {
      results: [],
      problem: missing ? `no measure report at ${path6}: download the measure job's artifact before this step` : `the measure report ${path6} is not valid JSON`
    };
  }
  const parsed = MeasureReportSchema.safeParse(json);
  if (!parsed.success)
    return {
      results: [],
      problem: `the measure report is malformed: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message ?? ""}`
    };
  const report = parsed.data;
  if (report.sha !== expected.sha)
    return {
      results: [],
      problem: `the measure report is for ${report.sha.slice(0, 7)}, not ${expected.sha.slice(0, 7)}`
    };
  if (report.phase !== expected.phase)
    return {
      results: [],
      problem: `the measure report holds ${report.phase} results, not ${expected.phase}`
    };
  const results = [];
  for (const result of report.results) {
    const text = expected.measured.get(result.item);
    if (text === void 0) continue;
    results.push({ ...result, text, how: "reported" });
  }
  return { results };
}
function unmeasured(items, problem) {
  return items.map((item) => ({
    item: item.id,
    text: item.text,
    check: item.check,
    ...item.params ? { params: item.params } : {},
    status: "error",
    summary: problem.slice(0, 300),
    findings: [],
    how: "reported"
  }));
}
var POLICY_FILES = [...ALLOWLIST_FILES, GITLEAKS_CONFIG_FILE, ...LHCI_RC_FILES];
async function useDefaultBranchPolicyFiles(gh, repoDir, repoPath, ref) {
  const policies = await Promise.all(
    POLICY_FILES.map((name) => gh.readFile(repoPath ? `${repoPath}/${name}` : name, ref))
  );
  const replaced = [];
  for (const [index, name] of POLICY_FILES.entries()) {
    const path6 = join(repoDir, name);
    const policy = policies[index];
    let current;
    try {
      current = readFileSync(path6, "utf8");
    } catch {
      current = void 0;
    }
    if (current === policy) continue;
    if (policy === void 0) rmSync(path6, { force: true });
    else writeFileSync(path6, policy);
    replaced.push(name);
  }
  if (replaced.length > 0)
    warning(
      `shipgate: ${replaced.join(", ")} differ from ${ref}'s; the default branch's are used (allow-lists and budgets are policy: a pull request cannot loosen its own)`
    );
  return replaced;
}

// src/action/annotations.ts
import { relative } from "node:path";
var MAX_ANNOTATIONS = 50;
function annotationsFor(results, repoDir, workspace) {
  const prefix = relative(workspace, repoDir);
  const out = [];
  for (const result of results) {
    for (const finding of result.findings) {
      if (!finding.file || out.length >= MAX_ANNOTATIONS) continue;
      out.push({
        level: isFailing(result.status) ? "error" : "warning",
        message: finding.message,
        title: `shipgate ${result.check}: ${result.text}`.slice(0, 200),
        file: prefix ? `${prefix}/${finding.file}`.replace(/\\/g, "/") : finding.file,
        ...finding.line !== void 0 && finding.line > 0 ? { startLine: finding.line } : {}
      });
    }
  }
  return out;
}

// src/action/policy.ts
import { relative as relative2 } from "node:path";
var PolicyProblem = class extends Error {
  constructor(message) {
    super(message);
    this.name = "PolicyProblem";
  }
};
async function loadPolicyContext(gh, inputs, env, workspace) {
  const { defaultBranch } = await gh.repository();
  const sha = await gh.branchSha(defaultBranch) ?? defaultBranch;
  const inRepo = (path6) => path6 ? relative2(workspace, path6) : void 0;
  const setup = await loadSetup(
    gh,
    { ref: defaultBranch, sha },
    { configPath: inRepo(inputs.config) ?? CONFIG_PATH, templateOverride: inRepo(inputs.template) }
  );
  if (setup.problems.length > 0)
    throw new PolicyProblem(
      `the shipgate policy on ${defaultBranch} is invalid (the bot fails the gate on it too):
${setup.problems.join("\n")}`
    );
  info(
    `shipgate: policy (config and template) of ${defaultBranch} at ${sha.slice(0, 7)}, as the bot reads it`
  );
  await useDefaultBranchPolicyFiles(
    gh,
    inputs.workingDirectory,
    relative2(workspace, inputs.workingDirectory),
    sha
  );
  return {
    repoDir: inputs.workingDirectory,
    config: setup.config,
    checklist: setup.checklist,
    ...readRepoFacts({ env }, inputs.workingDirectory),
    policy: setup.policy
  };
}

// src/action/figures.ts
function formatFigures(metrics) {
  if (!metrics) return "";
  const parts = [];
  for (const [name, value] of Object.entries(metrics)) {
    if (/LimitBytes$/.test(name)) continue;
    const limit = name.endsWith("Bytes") ? metrics[name.replace(/Bytes$/, "LimitBytes")] : void 0;
    const label = name.replace(/(Bytes|Ms|Percent)$/, "") || name;
    const shown = formatValue(name, value);
    parts.push(limit === void 0 ? `${label} ${shown}` : `${label} ${shown} / ${formatValue(name, limit)}`);
  }
  return parts.join(", ");
}
function formatValue(name, value) {
  if (name.endsWith("Bytes")) return formatBytes(value);
  if (name.endsWith("Ms")) return value >= 1e3 ? `${(value / 1e3).toFixed(2)} s` : `${round(value)} ms`;
  if (name.endsWith("Percent")) return `${round(value)}%`;
  return String(round(value));
}
function formatBytes(bytes) {
  if (bytes < 1e3) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(2)} MB`;
}
function round(value) {
  return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
}

// src/action/report-markdown.ts
var STATUS_BADGE = {
  pass: "\u2705 pass",
  fail: "\u274C fail",
  skipped: "\u23ED\uFE0F skipped",
  error: "\u26A0\uFE0F error"
};
var CHECK_OUTPUT_LIMIT = 65535;
function cell(text, max = 300) {
  return escapeInline(text, max).replace(/\|/g, "\\|");
}
function row(result) {
  const seconds = result.durationMs === void 0 ? "" : `${(result.durationMs / 1e3).toFixed(1)} s`;
  return `| ${STATUS_BADGE[result.status]} | ${cell(result.text, 120)} | \`${cell(result.check, 60)}\` | ${cell(result.summary)} | ${cell(formatFigures(result.metrics))} | ${seconds} |`;
}
function resultsMarkdown(results, phase, limit = CHECK_OUTPUT_LIMIT) {
  const head = [
    `### shipgate: ${phase} checks`,
    "",
    results.length ? `${countLine(results)}` : "No automated items matched (check the `only` and `phase` inputs).",
    ""
  ];
  if (!results.length) return `${head.join("\n")}
`;
  const table = [
    "| Status | Item | Check | Result | Figures | Time |",
    "| --- | --- | --- | --- | --- | --- |"
  ];
  let text = [...head, ...table].join("\n");
  for (const [index, result] of results.entries()) {
    const line = `
${row(result)}`;
    const note = `

\u2026and ${results.length - index} more item(s); see the check run text or the \`results\` output.
`;
    if (utf8Length(text) + utf8Length(line) + utf8Length(note) > limit) return text + note;
    text += line;
  }
  return `${text}
`;
}
function resultsTitle(results) {
  return results.length ? countLine(results) : "no automated items ran";
}

// src/action/tools/resolver.ts
import path5 from "node:path";

// src/action/tools/gitleaks.ts
import crypto2 from "node:crypto";
import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path3 from "node:path";

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as crypto from "crypto";
import * as fs from "fs";

// node_modules/@actions/tool-cache/lib/manifest.js
var semver = __toESM(require_semver(), 1);

// node_modules/@actions/tool-cache/lib/tool-cache.js
import * as os from "os";
import * as path from "path";
var semver2 = __toESM(require_semver(), 1);
import * as stream from "stream";
import * as util from "util";
import { ok } from "assert";

// node_modules/@actions/tool-cache/lib/retry-helper.js
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var RetryHelper = class {
  constructor(maxAttempts, minSeconds, maxSeconds) {
    if (maxAttempts < 1) {
      throw new Error("max attempts should be greater than or equal to 1");
    }
    this.maxAttempts = maxAttempts;
    this.minSeconds = Math.floor(minSeconds);
    this.maxSeconds = Math.floor(maxSeconds);
    if (this.minSeconds > this.maxSeconds) {
      throw new Error("min seconds should be less than or equal to max seconds");
    }
  }
  execute(action, isRetryable) {
    return __awaiter(this, void 0, void 0, function* () {
      let attempt = 1;
      while (attempt < this.maxAttempts) {
        try {
          return yield action();
        } catch (err) {
          if (isRetryable && !isRetryable(err)) {
            throw err;
          }
          info(err.message);
        }
        const seconds = this.getSleepAmount();
        info(`Waiting ${seconds} seconds before trying again`);
        yield this.sleep(seconds);
        attempt++;
      }
      return yield action();
    });
  }
  getSleepAmount() {
    return Math.floor(Math.random() * (this.maxSeconds - this.minSeconds + 1)) + this.minSeconds;
  }
  sleep(seconds) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => setTimeout(resolve, seconds * 1e3));
    });
  }
};

// node_modules/@actions/tool-cache/lib/tool-cache.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var HTTPError = class extends Error {
  constructor(httpStatusCode) {
    super(`Unexpected HTTP response: ${httpStatusCode}`);
    this.httpStatusCode = httpStatusCode;
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
var IS_WINDOWS = process.platform === "win32";
var IS_MAC = process.platform === "darwin";
var userAgent = "actions/tool-cache";
function downloadTool(url, dest, auth, headers) {
  return __awaiter2(this, void 0, void 0, function* () {
    dest = dest || path.join(_getTempDirectory(), crypto.randomUUID());
    yield mkdirP(path.dirname(dest));
    debug(`Downloading ${url}`);
    debug(`Destination ${dest}`);
    const maxAttempts = 3;
    const minSeconds = _getGlobal("TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS", 10);
    const maxSeconds = _getGlobal("TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS", 20);
    const retryHelper = new RetryHelper(maxAttempts, minSeconds, maxSeconds);
    return yield retryHelper.execute(() => __awaiter2(this, void 0, void 0, function* () {
      return yield downloadToolAttempt(url, dest || "", auth, headers);
    }), (err) => {
      if (err instanceof HTTPError && err.httpStatusCode) {
        if (err.httpStatusCode < 500 && err.httpStatusCode !== 408 && err.httpStatusCode !== 429) {
          return false;
        }
      }
      return true;
    });
  });
}
function downloadToolAttempt(url, dest, auth, headers) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (fs.existsSync(dest)) {
      throw new Error(`Destination file path ${dest} already exists`);
    }
    const http = new HttpClient(userAgent, [], {
      allowRetries: false
    });
    if (auth) {
      debug("set auth");
      if (headers === void 0) {
        headers = {};
      }
      headers.authorization = auth;
    }
    const response = yield http.get(url, headers);
    if (response.message.statusCode !== 200) {
      const err = new HTTPError(response.message.statusCode);
      debug(`Failed to download from "${url}". Code(${response.message.statusCode}) Message(${response.message.statusMessage})`);
      throw err;
    }
    const pipeline2 = util.promisify(stream.pipeline);
    const responseMessageFactory = _getGlobal("TEST_DOWNLOAD_TOOL_RESPONSE_MESSAGE_FACTORY", () => response.message);
    const readStream = responseMessageFactory();
    let succeeded = false;
    try {
      yield pipeline2(readStream, fs.createWriteStream(dest));
      debug("download complete");
      succeeded = true;
      return dest;
    } finally {
      if (!succeeded) {
        debug("download failed");
        try {
          yield rmRF(dest);
        } catch (err) {
          debug(`Failed to delete '${dest}'. ${err.message}`);
        }
      }
    }
  });
}
function extractTar(file_1, dest_1) {
  return __awaiter2(this, arguments, void 0, function* (file, dest, flags = "xz") {
    if (!file) {
      throw new Error("parameter 'file' is required");
    }
    dest = yield _createExtractFolder(dest);
    debug("Checking tar --version");
    let versionOutput = "";
    yield exec("tar --version", [], {
      ignoreReturnCode: true,
      silent: true,
      listeners: {
        stdout: (data) => versionOutput += data.toString(),
        stderr: (data) => versionOutput += data.toString()
      }
    });
    debug(versionOutput.trim());
    const isGnuTar = versionOutput.toUpperCase().includes("GNU TAR");
    let args;
    if (flags instanceof Array) {
      args = flags;
    } else {
      args = [flags];
    }
    if (isDebug() && !flags.includes("v")) {
      args.push("-v");
    }
    let destArg = dest;
    let fileArg = file;
    if (IS_WINDOWS && isGnuTar) {
      args.push("--force-local");
      destArg = dest.replace(/\\/g, "/");
      fileArg = file.replace(/\\/g, "/");
    }
    if (isGnuTar) {
      args.push("--warning=no-unknown-keyword");
      args.push("--overwrite");
    }
    args.push("-C", destArg, "-f", fileArg);
    yield exec(`tar`, args);
    return dest;
  });
}
function cacheDir(sourceDir, tool, version, arch2) {
  return __awaiter2(this, void 0, void 0, function* () {
    version = semver2.clean(version) || version;
    arch2 = arch2 || os.arch();
    debug(`Caching tool ${tool} ${version} ${arch2}`);
    debug(`source dir: ${sourceDir}`);
    if (!fs.statSync(sourceDir).isDirectory()) {
      throw new Error("sourceDir is not a directory");
    }
    const destPath = yield _createToolPath(tool, version, arch2);
    for (const itemName of fs.readdirSync(sourceDir)) {
      const s = path.join(sourceDir, itemName);
      yield cp(s, destPath, { recursive: true });
    }
    _completeToolPath(tool, version, arch2);
    return destPath;
  });
}
function cacheFile(sourceFile, targetFile, tool, version, arch2) {
  return __awaiter2(this, void 0, void 0, function* () {
    version = semver2.clean(version) || version;
    arch2 = arch2 || os.arch();
    debug(`Caching tool ${tool} ${version} ${arch2}`);
    debug(`source file: ${sourceFile}`);
    if (!fs.statSync(sourceFile).isFile()) {
      throw new Error("sourceFile is not a file");
    }
    const destFolder = yield _createToolPath(tool, version, arch2);
    const destPath = path.join(destFolder, targetFile);
    debug(`destination file ${destPath}`);
    yield cp(sourceFile, destPath);
    _completeToolPath(tool, version, arch2);
    return destFolder;
  });
}
function find(toolName, versionSpec, arch2) {
  if (!toolName) {
    throw new Error("toolName parameter is required");
  }
  if (!versionSpec) {
    throw new Error("versionSpec parameter is required");
  }
  arch2 = arch2 || os.arch();
  if (!isExplicitVersion(versionSpec)) {
    const localVersions = findAllVersions(toolName, arch2);
    const match = evaluateVersions(localVersions, versionSpec);
    versionSpec = match;
  }
  let toolPath = "";
  if (versionSpec) {
    versionSpec = semver2.clean(versionSpec) || "";
    const cachePath = path.join(_getCacheDirectory(), toolName, versionSpec, arch2);
    debug(`checking cache: ${cachePath}`);
    if (fs.existsSync(cachePath) && fs.existsSync(`${cachePath}.complete`)) {
      debug(`Found tool in cache ${toolName} ${versionSpec} ${arch2}`);
      toolPath = cachePath;
    } else {
      debug("not found");
    }
  }
  return toolPath;
}
function findAllVersions(toolName, arch2) {
  const versions = [];
  arch2 = arch2 || os.arch();
  const toolPath = path.join(_getCacheDirectory(), toolName);
  if (fs.existsSync(toolPath)) {
    const children = fs.readdirSync(toolPath);
    for (const child of children) {
      if (isExplicitVersion(child)) {
        const fullPath = path.join(toolPath, child, arch2 || "");
        if (fs.existsSync(fullPath) && fs.existsSync(`${fullPath}.complete`)) {
          versions.push(child);
        }
      }
    }
  }
  return versions;
}
function _createExtractFolder(dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!dest) {
      dest = path.join(_getTempDirectory(), crypto.randomUUID());
    }
    yield mkdirP(dest);
    return dest;
  });
}
function _createToolPath(tool, version, arch2) {
  return __awaiter2(this, void 0, void 0, function* () {
    const folderPath = path.join(_getCacheDirectory(), tool, semver2.clean(version) || version, arch2 || "");
    debug(`destination ${folderPath}`);
    const markerPath = `${folderPath}.complete`;
    yield rmRF(folderPath);
    yield rmRF(markerPath);
    yield mkdirP(folderPath);
    return folderPath;
  });
}
function _completeToolPath(tool, version, arch2) {
  const folderPath = path.join(_getCacheDirectory(), tool, semver2.clean(version) || version, arch2 || "");
  const markerPath = `${folderPath}.complete`;
  fs.writeFileSync(markerPath, "");
  debug("finished caching tool");
}
function isExplicitVersion(versionSpec) {
  const c = semver2.clean(versionSpec) || "";
  debug(`isExplicit: ${c}`);
  const valid2 = semver2.valid(c) != null;
  debug(`explicit? ${valid2}`);
  return valid2;
}
function evaluateVersions(versions, versionSpec) {
  let version = "";
  debug(`evaluating ${versions.length} versions`);
  versions = versions.sort((a, b) => {
    if (semver2.gt(a, b)) {
      return 1;
    }
    return -1;
  });
  for (let i = versions.length - 1; i >= 0; i--) {
    const potential = versions[i];
    const satisfied = semver2.satisfies(potential, versionSpec);
    if (satisfied) {
      version = potential;
      break;
    }
  }
  if (version) {
    debug(`matched: ${version}`);
  } else {
    debug("match not found");
  }
  return version;
}
function _getCacheDirectory() {
  const cacheDirectory = process.env["RUNNER_TOOL_CACHE"] || "";
  ok(cacheDirectory, "Expected RUNNER_TOOL_CACHE to be defined");
  return cacheDirectory;
}
function _getTempDirectory() {
  const tempDirectory = process.env["RUNNER_TEMP"] || "";
  ok(tempDirectory, "Expected RUNNER_TEMP to be defined");
  return tempDirectory;
}
function _getGlobal(key, defaultValue) {
  const value = global[key];
  return value !== void 0 ? value : defaultValue;
}

// src/action/tools/tool-cache.ts
import { mkdtemp } from "node:fs/promises";
import os2 from "node:os";
import path2 from "node:path";
function toolCacheRoot(env) {
  return env.RUNNER_TOOL_CACHE || path2.join(os2.tmpdir(), "shipgate-tool-cache");
}
function useToolCacheRoot(env) {
  const root = process.env.RUNNER_TOOL_CACHE || toolCacheRoot(env);
  process.env.RUNNER_TOOL_CACHE = root;
  return root;
}
function scratchDir(env, prefix) {
  return mkdtemp(path2.join(env.RUNNER_TEMP || os2.tmpdir(), prefix));
}
function withDeadline(work, timeoutMs) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1e3} s`)), timeoutMs);
  });
  work.catch(() => void 0);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

// src/action/tools/gitleaks.ts
var GITLEAKS_VERSION = "8.28.0";
var GITLEAKS_SHA256 = {
  linux_x64: "a65b5253807a68ac0cafa4414031fd740aeb55f54fb7e55f386acb52e6a840eb",
  linux_arm64: "eff65261156100e5d94a6b3dec313d532fddfe19ae1590bf7a2b4f2699128356",
  darwin_x64: "edf5a507008b0d2ef4959575772772770586409c1f6f74dabf19cbe7ec341ced",
  darwin_arm64: "d942f3ad147250c9edbaab3fed9e482f98d3b59ba10ae97b8d75647e3ade492c"
};
var GITLEAKS_DEFAULT_BASE_URL = "https://github.com/gitleaks/gitleaks/releases/download";
var GITLEAKS_BASE_URL_ENV = "SHIPGATE_GITLEAKS_BASE_URL";
var MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
var DEFAULT_DOWNLOAD_TIMEOUT_MS = 6e4;
function gitleaksPlatform(platform, arch2) {
  const os3 = platform === "linux" ? "linux" : platform === "darwin" ? "darwin" : void 0;
  const cpu = arch2 === "x64" ? "x64" : arch2 === "arm64" ? "arm64" : void 0;
  const key = os3 && cpu ? `${os3}_${cpu}` : void 0;
  return key && key in GITLEAKS_SHA256 ? key : void 0;
}
function gitleaksUrl(base, platformKey, version = GITLEAKS_VERSION) {
  return `${base.replace(/\/+$/, "")}/v${version}/gitleaks_${version}_${platformKey}.tar.gz`;
}
var TOOL = "shipgate-gitleaks";
async function provideGitleaks(options) {
  const version = options.version ?? GITLEAKS_VERSION;
  const sums = options.sha256 ?? GITLEAKS_SHA256;
  const key = gitleaksPlatform(options.platform ?? process.platform, options.arch ?? process.arch);
  if (!key)
    return {
      ok: false,
      reason: `no pinned gitleaks for ${options.platform ?? process.platform}/${options.arch ?? process.arch}`
    };
  const expected = sums[key] ?? "";
  const base = options.env[GITLEAKS_BASE_URL_ENV] || GITLEAKS_DEFAULT_BASE_URL;
  const url = gitleaksUrl(base, key, version);
  const asset = path3.basename(url);
  let scratch;
  try {
    useToolCacheRoot(options.env);
    const found = find(TOOL, version, key);
    if (found) {
      options.log(`shipgate: gitleaks ${version} from the tool cache ${found}`);
      return { ok: true, binary: path3.join(found, "gitleaks"), hit: true };
    }
    options.log(`shipgate: downloading gitleaks ${version} from ${url}`);
    scratch = await scratchDir(options.env, "shipgate-gitleaks-");
    const archive = await download(
      url,
      path3.join(scratch, asset),
      options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS
    );
    const actual = await sha256File(archive);
    if (actual !== expected)
      throw new Error(`checksum mismatch for ${asset} (sha256 ${actual}, pinned ${expected}): refused`);
    const extracted = await extractTar(archive, path3.join(scratch, "extracted"));
    const binary = path3.join(extracted, "gitleaks");
    if (!(await stat(binary).catch(() => void 0))?.isFile())
      throw new Error(`${asset} holds no gitleaks binary`);
    const dir = await cacheFile(binary, "gitleaks", TOOL, version, key);
    return { ok: true, binary: path3.join(dir, "gitleaks"), hit: false };
  } catch (error2) {
    const message = error2 instanceof Error ? error2.message : String(error2);
    return { ok: false, reason: `gitleaks ${version} unavailable: ${message}` };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
async function download(url, dest, timeoutMs) {
  try {
    await withDeadline(downloadTool(url, dest), timeoutMs);
  } catch (error2) {
    const cause = error2 instanceof HTTPError ? `HTTP ${error2.httpStatusCode ?? "?"}` : error2 instanceof Error ? error2.message : String(error2);
    throw new Error(`download failed (${cause.slice(0, 200)})`);
  }
  const { size } = await stat(dest);
  if (size > MAX_ARCHIVE_BYTES) throw new Error(`download too large (${size} bytes)`);
  return dest;
}
async function sha256File(file) {
  const hash = crypto2.createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}

// src/action/tools/lighthouse.ts
import { execFile } from "node:child_process";
import { readFile, rm as rm2 } from "node:fs/promises";
import path4 from "node:path";
var PINNED_LIGHTHOUSE_VERSION = true ? "12.8.2" : void 0;
var LIGHTHOUSE_DIR_ENV = "SHIPGATE_LIGHTHOUSE_DIR";
var DEFAULT_INSTALL_TIMEOUT_MS = 15e4;
var FIX = "fix: let the runner reach the npm registry (set npm_config_registry for a mirror) or run `npm ci --omit=dev` in the Action's directory (docs/action.md)";
var InstalledPackage = external_exports.object({ version: external_exports.string() });
var TOOL2 = "shipgate-lighthouse";
function lighthouseDir(root, version, arch2 = process.arch) {
  return path4.join(root, TOOL2, version, arch2);
}
async function provideLighthouse(options) {
  const { version, env, log } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_INSTALL_TIMEOUT_MS;
  let scratch;
  try {
    useToolCacheRoot(env);
    const found = find(TOOL2, version);
    if (found) {
      const installed2 = await installedVersion(found);
      if (installed2 !== version)
        return {
          ok: false,
          reason: `the tool cache ${found} holds lighthouse ${installed2 ?? "nothing"}: fix: delete it`
        };
      log(`shipgate: lighthouse@${version} from the tool cache ${found}`);
      return { ok: true, dir: found, hit: true };
    }
    const npm = await findExecutable(process.platform === "win32" ? "npm.cmd" : "npm", env.PATH);
    if (!npm) throw new Error("npm not found on PATH");
    const dir = lighthouseDir(useToolCacheRoot(env), version);
    log(`shipgate: installing lighthouse@${version} into ${dir} (npm, at most ${timeoutMs / 1e3} s)`);
    const started = Date.now();
    scratch = await scratchDir(env, "shipgate-lighthouse-");
    await runBounded(
      npm,
      [
        "install",
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--loglevel=error",
        "--prefix",
        scratch,
        `lighthouse@${version}`
      ],
      { env, timeoutMs, cwd: scratch }
    );
    const installed = await installedVersion(scratch);
    if (installed !== version) throw new Error(`npm installed lighthouse ${installed ?? "nothing"}`);
    const cached = await cacheDir(scratch, TOOL2, version);
    log(`shipgate: lighthouse@${version} installed in ${((Date.now() - started) / 1e3).toFixed(1)} s`);
    return { ok: true, dir: cached, hit: false };
  } catch (error2) {
    const message = error2 instanceof Error ? error2.message : String(error2);
    return { ok: false, reason: `lighthouse@${version} could not be installed (${message}): ${FIX}` };
  } finally {
    if (scratch) await rm2(scratch, { recursive: true, force: true });
  }
}
function runBounded(file, args, options) {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        env: options.env,
        cwd: options.cwd,
        timeout: options.timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: 16 * 1024 * 1024,
        // npm is npm.cmd on Windows, which Node only runs through a shell
        shell: process.platform === "win32"
      },
      (error2, stdout, stderr) => {
        if (!error2) return resolve(stdout);
        const timedOut = error2.killed === true || error2.signal === "SIGKILL";
        const lines = String(stderr).split("\n").map((line) => line.trim()).filter((line) => line && !/^npm (?:error|ERR!) (?:A complete log|$)/.test(line)).slice(0, 3).join(" / ");
        reject(
          new Error(
            timedOut ? `timed out after ${Math.round(options.timeoutMs / 1e3)} s` : (lines || error2.message.split("\n")[0] || "failed").slice(0, 300)
          )
        );
      }
    );
  });
}
var OLDEST_WORKSPACE_MAJOR = 10;
async function workspaceLighthouse(workspace) {
  for (const dir of [workspace, path4.join(workspace, "node_modules", "@lhci", "cli")]) {
    const version = await installedVersion(dir);
    if (version && Number.parseInt(version, 10) >= OLDEST_WORKSPACE_MAJOR) return { dir, version };
  }
  return void 0;
}
async function installedVersion(prefix) {
  try {
    const raw = await readFile(path4.join(prefix, "node_modules", "lighthouse", "package.json"), "utf8");
    return InstalledPackage.parse(JSON.parse(raw)).version;
  } catch {
    return void 0;
  }
}

// src/action/tools/resolver.ts
var EXTERNAL_PACKAGES = {
  lighthouse: ["lighthouse"]
};
var notInstalled = (packages) => `${packages.join(", ")} not installed next to the Action: run \`npm ci --omit=dev\` in the Action's directory (docs/action.md)`;
function canResolve(specifier) {
  try {
    import.meta.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}
function actionTools(env, log, workspace) {
  const version = PINNED_LIGHTHOUSE_VERSION;
  const provide = async () => {
    const own = workspace ? await workspaceLighthouse(workspace) : void 0;
    if (own) {
      log(`shipgate: using the workspace's lighthouse@${own.version} (${own.dir})`);
      return { ok: true, dir: own.dir, hit: true };
    }
    if (!version) return { ok: false, reason: notInstalled(EXTERNAL_PACKAGES.lighthouse ?? []) };
    return provideLighthouse({ version, env, log });
  };
  return {
    env,
    log,
    // without a pinned version (a development build) only the workspace's own can be used
    ...version || workspace ? { provideLighthouse: provide } : {},
    // Locally (the CLI, or the Action outside Actions) the secrets check keeps its own choice:
    // gitleaks when installed, else the built-in rules. Only a runner downloads it.
    ...env.GITHUB_ACTIONS === "true" ? { provideGitleaks: () => provideGitleaks({ env, log }) } : {}
  };
}
function once(make) {
  let promise;
  return () => {
    promise ??= make();
    return promise;
  };
}
function toolAwareResolver(resolve, options) {
  const available = options.available ?? canResolve;
  const lighthouse = options.provideLighthouse ? once(options.provideLighthouse) : void 0;
  const gitleaks = options.provideGitleaks ? once(options.provideGitleaks) : void 0;
  return (name) => {
    const check = resolve(name);
    if (!check) return check;
    if (name === "secrets" && gitleaks) return withGitleaks(check, gitleaks);
    const missing = (EXTERNAL_PACKAGES[name] ?? []).filter((specifier) => !available(specifier));
    if (missing.length === 0) return check;
    if (name === "lighthouse" && lighthouse) {
      if (badChromePath(options.env) || !findChrome(options.env)) return check;
      void lighthouse();
      return {
        ...check,
        run: async (params, ctx) => {
          const provided = await lighthouse();
          if (!provided.ok) return { status: "skipped", summary: provided.reason };
          process.env[LIGHTHOUSE_DIR_ENV] = provided.dir;
          return check.run(params, ctx);
        }
      };
    }
    return {
      ...check,
      run: async () => ({ status: "skipped", summary: notInstalled(missing) })
    };
  };
}
var EngineParam = external_exports.object({ engine: external_exports.string().optional() });
function withGitleaks(check, gitleaks) {
  return {
    ...check,
    run: async (params, ctx) => {
      const engine = EngineParam.safeParse(params).data?.engine ?? "auto";
      if (engine === "builtin" || await findExecutable("gitleaks", ctx.env.PATH, { systemOnly: true }))
        return check.run(params, ctx);
      const provided = await gitleaks();
      if (provided.ok) {
        const PATH = [path5.dirname(provided.binary), ctx.env.PATH].filter(Boolean).join(path5.delimiter);
        return check.run(params, { ...ctx, env: { ...ctx.env, PATH } });
      }
      if (engine === "gitleaks") return { status: "skipped", summary: provided.reason };
      const outcome = await check.run(params, ctx);
      return { ...outcome, summary: `${outcome.summary}; ${provided.reason}` };
    }
  };
}

// src/action/check-mode.ts
async function loadStepContext(inputs, event, env, workspace) {
  const fromCheckout = () => loadRepoContext({ cwd: workspace, env }, inputs.workingDirectory, inputs);
  const token = inputs.githubToken;
  if (token && event.owner && event.repo) {
    const apiUrl = env.GITHUB_API_URL || "https://api.github.com";
    const gh = gitHubForToken({ token, apiUrl, owner: event.owner, repo: event.repo });
    try {
      return await loadPolicyContext(gh, inputs, env, workspace);
    } catch (error2) {
      if (error2 instanceof PolicyProblem) throw error2;
      warning(
        `shipgate: the default branch's policy could not be read (${error2.message}); measuring with the checkout's copy, which the bot checks against its own`
      );
      return fromCheckout();
    }
  }
  warning(
    "shipgate: no github-token or repository, so the policy is read from the checkout, not the default branch; the bot refuses results measured with a policy other than its own"
  );
  return fromCheckout();
}
function stepReleaseVersion(context, event) {
  const pull = event.pullRequest;
  const names = pullVersionNames(
    {
      headRef: context.branch ?? pull?.headRef ?? "",
      title: pull?.title ?? "",
      labels: pull?.labels ?? [],
      body: pull?.body
    },
    context.config.release.bots
  );
  return readReleaseVersion({
    ...names,
    file: { name: "package.json", version: context.packageJson.version }
  })?.version;
}
async function runCheckStep(inputs, event, env, workspace, job = "single", intake) {
  const context = await loadStepContext(inputs, event, env, workspace);
  const token = inputs.githubToken;
  const apiUrl = env.GITHUB_API_URL || "https://api.github.com";
  const targetUrl = inputs.url ?? event.deploymentUrl;
  const extra = intake ? intake(
    context,
    itemsToRun(
      { ...context, phase: inputs.phase, only: inputs.only, ...targetUrl ? { targetUrl } : {} },
      "measure"
    )
  ) : [];
  const ran = await runChecks({
    checklist: context.checklist,
    config: context.config,
    repoDir: context.repoDir,
    phase: inputs.phase,
    only: inputs.only,
    targetUrl,
    baseRef: inputs.base ?? defaultBaseRef(context.repoDir),
    releaseVersion: stepReleaseVersion(context, event),
    branch: context.branch ?? event.pullRequest?.headRef,
    prTitle: event.pullRequest?.title,
    env,
    job,
    github: token && event.owner && event.repo ? { token, owner: event.owner, repo: event.repo, apiUrl, headSha: event.headSha } : void 0,
    resolveCheck: toolAwareResolver(
      findCheck,
      // the attesting job runs no code of the PR: never a tool from its node_modules
      actionTools(env, (message) => info(message), job === "attest" ? void 0 : context.repoDir)
    ),
    log: (message) => info(message),
    onResult: (result) => info(progressLine(result))
  });
  const own = ran.map((result) => job === "attest" ? { ...result, how: "verified" } : result);
  const results = orderLike(context, [...own, ...extra]);
  const failed = results.filter((result) => isFailing(result.status));
  const report = resultsReport(results);
  const { passed } = report;
  setOutput("passed", String(passed));
  setOutput("results", JSON.stringify(report));
  setOutput("failed-items", failed.map((result) => result.item).join(","));
  const markdown = resultsMarkdown(results, inputs.phase);
  if (env.GITHUB_STEP_SUMMARY) await summary.addRaw(markdown).write();
  else info(markdown);
  for (const note of annotationsFor(results, context.repoDir, workspace)) {
    const { level, message, ...properties } = note;
    if (level === "error") error(message, properties);
    else warning(message, properties);
  }
  return { results, passed };
}
function orderLike(context, results) {
  const order = new Map(context.checklist.items.map((item, index) => [item.id, index]));
  return [...results].sort((a, b) => (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0));
}

// src/action/event.ts
var Sha = external_exports.string().regex(/^[0-9a-f]{7,64}$/);
var PullRequestPayload = external_exports.object({
  pull_request: external_exports.object({
    number: external_exports.number().int(),
    title: external_exports.string().optional(),
    head: external_exports.object({ sha: Sha, ref: external_exports.string().optional() }),
    // a release bot's PR names its version in its body (src/core/release/release-bots.ts)
    body: external_exports.string().nullable().optional(),
    labels: external_exports.array(external_exports.object({ name: external_exports.string() })).optional()
  })
});
var DispatchPayload = external_exports.object({ inputs: external_exports.object({ sha: Sha }) });
var DeploymentStatusPayload = external_exports.object({
  deployment: external_exports.object({ sha: Sha, environment: external_exports.string().optional() }),
  deployment_status: external_exports.object({
    state: external_exports.string(),
    environment_url: external_exports.string().optional(),
    target_url: external_exports.string().optional()
  })
});
var MergeGroupPayload = external_exports.object({ merge_group: external_exports.object({ head_sha: Sha }) });
function readRunEvent(payload, env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const base = { owner: owner || void 0, repo: repo || void 0 };
  const pr = PullRequestPayload.safeParse(payload);
  if (pr.success) {
    const pull = pr.data.pull_request;
    return {
      ...base,
      headSha: pull.head.sha,
      pullRequest: {
        number: pull.number,
        title: pull.title,
        headRef: pull.head.ref,
        ...pull.body ? { body: pull.body } : {},
        ...pull.labels?.length ? { labels: pull.labels.map((label) => label.name) } : {}
      },
      publishable: true
    };
  }
  const dispatch = DispatchPayload.safeParse(payload);
  if (dispatch.success) return { ...base, headSha: dispatch.data.inputs.sha, publishable: true };
  const deployment = DeploymentStatusPayload.safeParse(payload);
  if (deployment.success) {
    const status = deployment.data.deployment_status;
    const url = status.environment_url || status.target_url;
    return {
      ...base,
      headSha: deployment.data.deployment.sha,
      publishable: true,
      ...url && URL.canParse(url) && /^https?:/.test(url) ? { deploymentUrl: url } : {}
    };
  }
  const group = MergeGroupPayload.safeParse(payload);
  if (group.success) return { ...base, headSha: group.data.merge_group.head_sha, publishable: true };
  return { ...base, headSha: env.GITHUB_SHA || void 0 };
}

// src/action/publish.ts
function workflowRunUrl(env) {
  if (!env.GITHUB_RUN_ID || !env.GITHUB_REPOSITORY) return void 0;
  const server = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
function conclusionOf(results) {
  if (results.some((result) => isFailing(result.status))) return "failure";
  return results.some((result) => result.status === "pass") ? "success" : "neutral";
}
var EVIDENCE_BUDGET = CHECK_OUTPUT_LIMIT - 4096;
function evidenceText(sha, phase, results, job = "single") {
  const full = toEvidence(sha, phase, results, job);
  for (const keep of [20, 5, 1, 0]) {
    const evidence = {
      ...full,
      results: full.results.map((result) => ({ ...result, findings: result.findings.slice(0, keep) }))
    };
    const text = formatEvidenceText(evidence);
    if (Buffer.byteLength(text, "utf8") <= EVIDENCE_BUDGET) return text;
  }
  const results100 = full.results.map((result) => ({
    ...result,
    findings: [],
    summary: result.summary.slice(0, 100)
  }));
  return formatEvidenceText({ ...full, results: results100 });
}
function evidenceCheckRun(headSha, phase, results, detailsUrl, job = "single") {
  return {
    name: EVIDENCE_CHECK_NAME,
    headSha,
    status: "completed",
    conclusion: conclusionOf(results),
    title: resultsTitle(results),
    summary: resultsMarkdown(results, phase),
    text: evidenceText(headSha, phase, results, job),
    // The workflow run: the bot reads the run id from it to check which workflow produced the results.
    ...detailsUrl ? { detailsUrl } : {}
  };
}

// src/action/provenance.ts
async function withProvenance(run, env) {
  const text = run.text ?? "";
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    warning(
      "shipgate: no GitHub OIDC token available, so the bot cannot verify which workflow produced these results and will not tick them: give the job `permissions: id-token: write`"
    );
    return run;
  }
  try {
    const token = await getIDToken(evidenceAudience(text));
    return { ...run, text: attachProvenance(text, token) };
  } catch (error2) {
    warning(
      `shipgate: could not get a GitHub OIDC token (${error2.message}); the bot will not tick these results`
    );
    return run;
  }
}

// src/action/publish-results.ts
async function publishEvidence(gh, evidence) {
  const run = await withProvenance(
    evidenceCheckRun(evidence.headSha, evidence.phase, evidence.results, evidence.detailsUrl, evidence.job),
    evidence.env
  );
  const id = await gh.createCheckRun(run);
  info(`published check run ${run.name} (${run.conclusion}) on ${evidence.headSha}: check run ${id}`);
  return id;
}
async function publishResults(options) {
  const { event } = options;
  if (!options.token) {
    notice("shipgate: no github-token, so the results are not published as a check run");
    return void 0;
  }
  if (!event.publishable || !event.headSha || !event.owner || !event.repo) {
    notice(
      "shipgate: not a pull_request, workflow_dispatch (sha input), deployment_status or merge_group event, so the results are not published as a check run"
    );
    return void 0;
  }
  try {
    const gh = gitHubForToken({
      token: options.token,
      apiUrl: options.apiUrl,
      owner: event.owner,
      repo: event.repo
    });
    return await publishEvidence(gh, {
      headSha: event.headSha,
      phase: options.phase,
      results: options.results,
      ...options.detailsUrl ? { detailsUrl: options.detailsUrl } : {},
      job: options.job ?? "single",
      env: options.env ?? process.env
    });
  } catch (error2) {
    const status = error2.status;
    warning(
      `shipgate: could not publish the ${EVIDENCE_CHECK_NAME} check run (${status ?? "network error"}: ${error2.message}). The workflow needs \`permissions: checks: write\`; pull requests from forks get a read-only token.`
    );
    return void 0;
  }
}

export {
  EVIDENCE_CHECK_NAME,
  parseEvidenceText,
  GITHUB_OIDC_ISSUER,
  evidenceAudience,
  splitProvenance,
  ActionsClaims,
  workflowPathOf,
  measureJobProblems,
  writeMeasureReport,
  readMeasureReport,
  unmeasured,
  runCheckStep,
  readRunEvent,
  workflowRunUrl,
  publishEvidence,
  publishResults
};
