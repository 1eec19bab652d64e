import { spawnSync } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { type Check, type CheckContext, type CheckOutcome, strictParams } from '../../checks/check.js';
import { findCheck } from '../../checks/index.js';
import type { Config } from '../core/config/config.js';
import { notApplicableByConfig } from '../core/decide/not-applicable.js';
import type { Checklist, ChecklistItem, ItemResult, Phase } from '../core/template/model.js';
import { createMemo } from './memo.js';
import { type StartedTarget, startTarget } from './target.js';

export interface RunChecksOptions {
  checklist: Checklist;
  config: Config;
  repoDir: string;
  phase: Phase;
  /** Restrict to these check names or item ids. */
  only?: readonly string[];
  targetUrl?: string;
  baseRef?: string;
  releaseVersion?: string;
  branch?: string;
  prTitle?: string;
  env: Record<string, string | undefined>;
  github?: CheckContext['github'];
  onStart?: (item: ChecklistItem) => void;
  onResult?: (result: ItemResult) => void;
  log?: (message: string) => void;
  signal?: AbortSignal;
  /** Look checks up elsewhere (tests); defaults to the registry. */
  resolveCheck?: (name: string) => Check<unknown> | undefined;
}

/** Runs every automated item of the phase: parallel with bounded concurrency, each with a timeout. */
export async function runChecks(options: RunChecksOptions): Promise<ItemResult[]> {
  const log = options.log ?? (() => {});
  const resolve = options.resolveCheck ?? findCheck;
  const selected = options.checklist.items.filter(
    (item) =>
      item.kind === 'auto' &&
      item.phase === options.phase &&
      (!options.only?.length || options.only.includes(item.check ?? '') || options.only.includes(item.id)),
  );
  if (selected.length === 0) return [];
  const decided = notApplicableByConfig(options.checklist, options.config);
  const results = new Map<string, ItemResult>();
  const toRun = selected.filter((item) => {
    const reason = decided.get(item.id);
    if (reason === undefined) return true;
    const result: ItemResult = {
      item: item.id,
      text: item.text,
      check: item.check ?? '',
      status: 'skipped',
      summary: reason,
      findings: [],
      durationMs: 0,
    };
    results.set(item.id, result);
    options.onResult?.(result);
    return false;
  });
  // Every running item listens on the caller's signal; more than 10 is expected, not a leak.
  if (options.signal) setMaxListeners(selected.length + 10, options.signal);

  const buildProblem = runBuild(options, log);
  let target: StartedTarget | undefined;
  let targetUrl = options.targetUrl ?? options.config.target.url;
  const targetProblem = await (async () => {
    if (options.targetUrl || !options.config.target.start || !targetUrl) return undefined;
    if (!toRun.some((item) => resolve(item.check ?? '')?.usesTarget)) return undefined;
    try {
      log(`starting target: ${options.config.target.start}`);
      target = await startTarget(
        options.config.target.start,
        options.repoDir,
        targetUrl,
        options.config.target.startTimeoutMs,
      );
      return undefined;
    } catch (error) {
      targetUrl = undefined;
      return (error as Error).message;
    }
  })();

  const baseContext: Omit<CheckContext, 'signal' | 'timeoutMs'> = {
    repoDir: options.repoDir,
    baseRef: options.baseRef,
    buildDir: options.config.build.dir,
    targetUrl,
    targetPid: target?.pid,
    releaseVersion: options.releaseVersion,
    branch: options.branch,
    prTitle: options.prTitle,
    env: options.env,
    environment: options.config.environment,
    ...(options.config.telemetry ? { telemetry: options.config.telemetry } : {}),
    ...(options.github?.headSha ? { sha: options.github.headSha } : {}),
    github: options.github,
    memo: createMemo(),
    log,
  };

  const runOne = async (item: ChecklistItem) => {
    options.onStart?.(item);
    const result = await runItem(item, resolve, baseContext, options, targetProblem, buildProblem);
    results.set(item.id, result);
    options.onResult?.(result);
  };
  try {
    const isDisruptive = (item: ChecklistItem) => resolve(item.check ?? '')?.disruptive === true;
    const isExclusive = (item: ChecklistItem) =>
      !isDisruptive(item) && resolve(item.check ?? '')?.exclusive === true;
    await runPool(
      toRun.filter((item) => !isExclusive(item) && !isDisruptive(item)),
      options.config.concurrency,
      runOne,
    );
    // Performance measurements run alone, so parallel checks do not skew their figures.
    await runPool(toRun.filter(isExclusive), 1, runOne);
    // A rate-limit burst fills the app's limiter: it runs last and alone, so nothing else sees its 429s.
    await runPool(toRun.filter(isDisruptive), 1, runOne);
  } finally {
    await target?.stop();
  }
  return selected.map((item) => results.get(item.id)).filter((result): result is ItemResult => !!result);
}

