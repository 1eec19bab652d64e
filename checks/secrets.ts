import type { Finding } from '../src/core/template/model.js';
import { type CheckOutcome, defineCheck } from './check.js';
import { secretsContract } from './contracts/secrets.js';
import { findExecutable } from './lib/process/find-executable.js';
import { fingerprintOf, SecretAllowlist } from './lib/secrets/allowlist.js';
import { describeHit, scanText } from './lib/secrets/engine.js';
import { runGitleaksDir } from './lib/secrets/gitleaks.js';
import { SECRET_RULES } from './lib/secrets/rules.js';
import { forEachScanTarget, listScanFiles } from './lib/secrets/scan-files.js';
import { fixtureDetails, testFixtureReason } from './lib/secrets/test-fixtures.js';
import { TomlError } from './lib/secrets/toml.js';

interface ScanResult {
  findings: Finding[];
  /** Test fixtures' passwords: reported, not failures (see test-fixtures.ts). */
  fixtures: Finding[];
  filesScanned: number;
  filesWithFindings: number;
  skipped: { binary: number; large: number; allowlisted: number };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

async function scanBuiltIn(
  dir: string,
  allowlist: SecretAllowlist,
  signal: AbortSignal,
): Promise<ScanResult> {
  const listing = await listScanFiles(dir, signal);
  const rules = allowlist.customRules.length > 0 ? [...SECRET_RULES, ...allowlist.customRules] : SECRET_RULES;
  const result: ScanResult = {
    findings: [],
    fixtures: [],
    filesScanned: 0,
    filesWithFindings: 0,
    skipped: { binary: 0, large: 0, allowlisted: 0 },
  };
  const toRead = listing.files.filter((file) => !allowlist.allowsPath(file));
  result.skipped.allowlisted += listing.files.length - toRead.length;
  await forEachScanTarget(dir, toRead, signal, (file, read) => {
    if (read.kind === 'skipped') {
      if (read.reason !== 'unreadable') result.skipped[read.reason]++;
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
        message: `${hit.ruleId}: ${describeHit(hit)} (fingerprint ${fingerprintOf(candidate)})`,
      });
    }
    if (found) result.filesWithFindings++;
  });
  const byPlace = (a: Finding, b: Finding) =>
    (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
  result.findings.sort(byPlace);
  result.fixtures.sort(byPlace);
  return result;
}

async function scanWithGitleaks(
  binary: string,
  dir: string,
  allowlist: SecretAllowlist,
  signal: AbortSignal,
) {
  const listing = await listScanFiles(dir, signal);
  const fixtureDirs = listing.fixtureDirs;
  const raw = await runGitleaksDir(binary, dir, signal);
  const kept = raw.filter(
    (f) =>
      !f.file.split('/').includes('node_modules') &&
      !fixtureDirs.some((fixtureDir) => f.file.startsWith(`${fixtureDir}/`)) &&
      !allowlist.allows(f),
  );
  const findings: Finding[] = kept.map((f) => ({
    file: f.file,
    line: f.line,
    message: `${f.ruleId}: …[redacted] (fingerprint ${fingerprintOf(f)})`,
  }));
  return { findings, files: new Set(kept.map((f) => f.file)).size, allowlisted: raw.length - kept.length };
}

export const secretsCheck = defineCheck({
  ...secretsContract,
  async run(params, ctx): Promise<CheckOutcome> {
    let allowlist: SecretAllowlist;
    try {
      allowlist = await SecretAllowlist.load(ctx.repoDir);
    } catch (error) {
      // fail closed: an allow-list we cannot read must not let the scan pass
      if (error instanceof TomlError) return { status: 'error', summary: `${error.message} (fix the file)` };
      throw error;
    }
    const gitleaks =
      params.engine === 'builtin'
        ? undefined
        : await findExecutable('gitleaks', ctx.env.PATH, { systemOnly: true });
    if (params.engine === 'gitleaks' && !gitleaks) {
      return { status: 'skipped', summary: 'gitleaks not found on PATH (engine=gitleaks)' };
    }
    if (gitleaks) {
      ctx.log(`secrets: scanning ${ctx.repoDir} with ${gitleaks}`);
      const scan = await scanWithGitleaks(gitleaks, ctx.repoDir, allowlist, ctx.signal);
      const count = scan.findings.length;
      return {
        status: count === 0 ? 'pass' : 'fail',
        summary:
          count === 0
            ? '0 secrets found (gitleaks)'
            : `${plural(count, 'possible secret')} in ${plural(scan.files, 'file')} (gitleaks)`,
        findings: scan.findings,
        metrics: { findings: count, allowlisted: scan.allowlisted },
      };
    }
    const scan = await scanBuiltIn(ctx.repoDir, allowlist, ctx.signal);
    const count = scan.findings.length;
    const { binary, large, allowlisted } = scan.skipped;
    const fixtures = scan.fixtures.length;
    const fixtureNote =
      fixtures === 0
        ? ''
        : `; ${plural(fixtures, 'test-fixture password')} allowed (generic, low entropy, in test paths)`;
    if (scan.filesScanned === 0 && count === 0) {
      return { status: 'skipped', summary: 'no text files to scan (all ignored, binary or over 1 MB)' };
    }
    return {
      status: count === 0 ? 'pass' : 'fail',
      summary:
        count === 0
          ? `0 secrets in ${plural(scan.filesScanned, 'file')} (built-in rules)${fixtureNote}`
          : `${plural(count, 'possible secret')} in ${plural(scan.filesWithFindings, 'file')} (built-in rules)${fixtureNote}`,
      details:
        `Scanned ${plural(scan.filesScanned, 'file')}; skipped ${binary} binary, ${large} over 1 MB; ` +
        `${allowlisted} allow-listed. Allow a false positive by adding its fingerprint to .shipgate-allowlist ` +
        '(or .gitleaksignore), an [allowlist] to .gitleaks.toml, or put `shipgate:allow` on the line.' +
        fixtureDetails(scan.fixtures),
      findings: scan.findings,
      metrics: {
        findings: count,
        files: scan.filesScanned,
        skippedBinary: binary,
        skippedLarge: large,
        allowlisted,
        testFixtures: fixtures,
      },
    };
  },
});
