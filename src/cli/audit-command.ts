import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { renderExportPage } from '../audit/export-page.js';
import { isReleasePull } from '../bot/pr/release-pr.js';
import { readAuditJson } from '../core/audit/audit-attachment.js';
import { type AuditRecord, verifyAuditRecord } from '../core/audit/audit-record.js';
import {
  EXPORT_COLUMNS,
  everyReleaseWithoutNote,
  exportCsv,
  exportRow,
  type ReleaseEvidence,
  sample,
  withEveryReleaseSignal,
} from '../core/audit/export-rows.js';
import { COMMENT_MARKER } from '../core/comment/render.js';
import { decodeStateBlock } from '../core/comment/state-block.js';
import { POST_DEPLOY_CHECK, POST_REVIEW_CHECK } from '../core/gate/projection.js';
import {
  appendEvents,
  canonical,
  emptyLedger,
  foldLedger,
  prLedgerKey,
  verifyLedger,
} from '../core/ledger/ledger.js';
import { readReleaseVersion } from '../core/release/release-version.js';
import { gitHubForToken } from '../github/token-client.js';
import type { GitHub, PullInfo } from '../github/types.js';
import { ledgerSecretFrom } from '../load/ledger-secret.js';
import { loadSetup } from '../load/setup.js';
import { type CliIO, UsageError } from './io.js';

export const AUDIT_HELP = `Usage: shipgate audit export --repo OWNER/NAME --since DATE [--until DATE]
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

const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const MAX_RELEASES = 5000;

function isoOf(value: string, flag: string): string {
  const ms = DATE.test(value)
    ? Date.parse(/T/.test(value) && !/Z|[+-]\d{2}:\d{2}$/.test(value) ? `${value}Z` : value)
    : Number.NaN;
  if (!Number.isFinite(ms))
    throw new UsageError(
      `${flag} expects a date like 2026-01-31 or an ISO time, got "${value.slice(0, 40)}"`,
    );
  return new Date(ms).toISOString();
}

/** `shipgate audit export …`; returns the exit code. */
export async function auditCommand(io: CliIO, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'export') throw new UsageError(`unknown audit command "${sub ?? ''}" (expected "export")`);
  const { values } = parseArgs({
    args: rest,
    options: {
      repo: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      format: { type: 'string', default: 'json' },
      sample: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const [owner = '', name = '', extra] = (values.repo ?? '').split('/');
  if (!owner || !name || extra !== undefined || !/^[\w.-]+$/.test(owner) || !/^[\w.-]+$/.test(name))
    throw new UsageError('audit export needs --repo OWNER/NAME');
  if (!values.since) throw new UsageError('audit export needs --since DATE (e.g. --since 2026-01-01)');
  const since = isoOf(values.since, '--since');
  const until = values.until ? isoOf(values.until, '--until') : io.now().toISOString();
  if (Date.parse(until) <= Date.parse(since)) throw new UsageError('--until must be after --since');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'html')
    throw new UsageError(`--format must be json, csv or html, got "${format}"`);
  const sampleSize = values.sample === undefined ? undefined : Number(values.sample);
  if (
    sampleSize !== undefined &&
    (!Number.isInteger(sampleSize) || sampleSize < 1 || !/^\d+$/.test(values.sample ?? ''))
  )
    throw new UsageError(`--sample expects a positive whole number, got "${values.sample}"`);
  if (values.seed !== undefined && !/^\d{1,10}$/.test(values.seed))
    throw new UsageError(`--seed expects a whole number, got "${values.seed}"`);
  if (values.seed !== undefined && sampleSize === undefined)
    throw new UsageError('--seed goes with --sample N');
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError('audit export needs GITHUB_TOKEN (read access to the repository)');
  if (!io.env.SHIPGATE_LEDGER_SECRET && !io.env.WEBHOOK_SECRET)
    throw new UsageError(
      "audit export verifies every record with the bot's key: set SHIPGATE_LEDGER_SECRET (or WEBHOOK_SECRET) as the bot has it",
    );
  const secret = ledgerSecretFrom(io.env);
  const gh = gitHubForToken({
    token,
    apiUrl: io.env.GITHUB_API_URL ?? 'https://api.github.com',
    owner,
    repo: name,
  });

  const { evidence, problems } = await readReleases(gh, secret, since, until);
  if (problems.length > 0) {
    io.stderr.write(
      `shipgate: refusing to export: ${problems.length} release(s) of ${owner}/${name} do not verify\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`,
    );
    return 1;
  }
  const seed = values.seed !== undefined ? Number(values.seed) : randomInt(0, 2 ** 31 - 1);
  const chosen = sampleSize === undefined ? evidence : sample(evidence, sampleSize, seed);
  if (sampleSize !== undefined)
    io.stderr.write(
      `shipgate: sampled ${chosen.length} of ${evidence.length} releases with seed ${seed} (reproduce: --sample ${sampleSize} --seed ${seed})\n`,
    );
  const now = io.now().toISOString();
  const everyRelease = everyReleaseWithoutNote(evidence);
  const rows = withEveryReleaseSignal(
    chosen.map((release) => exportRow(release, now)),
    everyRelease,
    evidence.map((release) => release.record),
  );
  const meta = {
    repo: `${owner}/${name}`,
    since,
    until,
    generatedAt: now,
    population: evidence.length,
    ...(sampleSize !== undefined ? { sample: { n: sampleSize, seed } } : {}),
  };
  const output =
    format === 'csv'
      ? exportCsv(rows)
      : format === 'html'
        ? renderExportPage(rows, meta)
        : `${JSON.stringify(
            {
              schema: 'shipgate/audit-export@1',
              ...meta,
              controls: Object.fromEntries(EXPORT_COLUMNS.map((column) => [column.key, column.control])),
              releases: rows,
            },
            null,
            2,
          )}\n`;
  if (values.out) fs.writeFileSync(values.out, output);
  else io.stdout.write(output);
  io.stderr.write(`shipgate: ${rows.length} release(s) exported, every record and ledger verified\n`);
  return 0;
}

/** Every merged release PR of the period with its verified record and ledger; what did not verify. */
async function readReleases(
  gh: GitHub,
  secret: string,
  since: string,
  until: string,
): Promise<{ evidence: ReleaseEvidence[]; problems: string[] }> {
  const { id, defaultBranch } = await gh.repository();
  const sha = await gh.branchSha(defaultBranch);
  // which PRs are releases: the policy of the default branch, read as the bot reads it
  const setup = await loadSetup(gh, { ref: defaultBranch, sha: sha ?? defaultBranch });
  const pulls = (await gh.listMergedPulls(since, until, MAX_RELEASES)).filter((pull) =>
    isReleasePull(setup.config, pull),
  );
  const evidence: ReleaseEvidence[] = [];
  const problems: string[] = [];
  for (const pull of pulls) {
    const read = await readRelease(gh, secret, id, pull);
    if (typeof read === 'string') problems.push(`#${pull.number}: ${read}`);
    else evidence.push(read);
  }
  return { evidence, problems };
}