async function runItem(
  item: ChecklistItem,
  resolve: (name: string) => Check<unknown> | undefined,
  baseContext: Omit<CheckContext, 'signal' | 'timeoutMs'>,
  options: RunChecksOptions,
  targetProblem: string | undefined,
  buildProblem?: string,
): Promise<ItemResult> {
  const name = item.check ?? '';
  const started = performance.now();
  const finish = (outcome: CheckOutcome): ItemResult => ({
    item: item.id,
    text: item.text,
    check: name,
    status: outcome.status,
    summary: outcome.summary,
    findings: outcome.findings ?? [],
    ...(outcome.details ? { details: outcome.details } : {}),
    ...(outcome.metrics ? { metrics: outcome.metrics } : {}),
    durationMs: Math.round(performance.now() - started),
  });
  const check = resolve(name);
  if (!check) return finish({ status: 'error', summary: `unknown check "${name}"` });
  if (buildProblem && check.usesBuild)
    return finish({ status: 'error', summary: buildProblem.slice(0, 300) });
  const { enabled: _enabled, ...overrides } = options.config.checks[name] ?? {};
  const params = strictParams(check.params).safeParse({ ...item.params, ...overrides });
  if (!params.success) {
    const issue = params.error.issues[0];
    return finish({
      status: 'error',
      summary: `bad parameter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    });
  }
  const timeoutMs = options.config.timeoutMs;
  const controller = new AbortController();
  // Checks fan out (a rate-limit burst, WebSocket clients), each request listening for the abort.
  setMaxListeners(1000, controller.signal);
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const context: CheckContext = { ...baseContext, signal: controller.signal, timeoutMs };
    const aborted = new Promise<CheckOutcome>((resolveAbort) =>
      controller.signal.addEventListener('abort', () =>
        resolveAbort({
          status: 'error',
          summary: String((controller.signal.reason as Error)?.message ?? 'aborted'),
        }),
      ),
    );
    const outcome = await Promise.race([check.run(params.data, context), aborted]);
    // Only a check that talks to the app waits on it: a coverage skip naming target/site/jacoco is no such thing.
    if (
      outcome.status === 'skipped' &&
      targetProblem &&
      check.usesTarget &&
      /target/i.test(outcome.summary)
    ) {
      return finish({ status: 'error', summary: `target failed to start: ${targetProblem.slice(0, 200)}` });
    }
    return finish(outcome);
  } catch (error) {
    return finish({ status: 'error', summary: `check threw: ${(error as Error).message ?? String(error)}` });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await worker(item);
    }
  });
  await Promise.all(lanes);
}

/** Runs config `build.command` once before the checks (e.g. the production build and test coverage). */
function runBuild(options: RunChecksOptions, log: (message: string) => void): string | undefined {
  const command = options.config.build.command;
  if (!command) return undefined;
  log(`building: ${command}`);
  const result = spawnSync(command, {
    cwd: options.repoDir,
    shell: true,
    encoding: 'utf8',
    timeout: options.config.timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0) return undefined;
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.trim();
  // The last error line says more than a stack frame's tail.
  const errorLine =
    output
      .split('\n')
      .find((text) => /error/i.test(text))
      ?.trim() ?? output.slice(-300);
  const problem = `build command "${command}" failed (exit ${result.status ?? result.signal}): ${errorLine}`;
  log(problem);
  return problem;
}
