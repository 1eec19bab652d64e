import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  gitHistoryContract
} from "./chunk-QJTH5DIQ.js";
import {
  MAX_SCAN_BYTES,
  SecretAllowlist,
  describeHit,
  fingerprintOf,
  fixtureDetails,
  isUnderFixtureDir,
  listScanFiles,
  scanText,
  testFixtureReason
} from "./chunk-HZKAV2VK.js";
import {
  isGitRepo,
  resolveCommit,
  streamGitLines,
  tryGit
} from "./chunk-RKLOK6U7.js";
import "./chunk-HI6RA6TA.js";
import "./chunk-B4432ZTG.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-PZ57HXUH.js";

// checks/lib/git/history-diff.ts
var HUNK_RE = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
function pathFromHeader(header) {
  let file = header.slice(4).replace(/\t$/, "");
  if (file === "/dev/null") return void 0;
  if (file.startsWith('"') && file.endsWith('"')) file = JSON.parse(file);
  return file.startsWith("b/") ? file.slice(2) : file;
}
async function forEachAddedChunk(dir, onChunk, signal) {
  let commits = 0;
  let commit = "";
  let shortCommit = "";
  let file;
  let lines = [];
  let bytes = 0;
  let inHunk = false;
  let next = 0;
  const flush = () => {
    if (file && lines.length > 0 && bytes <= MAX_SCAN_BYTES) onChunk({ commit, shortCommit, file, lines });
    file = void 0;
    lines = [];
    bytes = 0;
    inHunk = false;
  };
  const args = [
    "log",
    "-p",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--unified=0",
    "--full-history",
    "--relative",
    "--format=%x00%H %h",
    "HEAD",
    "--",
    "."
  ];
  await streamGitLines(
    args,
    dir,
    (line) => {
      if (line.startsWith("\0")) {
        flush();
        [commit = "", shortCommit = ""] = line.slice(1).split(" ");
        commits++;
      } else if (line.startsWith("diff --git ")) {
        flush();
      } else if (!inHunk && line.startsWith("+++ ")) {
        file = pathFromHeader(line);
      } else if (line.startsWith("@@")) {
        const m = HUNK_RE.exec(line);
        inHunk = m !== null;
        next = Number(m?.[1] ?? 0);
      } else if (inHunk && line.startsWith("+")) {
        bytes += line.length;
        if (bytes <= MAX_SCAN_BYTES) lines.push({ line: next, text: line.slice(1) });
        next++;
      }
    },
    signal
  );
  flush();
  return { commits };
}

// checks/git-history.ts
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
async function scanHistory(dir, allowlist, signal) {
  const { fixtureDirs } = await listScanFiles(dir, signal);
  const hits = /* @__PURE__ */ new Map();
  const fixtures = /* @__PURE__ */ new Map();
  let allowlisted = 0;
  const { commits } = await forEachAddedChunk(
    dir,
    (chunk) => {
      if (chunk.file.split("/").includes("node_modules") || isUnderFixtureDir(chunk.file, fixtureDirs))
        return;
      const text = chunk.lines.map((added) => added.text).join("\n");
      for (const hit of scanText(text, chunk.file)) {
        const line = chunk.lines[hit.line - 1]?.line ?? 0;
        const candidate = { commit: chunk.commit, file: chunk.file, ruleId: hit.ruleId, line };
        if (allowlist.allows({ ...candidate, secret: hit.secret, match: hit.match, lineText: hit.lineText })) {
          allowlisted++;
          continue;
        }
        const fixture = testFixtureReason(chunk.file, hit.ruleId, hit.secret);
        if (fixture) {
          fixtures.set(`${hit.ruleId}\0${chunk.file}\0${hit.secret}`, {
            ...candidate,
            shortCommit: chunk.shortCommit,
            display: hit.display,
            reason: fixture
          });
          continue;
        }
        hits.set(`${hit.ruleId}\0${chunk.file}\0${hit.secret}`, {
          ...candidate,
          shortCommit: chunk.shortCommit,
          display: describeHit(hit)
        });
      }
    },
    signal
  );
  return { hits: [...hits.values()], fixtures: [...fixtures.values()], commits, allowlisted };
}
var gitHistoryCheck = defineCheck({
  ...gitHistoryContract,
  async run(_params, ctx) {
    if (!await isGitRepo(ctx.repoDir, ctx.signal)) {
      return { status: "skipped", summary: "not a git repository: there is no history to scan" };
    }
    if (!await resolveCommit("HEAD", ctx.repoDir, ctx.signal)) {
      return { status: "skipped", summary: "no commits yet: there is no history to scan" };
    }
    const allowlist = await SecretAllowlist.load(ctx.repoDir);
    const { hits, fixtures, commits, allowlisted } = await scanHistory(ctx.repoDir, allowlist, ctx.signal);
    const allowed = fixtures.map((hit) => ({
      file: hit.file,
      line: hit.line,
      commit: hit.shortCommit,
      message: `${hit.ruleId}: allowed, ${hit.reason}`
    }));
    const fixtureNote = allowed.length === 0 ? "" : `; ${plural(allowed.length, "test-fixture password")} allowed (generic, low entropy, in test paths)`;
    const shallow = (await tryGit(["rev-parse", "--is-shallow-repository"], ctx.repoDir, ctx.signal)).stdout.trim();
    const findings = hits.map((hit) => ({
      file: hit.file,
      line: hit.line,
      commit: hit.shortCommit,
      message: `${hit.ruleId} added in ${hit.shortCommit}: ${hit.display} (fingerprint ${fingerprintOf({ ...hit, commit: hit.shortCommit })})`
    }));
    const metrics = { findings: findings.length, commits, allowlisted, testFixtures: allowed.length };
    if (commits === 0)
      return { status: "skipped", summary: "no commit reachable from HEAD touches this directory" };
    if (findings.length > 0) {
      const commitCount = new Set(hits.map((hit) => hit.commit)).size;
      return {
        status: "fail",
        summary: `${plural(findings.length, "possible secret")} in ${plural(commitCount, "commit")} of ${commits} (built-in rules)${fixtureNote}`,
        details: "A secret that was ever committed must be rotated: removing it in a later commit does not remove it from history. Allow a reviewed false positive by adding its fingerprint to .shipgate-allowlist." + fixtureDetails(allowed),
        findings,
        metrics
      };
    }
    if (shallow === "true") {
      return {
        status: "skipped",
        summary: `shallow clone: only ${plural(commits, "commit")} of history available (check out with fetch-depth: 0)`,
        metrics
      };
    }
    return {
      status: "pass",
      summary: `0 secrets in ${plural(commits, "commit")} (built-in rules)${fixtureNote}`,
      details: allowed.length > 0 ? fixtureDetails(allowed).trimStart() : void 0,
      metrics
    };
  }
});
export {
  gitHistoryCheck
};
