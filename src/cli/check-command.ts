import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findContract } from '../../checks/contracts/index.js';
import { notApplicableByConfig } from '../core/decide/not-applicable.js';
import { phaseGate } from '../core/gate/release-gates.js';
import type { ItemStates } from '../core/ledger/ledger.js';
import { type Checklist, type ItemResult, type Phase, resultsReport } from '../core/template/model.js';
import { loadRepoContext } from '../load/repo-context.js';
import { colorEnabled, paint } from '../report/color.js';
import { countLine, progressLine, resultsTable } from '../report/report-text.js';
import { defaultBaseRef, headSha } from '../runner/git-info.js';
import { runChecks } from '../runner/run-checks.js';
import { type CliIO, UsageError } from './io.js';
import {
  buildFailureText,
  markWaiting,
  missingArtifactText,
  missingProgramText,
  missingServices,
  missingServicesText,
} from './missing-services.js';

export const CHECK_HELP = `Usage: shipgate check [DIR] [--template FILE] [--config FILE] [--url URL] [--base REF]
                      [--only a,b] [--phase pre-merge|post-deploy] [--format text|json]

Runs every automated item's check for DIR (default: .) in parallel and prints the results.
  --url URL       target of the running app (default: config target.url / target.start)
  --base REF      base ref for version comparison (default: merge base with main or master)
  --only a,b      only these check names or item ids
  --phase P       pre-merge (default) or post-deploy items
  --format F      text (default; progress + table) or json (one JSON document on stdout)
Exit 0 when no check fails or errors, 1 otherwise, 2 on usage or config errors.
`;

