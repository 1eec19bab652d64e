import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  findExecutable
} from "./chunk-RLH4YB7Z.js";
import {
  secretsContract
} from "./chunk-KJRWDYC4.js";
import {
  SECRET_RULES,
  describeHit,
  fixtureDetails,
  forEachScanTarget,
  listScanFiles,
  scanText,
  testFixtureReason
} from "./chunk-5UY2A5WP.js";
import {
  SecretAllowlist,
  TomlError,
  fingerprintOf
} from "./chunk-MROOBFZA.js";
import "./chunk-RKLOK6U7.js";
import "./chunk-2KCGO22Q.js";
import "./chunk-MRPETQ5A.js";
import {
  defineCheck
} from "./chunk-BFBJ7VPU.js";
import "./chunk-AFGJAQNY.js";
import {
  external_exports
} from "./chunk-RT25MZKP.js";
import "./chunk-CO3T5JD3.js";

// checks/lib/secrets/gitleaks.ts
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
var GitleaksFindingSchema = external_exports.object({
  RuleID: external_exports.string(),
  File: external_exports.string(),
  StartLine: external_exports.number().int(),
  Commit: external_exports.string().optional()
});
var GitleaksReportSchema = external_exports.array(GitleaksFindingSchema);
async function runGitleaksDir(binary, dir, signal) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "shipgate-gitleaks-"));
  const report = path.join(tmp, "report.json");
  try {
    await new Promise((resolve, reject) => {
      execFile(
        binary,
        ["dir", ".", "--redact", "--no-banner", "--report-format", "json", "--report-path", report],
        { cwd: dir, signal, maxBuffer: 16 * 1024 * 1024 },
        (error) => {
          if (error && error.code !== 1)
            reject(new Error(`gitleaks failed: ${error.message.split("\n")[0]}`));
          else resolve();
        }
      );
    });
    const parsed = GitleaksReportSchema.parse(JSON.parse(await readFile(report, "utf8")));
    return parsed.map((finding) => ({
      ruleId: finding.RuleID,
      file: path.relative(dir, path.resolve(dir, finding.File)).split(path.sep).join("/"),
      line: finding.StartLine
    }));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

// checks/secrets.ts
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
async function scanBuiltIn(dir, allowlist, signal) {
  const listing = await listScanFiles(dir, signal);
  const rules = allowlist.customRules.length > 0 ? [...SECRET_RULES, ...allowlist.customRules] : SECRET_RULES;
  const result = {
    findings: [],
    fixtures: [],
    filesScanned: 0,
    filesWithFindings: 0,
    skipped: { binary: 0, large: 0, allowlisted: 0 }
  };
  const toRead = listing.files.filter((file) => !allowlist.allowsPath(file));
  result.skipped.allowlisted += listing.files.length - toRead.length;
  await forEachScanTarget(dir, toRead, signal, (file, read) => {
    if (read.kind === "skipped") {
      if (read.reason !== "unreadable") result.skipped[read.reason]++;
      return;
    }
    result.filesScanned++;
    let found = false;
    for (const hit of scanText(read.text, file, rules)) {
      const candidate = { file, ruleId: hit.ruleId, line: hit.line };
      if (allowlist.allows({ ...candidate, secret: hit.secret, match: hit.match, lineText: hit.lineText })) {
        result.skipped.allowlisted++;
        continue;
      }
      const fixture = testFixtureReason(file, hit.ruleId, hit.secret);
      if (fixture) {
        result.fixtures.push({ file, line: hit.line, message: `${hit.ruleId}: allowed, ${fixture}` });
        continue;
      }
      found = true;
      result.findings.push({
        file,
        line: hit.line,
        message: `${hit.ruleId}: ${describeHit(hit)} (fingerprint ${fingerprintOf(candidate)})`
      });
    }
    if (found) result.filesWithFindings++;
  });
  const byPlace = (a, b) => (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0);
  result.findings.sort(byPlace);
  result.fixtures.sort(byPlace);
  return result;
}
async function scanWithGitleaks(binary, dir, allowlist, signal) {
  const listing = await listScanFiles(dir, signal);
  const fixtureDirs = listing.fixtureDirs;
  const raw = await runGitleaksDir(binary, dir, signal);
  const kept = raw.filter(
    (f) => !f.file.split("/").includes("node_modules") && !fixtureDirs.some((fixtureDir) => f.file.startsWith(`${fixtureDir}/`)) && !allowlist.allows(f)
  );
  const findings = kept.map((f) => ({
    file: f.file,
    line: f.line,
    message: `${f.ruleId}: \u2026[redacted] (fingerprint ${fingerprintOf(f)})`
  }));
  return { findings, files: new Set(kept.map((f) => f.file)).size, allowlisted: raw.length - kept.length };
}
var secretsCheck = defineCheck({
  ...secretsContract,
  async run(params, ctx) {
    let allowlist;
    try {
      allowlist = await SecretAllowlist.load(ctx.repoDir);
    } catch (error) {
      if (error instanceof TomlError) return { status: "error", summary: `${error.message} (fix the file)` };
      throw error;
    }
    const gitleaks = params.engine === "builtin" ? void 0 : await findExecutable("gitleaks", ctx.env.PATH, { systemOnly: true });
    if (params.engine === "gitleaks" && !gitleaks) {
      return { status: "skipped", summary: "gitleaks not found on PATH (engine=gitleaks)" };
    }
    if (gitleaks) {
      ctx.log(`secrets: scanning ${ctx.repoDir} with ${gitleaks}`);
      const scan2 = await scanWithGitleaks(gitleaks, ctx.repoDir, allowlist, ctx.signal);
      const count2 = scan2.findings.length;
      return {
        status: count2 === 0 ? "pass" : "fail",
        summary: count2 === 0 ? "0 secrets found (gitleaks)" : `${plural(count2, "possible secret")} in ${plural(scan2.files, "file")} (gitleaks)`,
        findings: scan2.findings,
        metrics: { findings: count2, allowlisted: scan2.allowlisted }
      };
    }
    const scan = await scanBuiltIn(ctx.repoDir, allowlist, ctx.signal);
    const count = scan.findings.length;
    const { binary, large, allowlisted } = scan.skipped;
    const fixtures = scan.fixtures.length;
    const fixtureNote = fixtures === 0 ? "" : `; ${plural(fixtures, "test-fixture password")} allowed (generic, low entropy, in test paths)`;
    if (scan.filesScanned === 0 && count === 0) {
      return { status: "skipped", summary: "no text files to scan (all ignored, binary or over 1 MB)" };
    }
    return {
      status: count === 0 ? "pass" : "fail",
      summary: count === 0 ? `0 secrets in ${plural(scan.filesScanned, "file")} (built-in rules)${fixtureNote}` : `${plural(count, "possible secret")} in ${plural(scan.filesWithFindings, "file")} (built-in rules)${fixtureNote}`,
      details: `Scanned ${plural(scan.filesScanned, "file")}; skipped ${binary} binary, ${large} over 1 MB; ${allowlisted} allow-listed. Allow a false positive by adding its fingerprint to .shipgate-allowlist (or .gitleaksignore), an [allowlist] to .gitleaks.toml, or put \`shipgate:allow\` on the line.` + fixtureDetails(scan.fixtures),
      findings: scan.findings,
      metrics: {
        findings: count,
        files: scan.filesScanned,
        skippedBinary: binary,
        skippedLarge: large,
        allowlisted,
        testFixtures: fixtures
      }
    };
  }
});
export {
  secretsCheck
};