async function readRelease(
  gh: GitHub,
  secret: string,
  repositoryId: number,
  pull: PullInfo,
): Promise<ReleaseEvidence | string> {
  const runs = (await gh.listCheckRuns(pull.headSha, 'shipgate')).sort((a, b) => b.id - a.id);
  const version = readReleaseVersion({ branch: pull.headRef, title: pull.title })?.version;
  let raw = runs.map((run) => readAuditJson(run.outputText)).find((found) => found !== undefined);
  // a record too large for the check run is only on the GitHub release of the version (publish.ts)
  for (const tag of version && raw === undefined ? [`v${version}`, version] : []) {
    raw ??= readAuditJson((await gh.releaseByTag(tag))?.body);
  }
  if (raw === undefined)
    return `no signed audit record on the shipgate check run of ${pull.headSha.slice(0, 7)}`;
  const verified = verifyAuditRecord(raw, secret);
  if (!verified.ok) return `audit record: ${verified.reason}`;
  const record: AuditRecord = verified.record;
  if (record.pr.number !== pull.number || record.pr.headSha !== pull.headSha)
    return 'the audit record belongs to another pull request or commit';
  const key = prLedgerKey(secret, { repositoryId, pr: pull.number });
  if (!record.compacted && appendEvents(emptyLedger(key), record.events, key).head !== record.ledgerHead)
    return "the audit record's events do not rebuild its signed ledger head";
  // the live ledger (post-deploy, post-review and rollbacks come after the merge)
  const comment = (await gh.listComments(pull.number)).find((one) => one.body.includes(COMMENT_MARKER));
  const block = comment ? decodeStateBlock(comment.body) : { found: false as const };
  if (!block.found || !('ledger' in block))
    return 'the checklist comment and its signed ledger are missing or unreadable';
  const ledger = block.ledger;
  if (!verifyLedger(ledger, key))
    return 'the ledger in the checklist comment does not verify (altered or signed with another key)';
  if (ledger.base.count === 0 && !record.compacted) {
    const prefix = ledger.events.slice(0, record.events.length);
    if (canonical(prefix) !== canonical(record.events))
      return 'the live ledger does not continue the audit record (history rewritten)';
  }
  const postDeploy = (await gh.listCheckRuns(pull.mergeCommitSha ?? '', POST_DEPLOY_CHECK)).sort(
    (a, b) => b.id - a.id,
  )[0];
  const postReview = (await gh.listCheckRuns(pull.mergeCommitSha ?? '', POST_REVIEW_CHECK)).sort(
    (a, b) => b.id - a.id,
  )[0];
  return {
    record,
    events: ledger.events,
    states: foldLedger(ledger),
    ...(pull.mergedAt ? { mergedAt: pull.mergedAt } : {}),
    ...(version ? { version } : {}),
    ...(postDeploy ? { postDeployRun: postDeploy.conclusion ?? postDeploy.status } : {}),
    ...(postReview ? { postReviewRun: postReview.conclusion ?? postReview.status } : {}),
    integrity: `record signature and ledger chain verified (${ledger.base.count + ledger.events.length} events${record.compacted ? ', compacted' : ''})`,
  };
}