export async function checkCommand(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      template: { type: 'string' },
      config: { type: 'string' },
      url: { type: 'string' },
      base: { type: 'string' },
      only: { type: 'string' },
      phase: { type: 'string', default: 'pre-merge' },
      format: { type: 'string', default: 'text' },
    },
  });
  if (positionals.length > 1) throw new UsageError('check takes at most one directory');
  if (values.format !== 'text' && values.format !== 'json')
    throw new UsageError('--format must be text or json');
  if (values.phase !== 'pre-merge' && values.phase !== 'post-deploy') {
    throw new UsageError('--phase must be pre-merge or post-deploy');
  }
  if (values.url && !URL.canParse(values.url)) throw new UsageError(`--url is not a URL: ${values.url}`);
  const phase: Phase = values.phase;
  const dir = resolve(io.cwd, positionals[0] ?? '.');
  if (!existsSync(dir)) throw new UsageError(`${positionals[0] ?? '.'}: no such directory`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${positionals[0]}: not a directory`);
  const context = await loadRepoContext(io, positionals[0], values);
  const only = values.only
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const unknown = (only ?? []).filter(
    (name) => !findContract(name) && !context.checklist.items.some((item) => item.id === name),
  );
  if (unknown.length > 0) {
    throw new UsageError(
      `--only: unknown check or item ${unknown.map((name) => `"${name}"`).join(', ')} (checks: ${[
        ...new Set(context.checklist.items.flatMap((item) => (item.check ? [item.check] : []))),
      ].join(', ')})`,
    );
  }
  if (
    only &&
    only.length > 0 &&
    !context.checklist.items.some(
      (item) =>
        item.kind === 'auto' &&
        item.phase === phase &&
        (only.includes(item.check ?? '') || only.includes(item.id)),
    )
  ) {
    throw new UsageError(`--only ${only.join(',')}: no ${phase} item of the checklist uses it`);
  }
  const live = values.format === 'text' && io.stderr.isTTY === true;
  const colorErr = values.format === 'text' && colorEnabled(io.env, io.stderr);
  const colorOut = values.format === 'text' && colorEnabled(io.env, io.stdout);
  const running = new Set<string>();
  const started = performance.now();
  const clearLive = () => live && io.stderr.write('\r\x1b[2K');
  const drawLive = () =>
    live && io.stderr.write(`\r\x1b[2K… running ${running.size}: ${[...running].join(', ').slice(0, 100)}`);
  const ran = await runChecks({
    checklist: context.checklist,
    config: context.config,
    repoDir: context.repoDir,
    phase,
    only,
    targetUrl: values.url,
    baseRef: values.base ?? defaultBaseRef(context.repoDir),
    releaseVersion: context.releaseVersion,
    branch: context.branch,
    env: io.env,
    // the developer's own machine: the build runs as `npm run build` would (see RunChecksOptions)
    inheritEnv: true,
    log: (message) => {
      clearLive();
      io.stderr.write(`${message}\n`);
      drawLive();
    },
    onStart: (item) => {
      running.add(item.check ?? item.id);
      drawLive();
    },
    onResult: (result) => {
      running.delete(result.check);
      clearLive();
      io.stderr.write(`${progressLine(result, colorErr)}\n`);
      drawLive();
    },
  });
  clearLive();
  // A database or cache that is not running here is one cause: said once, and on each item waiting on it.
  const { start, url } = context.config.target;
  const startsApp = values.url === undefined && start !== undefined && url !== undefined;
  const missing = await missingServices(context.repoDir, ran, io.env, startsApp ? start : undefined);
  const results = markWaiting(ran, missing);
  const report = resultsReport(results);
  const { passed } = report;
  if (values.format === 'json') {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const wallMs = performance.now() - started;
    io.stdout.write(
      `\n${resultsTable(results, 120, colorOut)}\n\n${countLine(results)} in ${(wallMs / 1000).toFixed(1)} s\n`,
    );
    // One cause for the items that could not run the app: the jar the build did not make, the
    // program that is not installed, the services that are not running, or the start's own error.
    const artifact = startsApp
      ? missingArtifactText(context.repoDir, start, context.config.build.command, results)
      : [];
    const causes = [
      ...(artifact.length > 0 ? artifact : [...missingProgramText(results), ...missingServicesText(missing)]),
      // the build's own failure, once, unless a missing service already explains it
      ...(missing.length > 0 ? [] : buildFailureText(results)),
    ];
    for (const line of causes) io.stdout.write(`${line}\n`);
    const notApplicable = [...notApplicableByConfig(context.checklist, context.config).keys()];
    const gate = gateLine(context.checklist, results, phase, context.repoDir, notApplicable);
    io.stdout.write(`${paint(report.passed ? 'pass' : 'fail', gate, colorOut)}\n`);
    for (const line of decisionsNeeded(context.checklist, results, notApplicable))
      io.stdout.write(`${line}\n`);
  }
  return passed ? 0 : 1;
}

/** The gate as it would stand with these results and no human ticks yet. */
function gateLine(
  checklist: Checklist,
  results: ItemResult[],
  phase: Phase,
  repoDir: string,
  notApplicable: readonly string[],
): string {
  const sha = headSha(repoDir) ?? 'local';
  const states: ItemStates = {};
  for (const result of results) {
    states[result.item] = {
      checked: result.status === 'pass',
      status: result.status,
      summary: result.summary,
      sha,
    };
  }
  const gate = phaseGate({ checklist, states, headSha: sha, phase, notApplicable });
  const automatedOk = results.every((result) => result.status === 'pass' || result.status === 'skipped');
  return `gate: ${automatedOk ? 'automated checks OK' : 'automated checks FAILING'} · ${gate.summary}`;
}

/**
 * A skipped required item blocks the gate until someone decides: each gets one line saying which
 * decision (N/A with a reason, or the config fix its skip reason names).
 */
function decisionsNeeded(
  checklist: Checklist,
  results: readonly ItemResult[],
  notApplicable: readonly string[],
): string[] {
  const required = new Set(checklist.items.filter((item) => !item.optional).map((item) => item.id));
  const waiting = results.filter(
    (result) =>
      result.status === 'skipped' && required.has(result.item) && !notApplicable.includes(result.item),
  );
  if (waiting.length === 0) return [];
  return [
    `${waiting.length} skipped required item${waiting.length === 1 ? '' : 's'} need a decision: mark N/A (config items.<id>.na: "reason", or /shipgate na <id> <reason> on the PR) or fix what the reason names:`,
    ...waiting.map((result) => `  - ${result.item} (${result.check}): ${result.summary}`),
  ];
}
