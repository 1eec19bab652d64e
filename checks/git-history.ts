import type { Finding } from '../src/core/template/model.js';
import { type CheckOutcome, defineCheck } from './check.js';
import { gitHistoryContract } from './contracts/git-history.js';
import { isGitRepo, resolveCommit, tryGit } from './lib/git/git.js';
import { forEachAddedChunk } from './lib/git/history-diff.js';
import { fingerprintOf, SecretAllowlist } from './lib/secrets/allowlist.js';
import { describeHit, scanText } from './lib/secrets/engine.js';
import { isUnderFixtureDir, listScanFiles } from './lib/secrets/scan-files.js';
import { fixtureDetails, testFixtureReason } from './lib/secrets/test-fixtures.js';

interface HistoryHit {
  commit: string;
  shortCommit: string;
  file: string;
  line: number;
  ruleId: string;
  display: string;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Scans every line added in the history of `dir`; one hit per secret per file (its oldest commit). */
async function scanHistory(dir: string, allowlist: SecretAllowlist, signal: AbortSignal) {
  const { fixtureDirs } = await listScanFiles(dir, signal);
  // keyed by rule + file + secret: git log runs newest first, so the last write is the commit that introduced it
  const hits = new Map<string, HistoryHit>();
  const fixtures = new Map<string, HistoryHit & { reason: string }>();
  let allowlisted = 0;
  const { commits } = await forEachAddedChunk(
    dir,
    (chunk) => {
      if (chunk.file.split('/').includes('node_modules') || isUnderFixtureDir(chunk.file, fixtureDirs))
        return;
      const text = chunk.lines.map((added) => added.text).join('\n');
      for (const hit of scanText(text, chunk.file)) {
        const line = chunk.lines[hit.line - 1]?.line ?? 0;
        const candidate = { commit: chunk.commit, file: chunk.file, ruleId: hit.ruleId, line };
        if (
          allowlist.allows({ ...candidate, secret: hit.secret, match: hit.match, lineText: hit.lineText })
        ) {
          allowlisted++;
          continue;
        }
        const fixture = testFixtureReason(chunk.file, hit.ruleId, hit.secret);
        if (fixture) {
          fixtures.set(`${hit.ruleId}\0${chunk.file}\0${hit.secret}`, {
            ...candidate,
            shortCommit: chunk.shortCommit,
            display: hit.display,
            reason: fixture,
          });
          continue;
        }
        hits.set(`${hit.ruleId}\0${chunk.file}\0${hit.secret}`, {
          ...candidate,
          shortCommit: chunk.shortCommit,
          display: describeHit(hit),
        });
      }
    },
    signal,
  );
  return { hits: [...hits.values()], fixtures: [...fixtures.values()], commits, allowlisted };
}

export const gitHistoryCheck = defineCheck({
  ...gitHistoryContract,
  async run(_params, ctx): Promise<CheckOutcome> {
    if (!(await isGitRepo(ctx.repoDir, ctx.signal))) {
      return { status: 'skipped', summary: 'not a git repository: there is no history to scan' };
    }
    if (!(await resolveCommit('HEAD', ctx.repoDir, ctx.signal))) {
      return { status: 'skipped', summary: 'no commits yet: there is no history to scan' };
    }
    const allowlist = await SecretAllowlist.load(ctx.repoDir);
    const { hits, fixtures, commits, allowlisted } = await scanHistory(ctx.repoDir, allowlist, ctx.signal);
    const allowed: Finding[] = fixtures.map((hit) => ({
      file: hit.file,
      line: hit.line,
      commit: hit.shortCommit,
      message: `${hit.ruleId}: allowed, ${hit.reason}`,
    }));
    const fixtureNote =
      allowed.length === 0
        ? ''
        : `; ${plural(allowed.length, 'test-fixture password')} allowed (generic, low entropy, in test paths)`;
    const shallow = (
      await tryGit(['rev-parse', '--is-shallow-repository'], ctx.repoDir, ctx.signal)
    ).stdout.trim();
    const findings: Finding[] = hits.map((hit) => ({
      file: hit.file,
      line: hit.line,
      commit: hit.shortCommit,
      message: `${hit.ruleId} added in ${hit.shortCommit}: ${hit.display} (fingerprint ${fingerprintOf({ ...hit, commit: hit.shortCommit })})`,
    }));
    const metrics = { findings: findings.length, commits, allowlisted, testFixtures: allowed.length };
    if (commits === 0)
      return { status: 'skipped', summary: 'no commit reachable from HEAD touches this directory' };
    if (findings.length > 0) {
      const commitCount = new Set(hits.map((hit) => hit.commit)).size;
      return {
        status: 'fail',
        summary: `${plural(findings.length, 'possible secret')} in ${plural(commitCount, 'commit')} of ${commits} (built-in rules)${fixtureNote}`,
        details:
          'A secret that was ever committed must be rotated: removing it in a later commit does not remove it from history. ' +
          'Allow a reviewed false positive by adding its fingerprint to .shipgate-allowlist.' +
          fixtureDetails(allowed),
        findings,
        metrics,
      };
    }
    if (shallow === 'true') {
      return {
        status: 'skipped',
        summary: `shallow clone: only ${plural(commits, 'commit')} of history available (check out with fetch-depth: 0)`,
        metrics,
      };
    }
    return {
      status: 'pass',
      summary: `0 secrets in ${plural(commits, 'commit')} (built-in rules)${fixtureNote}`,
      details: allowed.length > 0 ? fixtureDetails(allowed).trimStart() : undefined,
      metrics,
    };
  },
});
